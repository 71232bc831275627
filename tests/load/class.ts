// Load test: one class on one server over loopback — a teacher, a projector and 40 students
// on four tables — through the real SDK and a real SQLite file. It plays a travel phase and a
// busy negotiation, then prints request round trips and how long a statement takes to reach
// every other device. Bounded in clients, requests and time; it stops by itself.
// Run: `npm run load` (optionally STUDENTS=40 STATEMENTS=5).
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { Client, type Room } from "@colyseus/sdk";
import { createApp } from "../../server/app.js";
import { COMMAND, type Intent, type Reply } from "../../shared/protocol/intents.js";
import { rebuildView, seatOf } from "../../shared/protocol/rebuild.js";
import type { WireMatchState } from "../../shared/protocol/state.js";
import { summarise, type Timing } from "../bench/measure.js";

const STUDENTS = Math.min(60, Number(process.env.STUDENTS ?? 40));
const STATEMENTS = Math.min(20, Number(process.env.STATEMENTS ?? 5));
const DEADLINE_MS = 120_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function until<T>(what: string, probe: () => T | undefined | null | false, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const stateOf = (room: Room) => (room.state as { toJSON(): WireMatchState }).toJSON();

function line(name: string, t: Timing, unit = "ms") {
  console.log(`  ${name.padEnd(46)} median ${t.median.toFixed(1)} ${unit}, p95 ${t.p95.toFixed(1)}, max ${t.max.toFixed(1)} (n=${t.runs})`);
}

async function main() {
  const watchdog = setTimeout(() => {
    console.error(`load test: still running after ${DEADLINE_MS / 1000} s, giving up`);
    process.exit(1);
  }, DEADLINE_MS);
  const dataDir = mkdtempSync(join(tmpdir(), "rough-consensus-load-"));
  const port = await freePort();
  const app = createApp({ dataDir, gracefullyShutdown: false, resumeGraceMs: 0 });
  await app.server.listen(port, "127.0.0.1");
  const base = `http://127.0.0.1:${port}`;
  const rooms: Room[] = [];
  try {
    const res = await fetch(`${base}/api/matches`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ settings: { tables: 4, rules: ["R1", "R2", "R3", "R4"] } }) });
    const { code, teacherToken } = (await res.json()) as { code: string; teacherToken: string };
    const teacher = await new Client(base).joinById(code, { as: "teacher", teacherToken });
    const projector = await new Client(base).joinById(code, { as: "projector" });
    rooms.push(teacher, projector);

    const joinTimes: number[] = [];
    const students: { room: Room; id: string }[] = [];
    for (let i = 0; i < STUDENTS; i++) {
      const t = performance.now();
      const room = await new Client(base).joinById(code, { as: "player", nickname: `Student ${i + 1}` });
      const seat = await until("a seat", () => seatOf(stateOf(room)));
      joinTimes.push(performance.now() - t);
      rooms.push(room);
      students.push({ room, id: seat.player });
    }

    const requestTimes: number[] = [];
    const failures = new Map<string, number>();
    const ask = async (room: Room, intent: Intent): Promise<Reply> => {
      const t = performance.now();
      const reply = (await room.request(COMMAND, intent)) as Reply;
      requestTimes.push(performance.now() - t);
      if (!reply.ok) failures.set(reply.code, (failures.get(reply.code) ?? 0) + 1);
      return reply;
    };

    await ask(teacher, { type: "AssignRolesAutomatically" });
    await ask(teacher, { type: "StartMatch" });
    await ask(teacher, { type: "AdvancePhase" });
    await Promise.all(students.map((s, i) => ask(s.room, { type: "BookTravel", mode: i % 3 === 0 ? "remote" : "in-person" })));
    await ask(teacher, { type: "AdvancePhase" });
    await until("negotiation everywhere", () => rooms.every((r) => stateOf(r).phase === "negotiation"));

    // Each statement: how long until every other device's state holds it.
    const spread: number[] = [];
    for (let round = 0; round < STATEMENTS; round++) {
      await Promise.all(
        students.map(async (s, i) => {
          const me = rebuildView(stateOf(s.room), { kind: "player", id: s.id });
          const table = me.me?.table ?? 0;
          const text = `Load statement ${round}-${i}`;
          const inRoom = me.tables[table]?.rounds[me.round]?.attendance[me.me?.role ?? ""]?.mode === "in-person";
          const sent = performance.now();
          const reply = await ask(s.room, inRoom ? { type: "MakeStatement", text } : { type: "PostRemoteComment", text });
          if (!reply.ok) return;
          await until("the statement on every device", () => rooms.every((r) => stateOf(r).tables[table]?.statements.some((x) => x.text === text)), 20_000);
          spread.push(performance.now() - sent);
        }),
      );
    }

    console.log(`\nLoad: ${STUDENTS} students, teacher and projector on 4 tables, loopback (Node ${process.version})`);
    line("join (connect, seat, first state)", summarise(joinTimes));
    line("request round trip (any command)", summarise(requestTimes));
    line("statement visible on every device", summarise(spread));
    console.log(`  engine refusals (expected, e.g. trips a role cannot pay): ${[...failures].map(([c, n]) => `${c}×${n}`).join(", ") || "none"}`);
  } finally {
    clearTimeout(watchdog);
    await Promise.allSettled(rooms.map((r) => r.leave()));
    await app.server.gracefullyShutdown(false).catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
process.exit(0);
