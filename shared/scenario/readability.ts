// How hard a text is to read, as a school grade (Flesch–Kincaid), and which texts of a scenario
// a student reads. Invariant: the grade is computed the same way for the catalog, the scenario
// and the benchmark, so "grade 10" means one thing everywhere. Pure and deterministic.
//
// Flesch–Kincaid measures sentences and syllables; it says nothing useful about a fragment of
// a few words (a three-word title of long words scores "grade 15"). Such a text — fewer than
// GRADED_WORDS words — is judged by its words instead: `hardWords` lists the ones of four or
// more syllables, which a plain text avoids unless the glossary explains them.
import type { Scenario } from "./schema.js";

/** Texts shorter than this are fragments (titles, labels): judged by their words, not graded. */
export const GRADED_WORDS = 10;

export interface Readability {
  words: number;
  sentences: number;
  syllables: number;
  /** Flesch–Kincaid grade level; null for a fragment of fewer than GRADED_WORDS words. */
  grade: number | null;
  /** Words of four or more syllables (lower case, once each). */
  hardWords: string[];
}

/** A text's words as a reader says them: "A2", "15%", "2030" and "ICANN's" are one word each. */
export function wordsOf(text: string): string[] {
  return text
    .split(/[\s—–/]+|(?<=\p{L})-(?=\p{L})/u)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""))
    .filter((w) => /[\p{L}\p{N}]/u.test(w));
}

/**
 * Syllables of one English word, by vowel groups with the usual corrections (a silent final
 * "e", "-ed" and "-es" after most consonants). Acronyms of up to three letters or digits are spelt out
 * ("WHO" is three, "A2" two), longer ones read as words ("ICANN"); a number counts as two.
 */
export function syllables(word: string): number {
  if (/^\p{N}/u.test(word)) return 2;
  const bare = word.replace(/['’]s$/, "");
  if (/^\p{Lu}[\p{Lu}\p{N}-]{0,2}$/u.test(bare) && bare.length > 1) return bare.replace(/[^\p{L}\p{N}]/gu, "").length || 1;
  let w = bare.toLowerCase().replace(/[^a-z]/g, "");
  if (!w) return 1;
  if (w.length <= 3) return 1;
  w = w.replace(/(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$/, (m) => m[0]!);
  w = w.replace(/^y/, "");
  // A final "-le" after a consonant keeps its "e" above, so "table" and "people" count two.
  return Math.max(1, w.match(/[aeiouy]+/g)?.length ?? 0);
}

/** Sentences in a text: runs ending in . ! ? (or the text's end), not counting "e.g." or "2.5". */
export function sentencesOf(text: string): number {
  const marked = text.replace(/\b(e\.g|i\.e|etc|vs|U\.S|No)\./gi, "$1").replace(/(\d)\.(\d)/g, "$1$2");
  const parts = marked.split(/[.!?]+(?:["”’)]*)(?:\s+|$)|\n+/).filter((s) => wordsOf(s).length > 0);
  return Math.max(1, parts.length);
}

export function readability(text: string): Readability {
  const words = wordsOf(text);
  const counts = words.map(syllables);
  const total = counts.reduce((a, b) => a + b, 0);
  const sentences = sentencesOf(text);
  const hard = [...new Set(words.filter((_, i) => counts[i]! >= 4).map((w) => w.toLowerCase().replace(/['’]s$/, "")))];
  const grade = words.length >= GRADED_WORDS ? 0.39 * (words.length / sentences) + 11.8 * (total / words.length) - 15.59 : null;
  return { words: words.length, sentences, syllables: total, grade: grade === null ? null : Math.round(grade * 10) / 10, hardWords: hard };
}

/** One text a student reads, with where it comes from ("roles.ABC.mandate"). */
export interface PlayerText {
  where: string;
  text: string;
}

/**
 * Every text of a scenario that reaches a student's or the projector's screen: the summary and
 * source, the public interest, each role's card, mandate, case and private notes, each dossier's
 * question, options and sub-score reasons, the rider, the consequences, what really happened,
 * and the lesson's argument, objectives and glossary.
 */
export function playerTexts(scenario: Scenario): PlayerText[] {
  const out: PlayerText[] = [];
  const add = (where: string, text: string | undefined) => {
    if (text) out.push({ where, text });
  };
  add("title", scenario.title);
  add("summary", scenario.summary);
  add("publicInterest.name", scenario.publicInterest.name);
  add("publicInterest.description", scenario.publicInterest.description);
  for (const role of scenario.roles) {
    add(`roles.${role.id}.name`, role.name);
    add(`roles.${role.id}.card`, role.card);
    add(`roles.${role.id}.mandate`, role.mandate);
    add(`roles.${role.id}.publicInterestCase`, (role as { publicInterestCase?: string }).publicInterestCase);
    role.knowledge.notes.forEach((n, i) => add(`roles.${role.id}.notes.${i}`, n));
  }
  for (const dossier of scenario.dossiers) {
    add(`dossiers.${dossier.id}.title`, dossier.title);
    add(`dossiers.${dossier.id}.question`, dossier.question);
    dossier.subScoreLabels.forEach((l, i) => add(`dossiers.${dossier.id}.subScoreLabels.${i}`, l));
    for (const option of dossier.options) {
      add(`dossiers.${dossier.id}.${option.id}.title`, option.title);
      add(`dossiers.${dossier.id}.${option.id}.summary`, option.summary);
      ((option as { subScoreReasons?: string[] }).subScoreReasons ?? []).forEach((r, i) => add(`dossiers.${dossier.id}.${option.id}.subScoreReasons.${i}`, r));
    }
  }
  if (scenario.rider) {
    add("rider.title", scenario.rider.title);
    for (const option of scenario.rider.options) add(`rider.${option.id}.title`, option.title);
  }
  scenario.consequences.forEach((c, i) => add(`consequences.${i}`, c.text));
  scenario.whatHappened.forEach((w, i) => add(`whatHappened.${i}`, w));
  const lesson = scenario.lesson;
  if (lesson) {
    lesson.argument.forEach((s, i) => add(`lesson.argument.${i}`, s));
    lesson.objectives.forEach((s, i) => add(`lesson.objectives.${i}`, s));
    for (const entry of lesson.glossary) add(`lesson.glossary.${entry.term}`, entry.meaning);
  }
  return out;
}

/** Grades in order with the share at each whole grade: the benchmark's distribution. */
export function gradeDistribution(texts: readonly { where: string; text: string }[]): { graded: number; fragments: number; median: number; p90: number; max: { grade: number; where: string }; buckets: Record<string, number> } {
  const graded = texts.map((t) => ({ where: t.where, grade: readability(t.text).grade })).filter((g): g is { where: string; grade: number } => g.grade !== null);
  const sorted = [...graded].sort((a, b) => a.grade - b.grade);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]?.grade ?? 0;
  const buckets: Record<string, number> = {};
  for (const g of sorted) {
    const key = g.grade < 4 ? "≤3" : g.grade >= 13 ? "13+" : String(Math.floor(g.grade));
    buckets[key] = (buckets[key] ?? 0) + 1;
  }
  const top = sorted.at(-1);
  return { graded: graded.length, fragments: texts.length - graded.length, median: at(0.5), p90: at(0.9), max: { grade: top?.grade ?? 0, where: top?.where ?? "" }, buckets };
}
