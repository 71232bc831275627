// The server configuration: one Colyseus "match" room type, the /api routes, the built client
// and the record store (the SQLite file under DATA_DIR, or PostgreSQL and Redis when the
// environment says so: server/deployment.ts). createApp() builds it; index.ts listens; the
// integration tests boot it with @colyseus/testing.
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { defineRoom, defineServer, matchMaker } from "@colyseus/core";
import { WebSocketTransport } from "@colyseus/ws-transport";
import { setContext, type ServerContext } from "./context.js";
import { JoinLimiter, rosterLimitsFromEnv, type RosterLimits } from "./rooms/roster.js";
import { applyCorsPolicy, mountHttp } from "./http/index.js";
import { MatchRoom } from "./rooms/match-room.js";
import { closeMatchmaking } from "./rooms/opening.js";
import type { BotPace } from "./rooms/bot-driver.js";
import { realClock, type RoomClock } from "./rooms/clock.js";
import type { MatchStore } from "./store/match-store.js";
import { deploymentFromEnv, type Deployment } from "./deployment.js";
import { startResumeWatch, type ResumeWatch } from "./resume.js";
import { withRecordBudget, type RecordBudget } from "./store/budget.js";
import { RecordSigner } from "./store/signing.js";

export { resumeMatches } from "./resume.js";

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
  /** How large one match's record may grow (default RECORD_BUDGET; tests make it small). */
  recordBudget?: RecordBudget;
  /** The rooms' time (default: the wall clock); tests pass a ManualClock. */
  clock?: RoomClock;
  /** Told of every command a room dispatches (the load benchmark counts and replays them). */
  onCommand?: ServerContext["onCommand"];
  /** Players and screens per match, new players per address (default: the environment, server/rooms/roster.ts; tests make them small). */
  roster?: Partial<RosterLimits>;
}

/** The Vite dev client (npm run dev:client) talks to the server from another port. */
const DEV_ORIGINS = "http://127.0.0.1:8080,http://localhost:8080";

const quietDebug = { ...console, debug: () => {} };

export function createApp(options: AppOptions = {}) {
  const dataDir = resolve(options.dataDir ?? process.env.DATA_DIR ?? "./data");
  const deployment: Deployment = options.store
    ? { mode: "single", store: options.store, storeReady: Promise.resolve(), describe: ["Records: a store given by the caller"] }
    : deploymentFromEnv(process.env, join(dataDir, "rough-consensus.sqlite"));
  const store = withRecordBudget(deployment.store, options.recordBudget);
  const signer = RecordSigner.open(dataDir);
  const clientDir = options.clientDir ?? join(repoRoot, "client", "dist");
  const envPace = process.env.BOT_PACE;
  const botPace: BotPace = options.botPace ?? (envPace === "quick" || envPace === "instant" ? envPace : "live");
  const roster: RosterLimits = { ...rosterLimitsFromEnv(), ...options.roster };
  setContext({
    store,
    clientDir,
    reconnectSeconds: options.reconnectSeconds ?? 120,
    resumeGraceMs: options.resumeGraceMs ?? 20_000,
    botPace,
    clock: options.clock ?? realClock,
    onCommand: options.onCommand,
    roster,
    joins: new JoinLimiter(roster),
  });
  const corsOrigins = options.corsOrigins ?? (process.env.CORS_ORIGINS ?? DEV_ORIGINS).split(",").map((o) => o.trim()).filter(Boolean);
  applyCorsPolicy(corsOrigins);
  closeMatchmaking();

  const server = defineServer({
    transport: new WebSocketTransport({ maxPayload: options.maxPayload ?? 16 * 1024 }),
    gracefullyShutdown: options.gracefullyShutdown ?? process.env.NODE_ENV !== "test",
    greet: false,
    presence: deployment.presence,
    driver: deployment.driver,
    publicAddress: deployment.publicAddress,
    // A new match opens in the process the teacher's request reached: the reverse proxy
    // already spreads requests over the processes, and the room then needs no hop to create.
    selectProcessIdToCreateRoom: deployment.mode === "cluster" ? async () => matchMaker.processId : undefined,
    // With several processes each one health-checks the others every few seconds (resume.ts);
    // Colyseus reports every check at debug level, which would drown the log.
    logger: deployment.mode === "cluster" && !process.env.COLYSEUS_DEBUG ? quietDebug : undefined,
    rooms: { match: defineRoom(MatchRoom) },
    express: (app) => mountHttp(app, { clientDir, corsOrigins, signer }),
  });
  let watch: ResumeWatch | null = null;
  // Stop taking matches over before this process's own rooms close for the shutdown.
  server.onBeforeShutdown(() => watch?.stop());
  server.onShutdown(async () => {
    watch?.stop();
    await store.close();
  });
  return {
    server,
    store,
    dataDir,
    clientDir,
    signer,
    deployment,
    /** With several processes: keep taking over the matches of processes that went away. */
    watchOtherProcesses(intervalMs?: number): ResumeWatch | null {
      if (deployment.mode !== "cluster") return null;
      watch ??= startResumeWatch(store, intervalMs);
      return watch;
    },
  };
}
