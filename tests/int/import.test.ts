// Importing a record is a teacher's action, bounded and checked by the rules. Every forgery the
// security probe got through before is sent again over HTTP, each with its final hash honestly
// recomputed (a checksum would pass them all): each is refused with the event and the reason,
// and nothing is stored. Oversized, deeply nested and over-long files are refused before any
// real work. A file this server exported comes back "verified"; one from elsewhere "checked".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRecord, RECORD_BUDGET, type MatchRecord, type RecordedEvent } from "../../shared/replay/record.js";
import type { GameEvent } from "../../shared/rules/events.js";
import { player, TEACHER } from "../helpers/engine.js";
import { scriptedMatch } from "../helpers/scripted-match.js";
import { BASE, createMatch, startServer, type TestServer } from "./helpers.js";

let s: TestServer;
let token = "";

beforeAll(async () => {
  s = await startServer();
  token = (await createMatch({ classLabel: "Importer" })).teacherToken;
});
afterAll(async () => {
  await s.close();
});

const auth = (t: string) => ({ authorization: `Bearer ${t}`, "content-type": "application/json" });

async function post(body: string, t = token): Promise<{ status: number; body: any }> {
  const res = await fetch(`${BASE}/api/matches/import`, { method: "POST", headers: auth(t), body });
  const text = await res.text();
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  expect(text).not.toMatch(/\bat \S+ \(|node_modules/);
  return { status: res.status, body: JSON.parse(text) };
}

const count = async () => ((await (await fetch(`${BASE}/api/matches`, { headers: auth(token) })).json()) as { matches: unknown[] }).matches.length;

/** A record rebuilt around edited events: renumbered, with a matching final hash. */
function forge(edit: (events: RecordedEvent[]) => RecordedEvent[]): string {
  const events = edit(structuredClone(scriptedMatch().recorded)).map((e, i) => ({ ...e, seq: i + 1 }));
  return JSON.stringify(buildRecord(events));
}

const at = (events: RecordedEvent[], type: GameEvent["type"]) => events.findIndex((e) => e.event.type === type);

describe("who may import", () => {
  it("refuses an import without a teacher token, or with one this server does not know", async () => {
    const file = JSON.stringify(buildRecord(scriptedMatch().recorded));
    expect((await fetch(`${BASE}/api/matches/import`, { method: "POST", body: file })).status).toBe(401);
    expect(await post(file, "made-up-token")).toMatchObject({ status: 401, body: { error: { code: "unknown-token" } } });
    expect(await post(file)).toMatchObject({ status: 201, body: { imported: "checked" } });
  });
});

describe("forgeries, each with a recomputed final hash", () => {
  const cases: [string, (events: RecordedEvent[]) => RecordedEvent[], RegExp][] = [
    [
      "a grant of 1,000 tokens (TECH ends far below zero)",
      (events) => {
        const g = events[at(events, "GrantGiven")]!;
        (g.event as { amount: number }).amount = 1000;
        return events;
      },
      /GrantGiven.*enough tokens/,
    ],
    [
      "a grant of −50",
      (events) => {
        (events[at(events, "GrantGiven")]!.event as { amount: number }).amount = -50;
        return events;
      },
      /GrantGiven.*whole number of tokens/,
    ],
    [
      "a second copy of the record after the first (a second MatchCreated mid-record)",
      (events) => [...events, ...structuredClone(events)],
      /created once/,
    ],
    [
      "hundreds of events after MatchEnded",
      (events) => [...events, ...Array.from({ length: 500 }, () => structuredClone(events.at(-2)!))],
      /over/,
    ],
    [
      "a statement put in another role's mouth",
      (events) => {
        const said = events[at(events, "StatementMade")]!;
        said.actor = player("tech");
        return events;
      },
      /StatementMade/,
    ],
    [
      "news pushed by a student",
      (events) => {
        const end = at(events, "MatchEnded");
        const news: RecordedEvent = { seq: 0, at: events[end]!.at, actor: player("usg"), event: { type: "NewsPushed", id: "n999", text: "I am the teacher now", at: events[end]!.at } };
        return [...events.slice(0, end), news, ...events.slice(end)];
      },
      /Only the teacher/,
    ],
    [
      "a nickname rewritten with control characters",
      (events) => {
        const joined = events[at(events, "PlayerJoined")]!;
        (joined.event as { nickname: string }).nickname = "Ana\u0000\u202Eevil";
        return events;
      },
      /PlayerJoined/,
    ],
  ];
  for (const [name, edit, reason] of cases) {
    it(`refuses ${name}, and stores nothing`, async () => {
      const before = await count();
      const res = await post(forge(edit));
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({ code: "bad-record", message: expect.stringMatching(reason) });
      expect(await count()).toBe(before);
    });
  }
});

describe("bounds", () => {
  it("refuses a body over the limit with 413, before reading it all", async () => {
    const huge = `{"format":"rough-consensus-record","padding":"${"x".repeat(Math.ceil((RECORD_BUDGET.bytes + RECORD_BUDGET.reserveBytes) * 1.5) + 10)}"}`;
    expect(await post(huge)).toMatchObject({ status: 413, body: { error: { code: "too-large" } } });
  });

  it("refuses a file nested thousands of levels deep without parsing it", async () => {
    const deep = `{"format":"rough-consensus-record","events":${"[".repeat(5000)}${"]".repeat(5000)}}`;
    expect(await post(deep)).toMatchObject({ status: 422, body: { error: { code: "bad-record", message: expect.stringMatching(/nests deeper/) } } });
  });

  it("refuses a record with more events than a match here may hold", async () => {
    const record = buildRecord(scriptedMatch().recorded) as MatchRecord;
    const last = record.events.at(-1)!;
    const padded = { ...record, events: [...record.events, ...Array.from({ length: RECORD_BUDGET.events + RECORD_BUDGET.reserve }, (_, i) => ({ ...last, seq: record.events.length + i + 1 }))] };
    expect(await post(JSON.stringify(padded))).toMatchObject({ status: 413, body: { error: { code: "too-large", message: expect.stringMatching(/at most/) } } });
  });

  it("answers a body that is not JSON, or not a record, with the reason", async () => {
    expect(await post("{oops")).toMatchObject({ status: 400, body: { error: { code: "bad-json" } } });
    expect(await post('{"hello":"world"}')).toMatchObject({ status: 422, body: { error: { message: expect.stringMatching(/not a Rough Consensus match record/) } } });
    expect(await post("")).toMatchObject({ status: 400 });
  });
});

describe("where a record came from", () => {
  it("labels this server's own signed export verified, and the same file with one word changed checked", async () => {
    const m = await createMatch({ classLabel: "Signed" }, token);
    // A played record of this server: the created match, as exported (signed).
    const exported = (await (await fetch(`${BASE}/api/matches/${m.code}/record`, { headers: auth(token) })).json()) as MatchRecord;
    expect(exported.signature).toBeDefined();
    expect(await post(JSON.stringify(exported))).toMatchObject({ status: 201, body: { imported: "verified" } });
    // The label changes if a single field changes, even with the hash recomputed.
    const changed = buildRecord(exported.events.map((e) => (e.event.type === "MatchCreated" ? { ...e, event: { ...e.event, settings: { ...e.event.settings, classLabel: "Forged" } } } : e)));
    expect(await post(JSON.stringify({ ...changed, signature: exported.signature }))).toMatchObject({ status: 201, body: { imported: "checked" } });
    expect(TEACHER.kind).toBe("teacher");
  });
});
