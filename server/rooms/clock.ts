// The time a room lives by: the clock that stamps commands, decides when a phase is due and
// paces bots. Rooms take it from the server context, so a test can pass a ManualClock
// (tests/helpers/manual-clock.ts) and run a ten-minute phase in milliseconds.
export interface RoomTimer {
  clear(): void;
}

export interface RoomClock {
  /** Epoch milliseconds. */
  now(): number;
  /** Calls `fn` once `ms` milliseconds of this clock have passed. */
  setTimeout(fn: () => void, ms: number): RoomTimer;
}

/** The wall clock. */
export const realClock: RoomClock = {
  now: () => Date.now(),
  setTimeout(fn, ms) {
    const timer = setTimeout(fn, ms);
    return { clear: () => clearTimeout(timer) };
  },
};
