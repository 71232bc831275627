// HTTP routes under /api (documented in server/README.md). Plain Node request handlers,
// mounted on the Colyseus server's Express app; the teacher token travels as
// `Authorization: Bearer <token>` and is stored only as a hash.
import type { IncomingMessage, ServerResponse } from "node:http";
import { matchMaker } from "@colyseus/core";
import { pseudonymiseEvents } from "../../shared/analysis/export.js";
import { buildRecord, type MatchRecord, type RecordedEvent } from "../../shared/replay/record.js";
import { openRecord } from "../../shared/replay/timeline.js";
import { SettingsSchema } from "../../shared/rules/settings.js";
import { context } from "../context.js";
import { DEFAULT_SCENARIO_ID, loadScenario } from "../scenarios/index.js";
import { claimCode, isCode, releaseCode } from "../rooms/codes.js";
import { newSecret, sha256, type CreateMatchOptions, type MatchRoom } from "../rooms/match-room.js";

const MAX_BODY = 64 * 1024;
/** An imported record file: a long match with many tables runs to a few megabytes. */
const MAX_RECORD = 32 * 1024 * 1024;
const started = Date.now();

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message);
  }
}

export function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(text);
}

async function readJson(req: IncomingMessage, limit = MAX_BODY): Promise<unknown> {
  const pre = (req as IncomingMessage & { body?: unknown }).body;
  if (pre !== undefined && typeof pre === "object") return pre;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new HttpError(413, "too-large", "The request body is too large.");
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8").trim();
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, "bad-json", "The request body is not valid JSON.");
  }
}

function bearer(req: IncomingMessage): string | null {
  const header = req.headers.authorization;
  const m = typeof header === "string" ? /^Bearer\s+(\S{1,200})$/i.exec(header.trim()) : null;
  return m?.[1] ?? null;
}

/** The origin students should use: PUBLIC_URL, else the request's own host. */
function originOf(req: IncomingMessage): string {
  if (process.env.PUBLIC_URL) return process.env.PUBLIC_URL.replace(/\/+$/, "");
  const proto = (req.headers["x-forwarded-proto"] as string | undefined)?.split(",")[0]?.trim() || "http";
  return `${proto}://${req.headers.host ?? "localhost"}`;
}

export function linksFor(origin: string, code: string, teacherToken?: string) {
  return {
    join: `${origin}/join/${code}`,
    teacher: `${origin}/teacher/${code}${teacherToken ? `#token=${teacherToken}` : ""}`,
    projector: `${origin}/projector/${code}`,
    replay: `${origin}/replay/${code}`,
  };
}

async function requireTeacher(req: IncomingMessage): Promise<string> {
  const token = bearer(req);
  if (!token) throw new HttpError(401, "no-token", "This needs the teacher token (Authorization: Bearer <token>).");
  return sha256(token);
}

export async function ownedMatch(req: IncomingMessage, code: string) {
  const hash = await requireTeacher(req);
  if (!isCode(code)) throw new HttpError(404, "unknown-match", "There is no match with that code.");
  const header = await context().store.getHeader(code);
  // Same answer for "unknown" and "not yours", so codes cannot be probed with a token.
  if (!header || header.teacherTokenHash !== hash) throw new HttpError(404, "unknown-match", "There is no match with that code for this teacher token.");
  return header;
}

function liveRoom(code: string): MatchRoom | undefined {
  return matchMaker.getLocalRoomById(code) as MatchRoom | undefined;
}

async function createMatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = (await readJson(req)) as { settings?: unknown; scenario?: unknown } | null;
  if (!body || typeof body !== "object" || Array.isArray(body)) throw new HttpError(400, "bad-request", "Send a JSON object: { settings, scenario? }.");
  const parsed = SettingsSchema.safeParse(body.settings ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join(".") || "settings", message: i.message }));
    throw new HttpError(400, "bad-settings", `These match settings are not valid: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`, issues);
  }
  const scenarioId = body.scenario === undefined ? DEFAULT_SCENARIO_ID : body.scenario;
  if (typeof scenarioId !== "string") throw new HttpError(400, "bad-request", "scenario must be a scenario id.");
  try {
    loadScenario(scenarioId);
  } catch (e) {
    throw new HttpError(400, "unknown-scenario", e instanceof Error ? e.message : "Unknown scenario.");
  }
  // A teacher may reuse the token of an earlier match, so one token lists all of their matches.
  let token = bearer(req);
  if (token) {
    const known = await context().store.listMatches({ teacherTokenHash: sha256(token) });
    if (!known.length) throw new HttpError(401, "unknown-token", "That teacher token is not known here. Leave it out to get a new one.");
  } else token = newSecret(24);
  const options: CreateMatchOptions = { settings: body.settings ?? {}, scenarioId, teacherTokenHash: sha256(token) };
  let roomId: string;
  try {
    const room = await matchMaker.createRoom("match", options);
    roomId = room.roomId;
  } catch (e) {
    throw new HttpError(400, "bad-settings", e instanceof Error ? e.message : "The match could not be created.");
  }
  send(res, 201, { code: roomId, teacherToken: token, links: linksFor(originOf(req), roomId, token) });
}

async function listMatches(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const hash = await requireTeacher(req);
  const matches = await context().store.listMatches({ teacherTokenHash: hash });
  send(res, 200, {
    matches: matches.map((m) => ({
      ...m,
      durationMs: m.startedAt === null ? 0 : Math.max(0, (m.endedAt ?? m.lastEventAt ?? m.startedAt) - m.startedAt),
      live: liveRoom(m.code) !== undefined,
      links: linksFor(originOf(req), m.code),
    })),
  });
}

/** The record, with nicknames replaced when asked; rebuilt so its final hash still matches. */
async function recordOf(code: string, pseudonymise: boolean): Promise<MatchRecord> {
  const events = await context().store.getEvents(code);
  if (!events.length) throw new HttpError(404, "unknown-match", "This match has no record yet.");
  if (!pseudonymise) return buildRecord(events);
  const renamed = pseudonymiseEvents(events.map((e) => e.event));
  return buildRecord(events.map((e, i): RecordedEvent => ({ ...e, event: renamed[i]! })));
}

async function getRecord(req: IncomingMessage, res: ServerResponse, code: string, url: URL): Promise<void> {
  await ownedMatch(req, code);
  const pseudonymise = url.searchParams.get("pseudonymise") === "1";
  const record = await recordOf(code, pseudonymise);
  if (url.searchParams.has("download")) res.setHeader("content-disposition", `attachment; filename="rough-consensus-${code}${pseudonymise ? "-pseudonymised" : ""}.json"`);
  send(res, 200, record);
}

/** An exported record file becomes a new, ended match of this teacher, under a fresh code. */
async function importRecord(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const body = await readJson(req, MAX_RECORD);
  const opened = openRecord(body);
  if (!opened.ok) throw new HttpError(422, "bad-record", opened.reason);
  const record = body as MatchRecord;
  const created = record.events[0]!.event;
  if (created.type !== "MatchCreated") throw new HttpError(422, "bad-record", "This record is damaged: it does not start with the creation of the match.");
  // Like creating a match: a known token files it with that teacher's matches, none gets a new one.
  let token = bearer(req);
  if (token) {
    const known = await context().store.listMatches({ teacherTokenHash: sha256(token) });
    if (!known.length) throw new HttpError(401, "unknown-token", "That teacher token is not known here. Leave it out to get a new one.");
  } else token = newSecret(24);
  const store = context().store;
  const code = await claimCode(matchMaker.presence, (c) => store.hasMatch(c));
  try {
    const eventAt = (type: string) => record.events.find((e) => e.event.type === type)?.at ?? null;
    const last = record.events.at(-1)!;
    await store.importMatch(
      {
        code,
        createdAt: created.at,
        classLabel: created.settings.classLabel,
        settings: JSON.stringify(created.settings),
        scenarioId: created.scenario.id,
        scenarioVersion: created.scenario.version,
        rulesVersion: record.rulesVersion,
        seed: created.seed,
        status: "ended",
        startedAt: eventAt("MatchStarted"),
        endedAt: eventAt("MatchEnded") ?? last.at,
        teacherTokenHash: sha256(token),
      },
      record.events.map((e) => ({ seq: e.seq, at: e.at, actor: e.actor, event: e.event })),
    );
  } finally {
    // The stored match now keeps the code from being reused.
    await releaseCode(matchMaker.presence, code);
  }
  send(res, 201, { code, teacherToken: token, events: record.events.length, finalHash: record.finalHash, importedFrom: record.matchId, links: linksFor(originOf(req), code, token) });
}

/** A link a teacher gives students: it opens this match's replay, and nothing else. */
async function createReplayLink(req: IncomingMessage, res: ServerResponse, code: string): Promise<void> {
  await ownedMatch(req, code);
  const token = newSecret(24);
  await context().store.saveReplayLink(code, sha256(token), Date.now());
  send(res, 201, { token, link: `${originOf(req)}/replay/${code}#replay=${token}` });
}

/** The record for the replay viewer: the teacher token ("teacher": may see everything) or a replay link ("link"). */
async function getReplay(req: IncomingMessage, res: ServerResponse, code: string, url: URL): Promise<void> {
  const token = bearer(req);
  if (!token) throw new HttpError(401, "no-token", "This needs the teacher token or a replay link (Authorization: Bearer <token>).");
  const hash = sha256(token);
  const header = isCode(code) ? await context().store.getHeader(code) : null;
  let access: "teacher" | "link" | null = null;
  if (header && header.teacherTokenHash === hash) access = "teacher";
  else if (header && (await context().store.replayLinkMatch(hash)) === code) access = "link";
  if (!access) throw new HttpError(404, "unknown-match", "There is no replay with that code for this link.");
  send(res, 200, { access, record: await recordOf(code, url.searchParams.get("pseudonymise") === "1") });
}

async function deleteMatch(req: IncomingMessage, res: ServerResponse, code: string): Promise<void> {
  await ownedMatch(req, code);
  const room = liveRoom(code);
  if (room) await room.disconnect();
  await context().store.deleteMatch(code);
  send(res, 200, { ok: true });
}

function health(res: ServerResponse): void {
  send(res, 200, { ok: true, uptimeSeconds: Math.round((Date.now() - started) / 1000), rooms: matchMaker.stats.local.roomCount, ccu: matchMaker.stats.local.ccu });
}

/** A Node/Express middleware answering /api/*; anything else goes to `next`. */
export function apiHandler() {
  return async function roughConsensusApi(req: IncomingMessage, res: ServerResponse, next: () => void): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    const path = url.pathname.replace(/\/+$/, "") || "/";
    if (!path.startsWith("/api/")) return next();
    try {
      const method = req.method ?? "GET";
      if (path === "/api/health" && method === "GET") return health(res);
      if (path === "/api/matches" && method === "POST") return await createMatch(req, res);
      if (path === "/api/matches" && method === "GET") return await listMatches(req, res);
      if (path === "/api/matches/import" && method === "POST") return await importRecord(req, res);
      const sub = /^\/api\/matches\/([^/]+)\/(record|replay|replay-links)$/.exec(path);
      const subCode = sub ? decodeURIComponent(sub[1]!).toUpperCase() : "";
      if (sub?.[2] === "record" && method === "GET") return await getRecord(req, res, subCode, url);
      if (sub?.[2] === "replay" && method === "GET") return await getReplay(req, res, subCode, url);
      if (sub?.[2] === "replay-links" && method === "POST") return await createReplayLink(req, res, subCode);
      const one = /^\/api\/matches\/([^/]+)$/.exec(path);
      if (one && method === "DELETE") return await deleteMatch(req, res, decodeURIComponent(one[1]!).toUpperCase());
      throw new HttpError(404, "not-found", `No route for ${method} ${path}.`);
    } catch (e) {
      if (e instanceof HttpError) return send(res, e.status, { error: { code: e.code, message: e.message, ...(e.issues ? { issues: e.issues } : {}) } });
      console.error("[http]", e);
      send(res, 500, { error: { code: "server-error", message: "Something went wrong on the server." } });
    }
  };
}
