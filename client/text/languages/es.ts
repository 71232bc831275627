// Every Spanish message of the game, merged from the same parts as the English (./en.ts).
import { debrief } from "../es/debrief.js";
import { general } from "../es/general.js";
import { glossary } from "../es/glossary.js";
import { rejections } from "../es/rejections.js";
import { replay } from "../es/replay.js";
import { table } from "../es/table.js";

export const messages = { ...general, ...rejections, ...debrief, ...table, ...replay, ...glossary } as const;
