// Temperaments of bot delegations: how easily money sways them, whether they play patron, how
// much a seat in the room is worth to them. They are derived from each role's own data — its
// income, its mandate (the payoffs its constituency stands to win or lose) and its population —
// so every scenario's roles get one, and a scenario file may override any field for any role
// (`bots` in the file; docs/writing-scenarios.md). Balance knobs, not rules: the engine never
// reads them, and a bot still acts only on its own seat's view.
import type { Scenario } from "../scenario/schema.js";
import { travelCost } from "../rules/helpers.js";
import type { RoleId } from "../rules/types.js";

export interface BotProfile {
  /** Chance to accept a fellowship offer whose strings do not hurt the bot badly. */
  susceptibility: number;
  /** Chance that a fellowship or grant wins the bot over: its positions then lean to the funder's option. */
  captureTendency: number;
  /** A grant's pull relative to a fellowship's (the capture chance is multiplied by it). */
  grantWeight: number;
  /** Chance, drawn once per match, that the bot plays patron: offers fellowships and grants to swing voters. */
  patronRate: number;
  /** Paid fellowships a patron offers per round, at most. */
  maxFellowships: number;
  /** Tokens a patron gives in one grant. */
  grantSize: number;
  /** Tokens a patron keeps back from fellowships and grants (on top of its own trip). */
  reserve: number;
  /** Value, in tokens, of one round in the room; drawn once per match from [low, high]. */
  presence: readonly [number, number];
  /** Chance, drawn once per match, that a bot with hidden payoffs buys the expert briefing. */
  briefingRate: number;
  /** Objects to an option this many payoff points below its best (or to any worse option it loses from). */
  objectGap: number;
  /** Chance to object to a late-inserted clause when sitting in the drafting group. */
  riderObjection: number;
  /** Floor statements per round when in the room. */
  talkativeness: number;
}

/** What every bot starts from before its role's data shapes it. */
export const BASE_PROFILE: Readonly<BotProfile> = {
  susceptibility: 0.7,
  captureTendency: 0.08,
  grantWeight: 0.5,
  patronRate: 0,
  maxFellowships: 0,
  grantSize: 1,
  reserve: 2,
  presence: [1, 3],
  briefingRate: 0.5,
  objectGap: 2,
  riderObjection: 0.5,
  talkativeness: 1,
};

const clamp = (x: number, low = 0, high = 1) => Math.min(high, Math.max(low, x));
const round2 = (x: number) => Math.round(x * 100) / 100;

/** How much a role's constituency has riding on the dossiers: the mean spread of its payoffs, 0 (none) … 1 (−3 to +3 everywhere). */
export function stakeOf(scenario: Scenario, role: RoleId): number {
  if (!scenario.dossiers.length) return 0;
  const spreads = scenario.dossiers.map((d) => {
    const values = d.options.map((o) => o.payoffs[role] ?? 0);
    return (Math.max(...values) - Math.min(...values)) / 6;
  });
  return spreads.reduce((a, b) => a + b, 0) / spreads.length;
}

/**
 * A role's temperament from its data, relative to the scenario it is in:
 * - income against the trip cost decides who funds and who is funded: a role that can pay its
 *   own trip and two more plays patron (more often the richer it is, and always more with a
 *   fellowship programme that costs it nothing); the others are tempted more the poorer they are;
 * - the mandate — how much its constituency stands to win or lose — makes a funded role harder
 *   to win over, and what the late clause would cost it makes it object to that clause;
 * - the population it speaks for makes a seat in the room worth more to it.
 */
export function deriveProfile(scenario: Scenario, roleId: RoleId): BotProfile {
  const role = scenario.roles.find((r) => r.id === roleId);
  if (!role) return { ...BASE_PROFILE };
  // The price of a trip away from home (the engine's travelCost), the yardstick of a role's money.
  const cost = Math.max(1, ...scenario.roles.flatMap((r) => scenario.dossiers.map((d) => travelCost(scenario, r, d))));
  const richest = Math.max(1, ...scenario.roles.map((r) => r.income));
  const wealth = role.income / richest;
  const voice = role.population / Math.max(1e-9, ...scenario.roles.map((r) => r.population));
  const stake = stakeOf(scenario, roleId);
  const riderHurt = Math.max(0, ...(scenario.rider?.options ?? []).map((o) => -(o.payoffs[roleId] ?? 0)));
  const riderObjection = scenario.rider?.owner === roleId ? 0 : round2(clamp(0.5 + 0.15 * riderHurt, 0, 0.9));
  const patron = role.canTravelAlone && role.income >= 3 * cost;
  if (patron) {
    const dominant = wealth >= 0.8;
    const patronThreshold = 3 * cost;
    const low = Math.max(1, Math.round(4 * wealth - 0.6));
    return {
      ...BASE_PROFILE,
      patronRate: round2(clamp(0.3 + (0.3 * (role.income - patronThreshold)) / Math.max(1, richest - patronThreshold) + (role.abilities.programmeSeats > 0 ? 0.35 : 0), 0, 0.9)),
      maxFellowships: role.abilities.programmeSeats > 0 ? 0 : role.income > 5 * cost ? 2 : 1,
      grantSize: role.income >= 6 * cost ? 2 : 1,
      reserve: cost,
      presence: [low, low + 3 + Math.round(2 * voice)],
      captureTendency: dominant ? 0 : 0.01,
      susceptibility: dominant ? 0 : 0.1,
      talkativeness: dominant ? 2 : 1,
      riderObjection,
    };
  }
  const poverty = clamp(1 - role.income / (3 * cost));
  return {
    ...BASE_PROFILE,
    reserve: cost,
    presence: [1, 3 + Math.round(2 * voice)],
    susceptibility: round2(clamp(0.9 - 0.45 * (1 - poverty))),
    captureTendency: Math.round((0.02 + 0.13 * poverty) * (1.2 - 0.4 * stake) * 1000) / 1000,
    riderObjection,
  };
}

/**
 * Every role's temperament in this scenario: derived from its data, then the scenario file's
 * overrides, then `temptation` scaling every role's capture tendency (0: nobody can be won
 * over; 1: as derived and written; more: more easily). Applies to every role of any scenario.
 */
export function scenarioProfiles(scenario: Scenario, options: { temptation?: number } = {}): Record<RoleId, BotProfile> {
  const temptation = options.temptation ?? 1;
  const out: Record<RoleId, BotProfile> = {};
  for (const role of scenario.roles) {
    const profile: BotProfile = { ...deriveProfile(scenario, role.id), ...(scenario.bots[role.id] ?? {}) };
    out[role.id] = { ...profile, captureTendency: clamp(profile.captureTendency * temptation) };
  }
  return out;
}
