// Capacity benchmark: how many classes one server process holds. For each N in --rooms it
// starts the server in its own process, creates N matches of four tables, and plays them from
// separate client processes over real WebSockets: per room a teacher, a projector and 36
// students, each student acting every ~15 s during a negotiation, with now and then a
// student taking their seat back. It prints, per N, the request round trip (p50/p95/p99),
// the server's CPU per command, the engine's time for the same commands (decide + applyEvent,
// replayed alone) and their ratio, the server's event-loop utilisation and memory per room.
// Bounded: every step has a deadline, and each N stops by itself after --seconds.
//
//   npm run load -- --rooms 20,60,100 [--seconds 60] [--procs 3] [--act 15] [--churn 30] [--profile DIR]
// (--profile writes the server's CPU profile of each run to DIR, for Chrome's profiler.)
import { fork, type ChildProcess } from "node:child_process";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { quantile, type ClientsReport, type FromClients, type FromServer, type RoomSpec, type ServerReport, type ToClients, type ToServer } from "./ipc.js";

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const ROOMS = option("rooms", "10")
  .split(",")
  .map((n) => Math.max(1, Math.min(200, Number(n))))
  .filter((n) => Number.isFinite(n));
const SECONDS = Math.max(10, Math.min(600, Number(option("seconds", "60"))));
const ACT_S = Math.max(1, Number(option("act", "15")));
const CHURN_S = Math.max(0, Number(option("churn", "30")));
const SETUP_MS = 15 * 60_000;

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

function child(file: string, execArgv: string[] = []): ChildProcess {
  return fork(here(file), [], { execArgv: ["--import", "tsx", ...execArgv], stdio: ["ignore", "inherit", "inherit", "ipc"] });
}

/** The next message from a child that satisfies `match`, or a failure after `ms`. */
function next<T>(proc: ChildProcess, what: string, match: (m: unknown) => m is T, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`timed out waiting for ${what}`)), ms);
    const onMessage = (m: unknown) => {
      if ((m as { type?: string })?.type === "failed") done(new Error(`${what}: ${(m as { message: string }).message}`));
      else if (match(m)) done(null, m);
    };
    const onExit = (code: number | null) => done(new Error(`process exited (${code}) while waiting for ${what}`));
    function done(error: Error | null, value?: T) {
      clearTimeout(timer);
      proc.off("message", onMessage);
      proc.off("exit", onExit);
      if (error) reject(error);
      else resolve(value!);
    }
    proc.on("message", onMessage);
    proc.on("exit", onExit);
  });
}

/** Waits for a child to exit, killing it after `ms`. */
function exited(proc: ChildProcess, ms: number): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => proc.kill("SIGKILL"), ms);
    proc.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

const is =
  <K extends string>(type: K) =>
  <T>(m: unknown): m is T & { type: K } =>
    (m as { type?: string })?.type === type;

async function createMatches(base: string, n: number): Promise<RoomSpec[]> {
  const specs: RoomSpec[] = [];
  for (let i = 0; i < n; i++) {
    const res = await fetch(`${base}/api/matches`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        settings: {
          classLabel: `Load ${i + 1}`,
          tables: 4,
          rules: ["R1", "R2", "R3", "R4"],
          // Long phases: the teacher moves on, the clock never does during the window.
          timerPreset: "custom",
          timers: { briefing: 3600, travel: 3600, negotiation: 3600, decision: 3600, outcome: 3600 },
        },
      }),
    });
    if (res.status !== 201) throw new Error(`creating a match failed: ${res.status} ${await res.text()}`);
    specs.push((await res.json()) as RoomSpec);
  }
  return specs;
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);
const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "–");
const load = () => loadavg().map((x) => x.toFixed(2)).join(" ");

interface Line {
  rooms: number;
  devices: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  cpuPerCommand: number;
  inRoomPerCommand: number;
  enginePerCommand: number;
  evolvePerCommand: number;
  elu: number;
  heapPerRoom: number;
  rssPerRoom: number;
  joinP50: number;
  joinP99: number;
  rejoinP50: number;
  rejoinP99: number;
  clientElu: number;
  errors: number;
  load: string;
}

async function measure(rooms: number): Promise<Line> {
  const loadBefore = load();
  const profile = option("profile", "");
  const server = child("./server.ts", ["--expose-gc", ...(profile ? ["--cpu-prof", `--cpu-prof-dir=${profile}`, `--cpu-prof-name=server-${rooms}-rooms.cpuprofile`] : [])]);
  const clients: ChildProcess[] = [];
  try {
    const { port } = await next(server, "the server", is("ready")<{ port: number }>, 60_000);
    const base = `http://127.0.0.1:${port}`;
    const ask = <K extends string, T>(message: ToServer, type: K) => {
      const reply = next(server, message.type, is(type)<T>, 600_000);
      server.send(message);
      return reply;
    };
    const before = await ask<"memory", { heapUsed: number; rss: number }>({ type: "memory" }, "memory");
    const specs = await createMatches(base, rooms);
    const procs = Math.max(1, Math.min(Number(option("procs", String(Math.ceil(rooms / 34)))), rooms));
    for (let p = 0; p < procs; p++) clients.push(child("./clients.ts"));
    const ready = clients.map((c, p) => {
      const r = next(c, "the rooms to be set up", is("ready")<{ joins: number[]; devices: number }>, SETUP_MS);
      c.send({ type: "setup", base, rooms: specs.filter((_, i) => i % procs === p), seed: 1000 + p } satisfies ToClients);
      return r;
    });
    const setups = await Promise.all(ready);
    const after = await ask<"memory", { heapUsed: number; rss: number }>({ type: "memory" }, "memory");
    await ask({ type: "mark" }, "marked");
    const done = clients.map((c) => next(c, "the window to end", is("done")<ClientsReport>, SECONDS * 1000 + 120_000));
    for (const c of clients) c.send({ type: "go", seconds: SECONDS, actEveryMs: ACT_S * 1000, churnEveryMs: CHURN_S * 1000 } satisfies ToClients);
    const reports = await Promise.all(done);
    const s = await ask<"report", ServerReport>({ type: "report" }, "report");
    const trips = reports.flatMap((r) => r.roundTrips);
    const rejoins = reports.flatMap((r) => r.rejoins);
    const joins = setups.flatMap((r) => r.joins);
    return {
      rooms,
      devices: setups.reduce((n, r) => n + r.devices, 0),
      perSecond: s.commands / s.seconds,
      p50: quantile(trips, 0.5),
      p95: quantile(trips, 0.95),
      p99: quantile(trips, 0.99),
      cpuPerCommand: s.cpuMs / s.commands,
      inRoomPerCommand: s.inRoomMs / s.commands,
      enginePerCommand: s.engineMs / s.commands,
      evolvePerCommand: s.evolveMs / s.commands,
      elu: s.elu,
      heapPerRoom: (after.heapUsed - before.heapUsed) / rooms,
      rssPerRoom: (after.rss - before.rss) / rooms,
      joinP50: quantile(joins, 0.5),
      joinP99: quantile(joins, 0.99),
      rejoinP50: quantile(rejoins, 0.5),
      rejoinP99: quantile(rejoins, 0.99),
      clientElu: Math.max(...reports.map((r) => r.elu)),
      errors: reports.reduce((n, r) => n + r.errors, 0),
      load: `${loadBefore} → ${load()}`,
    };
  } finally {
    for (const c of clients) if (c.connected) c.send({ type: "stop" } satisfies ToClients);
    await Promise.all(clients.map((c) => exited(c, 10_000)));
    if (server.connected) server.send({ type: "stop" } satisfies ToServer);
    await exited(server, 10_000);
  }
}

function print(l: Line): void {
  console.log(`
${l.rooms} rooms, ${l.devices} devices, ${l.perSecond.toFixed(1)} commands/s over ${SECONDS} s (load average ${l.load})
  request round trip        p50 ${ms(l.p50)} ms, p95 ${ms(l.p95)} ms, p99 ${ms(l.p99)} ms${l.errors ? `, ${l.errors} failed` : ""}
  server CPU per command    ${l.cpuPerCommand.toFixed(3)} ms
  engine per command        in the room ${l.inRoomPerCommand.toFixed(4)} ms (ratio ${(l.cpuPerCommand / l.inRoomPerCommand).toFixed(0)}); replayed alone: decide + applyEvent ${l.enginePerCommand.toFixed(4)} ms (ratio ${(l.cpuPerCommand / l.enginePerCommand).toFixed(0)}), decide + evolve ${l.evolvePerCommand.toFixed(4)} ms (ratio ${(l.cpuPerCommand / l.evolvePerCommand).toFixed(0)})
  event-loop utilisation    server ${(l.elu * 100).toFixed(1)}%, busiest client process ${(l.clientElu * 100).toFixed(1)}%
  memory per room           heap ${mb(l.heapPerRoom)} MB, RSS ${mb(l.rssPerRoom)} MB
  join (first whole view)   at setup p50 ${ms(l.joinP50)} ms, p99 ${ms(l.joinP99)} ms; rejoin under load p50 ${ms(l.rejoinP50)} ms, p99 ${ms(l.rejoinP99)} ms`);
}

const watchdog = setTimeout(
  () => {
    console.error("load: still running past its deadline, giving up");
    process.exit(1);
  },
  ROOMS.length * (SETUP_MS + SECONDS * 1000 + 300_000),
);
console.log(`Load: rooms ${ROOMS.join(", ")}; 38 devices each; a student acts every ~${ACT_S} s; Node ${process.version}`);
const lines: Line[] = [];
for (const rooms of ROOMS) {
  const line = await measure(rooms);
  print(line);
  lines.push(line);
}
console.log("\n| rooms | devices | commands/s | p50 ms | p95 ms | p99 ms | server CPU/command ms | engine in room ms | ratio | server ELU | heap/room MB | load average |");
console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
for (const l of lines) {
  console.log(
    `| ${l.rooms} | ${l.devices} | ${l.perSecond.toFixed(1)} | ${ms(l.p50)} | ${ms(l.p95)} | ${ms(l.p99)} | ${l.cpuPerCommand.toFixed(2)} | ${l.inRoomPerCommand.toFixed(3)} | ${(l.cpuPerCommand / l.inRoomPerCommand).toFixed(0)} | ${(l.elu * 100).toFixed(0)}% | ${mb(l.heapPerRoom)} | ${l.load} |`,
  );
}
clearTimeout(watchdog);
process.exit(0);
