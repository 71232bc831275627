// A room clock that moves only when a test says so: `advance(ms)` moves the time on and runs,
// in time order, every timer that falls due (also those set while advancing). Pass it to
// startServer({ clock }) or createApp({ clock }) and a phase timer runs out in milliseconds.
import type { RoomClock, RoomTimer } from "../../server/rooms/clock.js";

interface Pending {
  at: number;
  order: number;
  fn: () => void;
  cleared: boolean;
}

export class ManualClock implements RoomClock {
  #now: number;
  #order = 0;
  #pending: Pending[] = [];

  constructor(start = Date.now()) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  setTimeout(fn: () => void, ms: number): RoomTimer {
    const entry: Pending = { at: this.#now + Math.max(0, ms), order: this.#order++, fn, cleared: false };
    this.#pending.push(entry);
    return { clear: () => void (entry.cleared = true) };
  }

  /** Timers waiting to fire. */
  get waiting(): number {
    return this.#pending.filter((p) => !p.cleared).length;
  }

  /** Moves the clock on by `ms`, firing every timer that falls due on the way. */
  advance(ms: number): void {
    const until = this.#now + ms;
    for (;;) {
      this.#pending = this.#pending.filter((p) => !p.cleared);
      const due = this.#pending.filter((p) => p.at <= until).sort((a, b) => a.at - b.at || a.order - b.order)[0];
      if (!due) break;
      this.#now = Math.max(this.#now, due.at);
      due.cleared = true;
      due.fn();
    }
    this.#now = until;
  }
}
