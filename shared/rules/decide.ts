// decide(state, command, meta) → events, or a rejection with a code and a plain reason.
// It never throws for a rule violation and never changes the state it is given.
import { parseScenario, ScenarioError } from "../scenario/schema.js";
import { shuffle, nextRandom } from "../random/rng.js";
import { AFTER_END_COMMANDS, DEBRIEF_CARD_LIMIT, LIMITS, TEACHER_COMMANDS, type Command, type Meta } from "./commands.js";
import type { GameEvent } from "./events.js";
import { currentDossier, delegatesOf, presentPlayers, roleOf, travelCost } from "./helpers.js";
import { advance, openRound } from "./phases.js";
import { checkNickname } from "./nicknames.js";
import { reject, type Rejection } from "./rejections.js";
import { ruleOfTable, SettingsSchema } from "./settings.js";
import type { MatchState, Player, RoleId, RoundRecord, TableState } from "./types.js";
import type { Role } from "../scenario/schema.js";

export type Verdict = { ok: true; events: GameEvent[] } | { ok: false; rejection: Rejection };

const ok = (...events: GameEvent[]): Verdict => ({ ok: true, events });
const no = (code: Parameters<typeof reject>[0], detail?: string): Verdict => ({ ok: false, rejection: reject(code, detail) });

/** A player's seat at a table, resolved from the actor; every delegation command starts here. */
interface Seat {
  player: Player;
  table: TableState;
  role: Role;
  round: RoundRecord;
}

function seatOf(state: MatchState, meta: Meta): Seat | Rejection {
  if (meta.actor.kind !== "player") return reject("not-your-seat");
  const player = state.players[meta.actor.id];
  if (!player || !player.present) return reject("unknown-player");
  if (player.role === null || player.table === null) return reject("no-role");
  const table = state.tables[player.table];
  const role = roleOf(state.scenario, player.role);
  if (!table || !role) return reject("no-role");
  const round = table.rounds[state.round];
  if (!round) return reject("not-started");
  return { player, table, role, round };
}

const isRejection = (x: unknown): x is Rejection => typeof x === "object" && x !== null && "code" in x && "message" in x;

function checkText(text: unknown, max: number, empty: "text-empty" | "news-empty" | "nickname-empty" = "text-empty"): Rejection | string {
  if (typeof text !== "string") return reject("bad-input");
  const trimmed = text.trim();
  if (!trimmed) return reject(empty);
  if (trimmed.length > max) return reject(empty === "nickname-empty" ? "nickname-too-long" : "text-too-long", `(${max} characters at most.)`);
  return trimmed;
}

function uniqueNickname(state: MatchState, wanted: string, except?: string): string {
  const taken = new Set(
    Object.values(state.players)
      .filter((p) => p.present && p.id !== except)
      .map((p) => p.nickname.toLowerCase()),
  );
  if (!taken.has(wanted.toLowerCase())) return wanted;
  const chars = [...wanted];
  for (let n = 2; ; n++) {
    const suffix = ` ${n}`;
    // Cut whole characters, and never leave a joiner or an accent hanging at the cut.
    let kept = chars.length;
    while (kept > 0 && chars.slice(0, kept).join("").length > LIMITS.nickname - suffix.length) kept--;
    while (kept > 0 && /[\p{M}\p{Cf}]/u.test(chars[kept - 1]!)) kept--;
    const candidate = chars.slice(0, kept).join("").trimEnd() + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/** Where the next unseated player goes: the emptiest role, then the emptiest table. */
function nextSeat(state: MatchState, counts: Map<string, number>): { table: number; role: RoleId } | null {
  let best: { table: number; role: RoleId; key: number[] } | null = null;
  for (const t of state.tables) {
    const tableTotal = state.scenario.roles.reduce((a, r) => a + (counts.get(`${t.index}/${r.id}`) ?? 0), 0);
    for (const [ri, r] of state.scenario.roles.entries()) {
      const n = counts.get(`${t.index}/${r.id}`) ?? 0;
      if (n >= r.maxDelegates) continue;
      const key = [n, tableTotal, t.index, ri];
      if (!best || compareKeys(key, best.key) < 0) best = { table: t.index, role: r.id, key };
    }
  }
  return best && { table: best.table, role: best.role };
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return 0;
}

function seatCounts(state: MatchState): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of presentPlayers(state)) {
    if (p.table !== null && p.role !== null) counts.set(`${p.table}/${p.role}`, (counts.get(`${p.table}/${p.role}`) ?? 0) + 1);
  }
  return counts;
}

/** A bot player for every seat (table × role) that no present player holds. */
function botsForEmptySeats(state: MatchState, now: number): GameEvent[] {
  const events: GameEvent[] = [];
  const counts = seatCounts(state);
  let id = state.nextId;
  for (const table of state.tables) {
    for (const role of state.scenario.roles) {
      if ((counts.get(`${table.index}/${role.id}`) ?? 0) > 0) continue;
      events.push({ type: "PlayerJoined", player: `bot${id++}`, nickname: `Bot ${role.short}${state.tables.length > 1 ? ` ${table.index + 1}` : ""}`, kind: "bot", table: table.index, role: role.id, at: now });
    }
  }
  return events;
}

const running = (state: MatchState) => state.status === "running";

/**
 * A seat filled after travel closed (a late joiner, a bot, a teacher's move) takes part
 * remotely for the rest of the round instead of being stuck as absent.
 */
function joinRoundRemotely(state: MatchState, seats: { table: number | null; role: RoleId | null }[]): GameEvent[] {
  if (!running(state) || !["negotiation", "decision"].includes(state.phase)) return [];
  const done = new Set<string>();
  const events: GameEvent[] = [];
  for (const { table, role } of seats) {
    if (table === null || role === null || done.has(`${table}/${role}`)) continue;
    done.add(`${table}/${role}`);
    if (state.tables[table]?.rounds[state.round]?.attendance[role]?.mode !== "absent") continue;
    events.push({ type: "TravelBooked", table, role, attendance: { mode: "remote", delegates: 1, paidBy: null, cost: 0, defaulted: true }, defaulted: true });
  }
  return events;
}
const inPhase = (state: MatchState, ...phases: string[]) => running(state) && phases.includes(state.phase);

export function decide(state: MatchState | null, command: Command, meta: Meta): Verdict {
  if (command.type === "CreateMatch") return createMatch(state, command, meta);
  if (!state) return no("no-match");
  if (TEACHER_COMMANDS.has(command.type) && meta.actor.kind !== "teacher") return no("not-teacher");
  if (state.status === "ended" && !AFTER_END_COMMANDS.has(command.type)) return no("match-ended");
  const now = meta.now;

  switch (command.type) {
    case "JoinMatch": {
      const checked = checkNickname(command.nickname);
      if (!checked.ok) return no(checked.code, checked.detail);
      const nickname = checked.nickname;
      if (meta.actor.kind === "player" && meta.actor.id !== command.playerId) return no("not-your-seat");
      if (state.players[command.playerId]?.present) return no("bad-input", "That seat is already taken.");
      let table: number | null = null;
      let role: RoleId | null = null;
      if (running(state) && state.settings.lateJoiners === "delegate") {
        const seat = nextSeat(state, seatCounts(state));
        if (seat) ({ table, role } = seat);
      }
      return ok(
        { type: "PlayerJoined", player: command.playerId, nickname: uniqueNickname(state, nickname), kind: "human", table, role, at: now },
        ...joinRoundRemotely(state, [{ table, role }]),
      );
    }

    case "RenamePlayer": {
      const player = state.players[command.player];
      if (!player || !player.present) return no("unknown-player");
      if (meta.actor.kind !== "teacher" && !(meta.actor.kind === "player" && meta.actor.id === command.player)) return no("not-your-seat");
      const checked = checkNickname(command.nickname);
      if (!checked.ok) return no(checked.code, checked.detail);
      return ok({ type: "PlayerRenamed", player: command.player, nickname: uniqueNickname(state, checked.nickname, command.player) });
    }

    case "LeaveMatch": {
      const player = state.players[command.player];
      if (!player || !player.present) return no("unknown-player");
      if (!(meta.actor.kind === "player" && meta.actor.id === command.player)) return no("not-your-seat");
      return ok({ type: "PlayerLeft", player: command.player, removed: false });
    }

    case "RemovePlayer": {
      const player = state.players[command.player];
      if (!player || !player.present) return no("unknown-player");
      return ok({ type: "PlayerLeft", player: command.player, removed: true });
    }

    case "MutePlayer": {
      const player = state.players[command.player];
      if (!player || !player.present) return no("unknown-player");
      return ok({ type: "PlayerMuted", player: command.player, muted: command.muted === true });
    }

    case "AssignRolesAutomatically": {
      const waiting = presentPlayers(state).filter((p) => p.kind === "human" && p.role === null);
      const { state: rng, items } = shuffle(
        waiting.map((p) => p.id),
        state.rng,
      );
      const counts = seatCounts(state);
      const assignments = items.map((player) => {
        const seat = nextSeat(state, counts);
        if (!seat) return { player, table: null, role: null };
        counts.set(`${seat.table}/${seat.role}`, (counts.get(`${seat.table}/${seat.role}`) ?? 0) + 1);
        return { player, table: seat.table, role: seat.role };
      });
      return ok({ type: "RolesAssigned", assignments, rng }, ...joinRoundRemotely(state, assignments));
    }

    case "AssignRole": {
      const player = state.players[command.player];
      if (!player || !player.present) return no("unknown-player");
      if (command.role === null || command.table === null) return ok({ type: "RolesAssigned", assignments: [{ player: command.player, table: null, role: null }], rng: state.rng });
      if (!state.tables[command.table]) return no("unknown-table");
      const role = roleOf(state.scenario, command.role);
      if (!role) return no("unknown-role");
      const already = player.table === command.table && player.role === command.role;
      if (!already && delegatesOf(state, command.table, role.id).length >= role.maxDelegates) return no("delegation-full");
      const seat = { player: command.player, table: command.table, role: role.id };
      return ok({ type: "RolesAssigned", assignments: [seat], rng: state.rng }, ...joinRoundRemotely(state, [seat]));
    }

    case "FillWithBots": {
      const events = botsForEmptySeats(state, now);
      if (!events.length) return no("no-seats-left");
      return ok(...events, ...joinRoundRemotely(state, events.map((e) => (e.type === "PlayerJoined" ? { table: e.table, role: e.role } : { table: null, role: null }))));
    }

    case "StartMatch": {
      if (state.status !== "lobby") return no("already-started");
      // With bots switched on in the settings, every seat nobody holds gets a bot at the start.
      const bots = state.settings.bots ? botsForEmptySeats(state, now) : [];
      if (!bots.length && !presentPlayers(state).some((p) => p.role !== null)) return no("nobody-to-start");
      return ok(...bots, { type: "MatchStarted", at: now }, ...openRound(state, 0, now, "start"));
    }

    case "Tick": {
      if (meta.actor.kind !== "system") return no("not-teacher");
      if (!running(state)) return no("not-started");
      if (state.clock.deadline === null) return no("clock-paused");
      if (now < state.clock.deadline) return no("clock-not-due");
      return ok(...advance(state, now, "clock"));
    }

    case "AdvancePhase": {
      if (!running(state)) return no("not-started");
      return ok(...advance(state, now, "teacher"));
    }

    case "PauseClock": {
      if (!running(state)) return no("not-started");
      if (state.clock.deadline === null) return no("clock-paused");
      return ok({ type: "ClockPaused", remaining: Math.max(0, state.clock.deadline - now), at: now });
    }

    case "ResumeClock": {
      if (!running(state)) return no("not-started");
      if (state.clock.pausedRemaining === null) return no("clock-running");
      return ok({ type: "ClockResumed", deadline: now + state.clock.pausedRemaining, at: now });
    }

    case "ExtendClock": {
      if (!running(state)) return no("not-started");
      const s = command.seconds;
      if (!Number.isInteger(s) || s < 1 || s > LIMITS.maxExtendSeconds) return no("bad-duration");
      const { deadline, pausedRemaining } = state.clock;
      return ok({
        type: "ClockExtended",
        seconds: s,
        deadline: deadline === null ? null : deadline + s * 1000,
        remaining: pausedRemaining === null ? null : pausedRemaining + s * 1000,
      });
    }

    case "PushNews": {
      const text = checkText(command.text, LIMITS.news, "news-empty");
      if (isRejection(text)) return { ok: false, rejection: text };
      return ok({ type: "NewsPushed", id: `n${state.nextId}`, text, at: now });
    }

    case "EndMatch":
      return ok({ type: "MatchEnded", at: now, reason: "teacher" });

    case "ShowDebriefCard": {
      if (state.status !== "ended") return no("debrief-not-open");
      if (!Number.isInteger(command.card) || command.card < 0 || command.card >= DEBRIEF_CARD_LIMIT) return no("unknown-card");
      return ok({ type: "DebriefCardShown", card: command.card });
    }

    case "ShowNicknames":
      if (state.status !== "ended") return no("debrief-not-open");
      return ok({ type: "NicknamesShown", shown: command.shown === true });

    case "NameDrafter": {
      if (!inPhase(state, "negotiation", "decision")) return no("phase-closed");
      const table = state.tables[command.table];
      if (!table) return no("unknown-table");
      const round = table.rounds[state.round];
      if (!roleOf(state.scenario, command.role)) return no("unknown-role");
      if (command.seated && round?.attendance[command.role]?.mode !== "in-person") return no("not-in-room");
      return ok({ type: "DrafterNamed", table: command.table, role: command.role, seated: command.seated === true });
    }

    case "CallConsensus": {
      if (!inPhase(state, "decision")) return no("phase-closed");
      const table = state.tables[command.table];
      if (!table) return no("unknown-table");
      if (table.rule !== "R1") return no("wrong-rule");
      if (state.settings.chair !== "teacher") return no("chair-automatic");
      const round = table.rounds[state.round];
      if (!round) return no("not-started");
      if (round.decision) return no("already-decided");
      if (!round.tabled.some((t) => t.option === command.option)) return no("not-tabled");
      const objecting = (mode: string) =>
        state.scenario.roles.filter((r) => round.attendance[r.id]?.mode === mode && round.positions[r.id]?.[command.option] === "object").map((r) => r.id);
      const blockedBy = objecting("in-person");
      const events: GameEvent[] = [{ type: "ConsensusCalled", table: table.index, option: command.option, blockedBy, noted: objecting("remote"), at: now }];
      if (!blockedBy.length) {
        const dossier = currentDossier(state);
        const rider = round.rider && !round.rider.objectedBy && command.option !== dossier?.statusQuo ? round.rider.option : null;
        events.push({ type: "DossierDecided", table: table.index, round: state.round, decision: { rule: "R1", adopted: command.option, by: "consensus", tally: {}, blockedBy: [], rider } });
      }
      return ok(...events);
    }

    default:
      return decideForDelegation(state, command, meta);
  }
}

function createMatch(state: MatchState | null, command: Extract<Command, { type: "CreateMatch" }>, meta: Meta): Verdict {
  if (state) return no("match-exists");
  if (meta.actor.kind !== "teacher" && meta.actor.kind !== "system") return no("not-teacher");
  let scenario;
  try {
    scenario = parseScenario(command.scenario);
  } catch (e) {
    return no("bad-settings", e instanceof ScenarioError ? e.message : "The scenario could not be read.");
  }
  const parsed = SettingsSchema.safeParse(command.settings ?? {});
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return no("bad-settings", first ? `${first.path.join(".") || "settings"}: ${first.message}` : undefined);
  }
  const settings = parsed.data;
  for (let t = 0; t < settings.tables; t++) {
    const rule = ruleOfTable(settings, t);
    if (!scenario.rules.includes(rule)) return no("bad-settings", `rules: this scenario does not offer ${rule}.`);
  }
  if (!Number.isInteger(command.seed)) return no("bad-settings", "seed: must be a whole number.");
  return ok({ type: "MatchCreated", matchId: command.matchId, scenario, settings, seed: command.seed >>> 0, at: meta.now });
}

type DelegationCommand = Exclude<Command, { type: "CreateMatch" }>;

function decideForDelegation(state: MatchState, command: DelegationCommand, meta: Meta): Verdict {
  if (!running(state)) return no("not-started");
  const seat = seatOf(state, meta);
  if (isRejection(seat)) return { ok: false, rejection: seat };
  const { player, table, role, round } = seat;
  const dossier = currentDossier(state);
  if (!dossier) return no("not-started");
  const me = table.delegations[role.id];
  if (!me) return no("no-role");
  const mode = round.attendance[role.id]?.mode;
  const t = table.index;
  const now = meta.now;
  const speaking = () => (player.muted ? reject("muted") : null);

  switch (command.type) {
    case "BookTravel": {
      if (!inPhase(state, "travel")) return no("phase-closed");
      if (mode === "in-person") return no("already-booked");
      if (command.mode === "remote") {
        return ok({ type: "TravelBooked", table: t, role: role.id, attendance: { mode: "remote", delegates: 1, paidBy: null, cost: 0, defaulted: false }, defaulted: false });
      }
      if (command.mode !== "in-person") return no("bad-input");
      if (!role.canTravelAlone) return no("cannot-travel-alone");
      const delegates = command.delegates ?? 1;
      if (!Number.isInteger(delegates) || delegates < 1 || delegates > role.maxDelegates) return no("too-many-delegates", `(At most ${role.maxDelegates}.)`);
      const cost = delegates * travelCost(state.scenario, role, dossier);
      if (me.tokens < cost) return no("not-enough-tokens", `(The trip costs ${cost}; you have ${me.tokens}.)`);
      return ok({ type: "TravelBooked", table: t, role: role.id, attendance: { mode: "in-person", delegates, paidBy: role.id, cost, defaulted: false }, defaulted: false });
    }

    case "OfferFellowship": {
      if (!inPhase(state, "briefing", "travel")) return no("phase-closed");
      const guest = roleOf(state.scenario, command.to);
      if (!guest) return no("unknown-role");
      if (guest.id === role.id) return no("self-offer");
      if (round.attendance[guest.id]?.mode === "in-person") return no("already-attending");
      if (table.fellowships.some((f) => f.status === "offered" && f.from === role.id && f.to === guest.id && f.round === state.round)) return no("offer-pending");
      const note = checkText(command.note ?? "-", LIMITS.note);
      if (isRejection(note)) return { ok: false, rejection: note };
      const expects = command.expects ?? null;
      if (expects !== null && !dossier.options.some((o) => o.id === expects)) return no("unknown-option");
      if (state.settings.variants.fellowships === "hard" && expects === null) return no("expectation-required");
      const cost = travelCost(state.scenario, guest, dossier);
      const programme = command.programme === true;
      if (programme) {
        const used = round.programmeSeatsUsed[role.id] ?? 0;
        const open = table.fellowships.filter((f) => f.programme && f.from === role.id && f.round === state.round && f.status === "offered").length;
        if (used + open >= role.abilities.programmeSeats) return no("no-programme-seats");
      } else if (me.tokens < cost) return no("not-enough-tokens", `(A trip for them costs ${cost}; you have ${me.tokens}.)`);
      return ok({ type: "FellowshipOffered", table: t, id: `f${state.nextId}`, from: role.id, to: guest.id, cost, programme, note: command.note ? note : "", expects });
    }

    case "WithdrawFellowship":
    case "AcceptFellowship":
    case "DeclineFellowship": {
      if (!inPhase(state, "briefing", "travel")) return no("phase-closed");
      const offer = table.fellowships.find((f) => f.id === command.fellowship);
      if (!offer) return no("unknown-offer");
      if (offer.status !== "offered") return no("offer-closed");
      if (command.type === "WithdrawFellowship") {
        if (offer.from !== role.id) return no("not-your-offer");
        return ok({ type: "FellowshipWithdrawn", table: t, id: offer.id });
      }
      if (offer.to !== role.id) return no("not-your-offer");
      if (command.type === "DeclineFellowship") return ok({ type: "FellowshipDeclined", table: t, id: offer.id });
      if (mode === "in-person") return no("already-attending");
      const sponsor = table.delegations[offer.from];
      if (!offer.programme && (!sponsor || sponsor.tokens < offer.cost)) return no("not-enough-tokens", "Your sponsor can no longer pay for the trip.");
      return ok({ type: "FellowshipAccepted", table: t, id: offer.id, attendance: { mode: "in-person", delegates: 1, paidBy: offer.from, cost: offer.cost, defaulted: false } });
    }

    case "GiveGrant": {
      const to = roleOf(state.scenario, command.to);
      if (!to) return no("unknown-role");
      if (to.id === role.id) return no("self-grant");
      const amount = command.amount;
      if (!Number.isInteger(amount) || amount < 1 || amount > LIMITS.maxGrant) return no("bad-amount");
      if (me.tokens < amount) return no("not-enough-tokens", `(You have ${me.tokens}.)`);
      const note = command.note === undefined || command.note === "" ? "" : checkText(command.note, LIMITS.note);
      if (isRejection(note)) return { ok: false, rejection: note };
      return ok({ type: "GrantGiven", table: t, id: `g${state.nextId}`, from: role.id, to: to.id, amount, note, at: now });
    }

    case "BuyBriefing": {
      if (!inPhase(state, "briefing", "travel", "negotiation", "decision")) return no("phase-closed");
      if (!role.knowledge.hiddenPayoffs.some((h) => h.dossier === dossier.id)) return no("nothing-to-learn");
      if (round.briefingsBought.includes(role.id)) return no("already-briefed");
      if (me.tokens < state.scenario.briefingCost) return no("not-enough-tokens");
      return ok({ type: "BriefingBought", table: t, role: role.id, cost: state.scenario.briefingCost });
    }

    case "MakeStatement":
    case "PostRemoteComment": {
      if (!inPhase(state, "negotiation", "decision")) return no("phase-closed");
      const muted = speaking();
      if (muted) return { ok: false, rejection: muted };
      const floor = command.type === "MakeStatement";
      if (floor && mode !== "in-person") return no("not-in-room");
      if (!floor && mode !== "remote") return no(mode === "in-person" ? "not-remote" : "not-attending");
      if (!floor && (round.remoteCommentsUsed[role.id] ?? 0) >= state.scenario.remoteCommentsPerRound) return no("comments-used");
      const text = checkText(command.text, floor ? LIMITS.statement : LIMITS.remoteComment);
      if (isRejection(text)) return { ok: false, rejection: text };
      return ok({ type: "StatementMade", table: t, id: `s${state.nextId}`, role: role.id, player: player.id, kind: floor ? "floor" : "remote", text, at: now });
    }

    case "SendCorridorMessage": {
      if (!inPhase(state, "negotiation", "decision")) return no("phase-closed");
      const muted = speaking();
      if (muted) return { ok: false, rejection: muted };
      if (mode !== "in-person") return no("not-in-room");
      const to = roleOf(state.scenario, command.to);
      if (!to) return no("unknown-role");
      if (to.id === role.id) return no("self-message");
      if (round.attendance[to.id]?.mode !== "in-person") return no("recipient-not-in-room");
      const text = checkText(command.text, LIMITS.corridor);
      if (isRejection(text)) return { ok: false, rejection: text };
      let rng = state.rng;
      let interceptedBy: RoleId | null = null;
      if (state.settings.variants.surveillance) {
        const listener = state.scenario.roles.find((r) => r.abilities.surveillance && r.id !== role.id && r.id !== to.id);
        if (listener) {
          const draw = nextRandom(rng);
          rng = draw.state;
          if (draw.value < 1 / 3) interceptedBy = listener.id;
        }
      }
      return ok({ type: "CorridorMessageSent", table: t, id: `c${state.nextId}`, from: role.id, to: to.id, player: player.id, text, at: now, interceptedBy, rng });
    }

    case "TableOption": {
      if (!inPhase(state, "negotiation")) return no("phase-closed");
      if (mode !== "in-person") return no("not-in-room");
      if (!dossier.options.some((o) => o.id === command.option)) return no("unknown-option");
      if (round.tabled.some((x) => x.option === command.option)) return no("already-tabled");
      return ok({ type: "OptionTabled", table: t, option: command.option, by: role.id, at: now });
    }

    case "DeclarePosition": {
      if (!inPhase(state, "negotiation", "decision")) return no("phase-closed");
      if (round.decision) return no("already-decided");
      if (mode !== "in-person" && mode !== "remote") return no("not-attending");
      if (!dossier.options.some((o) => o.id === command.option)) return no("unknown-option");
      if (!round.tabled.some((x) => x.option === command.option)) return no("not-tabled");
      if (!["support", "live", "object"].includes(command.stance)) return no("bad-input");
      return ok({ type: "PositionDeclared", table: t, role: role.id, option: command.option, stance: command.stance, player: player.id, at: now });
    }

    case "InsertRider": {
      const rider = state.scenario.rider;
      if (!rider || rider.owner !== role.id || !role.abilities.rider) return no("no-rider");
      if (!state.settings.variants.lateInsertion) return no("rider-off");
      if (!inPhase(state, "decision")) return no("phase-closed");
      if (round.decision) return no("already-decided");
      if (table.riderUsed) return no("rider-used");
      if (command.option === rider.none || !rider.options.some((o) => o.id === command.option)) return no("unknown-option");
      return ok({ type: "RiderInserted", table: t, option: command.option, by: role.id });
    }

    case "ObjectToRider": {
      if (!inPhase(state, "decision")) return no("phase-closed");
      if (!round.rider || round.rider.objectedBy) return no("no-rider-pending");
      if (round.decision) return no("already-decided");
      if (!round.drafting.includes(role.id)) return no("not-drafter");
      return ok({ type: "RiderObjected", table: t, by: role.id });
    }

    default:
      return no("bad-input");
  }
}
