// Long work on records (an export, an import's check, a replay's views) runs in slices: after a
// few milliseconds it gives the event loop back, so live rooms, health checks and other
// requests are answered between slices instead of after the whole job.
import { setImmediate as nextTurn } from "node:timers/promises";

/** Milliseconds a record job may hold the event loop before it lets others run. */
export const SLICE_MS = 8;

export class Breather {
  private since = performance.now();

  constructor(private readonly budgetMs = SLICE_MS) {}

  /** Lets other work run if this job has held the event loop for its budget. */
  async breathe(): Promise<void> {
    if (performance.now() - this.since < this.budgetMs) return;
    await nextTurn();
    this.since = performance.now();
  }
}

/** Runs a generator to its end, breathing between its steps. */
export async function drive<T>(steps: Generator<unknown, T>, breather = new Breather()): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await breather.breathe();
  }
}
