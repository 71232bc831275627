// Capacity benchmark: how many classes one server process holds. For each N in --rooms it
// starts the server in its own process, creates N matches of four tables, and plays them from
// separate client processes over real WebSockets: per room a teacher, a projector and 36
// students, each student acting every ~15 s during a negotiation, with now and then a
// student taking their seat back. It prints, per N, the request round trip (p50/p95/p99),
// the server's CPU per command, the engine's time for the same commands (decide + applyEvent,
// replayed alone) and their ratio, the server's event-loop utilisation and memory per room.
// Bounded: every step has a deadline, and each N stops by itself after --seconds.
//
// With --processes K the N classes are a district spread over K server processes that share
// a Redis and a PostgreSQL database (started here from Debian's packages, as the tests do:
// scripts/install-services.sh), each match made through — and so held by — process i mod K,
// and every device's first request sent to ANOTHER process (each seat reservation crosses
// Redis, the worst case behind a proxy). The same figures are printed for each process and
// for the whole, with the CPU that Redis and PostgreSQL spent per command. --shared runs a
// single process on Redis and PostgreSQL too (to compare with the SQLite file).
//
//   npm run load -- --rooms 20,60,100 [--seconds 60] [--procs 3] [--act 15] [--churn 30] [--profile DIR]
//   npm run load -- --rooms 40 --processes 2
// (--profile writes the server's CPU profile of each run to DIR, for Chrome's profiler;
// --procs is the number of client processes, split among the server processes.)
import { fork, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { postgresUnavailable, redisUnavailable, startPostgres, startRedis, type RunningPostgres, type RunningRedis } from "../helpers/services.js";
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
const PROCESSES = Math.max(1, Math.min(8, Number(option("processes", "1")) || 1));
const SHARED = PROCESSES > 1 || process.argv.includes("--shared");

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

function child(file: string, execArgv: string[] = [], env: Record<string, string> = {}): ChildProcess {
  return fork(here(file), [], { execArgv: ["--import", "tsx", ...execArgv], stdio: ["ignore", "inherit", "inherit", "ipc"], env: { ...process.env, ...env } });
}

/**
 * CPU time (ms) of a process and every process below it, from /proc (Linux): each live
 * process's own time plus that of its children that ended (a PostgreSQL backend that closes
 * hands its time to the postmaster), so every CPU second counts once.
 */
const CLOCK_TICKS = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout?.trim()) || 100;
function treeCpuMs(root: number): number {
  const parent = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // Fields after the command name (which may hold spaces): state ppid … utime stime cutime cstime.
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parent.set(Number(name), Number(rest[1]));
      ticks.set(Number(name), Number(rest[11]) + Number(rest[12]) + Number(rest[13]) + Number(rest[14]));
    } catch {
      // The process ended while we read: it no longer counts.
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    total += ticks.get(pid) ?? 0;
    for (const [p, pp] of parent) if (pp === pid) stack.push(p);
  }
  return (total * 1000) / CLOCK_TICKS;
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

/** N matches, the i-th made through (and so held by) process i mod K. */
async function createMatches(bases: string[], n: number): Promise<RoomSpec[]> {
  const specs: RoomSpec[] = [];
  for (let i = 0; i < n; i++) {
    const res = await fetch(`${bases[i % bases.length]}/api/matches`, {
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
  /** "process 2 of 3", or "all 3 processes", or "" for a single process. */
  who: string;
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
  /** With Redis and PostgreSQL: their CPU per command (the whole district's line only). */
  redisPerCommand?: number;
  postgresPerCommand?: number;
}

interface Shared {
  redis: RunningRedis;
  postgres: RunningPostgres;
  signingKey: string;
}

async function measure(rooms: number, shared: Shared | null): Promise<Line[]> {
  const loadBefore = load();
  const profile = option("profile", "");
  const db = shared ? await shared.postgres.database() : null;
  const env: Record<string, string> = shared && db ? { REDIS_URL: shared.redis.url, DATABASE_URL: db.url, RECORD_SIGNING_KEY: shared.signingKey } : {};
  const servers = Array.from({ length: PROCESSES }, (_, k) =>
    child("./server.ts", ["--expose-gc", ...(profile ? ["--cpu-prof", `--cpu-prof-dir=${profile}`, `--cpu-prof-name=server-${rooms}-rooms-${k + 1}.cpuprofile`] : [])], env),
  );
  const clients: { proc: ChildProcess; server: number }[] = [];
  try {
    const ports = await Promise.all(servers.map((server, k) => next(server, `server process ${k + 1}`, is("ready")<{ port: number }>, 120_000)));
    const bases = ports.map(({ port }) => `http://127.0.0.1:${port}`);
    const ask = <K extends string, T>(server: ChildProcess, message: ToServer, type: K) => {
      const reply = next(server, message.type, is(type)<T>, 600_000);
      server.send(message);
      return reply;
    };
    const askAll = <K extends string, T>(message: ToServer, type: K) => Promise.all(servers.map((server) => ask<K, T>(server, message, type)));
    const before = await askAll<"memory", { heapUsed: number; rss: number }>({ type: "memory" }, "memory");
    const specs = await createMatches(bases, rooms);
    const held = (k: number) => specs.filter((_, i) => i % PROCESSES === k);
    // Client processes per server process: --procs in all, else one per ~34 rooms.
    const procsInAll = Number(option("procs", "0")) || servers.reduce((n, _, k) => n + Math.max(1, Math.ceil(held(k).length / 34)), 0);
    const setups: Promise<{ joins: number[]; devices: number }>[] = [];
    for (let k = 0; k < PROCESSES; k++) {
      const mine = held(k);
      const procs = Math.max(1, Math.min(Math.round(procsInAll / PROCESSES), mine.length));
      // Through another process when there are several: its answer sends the socket to k.
      const via = bases[(k + 1) % PROCESSES]!;
      for (let p = 0; p < procs; p++) {
        const proc = child("./clients.ts");
        clients.push({ proc, server: k });
        const ready = next(proc, "the rooms to be set up", is("ready")<{ joins: number[]; devices: number }>, SETUP_MS);
        proc.send({ type: "setup", base: via, rooms: mine.filter((_, i) => i % procs === p), seed: 1000 + clients.length } satisfies ToClients);
        setups.push(ready);
      }
    }
    const ready = await Promise.all(setups);
    const after = await askAll<"memory", { heapUsed: number; rss: number }>({ type: "memory" }, "memory");
    const infra0 = shared ? { redis: treeCpuMs(shared.redis.pid!), postgres: treeCpuMs(shared.postgres.pid!) } : null;
    await askAll({ type: "mark" }, "marked");
    const done = clients.map(({ proc }) => next(proc, "the window to end", is("done")<ClientsReport>, SECONDS * 1000 + 120_000));
    for (const { proc } of clients) proc.send({ type: "go", seconds: SECONDS, actEveryMs: ACT_S * 1000, churnEveryMs: CHURN_S * 1000 } satisfies ToClients);
    const reports = await Promise.all(done);
    const infra = shared && infra0 ? { redis: treeCpuMs(shared.redis.pid!) - infra0.redis, postgres: treeCpuMs(shared.postgres.pid!) - infra0.postgres } : null;
    const serverReports = await askAll<"report", ServerReport>({ type: "report" }, "report");
    const loadAfter = load();

    const line = (who: string, ks: number[]): Line => {
      const picked = clients.map((c, i) => ({ ...c, i })).filter((c) => ks.includes(c.server));
      const mineReports = picked.map((c) => reports[c.i]!);
      const mineSetups = picked.map((c) => ready[c.i]!);
      const s = ks.map((k) => serverReports[k]!);
      const sum = (f: (r: ServerReport) => number) => s.reduce((n, r) => n + f(r), 0);
      const commands = sum((r) => r.commands);
      const trips = mineReports.flatMap((r) => r.roundTrips);
      const rejoins = mineReports.flatMap((r) => r.rejoins);
      const joins = mineSetups.flatMap((r) => r.joins);
      const roomsHere = ks.reduce((n, k) => n + held(k).length, 0);
      return {
        who,
        rooms: roomsHere,
        devices: mineSetups.reduce((n, r) => n + r.devices, 0),
        perSecond: commands / Math.max(...s.map((r) => r.seconds)),
        p50: quantile(trips, 0.5),
        p95: quantile(trips, 0.95),
        p99: quantile(trips, 0.99),
        cpuPerCommand: sum((r) => r.cpuMs) / commands,
        inRoomPerCommand: sum((r) => r.inRoomMs) / commands,
        enginePerCommand: sum((r) => r.engineMs) / commands,
        evolvePerCommand: sum((r) => r.evolveMs) / commands,
        elu: sum((r) => r.elu) / s.length,
        heapPerRoom: ks.reduce((n, k) => n + after[k]!.heapUsed - before[k]!.heapUsed, 0) / roomsHere,
        rssPerRoom: ks.reduce((n, k) => n + after[k]!.rss - before[k]!.rss, 0) / roomsHere,
        joinP50: quantile(joins, 0.5),
        joinP99: quantile(joins, 0.99),
        rejoinP50: quantile(rejoins, 0.5),
        rejoinP99: quantile(rejoins, 0.99),
        clientElu: Math.max(...mineReports.map((r) => r.elu)),
        errors: mineReports.reduce((n, r) => n + r.errors, 0),
        load: `${loadBefore} → ${loadAfter}`,
      };
    };
    const all = servers.map((_, k) => k);
    const total: Line = { ...line(PROCESSES > 1 ? `all ${PROCESSES} processes` : shared ? "1 process on Redis and PostgreSQL" : "", all) };
    if (infra) {
      const commands = serverReports.reduce((n, r) => n + r.commands, 0);
      total.redisPerCommand = infra.redis / commands;
      total.postgresPerCommand = infra.postgres / commands;
    }
    return PROCESSES > 1 ? [...all.map((k) => line(`process ${k + 1} of ${PROCESSES}`, [k])), total] : [total];
  } finally {
    for (const { proc } of clients) if (proc.connected) proc.send({ type: "stop" } satisfies ToClients);
    await Promise.all(clients.map(({ proc }) => exited(proc, 10_000)));
    for (const server of servers) if (server.connected) server.send({ type: "stop" } satisfies ToServer);
    await Promise.all(servers.map((server) => exited(server, 10_000)));
    await db?.drop();
  }
}

function print(l: Line): void {
  console.log(`
${l.who ? `${l.who}: ` : ""}${l.rooms} rooms, ${l.devices} devices, ${l.perSecond.toFixed(1)} commands/s over ${SECONDS} s (load average ${l.load})
  request round trip        p50 ${ms(l.p50)} ms, p95 ${ms(l.p95)} ms, p99 ${ms(l.p99)} ms${l.errors ? `, ${l.errors} failed` : ""}
  server CPU per command    ${l.cpuPerCommand.toFixed(3)} ms
  engine per command        in the room ${l.inRoomPerCommand.toFixed(4)} ms (ratio ${(l.cpuPerCommand / l.inRoomPerCommand).toFixed(0)}); replayed alone: decide + applyEvent ${l.enginePerCommand.toFixed(4)} ms (ratio ${(l.cpuPerCommand / l.enginePerCommand).toFixed(0)}), decide + evolve ${l.evolvePerCommand.toFixed(4)} ms (ratio ${(l.cpuPerCommand / l.evolvePerCommand).toFixed(0)})
  event-loop utilisation    server ${(l.elu * 100).toFixed(1)}%, busiest client process ${(l.clientElu * 100).toFixed(1)}%
  memory per room           heap ${mb(l.heapPerRoom)} MB, RSS ${mb(l.rssPerRoom)} MB
  join (first whole view)   at setup p50 ${ms(l.joinP50)} ms, p99 ${ms(l.joinP99)} ms; rejoin under load p50 ${ms(l.rejoinP50)} ms, p99 ${ms(l.rejoinP99)} ms${
    l.redisPerCommand !== undefined ? `\n  shared services           Redis ${l.redisPerCommand.toFixed(3)} ms CPU per command, PostgreSQL ${l.postgresPerCommand!.toFixed(3)} ms` : ""
  }`);
}

const watchdog = setTimeout(
  () => {
    console.error("load: still running past its deadline, giving up");
    process.exit(1);
  },
  ROOMS.length * (SETUP_MS + SECONDS * 1000 + 300_000),
);
let shared: Shared | null = null;
if (SHARED) {
  const missing = [redisUnavailable(), postgresUnavailable()].filter(Boolean);
  if (missing.length) {
    console.error(`load: --processes and --shared need Redis and PostgreSQL: ${missing.join("; ")}`);
    process.exit(1);
  }
  const [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
  shared = { redis, postgres, signingKey: randomBytes(32).toString("hex") };
}
console.log(
  `Load: rooms ${ROOMS.join(", ")}; 38 devices each; a student acts every ~${ACT_S} s; ${
    PROCESSES > 1 ? `${PROCESSES} server processes on Redis and PostgreSQL, joins through another process than the room's` : shared ? "one server process on Redis and PostgreSQL" : "one server process, SQLite"
  }; Node ${process.version}`,
);
const lines: Line[] = [];
try {
  for (const rooms of ROOMS) {
    for (const line of await measure(rooms, shared)) {
      print(line);
      lines.push(line);
    }
  }
} finally {
  await shared?.postgres.stop();
  await shared?.redis.stop();
}
console.log("\n| processes | rooms | devices | commands/s | p50 ms | p95 ms | p99 ms | server CPU/command ms | engine in room ms | ratio | server ELU | heap/room MB | load average |");
console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
for (const l of lines) {
  console.log(
    `| ${l.who || "1"} | ${l.rooms} | ${l.devices} | ${l.perSecond.toFixed(1)} | ${ms(l.p50)} | ${ms(l.p95)} | ${ms(l.p99)} | ${l.cpuPerCommand.toFixed(2)} | ${l.inRoomPerCommand.toFixed(3)} | ${(l.cpuPerCommand / l.inRoomPerCommand).toFixed(0)} | ${(l.elu * 100).toFixed(0)}% | ${mb(l.heapPerRoom)} | ${l.load} |`,
  );
}
clearTimeout(watchdog);
process.exit(0);
