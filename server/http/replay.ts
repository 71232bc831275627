// Replays for replay-link holders, computed here: the link holder's browser never receives the
// record, only what its chosen view showed at each moment — viewFor of the state folded up to
// it — and each event as that view may know it (shared/replay/seen.ts). Nicknames are replaced
// by "Student 1", "Student 2" … (also inside what students wrote) unless the teacher made the
// link with nicknames. A link opens the projector's view and the debrief; a role's own view
// needs that seat's secret (X-Seat-Secret); "everything" needs the teacher's token.
//
// A prepared replay is kept per match and link kind (a few at a time): the events, the key
// moments, the debrief, and states every so many events, so a seek folds a short stretch only.
import type { Request, Response } from "express";
import { debrief as analyse, markMoments, type Debrief } from "../../shared/analysis/debrief.js";
import { RULES_VERSION } from "../../shared/rules/types.js";
import { applyEvent, cloneState } from "../../shared/rules/evolve.js";
import type { GameEvent } from "../../shared/rules/events.js";
import type { MatchState } from "../../shared/rules/types.js";
import { viewFor } from "../../shared/rules/view.js";
import { withoutNicknames } from "../../shared/replay/names.js";
import { eventSeenBy } from "../../shared/replay/seen.js";
import { TEXT_WINDOW, viewChoiceOf, viewChoiceText, viewerOf, type ReplayMoment, type ReplayOutline, type RoleChoice, type ViewChoice } from "../../shared/replay/remote.js";
import { markers, type Marker } from "../../shared/replay/timeline.js";
import { context } from "../context.js";
import { sameHash, sha256 } from "../secrets.js";
import { eventPages } from "../store/export.js";
import type { MatchHeader } from "../store/match-store.js";
import { Breather } from "../store/slices.js";
import { bearer, codeParam } from "./auth.js";
import { HttpError, sendJson } from "./errors.js";

/** Who opened the replay: the teacher (anything), or a link (the projector, and one seat). */
export type ReplayAccess =
  | { kind: "teacher"; header: MatchHeader }
  | { kind: "link"; header: MatchHeader; nicknames: boolean; seat: { table: number; role: string } | null };

class Prepared {
  readonly length: number;
  readonly markers: Marker[];
  roles: RoleChoice[] = [];
  private readonly every: number;
  private readonly snapshots = new Map<number, MatchState>();
  private cursor: { moment: number; state: MatchState } | null = null;

  constructor(
    readonly events: readonly GameEvent[],
    readonly times: readonly number[],
    readonly debrief: Debrief,
    readonly finalSeats: ReadonlyMap<string, { table: number | null; role: string | null }>,
  ) {
    this.length = events.length;
    this.every = Math.max(250, Math.ceil(this.length / 16));
    this.markers = markers(events, markMoments(debrief));
  }

  /** Folds the whole record once, keeping states on the way, breathing between slices. */
  async warm(breather: Breather): Promise<void> {
    for (let m = Math.min(this.every, this.length); ; m = Math.min(m + this.every, this.length)) {
      this.stateAt(m);
      if (m >= this.length) break;
      await breather.breathe();
    }
    const end = viewFor(this.stateAt(this.length), { kind: "projector" });
    this.roles = end.tables.flatMap((t) => end.scenario.roles.map((r) => ({ table: t.index, role: r.id, short: r.short, name: r.name })));
  }

  /** The state after `moment` events, from the nearest kept state or the cursor, whichever is closer. */
  stateAt(moment: number): MatchState {
    const n = Math.max(1, Math.min(this.length, moment));
    let from = 0;
    for (let k = Math.floor(n / this.every) * this.every; k > 0; k -= this.every) {
      if (this.snapshots.has(k)) {
        from = k;
        break;
      }
    }
    const cursorUsable = this.cursor !== null && this.cursor.moment <= n && this.cursor.moment >= from;
    if (!cursorUsable) this.cursor = from > 0 ? { moment: from, state: cloneState(this.snapshots.get(from)!) } : { moment: 1, state: applyEvent(null, this.events[0]!) };
    const cursor = this.cursor!;
    for (let i = cursor.moment; i < n; i++) {
      cursor.state = applyEvent(cursor.state, this.events[i]!);
      const reached = i + 1;
      if (reached % this.every === 0 && !this.snapshots.has(reached)) this.snapshots.set(reached, cloneState(cursor.state));
    }
    cursor.moment = n;
    return cursor.state;
  }
}

/** Prepared replays: a class opens the same link from thirty phones. */
const MAX_PREPARED = 6;
const prepared = new Map<string, Promise<Prepared>>();

async function prepare(header: MatchHeader, nicknames: boolean): Promise<Prepared> {
  const key = `${header.code}:${header.createdAt}:${header.seed}:${nicknames ? "named" : "pseudonymised"}`;
  let found = prepared.get(key);
  if (!found) {
    found = (async () => {
      const breather = new Breather();
      const events: GameEvent[] = [];
      const times: number[] = [];
      const seats = new Map<string, { table: number | null; role: string | null }>();
      for await (const page of eventPages(context().store, header.code, breather)) {
        for (const e of page) {
          events.push(e.event);
          times.push(e.at);
          if (e.event.type === "PlayerJoined") seats.set(e.event.player, { table: e.event.table, role: e.event.role });
          if (e.event.type === "RolesAssigned") for (const a of e.event.assignments) seats.set(a.player, { table: a.table, role: a.role });
        }
      }
      if (!events.length) throw new HttpError(404, "unknown-match", "This match has no record yet.");
      const shown = nicknames ? events : withoutNicknames(events);
      await breather.breathe();
      const end = shown.findIndex((e) => e.type === "MatchEnded");
      // The debrief counts the events up to the end, as the class saw it (computed once, then kept).
      const result = new Prepared(shown, times, analyse(end < 0 ? shown : shown.slice(0, end + 1)), seats);
      await result.warm(breather);
      return result;
    })();
    prepared.set(key, found);
    found.catch(() => prepared.delete(key));
    while (prepared.size > MAX_PREPARED) prepared.delete(prepared.keys().next().value!);
  }
  return found;
}

/** Checks the credential: the match's teacher token, or a replay link of this match (with a seat secret, maybe). */
export async function replayAccess(req: Request): Promise<ReplayAccess> {
  const token = bearer(req);
  if (!token) throw new HttpError(401, "no-token", "This needs the teacher token or a replay link (Authorization: Bearer <token>).");
  const code = codeParam(req);
  const { store } = context();
  const header = await store.getHeader(code);
  const hash = sha256(token);
  if (header && sameHash(header.teacherTokenHash, hash)) return { kind: "teacher", header };
  const link = header ? await store.replayLink(hash) : null;
  if (!header || !link || link.match !== code) throw new HttpError(404, "unknown-match", "There is no replay with that code for this link.");
  if (header.status !== "ended") throw new HttpError(409, "replay-not-open", "This replay opens when the match is over.");
  return { kind: "link", header, nicknames: link.nicknames, seat: await seatOf(req, header) };
}

/** The seat whose secret came with the request (X-Seat-Secret): the role it held at the end. */
async function seatOf(req: Request, header: MatchHeader): Promise<{ table: number; role: string } | null> {
  const secret = req.headers["x-seat-secret"];
  if (typeof secret !== "string" || !secret || secret.length > 200) return null;
  const hash = sha256(secret);
  const seats = await context().store.getSeats(header.code);
  let player: string | null = null;
  for (const [id, known] of seats) if (sameHash(hash, known)) player = id;
  if (!player) throw new HttpError(403, "unknown-seat", "That seat secret does not belong to this match.");
  const replay = await prepare(header, false);
  const seat = replay.finalSeats.get(player);
  return seat && seat.table !== null && seat.role !== null ? { table: seat.table, role: seat.role } : null;
}

function allowedViews(access: ReplayAccess, replay: Prepared): string[] {
  if (access.kind === "teacher") return ["projector", "everything", ...replay.roles.map((r) => viewChoiceText({ kind: "role", table: r.table, role: r.role }))];
  return ["projector", ...(access.seat ? [viewChoiceText({ kind: "role", ...access.seat })] : [])];
}

/** The outline a link holder's replay starts from: no record, no view yet. */
export async function outlineFor(access: Extract<ReplayAccess, { kind: "link" }>): Promise<ReplayOutline> {
  const replay = await prepare(access.header, access.nicknames);
  return {
    access: "link",
    code: access.header.code,
    ...(access.header.imported ? { imported: access.header.imported } : {}),
    nicknames: access.nicknames,
    length: replay.length,
    startedAt: replay.times[0] ?? 0,
    markers: replay.markers,
    debrief: replay.debrief,
    roles: replay.roles,
    views: allowedViews(access, replay),
    seat: access.seat,
  };
}

/** GET /api/matches/:code/replay/view?at=N&view=…&text=1 */
export async function replayView(req: Request, res: Response): Promise<void> {
  const access = await replayAccess(req);
  const nicknames = access.kind === "teacher" ? req.query.pseudonymise === "0" : access.nicknames;
  const replay = await prepare(access.header, nicknames);
  const choice: ViewChoice | null = viewChoiceOf(typeof req.query.view === "string" ? req.query.view : "projector");
  if (!choice) throw new HttpError(400, "bad-view", "view must be projector, everything or role:<table>:<role>.");
  if (!allowedViews(access, replay).includes(viewChoiceText(choice))) {
    throw new HttpError(403, "view-not-allowed", choice.kind === "everything" ? "Only the teacher sees everything." : "A replay link shows the projector's view, and a role's own view only with that role's seat.");
  }
  const at = Number(req.query.at ?? replay.length);
  if (!Number.isInteger(at)) throw new HttpError(400, "bad-moment", "at must be a whole number of events.");
  const moment = Math.max(1, Math.min(replay.length, at));
  const viewer = viewerOf(choice);
  const seen = (i: number) => eventSeenBy(replay.events[i]!, viewer);
  const body: ReplayMoment = { moment, at: replay.times[moment - 1] ?? 0, view: viewFor(replay.stateAt(moment), viewer), now: seen(moment - 1) };
  if (req.query.text === "1") {
    const from = Math.max(1, moment - TEXT_WINDOW / 2);
    const to = Math.min(replay.length, from + TEXT_WINDOW - 1);
    body.window = { from, events: Array.from({ length: to - from + 1 }, (_, k) => seen(from - 1 + k)) };
  }
  sendJson(res, 200, body);
}

/** For the teacher: where the record came from; the record itself comes from /record. */
export function teacherOutline(access: Extract<ReplayAccess, { kind: "teacher" }>) {
  return { access: "teacher" as const, code: access.header.code, rulesVersion: RULES_VERSION, ...(access.header.imported ? { imported: access.header.imported } : {}) };
}
