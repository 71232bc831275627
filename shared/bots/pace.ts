// How long a bot "thinks" before sending an intent, so that bots in a live room move at a
// human pace with jitter. Simulations pass `instant` and get zero. Drawn from the bot's own
// generator, so a seeded bot also waits the same way every time.
import { nextRandom } from "../random/rng.js";
import type { BotIntentType } from "./policy.js";

/** Milliseconds [shortest, longest] a person takes for each kind of action. */
export const PACE_MS: Readonly<Record<BotIntentType, readonly [number, number]>> = {
  BookTravel: [4_000, 15_000],
  OfferFellowship: [6_000, 20_000],
  AcceptFellowship: [3_000, 10_000],
  DeclineFellowship: [3_000, 10_000],
  GiveGrant: [5_000, 15_000],
  BuyBriefing: [3_000, 12_000],
  MakeStatement: [10_000, 30_000],
  PostRemoteComment: [10_000, 30_000],
  SendCorridorMessage: [8_000, 25_000],
  TableOption: [5_000, 20_000],
  DeclarePosition: [2_000, 8_000],
  InsertRider: [5_000, 15_000],
  ObjectToRider: [2_000, 6_000],
};

/** The delay before sending `intent`, and the generator's next state. */
export function paceDelay(intent: { type: BotIntentType }, rng: number, mode: "live" | "instant" = "live"): { ms: number; rng: number } {
  if (mode === "instant") return { ms: 0, rng };
  const [low, high] = PACE_MS[intent.type];
  const r = nextRandom(rng);
  return { ms: Math.round(low + r.value * (high - low)), rng: r.state };
}
