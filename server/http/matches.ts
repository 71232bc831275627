// The /api/matches routes (server/README.md, "HTTP"): create, list, export, import and delete
// matches, and make replay links. Handlers only read the request, call the store or the
// matchmaker, and answer; errors are thrown as HttpError and answered by errors.ts.
import express, { type Request, type Response } from "express";
import { matchMaker } from "@colyseus/core";
import { RECORD_BUDGET } from "../../shared/replay/record.js";
import { SettingsSchema } from "../../shared/rules/settings.js";
import { ScenarioError } from "../../shared/scenario/schema.js";
import { context } from "../context.js";
import { joinAddressFor } from "../join-address.js";
import { claimCode, releaseCode } from "../rooms/codes.js";
import { openMatchRoom } from "../rooms/opening.js";
import type { CreateMatchOptions, MatchRoom } from "../rooms/match-room.js";
import { DEFAULT_SCENARIO_ID, scenarioFor, UnknownScenario } from "../scenarios/index.js";
import { newSecret, sha256 } from "../secrets.js";
import { writeRecord } from "../store/export.js";
import { checkImport } from "../store/import.js";
import type { RecordSigner } from "../store/signing.js";
import { bearer, optionalTeacher, ownedMatch, requireTeacher } from "./auth.js";
import { HttpError, sendError, sendJson } from "./errors.js";
import { outlineFor, replayAccess, replayView, teacherOutline } from "./replay.js";

/** Settings and small requests. */
const SMALL_BODY = "64kb";
/**
 * An imported record file: as large as a full record can be (RECORD_BUDGET), plus room for
 * the scenario, the signature and an editor's indentation.
 */
const RECORD_BODY = Math.ceil((RECORD_BUDGET.bytes + RECORD_BUDGET.reserveBytes) * 1.5);

/** The origin students should use: PUBLIC_URL, else the request's own host. */
export function originOf(req: Request): string {
  if (process.env.PUBLIC_URL) return process.env.PUBLIC_URL.replace(/\/+$/, "");
  const proto = (req.headers["x-forwarded-proto"] as string | undefined)?.split(",")[0]?.trim() || "http";
  return `${proto}://${req.headers.host ?? "localhost"}`;
}

/** `joinOrigin`: where phones reach this server (server/join-address.ts), when known. */
export function linksFor(origin: string, code: string, teacherToken?: string, joinOrigin: string | null = null) {
  return {
    join: `${joinOrigin ?? origin}/join/${code}`,
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
  // A teacher may reuse the token of an earlier match, so one token lists all of their matches.
  const known = await optionalTeacher(req);
  // A shipped scenario, or one this teacher uploaded (another teacher's is unknown here).
  try {
    await scenarioFor(context().store, scenarioId, known);
  } catch (e) {
    if (e instanceof UnknownScenario) throw new HttpError(400, "unknown-scenario", known ? e.message : `${e.message} An uploaded scenario needs the teacher token it was uploaded with.`);
    if (e instanceof ScenarioError) throw new HttpError(422, "bad-scenario", `This scenario no longer passes the checks of this version of the game; fix the file and upload it again. ${e.message}`, e.problems);
    throw e;
  }
  const token = known ? bearer(req)! : newSecret(24);
  const options: CreateMatchOptions = { settings: (body.settings ?? {}) as CreateMatchOptions["settings"], scenarioId, teacherTokenHash: sha256(token) };
  let code: string;
  try {
    code = (await openMatchRoom(options)).roomId;
  } catch (e) {
    throw new HttpError(400, "bad-settings", e instanceof Error ? e.message : "The match could not be created.");
  }
  sendJson(res, 201, { code, teacherToken: token, links: linksFor(originOf(req), code, token, joinAddressFor(req).origin) });
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

/**
 * The record, streamed as it is read and signed by this server; nicknames replaced when asked
 * (the final hash is that of the renamed events, so the file still checks).
 */
function getRecord(signer: RecordSigner) {
  return async (req: Request, res: Response): Promise<void> => {
    const header = await ownedMatch(req);
    const pseudonymise = req.query.pseudonymise === "1";
    const headers: Record<string, string> = { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" };
    if (req.query.download !== undefined) headers["content-disposition"] = `attachment; filename="rough-consensus-${header.code}${pseudonymise ? "-pseudonymised" : ""}.json"`;
    const written = await writeRecord(res, context().store, signer, header.code, { pseudonymise, headers });
    if (!written) throw new HttpError(404, "unknown-match", "This match has no record yet.");
  };
}

/**
 * A record file becomes a new, ended match of this teacher, under a fresh code — once the rules
 * accept every event in it. The answer says whether it carried this server's signature.
 */
function importRecord(signer: RecordSigner) {
  return async (req: Request, res: Response): Promise<void> => {
    const teacherHash = await requireTeacher(req);
    const body = Buffer.isBuffer(req.body) ? req.body.toString("utf8") : "";
    if (!body.trim()) throw new HttpError(400, "bad-record", "Send the record file as the request body.");
    const checked = await checkImport(body, signer);
    if (!checked.ok) throw new HttpError(checked.status, checked.code, checked.reason);
    const { record, origin } = checked;
    const created = record.events[0]!.event;
    if (created.type !== "MatchCreated") throw new HttpError(422, "bad-record", "This record does not start with the creation of the match.");
    const store = context().store;
    const code = await claimCode(matchMaker.presence, (c) => store.hasMatch(c));
    try {
      const eventAt = (type: string) => record.events.find((e) => e.event.type === type)?.at ?? null;
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
          endedAt: eventAt("MatchEnded") ?? record.events.at(-1)!.at,
          teacherTokenHash: teacherHash,
          imported: origin,
        },
        record.events.map((e) => ({ seq: e.seq, at: e.at, actor: e.actor, event: e.event })),
      );
    } finally {
      // The stored match now keeps the code from being reused.
      await releaseCode(matchMaker.presence, code);
    }
    sendJson(res, 201, { code, events: record.events.length, finalHash: record.finalHash, importedFrom: record.matchId, imported: origin, links: linksFor(originOf(req), code) });
  };
}

/** A link a teacher gives students: it opens this match's replay, and nothing else; nicknames only when asked. */
async function createReplayLink(req: Request, res: Response): Promise<void> {
  const header = await ownedMatch(req);
  const body = objectBody(req, "{ nicknames?: boolean }");
  if (body.nicknames !== undefined && typeof body.nicknames !== "boolean") throw new HttpError(400, "bad-request", "nicknames must be true or false.");
  const nicknames = body.nicknames === true;
  const token = newSecret(24);
  await context().store.saveReplayLink(header.code, sha256(token), Date.now(), { nicknames });
  sendJson(res, 201, { token, nicknames, link: `${originOf(req)}/replay/${header.code}#replay=${token}` });
}

/** Where a replay starts: for the teacher, the record's origin (the record comes from /record); for a link, the outline. */
async function getReplay(req: Request, res: Response): Promise<void> {
  const access = await replayAccess(req);
  sendJson(res, 200, access.kind === "teacher" ? teacherOutline(access) : await outlineFor(access));
}

async function deleteMatch(req: Request, res: Response): Promise<void> {
  const header = await ownedMatch(req);
  await closeRoom(header.code);
  await context().store.deleteMatch(header.code);
  sendJson(res, 200, { ok: true });
}

/** Routes under /api/matches. */
export function matchesRouter(signer: RecordSigner): express.Router {
  const router = express.Router();
  // Bodies are JSON whatever the content type says (scripts often leave it out).
  const small = express.json({ limit: SMALL_BODY, type: () => true });
  router.post("/", small, createMatch);
  router.get("/", listMatches);
  // The record file arrives as bytes: its nesting is checked before it is parsed.
  router.post("/import", express.raw({ limit: RECORD_BODY, type: () => true }), importRecord(signer));
  router.get("/:code/record", getRecord(signer));
  router.get("/:code/replay", getReplay);
  router.get("/:code/replay/view", replayView);
  router.post("/:code/replay-links", small, createReplayLink);
  router.delete("/:code", deleteMatch);
  return router;
}
