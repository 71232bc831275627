// Bots in a live room: three students and six bots play a whole match through the real server;
// the bots act through the same dispatch path as people, on their own seat's view.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashState } from "../../shared/replay/hash.js";
import { foldRecord, type MatchRecord } from "../../shared/replay/record.js";
import { BASE, createMatch, eventually, held, join, leaveAll, liveState, ok, serverRoom, startServer, type Device, type TestServer } from "./helpers.js";

let s: TestServer;
const open: Device[] = [];

beforeAll(async () => {
  s = await startServer({ botPace: "instant" });
});
afterAll(async () => {
  await leaveAll(open);
  await s.close();
});

describe("a class of three with six bots", () => {
  it("plays to the end: bots fill the empty seats at the start and take part in every round", async () => {
    const { code, teacherToken } = await createMatch({ bots: true });
    const teacher = await join(code, { as: "teacher", teacherToken }, "teacher");
    const students = await Promise.all(["Ana", "Ben", "Cy"].map((n) => join(code, { as: "player", nickname: n }, n)));
    open.push(teacher, ...students);
    await ok(teacher, { type: "AssignRolesAutomatically" });
    await ok(teacher, { type: "StartMatch" });
    const state = () => liveState(s, code);
    const bots = Object.values(state().players).filter((p) => p.kind === "bot");
    expect(bots).toHaveLength(6);

    for (let guard = 0; state().status !== "ended" && guard < 40; guard++) {
      const before = `${state().round}/${state().phase}`;
      // The bots act at once, one after another: the phase moves on when all of them are done.
      await eventually(() => serverRoom(s, code).botsIdle, 10_000, `the bots to finish ${before}`);
      // The students take part remotely (nobody offers them a trip they could have accepted).
      if (state().phase === "travel") for (const st of students) await ok(st, { type: "BookTravel", mode: "remote" });
      await ok(teacher, { type: "AdvancePhase" });
      await eventually(() => `${state().round}/${state().phase}` !== before || state().status === "ended", 3000, "the next phase");
    }
    const final = state();
    expect(final.status).toBe("ended");
    const table = final.tables[0]!;
    expect(table.rounds.map((r) => r.decision?.adopted)).toHaveLength(3);
    expect(table.rounds.every((r) => r.decision !== null)).toBe(true);
    const botRoles = new Set(bots.map((b) => b.role));
    // Bots spoke, tabled options and took positions in every round.
    expect(table.statements.some((x) => botRoles.has(x.role))).toBe(true);
    for (const r of table.rounds) {
      expect(r.tabled.length).toBeGreaterThan(0);
      expect(Object.keys(r.positions).some((role) => botRoles.has(role))).toBe(true);
    }
    // Everything the bots did is in the record, and the record folds to the live state.
    const res = await fetch(`${BASE}/api/matches/${code}/record`, { headers: { authorization: `Bearer ${teacherToken}` } });
    const record = (await res.json()) as MatchRecord;
    expect(hashState(foldRecord(record))).toBe(hashState(final));
    expect(held(students[0]!).view.status).toBe("ended");
  });
});
