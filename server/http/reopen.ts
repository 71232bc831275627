// A later lesson's debrief (documented in server/README.md):
//   POST /api/matches/:code/reopen   opens the room of an ended match again, from its record
// The two-lesson plan plays in one period and debriefs in the next; by then the match's room
// has closed (an ended match's room closes when its last device leaves). The teacher reopens it
// from the recorded matches, and the dashboard and the projector step through the same cards
// as on the day. The room is rebuilt from the record exactly as a resumed match is (MatchRoom
// with `{ resume }`), so what the class sees is the record and nothing else; a room that is
// already open is left as it is.
import express, { type Request, type Response } from "express";
import { matchMaker } from "@colyseus/core";
import { openMatchRoom } from "../rooms/opening.js";
import { ownedMatch } from "./auth.js";
import { HttpError, sendJson } from "./errors.js";

async function reopen(req: Request, res: Response): Promise<void> {
  const header = await ownedMatch(req);
  if (header.status !== "ended") throw new HttpError(409, "not-ended", "Only an ended match is reopened for its debrief; a match still open is resumed by the server itself.");
  const listed = (await matchMaker.findRoomsByIds([header.code])).has(header.code);
  if (!listed) {
    try {
      await openMatchRoom({ resume: header.code });
    } catch (error) {
      // Another request (or another process) opened it a moment ago: that room serves the class.
      if (!(await matchMaker.findRoomsByIds([header.code])).has(header.code)) throw error;
    }
  }
  sendJson(res, 200, { ok: true, code: header.code, reopened: !listed });
}

export function reopenRouter(): express.Router {
  const router = express.Router();
  router.post("/:code/reopen", reopen);
  return router;
}
