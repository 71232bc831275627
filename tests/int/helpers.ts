// Helpers for the integration tests: a real Colyseus server (booted by @colyseus/testing on
// a free loopback port, so several checkouts can run their suites at once) with a real SQLite file in a temporary DATA_DIR, real @colyseus/sdk clients over
// real WebSockets, and checks that each client's decoded state rebuilds its viewFor().
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { createServer } from "node:net";
import { join as joinPath } from "node:path";
import { ColyseusTestServer } from "@colyseus/testing";
import { Client, type Room } from "@colyseus/sdk";
import { expect } from "vitest";
import { createApp, type AppOptions } from "../../server/app.js";
import type { MatchRoom } from "../../server/rooms/match-room.js";
import { COMMAND, NOTICE, type Intent, type JoinOptions, type Notice, type Reply } from "../../shared/protocol/intents.js";
import { rebuildView, seatOf } from "../../shared/protocol/rebuild.js";
import type { SeatInfo, WireMatchState } from "../../shared/protocol/state.js";
import { viewFor, type Viewer } from "../../shared/rules/view.js";
import type { SettingsInput } from "../../shared/rules/settings.js";
import type { MatchState } from "../../shared/rules/types.js";

/** A port nobody listens on right now (INT_PORT overrides it). */
async function freePort(): Promise<number> {
  if (process.env.INT_PORT) return Number(process.env.INT_PORT);
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export const PORT = await freePort();
export const BASE = `http://127.0.0.1:${PORT}`;

export interface TestServer {
  t: ColyseusTestServer;
  app: ReturnType<typeof createApp>;
  dataDir: string;
  close(): Promise<void>;
}

export async function startServer(options: AppOptions = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(joinPath(tmpdir(), "rough-consensus-int-"));
  const app = createApp({ gracefullyShutdown: false, resumeGraceMs: 0, ...options, dataDir });
  // boot() from @colyseus/testing 0.18.6 ignores its port argument for a Server instance
  // (it always listens on 2568), so listen here and wrap the server ourselves.
  await app.server.listen(PORT, "127.0.0.1");
  const t = new ColyseusTestServer(app.server);
  return {
    t,
    app,
    dataDir,
    async close() {
      await t.shutdown();
      await app.store.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Created {
  code: string;
  teacherToken: string;
  links: { join: string; teacher: string; projector: string };
}

export async function createMatch(settings: SettingsInput = {}, token?: string): Promise<Created> {
  const res = await fetch(`${BASE}/api/matches`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ settings }),
  });
  const body = await res.json();
  if (res.status !== 201) throw new Error(`create failed ${res.status}: ${JSON.stringify(body)}`);
  return body as Created;
}

/** One connected device: its SDK room, who it is, and every notice it got. */
export interface Device {
  name: string;
  room: Room;
  viewer: Viewer;
  notices: Notice[];
  client: Client;
}

export async function join(code: string, options: JoinOptions, name = "device"): Promise<Device> {
  const client = new Client(BASE);
  const room = await client.joinById(code, options);
  const notices: Notice[] = [];
  room.onMessage(NOTICE, (n: Notice) => notices.push(n));
  let viewer: Viewer = { kind: options.as === "teacher" ? "teacher" : "projector" };
  if (options.as === "player") {
    const seat = await eventually(() => seatOf(decoded(room)) ?? undefined);
    viewer = { kind: "player", id: seat.player };
  }
  return { name, room, viewer, notices, client };
}

export const decoded = (room: Room): WireMatchState => (room.state as { toJSON(): WireMatchState }).toJSON();
export const seat = (d: Device): SeatInfo => seatOf(decoded(d.room))!;

/** Sends any payload as a command (tests send malformed ones on purpose). */
export function cmd(d: Device, intent: Intent | Record<string, unknown>): Promise<Reply> {
  return d.room.request(COMMAND, intent) as Promise<Reply>;
}

export async function ok(d: Device, intent: Intent): Promise<void> {
  const reply = await cmd(d, intent);
  expect(reply, `${d.name}: ${JSON.stringify(intent)}`).toEqual({ ok: true });
}

/** Polls until fn returns a value other than undefined/false, or fails after `ms`. */
export async function eventually<T>(fn: () => T | undefined | false, ms = 3000, what = "condition"): Promise<T> {
  const until = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = fn();
      if (v !== undefined && v !== false) return v as T;
    } catch (e) {
      last = e;
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ""}`);
    await new Promise((r) => setTimeout(r, 15));
  }
}

export function serverRoom(s: TestServer, code: string): MatchRoom {
  return s.t.getRoomById(code) as unknown as MatchRoom;
}

export function liveState(s: TestServer, code: string): MatchState {
  return serverRoom(s, code).matchState!;
}

const norm = (x: unknown) => JSON.parse(JSON.stringify(x));

/** Waits until every device's rebuilt view equals viewFor() on the server for that device. */
export async function expectViewsInSync(s: TestServer, code: string, devices: Device[], ms = 3000): Promise<void> {
  const until = Date.now() + ms;
  for (const d of devices) {
    for (;;) {
      const expected = norm(viewFor(liveState(s, code), d.viewer));
      const actual = norm(rebuildView(decoded(d.room), d.viewer));
      if (JSON.stringify(actual) === JSON.stringify(expected)) break;
      if (Date.now() > until) {
        expect(actual, `${d.name} (${JSON.stringify(d.viewer)}) view`).toEqual(expected);
        break;
      }
      await new Promise((r) => setTimeout(r, 15));
    }
  }
}

/**
 * Cleanup after the tests: each open device leaves, waiting at most a second for each. A leave
 * may fail (cleanup tolerates it) when the server already closed the room or the test removed
 * the player; that is not what any test checks, and the server is shut down next anyway.
 */
export async function leaveAll(devices: Device[]): Promise<void> {
  const pause = () => new Promise((r) => setTimeout(r, 1000));
  await Promise.all(devices.filter((d) => d.room.connection?.isOpen).map((d) => Promise.race([d.room.leave(true).catch(() => undefined), pause()])));
}

/** The device of each role, read from the engine after roles were assigned. */
export function devicesByRole(s: TestServer, code: string, students: Device[]): Record<string, Device> {
  const state = liveState(s, code);
  const out: Record<string, Device> = {};
  for (const d of students) {
    if (d.viewer.kind !== "player") continue;
    const role = state.players[d.viewer.id]?.role;
    if (role) out[role] = d;
  }
  return out;
}

export interface SecrecyMonitor {
  violations: string[];
  checks: number;
  stop(): void;
}

/**
 * After every patch a device decodes, checks its serialized state for data it may not hold:
 * other roles' briefings (their notes), corridor messages it neither sent nor received,
 * fellowships, grants and sponsors of others before the end, payoffs in the public scenario
 * before the end, and anyone else's seat secret. The projector must hold no private entry.
 */
export function watchSecrecy(s: TestServer, code: string, devices: Device[], notes: Record<string, string[]>, secrets: () => string[]): SecrecyMonitor {
  const monitor: SecrecyMonitor = { violations: [], checks: 0, stop: () => undefined };
  const unbinds: (() => void)[] = [];
  for (const d of devices) {
    const check = () => {
      monitor.checks++;
      const state = decoded(d.room);
      const text = JSON.stringify(state);
      const fail = (why: string) => monitor.violations.length < 50 && monitor.violations.push(`${d.name}: ${why}`);
      const ended = state.status === "ended";
      const me = d.viewer.kind === "player" ? state.players?.[d.viewer.id] : undefined;
      const myRole = me && me.role !== "" ? me.role : null;
      const myTable = me && me.table >= 0 ? me.table : null;
      const teacher = d.viewer.kind === "teacher";
      const mine = (table: number, ...roles: (string | null)[]) => teacher || (myTable === table && myRole !== null && roles.includes(myRole));
      // Briefing notes: only one's own role's.
      for (const [role, list] of Object.entries(notes)) {
        if (role === myRole) continue;
        for (const n of list) if (text.includes(n.slice(0, 60))) fail(`holds the briefing of ${role}`);
      }
      // Seat secrets: only one's own.
      const own = d.viewer.kind === "player" ? (seat(d)?.seatSecret ?? null) : null;
      for (const secret of secrets()) if (secret !== own && text.includes(secret)) fail("holds another device's seat secret");
      // Private entries.
      for (const key of Object.keys(state.secrets ?? {})) {
        // Available actions: exactly the entry of the device's own kind of viewer.
        const actions = teacher ? "actions/teacher" : myRole !== null && myTable !== null ? `actions/d:${myTable}/${myRole}${me?.muted ? "/muted" : ""}` : "actions/n";
        const allowed = key === actions || (teacher ? key === "scenario" : d.viewer.kind === "player" && (key === `seat/${d.viewer.id}` || key === `briefing/${myTable}/${myRole}`));
        if (!allowed) fail(`holds private entry ${key}`);
      }
      for (const t of state.tables ?? []) {
        for (const [id, c] of Object.entries(t.corridor ?? {})) {
          const m = JSON.parse(c.json);
          if (!mine(t.index, m.from, m.to, m.interceptedBy)) fail(`holds corridor message ${id} (${m.from}→${m.to})`);
        }
        if (!ended) {
          for (const [id, f] of Object.entries(t.fellowships ?? {})) {
            const x = JSON.parse(f.json);
            if (!mine(t.index, x.from, x.to)) fail(`holds fellowship ${id} (${x.from}→${x.to})`);
          }
          for (const [id, g] of Object.entries(t.grants ?? {})) {
            const x = JSON.parse(g.json);
            if (!mine(t.index, x.from, x.to)) fail(`holds grant ${id} (${x.from}→${x.to})`);
          }
          t.rounds?.forEach((r, ri) => {
            for (const [role, p] of Object.entries(r.paidBy ?? {})) if (!mine(t.index, role, JSON.parse(p.json))) fail(`knows who paid for ${role} in round ${ri}`);
          });
          const scenario = JSON.parse(state.scenario);
          for (const dsr of scenario.dossiers) for (const o of dsr.options) if ("payoffs" in o || "subScores" in o || "publicInterest" in o) fail(`public scenario reveals ${o.id}`);
          if (scenario.rider?.options.some((o: object) => "payoffs" in o)) fail("public scenario reveals the rider's payoffs");
          if (scenario.whatHappened.length) fail("public scenario reveals what happened");
        }
        if (d.viewer.kind === "projector" && (Object.keys(t.corridor ?? {}).length || (!ended && (Object.keys(t.fellowships ?? {}).length || Object.keys(t.grants ?? {}).length))))
          fail("the projector holds private table entries");
      }
      if (d.viewer.kind === "projector" && Object.keys(state.secrets ?? {}).length) fail("the projector holds private entries");
    };
    d.room.onStateChange(check);
    unbinds.push(() => d.room.onStateChange.remove(check));
    check();
  }
  monitor.stop = () => unbinds.forEach((u) => u());
  return monitor;
}
