// The teacher's exports in the teacher's language. The debrief page asks for the spreadsheet
// and the printable summary with `lang=<code>` (the language its picker shows); the words come
// from two places, both plain data: this folder's catalogs for what only the exports say, and
// the game's own catalogs (client/text/languages) for what the screens already say — rule
// names, stances, "Follow the money" — so the printout and the screens never disagree and no
// message is kept twice. Messages are ICU, run by the same library as the browser (Lingui),
// compiled here on first use; numbers, lists and dates go through Intl in that language.
import { setupI18n, type I18n } from "@lingui/core";
import { compileMessageOrThrow } from "@lingui/message-utils/compileMessage";
import { DEFAULT_LANGUAGE, isLanguage, pickLanguage, type Language } from "../../client/text/languages.js";
import { messages as gameDe } from "../../client/text/languages/de.js";
import { messages as gameEn } from "../../client/text/languages/en.js";
import { messages as gameEs } from "../../client/text/languages/es.js";
import { messages as gameFr } from "../../client/text/languages/fr.js";
import { messages as gamePt } from "../../client/text/languages/pt-BR.js";
import { exportsDe } from "./de.js";
import { exportsEn, type ExportMessages } from "./en.js";
import { exportsEs } from "./es.js";
import { exportsFr } from "./fr.js";
import { exportsPt } from "./pt-BR.js";

/** The game's messages the exports reuse, by key (each also on some screen). */
export const REUSED_KEYS = [
  "debrief.vote.rule.R1",
  "debrief.vote.rule.R2",
  "debrief.vote.rule.R3",
  "debrief.vote.rule.R4",
  "debrief.stance.support",
  "debrief.stance.live",
  "debrief.stance.object",
  "debrief.by.consensus",
  "debrief.by.vote",
  "debrief.by.status-quo",
  "debrief.vote.dossier",
  "debrief.vote.role",
  "debrief.vote.actual",
  "debrief.vote.title",
  "debrief.room.title",
  "debrief.money.title",
  "debrief.money.none",
  "debrief.part.marks",
  "debrief.outcomes.mandate",
  "debrief.outcomes.standing",
  "debrief.outcomes.total",
  "debrief.tables.gini",
  "ended.whatHappened",
  // A bot's notes on its offers and grants, quoted in the summary in its language (BotLine).
  "bot.fellowship.note.0",
  "bot.fellowship.note.1",
  "bot.fellowship.expects.0",
  "bot.fellowship.expects.1",
  "bot.grant.note.0",
  "bot.grant.note.1",
  "bot.grant.reward.0",
  "bot.grant.reward.1",
] as const satisfies readonly (keyof typeof gameEn)[];

export type ExportKey = keyof typeof exportsEn | (typeof REUSED_KEYS)[number];

/** Each language's export words. */
export const EXPORT_CATALOGS: Record<Language, ExportMessages> = { en: exportsEn, es: exportsEs, "pt-BR": exportsPt, fr: exportsFr, de: exportsDe };
const GAME_CATALOGS: Record<Language, Readonly<Record<string, string>>> = { en: gameEn, es: gameEs, "pt-BR": gamePt, fr: gameFr, de: gameDe };

/**
 * The language an export asks for: `?lang=es`; a region the game does not speak finds its
 * language ("es-MX" → Spanish, "pt-PT" → Brazilian Portuguese); missing, unknown or malformed
 * values get English, the scenario's own language — an export never fails over its language.
 */
export function exportLanguage(requested: unknown): Language {
  if (typeof requested !== "string" || requested.length > 35 || !/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(requested)) return DEFAULT_LANGUAGE;
  return isLanguage(requested) ? requested : pickLanguage([requested]);
}

export interface Words {
  language: Language;
  t(key: ExportKey, params?: Readonly<Record<string, string | number>>): string;
  /** 6.75 · 6,75: up to two decimals, as the debrief screens show scores. */
  number(value: number): string;
  /** "TECH and USG" · "TECH y USG". */
  list(items: readonly string[]): string;
  /** A day as the language writes it: "30 Nov 2026", "30 nov 2026". */
  date(value: Date): string;
}

const made = new Map<Language, Words>();

/** The exports' words in `language` (built once per language). */
export function wordsFor(language: Language): Words {
  const known = made.get(language);
  if (known) return known;
  const game = GAME_CATALOGS[language];
  const source: Record<string, string> = { ...EXPORT_CATALOGS[language] };
  for (const key of REUSED_KEYS) source[key] = game[key] ?? gameEn[key];
  const i18n: I18n = setupI18n();
  i18n.loadAndActivate({ locale: language, messages: Object.fromEntries(Object.entries(source).map(([key, text]) => [key, compileMessageOrThrow(text)])) });
  const numbers = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
  const lists = new Intl.ListFormat(language, { style: "long", type: "conjunction" });
  const dates = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeZone: "UTC" });
  const words: Words = {
    language,
    t: (key, params) => i18n._(key, params),
    number: (value) => numbers.format(value),
    list: (items) => lists.format(items),
    date: (value) => dates.format(value),
  };
  made.set(language, words);
  return words;
}
