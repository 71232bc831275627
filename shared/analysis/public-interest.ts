// The public-interest score of an option is a weighted mean of its four sub-scores (equal
// weights unless the class changes them). Every "best for the public" in the debrief comes from
// bestForPublic(), so ties are named rather than broken by the order the options are listed in.
import type { OptionId } from "../rules/types.js";

export const EQUAL_WEIGHTS: readonly number[] = [1, 1, 1, 1];

/** The weighted mean of the sub-scores; equal weights give the scenario's own score. Weights of 0 everywhere count as equal. */
export function weightedScore(subScores: readonly number[], weights: readonly number[] = EQUAL_WEIGHTS): number {
  const w = subScores.map((_, i) => Math.max(0, weights[i] ?? 1));
  const total = w.reduce((a, b) => a + b, 0);
  if (total === 0) return subScores.reduce((a, b) => a + b, 0) / (subScores.length || 1);
  return subScores.reduce((a, s, i) => a + s * w[i]!, 0) / total;
}

export interface BestForPublic {
  /** The first best option in the dossier's order. */
  option: OptionId;
  publicInterest: number;
  /** Other options with the same score. */
  ties: OptionId[];
}

/** Scores closer than this are the same score (the mean of whole numbers is exact; weighted means may not be). */
const SAME = 1e-9;

/** The best option for the public among `among` (all the dossier's options by default). */
export function bestForPublic(dossier: { options: readonly { id: OptionId; subScores: readonly number[] }[] }, weights: readonly number[] = EQUAL_WEIGHTS, among?: readonly OptionId[]): BestForPublic | null {
  const options = dossier.options.filter((o) => !among || among.includes(o.id));
  if (!options.length) return null;
  const scored = options.map((o) => ({ id: o.id, score: weightedScore(o.subScores, weights) }));
  const top = Math.max(...scored.map((s) => s.score));
  const best = scored.filter((s) => top - s.score < SAME);
  return { option: best[0]!.id, publicInterest: top, ties: best.slice(1).map((s) => s.id) };
}
