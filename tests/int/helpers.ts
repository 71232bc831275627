// Helpers for the integration tests: a real Colyseus server (booted by @colyseus/testing on
// port 2568) with a real SQLite file in a temporary DATA_DIR, real @colyseus/sdk clients over
// real WebSockets, and checks that each client's decoded state rebuilds its viewFor().
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { boot, type ColyseusTestServer } from "@colyseus/testing";
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

export const PORT = 2568;
export const BASE = `http://127.0.0.1:${PORT}`;

export interface TestServer {
  t: ColyseusTestServer;
  app: ReturnType<typeof createApp>;
  dataDir: string;
  close(): Promise<void>;
}

export async function startServer(options: AppOptions = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "rough-consensus-int-"));
  const app = createApp({ gracefullyShutdown: false, resumeGraceMs: 0, ...options, dataDir });
  const t = await boot(app.server);
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

export async function leaveAll(devices: Device[]): Promise<void> {
  await Promise.all(devices.map((d) => d.room.leave(true).catch(() => undefined)));
}
