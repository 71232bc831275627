// The store contract: the same cases, word for word, against the SQLite file (the embedded
// default) and PostgreSQL (several processes). A store that passes is a drop-in MatchStore.
// PostgreSQL comes from Debian's package, started by the test on a free port
// (tests/helpers/services.ts); without it those cases are skipped with the reason — and
// under CI=true they fail instead, because CI installs it.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { AppendConflict, type MatchHeader, type MatchStore, type NewEvent } from "../../server/store/match-store.js";
import { SqliteMatchStore } from "../../server/store/sqlite-store.js";
import { PostgresMatchStore } from "../../server/store/postgres-store.js";
import { MIGRATIONS } from "../../server/store/postgres-migrations.js";
import { buildRecord, type MatchRecord, type RecordedEvent } from "../../shared/replay/record.js";
import type { GameEvent } from "../../shared/rules/events.js";
import { inCI, postgresUnavailable, startPostgres, type RunningPostgres } from "../helpers/services.js";

const golden = JSON.parse(readFileSync(new URL("../fixtures/golden/scripted-match.json", import.meta.url), "utf8")) as MatchRecord;
const created = golden.events[0]!.event as Extract<GameEvent, { type: "MatchCreated" }>;
const news = (text: string): GameEvent => ({ type: "NewsPushed", id: `n-${text.length}`, text, at: 1 }) as GameEvent;

function header(code: string, over: Partial<MatchHeader> = {}): MatchHeader {
  return {
    code,
    createdAt: 1_795_942_800_000,
    classLabel: "Year 11 — Civics",
    settings: JSON.stringify({ ...created.settings, tables: 3, rules: ["R1", "R3"] }),
    scenarioId: created.scenario.id,
    scenarioVersion: created.scenario.version,
    rulesVersion: 1,
    seed: 4_294_967_295,
    status: "lobby",
    startedAt: null,
    endedAt: null,
    teacherTokenHash: "a".repeat(64),
    ...over,
  };
}

const asNew = (events: readonly RecordedEvent[]): NewEvent[] => events.map(({ at, actor, event }) => ({ at, actor, event }));

interface Opened {
  store: MatchStore;
  /** Another store on the same data: what a second server process sees. */
  another(): Promise<MatchStore>;
  cleanup(): Promise<void>;
}

/** The cases against one store; with `skipped` (a reason) they are listed as skipped, with it. */
function contract(kind: string, open: () => Promise<Opened>, skipped: string | null = null) {
  (skipped ? describe.skip : describe)(`MatchStore contract: ${kind}${skipped ? ` — SKIPPED: ${skipped}` : ""}`, () => {
    let o: Opened;
    let store: MatchStore;
    const extra: MatchStore[] = [];
    beforeAll(async () => {
      o = await open();
      store = o.store;
    }, 120_000);
    afterAll(async () => {
      for (const s of extra) await s.close();
      await o?.cleanup();
    }, 60_000);
    const another = async () => {
      const s = await o.another();
      extra.push(s);
      return s;
    };

    it("creates a match header and reads it back exactly; an unknown code reads as null", async () => {
      const h = header("HEAD1");
      await store.createMatch(h);
      expect(await store.getHeader("HEAD1")).toEqual(h);
      expect(await store.getHeader("NOPE1")).toBeNull();
      expect(await store.hasMatch("HEAD1")).toBe(true);
      expect(await store.hasMatch("NOPE1")).toBe(false);
    });

    it("refuses a second match under a taken code and keeps the first", async () => {
      await store.createMatch(header("TAKEN"));
      await expect(store.createMatch(header("TAKEN", { classLabel: "intruder" }))).rejects.toThrow();
      expect((await store.getHeader("TAKEN"))?.classLabel).toBe("Year 11 — Civics");
    });

    it("numbers events 1, 2, 3 … across appends and gives them back unchanged, in order", async () => {
      await store.createMatch(header("SEQ12"));
      const events = asNew(golden.events);
      expect(await store.appendEvents("SEQ12", events.slice(0, 1))).toEqual([1]);
      expect(await store.appendEvents("SEQ12", events.slice(1, 4))).toEqual([2, 3, 4]);
      expect(await store.appendEvents("SEQ12", [])).toEqual([]);
      const odd: NewEvent = { at: 8_640_000_000_000, actor: { kind: "player", id: "p\u00e9" }, event: news("NUL \u0000, emoji \u{1F30D}, quote \" and back\\slash") };
      expect(await store.appendEvents("SEQ12", [odd])).toEqual([5]);
      const back = await store.getEvents("SEQ12");
      expect(back.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
      expect(back.slice(0, 4)).toEqual(golden.events.slice(0, 4).map((e, i) => ({ ...e, seq: i + 1 })));
      expect(back[4]).toEqual({ seq: 5, ...odd });
    });

    it("gives the events a page at a time", async () => {
      await store.createMatch(header("PAGE1"));
      await store.appendEvents("PAGE1", asNew(golden.events.slice(0, 25)));
      const all = await store.getEvents("PAGE1");
      expect(await store.getEvents("PAGE1", { after: 0, limit: 10 })).toEqual(all.slice(0, 10));
      expect(await store.getEvents("PAGE1", { after: 10, limit: 10 })).toEqual(all.slice(10, 20));
      expect(await store.getEvents("PAGE1", { after: 20, limit: 10 })).toEqual(all.slice(20));
      expect(await store.getEvents("PAGE1", { after: 25, limit: 10 })).toEqual([]);
    });

    it("refuses to append to an unknown match", async () => {
      await expect(store.appendEvents("GHOST", asNew(golden.events.slice(0, 1)))).rejects.toThrow();
      expect(await store.getEvents("GHOST")).toEqual([]);
    });

    it("appends a batch whole or not at all", async () => {
      await store.createMatch(header("ATOM1"));
      await store.appendEvents("ATOM1", asNew(golden.events.slice(0, 2)));
      const unserialisable = { at: 1, actor: { kind: "teacher" }, event: { type: "NewsPushed", text: 1n } } as unknown as NewEvent;
      await expect(store.appendEvents("ATOM1", [...asNew(golden.events.slice(2, 4)), unserialisable])).rejects.toThrow();
      expect((await store.getEvents("ATOM1")).map((e) => e.seq)).toEqual([1, 2]);
      expect(await store.appendEvents("ATOM1", asNew(golden.events.slice(2, 3)))).toEqual([3]);
    });

    it("with the last number it knows, an append succeeds only if nobody appended since (AppendConflict, nothing written)", async () => {
      await store.createMatch(header("FENCE"));
      const e = asNew(golden.events);
      expect(await store.appendEvents("FENCE", e.slice(0, 2), 0)).toEqual([1, 2]);
      expect(await store.appendEvents("FENCE", e.slice(2, 3), 2)).toEqual([3]);
      const stale = store.appendEvents("FENCE", e.slice(3, 5), 2);
      await expect(stale).rejects.toBeInstanceOf(AppendConflict);
      await expect(stale).rejects.toMatchObject({ code: "FENCE", expected: 2, actual: 3 });
      expect((await store.getEvents("FENCE")).map((e) => e.seq)).toEqual([1, 2, 3]);
    });

    it("two writers (two processes) racing on one match: every batch stays whole and the numbering has no gap or repeat", async () => {
      const other = await another();
      await store.createMatch(header("RACE1"));
      const batches = Array.from({ length: 24 }, (_, b) => Array.from({ length: 3 }, (_, i) => ({ at: 1000 + b, actor: { kind: "teacher" as const }, event: news(`batch ${b} event ${i}`) })));
      const results = await Promise.all(batches.map((batch, b) => (b % 2 ? other : store).appendEvents("RACE1", batch)));
      const all = results.flat().sort((a, b) => a - b);
      expect(all).toEqual(Array.from({ length: 72 }, (_, i) => i + 1));
      for (const seqs of results) expect(seqs).toEqual([seqs[0]!, seqs[0]! + 1, seqs[0]! + 2]);
      const back = await store.getEvents("RACE1");
      for (const [b, seqs] of results.entries()) {
        expect(seqs.map((s) => (back[s - 1]!.event as unknown as { text: string }).text)).toEqual([0, 1, 2].map((i) => `batch ${b} event ${i}`));
      }
    });

    it("two copies of one match appending on the same last number: exactly one wins", async () => {
      const other = await another();
      await store.createMatch(header("SPLIT"));
      await store.appendEvents("SPLIT", asNew(golden.events.slice(0, 1)), 0);
      const tries = await Promise.allSettled([store.appendEvents("SPLIT", [{ at: 2, actor: { kind: "teacher" }, event: news("mine") }], 1), other.appendEvents("SPLIT", [{ at: 2, actor: { kind: "teacher" }, event: news("theirs") }], 1)]);
      expect(tries.filter((t) => t.status === "fulfilled")).toHaveLength(1);
      const lost = tries.find((t) => t.status === "rejected") as PromiseRejectedResult;
      expect(lost.reason).toBeInstanceOf(AppendConflict);
      expect(await store.getEvents("SPLIT")).toHaveLength(2);
    });

    it("another process sees what this one wrote", async () => {
      const other = await another();
      await store.createMatch(header("SHARE"));
      await store.appendEvents("SHARE", asNew(golden.events.slice(0, 3)));
      await store.saveSeat("SHARE", "p1", "b".repeat(64));
      expect(await other.getHeader("SHARE")).toEqual(header("SHARE"));
      expect((await other.getEvents("SHARE")).length).toBe(3);
      expect(await other.getSeats("SHARE")).toEqual(new Map([["p1", "b".repeat(64)]]));
    });

    it("lists matches newest first, by teacher and by status, with event counts and tables", async () => {
      const mine = "c".repeat(64);
      await store.createMatch(header("LIST1", { teacherTokenHash: mine, createdAt: 1000 }));
      await store.createMatch(header("LIST2", { teacherTokenHash: mine, createdAt: 3000, status: "running", startedAt: 3100, settings: JSON.stringify({ tables: 2, rules: ["R4"] }) }));
      await store.createMatch(header("LIST3", { teacherTokenHash: mine, createdAt: 2000, status: "ended", startedAt: 2100, endedAt: 2900 }));
      await store.appendEvents("LIST2", [
        { at: 3200, actor: { kind: "teacher" }, event: news("a") },
        { at: 3300, actor: { kind: "teacher" }, event: news("b") },
      ]);
      const list = await store.listMatches({ teacherTokenHash: mine });
      expect(list.map((m) => m.code)).toEqual(["LIST2", "LIST3", "LIST1"]);
      expect(list[0]).toEqual({
        code: "LIST2",
        createdAt: 3000,
        classLabel: "Year 11 — Civics",
        scenarioId: created.scenario.id,
        scenarioVersion: created.scenario.version,
        rulesVersion: 1,
        seed: 4_294_967_295,
        status: "running",
        startedAt: 3100,
        endedAt: null,
        events: 2,
        lastEventAt: 3300,
        tables: 2,
        rules: ["R4", "R4"],
      });
      expect(list[2]).toMatchObject({ events: 0, lastEventAt: null, tables: 3, rules: ["R1", "R3", "R3"] });
      expect((await store.listMatches({ teacherTokenHash: mine, status: ["lobby", "running"] })).map((m) => m.code)).toEqual(["LIST2", "LIST1"]);
      expect(await store.listMatches({ teacherTokenHash: "d".repeat(64) })).toEqual([]);
      const everyone = await store.listMatches();
      expect(everyone.map((m) => m.code)).toEqual(expect.arrayContaining(["LIST1", "LIST2", "LIST3", "HEAD1"]));
      expect(everyone.every((m) => !("teacherTokenHash" in m) && !("settings" in m))).toBe(true);
      expect((await store.listMatches({ status: ["ended"] })).every((m) => m.status === "ended")).toBe(true);
    });

    it("records the status: started once, ended when it ends", async () => {
      await store.createMatch(header("STAT1"));
      await store.setStatus("STAT1", "running", 5000);
      await store.setStatus("STAT1", "running", 6000);
      expect(await store.getHeader("STAT1")).toMatchObject({ status: "running", startedAt: 5000, endedAt: null });
      await store.setStatus("STAT1", "ended", 7000);
      expect(await store.getHeader("STAT1")).toMatchObject({ status: "ended", startedAt: 5000, endedAt: 7000 });
      await store.setStatus("NOPE2", "ended", 1); // unknown: nothing happens
      expect(await store.getHeader("NOPE2")).toBeNull();
    });

    it("gives the exportable record of a played match, with the same final hash", async () => {
      await store.createMatch(header("REC01"));
      for (let i = 0; i < golden.events.length; i += 7) await store.appendEvents("REC01", asNew(golden.events.slice(i, i + 7)));
      const record = await store.getRecord("REC01");
      expect(record?.finalHash).toBe(golden.finalHash);
      expect(record).toEqual(buildRecord(await store.getEvents("REC01")));
      expect(await store.getRecord("NOPE3")).toBeNull();
      await store.createMatch(header("EMPTY"));
      expect(await store.getRecord("EMPTY")).toBeNull();
    });

    it("imports a whole record in one transaction, numbered from 1", async () => {
      const renumbered = golden.events.map((e, i) => ({ ...e, seq: i + 101 }));
      await store.importMatch(header("IMP01", { status: "ended", endedAt: 9000 }), renumbered);
      const back = await store.getEvents("IMP01");
      expect(back.map((e) => e.seq)).toEqual(golden.events.map((_, i) => i + 1));
      expect((await store.getRecord("IMP01"))?.finalHash).toBe(golden.finalHash);
      expect((await store.listMatches({ status: ["ended"] })).find((m) => m.code === "IMP01")).toMatchObject({ events: golden.events.length, lastEventAt: golden.events.at(-1)!.at });
      // The next append continues the numbering.
      expect(await store.appendEvents("IMP01", [{ at: 1, actor: { kind: "teacher" }, event: news("after") }], golden.events.length)).toEqual([golden.events.length + 1]);
    });

    it("an import that fails leaves nothing behind", async () => {
      await store.createMatch(header("IMP02"));
      await store.appendEvents("IMP02", asNew(golden.events.slice(0, 2)));
      await expect(store.importMatch(header("IMP02"), golden.events)).rejects.toThrow();
      expect((await store.getEvents("IMP02")).length).toBe(2);
      const broken = [...golden.events.slice(0, 3), { seq: 4, at: 1, actor: { kind: "teacher" }, event: { type: "NewsPushed", text: 2n } } as unknown as RecordedEvent];
      await expect(store.importMatch(header("IMP03"), broken)).rejects.toThrow();
      expect(await store.getHeader("IMP03")).toBeNull();
      expect(await store.getEvents("IMP03")).toEqual([]);
    });

    it("keeps replay links (hashed) for one match each", async () => {
      await store.createMatch(header("LINK1"));
      await store.saveReplayLink("LINK1", "e".repeat(64), 1);
      await store.saveReplayLink("LINK1", "f".repeat(64), 2);
      expect(await store.replayLinkMatch("e".repeat(64))).toBe("LINK1");
      expect(await store.replayLinkMatch("f".repeat(64))).toBe("LINK1");
      expect(await store.replayLinkMatch("0".repeat(64))).toBeNull();
      await expect(store.saveReplayLink("NOPE4", "1".repeat(64), 3)).rejects.toThrow();
    });

    it("keeps whether a replay link shows nicknames (by default it does not)", async () => {
      await store.createMatch(header("LINK2"));
      await store.saveReplayLink("LINK2", "7".repeat(64), 1);
      await store.saveReplayLink("LINK2", "8".repeat(64), 2, { nicknames: true });
      expect(await store.replayLink("7".repeat(64))).toEqual({ match: "LINK2", nicknames: false });
      expect(await store.replayLink("8".repeat(64))).toEqual({ match: "LINK2", nicknames: true });
      expect(await store.replayLink("9".repeat(64))).toBeNull();
    });

    it("knows a teacher from their first match or import, and still after their last match is deleted", async () => {
      const teacher = "7c".repeat(32);
      expect(await store.isTeacher(teacher)).toBe(false);
      await store.createMatch(header("TCH01", { teacherTokenHash: teacher }));
      expect(await store.isTeacher(teacher)).toBe(true);
      await store.deleteMatch("TCH01");
      expect(await store.isTeacher(teacher)).toBe(true);
      const importer = "7d".repeat(32);
      await store.importMatch(header("TCH02", { teacherTokenHash: importer, status: "ended" }), golden.events);
      expect(await store.isTeacher(importer)).toBe(true);
      await store.addTeacher("7b".repeat(32), 5);
      await store.addTeacher("7b".repeat(32), 6);
      expect(await store.isTeacher("7b".repeat(32))).toBe(true);
    });

    it("remembers where an imported record came from", async () => {
      await store.importMatch(header("ORG01", { status: "ended", imported: "verified" }), golden.events);
      await store.importMatch(header("ORG02", { status: "ended", imported: "checked" }), golden.events);
      expect(await store.getHeader("ORG01")).toMatchObject({ imported: "verified" });
      expect(await store.getHeader("ORG02")).toMatchObject({ imported: "checked" });
      expect(await store.getHeader("REC01")).not.toHaveProperty("imported");
      const listed = await store.listMatches({ teacherTokenHash: "a".repeat(64) });
      expect(listed.find((m) => m.code === "ORG02")).toMatchObject({ imported: "checked" });
    });

    it("keeps seat secrets (hashed): saved, replaced, revoked, per match", async () => {
      await store.createMatch(header("SEAT1"));
      await store.createMatch(header("SEAT2"));
      await store.saveSeat("SEAT1", "p1", "1".repeat(64));
      await store.saveSeat("SEAT1", "p2", "2".repeat(64));
      await store.saveSeat("SEAT1", "p1", "3".repeat(64));
      await store.saveSeat("SEAT2", "p1", "4".repeat(64));
      expect(await store.getSeats("SEAT1")).toEqual(new Map([["p1", "3".repeat(64)], ["p2", "2".repeat(64)]]));
      await store.revokeSeat("SEAT1", "p1");
      expect(await store.getSeats("SEAT1")).toEqual(new Map([["p2", "2".repeat(64)]]));
      expect(await store.getSeats("SEAT2")).toEqual(new Map([["p1", "4".repeat(64)]]));
      expect(await store.getSeats("NOPE5")).toEqual(new Map());
    });

    it("keeps a teacher's uploaded scenarios under their key only: saved, listed newest first, replaced by id, deleted", async () => {
      const ana = "5a".repeat(32);
      const ben = "5b".repeat(32);
      const text = JSON.stringify({ ...created.scenario, title: "Übung: \u00abWho decides?\u00bb — 🌍" });
      await store.saveScenario(ana, { id: "first", title: "First", version: 1, json: text, uploadedAt: 10 });
      await store.saveScenario(ana, { id: "second", title: "Second", version: 2, json: "{}", uploadedAt: 20 });
      await store.saveScenario(ben, { id: "first", title: "Ben's first", version: 7, json: "{\"b\":1}", uploadedAt: 15 });
      expect((await store.listScenarios(ana)).map((s) => s.id)).toEqual(["second", "first"]);
      expect(await store.getScenario(ana, "first")).toEqual({ id: "first", title: "First", version: 1, json: text, uploadedAt: 10 });
      expect(await store.getScenario(ben, "first")).toEqual({ id: "first", title: "Ben's first", version: 7, json: "{\"b\":1}", uploadedAt: 15 });
      expect(await store.getScenario(ben, "second")).toBeNull();
      expect(await store.listScenarios("5c".repeat(32))).toEqual([]);
      // A new upload with the same id replaces that teacher's copy, and nobody else's.
      await store.saveScenario(ana, { id: "first", title: "First, revised", version: 2, json: "{\"v\":2}", uploadedAt: 30 });
      expect(await store.getScenario(ana, "first")).toEqual({ id: "first", title: "First, revised", version: 2, json: "{\"v\":2}", uploadedAt: 30 });
      expect((await store.listScenarios(ana)).map((s) => s.id)).toEqual(["first", "second"]);
      expect((await store.getScenario(ben, "first"))?.version).toBe(7);
      expect(await store.deleteScenario(ben, "second")).toBe(false);
      expect(await store.deleteScenario(ana, "second")).toBe(true);
      expect(await store.deleteScenario(ana, "second")).toBe(false);
      expect((await store.listScenarios(ana)).map((s) => s.id)).toEqual(["first"]);
      // Another process sees them too.
      expect((await (await another()).getScenario(ana, "first"))?.title).toBe("First, revised");
    });

    it("deletes a match with its events, seats and links; the code can be used again from event 1", async () => {
      await store.createMatch(header("DEL01"));
      await store.appendEvents("DEL01", asNew(golden.events.slice(0, 3)));
      await store.saveSeat("DEL01", "p1", "5".repeat(64));
      await store.saveReplayLink("DEL01", "6".repeat(64), 1);
      expect(await store.deleteMatch("DEL01")).toBe(true);
      expect(await store.deleteMatch("DEL01")).toBe(false);
      expect(await store.hasMatch("DEL01")).toBe(false);
      expect(await store.getEvents("DEL01")).toEqual([]);
      expect(await store.getSeats("DEL01")).toEqual(new Map());
      expect(await store.replayLinkMatch("6".repeat(64))).toBeNull();
      await store.createMatch(header("DEL01"));
      expect(await store.appendEvents("DEL01", asNew(golden.events.slice(0, 1)), 0)).toEqual([1]);
    });
  });
}

contract("SQLite file", async () => {
  const dir = mkdtempSync(join(tmpdir(), "rough-consensus-contract-"));
  const file = join(dir, "records.sqlite");
  const store = new SqliteMatchStore(file);
  return {
    store,
    another: async () => new SqliteMatchStore(file),
    async cleanup() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

// ---- PostgreSQL ------------------------------------------------------------------------------

const noPostgres = postgresUnavailable();
if (noPostgres && !inCI()) {
  console.warn(`[store contract] PostgreSQL cases SKIPPED: ${noPostgres}`);
}

if (noPostgres && inCI()) {
  describe("PostgreSQL under CI", () => {
    it("is installed (CI runs the PostgreSQL store contract, it never skips it)", () => {
      expect.fail(`CI=true but PostgreSQL cannot run here: ${noPostgres}`);
    });
  });
}

let server: RunningPostgres | null = null;
const dropAll: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const drop of dropAll) await drop();
  await server?.stop();
}, 60_000);

async function postgres(): Promise<RunningPostgres> {
  server ??= await startPostgres();
  return server;
}

contract(
  "PostgreSQL",
  async () => {
    const db = await (await postgres()).database();
    dropAll.push(db.drop);
    const store = new PostgresMatchStore(db.url);
    await store.ready;
    return { store, another: async () => new PostgresMatchStore(db.url), cleanup: () => store.close() };
  },
  noPostgres,
);

{
  (noPostgres ? describe.skip : describe)(`PostgreSQL migrations${noPostgres ? ` — SKIPPED: ${noPostgres}` : ""}`, () => {
    it("several processes starting at once create the schema exactly once", async () => {
      const db = await (await postgres()).database();
      dropAll.push(db.drop);
      const stores = Array.from({ length: 4 }, () => new PostgresMatchStore(db.url));
      await Promise.all(stores.map((s) => s.ready));
      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      try {
        const { rows } = await c.query<{ version: number }>("SELECT version FROM schema_migrations ORDER BY version");
        expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
      } finally {
        await c.end();
        for (const s of stores) await s.close();
      }
    }, 60_000);

    it("a database migrated by a newer server is refused with the reason", async () => {
      const db = await (await postgres()).database();
      dropAll.push(db.drop);
      const first = new PostgresMatchStore(db.url);
      await first.ready;
      await first.close();
      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      await c.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'from the future', 0)");
      await c.end();
      const later = new PostgresMatchStore(db.url);
      await expect(later.ready).rejects.toThrow(/version 999, newer than this server knows/);
      await expect(later.hasMatch("ABCDE")).rejects.toThrow(/newer than this server knows/);
      await later.close();
    }, 60_000);

    it("an unreachable database is a clear error, not a hang", async () => {
      const store = new PostgresMatchStore("postgres://rc:wrong@127.0.0.1:1/none", { poolSize: 1 });
      await expect(store.ready).rejects.toThrow(/ECONNREFUSED|connect/);
      await store.close();
    });
  });
}
