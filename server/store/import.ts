// Checking a record file before it becomes a match here. In order, each a clear refusal:
// bounded (bytes by the route, nesting before parsing, events by RECORD_BUDGET); a record of
// this format and rules version; signed by this server ("verified") or not ("checked"); every
// event one the rules produce (shared/replay/check.ts); and its final hash that of the state
// the rules reached. The long steps run in slices (slices.ts) and one import is checked at a
// time, so imports never hold up live rooms.
import { recheck } from "../../shared/replay/check.js";
import { hashStateSliced } from "../../shared/replay/hash.js";
import { RECORD_BUDGET, type MatchRecord } from "../../shared/replay/record.js";
import { recordProblem } from "../../shared/replay/timeline.js";
import type { ImportOrigin } from "./match-store.js";
import type { RecordSigner } from "./signing.js";
import { Breather, drive } from "./slices.js";

export type ImportCheck =
  | { ok: true; record: MatchRecord; origin: ImportOrigin }
  | { ok: false; status: 400 | 413 | 422 | 429; code: "bad-json" | "too-large" | "bad-record" | "busy"; reason: string };

const refuse = (reason: string): ImportCheck => ({ ok: false, status: 422, code: "bad-record", reason });

/** How deeply arrays and objects nest in JSON text (outside strings), without parsing it. */
export function nestingDepth(text: string, stopAbove = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > deepest) {
        deepest = depth;
        if (deepest > stopAbove) return deepest;
      }
    } else if (c === 125 || c === 93) depth--;
  }
  return deepest;
}

/** One import's check at a time; a few more may wait their turn, the rest are told to retry. */
const MAX_WAITING = 4;
let running: Promise<unknown> = Promise.resolve();
let waiting = 0;

export async function checkImport(body: string, signer: RecordSigner): Promise<ImportCheck> {
  if (waiting >= MAX_WAITING) return { ok: false, status: 429, code: "busy", reason: "The server is checking other imports. Try again in a minute." };
  waiting++;
  const turn = running.then(() => check(body, signer));
  running = turn.catch(() => undefined);
  try {
    return await turn;
  } finally {
    waiting--;
  }
}

async function check(body: string, signer: RecordSigner): Promise<ImportCheck> {
  const breather = new Breather();
  if (nestingDepth(body, RECORD_BUDGET.depth) > RECORD_BUDGET.depth) return refuse(`This file nests deeper than ${RECORD_BUDGET.depth} levels; a match record never does.`);
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return { ok: false, status: 400, code: "bad-json", reason: "This file is not JSON, so it cannot be a match record." };
  }
  await breather.breathe();
  const problem = recordProblem(data);
  if (problem) return refuse(problem);
  const record = data as MatchRecord;
  const limit = RECORD_BUDGET.events + RECORD_BUDGET.reserve;
  if (record.events.length > limit) return { ok: false, status: 413, code: "too-large", reason: `This record holds ${record.events.length} events; a match here holds at most ${limit}.` };

  const head = { format: record.format, formatVersion: record.formatVersion, rulesVersion: record.rulesVersion, matchId: record.matchId };
  const checked = await drive(recheck(record.events, 50), breather);
  if (!checked.ok) return refuse(`The rules refuse this record. ${checked.reason}`);
  const finalHash = await drive(hashStateSliced(checked.state), breather);
  if (finalHash !== record.finalHash) return refuse("This record does not replay to the result stored in it: it was edited or damaged.");
  // The signature is checked last: only a record the rules accept is worth the work.
  const mac = signer.start(head);
  for (const e of record.events) {
    mac.event(e);
    await breather.breathe();
  }
  return { ok: true, record, origin: mac.matches(record.finalHash, record.signature) ? "verified" : "checked" };
}
