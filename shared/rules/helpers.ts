// Small read-only lookups over the match state (and, where the same question is asked of a
// view, over the view's public parts), shared by decide, viewFor, scoring, the analysis, bots
// and screens, so that each rule of thumb is written once. None of them changes anything.
import type { Dossier, Role, Scenario } from "../scenario/schema.js";
import type { MatchState, Player, RoleId } from "./types.js";

export function roleOf(scenario: Scenario, id: RoleId): Role | undefined {
  return scenario.roles.find((r) => r.id === id);
}

export function currentDossier(state: MatchState): Dossier | undefined {
  return state.scenario.dossiers[state.round];
}

/**
 * Travel cost of one delegate of `role` to the venue of `dossier`: cheaper in its home region.
 * Takes only public parts (the scenario's travel table, a role's home, a venue), so a bot or a
 * screen can ask it of its view.
 */
export function travelCost(
  scenario: { travel: Scenario["travel"] },
  role: Pick<Role, "home">,
  dossier: { venue: Pick<Dossier["venue"], "region"> },
): number {
  return role.home === dossier.venue.region ? scenario.travel.homeRegionCost : scenario.travel.costPerDelegate;
}

export function presentPlayers(state: MatchState): Player[] {
  return Object.values(state.players).filter((p) => p.present);
}

/** Who holds a seat: the fields shared by the state's players and a view's players. */
export interface SeatHolder {
  present: boolean;
  table: number | null;
  role: RoleId | null;
}

/**
 * Present players (people and bots) holding `role` at `table`, in roster order. Asked of the
 * match state or of any view (both carry `players`, as a record or a list).
 */
export function delegatesOf<P extends SeatHolder>(source: { players: Readonly<Record<string, P>> | readonly P[] }, table: number, role: RoleId): P[] {
  const players = source.players;
  const list: readonly P[] = isList(players) ? players : Object.values(players);
  return list.filter((p) => p.present && p.table === table && p.role === role);
}

function isList<P>(players: Readonly<Record<string, P>> | readonly P[]): players is readonly P[] {
  return Array.isArray(players);
}
