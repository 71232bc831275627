// The server configuration: one Colyseus "match" room type, the /api routes, the built client
// and the record store under DATA_DIR. createApp() builds it; index.ts listens; the
// integration tests boot it with @colyseus/testing.
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { defineRoom, defineServer, matchMaker } from "@colyseus/core";
import { WebSocketTransport } from "@colyseus/ws-transport";
import { Encoder } from "@colyseus/schema";
import { setContext } from "./context.js";
import { applyCorsPolicy, mountHttp } from "./http/index.js";
import { MatchRoom } from "./rooms/match-room.js";
import type { BotPace } from "./rooms/bot-driver.js";
import type { MatchStore } from "./store/match-store.js";
import { SqliteMatchStore } from "./store/sqlite-store.js";

// A teacher's full state (scenario with payoffs, every message) outgrows the 8 KB default.
Encoder.BUFFER_SIZE = 256 * 1024;

const repoRoot = resolve(fileURLToPath(new URL("..", import.meta.url)));

export interface AppOptions {
  /** Folder for the SQLite file (default: DATA_DIR or ./data). */
  dataDir?: string;
  /** A record store to use instead of the SQLite file. */
  store?: MatchStore;
  /** Folder of the built client (default: client/dist). */
  clientDir?: string;
  /** Colyseus's signal handlers call process.exit(): keep them off in tests. */
  gracefullyShutdown?: boolean;
  /** Seconds a dropped device keeps its seat (default 120). */
  reconnectSeconds?: number;
  /** After a restart, overdue phase clocks wait this long (default 20 s). */
  resumeGraceMs?: number;
  /** WebSocket frame limit in bytes (default 16 KB). */
  maxPayload?: number;
  /** How fast bots act (default: BOT_PACE or "live"). */
  botPace?: BotPace;
  /** Other origins allowed to call the server (default: CORS_ORIGINS, else the Vite dev client's). */
  corsOrigins?: string[];
}

/** The Vite dev client (npm run dev:client) talks to the server from another port. */
const DEV_ORIGINS = "http://127.0.0.1:8080,http://localhost:8080";

export function createApp(options: AppOptions = {}) {
  const dataDir = resolve(options.dataDir ?? process.env.DATA_DIR ?? "./data");
  const store = options.store ?? new SqliteMatchStore(join(dataDir, "rough-consensus.sqlite"));
  const clientDir = options.clientDir ?? join(repoRoot, "client", "dist");
  const envPace = process.env.BOT_PACE;
  const botPace: BotPace = options.botPace ?? (envPace === "quick" || envPace === "instant" ? envPace : "live");
  setContext({ store, clientDir, reconnectSeconds: options.reconnectSeconds ?? 120, resumeGraceMs: options.resumeGraceMs ?? 20_000, botPace });
  const corsOrigins = options.corsOrigins ?? (process.env.CORS_ORIGINS ?? DEV_ORIGINS).split(",").map((o) => o.trim()).filter(Boolean);
  applyCorsPolicy(corsOrigins);

  const server = defineServer({
    transport: new WebSocketTransport({ maxPayload: options.maxPayload ?? 16 * 1024 }),
    gracefullyShutdown: options.gracefullyShutdown ?? process.env.NODE_ENV !== "test",
    greet: false,
    rooms: { match: defineRoom(MatchRoom) },
    express: (app) => mountHttp(app, { clientDir, corsOrigins }),
  });
  server.onShutdown(() => store.close());
  return { server, store, dataDir, clientDir };
}

/**
 * Recreates a room (same code) for every match the store still has in the lobby or running,
 * so students can rejoin after a restart. Returns the codes resumed.
 */
export async function resumeMatches(store: MatchStore, maxAgeHours = Number(process.env.RESUME_MAX_AGE_HOURS ?? 24)): Promise<string[]> {
  const open = await store.listMatches({ status: ["lobby", "running"] });
  const since = Date.now() - maxAgeHours * 3600_000;
  const resumed: string[] = [];
  for (const m of open) {
    if ((m.lastEventAt ?? m.createdAt) < since) continue;
    if (matchMaker.getLocalRoomById(m.code)) continue;
    try {
      await matchMaker.createRoom("match", { resume: m.code });
      resumed.push(m.code);
    } catch (e) {
      console.error(`[resume] match ${m.code} could not be resumed:`, e instanceof Error ? e.message : e);
    }
  }
  return resumed;
}
