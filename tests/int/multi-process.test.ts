// Several server processes as one game server: real `server/index.ts` processes sharing a
// Redis (presence and matchmaking) and a PostgreSQL database (the records), both started by
// this test from Debian's packages, real SDK clients over loopback.
//  1. A match created through process A is joined by students whose first request goes to
//     process B (B's answer sends their socket to A, which holds the room); a teacher on B
//     drives it; replay links, exports and imports work through either process; A is killed
//     with kill -9 in the middle of a burst of commands, B takes the match over from the
//     record, everyone rejoins their seat, and no acknowledged event is missing.
//  2. Every process restarts at once: each open match is resumed by exactly one of them.
//  3. A process frozen long enough to be taken for dead (SIGSTOP) loses its matches to
//     another; when it thaws, its stale copy closes and the record never interleaves.
//  4. Redis restarts empty: the match goes on (in one process), nothing acknowledged is lost.
// Without redis-server or PostgreSQL it is skipped with the reason; under CI=true it fails.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as joinPath } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, type Room } from "@colyseus/sdk";
import { COMMAND, type Intent, type JoinOptions, type Reply } from "../../shared/protocol/intents.js";
import type { SeatInfo } from "../../shared/protocol/sync.js";
import type { MatchRecord } from "../../shared/replay/record.js";
import { fold } from "../../shared/replay/record.js";
import { viewFor } from "../../shared/rules/view.js";
import { inCI, postgresUnavailable, redisUnavailable, startPostgres, startRedis, type RunningPostgres, type RunningRedis } from "../helpers/services.js";
import { startGameProcess, type GameProcess } from "../helpers/game-process.js";
import { follow, heldBy } from "../helpers/sync-client.js";

const missing = [redisUnavailable(), postgresUnavailable()].filter(Boolean).join("; ") || null;
if (missing && !inCI()) console.warn(`[multi-process] SKIPPED: ${missing}`);

if (missing && inCI()) {
  describe("several processes under CI", () => {
    it("has Redis and PostgreSQL (CI runs the multi-process tests, it never skips them)", () => {
      expect.fail(`CI=true but the multi-process tests cannot run here: ${missing}`);
    });
  });
}

const ALLOWANCE = 120_000;

interface Device {
  name: string;
  room: Room;
  /** Every URL the SDK built: the matchmaking request first, then the socket. */
  urls: string[];
  player: string | null;
}


async function until<T>(what: string, probe: () => Promise<T | undefined | null | false> | T | undefined | null | false, ms = 30_000, every = 100): Promise<T> {
  const end = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v as T;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}${last instanceof Error ? ` (last error: ${last.message})` : ""}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Joins through `via` (its first request goes there), recording where the SDK went. */
async function join(via: GameProcess, code: string, options: JoinOptions, name: string): Promise<Device> {
  const urls: string[] = [];
  const client = new Client(via.base, { urlBuilder: (url) => (urls.push(url.toString()), url.toString()) });
  const room = follow(await client.joinById(code, options));
  let player: string | null = null;
  if (options.as === "player") player = (await until(`${name}'s seat`, () => heldBy(room)?.seat, 10_000)).player;
  return { name, room, urls, player };
}

const socketHost = (d: Device) => new URL(d.urls.find((u) => u.startsWith("ws"))!).host;
const firstRequestHost = (d: Device) => new URL(d.urls[0]!).host;

/** A command answered within `ms`, or null when the connection went away first. */
async function send(d: Device, intent: Intent, ms = 5000): Promise<Reply | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([d.room.request(COMMAND, intent) as Promise<Reply>, new Promise<null>((r) => (timer = setTimeout(() => r(null), ms)))]);
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

async function ok(d: Device, intent: Intent): Promise<void> {
  expect(await send(d, intent), `${d.name}: ${intent.type}`).toEqual({ ok: true });
}

async function http(p: GameProcess, method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${p.base}${path}`, {
    method,
    headers: { ...(body !== undefined ? { "content-type": "application/json" } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

async function leave(devices: Device[]): Promise<void> {
  // Leaving is cleanup: a socket to a killed process is already gone, which is fine here.
  await Promise.all(devices.map((d) => (d.room.connection?.isOpen ? d.room.leave(true).catch(() => undefined) : undefined)));
}

(missing ? describe.skip : describe)(`several server processes on Redis and PostgreSQL${missing ? ` — SKIPPED: ${missing}` : ""}`, () => {
  let redis: RunningRedis;
  let postgres: RunningPostgres;
  let env: Record<string, string>;
  let dataRoot = "";
  const processes: GameProcess[] = [];
  const devices: Device[] = [];
  /** Matches left open for the restart test, with their teacher tokens. */
  const openMatches = new Map<string, string>();

  const start = async (name: string) => {
    const p = await startGameProcess(name, { ...env, DATA_DIR: joinPath(dataRoot, name) });
    processes.push(p);
    return p;
  };

  beforeAll(async () => {
    [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
    const db = await postgres.database("rough_consensus");
    dataRoot = mkdtempSync(joinPath(tmpdir(), "rough-consensus-mp-"));
    // FAILOVER_CHECK_SECONDS=1: the test need not wait the production 5 s per check.
    // One signing key for every process, as docs/operations.md asks; each process its own DATA_DIR.
    env = { REDIS_URL: redis.url, DATABASE_URL: db.url, FAILOVER_CHECK_SECONDS: "1", BOT_PACE: "quick", RECORD_SIGNING_KEY: randomBytes(32).toString("hex") };
  }, ALLOWANCE);

  afterAll(async () => {
    if (process.env.MP_DEBUG) for (const p of processes) console.log(`===== ${p.name}\n${p.output()}`);
    await leave(devices);
    await Promise.all(processes.map((p) => p.stop()));
    await postgres?.stop();
    await redis?.stop();
    if (dataRoot) rmSync(dataRoot, { recursive: true, force: true });
  }, ALLOWANCE);

  it(
    "a match made on A, joined and driven through B, survives kill -9 of A on B with every acknowledged event",
    async () => {
      const [A, B] = await Promise.all([start("A"), start("B")]);

      // The teacher makes the match through A: A holds the room.
      const made = await http(A, "POST", "/api/matches", undefined, { settings: { tables: 1, classLabel: "Two processes" } });
      expect(made.status).toBe(201);
      const { code, teacherToken } = made.body as { code: string; teacherToken: string };

      // Everyone's first request goes to B; B sends their sockets to A.
      const teacher = await join(B, code, { as: "teacher", teacherToken }, "teacher");
      const students: Device[] = [];
      for (const name of ["Ana", "Ben", "Caz"]) students.push(await join(B, code, { as: "player", nickname: name }, name));
      const projector = await join(B, code, { as: "projector" }, "projector");
      devices.push(teacher, projector, ...students);
      for (const d of [teacher, projector, ...students]) {
        expect(firstRequestHost(d), `${d.name}'s first request`).toBe(B.address);
        expect(socketHost(d), `${d.name}'s socket`).toBe(A.address);
      }

      // The teacher on B drives it: roles, bots for the empty seats, start.
      await ok(teacher, { type: "AssignRolesAutomatically" });
      await ok(teacher, { type: "FillWithBots" });
      await ok(teacher, { type: "StartMatch" });
      await until("every device to see the match running", () => [teacher, projector, ...students].every((d) => heldBy(d.room)?.view.status === "running"));

      // Replay links, exports and imports answer from the shared record through either process.
      const link = await http(A, "POST", `/api/matches/${code}/replay-links`, teacherToken);
      expect(link.status).toBe(201);
      // The link is known through B; it opens once the match is over (replays are for after class).
      const replay = await http(B, "GET", `/api/matches/${code}/replay`, link.body.token);
      expect(replay).toMatchObject({ status: 409, body: { error: { code: "replay-not-open" } } });
      expect((await http(B, "GET", `/api/matches/${code}/replay`, teacherToken)).status).toBe(200);
      const exported = await http(A, "GET", `/api/matches/${code}/record`, teacherToken);
      expect(exported.status).toBe(200);
      const imported = await http(B, "POST", "/api/matches/import", teacherToken, exported.body);
      expect(imported.status).toBe(201);
      expect(imported.body.imported, "A's export carries the signature every process shares").toBe("verified");
      const listedOnA = await http(A, "GET", "/api/matches", teacherToken);
      expect((listedOnA.body.matches as { code: string }[]).map((m) => m.code).sort()).toEqual([code, imported.body.code].sort());
      // The list through B knows the match is live on A; deleting through B closes a room on A.
      const listedOnB = (await http(B, "GET", "/api/matches", teacherToken)).body.matches as { code: string; live: boolean }[];
      expect(listedOnB.find((m) => m.code === code)?.live).toBe(true);
      expect(listedOnB.find((m) => m.code === imported.body.code)?.live).toBe(false);
      const doomed = await http(A, "POST", "/api/matches", teacherToken, { settings: {} });
      const watcher = await join(B, doomed.body.code, { as: "projector" }, "projector of a deleted match");
      expect(socketHost(watcher)).toBe(A.address);
      const closed = new Promise<number>((resolve) => watcher.room.onLeave((c) => resolve(c)));
      expect((await http(B, "DELETE", `/api/matches/${doomed.body.code}`, teacherToken)).status).toBe(200);
      await within(closed, 10_000, "the deleted match's room on A to close");
      expect((await http(A, "GET", `/api/matches/${doomed.body.code}/record`, teacherToken)).status).toBe(404);

      // A burst: the teacher pushes news and every student renames itself, each waiting for
      // its answer; A is killed with kill -9 in the middle of it.
      const acked: { who: string; intent: Intent }[] = [];
      let stop = false;
      const loop = async (d: Device, next: (i: number) => Intent) => {
        for (let i = 1; !stop; i++) {
          const intent = next(i);
          const reply = await send(d, intent, 3000);
          if (!reply) return; // no answer: not acknowledged, whatever happened to it
          expect(reply, `${d.name}: ${JSON.stringify(intent)}`).toEqual({ ok: true });
          acked.push({ who: d.name, intent });
        }
      };
      const burst = Promise.all([
        loop(teacher, (i) => ({ type: "PushNews", text: `Bulletin ${i}` })),
        ...students.map((s) => loop(s, (i) => ({ type: "RenamePlayer", player: s.player!, nickname: `${s.name} ${i}` }))),
      ]);
      await until("40 acknowledged commands", () => acked.length >= 40, 60_000, 5);
      await A.kill9();
      const killedAt = Date.now();
      await burst;
      stop = true;
      const ackedBeforeKill = acked.length;
      expect(ackedBeforeKill).toBeGreaterThanOrEqual(40);

      // B takes the match over from the record; everyone rejoins through B, to B.
      const teacher2 = await until("the match to be open again on B", () => join(B, code, { as: "teacher", teacherToken }, "teacher again"), 60_000, 250);
      const takeoverMs = Date.now() - killedAt;
      devices.push(teacher2);
      expect(socketHost(teacher2)).toBe(B.address);
      const students2: Device[] = [];
      for (const s of students) {
        const secret = heldBy(s.room)?.seat as SeatInfo;
        const again = await join(B, code, { as: "player", nickname: s.name, seatSecret: secret.seatSecret }, `${s.name} again`);
        expect(again.player, `${s.name} keeps the seat`).toBe(s.player);
        students2.push(again);
      }
      devices.push(...students2);

      // Nothing acknowledged is missing from the record B serves.
      const record = (await http(B, "GET", `/api/matches/${code}/record`, teacherToken)).body as MatchRecord;
      expect(record.events.map((e) => e.seq)).toEqual(record.events.map((_, i) => i + 1));
      const recorded = record.events.map((e) => e.event);
      for (const { who, intent } of acked) {
        const found =
          intent.type === "PushNews"
            ? recorded.some((e) => e.type === "NewsPushed" && e.text === intent.text)
            : intent.type === "RenamePlayer"
              ? recorded.some((e) => e.type === "PlayerRenamed" && e.player === intent.player && e.nickname === intent.nickname)
              : false;
        expect(found, `${who}'s acknowledged ${JSON.stringify(intent)} is in the record`).toBe(true);
      }
      // …and the devices show it: the last acknowledged nickname of each student, every bulletin.
      const view = await until("the teacher's view on B", () => heldBy(teacher2.room)?.view, 10_000);
      for (const s of students) {
        const last = acked.filter((a) => a.who === s.name).at(-1)?.intent as Extract<Intent, { type: "RenamePlayer" }> | undefined;
        const shown = view.players.find((p) => p.id === s.player)?.nickname ?? "";
        expect(Number(shown.split(" ")[1] ?? 0), `${s.name}'s nickname`).toBeGreaterThanOrEqual(Number(last?.nickname.split(" ")[1] ?? 0));
      }

      // The state B holds is the fold of the record: the teacher's view matches viewFor().
      await until(
        "the teacher's view on B to equal the record's",
        async () => {
          const now = (await http(B, "GET", `/api/matches/${code}/record`, teacherToken)).body as MatchRecord;
          const expected = JSON.stringify(viewFor(fold(now.events.map((e) => e.event))!, { kind: "teacher" }));
          return JSON.stringify(heldBy(teacher2.room)?.view) === expected;
        },
        15_000,
        200,
      );

      // Bots are driven by B now, and play goes on under the teacher on B.
      const before = record.events.length;
      const botIds = new Set(view.players.filter((p) => p.kind === "bot").map((p) => p.id));
      await ok(teacher2, { type: "AdvancePhase" });
      await until(
        "a bot to act on B",
        async () => {
          const now = (await http(B, "GET", `/api/matches/${code}/record`, teacherToken)).body as MatchRecord;
          return now.events.slice(before).some((e) => e.actor.kind === "player" && botIds.has(e.actor.id));
        },
        30_000,
        500,
      );
      console.log(`[multi-process] ${ackedBeforeKill} commands acknowledged before kill -9; B held the match again ${takeoverMs} ms after the kill`);
      openMatches.set(code, teacherToken);
      await leave([teacher, projector, ...students]);
    },
    4 * ALLOWANCE,
  );

  it(
    "after every process restarts at once, each open match is resumed by exactly one process",
    async () => {
      const B = processes.find((p) => p.name === "B")!;
      for (let i = 0; i < 4; i++) {
        const made = await http(B, "POST", "/api/matches", undefined, { settings: { tables: 1 } });
        expect(made.status).toBe(201);
        openMatches.set(made.body.code, made.body.teacherToken);
      }
      await leave(devices.splice(0));
      await B.kill9(); // nothing left running; Redis still names B as the holder of every code

      const [C, D] = await Promise.all([start("C"), start("D")]);
      const resumedBy = (p: GameProcess) => /Resumed matches: (.*)/.exec(p.output())?.[1]?.split(", ").filter(Boolean) ?? [];
      const byC = resumedBy(C);
      const byD = resumedBy(D);
      expect([...byC, ...byD].sort()).toEqual([...openMatches.keys()].sort());
      expect(byC.filter((c) => byD.includes(c))).toEqual([]);

      // Each match is reachable through either process, and lives where it was resumed.
      for (const [code, teacherToken] of openMatches) {
        const d = await join(byC.includes(code) ? D : C, code, { as: "teacher", teacherToken }, `teacher of ${code}`);
        devices.push(d);
        expect(socketHost(d)).toBe((byC.includes(code) ? C : D).address);
      }
    },
    4 * ALLOWANCE,
  );

  it(
    "a frozen process loses its matches; thawed, its stale copy closes and the record never interleaves",
    async () => {
      const C = processes.find((p) => p.name === "C")!;
      const D = processes.find((p) => p.name === "D")!;
      const made = await http(C, "POST", "/api/matches", undefined, { settings: { tables: 1 } });
      const { code, teacherToken } = made.body as { code: string; teacherToken: string };
      const teacher = await join(D, code, { as: "teacher", teacherToken }, "teacher");
      devices.push(teacher);
      expect(socketHost(teacher)).toBe(C.address);
      await ok(teacher, { type: "FillWithBots" });
      await ok(teacher, { type: "StartMatch" }); // bots on C now act on their own

      C.child.kill("SIGSTOP");
      const teacher2 = await until("D to take the match over", () => join(D, code, { as: "teacher", teacherToken }, "teacher on D"), 60_000, 250);
      devices.push(teacher2);
      expect(socketHost(teacher2)).toBe(D.address);
      await ok(teacher2, { type: "PushNews", text: "Taken over" });

      C.child.kill("SIGCONT");
      // The thawed copy's bots and clock try to write, or its watch sees the code is D's: it closes.
      await C.printed(/\[match \w+\] .*Another process holds this match now; closing this copy\./, 30_000);
      await ok(teacher2, { type: "PushNews", text: "Still here" });
      const record = (await http(C, "GET", `/api/matches/${code}/record`, teacherToken)).body as MatchRecord;
      expect(record.events.map((e) => e.seq)).toEqual(record.events.map((_, i) => i + 1));
      // One line of play: the record folds, and D's teacher sees exactly its fold.
      await until("D's teacher view to equal the record's", async () => {
        const now = (await http(D, "GET", `/api/matches/${code}/record`, teacherToken)).body as MatchRecord;
        return JSON.stringify(heldBy(teacher2.room)?.view) === JSON.stringify(viewFor(fold(now.events.map((e) => e.event))!, { kind: "teacher" }));
      }, 15_000, 200);
    },
    4 * ALLOWANCE,
  );

  it(
    "Redis restarting empty: the match stays with its process, takes commands, and nothing acknowledged is lost",
    async () => {
      const C = processes.find((p) => p.name === "C")!;
      const D = processes.find((p) => p.name === "D")!;
      const made = await http(C, "POST", "/api/matches", undefined, { settings: { tables: 1 } });
      const { code, teacherToken } = made.body as { code: string; teacherToken: string };
      const teacher = await join(D, code, { as: "teacher", teacherToken }, "teacher");
      devices.push(teacher);
      expect(socketHost(teacher)).toBe(C.address);
      const acked: string[] = [];
      const push = async (d: Device, text: string) => {
        const reply = await send(d, { type: "PushNews", text }, 3000);
        if (reply?.ok) acked.push(text);
        return reply?.ok === true;
      };
      expect(await push(teacher, "Before the restart")).toBe(true);

      await redis.restart(); // every claim, listing and process entry is gone
      // The teacher's socket to C does not go through Redis: play goes on meanwhile.
      for (let i = 1; i <= 10; i++) {
        await push(teacher, `During the recovery ${i}`);
        await new Promise((r) => setTimeout(r, 300));
      }
      // The processes reconnect; C claims and lists its room again, so joins through either
      // process reach it — and nobody opened a second copy.
      const [viaC, viaD] = await until(
        "joins through C and D to reach the match on C",
        async () => {
          const both = await Promise.all([join(C, code, { as: "projector" }, "projector via C"), join(D, code, { as: "projector" }, "projector via D")]);
          devices.push(...both);
          return both.every((d) => socketHost(d) === C.address) && both;
        },
        60_000,
        500,
      );
      expect(await push(teacher, "Settled")).toBe(true);
      expect(D.output()).not.toContain(`now holds ${code}`);
      const record = (await http(D, "GET", `/api/matches/${code}/record`, teacherToken)).body as MatchRecord;
      expect(record.events.map((e) => e.seq)).toEqual(record.events.map((_, i) => i + 1));
      const news = record.events.flatMap((e) => (e.event.type === "NewsPushed" ? [e.event.text] : []));
      for (const text of acked) expect(news, `acknowledged "${text}"`).toContain(text);
      expect(acked.length).toBeGreaterThanOrEqual(12);
      for (const d of [viaC, viaD]) {
        await until(`${d.name}'s view to equal the record's`, async () => {
          const now = (await http(D, "GET", `/api/matches/${code}/record`, teacherToken)).body as MatchRecord;
          return JSON.stringify(heldBy(d.room)?.view) === JSON.stringify(viewFor(fold(now.events.map((e) => e.event))!, { kind: "projector" }));
        }, 15_000, 200);
      }
    },
    4 * ALLOWANCE,
  );
});
