// How this server process is deployed, read from the environment in one place.
// Invariant: with neither REDIS_URL nor DATABASE_URL the game runs exactly as it always has —
// one process, Colyseus's local presence and driver, the SQLite file under DATA_DIR — and
// nothing beyond `npm install` is needed. The variables switch parts independently:
//   DATABASE_URL=postgres://…  the record store is PostgreSQL (server/store/postgres-store.ts)
//   REDIS_URL=redis://…        presence and matchmaking driver are Redis, so several processes
//                              form one game server (needs DATABASE_URL: every process must
//                              read and write the same records)
//   PUBLIC_ADDRESS=host:port   how browsers reach THIS process (Colyseus's publicAddress): a
//                              student's join may be answered by any process, and the answer
//                              sends the WebSocket to the process holding the room.
// docs/operations.md describes the topology around it.
import type { Presence, matchMaker } from "@colyseus/core";
import { RedisDriver } from "@colyseus/redis-driver";
import { RedisPresence } from "@colyseus/redis-presence";
import { Redis } from "ioredis";
import type { MatchStore } from "./store/match-store.js";
import { PostgresMatchStore } from "./store/postgres-store.js";
import { SqliteMatchStore } from "./store/sqlite-store.js";

export interface Deployment {
  /** "single": one process on its own; "cluster": one of several sharing Redis. */
  mode: "single" | "cluster";
  store: MatchStore;
  /** Resolves when the store is ready (PostgreSQL: connected and migrated). */
  storeReady: Promise<void>;
  presence?: Presence;
  driver?: matchMaker.MatchMakerDriver;
  publicAddress?: string;
  /** Lines for the start-up message about storage and scale-out ("Label: value", no passwords). */
  describe: string[];
}

/** A setting that cannot work: the message names the variable and what to write instead. */
export class DeploymentError extends Error {
  override name = "DeploymentError";
}

function hidePassword(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return url;
  }
}

/** host[:port][/path], as Colyseus's publicAddress wants it: the browser picks ws:// or wss://. */
export function normalisePublicAddress(raw: string): string {
  const value = raw.trim().replace(/^(https?|wss?):\/\//i, "").replace(/\/+$/, "");
  if (!value || /\s/.test(value) || !/^[A-Za-z0-9.\-[\]:]+(\/[^?#]*)?$/.test(value)) {
    throw new DeploymentError(`PUBLIC_ADDRESS "${raw}" is not an address: write host:port or host/path, e.g. 10.0.0.5:2568 or games.example.org/p1.`);
  }
  return value;
}

export function deploymentFromEnv(env: NodeJS.ProcessEnv, sqliteFile: string): Deployment {
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  const redisUrl = env.REDIS_URL?.trim() || undefined;
  const describe: string[] = [];

  if (databaseUrl && !/^postgres(ql)?:\/\//i.test(databaseUrl)) {
    throw new DeploymentError(`DATABASE_URL must be a PostgreSQL address (postgres://user:password@host:5432/database); got "${hidePassword(databaseUrl)}". Leave it unset to keep the records in the SQLite file.`);
  }
  if (redisUrl && !/^rediss?:\/\//i.test(redisUrl)) {
    throw new DeploymentError(`REDIS_URL must be a Redis address (redis://host:6379 or rediss://…); got "${hidePassword(redisUrl)}".`);
  }
  if (redisUrl && !databaseUrl) {
    throw new DeploymentError(
      "REDIS_URL is set but DATABASE_URL is not: several processes would each keep their own SQLite file and lose sight of each other's matches. Set DATABASE_URL=postgres://… as well, or unset REDIS_URL to run one process.",
    );
  }

  let store: MatchStore;
  let storeReady: Promise<void>;
  if (databaseUrl) {
    const pg = new PostgresMatchStore(databaseUrl);
    store = pg;
    storeReady = pg.ready;
    describe.push(`Records: PostgreSQL ${PostgresMatchStore.describe(databaseUrl)}`);
  } else {
    store = new SqliteMatchStore(sqliteFile);
    storeReady = Promise.resolve();
    describe.push(`Records: ${sqliteFile}`);
  }

  const publicAddress = env.PUBLIC_ADDRESS ? normalisePublicAddress(env.PUBLIC_ADDRESS) : undefined;
  if (!redisUrl) return { mode: "single", store, storeReady, publicAddress, describe };

  describe.push(`Processes: one of several, sharing Redis ${hidePassword(redisUrl)}${publicAddress ? `, this process is reached at ${publicAddress}` : ""}`);
  if (!publicAddress) describe.push("Warning: PUBLIC_ADDRESS is not set, so students are sent to this process at the address they used for the join.");
  if (!env.RECORD_SIGNING_KEY) {
    describe.push("Warning: RECORD_SIGNING_KEY is not set, so each process signs exports with the key in its own DATA_DIR: a file exported through one imports as \"checked\", not \"verified\", through another.");
  }
  // The driver's connection, made here so that a Redis restart is one line per attempt in the
  // log (as the presence's are), not an "Unhandled error event" with a stack; it reconnects
  // by itself either way.
  const driverConnection = new Redis(redisUrl);
  driverConnection.on("error", (e: Error) => console.warn("RedisDriver: connection error:", e.message));
  return { mode: "cluster", store, storeReady, presence: new RedisPresence(redisUrl), driver: new RedisDriver(driverConnection), publicAddress, describe };
}
