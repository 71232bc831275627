// kill -9 loses no acknowledged event. The real server (server/index.ts, SQLite under its
// DATA_DIR, as `npm start` runs it) serves a running match while the teacher and five students
// send commands as fast as they are answered, each with a mark of its own (a news item, a new
// nickname); in the middle of it the process is killed with SIGKILL. Restarted on the same
// DATA_DIR, it resumes the match, and the record holds every command that was answered
// `{ ok: true }` — besides whatever was still in flight — numbered without a gap, each event
// still one the rules produce. Short by default; HOSTILE_LONG=1 kills it ten times.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as joinPath } from "node:path";
import { Client, type Room } from "@colyseus/sdk";
import { afterAll, describe, expect, it } from "vitest";
import { COMMAND, type Intent, type Reply } from "../../shared/protocol/intents.js";
import { follow, heldBy } from "../helpers/sync-client.js";
import { recheckAll } from "../../shared/replay/check.js";
import type { MatchRecord } from "../../shared/replay/record.js";
import { startGameProcess, type GameProcess } from "../helpers/game-process.js";

const KILLS = process.env.HOSTILE_LONG === "1" ? 10 : 2;
const dataDir = mkdtempSync(joinPath(tmpdir(), "rough-consensus-crash-"));
let server: GameProcess | null = null;

afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const seatOf = (room: Room) => heldBy(room)?.seat ?? null;

/** An answer, or null when the server went away first. */
async function send(room: Room, intent: Intent): Promise<Reply | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([room.request(COMMAND, intent) as Promise<Reply>, new Promise<null>((r) => (timer = setTimeout(() => r(null), 4000)))]);
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

async function until<T>(what: string, probe: () => T | undefined | null | false, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function http(path: string, token: string, init: RequestInit = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(`${server!.base}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...(init.headers ?? {}) } });
  return { status: res.status, body: await res.json() };
}

describe(`kill -9 (${KILLS} times)`, () => {
  it("keeps every acknowledged event, and the record stays one the rules produce", async () => {
    server = await startGameProcess("crash-0", { DATA_DIR: dataDir });
    const created = await fetch(`${server.base}/api/matches`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ settings: { classLabel: "Crash", timerPreset: "lesson-90" } }) });
    const { code, teacherToken } = (await created.json()) as { code: string; teacherToken: string };
    const seats: string[] = [];
    const acked = new Set<string>();
    let mark = 0;

    for (let round = 0; round < KILLS; round++) {
      // Everyone (re)joins: the students with their seat secrets after the first time.
      const teacher = follow(await new Client(server.base).joinById(code, { as: "teacher", teacherToken }));
      const students: Room[] = [];
      for (let i = 0; i < 5; i++) {
        const room = follow(await new Client(server.base).joinById(code, { as: "player", nickname: `Student ${i}`, ...(seats[i] ? { seatSecret: seats[i] } : {}) }));
        seats[i] ??= (await until("a seat", () => seatOf(room))).seatSecret;
        students.push(room);
      }
      if (round === 0) {
        expect(await send(teacher, { type: "FillWithBots" })).toEqual({ ok: true });
        expect(await send(teacher, { type: "AssignRolesAutomatically" })).toMatchObject({ ok: expect.any(Boolean) });
        expect(await send(teacher, { type: "StartMatch" })).toEqual({ ok: true });
      }
      // Everyone sends, each waiting for its answer, until the process dies under them.
      let dead = false;
      const loops = [teacher, ...students].map(async (room, who) => {
        while (!dead) {
          const id = `m${++mark}`;
          const me = who === 0 ? null : seatOf(room)?.player;
          const intent: Intent = who === 0 || !me ? { type: "PushNews", text: `news ${id}` } : { type: "RenamePlayer", player: me, nickname: `S${who} ${id}` };
          const reply = await send(room, intent);
          if (reply?.ok) acked.add(id);
          else if (reply && reply.code === "throttled") await new Promise((r) => setTimeout(r, 150));
          else if (!reply) return;
        }
      });
      // The kill comes at an arbitrary moment of the traffic: after a random number of answers, not a fixed time.
      const target = acked.size + 10 + Math.floor(Math.random() * 40);
      await until("answers before the kill", () => acked.size >= target, 60_000);
      const before = acked.size;
      await server.kill9();
      dead = true;
      await Promise.all(loops);
      expect(acked.size).toBeGreaterThan(before > 0 ? before - 1 : 0);
      for (const room of [teacher, ...students]) room.removeAllListeners();

      server = await startGameProcess(`crash-${round + 1}`, { DATA_DIR: dataDir });
      expect(server.output()).toContain(`Resumed matches: ${code}`);
      const record = (await http(`/api/matches/${code}/record`, teacherToken)).body as MatchRecord;
      const text = JSON.stringify(record.events);
      const missing = [...acked].filter((id) => !text.includes(`news ${id}"`) && !text.includes(` ${id}"`));
      expect(missing, `acknowledged but lost after kill -9 number ${round + 1}`).toEqual([]);
      expect(record.events.map((e) => e.seq)).toEqual(record.events.map((_, i) => i + 1));
      expect(recheckAll(record.events)).toMatchObject({ ok: true });
    }
    console.log(`[crash] ${KILLS} × kill -9: ${acked.size} acknowledged commands, none lost`);
  }, 120_000 * KILLS);
});
