// Helpers for the integration tests: a real Colyseus server (booted by @colyseus/testing on
// a free loopback port, so several checkouts can run their suites at once) with a real SQLite
// file in a temporary DATA_DIR, real @colyseus/sdk clients over real WebSockets that keep
// their state from the server's sync frames exactly as the browser client does
// (SyncReceiver), and checks that each device holds its viewFor() and nothing more.
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
import { SYNC, SYNC_AGAIN, SyncReceiver, type DeviceState, type SeatInfo, type SyncFrame } from "../../shared/protocol/sync.js";
import { viewFor, type Viewer } from "../../shared/rules/view.js";
import { audienceOf } from "../../server/rooms/view-sync.js";
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

/** One connected device: its SDK room, who it is, its state, and every notice it got. */
export interface Device {
  name: string;
  room: Room;
  viewer: Viewer;
  notices: Notice[];
  client: Client;
  /** The device's state, kept from the sync frames as the browser client keeps it. */
  sync: SyncReceiver;
  /** Every frame this device received, in order. */
  frames: SyncFrame[];
  /** Called after each frame is applied. */
  onFrame: Set<(frame: SyncFrame) => void>;
  /** Frames it could not apply (it then asked for the whole state again). */
  broken: number;
}

/** Follows a joined (or reconnected) room as a device does: applies every sync frame. */
export function track(name: string, room: Room, viewer: Viewer, client = new Client(BASE), localNow: () => number = Date.now): Device {
  const device: Device = { name, room, viewer, notices: [], client, sync: new SyncReceiver(), frames: [], onFrame: new Set(), broken: 0 };
  room.onMessage(NOTICE, (n: Notice) => device.notices.push(n));
  room.onMessage(SYNC, (frame: SyncFrame) => {
    device.frames.push(frame);
    if (!device.sync.receive(frame, localNow())) {
      device.broken++;
      room.send(SYNC_AGAIN);
      return;
    }
    for (const listener of device.onFrame) listener(frame);
  });
  return device;
}

/** Joins as a device would; `localNow` is the device's own clock (a phone's may be wrong). */
export async function join(code: string, options: JoinOptions, name = "device", localNow: () => number = Date.now): Promise<Device> {
  const client = new Client(BASE);
  const room = await client.joinById(code, options);
  const device = track(name, room, { kind: options.as === "teacher" ? "teacher" : "projector" }, client, localNow);
  const state = await eventually(() => device.sync.state ?? undefined, 3000, `${name}'s first state`);
  if (options.as === "player") {
    const seat = await eventually(() => device.sync.state?.seat ?? undefined, 3000, `${name}'s seat`);
    device.viewer = { kind: "player", id: seat.player };
  }
  void state;
  return device;
}

/** What the device holds now (its view, who is online, its seat). */
export const held = (d: Device): DeviceState => {
  if (!d.sync.state) throw new Error(`${d.name} holds no state yet`);
  return d.sync.state;
};
export const seat = (d: Device): SeatInfo => held(d).seat!;

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

/** As JSON: an undefined member counts as absent, as on the wire. */
const asJson = (x: unknown): string => JSON.stringify(x) ?? "undefined";

/** Waits until every device's view equals viewFor() on the server for that device. */
export async function expectViewsInSync(s: TestServer, code: string, devices: Device[], ms = 3000): Promise<void> {
  const until = Date.now() + ms;
  for (const d of devices) {
    for (;;) {
      const expected = viewFor(liveState(s, code), d.viewer);
      const actual = d.sync.state?.view ?? null;
      if (asJson(actual) === asJson(expected)) break;
      if (Date.now() > until) {
        expect(JSON.parse(asJson(actual)), `${d.name} (${JSON.stringify(d.viewer)}) view`).toEqual(JSON.parse(asJson(expected)));
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
  /** Frames checked (one per frame per device). */
  checks: number;
  stop(): void;
}

/**
 * After every frame a device applies, checks two things. Exactly its view: the state it now
 * holds is viewFor() of the very match state the server built that frame from (the room's
 * sync reports it). And nothing it may not hold, read from the serialized state itself:
 * other roles' briefings (their notes), corridor messages it neither sent nor received,
 * fellowships, grants and sponsors of others before the end, payoffs in the scenario before
 * the end (the teacher excepted), anyone else's seat secret, and the teacher's list of who is
 * online. The projector holds nothing private at all.
 */
export function watchSecrecy(s: TestServer, code: string, devices: Device[], notes: Record<string, string[]>, secrets: () => string[]): SecrecyMonitor {
  const monitor: SecrecyMonitor = { violations: [], checks: 0, stop: () => undefined };
  const built = new Map<string, Map<number, MatchState>>();
  const room = serverRoom(s, code);
  const previous = room.sync.observer;
  room.sync.observer = (audience, frame, from) => {
    let frames = built.get(audience);
    if (!frames) built.set(audience, (frames = new Map()));
    frames.set(frame.n, from);
    previous?.(audience, frame, from);
  };
  const unbinds: (() => void)[] = [];
  for (const d of devices) {
    // Frames made before the monitor started may still be on their way: those are checked for secrets only.
    const since = room.sync.lastFrame(d.viewer);
    const fail = (why: string) => monitor.violations.length < 50 && monitor.violations.push(`${d.name}: ${why}`);
    const check = (frame?: SyncFrame) => {
      monitor.checks++;
      const state = held(d);
      const view = state.view;
      const viewText = asJson(view);
      // Exactly its own view, as of the state the frame was built from.
      const from = frame && built.get(audienceOf(d.viewer))?.get(frame.n);
      if (frame && !from && frame.n > since) fail(`got frame ${frame.n} the room did not report`);
      if (from && viewText !== asJson(viewFor(from, d.viewer))) fail(`frame ${frame!.n} does not hold its viewFor()`);
      const text = `${viewText}${asJson(state.online)}${asJson(state.seat)}`;
      const ended = view.status === "ended";
      const me = d.viewer.kind === "player" ? view.players.find((p) => d.viewer.kind === "player" && p.id === d.viewer.id) : undefined;
      const myRole = me?.role ?? null;
      const myTable = me?.table ?? null;
      const teacher = d.viewer.kind === "teacher";
      const mine = (table: number, ...roles: (string | null | undefined)[]) => teacher || (myTable === table && myRole !== null && roles.includes(myRole));
      // Briefing notes: only one's own role's.
      for (const [role, list] of Object.entries(notes)) {
        if (role === myRole) continue;
        for (const n of list) if (text.includes(n.slice(0, 60))) fail(`holds the briefing of ${role}`);
      }
      if (view.briefing && view.briefing.role !== myRole) fail(`holds the briefing of ${view.briefing.role}`);
      // Seat secrets: only one's own.
      const own = d.viewer.kind === "player" ? (state.seat?.seatSecret ?? null) : null;
      for (const secret of secrets()) if (secret !== own && text.includes(secret)) fail("holds another device's seat secret");
      if (state.seat && (d.viewer.kind !== "player" || state.seat.player !== d.viewer.id)) fail(`holds the seat of ${state.seat.player}`);
      if (!teacher && Object.keys(state.online).length) fail("holds the teacher's list of who is online");
      for (const t of view.tables) {
        for (const c of t.corridor) if (!mine(t.index, c.from, c.to, c.interceptedBy)) fail(`holds corridor message ${c.id} (${c.from}→${c.to})`);
        if (!ended) {
          for (const f of t.fellowships) if (!mine(t.index, f.from, f.to)) fail(`holds fellowship ${f.id} (${f.from}→${f.to})`);
          for (const g of t.grants) if (!mine(t.index, g.from, g.to)) fail(`holds grant ${g.id} (${g.from}→${g.to})`);
          t.rounds.forEach((r, ri) => {
            for (const [role, a] of Object.entries(r.attendance)) if ("paidBy" in a && !mine(t.index, role, a.paidBy)) fail(`knows who paid for ${role} in round ${ri}`);
          });
          if (!teacher) {
            for (const dsr of view.scenario.dossiers) for (const o of dsr.options) if ("payoffs" in o || "subScores" in o || "publicInterest" in o) fail(`the scenario reveals ${o.id}`);
            if (view.scenario.rider?.options.some((o) => "payoffs" in o)) fail("the scenario reveals the rider's payoffs");
            if (view.scenario.whatHappened.length) fail("the scenario reveals what happened");
          }
        }
        if (d.viewer.kind === "projector" && (t.corridor.length || (!ended && (t.fellowships.length || t.grants.length)))) fail("the projector holds private table entries");
      }
      if (d.viewer.kind === "projector" && (view.briefing || state.seat)) fail("the projector holds private entries");
    };
    d.onFrame.add(check);
    unbinds.push(() => d.onFrame.delete(check));
    if (d.sync.state) check();
  }
  monitor.stop = () => {
    unbinds.forEach((u) => u());
    room.sync.observer = previous;
  };
  return monitor;
}
