// Records are served without holding up live rooms. A long record (6,000 events) is imported
// by its teacher; while eight copies of it download at once, /api/health and a live room's
// request are answered — before the first download has finished, because exports are
// streamed in slices rather than built in one go. The event loop's longest stall during the
// downloads is printed (a figure, not a pass mark: the machine is shared).
import { monitorEventLoopDelay } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildRecord } from "../../shared/replay/record.js";
import { longMatchRecorded } from "../helpers/long-match.js";
import { BASE, cmd, createMatch, join, leaveAll, startServer, type Device, type TestServer } from "./helpers.js";

let s: TestServer;
const devices: Device[] = [];

beforeAll(async () => {
  s = await startServer();
});
afterAll(async () => {
  await leaveAll(devices);
  await s.close();
});

describe("records under load", () => {
  it("answers health and a live room while eight long records download", async () => {
    const live = await createMatch({ classLabel: "Live class" });
    const student = await join(live.code, { as: "player", nickname: "Ana" }, "Ana");
    devices.push(student);
    const file = JSON.stringify(buildRecord(longMatchRecorded(6000)));
    const imported = await fetch(`${BASE}/api/matches/import`, { method: "POST", headers: { authorization: `Bearer ${live.teacherToken}` }, body: file });
    expect(imported.status).toBe(201);
    const { code } = (await imported.json()) as { code: string };

    const finished: number[] = [];
    const stall = monitorEventLoopDelay({ resolution: 5 });
    stall.enable();
    const started = performance.now();
    const downloads = Array.from({ length: 8 }, async () => {
      const res = await fetch(`${BASE}/api/matches/${code}/record`, { headers: { authorization: `Bearer ${live.teacherToken}` } });
      const text = await res.text();
      finished.push(performance.now());
      expect(res.status).toBe(200);
      return text.length;
    });
    // Once the downloads are under way, the others ask.
    await new Promise((r) => setImmediate(r));
    const health = fetch(`${BASE}/api/health`).then(async (r) => ({ status: r.status, at: performance.now() }));
    const room = cmd(student, { type: "RenamePlayer", player: student.viewer.kind === "player" ? student.viewer.id : "", nickname: "Ana Lu" }).then((reply) => ({ reply, at: performance.now() }));
    const [h, r, sizes] = await Promise.all([health, room, Promise.all(downloads)]);
    stall.disable();

    expect(h.status).toBe(200);
    expect(r.reply).toEqual({ ok: true });
    const firstDone = Math.min(...finished);
    expect(h.at, "health answered before the first download finished").toBeLessThan(firstDone);
    expect(r.at, "the live room answered before the first download finished").toBeLessThan(firstDone);
    expect(new Set(sizes).size).toBe(1);
    console.log(
      `[records load] 8 downloads of ${(sizes[0]! / 1e6).toFixed(1)} MB: all done in ${Math.round(Math.max(...finished) - started)} ms; ` +
        `health after ${Math.round(h.at - started)} ms, a room request after ${Math.round(r.at - started)} ms; ` +
        `longest event-loop stall ${Math.round(stall.max / 1e6)} ms (p99 ${Math.round(stall.percentile(99) / 1e6)} ms)`,
    );
  }, 120_000);
});
