// The run-sheet of a round, read like the teacher's plan: each phase, what may happen in it,
// and what closing it settles. decide() consults this table; evolve() only applies the events.
import type { GameEvent, PhaseReason } from "./events.js";
import { applyRule } from "./decision-rules.js";
import { delegatesOf } from "./helpers.js";
import { PHASE_IDS, timersOf, type RoundPhase } from "./settings.js";
import type { Attendance, MatchState, RoleId } from "./types.js";

export interface PhaseSheet {
  phase: RoundPhase;
  /** What students should be doing, in the teacher's words. */
  purpose: string;
  /** Events that settle the phase when it closes, before the next one opens. */
  onClose: (state: MatchState, now: number) => GameEvent[];
}

export const RUN_SHEET: readonly PhaseSheet[] = [
  { phase: "briefing", purpose: "Read your role card and your briefing.", onClose: () => [] },
  { phase: "travel", purpose: "Decide how to attend; offer or accept fellowships.", onClose: settleTravel },
  { phase: "negotiation", purpose: "Speak, talk in the corridor, table options, give grants.", onClose: chairNamesDrafters },
  { phase: "decision", purpose: "State your positions; the table decides by its rule.", onClose: decideTables },
  { phase: "outcome", purpose: "See what was adopted and what it means for you.", onClose: () => [] },
];

export function sheetOf(phase: RoundPhase): PhaseSheet {
  return RUN_SHEET.find((s) => s.phase === phase) as PhaseSheet;
}

/** Roles that did not book travel attend remotely if someone holds the seat, else they are absent. */
function settleTravel(state: MatchState): GameEvent[] {
  const events: GameEvent[] = [];
  for (const table of state.tables) {
    const round = table.rounds[state.round];
    if (!round) continue;
    const lapsed = table.fellowships.filter((f) => f.status === "offered").map((f) => f.id);
    if (lapsed.length) events.push({ type: "FellowshipsLapsed", table: table.index, ids: lapsed });
    for (const role of state.scenario.roles) {
      if (round.attendance[role.id]) continue;
      const seated = delegatesOf(state, table.index, role.id).length > 0;
      const attendance: Attendance = { mode: seated ? "remote" : "absent", delegates: seated ? 1 : 0, paidBy: null, cost: 0, defaulted: true };
      events.push({ type: "TravelBooked", table: table.index, role: role.id, attendance, defaulted: true });
    }
  }
  return events;
}

/**
 * The automatic chair forms the drafting group as the decision opens: every delegation in the
 * room that tabled an option. (A teacher chair names drafters by hand.)
 */
function chairNamesDrafters(state: MatchState): GameEvent[] {
  if (state.settings.chair !== "automatic") return [];
  const events: GameEvent[] = [];
  for (const table of state.tables) {
    const round = table.rounds[state.round];
    if (!round) continue;
    const authors = [...new Set(round.tabled.map((t) => t.by))];
    for (const role of authors) {
      if (round.attendance[role]?.mode === "in-person" && !round.drafting.includes(role)) events.push({ type: "DrafterNamed", table: table.index, role, seated: true });
    }
  }
  return events;
}

/** Applies each table's rule to its recorded positions; a chair's earlier call already decided. */
function decideTables(state: MatchState): GameEvent[] {
  const dossier = state.scenario.dossiers[state.round];
  if (!dossier) return [];
  const events: GameEvent[] = [];
  for (const table of state.tables) {
    const round = table.rounds[state.round];
    if (!round || round.decision) continue;
    const attendance = Object.fromEntries(state.scenario.roles.map((r) => [r.id, round.attendance[r.id]?.mode ?? "absent"]));
    const tabled = round.tabled.map((t) => t.option);
    let result = applyRule(table.rule, { scenario: state.scenario, dossier, tabled, positions: round.positions, attendance });
    if (table.rule === "R1" && state.settings.chair === "teacher") {
      // With a human chair only a declared consensus carries; otherwise the status quo stands.
      const blockers = round.consensus.flatMap((c) => c.blockedBy);
      result = { adopted: dossier.statusQuo, by: "status-quo", tally: result.tally, blockedBy: [...new Set(blockers)] };
    }
    const rider = riderOutcome(state, round.rider, result.adopted === dossier.statusQuo);
    events.push({ type: "DossierDecided", table: table.index, round: state.round, decision: { rule: table.rule, ...result, rider } });
    events.push(...consequences(state, table.index, result.adopted));
  }
  return events;
}

export function riderOutcome(state: MatchState, rider: { option: string; objectedBy: RoleId | null } | null, statusQuoStands: boolean): string | null {
  if (!rider || rider.objectedBy || statusQuoStands) return null;
  return state.scenario.rider ? rider.option : null;
}

/** Income changes for later rounds that the adopted option brings, if there are later rounds. */
export function consequences(state: MatchState, table: number, adopted: string): GameEvent[] {
  const dossier = state.scenario.dossiers[state.round];
  if (!dossier || state.round >= state.scenario.dossiers.length - 1) return [];
  return state.scenario.consequences
    .filter((c) => c.dossier === dossier.id && c.option === adopted)
    .map((c) => ({ type: "IncomeChanged", table, changes: c.incomeDelta, reason: c.text }) as const);
}

/** Closes the current phase and opens the next one (or the next round, or the end). */
export function advance(state: MatchState, now: number, reason: PhaseReason): GameEvent[] {
  if (state.phase === "lobby" || state.phase === "ended") return [];
  const events = sheetOf(state.phase).onClose(state, now);
  const index = PHASE_IDS.indexOf(state.phase);
  const next = PHASE_IDS[index + 1];
  const timers = timersOf(state.settings);
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
  const timers = timersOf(state.settings);
  return [
    { type: "RoundOpened", round, dossier: dossier.id, income },
    { type: "PhaseChanged", round, phase: "briefing", deadline: now + timers.briefing * 1000, reason, at: now },
  ];
}

