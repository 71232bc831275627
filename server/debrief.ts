// The debrief of an ended match, computed once from its record and kept: rooms answer the
// "debrief" request from here and the export routes build on it. Only events up to the end
// count, so the teacher stepping through cards afterwards never changes the analysis; the
// teacher's review of the marks (set aside, with a reason) comes after the end and is read
// fresh each time, as every screen shows it.
import { debrief, type Debrief, type SetAside } from "../shared/analysis/debrief.js";
import type { GameEvent } from "../shared/rules/events.js";
import { context } from "./context.js";
import { eventPages } from "./store/export.js";
import type { MatchHeader } from "./store/match-store.js";

export interface EndedMatch {
  header: MatchHeader;
  /** The events up to and including MatchEnded. */
  events: GameEvent[];
  debrief: Debrief;
}

/** A few recent matches: a class asks for the same debrief from thirty devices at once. */
const MAX_CACHED = 32;
const cache = new Map<string, Promise<EndedMatch | null>>();

/** A code may be reused after its record is deleted, so the key also names the creation. */
const keyOf = (header: MatchHeader) => `${header.code}:${header.createdAt}:${header.seed}`;

/** The ended match with its debrief, or null when the match is unknown or not over yet. */
export async function endedMatch(code: string): Promise<EndedMatch | null> {
  const { store } = context();
  const header = await store.getHeader(code);
  if (!header || header.status !== "ended") return null;
  const key = keyOf(header);
  let found = cache.get(key);
  if (!found) {
    found = analyse(header);
    cache.set(key, found);
    // Forget a failure, so the next request tries again.
    found.then((x) => x ?? cache.delete(key)).catch(() => cache.delete(key));
    while (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
  }
  return found;
}

async function analyse(header: MatchHeader): Promise<EndedMatch | null> {
  // Read a page at a time, letting live rooms run in between (a record can be long).
  const events: GameEvent[] = [];
  for await (const page of eventPages(context().store, header.code)) for (const e of page) events.push(e.event);
  const end = events.findIndex((e) => e.type === "MatchEnded");
  if (end < 0) return null;
  const upToEnd = events.slice(0, end + 1);
  return { header, events: upToEnd, debrief: debrief(upToEnd) };
}

/** The marks the teacher has set aside so far, by mark id, from the record as it is now. */
export async function reviewOf(code: string): Promise<SetAside> {
  const review: Record<string, { reason: string; at: number }> = {};
  for (const { event } of await context().store.getEvents(code)) {
    if (event.type !== "MarkReviewed") continue;
    if (event.setAside) review[event.mark] = { reason: event.reason, at: event.at };
    else delete review[event.mark];
  }
  return review;
}
