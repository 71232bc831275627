// Every French message of the game, merged from the same parts as the English (./en.ts).
import { debrief } from "../fr/debrief.js";
import { general } from "../fr/general.js";
import { glossary } from "../fr/glossary.js";
import { rejections } from "../fr/rejections.js";
import { replay } from "../fr/replay.js";
import { table } from "../fr/table.js";

export const messages = { ...general, ...rejections, ...debrief, ...table, ...replay, ...glossary } as const;
