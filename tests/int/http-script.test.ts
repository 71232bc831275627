// The way another program would use the server: create a match over real HTTP, join by code
// with @colyseus/sdk, play; list and export matches with the teacher token; and let the room's
// clock move a phase on its own, recorded as the system's Tick (on a ManualClock: the test
// moves the room's time past the deadline instead of waiting for it).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "@colyseus/sdk";
import { BASE, cmd, createMatch, eventually, held, join, leaveAll, liveState, ok, startServer, track, type Device, type TestServer } from "./helpers.js";
import { ManualClock } from "../helpers/manual-clock.js";
import type { MatchRecord } from "../../shared/replay/record.js";

let s: TestServer;
const open: Device[] = [];
const clock = new ManualClock();

beforeAll(async () => {
  s = await startServer({ clock });
});
afterAll(async () => {
  await leaveAll(open);
  await s.close();
});

describe("the HTTP API and a scripted client", () => {
  it("answers health and serves a page at /", async () => {
    const health = await fetch(`${BASE}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ ok: true });
    const page = await fetch(`${BASE}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    expect((await fetch(`${BASE}/api/nope`)).status).toBe(404);
  });

  it("validates settings when creating a match", async () => {
    const bad = await fetch(`${BASE}/api/matches`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ settings: { tables: 99 } }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: unknown }).error).toMatchObject({ code: "bad-settings", issues: [{ path: "tables" }] });
    const notJson = await fetch(`${BASE}/api/matches`, { method: "POST", headers: { "content-type": "application/json" }, body: "{oops" });
    expect(notJson.status).toBe(400);
    const unknownToken = await fetch(`${BASE}/api/matches`, { method: "POST", headers: { authorization: "Bearer made-up" }, body: "{}" });
    expect(unknownToken.status).toBe(401);
  });

  it("creates a match over HTTP, joins by code with the SDK and plays; the clock ticks by itself", async () => {
    const res = await fetch(`${BASE}/api/matches`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ settings: { classLabel: "Script", timerPreset: "custom", timers: { briefing: 10, travel: 10, negotiation: 10, decision: 10, outcome: 10 } } }),
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as { code: string; teacherToken: string; links: Record<string, string> };
    expect(created.code).toMatch(/^[A-HJ-NP-Z2-9]{5}$/);
    expect(created.teacherToken.length).toBeGreaterThanOrEqual(22);
    expect(created.links.join).toContain(created.code);
    expect(created.links.teacher).toContain(`#token=${created.teacherToken}`);

    const client = new Client(BASE);
    const teacherRoom = await client.joinById(created.code, { as: "teacher", teacherToken: created.teacherToken });
    const studentRoom = await new Client(BASE).joinById(created.code, { as: "player", nickname: "Scripted" });
    const teacher = track("teacher", teacherRoom, { kind: "teacher" }, client);
    const student = track("student", studentRoom, { kind: "projector" }, client);
    open.push(teacher, student);
    await ok(teacher, { type: "FillWithBots" });
    expect((await cmd(teacher, { type: "AssignRolesAutomatically" })).ok).toBe(true);
    await ok(teacher, { type: "StartMatch" });
    await eventually(() => student.sync.state?.view.phase === "briefing", 2000, "briefing");
    const deadline = held(student).view.clock.deadline!;
    expect(deadline).toBe(clock.now() + 10_000);
    // Nobody touches anything: the room's clock closes the briefing at the deadline, not before.
    clock.advance(deadline - clock.now() - 1);
    expect(liveState(s, created.code).phase).toBe("briefing");
    clock.advance(1000);
    await eventually(() => student.sync.state?.view.phase === "travel", 2000, "the clock to move on to travel");
    expect(clock.now()).toBeGreaterThanOrEqual(deadline);
    await ok(student, { type: "BookTravel", mode: "in-person" });

    // The teacher lists their matches and exports the record.
    const list = await fetch(`${BASE}/api/matches`, { headers: { authorization: `Bearer ${created.teacherToken}` } });
    expect(list.status).toBe(200);
    const { matches } = (await list.json()) as { matches: { code: string; status: string; live: boolean }[] };
    expect(matches).toEqual([expect.objectContaining({ code: created.code, status: "running", live: true })]);
    expect((await fetch(`${BASE}/api/matches`)).status).toBe(401);
    const record = (await (await fetch(`${BASE}/api/matches/${created.code}/record`, { headers: { authorization: `Bearer ${created.teacherToken}` } })).json()) as MatchRecord;
    const tick = record.events.find((e) => e.event.type === "PhaseChanged" && e.event.reason === "clock");
    expect(tick?.actor).toEqual({ kind: "system" });

    // The same token can open a second match; the list then shows both.
    const second = await createMatch({}, created.teacherToken);
    expect(second.teacherToken).toBe(created.teacherToken);
    const both = (await (await fetch(`${BASE}/api/matches`, { headers: { authorization: `Bearer ${created.teacherToken}` } })).json()) as { matches: unknown[] };
    expect(both.matches).toHaveLength(2);
    // ...and delete it again.
    const del = await fetch(`${BASE}/api/matches/${second.code}`, { method: "DELETE", headers: { authorization: `Bearer ${created.teacherToken}` } });
    expect(del.status).toBe(200);
    await expect(join(second.code, { as: "projector" })).rejects.toThrow();
  }, 30_000);
});
