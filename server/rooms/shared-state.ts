// The room's match state is never changed in place: each event gives a new state that shares
// every object the event did not touch (immer's copy-on-write around the engine's own
// applyEvent, so the engine is unchanged). Views are cached by the identity of the state
// objects they are made from (ViewCache in shared/rules/view.ts), and patches skip what kept
// its identity: a statement at one table rebuilds that table's part of each view, nothing else.
// Results are frozen, so an accidental write to the live state fails loudly.
import { produce } from "immer";
import { applyEvent } from "../../shared/rules/evolve.js";
import type { GameEvent } from "../../shared/rules/events.js";
import type { MatchState } from "../../shared/rules/types.js";

export function evolveShared(state: MatchState | null, event: GameEvent): MatchState {
  if (state === null || event.type === "MatchCreated") return produce(applyEvent(null, event), () => undefined);
  return produce(state, (draft) => {
    applyEvent(draft as MatchState, event);
  });
}
