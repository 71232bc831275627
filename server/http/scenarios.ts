// The /api/scenarios routes (server/README.md, "HTTP"): which scenarios a teacher may open a
// match with — the shipped ones and their own uploads — and uploading or deleting their own.
// Only public facts leave through here (server/scenarios: scenarioSummary); an uploaded file
// with its payoffs stays in the store under the teacher's token hash and reaches browsers only
// inside a match, through viewFor.
import express, { type NextFunction, type Request, type Response } from "express";
import { context } from "../context.js";
import { checkUpload, isShipped, SCENARIO_FILE_LIMIT, SCENARIOS_PER_TEACHER, scenarioSummaries, scenarioSummary } from "../scenarios/index.js";
import { newSecret, sha256 } from "../secrets.js";
import { unknownFields } from "../../shared/scenario/schema.js";
import { bearer, optionalTeacher, requireTeacher } from "./auth.js";
import { HttpError, sendJson } from "./errors.js";

/** The shipped scenarios, and with a known teacher token also that teacher's uploads. */
async function listScenarios(req: Request, res: Response): Promise<void> {
  const teacher = await optionalTeacher(req);
  sendJson(res, 200, { scenarios: await scenarioSummaries(context().store, teacher) });
}

/**
 * A scenario file becomes one of this teacher's scenarios once it validates. Without a token a
 * new teacher token is made (as for a first match), so a teacher can upload before their first
 * match. Every problem names its field; nothing is kept unless the whole file passes.
 */
async function uploadScenario(req: Request, res: Response): Promise<void> {
  const known = await optionalTeacher(req);
  const text = Buffer.isBuffer(req.body) ? req.body.toString("utf8") : "";
  if (!text.trim()) throw new HttpError(400, "bad-scenario", "Send the scenario file (JSON) as the request body.");
  const now = Date.now();
  const checked = checkUpload(text, now);
  if (!checked.ok) throw new HttpError(checked.problem.status, checked.problem.code, checked.problem.message, checked.problem.issues);
  const store = context().store;
  const token = known ? bearer(req)! : newSecret(24);
  const hash = known ?? sha256(token);
  if (known) {
    const mine = await store.listScenarios(hash);
    if (mine.length >= SCENARIOS_PER_TEACHER && !mine.some((s) => s.id === checked.scenario.id)) {
      throw new HttpError(409, "too-many-scenarios", `You already keep ${mine.length} scenarios here, the most one teacher may keep. Delete one you no longer use first.`);
    }
  } else {
    await store.addTeacher(hash, now);
  }
  const replaced = known ? (await store.getScenario(hash, checked.scenario.id)) !== null : false;
  await store.saveScenario(hash, checked.stored);
  const warnings = unknownFields(JSON.parse(text.replace(/^\uFEFF/, ""))).map((path) => ({ path, message: "is not a field of the scenario format and was ignored" }));
  sendJson(res, 201, { scenario: scenarioSummary(checked.scenario, "uploaded", now), replaced, warnings, teacherToken: token });
}

async function deleteScenario(req: Request, res: Response): Promise<void> {
  const hash = await requireTeacher(req);
  const id = String(req.params.id ?? "");
  if (isShipped(id)) throw new HttpError(403, "shipped-scenario", "The scenarios that come with the game cannot be deleted.");
  if (!(await context().store.deleteScenario(hash, id))) throw new HttpError(404, "unknown-scenario", "You have no uploaded scenario with that id.");
  sendJson(res, 200, { ok: true });
}

/** Routes under /api/scenarios. */
export function scenariosRouter(): express.Router {
  const router = express.Router();
  router.get("/", listScenarios);
  // The file arrives as bytes, whatever its content type: a browser's File, or curl --data-binary.
  router.post(
    "/",
    express.raw({ limit: SCENARIO_FILE_LIMIT, type: () => true }),
    (error: unknown, _req: Request, _res: Response, next: NextFunction) => {
      const tooLarge = typeof error === "object" && error !== null && (error as { type?: unknown }).type === "entity.too.large";
      next(tooLarge ? new HttpError(413, "too-large", `A scenario file may be at most ${SCENARIO_FILE_LIMIT / 1024} KB.`) : error);
    },
    uploadScenario,
  );
  router.delete("/:id", deleteScenario);
  return router;
}
