// Replay benchmarks: opening a 10,000-event record (parse, check, fold, verify the hash) and
// seeking to any moment as a viewer (fold of the prefix + viewFor). Target: ≤ 50 ms p95.
import { buildRecord, openRecord, type RecordedEvent } from "../../shared/index.js";
import { T0 } from "../helpers/engine.js";
import { longMatchEvents } from "../helpers/long-match.js";
import { measure, report, summarise } from "./measure.js";
import { performance } from "node:perf_hooks";

export function benchReplay(): void {
  const events = longMatchEvents(10_000);
  const recorded: RecordedEvent[] = events.map((event, i) => ({ seq: i + 1, at: T0 + i * 100, actor: { kind: "system" }, event }));
  const text = JSON.stringify(buildRecord(recorded));
  console.log(`\nReplay (a record of ${events.length} events, ${(text.length / 1024 / 1024).toFixed(1)} MB of JSON)`);
  report("open the record (parse, check, fold, hash)", measure(() => openRecord(JSON.parse(text)), { runs: 15 }));
  const opened = openRecord(JSON.parse(text));
  if (!opened.ok) throw new Error(opened.reason);
  const replay = opened.replay;
  // Seek to moments spread over the whole record, as each kind of viewer, in a fixed order.
  const viewers = [{ kind: "projector" as const }, { kind: "teacher" as const }, { kind: "role" as const, table: 0, role: "CS-S" }];
  const times: number[] = [];
  for (let i = 0; i < 200; i++) {
    const moment = Math.round(((i * 7919) % 10_000) + 1);
    const viewer = viewers[i % viewers.length]!;
    const t = performance.now();
    replay.viewAt(moment, viewer);
    times.push(performance.now() - t);
  }
  report("seek to a moment and build the view", summarise(times), { target: 50 });
}
