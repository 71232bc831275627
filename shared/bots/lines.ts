// What bots say, keyed by situation: a small message catalog so that another language is a
// new table with the same keys. Placeholders look like {name}; a bot picks one variant with
// its own generator, so the same seed always says the same thing.
import { nextRandom } from "../random/rng.js";
import type { BotLine } from "../rules/types.js";

export const BOT_LINES_EN = {
  /** Floor statement for the option the bot supports. */
  "floor.support": [
    "We back {option}. It is the best deal on the table for {constituency}.",
    "{option} is the way forward. We ask everyone to support it.",
    "Our delegation supports {option}, and we are ready to work on the text.",
  ],
  /** Floor statement against an option the bot objects to. */
  "floor.object": [
    "We cannot accept {option}. It would hurt {constituency}.",
    "Let us be clear: {option} is a red line for us.",
  ],
  /** Floor statement for an option the bot can live with. */
  "floor.live": ["We could live with {option}, if others can.", "{option} is not our first choice, but we will not block it."],
  /** Thanks to a sponsor, said in the room (the kind of gratitude the debrief asks about). */
  "floor.thanks": ["We thank {sponsor} for making it possible for us to be here today.", "Our voice is in this room thanks to {sponsor}."],
  /** Remote written comment. */
  "remote.comment": [
    "From afar: we support {option}. Please remember the people who could not travel.",
    "Remote comment: {option} matters for {constituency}. We are following closely.",
  ],
  /** Corridor message from a sponsor to its guest. */
  "corridor.ask": ["Glad you could come. Can we count on you for {option}?", "Between us: {option} is what we need. We hope you see it the same way."],
  /** Corridor message between allies. */
  "corridor.ally": ["We are on the same side about {option}. Shall we speak for it together?"],
  /** Note on a fellowship offer that names no option. */
  "fellowship.note": ["We would be glad to bring you to {city}.", "Your voice belongs in {city}. We will pay for your trip."],
  /** Note on a fellowship offer that names the option the sponsor hopes for. */
  "fellowship.expects": ["We will pay for your trip to {city}. We hope you will see the merits of {option}.", "A seat in {city}, on us. {option} deserves your support."],
  /** Note on a grant given during the negotiation. */
  "grant.note": ["For your work on {dossier}.", "A small contribution to your programme."],
  /** Note on a grant that rewards support after a decision. */
  "grant.reward": ["Thank you for your support on {dossier}.", "With our thanks for standing with us."],
} as const satisfies Record<string, readonly string[]>;

export type BotLineKey = keyof typeof BOT_LINES_EN;
export type BotLines = Readonly<Record<BotLineKey, readonly string[]>>;

/** The command each line is said in: a line in another command is refused (a grant's note is no floor statement). */
export const BOT_LINE_COMMAND = {
  "floor.support": "MakeStatement",
  "floor.object": "MakeStatement",
  "floor.live": "MakeStatement",
  "floor.thanks": "MakeStatement",
  "remote.comment": "PostRemoteComment",
  "corridor.ask": "SendCorridorMessage",
  "corridor.ally": "SendCorridorMessage",
  "fellowship.note": "OfferFellowship",
  "fellowship.expects": "OfferFellowship",
  "grant.note": "GiveGrant",
  "grant.reward": "GiveGrant",
} as const satisfies Record<BotLineKey, string>;

/**
 * Which id of a line (BotLine in shared/rules/types.ts) names each placeholder: a line carries
 * ids, never English words, so that every screen names the option, role, dossier or city in
 * its own language.
 */
export const PLACEHOLDER_ID = { option: "option", constituency: "role", sponsor: "role", dossier: "dossier", city: "dossier" } as const;
export type Placeholder = keyof typeof PLACEHOLDER_ID;

/** The placeholders one variant of a line uses. */
export function placeholdersOf(template: string): Placeholder[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as Placeholder);
}

export function fillLine(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/**
 * One variant of a line, picked with the bot's generator; returns the text, which variant it
 * is (a screen may word the same line in its own language: BotLine in shared/rules/types.ts)
 * and the next generator state.
 */
export function pickLine(key: BotLineKey, params: Readonly<Record<string, string>>, rng: number, lines: BotLines = BOT_LINES_EN): { text: string; variant: number; rng: number } {
  const variants = lines[key];
  const draw = nextRandom(rng);
  const picked = Math.floor(draw.value * variants.length);
  const variant = variants[picked] === undefined ? 0 : picked;
  return { text: fillLine(variants[variant] ?? "", params), variant, rng: draw.state };
}

/** The ids of a line (BotLine) a bot may name, by what they are. */
export type LineIds = Partial<Pick<BotLine, "option" | "role" | "dossier">>;

/**
 * A line by code: the key, the variant, and of `ids` exactly those its variant names (the
 * engine refuses an id a variant does not name, shared/rules/handlers/bot-line.ts).
 */
export function lineOf(key: BotLineKey, variant: number, ids: LineIds, lines: BotLines = BOT_LINES_EN): BotLine {
  const named = new Set(placeholdersOf(lines[key][variant] ?? "").map((p) => PLACEHOLDER_ID[p]));
  const line: BotLine = { key, variant };
  for (const id of ["option", "role", "dossier"] as const) if (named.has(id) && ids[id] !== undefined) line[id] = ids[id];
  return line;
}

/** What a line's words are looked up in: a scenario (or a view of one), in the language wanted. */
export interface LineScenario {
  readonly roles: readonly { readonly id: string; readonly name: string }[];
  readonly dossiers: readonly { readonly id: string; readonly title: string; readonly venue: { readonly city: string }; readonly options: readonly { readonly id: string; readonly title: string }[] }[];
  readonly rider?: { readonly options: readonly { readonly id: string; readonly title: string }[] } | null;
}

/**
 * The words for a line's placeholders, from `scenario` already in the language wanted, so a
 * device (client/ctrl/corridor-text.ts) or the printable summary (server/http/exports.ts)
 * words a bot's line in its own language: the option's title — looked up in round `round`'s
 * dossier (an option id is unique only within one), or without a round in every dossier and
 * the rider —, the role's name for {constituency} and {sponsor}, the dossier's title and city.
 * An id the scenario lacks stands for itself.
 */
export function lineWords(scenario: LineScenario, line: BotLine, round?: number): Record<string, string> {
  const options = round === undefined ? [...scenario.dossiers.flatMap((d) => d.options), ...(scenario.rider?.options ?? [])] : (scenario.dossiers[round]?.options ?? []);
  const dossier = line.dossier === undefined ? undefined : scenario.dossiers.find((d) => d.id === line.dossier);
  const role = line.role === undefined ? undefined : (scenario.roles.find((r) => r.id === line.role)?.name ?? line.role);
  return {
    ...(line.option === undefined ? {} : { option: options.find((o) => o.id === line.option)?.title ?? line.option }),
    ...(role === undefined ? {} : { constituency: role, sponsor: role }),
    ...(line.dossier === undefined ? {} : { dossier: dossier?.title ?? line.dossier, city: dossier?.venue.city ?? line.dossier }),
  };
}
