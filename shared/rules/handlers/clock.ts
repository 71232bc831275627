// The phase clock: the room's own clock ticks (as the system) when a deadline passes; the
// teacher skips, pauses, resumes and extends. Closing a phase settles it (see phases.ts).
import { LIMITS } from "../commands.js";
import { advance } from "../phases.js";
import { no, ok, type Handlers } from "./context.js";

export const CLOCK: Handlers<"Tick" | "AdvancePhase" | "PauseClock" | "ResumeClock" | "ExtendClock"> = {
  Tick: {
    by: "system",
    decide: (_command, { state, now }) => {
      if (state.clock.deadline === null) return no("clock-paused");
      if (now < state.clock.deadline) return no("clock-not-due");
      return ok(...advance(state, now, "clock"));
    },
  },

  AdvancePhase: {
    by: "teacher",
    decide: (_command, { state, now }) => ok(...advance(state, now, "teacher")),
  },

  PauseClock: {
    by: "teacher",
    decide: (_command, { state, now }) => {
      if (state.clock.deadline === null) return no("clock-paused");
      return ok({ type: "ClockPaused", remaining: Math.max(0, state.clock.deadline - now), at: now });
    },
  },

  ResumeClock: {
    by: "teacher",
    decide: (_command, { state, now }) => {
      if (state.clock.pausedRemaining === null) return no("clock-running");
      return ok({ type: "ClockResumed", deadline: now + state.clock.pausedRemaining, at: now });
    },
  },

  ExtendClock: {
    by: "teacher",
    decide: (command, { state }) => {
      const s = command.seconds;
      if (!Number.isInteger(s) || s < 1 || s > LIMITS.maxExtendSeconds) return no("bad-duration");
      const { deadline, pausedRemaining } = state.clock;
      return ok({
        type: "ClockExtended",
        seconds: s,
        deadline: deadline === null ? null : deadline + s * 1000,
        remaining: pausedRemaining === null ? null : pausedRemaining + s * 1000,
      });
    },
  },
};
