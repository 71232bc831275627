// Every German message of the game, merged from the same parts as the English (./en.ts).
import { debrief } from "../de/debrief.js";
import { general } from "../de/general.js";
import { glossary } from "../de/glossary.js";
import { rejections } from "../de/rejections.js";
import { replay } from "../de/replay.js";
import { table } from "../de/table.js";

export const messages = { ...general, ...rejections, ...debrief, ...table, ...replay, ...glossary } as const;
