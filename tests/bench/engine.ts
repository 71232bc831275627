// Engine benchmarks: folding a long record (the replay's core) and hashing the result.
import { fold, hashState, viewFor } from "../../shared/index.js";
import { longMatchEvents } from "../helpers/long-match.js";
import { measure, report } from "./measure.js";

export function benchEngine(): void {
  const events = longMatchEvents(10_000);
  const final = fold(events)!;
  console.log(`\nEngine (a record of ${events.length} events, ${final.tables[0]!.statements.length} statements, ${final.tables[0]!.corridor.length} corridor messages)`);
  report("fold 10,000 events into state", measure(() => fold(events), { runs: 30 }), { target: 50 });
  report("hash the final state", measure(() => hashState(final), { runs: 30 }));
  report("viewFor one student (whole final state)", measure(() => viewFor(final, { kind: "player", id: "tech" }), { runs: 30 }));
}
