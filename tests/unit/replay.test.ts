// Replay: golden records replay to their stored hash; any moment can be seen as any viewer;
// damaged or foreign records are refused with a reason.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RULES_VERSION, fold, hashState, markers, openRecord, foldRecord, type MatchRecord } from "../../shared/index.js";
import { debrief } from "../../shared/analysis/index.js";

const golden = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/golden/${name}`, import.meta.url), "utf8")) as MatchRecord;

describe("golden records", () => {
  it.each(["scripted-match.json", "long-match-2000.json"])("%s replays to its stored final hash", (name) => {
    const record = golden(name);
    expect(record.rulesVersion).toBe(RULES_VERSION);
    expect(hashState(foldRecord(record))).toBe(record.finalHash);
    const opened = openRecord(record);
    expect(opened.ok).toBe(true);
  });

  it("the scripted match still ends with the outcomes it was recorded with", () => {
    const state = foldRecord(golden("scripted-match.json"))!;
    expect(state.tables[0]!.rounds.map((r) => r.decision?.adopted)).toEqual(["A2", "B1", "C2"]);
  });
});

describe("seeking and viewing", () => {
  const record = golden("scripted-match.json");
  const opened = openRecord(record);
  if (!opened.ok) throw new Error(opened.reason);
  const replay = opened.replay;

  it("shows any moment as a role saw it then, with other roles' secrets hidden", () => {
    const firstCorridor = record.events.findIndex((e) => e.event.type === "CorridorMessageSent") + 1;
    const asLdc = replay.viewAt(firstCorridor, { kind: "role", table: 0, role: "LDC" });
    const asUsg = replay.viewAt(firstCorridor, { kind: "role", table: 0, role: "USG" });
    expect(asLdc.tables[0]!.corridor).toHaveLength(1);
    expect(asUsg.tables[0]!.corridor).toHaveLength(0);
    expect(asLdc.briefing!.role).toBe("LDC");
    expect(asLdc.briefing!.payoffs.A!.A2).toBeNull(); // LDC never bought the briefing
    expect(replay.viewAt(firstCorridor - 1, { kind: "role", table: 0, role: "LDC" }).tables[0]!.corridor).toHaveLength(0);
  });

  it("the projector view of every moment holds no payoffs until the end", () => {
    for (let n = 1; n < replay.length; n += 7) {
      const v = replay.viewAt(n, { kind: "projector" });
      expect(v.scenario.dossiers.flatMap((d) => d.options).every((o) => o.payoffs === undefined)).toBe(true);
    }
    expect(replay.viewAt(replay.length, { kind: "projector" }).status).toBe("ended");
  });

  it("clamps moments to the record", () => {
    expect(replay.stateAt(-5).status).toBe("lobby");
    expect(replay.stateAt(10 ** 9).status).toBe("ended");
  });

  it("marks the key moments, capture flags included", () => {
    const events = record.events.map((e) => e.event);
    const flags = debrief(events).tables[0]!.marks.map((m) => ({ at: m.after.at + 1, roles: [...m.funders.map((f) => f.role), m.role], label: `${m.role} moved toward ${m.option}`, round: m.round, table: 0 }));
    const list = markers(events, flags);
    const kinds = new Set(list.map((m) => m.kind));
    for (const k of ["round", "fellowship-offered", "fellowship-accepted", "grant", "tabled", "decision", "end"]) expect(kinds).toContain(k);
    expect(list.filter((m) => m.kind === "decision").map((m) => m.label)).toEqual([
      "Decided: A2 (consensus)",
      "Decided: B1 (the status quo stands)",
      "Decided: C2 (consensus)",
    ]);
    expect(list.find((m) => m.kind === "fellowship-accepted")!.roles).toEqual(["TECH", "LDC"]);
    expect(list.map((m) => m.at)).toEqual([...list.map((m) => m.at)].sort((a, b) => a - b));
  });
});

describe("opening untrusted records", () => {
  const record = golden("scripted-match.json");
  const copy = () => JSON.parse(JSON.stringify(record)) as MatchRecord;

  it("refuses a file that is not a record", () => {
    expect(openRecord("hello")).toEqual({ ok: false, reason: "This is not a match record." });
    expect(openRecord({ format: "something-else" })).toEqual({ ok: false, reason: "This file is not a Rough Consensus match record." });
  });
  it("refuses a record from another rules version, saying so", () => {
    const r = copy();
    r.rulesVersion = RULES_VERSION + 1;
    const opened = openRecord(r);
    expect(opened.ok).toBe(false);
    expect(!opened.ok && opened.reason).toContain(`rules version ${RULES_VERSION + 1}`);
  });
  it("refuses an edited record: it no longer replays to its stored hash", () => {
    const r = copy();
    const grant = r.events.find((e) => e.event.type === "GrantGiven")!.event as { amount: number };
    grant.amount = 1;
    expect(openRecord(r)).toMatchObject({ ok: false, reason: expect.stringContaining("edited or damaged") });
  });
  it("refuses a damaged record with the event that broke", () => {
    const r = copy();
    r.events.splice(3, 0, { seq: 0, at: 0, actor: { kind: "system" }, event: { type: "PlayerRenamed", player: "ghost", nickname: "Boo" } });
    expect(openRecord(r)).toEqual({ ok: false, reason: "This record is damaged at event 4 (PlayerRenamed); it cannot be replayed." });
    const s = copy() as unknown as { events: unknown[] };
    s.events = [{ seq: 1 }];
    expect(openRecord(s)).toMatchObject({ ok: false, reason: expect.stringContaining("damaged") });
  });
});

describe("the sliced state hash", () => {
  it("gives exactly hashState's answer for the golden records", async () => {
    const { hashStateSliced } = await import("../../shared/replay/hash.js");
    const { longMatchEvents } = await import("../helpers/long-match.js");
    for (const state of [fold(longMatchEvents(1500)), fold(longMatchEvents(200)), foldRecord(golden("scripted-match.json"))]) {
      const run = hashStateSliced(state);
      let step = run.next();
      let pauses = 0;
      while (!step.done) {
        pauses++;
        step = run.next();
      }
      expect(step.value).toBe(hashState(state));
      expect(pauses).toBeGreaterThan(10);
    }
  });
});
