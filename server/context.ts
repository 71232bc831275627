// Process-wide services the rooms and routes share: the record store and where the server
// is reachable. Set once by createApp(); rooms read it when they are created.
import type { MatchStore } from "./store/match-store.js";
import type { BotPace } from "./rooms/bot-driver.js";
import type { Actor, Command } from "../shared/rules/commands.js";
import type { RoomClock } from "./rooms/clock.js";
import type { JoinLimiter, RosterLimits } from "./rooms/roster.js";

/** One command as a room dispatched it: what the load benchmark replays to time the engine alone. */
export interface DispatchedCommand {
  match: string;
  command: Command;
  actor: Actor;
  now: number;
  /** Time the engine spent on it in the room: decide, and applying its events if accepted. */
  engineMs: number;
}

export interface ServerContext {
  store: MatchStore;
  /** Where the built client lives (served statically when it exists). */
  clientDir: string;
  /** Seconds a dropped device keeps its seat before the room forgets the connection. */
  reconnectSeconds: number;
  /** Grace after a restart before a running match's overdue clock fires. */
  resumeGraceMs: number;
  /** How fast bots act: like people (live), ten times faster (quick), or at once (instant). */
  botPace: BotPace;
  /** The rooms' time: the wall clock, or a test's ManualClock. */
  clock: RoomClock;
  /** Players and screens per match, and new players per address (server/rooms/roster.ts). */
  roster: RosterLimits;
  /** New players per network address, shared by every match of this process. */
  joins: JoinLimiter;
  /** Told of every command a room dispatches (the load benchmark counts and replays them). */
  onCommand?: (entry: DispatchedCommand) => void;
}

let current: ServerContext | null = null;

export function setContext(ctx: ServerContext): void {
  current = ctx;
}

export function context(): ServerContext {
  if (!current) throw new Error("The server context is not set; call createApp() first.");
  return current;
}
