// A match room opens only from this process's own code: the teacher's POST /api/matches and
// the resume of a match from its record. Colyseus would also open a room for any client that
// asks its matchmaker (the SDK's create/joinOrCreate, POST /matchmake/create/match) with
// whatever options it sends — a match under a teacher-token hash of the caller's choosing, or
// a second live copy of a stored match. So the matchmaker offers clients only joinById and
// reconnect (closeMatchmaking), and a room refuses to open without the ticket only this
// process holds (openMatchRoom passes it; MatchRoom.onCreate checks it).
import { randomBytes, timingSafeEqual } from "node:crypto";
import { ErrorCode, matchMaker, ServerError } from "@colyseus/core";

/** What a client is told when it tries to open a match itself. */
export const OPEN_REFUSED = "A match is made on the teacher's setup page (POST /api/matches); devices join it by its code.";

const TICKET = randomBytes(24);

/** Opens a match room with this process's ticket (the only way one opens). */
export function openMatchRoom<T extends object>(options: T): Promise<{ roomId: string }> {
  return matchMaker.createRoom("match", { ...options, ticket: TICKET.toString("hex") });
}

/** Whether a room's creation options came through openMatchRoom. */
export function hasTicket(options: unknown): boolean {
  const ticket = (options as { ticket?: unknown } | null)?.ticket;
  if (typeof ticket !== "string") return false;
  const given = Buffer.from(ticket, "hex");
  return given.length === TICKET.length && timingSafeEqual(given, TICKET);
}

/** Clients may join a match by its code and reconnect to it; nothing else of the matchmaker. */
export function closeMatchmaking(): void {
  const controller = matchMaker.controller as { exposedMethods: string[]; invokeMethod: (method: string, ...rest: unknown[]) => Promise<unknown> };
  const allowed = ["joinById", "reconnect"];
  controller.exposedMethods = allowed;
  const invoke = controller.invokeMethod;
  if ((invoke as { closed?: true }).closed) return;
  const guarded = function (this: unknown, method: string, ...rest: unknown[]) {
    if (!allowed.includes(method)) return Promise.reject(new ServerError(ErrorCode.MATCHMAKE_NO_HANDLER, OPEN_REFUSED));
    return invoke.call(this, method, ...rest);
  };
  controller.invokeMethod = Object.assign(guarded, { closed: true as const });
}
