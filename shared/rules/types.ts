// The match state: plain JSON, changed only by evolve(). Everything a viewer may see is cut
// from it by viewFor(); the state itself (scenario secrets and the generator included) never
// leaves the server.
import type { DecisionRuleId, Scenario } from "../scenario/schema.js";
import type { BotLineKey } from "../bots/lines.js";
import type { RoundPhase, Settings } from "./settings.js";

export const RULES_VERSION = 1;

export type PlayerId = string;
export type RoleId = string;
export type OptionId = string;

export type Stance = "support" | "live" | "object";
export type AttendanceMode = "in-person" | "remote" | "absent";

export interface Player {
  id: PlayerId;
  nickname: string;
  kind: "human" | "bot";
  table: number | null;
  role: RoleId | null;
  joinedAt: number;
  muted: boolean;
  /** false once the player left or was removed; the seat's history stays. */
  present: boolean;
}

export interface Attendance {
  mode: AttendanceMode;
  delegates: number;
  /** Who paid: the role itself, a sponsor's role id, or null when nothing was paid. */
  paidBy: RoleId | null;
  cost: number;
  /** Set when the travel phase closed without a choice. */
  defaulted: boolean;
}

export interface Fellowship {
  id: string;
  from: RoleId;
  to: RoleId;
  cost: number;
  programme: boolean;
  note: string;
  expects: OptionId | null;
  status: "offered" | "accepted" | "declined" | "withdrawn" | "lapsed";
  round: number;
  /** A bot's note, by code (BotLine): each device words it in its own language (`note` is the English). */
  line?: BotLine;
}

export interface Grant {
  id: string;
  from: RoleId;
  to: RoleId;
  amount: number;
  note: string;
  round: number;
  at: number;
  /** A bot's note, by code (BotLine). */
  line?: BotLine;
}

export interface Statement {
  id: string;
  role: RoleId;
  player: PlayerId;
  kind: "floor" | "remote";
  text: string;
  at: number;
  round: number;
  /** A bot's statement or comment, by code (BotLine). */
  line?: BotLine;
}

export interface CorridorMessage {
  id: string;
  from: RoleId;
  to: RoleId;
  player: PlayerId;
  text: string;
  at: number;
  round: number;
  /** Read by a role with the surveillance ability (surveillance variant). */
  interceptedBy: RoleId | null;
  /** A bot's line, by code (BotLine): each device words it in its own language (`text` is the English). */
  line?: BotLine;
}

/**
 * What a bot said — a floor statement, a remote comment, a corridor message, the note on its
 * fellowship offer or grant — as a line of its catalog (BOT_LINES_EN in shared/bots/lines.ts),
 * never as a sentence to parse: the key, the variant, and the ids of what the line names. A
 * screen words it in its own language, each id named from its (localised) scenario view:
 * `option` for {option}, `role` for {constituency} (the speaker's own) or {sponsor}, `dossier`
 * for {dossier} and {city} (its venue). It travels inside the thing it is said in (statement,
 * message, offer, grant), so it is seen exactly where that thing's English text is. Only a bot
 * may send one, and the engine checks it (shared/rules/handlers/bot-line.ts).
 */
export interface BotLine {
  key: BotLineKey;
  variant: number;
  option?: OptionId;
  role?: RoleId;
  dossier?: string;
}

export interface Decision {
  rule: DecisionRuleId;
  adopted: OptionId;
  /** How the adopted option got there. */
  by: "consensus" | "vote" | "status-quo";
  /** Yes-weight per tabled option under the rule (for consensus: supporters in the room). */
  tally: Record<OptionId, number>;
  /** Roles whose sustained objection blocked consensus (R1) or who were not in the room. */
  blockedBy: RoleId[];
  rider: OptionId | null;
}

export interface RoundRecord {
  dossier: string;
  attendance: Record<RoleId, Attendance>;
  tabled: { option: OptionId; by: RoleId; at: number }[];
  positions: Record<RoleId, Record<OptionId, Stance>>;
  drafting: RoleId[];
  remoteCommentsUsed: Record<RoleId, number>;
  programmeSeatsUsed: Record<RoleId, number>;
  briefingsBought: RoleId[];
  rider: { option: OptionId; by: RoleId; objectedBy: RoleId | null } | null;
  consensus: { option: OptionId; blockedBy: RoleId[]; noted: RoleId[]; at: number }[];
  decision: Decision | null;
}

export interface Delegation {
  role: RoleId;
  tokens: number;
  income: number;
  /** Tokens paid out of the game (travel and briefings): the only way tokens leave. */
  spent: number;
  received: number;
}

export interface TableState {
  index: number;
  rule: DecisionRuleId;
  delegations: Record<RoleId, Delegation>;
  rounds: RoundRecord[];
  fellowships: Fellowship[];
  grants: Grant[];
  statements: Statement[];
  corridor: CorridorMessage[];
  riderUsed: boolean;
}

export interface Clock {
  /** Epoch ms when the current phase ends; null while paused or outside a timed phase. */
  deadline: number | null;
  pausedRemaining: number | null;
}

export interface NewsItem {
  id: string;
  text: string;
  at: number;
}

export interface MatchState {
  rulesVersion: number;
  matchId: string;
  createdAt: number;
  scenario: Scenario;
  settings: Settings;
  /** Generator state; advanced only by values carried on events. */
  rng: number;
  status: "lobby" | "running" | "ended";
  round: number;
  phase: RoundPhase | "lobby" | "ended";
  clock: Clock;
  players: Record<PlayerId, Player>;
  tables: TableState[];
  news: NewsItem[];
  /** Counter for ids of things created in play (statements, offers, ...). */
  nextId: number;
  startedAt: number | null;
  endedAt: number | null;
  /**
   * The debrief the teacher leads after the end: the card and the part of it on show, whether
   * nicknames are shown, and the capture marks the teacher set aside (with the reason given).
   * `part` and `setAside` are absent until first used, so records made before them fold to the
   * same hash.
   */
  debrief: { card: number; nicknames: boolean; part?: number; setAside?: Record<string, { reason: string; at: number }> };
}
