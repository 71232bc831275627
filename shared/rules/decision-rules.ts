// The four decision rules as pure functions over recorded positions. The live table uses one;
// the debrief runs all four on the same positions as counterfactuals. Nothing passes → the
// status quo stands.
import type { DecisionRuleId, Dossier, Scenario } from "../scenario/schema.js";
import type { AttendanceMode, OptionId, RoleId, Stance } from "./types.js";

export interface RuleInput {
  scenario: Scenario;
  dossier: Dossier;
  /** Tabled options in the order they were tabled. */
  tabled: OptionId[];
  positions: Record<RoleId, Record<OptionId, Stance>>;
  attendance: Record<RoleId, AttendanceMode>;
}

export interface RuleResult {
  adopted: OptionId;
  by: "consensus" | "vote" | "status-quo";
  tally: Record<OptionId, number>;
  blockedBy: RoleId[];
}

const saysYes = (s: Stance | undefined) => s === "support" || s === "live";

/** Voters under the vote rules: everyone taking part, in person or remotely. */
function voters(input: RuleInput): RoleId[] {
  return input.scenario.roles.map((r) => r.id).filter((id) => (input.attendance[id] ?? "absent") !== "absent");
}

/** Whether a coalition (the roles saying yes) carries a decision among `present` under `rule`. */
export function isWinning(rule: DecisionRuleId, scenario: Scenario, yes: ReadonlySet<RoleId>, present: readonly RoleId[]): boolean {
  const roles = scenario.roles.filter((r) => present.includes(r.id));
  switch (rule) {
    case "R1":
      // Consensus: nobody present withholds agreement.
      return roles.length > 0 && roles.every((r) => yes.has(r.id));
    case "R2": {
      const passed = scenario.houses.filter((h) => {
        const members = roles.filter((r) => h.groups.includes(r.group));
        const ayes = members.filter((r) => yes.has(r.id)).length;
        return members.length > 0 && ayes > members.length / 2;
      }).length;
      return passed > scenario.houses.length / 2;
    }
    case "R3": {
      const total = roles.reduce((a, r) => a + r.income, 0);
      const ayes = roles.filter((r) => yes.has(r.id)).reduce((a, r) => a + r.income, 0);
      return total > 0 && ayes > total / 2;
    }
    case "R4": {
      const states = roles.filter((r) => r.group === "government");
      const total = states.reduce((a, r) => a + r.abilities.blocVotes, 0);
      const ayes = states.filter((r) => yes.has(r.id)).reduce((a, r) => a + r.abilities.blocVotes, 0);
      return total > 0 && ayes > total / 2;
    }
  }
}

/** The yes-weight of a coalition under a rule, used to rank several passing options. */
function weightOf(rule: DecisionRuleId, scenario: Scenario, yes: readonly RoleId[]): number {
  const byId = new Map(scenario.roles.map((r) => [r.id, r]));
  return yes.reduce((sum, id) => {
    const r = byId.get(id);
    if (!r) return sum;
    if (rule === "R3") return sum + r.income;
    if (rule === "R4") return sum + (r.group === "government" ? r.abilities.blocVotes : 0);
    return sum + 1;
  }, 0);
}

function statusQuo(input: RuleInput, tally: Record<OptionId, number>, blockedBy: RoleId[]): RuleResult {
  return { adopted: input.dossier.statusQuo, by: "status-quo", tally, blockedBy };
}

/** Picks the best of the passing options: highest tally, then most outright support, then first tabled. */
function best(input: RuleInput, passing: OptionId[], tally: Record<OptionId, number>): OptionId | undefined {
  const support = (o: OptionId) => Object.values(input.positions).filter((p) => p[o] === "support").length;
  return passing.slice().sort((a, b) => (tally[b] ?? 0) - (tally[a] ?? 0) || support(b) - support(a) || input.tabled.indexOf(a) - input.tabled.indexOf(b))[0];
}

/**
 * Rough consensus with an automatic chair: among delegates in the room, an option with no
 * sustained objection and at least one supporter carries; remote objections are noted only.
 */
export function roughConsensus(input: RuleInput): RuleResult {
  const inRoom = input.scenario.roles.map((r) => r.id).filter((id) => input.attendance[id] === "in-person");
  const tally: Record<OptionId, number> = {};
  const passing: OptionId[] = [];
  const blockers = new Set<RoleId>();
  for (const option of input.tabled) {
    const objectors = inRoom.filter((id) => input.positions[id]?.[option] === "object");
    const supporters = inRoom.filter((id) => input.positions[id]?.[option] === "support");
    const accepting = inRoom.filter((id) => saysYes(input.positions[id]?.[option]));
    tally[option] = supporters.length * 2 + (accepting.length - supporters.length);
    if (objectors.length === 0 && supporters.length > 0) passing.push(option);
    else objectors.forEach((o) => blockers.add(o));
  }
  const adopted = best(input, passing, tally);
  return adopted ? { adopted, by: "consensus", tally, blockedBy: [] } : statusQuo(input, tally, [...blockers]);
}

/** R2–R4: a vote of everyone taking part; the option with the largest passing yes-weight wins. */
export function vote(rule: Exclude<DecisionRuleId, "R1">, input: RuleInput): RuleResult {
  const present = voters(input);
  const tally: Record<OptionId, number> = {};
  const passing: OptionId[] = [];
  for (const option of input.tabled) {
    const yes = present.filter((id) => saysYes(input.positions[id]?.[option]));
    tally[option] = weightOf(rule, input.scenario, yes);
    if (isWinning(rule, input.scenario, new Set(yes), present)) passing.push(option);
  }
  const adopted = best(input, passing, tally);
  return adopted ? { adopted, by: "vote", tally, blockedBy: [] } : statusQuo(input, tally, []);
}

export function applyRule(rule: DecisionRuleId, input: RuleInput): RuleResult {
  return rule === "R1" ? roughConsensus(input) : vote(rule, input);
}
