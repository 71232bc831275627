// Tunable temperaments of bot delegations: how easily money sways them, whether they play
// patron, how much a seat in the room is worth to them. Numbers here are balance knobs
// (see README "Balance"), not rules: the engine never reads them.
import type { PublicRole } from "../rules/view.js";
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
  /** Chance that a fellowship offer names the option the sponsor expects (always, in the hard variant). */
  explicitStrings: number;
  /** Floor statements per round when in the room. */
  talkativeness: number;
}

const BASE: BotProfile = {
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
  explicitStrings: 0.5,
  talkativeness: 1,
};

/** Temperaments for the default scenario's roles, by role id. Other scenarios fall back on income. */
export const DEFAULT_PROFILES: Readonly<Record<RoleId, Partial<BotProfile>>> = {
  TECH: { patronRate: 0.6, maxFellowships: 2, grantSize: 2, reserve: 2, presence: [3, 6], captureTendency: 0, susceptibility: 0, talkativeness: 2, riderObjection: 0.8 },
  USG: { patronRate: 0.4, maxFellowships: 1, grantSize: 1, reserve: 2, presence: [3, 6], captureTendency: 0, susceptibility: 0, talkativeness: 2 },
  EU: { patronRate: 0.4, maxFellowships: 1, grantSize: 1, reserve: 2, presence: [2, 5], captureTendency: 0.01, susceptibility: 0.1 },
  DNS: { patronRate: 0.7, maxFellowships: 0, grantSize: 1, reserve: 2, presence: [2, 5], captureTendency: 0.01, susceptibility: 0.1 },
  IP: { patronRate: 0.3, maxFellowships: 1, grantSize: 1, reserve: 2, presence: [1, 4], captureTendency: 0.01, susceptibility: 0.1, riderObjection: 0 },
  EMG: { presence: [1, 3], captureTendency: 0.06, susceptibility: 0.6 },
  "NGO-N": { presence: [1, 3], captureTendency: 0.09, susceptibility: 0.75, riderObjection: 0.9 },
  LDC: { presence: [1, 3], captureTendency: 0.12, susceptibility: 0.85, briefingRate: 0.5 },
  "CS-S": { presence: [1, 3], captureTendency: 0.1, susceptibility: 0.8, briefingRate: 0.5, riderObjection: 0.9 },
};

/** A role's temperament: the default table, else a guess from its public card (rich roles fund, poor roles are funded). */
export function profileFor(role: Pick<PublicRole, "id" | "income" | "programmeSeats">, overrides: Partial<BotProfile> = {}): BotProfile {
  const known = DEFAULT_PROFILES[role.id];
  const guessed: Partial<BotProfile> =
    known ??
    (role.income >= 6
      ? { patronRate: 0.5, maxFellowships: 1, captureTendency: 0.01, susceptibility: 0.1, presence: [2, 5] }
      : role.programmeSeats > 0
        ? { patronRate: 0.7, captureTendency: 0.02, susceptibility: 0.3 }
        : { captureTendency: 0.1, susceptibility: 0.75 });
  return { ...BASE, ...guessed, ...overrides };
}

/** Scales every recipient's susceptibility and capture tendency at once: the main balance knob. */
export function scaleTemptation(profiles: Readonly<Record<RoleId, Partial<BotProfile>>>, factor: number): Record<RoleId, Partial<BotProfile>> {
  const out: Record<RoleId, Partial<BotProfile>> = {};
  for (const [id, p] of Object.entries(profiles)) {
    out[id] = { ...p, captureTendency: Math.min(1, (p.captureTendency ?? BASE.captureTendency) * factor) };
  }
  return out;
}
