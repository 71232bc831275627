// Process-wide services the rooms and routes share: the record store and where the server
// is reachable. Set once by createApp(); rooms read it when they are created.
import type { MatchStore } from "./store/match-store.js";
import type { BotPace } from "./rooms/bot-driver.js";

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
}

let current: ServerContext | null = null;

export function setContext(ctx: ServerContext): void {
  current = ctx;
}

export function context(): ServerContext {
  if (!current) throw new Error("The server context is not set; call createApp() first.");
  return current;
}
