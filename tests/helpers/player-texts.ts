// The words people read on the game's screens, as plain text for the readability check and
// the benchmark: every message of the English catalog (placeholders filled with a typical
// value, a plural block with its "other" case), the game's glossary, and a scenario's own
// texts (shared/scenario/readability.ts). Messages only the teacher reads are told apart.
import { debriefEn } from "../../client/text/debrief-en.js";
import { en } from "../../client/text/en.js";
import { GAME_TERMS, glossaryEn, type GlossaryEntry } from "../../client/text/glossary-en.js";
import type { PlayerText } from "../../shared/scenario/readability.js";

/** The game's glossary in English (the screens word it in the device's language, client/ui/glossary.ts). */
export const GAME_GLOSSARY: readonly GlossaryEntry[] = GAME_TERMS.map((id) => ({ term: glossaryEn[`glossary.term.${id}`], meaning: glossaryEn[`glossary.meaning.${id}`] }));

/** Message keys only the teacher reads (setup, dashboard, printables, recorded matches). */
export const TEACHER_ONLY = /^(setup|host|plan|print|guide|matches|teacherKey|chair)\./;

/** A message as a reader sees it: "{count, plural, one {# token} other {# tokens}}" → "3 tokens", "{name}" → "Ana". */
export function plainMessage(message: string): string {
  let text = message;
  for (let guard = 0; guard < 20 && /\{[^{}]*,\s*plural\s*,/.test(text); guard++) {
    text = text.replace(/\{[^{},]+,\s*plural\s*,((?:[^{}]|\{[^{}]*\})*)\}/, (_m, body: string) => /other\s*\{([^{}]*)\}/.exec(body)?.[1]?.replace(/#/g, "3") ?? "");
  }
  return text.replace(/\{(\w+)\}/g, (_m, name: string) => (/count|number|total|minutes|seconds|tokens|amount|cost|value|income|round|table/i.test(name) ? "3" : "Ana"));
}

export function catalogTexts(): (PlayerText & { teacherOnly: boolean })[] {
  const messages: Record<string, string> = { ...en, ...debriefEn };
  const out = Object.entries(messages)
    .filter(([key]) => !/^nickname\.(adjectives|animals)$/.test(key))
    .map(([key, message]) => ({ where: key, text: plainMessage(message), teacherOnly: TEACHER_ONLY.test(key) }));
  for (const entry of GAME_GLOSSARY) out.push({ where: `glossary.${entry.term}`, text: entry.meaning, teacherOnly: false });
  return out;
}
