// A record from outside is checked by the rules, not by a checksum anyone can recompute: every
// event must be one the engine itself produces. The checker walks the record from the start,
// and for the events at each point finds the command that made them — from the event and the
// recorded actor (a grant is GiveGrant by the player holding the giving role) — runs decide()
// on the state so far at the recorded time, and accepts only if decide returns exactly those
// events, stamped with that actor and time. So a record passes only if some sequence of
// commands by entitled actors, each accepted by the rules, produced it: one MatchCreated and
// first; nothing after MatchEnded but the debrief; no balance below zero; no amount beyond
// what the giver held; every actor entitled. What the rules cannot judge (the words of a
// statement, a nickname that follows the rules) is what the export's signature vouches for.
//
// It is a generator so a server can check a long record in slices between other work.
import type { Actor, Command } from "../rules/commands.js";
import { decide } from "../rules/decide.js";
import type { GameEvent } from "../rules/events.js";
import { applyEvent } from "../rules/evolve.js";
import type { MatchState } from "../rules/types.js";
import { stableStringify } from "./hash.js";
import type { RecordedEvent } from "./record.js";

export type CheckResult = { ok: true; state: MatchState } | { ok: false; at: number; reason: string };

/** The commands that could have produced `event` as the first of their events, most likely first. */
export function candidates(event: GameEvent, actor: Actor): Command[] {
  const clock: Command[] = actor.kind === "system" ? [{ type: "Tick" }] : actor.kind === "teacher" ? [{ type: "AdvancePhase" }] : [];
  switch (event.type) {
    case "MatchCreated":
      return [{ type: "CreateMatch", matchId: event.matchId, scenario: event.scenario, settings: event.settings, seed: event.seed }];
    case "PlayerJoined":
      return event.kind === "bot" ? [{ type: "FillWithBots" }, { type: "StartMatch" }] : [{ type: "JoinMatch", playerId: event.player, nickname: event.nickname }];
    case "PlayerRenamed":
      return [{ type: "RenamePlayer", player: event.player, nickname: event.nickname }];
    case "PlayerLeft":
      return [event.removed ? { type: "RemovePlayer", player: event.player } : { type: "LeaveMatch", player: event.player }];
    case "PlayerMuted":
      return [{ type: "MutePlayer", player: event.player, muted: event.muted }];
    case "RolesAssigned": {
      const one = event.assignments.length === 1 ? event.assignments[0] : undefined;
      return [...(one ? [{ type: "AssignRole", player: one.player, table: one.table, role: one.role } as Command] : []), { type: "AssignRolesAutomatically" }];
    }
    case "MatchStarted":
      return [{ type: "StartMatch" }];
    case "ClockPaused":
      return [{ type: "PauseClock" }];
    case "ClockResumed":
      return [{ type: "ResumeClock" }];
    case "ClockExtended":
      return [{ type: "ExtendClock", seconds: event.seconds }];
    case "TravelBooked":
      return event.defaulted ? clock : [{ type: "BookTravel", mode: event.attendance.mode === "in-person" ? "in-person" : "remote", delegates: event.attendance.delegates }];
    case "FellowshipOffered":
      return [{ type: "OfferFellowship", to: event.to, expects: event.expects, programme: event.programme, ...(event.note ? { note: event.note } : {}), ...(event.line ? { line: event.line } : {}) }];
    case "FellowshipWithdrawn":
      return [{ type: "WithdrawFellowship", fellowship: event.id }];
    case "FellowshipAccepted":
      return [{ type: "AcceptFellowship", fellowship: event.id }];
    case "FellowshipDeclined":
      return [{ type: "DeclineFellowship", fellowship: event.id }];
    case "GrantGiven":
      return [{ type: "GiveGrant", to: event.to, amount: event.amount, note: event.note, ...(event.line ? { line: event.line } : {}) }];
    case "BriefingBought":
      return [{ type: "BuyBriefing" }];
    case "StatementMade":
      return [{ type: event.kind === "remote" ? "PostRemoteComment" : "MakeStatement", text: event.text, ...(event.line ? { line: event.line } : {}) }];
    case "CorridorMessageSent":
      return [{ type: "SendCorridorMessage", to: event.to, text: event.text, ...(event.line ? { line: event.line } : {}) }];
    case "OptionTabled":
      return [{ type: "TableOption", option: event.option }];
    case "PositionDeclared":
      return [{ type: "DeclarePosition", option: event.option, stance: event.stance }];
    case "DrafterNamed":
      return [{ type: "NameDrafter", table: event.table, role: event.role, seated: event.seated }, ...clock];
    case "RiderInserted":
      return [{ type: "InsertRider", option: event.option }];
    case "RiderObjected":
      return [{ type: "ObjectToRider" }];
    case "ConsensusCalled":
      return [{ type: "CallConsensus", table: event.table, option: event.option }];
    case "NewsPushed":
      return [{ type: "PushNews", text: event.text }];
    case "MatchEnded":
      return event.reason === "teacher" ? [{ type: "EndMatch" }] : clock;
    case "DebriefCardShown":
      return [{ type: "ShowDebriefCard", card: event.card }];
    case "NicknamesShown":
      return [{ type: "ShowNicknames", shown: event.shown }];
    default:
      // Phase changes, a new round, lapsed offers, decisions, income changes: the clock's work.
      return clock;
  }
}

const same = (a: unknown, b: unknown) => stableStringify(a) === stableStringify(b);

function validActor(actor: unknown): actor is Actor {
  if (typeof actor !== "object" || actor === null) return false;
  const a = actor as { kind?: unknown; id?: unknown };
  if (a.kind === "teacher" || a.kind === "system") return Object.keys(a).length === 1;
  return a.kind === "player" && typeof a.id === "string" && a.id.length > 0 && a.id.length <= 40 && Object.keys(a).length === 2;
}

const describe = (i: number, e: RecordedEvent) => `Event ${i + 1} (${typeof e.event?.type === "string" ? e.event.type.slice(0, 40) : "?"})`;

/**
 * Checks `events` by the rules. Yields the number of events checked so far every `slice`
 * events; returns the final state, or the first event that the rules could not have produced
 * and why.
 */
export function* recheck(events: readonly RecordedEvent[], slice = 250): Generator<number, CheckResult> {
  let state: MatchState | null = null;
  let i = 0;
  let nextYield = slice;
  while (i < events.length) {
    const e = events[i]!;
    if (e.seq !== i + 1) return { ok: false, at: i + 1, reason: `${describe(i, e)} is numbered ${String(e.seq)}; events must be numbered 1, 2, 3… without gaps.` };
    if (!Number.isSafeInteger(e.at) || e.at < 0) return { ok: false, at: i + 1, reason: `${describe(i, e)} has no valid time.` };
    if (!validActor(e.actor)) return { ok: false, at: i + 1, reason: `${describe(i, e)} names no valid actor.` };
    if (i > 0 && e.event.type === "MatchCreated") return { ok: false, at: i + 1, reason: `${describe(i, e)}: a record holds one match, created once, at its start.` };
    let refusal: string | null = null;
    let accepted: GameEvent[] | null = null;
    for (const command of candidates(e.event, e.actor)) {
      const verdict = decide(state, command, { actor: e.actor, now: e.at });
      if (!verdict.ok) {
        refusal ??= verdict.rejection.message;
        continue;
      }
      const fits = verdict.events.every((produced, k) => {
        const recorded = events[i + k];
        return recorded !== undefined && recorded.seq === i + k + 1 && recorded.at === e.at && same(recorded.actor, e.actor) && same(recorded.event, produced);
      });
      if (fits) {
        accepted = verdict.events;
        break;
      }
    }
    if (!accepted) {
      const why = refusal ? `the rules refuse it: ${refusal}` : "it is not what the rules produce at that point";
      return { ok: false, at: i + 1, reason: `${describe(i, e)} could not have happened: ${why}` };
    }
    for (const produced of accepted) state = applyEvent(state, produced);
    i += accepted.length;
    if (i >= nextYield) {
      nextYield = i + slice;
      yield i;
    }
  }
  if (!state) return { ok: false, at: 0, reason: "This record holds no events." };
  return { ok: true, state };
}

/** The whole check at once (tests, tools); servers drive recheck() in slices. */
export function recheckAll(events: readonly RecordedEvent[]): CheckResult {
  const run = recheck(events, Number.MAX_SAFE_INTEGER);
  for (;;) {
    const step = run.next();
    if (step.done) return step.value;
  }
}
