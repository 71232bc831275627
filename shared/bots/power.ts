// Voting power as a bot can know it: from the public role cards and the table's rule only.
// Under rough consensus only people in the room count, and each of them can block.
import { powerIndices } from "../analysis/power.js";
import { isWinning } from "../rules/decision-rules.js";
import type { DecisionRuleId, Scenario } from "../scenario/schema.js";
import type { RoleId } from "../rules/types.js";
import type { MatchView } from "../rules/view.js";

const cache = new Map<string, Record<RoleId, number>>();

/**
 * The rule-relevant part of a scenario, rebuilt from the public view: groups, incomes, bloc
 * votes (the multilateral rule's weights) and houses are all on the public role cards. The
 * other abilities play no part in deciding, so they stay empty.
 */
function publicRules(view: MatchView): Scenario {
  return {
    roles: view.scenario.roles.map((r) => ({ id: r.id, group: r.group, income: r.income, abilities: { blocVotes: r.blocVotes, programmeSeats: 0, rider: false, surveillance: false } })),
    houses: view.scenario.houses,
  } as unknown as Scenario;
}

/** Normalised Banzhaf power of `role` among `present` under `rule` (R1: an equal share of the room). */
export function votingPower(view: MatchView, rule: DecisionRuleId, present: readonly RoleId[], role: RoleId): number {
  if (!present.includes(role)) return 0;
  if (rule === "R1") return 1 / present.length;
  // Keyed by everything the rule weighs, not the scenario's id: two scenarios may share an id.
  const weights = view.scenario.roles.map((r) => `${r.id}:${r.group}:${r.income}:${r.blocVotes}`).join(",");
  const key = `${rule}|${weights}|${JSON.stringify(view.scenario.houses)}|${present.join(",")}`;
  let power = cache.get(key);
  if (!power) {
    power = powerIndices(rule, publicRules(view), present).banzhaf;
    cache.set(key, power);
  }
  return power[role] ?? 0;
}

/** Whether the roles saying yes would carry an option among `present` under `rule`, as far as the public cards tell. */
export function wouldPass(view: MatchView, rule: DecisionRuleId, yes: ReadonlySet<RoleId>, present: readonly RoleId[]): boolean {
  return isWinning(rule, publicRules(view), yes, present);
}
