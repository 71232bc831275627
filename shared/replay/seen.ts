// What a replay viewer may know of one recorded event, for the replay's "what just happened"
// line and its text mode. The same line as viewFor: corridor words only for sender, recipient
// and interceptor; notes on trips and grants only for the two parties; a bought briefing only
// for its buyer; never the scenario's private data, the seed or the generator's state. The
// teacher ("everything") sees the event whole. Applied on the server before anything reaches
// a replay-link holder.
import type { GameEvent } from "../rules/events.js";
import type { Viewer } from "../rules/view.js";

/** An event as a viewer may know it: the same type, with what they may not know left out. */
export type SeenEvent = { type: GameEvent["type"] } & Record<string, unknown>;

function roleOfViewer(viewer: Viewer): { table: number; role: string } | null {
  return viewer.kind === "role" ? { table: viewer.table, role: viewer.role } : null;
}

export function eventSeenBy(event: GameEvent, viewer: Viewer): SeenEvent {
  if (viewer.kind === "teacher") return { ...event };
  const me = roleOfViewer(viewer);
  const mine = (table: number, ...roles: (string | null)[]) => me !== null && me.table === table && roles.includes(me.role);
  switch (event.type) {
    case "MatchCreated":
      // The scenario carries every role's briefing and payoffs; the seed, the whole future.
      return { type: event.type, matchId: event.matchId, at: event.at };
    case "RolesAssigned":
      return { type: event.type, assignments: event.assignments.map((a) => ({ ...a })) };
    case "CorridorMessageSent": {
      if (mine(event.table, event.from, event.to, event.interceptedBy)) {
        const { rng: _rng, ...rest } = event;
        return rest;
      }
      return { type: event.type, table: event.table, at: event.at };
    }
    case "FellowshipOffered": {
      if (mine(event.table, event.from, event.to)) return { ...event };
      const { note: _note, expects: _expects, line: _line, ...rest } = event;
      return rest;
    }
    case "GrantGiven": {
      if (mine(event.table, event.from, event.to)) return { ...event };
      const { note: _note, line: _line, ...rest } = event;
      return rest;
    }
    case "BriefingBought":
      return mine(event.table, event.role) ? { ...event } : { type: event.type, table: event.table };
    default:
      return { ...event };
  }
}
