// decide(state, command, meta) → events, or a rejection with a code and a plain reason.
// It never throws for a rule violation and never changes the state it is given. Every command
// is checked in one fixed order: who gives it (the handler's `by`), whether the run-sheet
// allows it now (phases.ts), whose seat it acts from, and then its own rules (handlers/).
import type { Command, CommandType, Meta } from "./commands.js";
import { isRejection, no, type MatchContext, type Seat, type SeatContext, type Verdict } from "./handlers/context.js";
import { HANDLERS } from "./handlers/index.js";
import { createMatch } from "./handlers/match.js";
import { roleOf } from "./helpers.js";
import { allows, closedReason, stageOf } from "./phases.js";
import { reject, type Rejection } from "./rejections.js";
import type { MatchState } from "./types.js";

export type { Verdict } from "./handlers/context.js";

/** A command let through decide's checks, with what its handler needs. */
export type Admission = { ok: true; context: MatchContext | SeatContext } | { ok: false; rejection: Rejection };

export function decide(state: MatchState | null, command: Command, meta: Meta): Verdict {
  if (command.type === "CreateMatch") return createMatch(state, command, meta);
  if (!state) return no("no-match");
  const admission = admit(state, command.type, meta);
  return admission.ok ? handle(command, admission.context) : admission;
}

/**
 * The checks before a command's own rules, which read nothing of its arguments (so one answer
 * holds for every target of an action): the giver, the run-sheet, the seat.
 */
export function admit(state: MatchState, type: CommandType, meta: Meta): Admission {
  return admitter(state, meta)(type);
}

/** admit() for one giver at one moment, asked of many command types (a view's actions): the seat is looked up once. */
export function admitter(state: MatchState, meta: Meta): (type: CommandType) => Admission {
  let seat: Seat | Rejection | undefined;
  const context: MatchContext = { state, meta, now: meta.now };
  const stage = stageOf(state);
  return (type) => {
    const handler = HANDLERS[type as Exclude<CommandType, "CreateMatch">];
    if (!handler) return stop(reject("bad-input"));
    if (handler.by === "teacher" && meta.actor.kind !== "teacher") return stop(reject("not-teacher"));
    if (handler.by === "system" && meta.actor.kind !== "system") return stop(reject("system-only"));
    if (!allows(stage, type)) return stop(reject(closedReason(stage, type)));
    if (handler.by !== "seat") return { ok: true, context };
    seat ??= seatOf(state, meta);
    return isRejection(seat) ? stop(seat) : { ok: true, context: { ...context, seat } };
  };
}

const stop = (rejection: Rejection): Admission => ({ ok: false, rejection });

/** A command's own rules, for a command admit() let through with this context. */
export function handle(command: Command, context: MatchContext | SeatContext): Verdict {
  if (command.type === "CreateMatch") return no("match-exists");
  // The registry pairs each command type with its handler; TypeScript cannot follow the pairing through the lookup.
  const handler = HANDLERS[command.type] as { by: string; decide: (c: Command, at: MatchContext | SeatContext) => Verdict };
  return handler.decide(command, context);
}

/** The giver's seat at a table in the running round: every delegation command acts from one. */
function seatOf(state: MatchState, meta: Meta): Seat | Rejection {
  if (meta.actor.kind !== "player") return reject("not-your-seat");
  const player = state.players[meta.actor.id];
  if (!player || !player.present) return reject("unknown-player");
  if (player.role === null || player.table === null) return reject("no-role");
  const table = state.tables[player.table];
  const role = roleOf(state.scenario, player.role);
  if (!table || !role) return reject("no-role");
  const round = table.rounds[state.round];
  const dossier = state.scenario.dossiers[state.round];
  if (!round || !dossier) return reject("not-started");
  const me = table.delegations[role.id];
  if (!me) return reject("no-role");
  return { player, table, role, round, dossier, me, mode: round.attendance[role.id]?.mode };
}
