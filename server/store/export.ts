// A match record written out as it is read: events come from the store a page at a time, are
// written, signed and folded as they pass, and the job breathes between slices (slices.ts) —
// so a long record never holds up a live room, and eight downloads at once share the event
// loop with everything else instead of queueing it. The bytes are the record format of
// shared/replay/record.ts, with this server's signature (signing.ts) at the end.
import type { ServerResponse } from "node:http";
import { applyEvent } from "../../shared/rules/evolve.js";
import type { MatchState } from "../../shared/rules/types.js";
import { hashStateSliced } from "../../shared/replay/hash.js";
import { RECORD_FORMAT, RECORD_FORMAT_VERSION, type RecordedEvent } from "../../shared/replay/record.js";
import { RULES_VERSION } from "../../shared/rules/types.js";
import type { MatchStore } from "./match-store.js";
import { SIGNATURE_ALGORITHM, type RecordSigner } from "./signing.js";
import { Breather, drive } from "./slices.js";

/** Events read from the store at once. */
const PAGE = 500;
/** Bytes gathered before a write. */
const CHUNK = 64 * 1024;

/** Replaces nicknames with "Student 1", "Student 2" … in join order as events stream past (bots keep theirs). */
export class StreamingPseudonyms {
  private names = new Map<string, string>();
  private n = 0;

  apply(e: RecordedEvent): RecordedEvent {
    const event = e.event;
    if (event.type === "PlayerJoined" && !this.names.has(event.player)) this.names.set(event.player, event.kind === "bot" ? event.nickname : `Student ${++this.n}`);
    if (event.type === "PlayerJoined" || event.type === "PlayerRenamed") return { ...e, event: { ...event, nickname: this.names.get(event.player) ?? "Student" } };
    return e;
  }
}

/** Reads a match's events a page at a time, breathing between pages. */
export async function* eventPages(store: MatchStore, code: string, breather = new Breather()): AsyncGenerator<RecordedEvent[]> {
  let after = 0;
  for (;;) {
    const page = await store.getEvents(code, { after, limit: PAGE });
    if (page.length) yield page;
    if (page.length < PAGE) return;
    after = page.at(-1)!.seq;
    await breather.breathe();
  }
}

/** Waits until the response can take more, or is gone; false when the client went away. */
async function room(res: ServerResponse): Promise<boolean> {
  if (res.destroyed) return false;
  if (!res.writableNeedDrain) return true;
  await new Promise<void>((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
  return !res.destroyed;
}

export interface WriteRecordOptions {
  pseudonymise: boolean;
  /** Sent before the first byte (content type, file name). */
  headers: Record<string, string>;
}

/**
 * Writes the record of `code` to `res` as it reads it. Returns false, having written nothing,
 * when the match has no record.
 */
export async function writeRecord(res: ServerResponse, store: MatchStore, signer: RecordSigner, code: string, options: WriteRecordOptions): Promise<boolean> {
  const breather = new Breather();
  const pages = eventPages(store, code, breather);
  const first = await pages.next();
  if (first.done) return false;
  const created = first.value[0]!.event;
  if (created.type !== "MatchCreated") throw new Error(`The record of ${code} does not start with MatchCreated.`);
  const head = { format: RECORD_FORMAT, formatVersion: RECORD_FORMAT_VERSION, rulesVersion: RULES_VERSION, matchId: created.matchId };
  const mac = signer.start(head);
  const names = options.pseudonymise ? new StreamingPseudonyms() : null;
  let state: MatchState | null = null;
  let chunk = `${JSON.stringify({ ...head, scenario: { id: created.scenario.id, version: created.scenario.version } }).slice(0, -1)},"events":[`;
  let count = 0;

  res.writeHead(200, options.headers);
  const flush = async (): Promise<boolean> => {
    res.write(chunk);
    chunk = "";
    return room(res);
  };
  for (let page: IteratorResult<RecordedEvent[]> = first; !page.done; page = await pages.next()) {
    for (const stored of page.value) {
      const e = names ? names.apply(stored) : stored;
      chunk += `${count++ ? "," : ""}${JSON.stringify(e)}`;
      mac.event(e);
      state = applyEvent(state, e.event);
      if (chunk.length >= CHUNK && !(await flush())) return true;
      await breather.breathe();
    }
  }
  const finalHash = await drive(hashStateSliced(state), breather);
  const signature = { algorithm: SIGNATURE_ALGORITHM, key: signer.keyId, value: mac.finish(finalHash) };
  chunk += `],"finalHash":${JSON.stringify(finalHash)},"signature":${JSON.stringify(signature)}}`;
  res.end(chunk);
  return true;
}
