// A bot's own small memory: its temperament, the strategy it drew for this match, its
// generator, and what it has done and learned. Plain JSON, so a server can keep it with the
// seat; it never holds anything the bot's MatchView did not show it.
import { nextRandom, seedFrom } from "../random/rng.js";
import type { OptionId, RoleId } from "../rules/types.js";
import type { PublicRole } from "../rules/view.js";
import { BASE_PROFILE, type BotProfile } from "./profiles.js";

/** Money the bot received: a fellowship it accepted or a grant, and whether it won the bot over. */
export interface Funding {
  id: string;
  from: RoleId;
  kind: "fellowship" | "grant";
  round: number;
  /** The option the funder named on the offer, if it named one. */
  expects: OptionId | null;
  /** Drawn once with the profile's capture tendency: the bot now leans to the funder's option. */
  wonOver: boolean;
}

export interface BotStrategy {
  /** Offers fellowships and grants to swing voters, and rewards those who vote with it. */
  patron: boolean;
  /** Tokens a round in the room is worth to this bot. */
  presence: number;
  /** Buys the expert briefing when its payoffs are hidden. */
  buysBriefing: boolean;
}

export interface BotMemory {
  role: RoleId;
  rng: number;
  profile: BotProfile;
  strategy: BotStrategy;
  /** `${round}/${phase}`: counters below marked "per phase" reset when it changes. */
  phaseKey: string;
  /**
   * Per phase: keys of every intent already tried, accepted or refused, so none is sent twice
   * in a phase (an accepted one changed the view; a refused one would be refused again) and
   * the bot always falls quiet.
   */
  tried: string[];
  /** Per round counters, keyed `${round}/...`. */
  done: string[];
  /** Fellowship ids the bot answered, with its answer. */
  answered: Record<string, boolean>;
  funders: Funding[];
  /** How often the bot funded a role and how often that role then voted with it. */
  trust: Record<RoleId, { funded: number; loyal: number }>;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * A new bot for `role` with its temperament (scenarioProfiles() gives every role's), its
 * generator seeded from `seed`; strategy drawn here, once.
 */
export function createBot(role: Pick<PublicRole, "id">, seed: number | string, temperament: Partial<BotProfile> = {}): BotMemory {
  const profile: BotProfile = { ...BASE_PROFILE, ...temperament };
  let rng = seedFrom(`${String(seed)}/${role.id}`);
  const draw = () => {
    const r = nextRandom(rng);
    rng = r.state;
    return r.value;
  };
  const patron = draw() < profile.patronRate;
  const [low, high] = profile.presence;
  const presence = round2(low + draw() * (high - low));
  const buysBriefing = draw() < profile.briefingRate;
  return {
    role: role.id,
    rng,
    profile,
    strategy: { patron, presence, buysBriefing },
    phaseKey: "",
    tried: [],
    done: [],
    answered: {},
    funders: [],
    trust: {},
  };
}

/** A copy the next step may change freely; the profile and strategy are never changed after creation, so they are shared. */
export function cloneMemory(m: BotMemory): BotMemory {
  return {
    ...m,
    tried: [...m.tried],
    done: [...m.done],
    answered: { ...m.answered },
    funders: m.funders.map((f) => ({ ...f })),
    trust: Object.fromEntries(Object.entries(m.trust).map(([role, t]) => [role, { ...t }])),
  };
}
