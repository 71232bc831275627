// Messages between the load benchmark's orchestrator (run.ts), its server process
// (server.ts) and its client processes (clients.ts), and small helpers they share.
import { createServer } from "node:net";

export type ToServer = { type: "memory" } | { type: "mark" } | { type: "report" } | { type: "stop" };

export interface ServerReport {
  type: "report";
  seconds: number;
  /** Commands the rooms dispatched in the window (accepted or refused by the engine). */
  commands: number;
  /** Process CPU time (user + system) in the window. */
  cpuMs: number;
  /** Event-loop utilisation in the window, 0..1. */
  elu: number;
  /** The engine's time in the rooms (decide, and applying the events), as they ran the commands. */
  inRoomMs: number;
  /** decide + applyEvent of the same commands, replayed alone. */
  engineMs: number;
  /** decide + evolve (the pure form, which copies the state) of the same commands. */
  evolveMs: number;
}

export type FromServer = { type: "ready"; port: number } | { type: "memory"; heapUsed: number; rss: number } | { type: "marked" } | ServerReport;

export interface RoomSpec {
  code: string;
  teacherToken: string;
}

export type ToClients =
  | { type: "setup"; base: string; rooms: RoomSpec[]; seed: number }
  | { type: "go"; seconds: number; actEveryMs: number; churnEveryMs: number }
  | { type: "stop" };

export interface ClientsReport {
  type: "done";
  /** Request round trips of commands sent in the window, ms. */
  roundTrips: number[];
  /** Seconds from a rejoin's start until its first whole view arrived, ms. */
  rejoins: number[];
  /** Engine refusals by code (expected: e.g. remote comments used up). */
  refusals: Record<string, number>;
  /** Requests that failed outright (timeouts, closed connections). */
  errors: number;
  /** This client process's own event-loop utilisation in the window (is the load generator the bottleneck?). */
  elu: number;
}

export type FromClients = { type: "ready"; joins: number[]; devices: number } | ClientsReport | { type: "failed"; message: string };

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** The q-quantile (0..1) of unsorted samples, nearest rank. */
export function quantile(samples: readonly number[], q: number): number {
  if (!samples.length) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
