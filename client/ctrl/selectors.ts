// Read-only lookups over a MatchView for the screens. They find things; they never decide
// whether something is allowed (the server does, and says why when it is not).
import type { MatchView, PublicDossier, PublicRole, RoundView, TableView } from "../../shared/rules/view.js";

export type Phase = MatchView["phase"];

export function roleById(view: MatchView, id: string | null | undefined): PublicRole | undefined {
  return id ? view.scenario.roles.find((r) => r.id === id) : undefined;
}

export function currentDossier(view: MatchView): PublicDossier | undefined {
  return view.scenario.dossiers[view.round];
}

export function tableAt(view: MatchView, index: number | null | undefined): TableView | undefined {
  return index === null || index === undefined ? undefined : view.tables.find((t) => t.index === index);
}

export function currentRound(view: MatchView, table: TableView | undefined): RoundView | undefined {
  return table?.rounds[view.round];
}

export function optionTitle(dossier: PublicDossier | undefined, id: string): string {
  return dossier?.options.find((o) => o.id === id)?.title ?? id;
}

/** Milliseconds left on the clock at `now` (server time), or null when no clock runs. */
export function remainingMs(view: MatchView, now: number): number | null {
  if (view.clock.pausedRemaining !== null) return view.clock.pausedRemaining;
  if (view.clock.deadline === null) return null;
  return Math.max(0, view.clock.deadline - now);
}

export function formatClock(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, "0")}`;
}

/** People and bots at a table holding a role, in roster order: the engine's own helper. */
export { delegatesOf } from "../../shared/rules/helpers.js";
