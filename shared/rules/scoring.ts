// Scores from the scenario's weights. Mandate: how the adopted options serve the constituency
// a role represents. Standing: tokens held, rounds attended in person, drafting seats.
import type { MatchState, RoleId, TableState } from "./types.js";

export interface Score {
  role: RoleId;
  /** Sum of the role's payoffs from adopted options and the rider. */
  mandatePoints: number;
  mandate: number;
  standing: number;
  total: number;
  roundsInPerson: number;
  draftingSeats: number;
  tokens: number;
}

/** Payoff points a role earned from the decided rounds of a table (and the rider, once the match ends). */
export function mandatePoints(state: MatchState, table: TableState, role: RoleId): number {
  let points = 0;
  table.rounds.forEach((round, i) => {
    const decision = round.decision;
    if (!decision) return;
    const option = state.scenario.dossiers[i]?.options.find((o) => o.id === decision.adopted);
    points += option?.payoffs[role] ?? 0;
    const rider = decision.rider && state.scenario.rider?.options.find((o) => o.id === decision.rider);
    points += (rider && rider.payoffs[role]) || 0;
  });
  const rider = state.scenario.rider;
  if (rider && state.status === "ended" && !table.rounds.some((r) => r.decision?.rider)) {
    points += rider.options.find((o) => o.id === rider.none)?.payoffs[role] ?? 0;
  }
  return points;
}

export function scoreOf(state: MatchState, table: TableState, role: RoleId): Score {
  const w = state.scenario.scoring;
  const points = mandatePoints(state, table, role);
  const roundsInPerson = table.rounds.filter((r) => r.attendance[role]?.mode === "in-person").length;
  const draftingSeats = table.rounds.filter((r) => r.drafting.includes(role)).length;
  const tokens = table.delegations[role]?.tokens ?? 0;
  const mandate = points * w.mandatePerPoint;
  const standing = tokens * w.standingPerToken + roundsInPerson * w.standingPerRoundInPerson + draftingSeats * w.standingPerDraftingSeat;
  return { role, mandatePoints: points, mandate, standing, total: mandate + standing, roundsInPerson, draftingSeats, tokens };
}

export function scoresOf(state: MatchState, table: TableState): Score[] {
  return state.scenario.roles.map((r) => scoreOf(state, table, r.id));
}
