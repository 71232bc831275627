// Small read-only lookups over the match state, shared by decide, viewFor, scoring and the
// analysis. None of them changes anything.
import type { Dossier, Role, Scenario } from "../scenario/schema.js";
import type { MatchState, Player, RoleId, RoundRecord, TableState } from "./types.js";

export function roleOf(scenario: Scenario, id: RoleId): Role | undefined {
  return scenario.roles.find((r) => r.id === id);
}

export function currentDossier(state: MatchState): Dossier | undefined {
  return state.scenario.dossiers[state.round];
}

export function currentRound(table: TableState, round: number): RoundRecord | undefined {
  return table.rounds[round];
}

/** Travel cost of one delegate of `role` to the venue of `dossier`. */
export function travelCost(scenario: Scenario, role: Role, dossier: Dossier): number {
  return role.home === dossier.venue.region ? scenario.travel.homeRegionCost : scenario.travel.costPerDelegate;
}

export function presentPlayers(state: MatchState): Player[] {
  return Object.values(state.players).filter((p) => p.present);
}

/** Present players (people and bots) holding a role at a table. */
export function delegatesOf(state: MatchState, table: number, role: RoleId): Player[] {
  return presentPlayers(state).filter((p) => p.table === table && p.role === role);
}

export function attendanceMode(round: RoundRecord | undefined, role: RoleId) {
  return round?.attendance[role]?.mode ?? "absent";
}

/** Deterministic key order for ids used in maps, so folds and hashes never depend on insertion order. */
export function sortedIds<T>(record: Record<string, T>): string[] {
  return Object.keys(record).sort();
}
