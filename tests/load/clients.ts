// A client process of the load benchmark: it plays the devices of some rooms over real
// WebSockets with the real SDK — per room a teacher, a projector and 36 students on four
// tables. Setup: join everyone, assign roles, start, book travel, open the negotiation.
// Then, for the window, each student acts every `actEveryMs` on average (statements,
// corridor talk, positions, tabling; remote delegations post comments and declare
// positions), and now and then a student leaves and takes their seat back. It reports
// request round trips, rejoin times and its own event-loop utilisation.
import { performance } from "node:perf_hooks";
import { Client, type Room } from "@colyseus/sdk";
import { COMMAND, type Intent, type Reply } from "../../shared/protocol/intents.js";
import type { MatchView } from "../../shared/rules/view.js";
import { follow, type Follower } from "./follow.js";
import type { ClientsReport, FromClients, RoomSpec, ToClients } from "./ipc.js";

const STUDENTS_PER_ROOM = 36;
const REQUEST_TIMEOUT_MS = 20_000;
const SETUP_PARALLEL = 3;
const JOIN_TIMEOUT_MS = 30_000;

interface Device {
  room: Room;
  follower: Follower;
}

interface Student extends Device {
  nickname: string;
  timer?: ReturnType<typeof setTimeout>;
  busy: boolean;
}

interface Classroom {
  spec: RoomSpec;
  teacher: Device;
  projector: Device;
  students: Student[];
}

let base = "";
let random = mulberry32(1);
const classrooms: Classroom[] = [];
const roundTrips: number[] = [];
const rejoins: number[] = [];
const refusals: Record<string, number> = {};
let errors = 0;
let measuring = false;

const send = (message: FromClients) => process.send!(message);

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(random() * list.length)];

async function until<T>(what: string, probe: () => T | null | undefined | false, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function request(room: Room, intent: Intent, timed: boolean): Promise<Reply | null> {
  const t = performance.now();
  try {
    const reply = (await room.request(COMMAND, intent, { timeout: REQUEST_TIMEOUT_MS })) as Reply;
    if (timed && measuring) {
      roundTrips.push(performance.now() - t);
      if (!reply.ok) refusals[reply.code] = (refusals[reply.code] ?? 0) + 1;
    }
    return reply;
  } catch {
    if (measuring) errors++;
    return null;
  }
}

async function must(room: Room, intent: Intent): Promise<void> {
  const reply = await request(room, intent, false);
  if (!reply?.ok) throw new Error(`${intent.type} failed: ${reply ? reply.message : "no reply"}`);
}

/** The promise, or a failure naming `what` after `ms`. */
function within<T>(what: string, promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} took over ${ms / 1000} s`)), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

async function joinDevice(code: string, options: Record<string, unknown>, as: "teacher" | "projector" | "player"): Promise<Device> {
  const room = await within(`joining ${code}`, new Client(base).joinById(code, options), JOIN_TIMEOUT_MS);
  room.onMessage("*", () => undefined);
  const follower = follow(room, as);
  await until("a first whole view", () => follower.view());
  return { room, follower };
}

async function setupRoom(spec: RoomSpec, joins: number[]): Promise<Classroom> {
  const teacher = await joinDevice(spec.code, { as: "teacher", teacherToken: spec.teacherToken }, "teacher");
  const projector = await joinDevice(spec.code, { as: "projector" }, "projector");
  const students: Student[] = [];
  for (let i = 0; i < STUDENTS_PER_ROOM; i++) {
    const nickname = `Student ${i + 1}`;
    const t = performance.now();
    const device = await joinDevice(spec.code, { as: "player", nickname }, "player");
    joins.push(performance.now() - t);
    students.push({ ...device, nickname, busy: false });
  }
  await must(teacher.room, { type: "AssignRolesAutomatically" });
  await must(teacher.room, { type: "StartMatch" });
  await must(teacher.room, { type: "AdvancePhase" }); // → travel
  for (const s of students) {
    const inPerson = await request(s.room, { type: "BookTravel", mode: "in-person" }, false);
    if (!inPerson?.ok) await must(s.room, { type: "BookTravel", mode: "remote" });
  }
  await must(teacher.room, { type: "AdvancePhase" }); // → negotiation
  await until("the negotiation on every screen", () => [teacher, projector, ...students].every((d) => d.follower.view()?.phase === "negotiation"));
  return { spec, teacher, projector, students };
}

/** One thing a student does in the negotiation, chosen from what its own screen shows. */
function nextIntent(view: MatchView, n: number): Intent | null {
  const me = view.me;
  if (!me || me.table === null || me.role === null) return null;
  const table = view.tables[me.table];
  const round = table?.rounds[view.round];
  const dossier = view.scenario.dossiers[view.round];
  if (!table || !round || !dossier) return null;
  const mode = round.attendance[me.role]?.mode;
  const option = pick(dossier.options)!.id;
  const stance = pick(["support", "live", "object"] as const)!;
  const roll = random();
  if (mode === "in-person") {
    const others = Object.entries(round.attendance)
      .filter(([role, a]) => role !== me.role && a.mode === "in-person")
      .map(([role]) => role);
    if (roll < 0.4) return { type: "MakeStatement", text: `Statement ${n} from ${me.role}: we should weigh ${option} with care.` };
    if (roll < 0.7 && others.length) return { type: "SendCorridorMessage", to: pick(others)!, text: `Between us (${n}): can you live with ${option}?` };
    if (roll < 0.9) return { type: "DeclarePosition", option, stance };
    return { type: "TableOption", option };
  }
  if (mode === "remote" && roll < 0.4) return { type: "PostRemoteComment", text: `Remote comment ${n} from ${me.role} on ${option}.` };
  return { type: "DeclarePosition", option, stance };
}

let acts = 0;
function schedule(student: Student, everyMs: number, until: number): void {
  const delay = random() * 2 * everyMs;
  if (Date.now() + delay > until) return;
  student.timer = setTimeout(async () => {
    if (!measuring) return;
    if (!student.busy) {
      const view = student.follower.view();
      const intent = view && nextIntent(view, acts++);
      if (intent) await request(student.room, intent, true);
    }
    schedule(student, everyMs, until);
  }, delay);
}

/** A student leaves and takes their seat back with the seat secret: a phone that reloads without its tab. */
async function rejoin(classroom: Classroom, student: Student): Promise<void> {
  const seat = student.follower.seat();
  if (!seat || student.busy) return;
  student.busy = true;
  try {
    await student.room.leave(true);
    const t = performance.now();
    const device = await joinDevice(classroom.spec.code, { as: "player", nickname: student.nickname, seatSecret: seat.seatSecret }, "player");
    if (measuring) rejoins.push(performance.now() - t);
    student.room = device.room;
    student.follower = device.follower;
  } catch {
    if (measuring) errors++;
  } finally {
    student.busy = false;
  }
}

async function run(seconds: number, actEveryMs: number, churnEveryMs: number): Promise<void> {
  const elu0 = performance.eventLoopUtilization();
  measuring = true;
  const end = Date.now() + seconds * 1000;
  for (const c of classrooms) for (const s of c.students) schedule(s, actEveryMs, end);
  const churn: ReturnType<typeof setTimeout>[] = [];
  if (churnEveryMs > 0) {
    for (const c of classrooms) {
      const tick = () => {
        const delay = random() * 2 * churnEveryMs;
        if (Date.now() + delay > end) return;
        churn.push(setTimeout(() => void rejoin(c, pick(c.students)!).then(tick), delay));
      };
      tick();
    }
  }
  await new Promise((r) => setTimeout(r, seconds * 1000));
  measuring = false;
  for (const c of classrooms) for (const s of c.students) clearTimeout(s.timer);
  churn.forEach(clearTimeout);
  const elu = performance.eventLoopUtilization(elu0).utilization;
  const report: ClientsReport = { type: "done", roundTrips, rejoins, refusals, errors, elu };
  send(report);
}

process.on("message", (message: ToClients) => {
  if (message.type === "setup") {
    base = message.base;
    random = mulberry32(message.seed);
    const joins: number[] = [];
    (async () => {
      // A few rooms at a time: a whole district joining in the same second is not the case measured.
      const queue = [...message.rooms];
      await Promise.all(
        Array.from({ length: Math.min(SETUP_PARALLEL, queue.length) }, async () => {
          for (let spec = queue.shift(); spec; spec = queue.shift()) classrooms.push(await setupRoom(spec, joins));
        }),
      );
      send({ type: "ready", joins, devices: classrooms.length * (STUDENTS_PER_ROOM + 2) });
    })().catch((error: unknown) => send({ type: "failed", message: error instanceof Error ? error.message : String(error) }));
  }
  if (message.type === "go") void run(message.seconds, message.actEveryMs, message.churnEveryMs);
  if (message.type === "stop") {
    const rooms = classrooms.flatMap((c) => [c.teacher.room, c.projector.room, ...c.students.map((s) => s.room)]);
    // Leaving is a courtesy to the server; the process goes after a few seconds whatever happens.
    setTimeout(() => process.exit(0), 5000).unref();
    void Promise.allSettled(rooms.map((r) => r.leave(true))).then(() => process.exit(0));
  }
});
