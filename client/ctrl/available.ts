// Whether a control can be used now, read from the view's available actions: the server
// works them out with decide() itself (shared/rules/actions.ts), so a screen never re-checks
// a rule. A screen hides a control whose action is closed, or disables it and shows the
// reason; it never guesses.
import type { ActionState, PlayerAction, TeacherAction } from "../../shared/rules/actions.js";
import type { MatchView } from "../../shared/rules/view.js";
import { rejectionText } from "../text/catalog.js";

export type Availability = { ok: true } | { ok: false; code: string };
export type Action = PlayerAction | TeacherAction;

function actionsOf(view: MatchView | null): Partial<Record<Action, ActionState>> | null {
  return view?.actions ?? null;
}

/**
 * The verdict for `action` (on `target`, for actions that take one). Unknown — no actions in
 * the view, e.g. a projector — counts as closed: only a seat or the teacher acts.
 */
export function availability(view: MatchView | null, action: Action, target?: string): Availability {
  const state = actionsOf(view)?.[action];
  if (!state) return { ok: false, code: "read-only" };
  if (target === undefined) return state.ok ? { ok: true } : { ok: false, code: state.code };
  return state.targets?.[target] ?? { ok: false, code: state.ok ? "bad-input" : state.code };
}

export function can(view: MatchView | null, action: Action, target?: string): boolean {
  return availability(view, action, target).ok;
}

/** The targets of `action` that are open now, in the server's order. */
export function openTargets(view: MatchView | null, action: Action): string[] {
  const targets = actionsOf(view)?.[action]?.targets ?? {};
  return Object.entries(targets)
    .filter(([, a]) => a.ok)
    .map(([id]) => id);
}

/** Why `action` is closed, in the player's words; null when it is open. */
export function whyNot(view: MatchView | null, action: Action, target?: string): string | null {
  const verdict = availability(view, action, target);
  return verdict.ok ? null : rejectionText(verdict.code);
}
