// What every command handler is given and may answer. A handler runs only after decide() has
// checked who gives the command, that the run-sheet allows it now, and (for a delegation's
// commands) whose seat it is; it never throws for a rule violation and never changes the state.
import type { Dossier, Role } from "../../scenario/schema.js";
import type { Command, CommandType, Meta } from "../commands.js";
import type { GameEvent } from "../events.js";
import { reject, type Rejection, type RejectionCode, type RejectionParams } from "../rejections.js";
import type { Delegation, MatchState, Player, RoundRecord, TableState } from "../types.js";

export type Verdict = { ok: true; events: GameEvent[] } | { ok: false; rejection: Rejection };

export const ok = (...events: GameEvent[]): Verdict => ({ ok: true, events });
export const no = (code: RejectionCode, params?: RejectionParams): Verdict => ({ ok: false, rejection: reject(code, params) });
export const refused = (rejection: Rejection): Verdict => ({ ok: false, rejection });

export const isRejection = (x: unknown): x is Rejection => typeof x === "object" && x !== null && "code" in x && "message" in x;

/** The match a command arrives in, with its time and giver. */
export interface MatchContext {
  state: MatchState;
  meta: Meta;
  now: number;
}

/** A player's seat at a table in the running round: every delegation command acts from one. */
export interface Seat {
  player: Player;
  table: TableState;
  role: Role;
  round: RoundRecord;
  dossier: Dossier;
  /** The delegation's purse. */
  me: Delegation;
  /** How the delegation takes part this round, once it has chosen (or been placed). */
  mode: RoundRecord["attendance"][string]["mode"] | undefined;
}

export interface SeatContext extends MatchContext {
  seat: Seat;
}

export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

/**
 * Who may give a command: the teacher; the system (the room's clock); a player holding a seat
 * at a table (its seat is resolved before the handler runs); or anyone, the handler then
 * checking whose name it is given in (joining, renaming, leaving).
 */
export type Handler<T extends CommandType> =
  | { by: "seat"; decide: (command: CommandOf<T>, at: SeatContext) => Verdict }
  | { by: "teacher" | "system" | "anyone"; decide: (command: CommandOf<T>, at: MatchContext) => Verdict };

/** Handlers for a set of commands: one module per concept exports one of these. */
export type Handlers<T extends CommandType> = { [K in T]: Handler<K> };

/** A typed text from a form, trimmed and within its limit, or the reason it is not. */
export function checkText(text: unknown, max: number, empty: "text-empty" | "news-empty" | "nickname-empty" = "text-empty"): Rejection | string {
  if (typeof text !== "string") return reject("bad-input");
  const trimmed = text.trim();
  if (!trimmed) return reject(empty);
  if (trimmed.length > max) return reject(empty === "nickname-empty" ? "nickname-too-long" : "text-too-long", { max });
  return trimmed;
}
