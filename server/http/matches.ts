// The /api/matches routes (server/README.md, "HTTP"): create, list, export, import and delete
// matches, and make replay links. Handlers only read the request, call the store or the
// matchmaker, and answer; errors are thrown as HttpError and answered by errors.ts.
import express, { type Request, type Response } from "express";
import { matchMaker } from "@colyseus/core";
import { pseudonymiseEvents } from "../../shared/analysis/export.js";
import { buildRecord, type MatchRecord, type RecordedEvent } from "../../shared/replay/record.js";
import { openRecord } from "../../shared/replay/timeline.js";
import { SettingsSchema } from "../../shared/rules/settings.js";
import { context } from "../context.js";
import { claimCode, releaseCode } from "../rooms/codes.js";
import type { CreateMatchOptions, MatchRoom } from "../rooms/match-room.js";
import { DEFAULT_SCENARIO_ID, loadScenario } from "../scenarios/index.js";
import { newSecret, sameHash, sha256 } from "../secrets.js";
import { bearer, codeParam, optionalTeacher, ownedMatch, requireTeacher } from "./auth.js";
import { HttpError, sendJson } from "./errors.js";

/** Settings and small requests. */
const SMALL_BODY = "64kb";
/** An imported record file: a long match with many tables runs to a few megabytes. */
const RECORD_BODY = "32mb";

/** The origin students should use: PUBLIC_URL, else the request's own host. */
export function originOf(req: Request): string {
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

/**
 * Which of these matches have a room open right now, in any process (the matchmaking driver
 * lists every process's rooms when they share Redis).
 */
async function liveCodes(codes: string[]): Promise<Set<string>> {
  return new Set((await matchMaker.findRoomsByIds(codes)).keys());
}

/** Closes a match's room wherever it is open (this process or another one). */
async function closeRoom(code: string): Promise<void> {
  if (!(await matchMaker.getRoomById(code))) return;
  try {
    await matchMaker.remoteRoomCall<MatchRoom>(code, "disconnect");
  } catch (e) {
    // The process holding it does not answer (it is going away): its room cannot write to a
    // deleted record anyway, so the deletion goes on.
    console.warn(`[http] could not close the room of match ${code}:`, e instanceof Error ? e.message : e);
  }
}

function objectBody(req: Request, shape: string): Record<string, unknown> {
  const body: unknown = req.body ?? {};
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new HttpError(400, "bad-request", `Send a JSON object: ${shape}.`);
  return body as Record<string, unknown>;
}

async function createMatch(req: Request, res: Response): Promise<void> {
  const body = objectBody(req, "{ settings, scenario? }");
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
  const known = await optionalTeacher(req);
  const token = known ? bearer(req)! : newSecret(24);
  const options: CreateMatchOptions = { settings: (body.settings ?? {}) as CreateMatchOptions["settings"], scenarioId, teacherTokenHash: sha256(token) };
  let code: string;
  try {
    code = (await matchMaker.createRoom("match", options)).roomId;
  } catch (e) {
    throw new HttpError(400, "bad-settings", e instanceof Error ? e.message : "The match could not be created.");
  }
  sendJson(res, 201, { code, teacherToken: token, links: linksFor(originOf(req), code, token) });
}

async function listMatches(req: Request, res: Response): Promise<void> {
  const hash = await requireTeacher(req);
  const matches = await context().store.listMatches({ teacherTokenHash: hash });
  const live = await liveCodes(matches.map((m) => m.code));
  sendJson(res, 200, {
    matches: matches.map((m) => ({
      ...m,
      durationMs: m.startedAt === null ? 0 : Math.max(0, (m.endedAt ?? m.lastEventAt ?? m.startedAt) - m.startedAt),
      live: live.has(m.code),
      links: linksFor(originOf(req), m.code),
    })),
  });
}

/** The record, with nicknames replaced when asked; rebuilt so its final hash still matches. */
export async function recordOf(code: string, pseudonymise: boolean): Promise<MatchRecord> {
  const events = await context().store.getEvents(code);
  if (!events.length) throw new HttpError(404, "unknown-match", "This match has no record yet.");
  if (!pseudonymise) return buildRecord(events);
  const renamed = pseudonymiseEvents(events.map((e) => e.event));
  return buildRecord(events.map((e, i): RecordedEvent => ({ ...e, event: renamed[i]! })));
}

async function getRecord(req: Request, res: Response): Promise<void> {
  const header = await ownedMatch(req);
  const pseudonymise = req.query.pseudonymise === "1";
  const record = await recordOf(header.code, pseudonymise);
  if (req.query.download !== undefined) res.setHeader("content-disposition", `attachment; filename="rough-consensus-${header.code}${pseudonymise ? "-pseudonymised" : ""}.json"`);
  sendJson(res, 200, record);
}

/** An exported record file becomes a new, ended match of this teacher, under a fresh code. */
async function importRecord(req: Request, res: Response): Promise<void> {
  const known = await optionalTeacher(req);
  const body: unknown = req.body;
  const opened = openRecord(body);
  if (!opened.ok) throw new HttpError(422, "bad-record", opened.reason);
  const record = body as MatchRecord;
  const created = record.events[0]!.event;
  if (created.type !== "MatchCreated") throw new HttpError(422, "bad-record", "This record is damaged: it does not start with the creation of the match.");
  // Like creating a match: a known token files it with that teacher's matches, none gets a new one.
  const token = known ? bearer(req)! : newSecret(24);
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
  sendJson(res, 201, { code, teacherToken: token, events: record.events.length, finalHash: record.finalHash, importedFrom: record.matchId, links: linksFor(originOf(req), code, token) });
}

/** A link a teacher gives students: it opens this match's replay, and nothing else. */
async function createReplayLink(req: Request, res: Response): Promise<void> {
  const header = await ownedMatch(req);
  const token = newSecret(24);
  await context().store.saveReplayLink(header.code, sha256(token), Date.now());
  sendJson(res, 201, { token, link: `${originOf(req)}/replay/${header.code}#replay=${token}` });
}

/** The record for the replay viewer: the teacher token ("teacher": may see everything) or a replay link ("link"). */
async function getReplay(req: Request, res: Response): Promise<void> {
  const token = bearer(req);
  if (!token) throw new HttpError(401, "no-token", "This needs the teacher token or a replay link (Authorization: Bearer <token>).");
  const code = codeParam(req);
  const hash = sha256(token);
  const header = await context().store.getHeader(code);
  let access: "teacher" | "link" | null = null;
  if (header && sameHash(header.teacherTokenHash, hash)) access = "teacher";
  else if (header && (await context().store.replayLinkMatch(hash)) === code) access = "link";
  if (!access) throw new HttpError(404, "unknown-match", "There is no replay with that code for this link.");
  sendJson(res, 200, { access, record: await recordOf(code, req.query.pseudonymise === "1") });
}

async function deleteMatch(req: Request, res: Response): Promise<void> {
  const header = await ownedMatch(req);
  await closeRoom(header.code);
  await context().store.deleteMatch(header.code);
  sendJson(res, 200, { ok: true });
}

/** Routes under /api/matches. */
export function matchesRouter(): express.Router {
  const router = express.Router();
  // Bodies are JSON whatever the content type says (scripts often leave it out).
  const small = express.json({ limit: SMALL_BODY, type: () => true });
  router.post("/", small, createMatch);
  router.get("/", listMatches);
  router.post("/import", express.json({ limit: RECORD_BODY, type: () => true }), importRecord);
  router.get("/:code/record", getRecord);
  router.get("/:code/replay", getReplay);
  router.post("/:code/replay-links", small, createReplayLink);
  router.delete("/:code", deleteMatch);
  return router;
}
