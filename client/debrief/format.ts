// Numbers as the debrief writes them, the same on every card and in the replay: scores keep
// the precision they have (6.75 stays 6.75, never 6.8 beside an unrounded 6.75), payoffs are
// signed with a real minus sign; decimal marks and lists as the device's language writes them.
import { formatList, formatNumber } from "../text/catalog.js";

const upToTwoDecimals = { maximumFractionDigits: 2 } as const;

/** A public-interest score or a gap: up to two decimals, no trailing zeros. */
export function score(n: number): string {
  return formatNumber(Math.round(n * 100) / 100, upToTwoDecimals);
}

/** A payoff or a correlation: "+2", "−1", "0", up to two decimals. */
export function signed(n: number): string {
  const r = Math.round(n * 100) / 100;
  const size = formatNumber(Math.abs(r), upToTwoDecimals);
  return r > 0 ? `+${size}` : r < 0 ? `−${size}` : "0";
}

/** "A, B and C" · "A, B y C": a list in words. */
export function listWords(items: readonly string[]): string {
  return formatList(items);
}
