// The synchronised room state as a client decodes it (`room.state.toJSON()`), and the names
// of its private entries. The server mirrors viewFor() into this shape; rebuildView() turns
// it back into exactly the MatchView that viewFor() gives the same viewer.
//
// Conventions: `null` numbers travel as -1 (deadline, pausedRemaining, table), a `null` role
// as "", and irregular sub-structures (scenario, settings, decisions...) as JSON text.
// Private entries live in maps whose elements are sent only to clients allowed to see them
// (Colyseus StateView); each holds `json` (the viewFor() value as JSON) and `order` (its
// position in the engine's list, so a client can restore the order).
import type { Score } from "../rules/scoring.js";

export interface WireSecret {
  json: string;
  order: number;
}

export interface WirePlayer {
  nickname: string;
  kind: "human" | "bot";
  /** -1: no table. */
  table: number;
  /** "": no role. */
  role: string;
  muted: boolean;
  present: boolean;
  /** A device holds this seat right now (bots always count as connected). */
  connected: boolean;
  /** Join order, for listing players in the engine's order. */
  order: number;
}

export interface WireStatement {
  id: string;
  role: string;
  player: string;
  kind: "floor" | "remote";
  text: string;
  at: number;
  round: number;
}

export interface WireRound {
  dossier: string;
  attendance: Record<string, { mode: "in-person" | "remote" | "absent"; delegates: number; cost: number; defaulted: boolean }>;
  /** Private: who paid a delegation's trip, keyed by role (JSON of the role id or null). */
  paidBy?: Record<string, WireSecret>;
  tabled: { option: string; by: string; at: number }[];
  positions: Record<string, { stances: Record<string, "support" | "live" | "object"> }>;
  remoteCommentsUsed: Record<string, number>;
  /** JSON texts. */
  drafting: string;
  rider: string;
  consensus: string;
  decision: string;
  adoptedPayoffs: string;
}

/** Scores travel as the engine computes them. */
export type WireScore = Score;

export interface WireTable {
  index: number;
  rule: string;
  delegations: Record<string, { tokens: number; income: number }>;
  rounds: WireRound[];
  statements: WireStatement[];
  scores: WireScore[];
  /** Private, keyed by message / offer / grant id. */
  corridor?: Record<string, WireSecret>;
  fellowships?: Record<string, WireSecret>;
  grants?: Record<string, WireSecret>;
}

export interface WireMatchState {
  matchId: string;
  status: "lobby" | "running" | "ended";
  round: number;
  phase: string;
  /** Epoch ms when the phase ends; -1 while paused or untimed. */
  deadline: number;
  /** Ms left while paused; -1 when the clock runs. */
  pausedRemaining: number;
  /** JSON: the public scenario (payoffs appear only once the match has ended). */
  scenario: string;
  /** JSON: MatchView["settings"]. */
  settings: string;
  /** The debrief card the teacher shows (0 = first) and whether nicknames are shown. */
  debriefCard?: number;
  debriefNicknames?: boolean;
  players: Record<string, WirePlayer>;
  news: { id: string; text: string; at: number }[];
  tables: WireTable[];
  /** Private entries, see SECRET_KEYS. */
  secrets?: Record<string, WireSecret>;
}

/** Keys of the root `secrets` map. */
export const SECRET_KEYS = {
  /** The teacher's full scenario (payoffs, public-interest scores, what happened). */
  scenario: "scenario",
  /** A delegation's briefing (MatchView["briefing"]). */
  briefing: (table: number, role: string) => `briefing/${table}/${role}`,
  /** A player's own seat: JSON {player, seatSecret}; only that player's device gets it. */
  seat: (player: string) => `seat/${player}`,
  /**
   * The actions available to one kind of viewer (MatchView["actions"]): "teacher", a seat
   * ("d:<table>/<role>", "/muted" added for a muted delegate) or "n" (a player with no seat).
   * Each device holds exactly one of these.
   */
  actions: (viewerClass: string) => `actions/${viewerClass}`,
} as const;

export interface SeatInfo {
  player: string;
  nickname: string;
  seatSecret: string;
}
