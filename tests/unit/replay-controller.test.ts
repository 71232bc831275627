// The replay screen's controller over a golden record: every verb ends in jump(), moments are
// clamped to the record, j/k walk the key moments, playback steps on a clock, "everything" is
// for the teacher only, and the address's view text round-trips.
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ReplayController, viewChoiceOf, viewChoiceText, type Access } from "../../client/replay/replay-controller.js";
import { openRecord, type MatchRecord } from "../../shared/index.js";

const record = JSON.parse(readFileSync(new URL("../fixtures/golden/scripted-match.json", import.meta.url), "utf8")) as MatchRecord;

function controller(access: Access = "teacher", at: number | null = null, view = viewChoiceOf(null)) {
  const opened = openRecord(record);
  if (!opened.ok) throw new Error(opened.reason);
  return new ReplayController({ code: "ABCDE", replay: opened.replay, events: record.events, finalHash: record.finalHash, access, at, view });
}

afterEach(() => vi.useRealTimers());

describe("the replay controller", () => {
  it("opens at the end by default, or at the moment in the address, clamped to the record", () => {
    expect(controller().moment).toBe(record.events.length);
    expect(controller("teacher", 5).moment).toBe(5);
    expect(controller("teacher", 10 ** 6).moment).toBe(record.events.length);
    expect(controller("teacher", -3).moment).toBe(1);
  });

  it("steps, goes to the start and the end, and walks the key moments with j and k", () => {
    const c = controller("teacher", 1);
    c.step(1);
    c.step(1);
    expect(c.moment).toBe(3);
    c.step(-1);
    expect(c.moment).toBe(2);
    const ats = c.markers.map((m) => m.at);
    c.nextMarker();
    expect(c.moment).toBe(ats.find((at) => at > 2));
    c.nextMarker();
    c.previousMarker();
    expect(c.moment).toBe(ats.find((at) => at > 2));
    c.last();
    expect(c.moment).toBe(record.events.length);
    c.first();
    expect(c.moment).toBe(1);
  });

  it("plays one event per step, faster at a higher speed, and stops at the end", () => {
    vi.useFakeTimers();
    const c = controller("teacher", record.events.length - 3);
    c.setSpeed(2);
    c.togglePlay();
    expect(c.playing).toBe(true);
    vi.advanceTimersByTime(300);
    expect(c.moment).toBe(record.events.length - 2);
    vi.advanceTimersByTime(3000);
    expect(c.moment).toBe(record.events.length);
    expect(c.playing).toBe(false);
    c.togglePlay(); // from the end, play starts again at the beginning
    expect(c.moment).toBe(1);
    c.step(1); // any step pauses
    expect(c.playing).toBe(false);
  });

  it("shows everything to the teacher only; a replay link sees the projector or a role", () => {
    expect(controller("link", null, { kind: "everything" }).choice).toEqual({ kind: "projector" });
    const teacher = controller("teacher", null, { kind: "everything" });
    expect(teacher.choice).toEqual({ kind: "everything" });
    expect(teacher.view.viewer).toBe("teacher");
    const link = controller("link");
    link.setView({ kind: "everything" });
    expect(link.choice).toEqual({ kind: "projector" });
    link.setView({ kind: "role", table: 0, role: "CS-S" });
    expect(link.view.briefing?.role).toBe("CS-S");
    link.setView({ kind: "role", table: 7, role: "CS-S" }); // no such table: ignored
    expect(link.choice).toEqual({ kind: "role", table: 0, role: "CS-S" });
  });

  it("shows at every moment exactly the view a fresh fold gives, whichever way it got there", () => {
    const c = controller("teacher", 1, { kind: "role", table: 0, role: "TECH" });
    const opened = openRecord(record);
    if (!opened.ok) throw new Error(opened.reason);
    const fresh = (m: number) => JSON.stringify(opened.replay.viewAt(m, { kind: "role", table: 0, role: "TECH" }));
    const early = c.view;
    const moments = [2, 3, 10, 9, 40, 41, 42, 5, record.events.length, 1, 77, 78];
    for (const m of moments) {
      c.jump(m);
      expect(JSON.stringify(c.view), `moment ${m}`).toBe(fresh(m));
    }
    // Views handed out earlier are not changed by moving on.
    expect(JSON.stringify(early)).toBe(fresh(1));
  });

  it("reads and writes the view in the address", () => {
    for (const text of ["projector", "everything", "role:0:CS-S", "role:2:NGO-N"]) expect(viewChoiceText(viewChoiceOf(text)!)).toBe(text);
    expect(viewChoiceOf("role:x:TECH")).toBeNull();
    expect(viewChoiceOf("<script>")).toBeNull();
  });
});
