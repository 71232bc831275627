// A bot decides its next intent from its own MatchView, its memory and its own generator —
// never from the match state, so it can know no more than a person in the same seat.
// Same view + same memory → same intent and same next memory.
import type { Command } from "../rules/commands.js";
import { nextRandom } from "../random/rng.js";
import type { BotLine, OptionId, RoleId, Stance } from "../rules/types.js";
import type { ActionState } from "../rules/actions.js";
import { delegatesOf, travelCost } from "../rules/helpers.js";
import type { MatchView, PublicDossier, PublicRole, RoundView, TableView } from "../rules/view.js";
import { lineOf, pickLine, type BotLineKey, type LineIds } from "./lines.js";
import { cloneMemory, type BotMemory, type Funding } from "./memory.js";
import { votingPower, wouldPass } from "./power.js";

/** The player intents a bot may send: the same ones a person's device sends. */
export type BotIntentType =
  | "BookTravel"
  | "OfferFellowship"
  | "AcceptFellowship"
  | "DeclineFellowship"
  | "GiveGrant"
  | "BuyBriefing"
  | "MakeStatement"
  | "PostRemoteComment"
  | "SendCorridorMessage"
  | "TableOption"
  | "DeclarePosition"
  | "InsertRider"
  | "ObjectToRider";
// Commands, not wire intents: a bot says its statements, messages and notes by code as well (BotLine), which no device may send.
export type BotIntent = Extract<Command, { type: BotIntentType }>;

export interface BotStep {
  intent: BotIntent | null;
  memory: BotMemory;
}

/** What the bot reads off its view on every turn. */
interface Seat {
  view: MatchView;
  me: PublicRole;
  table: TableView;
  round: RoundView;
  dossier: PublicDossier;
  tokens: number;
  mode: "in-person" | "remote" | "absent" | null;
}

function seatIn(view: MatchView): Seat | null {
  if (view.status !== "running" || !view.me || view.me.role === null || view.me.table === null) return null;
  const me = view.scenario.roles.find((r) => r.id === view.me!.role);
  const table = view.tables[view.me.table];
  const round = table?.rounds[view.round];
  const dossier = view.scenario.dossiers[view.round];
  if (!me || !table || !round || !dossier) return null;
  return { view, me, table, round, dossier, tokens: table.delegations[me.id]?.tokens ?? 0, mode: round.attendance[me.id]?.mode ?? null };
}

/** The bot's own payoff for an option, or null while its briefing hides it. */
function payoff(seat: Seat, option: OptionId): number | null {
  const v = seat.view.briefing?.payoffs[seat.dossier.id]?.[option];
  return v === undefined ? null : v;
}

const value = (seat: Seat, option: OptionId) => payoff(seat, option) ?? 0;
const tabledIds = (seat: Seat) => seat.round.tabled.map((t) => t.option);
const yes = (s: Stance | undefined) => s === "support" || s === "live";

/** The bot's favourite option on this dossier by its known payoffs (first on ties). */
function favourite(seat: Seat, among: readonly OptionId[] = seat.dossier.options.map((o) => o.id)): OptionId | null {
  let best: OptionId | null = null;
  let bestValue = -Infinity;
  for (const o of among) {
    const v = payoff(seat, o);
    if (v !== null && v > bestValue) [best, bestValue] = [o, v];
  }
  return best;
}

/** The option a funder wants this round: named on its offer, else what it supports, else what it tabled. */
function funderWants(seat: Seat, f: Funding): OptionId | null {
  const tabled = tabledIds(seat);
  if (f.round === seat.view.round && f.expects && tabled.includes(f.expects)) return f.expects;
  const stances = seat.round.positions[f.from] ?? {};
  const supported = tabled.find((o) => stances[o] === "support");
  if (supported) return supported;
  return seat.round.tabled.find((t) => t.by === f.from)?.option ?? null;
}

/** Options pushed and opposed by the funders that won this bot over. */
function leanings(seat: Seat, memory: BotMemory): { favoured: Set<OptionId>; opposed: Set<OptionId> } {
  const favoured = new Set<OptionId>();
  const opposed = new Set<OptionId>();
  for (const f of memory.funders) {
    if (!f.wonOver || f.round > seat.view.round) continue;
    const wanted = funderWants(seat, f);
    if (wanted) favoured.add(wanted);
    for (const [o, s] of Object.entries(seat.round.positions[f.from] ?? {})) if (s === "object") opposed.add(o);
  }
  for (const o of favoured) opposed.delete(o);
  return { favoured, opposed };
}

/**
 * The stance the bot's own payoffs call for: support its best tabled option when that is good
 * for it, live with acceptable ones (payoff ≥ 0 and either close to its best or better than the
 * status quo), object to bad ones.
 * No stance (null) on an option whose payoff its briefing hides: it has no instructions.
 */
function ownStance(seat: Seat, option: OptionId, objectGap: number): Stance | null {
  const e = payoff(seat, option);
  if (e === null) return null;
  if (e < 0) return "object";
  const known = tabledIds(seat)
    .map((o) => payoff(seat, o))
    .filter((v): v is number => v !== null);
  const best = Math.max(...known, e);
  if (e > 0 && e >= best) return "support";
  // Far below the best is bad only if it does not even beat the status quo (the fallback when nothing passes).
  if (best - e >= objectGap && e <= value(seat, seat.dossier.statusQuo)) return "object";
  return "live";
}

function stanceFor(seat: Seat, memory: BotMemory, option: OptionId): Stance | null {
  const own = ownStance(seat, option, memory.profile.objectGap);
  const lean = leanings(seat, memory);
  if (lean.favoured.has(option)) return "support";
  // A won-over bot cools on what its funder opposes: support becomes live, live becomes an objection.
  if (lean.opposed.has(option)) return own === "support" ? "live" : own === "live" ? "object" : own;
  return own;
}

/** Travel cost of one delegate of `role` to this round's venue: the engine's own rule, asked of the public view. */
const tripCost = (seat: Seat, role: PublicRole): number => travelCost(seat.view.scenario, role, seat.dossier);

/**
 * Whether the engine would accept an action now (for `target`, when given): read off the
 * view's available actions, so a bot never restates a rule of the game. What a bot still
 * decides for itself is only whether it wants to.
 */
function can(seat: Seat, action: keyof NonNullable<MatchView["actions"]>, target?: string): boolean {
  const a: ActionState | undefined = seat.view.actions?.[action];
  if (!a) return false;
  return target === undefined ? a.ok : a.targets?.[target]?.ok === true;
}

function seatedRoles(seat: Seat): RoleId[] {
  return seat.view.scenario.roles.map((r) => r.id).filter((id) => delegatesOf(seat.view, seat.table.index, id).length > 0);
}

/** A plan: the intent and the memory it leaves; memory changes without an intent are kept too. */
type Plan = { intent: BotIntent; memory: BotMemory; key: string };

function draw(memory: BotMemory): number {
  const r = nextRandom(memory.rng);
  memory.rng = r.state;
  return r.value;
}

/**
 * One line of the catalog, as its English text and as its line by code (the ids it names), so
 * that each device words it in its own language (BotLine in shared/rules/types.ts).
 */
function say(memory: BotMemory, key: BotLineKey, params: Record<string, string>, ids: LineIds): { text: string; line: BotLine } {
  const picked = pickLine(key, params, memory.rng);
  memory.rng = picked.rng;
  return { text: picked.text, line: lineOf(key, picked.variant, ids) };
}

const optionTitle = (seat: Seat, option: OptionId) => seat.dossier.options.find((o) => o.id === option)?.title ?? option;
const roleName = (seat: Seat, role: RoleId) => seat.view.scenario.roles.find((r) => r.id === role)?.name ?? role;

/** Notices money it received (visible on its own view) and draws, once, whether it wins the bot over. */
function noticeFunding(seat: Seat, memory: BotMemory): void {
  const seen = new Set(memory.funders.map((f) => f.id));
  const me = seat.me.id;
  const fresh: Omit<Funding, "wonOver">[] = [];
  for (const f of seat.table.fellowships) {
    if (f.to === me && f.status === "accepted" && !seen.has(f.id)) fresh.push({ id: f.id, from: f.from, kind: "fellowship", round: f.round, expects: f.expects });
  }
  for (const g of seat.table.grants) {
    if (g.to === me && !seen.has(g.id)) fresh.push({ id: g.id, from: g.from, kind: "grant", round: g.round, expects: null });
  }
  for (const f of fresh) {
    // A trip is a bigger favour than a small grant; a funder who already won the bot over keeps it.
    const already = memory.funders.some((x) => x.from === f.from && x.wonOver);
    const chance = memory.profile.captureTendency * (f.kind === "fellowship" ? 1 : memory.profile.grantWeight);
    memory.funders.push({ ...f, wonOver: already || draw(memory) < chance });
  }
}

/** How much winning `role` over is worth to this patron: its voting power, how loyal it has been, whether it needs the money. */
function targetScore(seat: Seat, memory: BotMemory, role: PublicRole, wanted: OptionId | null): number {
  const power = votingPower(seat.view, seat.table.rule, seatedRoles(seat), role.id);
  if (power <= 0) return 0;
  const t = memory.trust[role.id] ?? { funded: 0, loyal: 0 };
  const trust = (t.loyal + 1) / (t.funded + 2);
  // With a table of everyone's payoffs (a role whose knowledge.seesAllPayoffs names this dossier)
  // a patron knows who already agrees and need not pay them.
  const known = wanted ? seat.view.briefing?.allPayoffs[seat.dossier.id]?.[wanted]?.[role.id] : undefined;
  const declared = wanted ? seat.round.positions[role.id]?.[wanted] : undefined;
  const agrees = declared !== undefined ? yes(declared) : known !== undefined ? known >= 0 : null;
  // In a vote, money is best spent on those not yet persuaded. Under rough consensus a guest in the
  // room can block, so a patron brings only friends, and none at all when the status quo suits it.
  const consensus = seat.table.rule === "R1";
  if (consensus && wanted === seat.dossier.statusQuo) return 0;
  const persuade = consensus ? (agrees === true ? 1 : agrees === false ? 0.1 : 0.4) : agrees === true ? 0.2 : agrees === false ? 1 : 0.6;
  const needy = !role.canTravelAlone || (seat.table.delegations[role.id]?.tokens ?? 0) < tripCost(seat, role) ? 1.5 : 1;
  return power * trust * persuade * needy;
}

const MIN_TARGET = 0.02;

function offerFellowship(seat: Seat, memory: BotMemory): Plan | null {
  const { view, me } = seat;
  // A fellowship programme runs every round whatever its owner's strategy; paid offers are a patron's choice.
  if (!memory.strategy.patron && me.programmeSeats === 0) return null;
  const r = view.round;
  const mine = seat.table.fellowships.filter((f) => f.from === me.id && f.round === r);
  const open = mine.filter((f) => f.status === "offered");
  const paidLive = mine.filter((f) => !f.programme && (f.status === "offered" || f.status === "accepted"));
  const paidMax = memory.strategy.patron ? memory.profile.maxFellowships : 0;
  const paidLeft = paidMax - paidLive.length;
  // Whether a programme seat is still free, and to whom an offer may go, is the engine's to say.
  const others = view.scenario.roles.filter((role) => role.id !== me.id);
  const programme = others.some((role) => can(seat, "OfferFellowship", `${role.id}/programme`));
  if ((!programme && paidLeft <= 0) || mine.length >= me.programmeSeats + paidMax + 1) return null;
  const wanted = favourite(seat);
  const offered = new Set(mine.map((f) => f.to));
  // A free programme seat goes to whoever most needs it even without a vote worth winning.
  const newcomer = (role: PublicRole) => (programme && !role.canTravelAlone ? 0.01 : 0);
  const candidates = others
    .filter((role) => (role.income * 2 <= me.income || !role.canTravelAlone) && !offered.has(role.id) && can(seat, "OfferFellowship", programme ? `${role.id}/programme` : role.id))
    .map((role) => ({ role, score: targetScore(seat, memory, role, wanted) + newcomer(role) }))
    .filter((c) => c.score >= (programme ? 0.005 : MIN_TARGET))
    .sort((a, b) => b.score - a.score);
  const target = candidates[0];
  if (!target) return null;
  if (!programme) {
    const ownTrip = seat.mode === "in-person" ? 0 : tripCost(seat, me);
    const committed = open.filter((f) => !f.programme).reduce((a, f) => a + f.cost, 0);
    if (seat.tokens - ownTrip - memory.profile.reserve - committed < tripCost(seat, target.role)) return null;
  }
  // A bot offers what a student's form offers: the hard variant asks the sponsor to name the
  // option it expects, the soft one ("no strings written down") has no such field, so a bot
  // names nothing there either, or the debrief would read strings the class was told are not
  // written down. The engine still takes a named option in soft (scripted records use it).
  const expects = view.settings.variants.fellowships === "hard" ? wanted : null;
  const city = seat.dossier.venue.city;
  const dossier = seat.dossier.id;
  const { text: note, line } = expects ? say(memory, "fellowship.expects", { city, option: optionTitle(seat, expects) }, { dossier, option: expects }) : say(memory, "fellowship.note", { city }, { dossier });
  return { intent: { type: "OfferFellowship", to: target.role.id, note, expects, programme, line }, memory, key: `offer/${target.role.id}` };
}

function answerOffer(seat: Seat, memory: BotMemory): Plan | null {
  const offer = seat.table.fellowships.find((f) => f.to === seat.me.id && f.status === "offered" && f.round === seat.view.round && !memory.tried.includes(`answer/${f.id}`));
  if (!offer) return null;
  let accept = memory.answered[offer.id];
  // An offer that could not be taken up (already in the room, a sponsor who can no longer pay) is declined.
  const acceptable = can(seat, "AcceptFellowship", offer.id);
  if (accept === undefined) {
    const strings = offer.expects ? payoff(seat, offer.expects) : null;
    let p = memory.profile.susceptibility + (seat.me.canTravelAlone ? 0 : 0.1);
    if (strings !== null && strings <= -2) p *= 0.5;
    accept = acceptable && draw(memory) < p;
    memory.answered[offer.id] = accept;
  }
  if (accept && !acceptable) accept = false;
  return { intent: { type: accept ? "AcceptFellowship" : "DeclineFellowship", fellowship: offer.id }, memory, key: `answer/${offer.id}` };
}

function buyBriefing(seat: Seat, memory: BotMemory): Plan | null {
  // The engine refuses a briefing that would teach nothing, one already bought, or one it cannot pay for.
  if (!memory.strategy.buysBriefing || !can(seat, "BuyBriefing")) return null;
  return { intent: { type: "BuyBriefing" }, memory, key: "briefing" };
}

function bookTravel(seat: Seat, memory: BotMemory): Plan | null {
  // A bot chooses once a round; a sponsor's seat (accepted before travel) counts as its choice.
  if (seat.mode !== null) return null;
  const cost = tripCost(seat, seat.me);
  // Only people in the room can block under rough consensus, so the room is worth more there.
  const worth = memory.strategy.presence * (seat.table.rule === "R1" ? 1.5 : 1);
  if (can(seat, "BookTravel", "in-person") && worth >= cost) {
    return { intent: { type: "BookTravel", mode: "in-person", delegates: 1 }, memory, key: "travel/in-person" };
  }
  if (!can(seat, "BookTravel", "remote")) return null;
  return { intent: { type: "BookTravel", mode: "remote" }, memory, key: "travel/remote" };
}

function tableOption(seat: Seat, memory: BotMemory): Plan | null {
  if (!can(seat, "TableOption")) return null;
  const byMe = seat.round.tabled.filter((t) => t.by === seat.me.id).length;
  if (byMe >= 2) return null;
  const lean = leanings(seat, memory);
  const open = (o: OptionId) => can(seat, "TableOption", o);
  const wanted = [...lean.favoured].find(open);
  const all = seat.dossier.options.map((o) => o.id).filter((o) => open(o) && !lean.opposed.has(o));
  const best = favourite(seat, all);
  const sq = value(seat, seat.dossier.statusQuo);
  const pick = wanted ?? (best !== null && (byMe === 0 ? value(seat, best) >= 0 || value(seat, best) > sq : value(seat, best) > sq && value(seat, best) >= 1) ? best : null);
  if (!pick) return null;
  return { intent: { type: "TableOption", option: pick }, memory, key: `table/${pick}` };
}

/**
 * Positions: during the negotiation a bot signals only what it cares about (support and
 * objections); in the decision phase it states the rest and settles any change of mind.
 */
function declarePositions(seat: Seat, memory: BotMemory): Plan | null {
  if (!can(seat, "DeclarePosition")) return null;
  const final = seat.view.phase === "decision";
  for (const option of tabledIds(seat)) {
    if (!can(seat, "DeclarePosition", option)) continue;
    const stance = stanceFor(seat, memory, option);
    if (!stance || (!final && stance === "live")) continue;
    if (seat.round.positions[seat.me.id]?.[option] !== stance) {
      return { intent: { type: "DeclarePosition", option, stance }, memory, key: `position/${option}/${stance}` };
    }
  }
  return null;
}

function speak(seat: Seat, memory: BotMemory): Plan | null {
  const r = seat.view.round;
  const constituency = seat.me.name;
  const mine = seat.round.positions[seat.me.id] ?? {};
  const supported = tabledIds(seat).find((o) => mine[o] === "support");
  const objected = tabledIds(seat).find((o) => mine[o] === "object");
  if (seat.mode === "remote") {
    // One comment a round is this bot's habit; the engine's cap and a mute are the engine's to say.
    const used = seat.round.remoteCommentsUsed[seat.me.id] ?? 0;
    if (used >= 1 || !can(seat, "PostRemoteComment")) return null;
    const option = supported ?? favourite(seat);
    if (!option) return null;
    const { text, line } = say(memory, "remote.comment", { option: optionTitle(seat, option), constituency }, { option, role: seat.me.id });
    return { intent: { type: "PostRemoteComment", text, line }, memory, key: `remote/${r}` };
  }
  if (!can(seat, "MakeStatement")) return null;
  const spoken = seat.table.statements.filter((s) => s.role === seat.me.id && s.round === r).length;
  // One statement while negotiating; a talkative delegation sums up when the decision is due.
  if (spoken >= (seat.view.phase === "negotiation" ? 1 : memory.profile.talkativeness)) return null;
  const sponsor = seat.table.fellowships.find((f) => f.to === seat.me.id && f.status === "accepted" && f.round === r);
  const done = `thanks/${r}`;
  if (sponsor && !memory.done.includes(done) && memory.funders.some((f) => f.id === sponsor.id && f.wonOver)) {
    memory.done.push(done);
    return { intent: { type: "MakeStatement", ...say(memory, "floor.thanks", { sponsor: roleName(seat, sponsor.from) }, { role: sponsor.from }) }, memory, key: done };
  }
  const [key, option]: [BotLineKey, OptionId | undefined] = spoken === 0 ? ["floor.support", supported] : ["floor.object", objected];
  const chosen = option ?? tabledIds(seat).find((o) => mine[o] === "live");
  if (!chosen) return null;
  const { text, line } = say(memory, option ? key : "floor.live", { option: optionTitle(seat, chosen), constituency }, { option: chosen, role: seat.me.id });
  return { intent: { type: "MakeStatement", text, line }, memory, key: `floor/${r}/${spoken}` };
}

/** Patrons whisper to the guests they brought; anyone in the room finds one ally a round. */
function corridor(seat: Seat, memory: BotMemory): Plan | null {
  if (!can(seat, "SendCorridorMessage")) return null;
  const r = seat.view.round;
  const inRoom = (role: RoleId) => can(seat, "SendCorridorMessage", role);
  const wanted = favourite(seat);
  if (memory.strategy.patron && wanted) {
    for (const f of seat.table.fellowships) {
      if (f.from !== seat.me.id || f.status !== "accepted" || f.round !== r) continue;
      const done = `corridor/${r}/${f.to}`;
      if (memory.done.includes(done) || !inRoom(f.to)) continue;
      memory.done.push(done);
      // Sent as its line too, so each device words it in its own language.
      const { text, line } = say(memory, "corridor.ask", { option: optionTitle(seat, wanted) }, { option: wanted });
      return { intent: { type: "SendCorridorMessage", to: f.to, text, line }, memory, key: done };
    }
  }
  const done = `ally/${r}`;
  if (memory.done.includes(done)) return null;
  const mine = seat.round.positions[seat.me.id] ?? {};
  const backed = tabledIds(seat).find((o) => mine[o] === "support");
  const ally = backed && seat.view.scenario.roles.map((x) => x.id).find((role) => inRoom(role) && seat.round.positions[role]?.[backed] === "support");
  if (!backed || !ally) return null;
  memory.done.push(done);
  const { text, line } = say(memory, "corridor.ally", { option: optionTitle(seat, backed) }, { option: backed });
  return { intent: { type: "SendCorridorMessage", to: ally, text, line }, memory, key: done };
}

/**
 * A patron gives one grant a round, and only to a swing voter: under a vote, a poorer role whose
 * yes would carry the patron's option (or, when the status quo suits the patron, whose yes keeps
 * a rival option passing); under rough consensus, a poorer delegate in the room blocking it.
 */
function grant(seat: Seat, memory: BotMemory): Plan | null {
  if (!memory.strategy.patron) return null;
  const r = seat.view.round;
  const done = `grant/${r}`;
  const size = memory.profile.grantSize;
  if (memory.done.includes(done) || seat.tokens - memory.profile.reserve < size) return null;
  const { rule } = seat.table;
  const tabled = tabledIds(seat);
  const wanted = favourite(seat, tabled);
  if (!wanted) return null;
  const sq = seat.dossier.statusQuo;
  const present = seat.view.scenario.roles
    .map((x) => x.id)
    .filter((id) => {
      const mode = seat.round.attendance[id]?.mode;
      return rule === "R1" ? mode === "in-person" : mode === "in-person" || mode === "remote";
    });
  const poorer = new Set(seat.view.scenario.roles.filter((x) => x.id !== seat.me.id && x.income * 2 <= seat.me.income && present.includes(x.id)).map((x) => x.id));
  const stance = (role: RoleId, o: OptionId) => seat.round.positions[role]?.[o];
  const ayes = (o: OptionId) => new Set(present.filter((id) => yes(stance(id, o))));
  const passes = (set: ReadonlySet<RoleId>) => wouldPass(seat.view, rule, set, present);
  let swing: RoleId[] = [];
  if (rule === "R1") {
    if (wanted !== sq) swing = [...poorer].filter((id) => stance(id, wanted) === "object");
  } else if (wanted !== sq) {
    const set = ayes(wanted);
    if (!passes(set)) swing = [...poorer].filter((id) => !set.has(id) && passes(new Set([...set, id])));
  } else {
    for (const rival of tabled.filter((o) => o !== sq)) {
      const set = ayes(rival);
      if (!passes(set)) continue;
      swing.push(...[...poorer].filter((id) => set.has(id) && !passes(new Set([...set].filter((x) => x !== id)))));
    }
  }
  const trust = (id: RoleId) => {
    const t = memory.trust[id] ?? { funded: 0, loyal: 0 };
    return (t.loyal + 1) / (t.funded + 2);
  };
  const target = [...new Set(swing)].filter((id) => can(seat, "GiveGrant", id)).sort((a, b) => trust(b) - trust(a))[0];
  if (!target) return null;
  memory.done.push(done);
  const { text: note, line } = say(memory, "grant.note", { dossier: seat.dossier.title }, { dossier: seat.dossier.id });
  return { intent: { type: "GiveGrant", to: target, amount: size, note, line }, memory, key: done };
}

/** After the decision a patron judges its guests: loyal ones are trusted (and thanked with a grant). */
function judgeAndReward(seat: Seat, memory: BotMemory): Plan | null {
  if (!memory.strategy.patron) return null;
  const r = seat.view.round;
  const mine = seat.round.positions[seat.me.id] ?? {};
  const wanted = tabledIds(seat).find((o) => mine[o] === "support") ?? favourite(seat);
  if (!wanted) return null;
  const funded = new Set<RoleId>([
    ...seat.table.fellowships.filter((f) => f.from === seat.me.id && f.status === "accepted" && f.round === r).map((f) => f.to),
    ...seat.table.grants.filter((g) => g.from === seat.me.id && g.round === r).map((g) => g.to),
  ]);
  for (const role of funded) {
    const done = `judge/${r}/${role}`;
    if (memory.done.includes(done)) continue;
    memory.done.push(done);
    const loyal = yes(seat.round.positions[role]?.[wanted]);
    const t = (memory.trust[role] ??= { funded: 0, loyal: 0 });
    t.funded += 1;
    if (loyal) t.loyal += 1;
    if (loyal && seat.tokens - memory.profile.reserve >= memory.profile.grantSize && can(seat, "GiveGrant", role)) {
      const { text: note, line } = say(memory, "grant.reward", { dossier: seat.dossier.title }, { dossier: seat.dossier.id });
      return { intent: { type: "GiveGrant", to: role, amount: memory.profile.grantSize, note, line }, memory, key: `reward/${r}/${role}` };
    }
  }
  return null;
}

function rider(seat: Seat, memory: BotMemory): Plan | null {
  // Whose clause it is, whether late insertion is on and whether it is spent: the engine's to say.
  const sc = seat.view.scenario.rider;
  if (!sc || !can(seat, "InsertRider")) return null;
  const done = `rider/${seat.view.round}`;
  if (memory.done.includes(done)) return null;
  memory.done.push(done);
  const last = seat.view.round >= seat.view.scenario.dossiers.length - 1;
  if (!last && draw(memory) < 0.5) return null;
  const clauses = sc.options.filter((o) => can(seat, "InsertRider", o.id));
  if (!clauses.length) return null;
  const clause = clauses[Math.floor(draw(memory) * clauses.length)]!;
  return { intent: { type: "InsertRider", option: clause.id }, memory, key: done };
}

function objectToRider(seat: Seat, memory: BotMemory): Plan | null {
  const pending = seat.round.rider;
  // Only drafters may strike a pending clause (the engine says); a bot never strikes its own.
  if (!pending || pending.by === seat.me.id || !can(seat, "ObjectToRider")) return null;
  const done = `object-rider/${seat.view.round}`;
  if (memory.done.includes(done)) return null;
  memory.done.push(done);
  if (draw(memory) >= memory.profile.riderObjection) return null;
  return { intent: { type: "ObjectToRider" }, memory, key: done };
}

const PLANS: Record<string, ((seat: Seat, memory: BotMemory) => Plan | null)[]> = {
  briefing: [answerOffer, buyBriefing, offerFellowship],
  travel: [answerOffer, bookTravel, offerFellowship],
  negotiation: [tableOption, declarePositions, speak, corridor, grant],
  decision: [rider, objectToRider, declarePositions, grant, speak],
  outcome: [judgeAndReward],
};

/** The bot's next intent (or null when it has nothing to do now) and its next memory. */
export function nextIntent(view: MatchView, memory: BotMemory): BotStep {
  const m = cloneMemory(memory);
  const seat = seatIn(view);
  if (!seat || seat.me.id !== m.role) return { intent: null, memory: m };
  const phaseKey = `${view.round}/${view.phase}`;
  if (m.phaseKey !== phaseKey) {
    m.phaseKey = phaseKey;
    m.tried = [];
  }
  noticeFunding(seat, m);
  for (const plan of PLANS[view.phase] ?? []) {
    const p = plan(seat, m);
    if (p && !m.tried.includes(p.key)) {
      m.tried.push(p.key); // an intent is tried once per phase; success changes the view, so it is not needed again
      return { intent: p.intent, memory: p.memory };
    }
  }
  return { intent: null, memory: m };
}
