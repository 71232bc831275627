// Given-when-then: the phase clock (shared/rules/handlers/clock.ts): ticks from the room's clock,
// and the teacher's skip, pause, resume and extend.
import { describe, expect, it } from "vitest";
import { timersOf } from "../../../shared/rules/settings.js";
import { Match, SYSTEM, T0, TEACHER, player } from "../../helpers/engine.js";
import { expectRejected, types } from "./given.js";

/** Seconds of the briefing clock: the lesson plan sets it from the scenario's longest role card. */
const briefingOf = (m: Match) => timersOf(m.s.settings, m.s.scenario).briefing;

describe("the clock", () => {
  it("a tick before the deadline is refused; at the deadline it advances", () => {
    const m = new Match().seatEveryone().start();
    expectRejected(m, { type: "Tick" }, "clock-not-due", SYSTEM);
    // Only the room's own clock ticks: not a student, not the teacher (who skips with AdvancePhase).
    expectRejected(m, { type: "Tick" }, "system-only", player("tech"));
    expectRejected(m, { type: "Tick" }, "system-only", TEACHER);
    m.wait(briefingOf(m) - 1);
    expectRejected(m, { type: "Tick" }, "clock-not-due", SYSTEM);
    m.wait(1);
    expect(types(m.ok({ type: "Tick" }, SYSTEM))).toEqual(["PhaseChanged"]);
    expect(m.s.phase).toBe("travel");
  });
  it("pause, extend while paused, resume", () => {
    const m = new Match().seatEveryone().start().wait(20);
    const left = (briefingOf(m) - 20) * 1000;
    m.ok({ type: "PauseClock" });
    expect(m.s.clock).toEqual({ deadline: null, pausedRemaining: left });
    expectRejected(m, { type: "PauseClock" }, "clock-paused");
    expectRejected(m, { type: "Tick" }, "clock-paused", SYSTEM);
    m.ok({ type: "ExtendClock", seconds: 30 });
    m.wait(500);
    m.ok({ type: "ResumeClock" });
    expect(m.s.clock.deadline).toBe(m.now + left + 30_000);
    expectRejected(m, { type: "ResumeClock" }, "clock-running");
  });
  it("extends a running clock within bounds", () => {
    const m = new Match().seatEveryone().start();
    m.ok({ type: "ExtendClock", seconds: 60 });
    expect(m.s.clock.deadline).toBe(T0 + (briefingOf(m) + 60) * 1000);
    expectRejected(m, { type: "ExtendClock", seconds: 0 }, "bad-duration");
    expectRejected(m, { type: "ExtendClock", seconds: 1.5 }, "bad-duration");
  });
  it("the teacher skips a phase", () => {
    const m = new Match().seatEveryone().start();
    m.ok({ type: "AdvancePhase" });
    expect(m.s.phase).toBe("travel");
  });
});
