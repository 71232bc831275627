// Commands are requests, named in the imperative; decide() answers each with events or a
// rejection. Time and the actor arrive on meta, never from a clock inside shared/.
import type { SettingsInput } from "./settings.js";
import type { BotLine, OptionId, PlayerId, RoleId, Stance } from "./types.js";
import type { Scenario } from "../scenario/schema.js";

export type Actor = { kind: "teacher" } | { kind: "player"; id: PlayerId } | { kind: "system" };

export interface Meta {
  actor: Actor;
  /** Epoch milliseconds, stamped by the server when the command arrived. */
  now: number;
}

export type Command =
  | { type: "CreateMatch"; matchId: string; scenario: Scenario; settings: SettingsInput; seed: number }
  | { type: "JoinMatch"; playerId: PlayerId; nickname: string; kind?: "human" | "bot" }
  | { type: "RenamePlayer"; player: PlayerId; nickname: string }
  | { type: "LeaveMatch"; player: PlayerId }
  | { type: "RemovePlayer"; player: PlayerId }
  | { type: "MutePlayer"; player: PlayerId; muted: boolean }
  | { type: "AssignRolesAutomatically" }
  | { type: "AssignRole"; player: PlayerId; table: number | null; role: RoleId | null }
  | { type: "FillWithBots" }
  | { type: "StartMatch" }
  | { type: "Tick" }
  | { type: "AdvancePhase" }
  | { type: "PauseClock" }
  | { type: "ResumeClock" }
  | { type: "ExtendClock"; seconds: number }
  | { type: "BookTravel"; mode: "in-person" | "remote"; delegates?: number }
  | { type: "OfferFellowship"; to: RoleId; note?: string; expects?: OptionId | null; programme?: boolean; /** Bots only (the wire never carries it): the note by code. */ line?: BotLine }
  | { type: "WithdrawFellowship"; fellowship: string }
  | { type: "AcceptFellowship"; fellowship: string }
  | { type: "DeclineFellowship"; fellowship: string }
  | { type: "GiveGrant"; to: RoleId; amount: number; note?: string; /** Bots only: the note by code. */ line?: BotLine }
  | { type: "BuyBriefing" }
  | { type: "MakeStatement"; text: string; /** Bots only: the statement by code. */ line?: BotLine }
  | { type: "PostRemoteComment"; text: string; /** Bots only: the comment by code. */ line?: BotLine }
  | { type: "SendCorridorMessage"; to: RoleId; text: string; /** Bots only (the wire never carries it). */ line?: BotLine }
  | { type: "TableOption"; option: OptionId }
  | { type: "DeclarePosition"; option: OptionId; stance: Stance }
  | { type: "NameDrafter"; table: number; role: RoleId; seated: boolean }
  | { type: "InsertRider"; option: OptionId }
  | { type: "ObjectToRider" }
  | { type: "CallConsensus"; table: number; option: OptionId }
  | { type: "PushNews"; text: string }
  | { type: "EndMatch" }
  | { type: "ShowDebriefCard"; card: number; part?: number }
  | { type: "ShowNicknames"; shown: boolean }
  /** The teacher sets a debrief mark aside (with the reason the class will read) or restores it. */
  | { type: "ReviewMark"; mark: string; setAside: boolean; reason?: string };

export type CommandType = Command["type"];

/** How many debrief cards a teacher can step through (0 = the first card). */
export const DEBRIEF_CARD_LIMIT = 20;

/** How many parts one debrief card may be stepped through (0 = the first part). */
export const DEBRIEF_PART_LIMIT = 60;

/** Length limits, in characters, shared by the engine and every form that feeds it. */
export const LIMITS = {
  nickname: 24,
  statement: 280,
  remoteComment: 280,
  corridor: 500,
  note: 140,
  news: 280,
  maxGrant: 1000,
  maxExtendSeconds: 1800,
  markReason: 200,
} as const;
