// The teacher's printables for one match (documented in server/README.md):
//   GET /api/matches/:code/printables   role cards (private notes included) and the guide's data
// Only the match's teacher may ask (Bearer teacher token): the role cards carry what only each
// role knows. Built from the match's own MatchCreated event, so the printout matches the
// scenario and plan the match really uses, in the lobby, while it runs, or long after.
// ?lang=<code> (the print page's language) gives the scenario's words from its translation
// (server/text/words.ts reads the code; unknown or missing: the scenario's own words).
import express, { type Request, type Response } from "express";
import { localiseScenario } from "../../shared/scenario/localise.js";
import { printablesFor } from "../../shared/scenario/printables.js";
import { exportLanguage } from "../text/words.js";
import { context } from "../context.js";
import { ownedMatch } from "./auth.js";
import { HttpError, sendJson } from "./errors.js";

async function printablesRoute(req: Request, res: Response): Promise<void> {
  const header = await ownedMatch(req);
  const [first] = await context().store.getEvents(header.code, { after: 0, limit: 1 });
  const created = first?.event;
  if (created?.type !== "MatchCreated") throw new HttpError(404, "unknown-match", "There is no match with that code for this teacher token.");
  sendJson(res, 200, printablesFor(header.code, localiseScenario(created.scenario, exportLanguage(req.query.lang)), created.settings));
}

export function printablesRouter(): express.Router {
  const router = express.Router();
  router.get("/:code/printables", printablesRoute);
  return router;
}
