// Events are facts, named in the past tense. They carry every value evolve() needs (ids, costs,
// the generator's next state), so that folding a record never recomputes a decision.
import type { DecisionRuleId, Scenario } from "../scenario/schema.js";
import type { RoundPhase, Settings } from "./settings.js";
import type { Attendance, BotLine, Decision, OptionId, PlayerId, RoleId, Stance } from "./types.js";

export type PhaseReason = "clock" | "teacher" | "start";

export type GameEvent =
  | { type: "MatchCreated"; matchId: string; scenario: Scenario; settings: Settings; seed: number; at: number }
  | { type: "PlayerJoined"; player: PlayerId; nickname: string; kind: "human" | "bot"; table: number | null; role: RoleId | null; at: number }
  | { type: "PlayerRenamed"; player: PlayerId; nickname: string }
  | { type: "PlayerLeft"; player: PlayerId; removed: boolean }
  | { type: "PlayerMuted"; player: PlayerId; muted: boolean }
  | { type: "RolesAssigned"; assignments: { player: PlayerId; table: number | null; role: RoleId | null }[]; rng: number }
  | { type: "MatchStarted"; at: number }
  | { type: "RoundOpened"; round: number; dossier: string; income: Record<RoleId, number>[] }
  | { type: "PhaseChanged"; round: number; phase: RoundPhase; deadline: number; reason: PhaseReason; at: number }
  | { type: "ClockPaused"; remaining: number; at: number }
  | { type: "ClockResumed"; deadline: number; at: number }
  | { type: "ClockExtended"; deadline: number | null; remaining: number | null; seconds: number }
  | { type: "TravelBooked"; table: number; role: RoleId; attendance: Attendance; defaulted: boolean }
  | { type: "FellowshipOffered"; table: number; id: string; from: RoleId; to: RoleId; cost: number; programme: boolean; note: string; expects: OptionId | null; line?: BotLine }
  | { type: "FellowshipWithdrawn"; table: number; id: string }
  | { type: "FellowshipAccepted"; table: number; id: string; attendance: Attendance }
  | { type: "FellowshipDeclined"; table: number; id: string }
  | { type: "FellowshipsLapsed"; table: number; ids: string[] }
  | { type: "GrantGiven"; table: number; id: string; from: RoleId; to: RoleId; amount: number; note: string; at: number; line?: BotLine }
  | { type: "BriefingBought"; table: number; role: RoleId; cost: number }
  | { type: "StatementMade"; table: number; id: string; role: RoleId; player: PlayerId; kind: "floor" | "remote"; text: string; at: number; line?: BotLine }
  | { type: "CorridorMessageSent"; table: number; id: string; from: RoleId; to: RoleId; player: PlayerId; text: string; at: number; interceptedBy: RoleId | null; rng: number; line?: BotLine }
  | { type: "OptionTabled"; table: number; option: OptionId; by: RoleId; at: number }
  | { type: "PositionDeclared"; table: number; role: RoleId; option: OptionId; stance: Stance; player: PlayerId; at: number }
  | { type: "DrafterNamed"; table: number; role: RoleId; seated: boolean }
  | { type: "RiderInserted"; table: number; option: OptionId; by: RoleId }
  | { type: "RiderObjected"; table: number; by: RoleId }
  | { type: "ConsensusCalled"; table: number; option: OptionId; blockedBy: RoleId[]; noted: RoleId[]; at: number }
  | { type: "DossierDecided"; table: number; round: number; decision: Decision }
  | { type: "IncomeChanged"; table: number; changes: Record<RoleId, number>; reason: string }
  | { type: "NewsPushed"; id: string; text: string; at: number }
  | { type: "MatchEnded"; at: number; reason: "finished" | "teacher" }
  | { type: "DebriefCardShown"; card: number; part?: number }
  | { type: "NicknamesShown"; shown: boolean }
  | { type: "MarkReviewed"; mark: string; setAside: boolean; reason: string; at: number };

export type EventType = GameEvent["type"];

export type { DecisionRuleId };
