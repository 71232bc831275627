// Numbers as the debrief writes them, the same on every card and in the replay: scores keep
// the precision they have (6.75 stays 6.75, never 6.8 beside an unrounded 6.75), payoffs are
// signed with a real minus sign.

/** A public-interest score or a gap: up to two decimals, no trailing zeros. */
export function score(n: number): string {
  const r = Math.round(n * 100) / 100;
  return String(r);
}

/** A payoff or a correlation: "+2", "−1", "0", up to two decimals. */
export function signed(n: number): string {
  const r = Math.round(n * 100) / 100;
  return r > 0 ? `+${r}` : r < 0 ? `−${-r}` : "0";
}

const pluralRules = new Intl.PluralRules("en");

/** The plural form of `count` for a message whose keys end in .one / .other. */
export function pluralKey<K extends string>(base: K, count: number): `${K}.one` | `${K}.other` {
  return `${base}.${pluralRules.select(count) === "one" ? "one" : "other"}`;
}

/** "A, B and C": a list in words. */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
