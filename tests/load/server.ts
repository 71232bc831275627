// The server process of the load benchmark (tests/load/run.ts starts it): the real app on a
// free loopback port with its own SQLite file — or, with REDIS_URL and DATABASE_URL in its
// environment, one of several processes sharing Redis and PostgreSQL, reached at its own
// PUBLIC_ADDRESS and watching the others as in production — told of every dispatched command. Over IPC it
// answers: "memory" (heap and RSS after a full GC), "mark" (start of the measured window) and
// "report" (CPU, event-loop utilisation and commands since the mark, and the engine's time
// for the same commands: as the rooms measured it while running them — decide and applying
// the events — and replayed here afterwards, decide + applyEvent, and decide + evolve).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance, type EventLoopUtilization } from "node:perf_hooks";
import { createApp } from "../../server/app.js";
import type { DispatchedCommand } from "../../server/context.js";
import { decide } from "../../shared/rules/decide.js";
import { applyEvent, evolve } from "../../shared/rules/evolve.js";
import type { GameEvent } from "../../shared/rules/events.js";
import type { MatchState } from "../../shared/rules/types.js";
import { freePort, type ServerReport, type ToServer } from "./ipc.js";

const log: DispatchedCommand[] = [];
const dataDir = mkdtempSync(join(tmpdir(), "rough-consensus-load-"));
const port = await freePort();
if (process.env.REDIS_URL) process.env.PUBLIC_ADDRESS = `127.0.0.1:${port}`;
// Every simulated device connects from this machine's loopback address: the limit on new
// players per address (server/rooms/roster.ts) would refuse a whole district's classes.
const roster = { joinBurst: 1_000_000, joinsPerMinute: 1_000_000 };
const app = createApp({ dataDir, gracefullyShutdown: false, resumeGraceMs: 0, roster, onCommand: (entry) => log.push(entry) });
await app.deployment.storeReady;
await app.server.listen(port, "127.0.0.1");
app.watchOtherProcesses();

let mark: { cpu: NodeJS.CpuUsage; elu: EventLoopUtilization; at: number; index: number } | null = null;

function memory() {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return { heapUsed: m.heapUsed, rss: m.rss };
}

/**
 * Milliseconds the engine alone spends on the commands dispatched since the mark: each
 * match's earlier commands are folded untimed, then the window's are decided and applied.
 * Run twice so the timed pass runs on warm code, like the server did.
 */
function engineTime(from: number, apply: (state: MatchState | null, event: GameEvent) => MatchState): number {
  const byMatch = new Map<string, DispatchedCommand[]>();
  for (const entry of log) {
    let list = byMatch.get(entry.match);
    if (!list) byMatch.set(entry.match, (list = []));
    list.push(entry);
  }
  const windowOf = new Map<DispatchedCommand, boolean>(log.map((e, i) => [e, i >= from]));
  let total = 0;
  for (let pass = 0; pass < 2; pass++) {
    total = 0;
    for (const entries of byMatch.values()) {
      let state: MatchState | null = null;
      let i = 0;
      const step = (e: DispatchedCommand) => {
        const verdict = decide(state, e.command, { actor: e.actor, now: e.now });
        if (verdict.ok) for (const event of verdict.events) state = apply(state, event);
      };
      for (; i < entries.length && !windowOf.get(entries[i]!); i++) step(entries[i]!);
      const t = performance.now();
      for (; i < entries.length; i++) step(entries[i]!);
      total += performance.now() - t;
    }
  }
  return total;
}

process.on("message", (message: ToServer) => {
  if (message.type === "memory") process.send!({ type: "memory", ...memory() });
  if (message.type === "mark") {
    mark = { cpu: process.cpuUsage(), elu: performance.eventLoopUtilization(), at: performance.now(), index: log.length };
    process.send!({ type: "marked" });
  }
  if (message.type === "report" && mark) {
    const cpu = process.cpuUsage(mark.cpu);
    const elu = performance.eventLoopUtilization(mark.elu);
    const seconds = (performance.now() - mark.at) / 1000;
    const commands = log.length - mark.index;
    const report: ServerReport = {
      type: "report",
      seconds,
      commands,
      cpuMs: (cpu.user + cpu.system) / 1000,
      elu: elu.utilization,
      inRoomMs: log.slice(mark.index).reduce((sum, e) => sum + e.engineMs, 0),
      engineMs: engineTime(mark.index, applyEvent),
      evolveMs: engineTime(mark.index, evolve),
    };
    process.send!(report);
  }
  if (message.type === "stop") {
    void app.server
      .gracefullyShutdown(false)
      .catch((error) => console.error("load server: shutdown failed", error))
      .finally(() => {
        rmSync(dataDir, { recursive: true, force: true });
        process.exit(0);
      });
  }
});

process.send!({ type: "ready", port });
