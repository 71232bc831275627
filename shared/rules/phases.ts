// The run-sheet of a match, read like the teacher's plan: which commands may be given before
// the start, in each phase of a round and after the end, and what closing each phase settles.
// decide() lets a command through only where this sheet allows it; evolve() only applies events.
import type { CommandType } from "./commands.js";
import type { GameEvent, PhaseReason } from "./events.js";
import { chairNamesDrafters, decideTables } from "./handlers/decision.js";
import { settleTravel } from "./handlers/travel.js";
import type { RejectionCode } from "./rejections.js";
import { PHASE_IDS, timersOf, type RoundPhase } from "./settings.js";
import type { MatchState } from "./types.js";

/** Where a match is: waiting in the lobby, in a phase of a round, or over. */
export type Stage = "lobby" | RoundPhase | "ended";

/** Until the end: people come and go, the teacher seats them, pushes news and may end early. */
const ROSTER = [
  "JoinMatch",
  "RenamePlayer",
  "LeaveMatch",
  "RemovePlayer",
  "MutePlayer",
  "AssignRolesAutomatically",
  "AssignRole",
  "FillWithBots",
  "PushNews",
  "EndMatch",
] as const satisfies readonly CommandType[];

/** While a round runs: the room's clock ticks; the teacher skips, pauses, resumes, extends. */
const CLOCK = ["Tick", "AdvancePhase", "PauseClock", "ResumeClock", "ExtendClock"] as const satisfies readonly CommandType[];

/**
 * Grants are open in every phase of a round: money can pay for a trip before travel closes and
 * reward a vote after the decision, and both are what the debrief's "follow the money" shows.
 */
const MONEY = ["GiveGrant"] as const satisfies readonly CommandType[];

/** Fellowships are offered and answered before travel closes; the guest's trip is booked by accepting. */
const OFFERS = ["OfferFellowship", "WithdrawFellowship", "AcceptFellowship", "DeclineFellowship"] as const satisfies readonly CommandType[];

/** Words: on the floor (in the room), written comments (remote), the corridor (in the room). */
const TALK = ["MakeStatement", "PostRemoteComment", "SendCorridorMessage"] as const satisfies readonly CommandType[];

export interface StageSheet {
  stage: Stage;
  /** The commands this stage accepts; any other is refused with the stage's reason (closedReason). */
  allows: readonly CommandType[];
  /** A round phase's closing hook: events that settle it before the next one opens. */
  onClose?: (state: MatchState, now: number) => GameEvent[];
}

export const RUN_SHEET: readonly StageSheet[] = [
  { stage: "lobby", allows: [...ROSTER, "StartMatch"] },
  // Read the role card and the briefing; sponsors may already offer trips.
  { stage: "briefing", allows: [...ROSTER, ...CLOCK, ...MONEY, ...OFFERS, "BuyBriefing"] },
  // Book a trip or take part remotely; whoever does not choose is settled as the phase closes.
  { stage: "travel", allows: [...ROSTER, ...CLOCK, ...MONEY, ...OFFERS, "BookTravel", "BuyBriefing"], onClose: settleTravel },
  // Speak, talk, table options and signal positions; the automatic chair seats the drafters as it closes.
  { stage: "negotiation", allows: [...ROSTER, ...CLOCK, ...MONEY, ...TALK, "TableOption", "DeclarePosition", "NameDrafter", "BuyBriefing"], onClose: chairNamesDrafters },
  // Final positions, the rider and its objection, a teacher chair's consensus call; each table decides as it closes.
  {
    stage: "decision",
    allows: [...ROSTER, ...CLOCK, ...MONEY, ...TALK, "DeclarePosition", "NameDrafter", "InsertRider", "ObjectToRider", "CallConsensus", "BuyBriefing"],
    onClose: decideTables,
  },
  // Read what was adopted and what it means; patrons may reward.
  { stage: "outcome", allows: [...ROSTER, ...CLOCK, ...MONEY] },
  // The debrief: the teacher steps through the cards and reviews the capture marks; nothing else moves.
  { stage: "ended", allows: ["ShowDebriefCard", "ShowNicknames", "ReviewMark"] },
];

const ALLOWED = new Map<Stage, ReadonlySet<CommandType>>(RUN_SHEET.map((s) => [s.stage, new Set(s.allows)]));

export function stageOf(state: MatchState): Stage {
  if (state.status === "lobby") return "lobby";
  if (state.status === "ended") return "ended";
  return state.phase as RoundPhase;
}

export function allows(stage: Stage, command: CommandType): boolean {
  return ALLOWED.get(stage)?.has(command) ?? false;
}

/** The stages in which the sheet accepts `command`. */
export function stagesAllowing(command: CommandType): Stage[] {
  return RUN_SHEET.filter((s) => ALLOWED.get(s.stage)?.has(command)).map((s) => s.stage);
}

/** Why `command` is refused in `stage`: the match is over, not open yet for it, already past it, or the phase is wrong. */
export function closedReason(stage: Stage, command: CommandType): RejectionCode {
  let byCommand = REASONS.get(stage);
  if (!byCommand) REASONS.set(stage, (byCommand = new Map()));
  let code = byCommand.get(command);
  if (!code) byCommand.set(command, (code = reasonFor(stage, stagesAllowing(command))));
  return code;
}

/** closedReason's answers, worked out once per stage and command (the sheet never changes). */
const REASONS = new Map<Stage, Map<CommandType, RejectionCode>>();

function reasonFor(stage: Stage, open: Stage[]): RejectionCode {
  if (stage === "ended") return "match-ended";
  if (open.length > 0 && open.every((s) => s === "ended")) return "debrief-not-open";
  if (stage === "lobby") return "not-started";
  if (open.length > 0 && open.every((s) => s === "lobby")) return "already-started";
  return "phase-closed";
}

function sheetOf(stage: Stage): StageSheet | undefined {
  return RUN_SHEET.find((s) => s.stage === stage);
}

/** Closes the current phase and opens the next one (or the next round, or the end). */
export function advance(state: MatchState, now: number, reason: PhaseReason): GameEvent[] {
  if (state.phase === "lobby" || state.phase === "ended") return [];
  const events = sheetOf(state.phase)?.onClose?.(state, now) ?? [];
  const index = PHASE_IDS.indexOf(state.phase);
  const next = PHASE_IDS[index + 1];
  const timers = timersOf(state.settings, state.scenario);
  if (next) {
    events.push({ type: "PhaseChanged", round: state.round, phase: next, deadline: now + timers[next] * 1000, reason, at: now });
    return events;
  }
  if (state.round + 1 >= state.scenario.dossiers.length) {
    events.push({ type: "MatchEnded", at: now, reason: "finished" });
    return events;
  }
  events.push(...openRound(state, state.round + 1, now, reason));
  return events;
}

/** Pays each delegation its income and opens the briefing of a round. */
export function openRound(state: MatchState, round: number, now: number, reason: PhaseReason): GameEvent[] {
  const dossier = state.scenario.dossiers[round];
  if (!dossier) return [];
  const income = state.tables.map((t) => Object.fromEntries(state.scenario.roles.map((r) => [r.id, t.delegations[r.id]?.income ?? r.income])));
  const timers = timersOf(state.settings, state.scenario);
  return [
    { type: "RoundOpened", round, dossier: dossier.id, income },
    { type: "PhaseChanged", round, phase: "briefing", deadline: now + timers.briefing * 1000, reason, at: now },
  ];
}
