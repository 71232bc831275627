// Every Brazilian Portuguese message of the game, merged from the same parts as the English (./en.ts).
import { debrief } from "../pt-BR/debrief.js";
import { general } from "../pt-BR/general.js";
import { glossary } from "../pt-BR/glossary.js";
import { rejections } from "../pt-BR/rejections.js";
import { replay } from "../pt-BR/replay.js";
import { table } from "../pt-BR/table.js";

export const messages = { ...general, ...rejections, ...debrief, ...table, ...replay, ...glossary } as const;
