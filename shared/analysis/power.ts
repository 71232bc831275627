// Voting power under each rule: normalised Banzhaf and Shapley–Shubik indices, computed by
// enumerating coalitions (2^n; fine for the ≤ 20 roles a scenario may hold).
import type { DecisionRuleId, Scenario } from "../scenario/schema.js";
import { isWinning } from "../rules/decision-rules.js";
import type { RoleId } from "../rules/types.js";

export interface PowerIndices {
  banzhaf: Record<RoleId, number>;
  shapleyShubik: Record<RoleId, number>;
}

function factorials(n: number): number[] {
  const f = [1];
  for (let i = 1; i <= n; i++) f.push((f[i - 1] as number) * i);
  return f;
}

/** Power of each present role under `rule` (all roles when `present` is omitted). */
export function powerIndices(rule: DecisionRuleId, scenario: Scenario, present?: readonly RoleId[]): PowerIndices {
  const players = present ?? scenario.roles.map((r) => r.id);
  const n = players.length;
  const fact = factorials(n);
  const swings: number[] = new Array(n).fill(0);
  const ss: number[] = new Array(n).fill(0);
  const wins = new Map<number, boolean>();
  const winning = (mask: number) => {
    let w = wins.get(mask);
    if (w === undefined) {
      const yes = new Set(players.filter((_, i) => mask & (1 << i)));
      w = isWinning(rule, scenario, yes, players);
      wins.set(mask, w);
    }
    return w;
  };
  for (let mask = 0; mask < 1 << n; mask++) {
    if (!winning(mask)) continue;
    let size = 0;
    for (let i = 0; i < n; i++) if (mask & (1 << i)) size++;
    for (let i = 0; i < n; i++) {
      const bit = 1 << i;
      if (mask & bit && !winning(mask & ~bit)) {
        swings[i]! += 1;
        // i is pivotal when it joins the others of this coalition last.
        ss[i]! += ((fact[size - 1] as number) * (fact[n - size] as number)) / (fact[n] as number);
      }
    }
  }
  const totalSwings = swings.reduce((a, b) => a + b, 0);
  const banzhaf: Record<RoleId, number> = {};
  const shapleyShubik: Record<RoleId, number> = {};
  players.forEach((id, i) => {
    banzhaf[id] = totalSwings ? (swings[i] as number) / totalSwings : 0;
    shapleyShubik[id] = ss[i] as number;
  });
  return { banzhaf, shapleyShubik };
}
