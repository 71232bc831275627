// Throwaway Redis and PostgreSQL servers for the tests that need them, started by the test
// itself from Debian's `redis-server` and `postgresql` packages (scripts/install-services.sh)
// on free loopback ports, with their data in a temporary folder that is removed afterwards.
// Nothing here touches a server the machine already runs.
//
// Invariants:
// - A missing service is a reason, never a crash: `redisUnavailable()` / `postgresUnavailable()`
//   say why, the suites skip with that reason — except under CI=true, where a missing service
//   fails the run (CI installs both; a silent skip there would hide the multi-process tests).
// - PostgreSQL refuses to run as root: as root the server runs as the `postgres` OS user that
//   Debian's package creates (spawned with that uid/gid), as anyone else it runs as that user.
// - TEST_REDIS_URL / TEST_DATABASE_URL point the tests at servers you already run instead;
//   each PostgreSQL suite still gets a database of its own, dropped at the end.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { accessSync, chmodSync, chownSync, constants, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";

const INSTALL_HINT = "install them with `bash scripts/install-services.sh` (as root)";

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? "").split(":")) {
    if (dir && executable(join(dir, name))) return join(dir, name);
  }
  return null;
}

export function freePort(): Promise<number> {
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

/** Polls `probe` until it returns true; fails with `what` after `ms`. */
async function until(what: string, probe: () => Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  let last: unknown = null;
  for (;;) {
    try {
      if (await probe()) return;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}${last instanceof Error ? ` (${last.message})` : ""}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Whether CI=true: there a missing service is a failure, not a skip. */
export const inCI = (): boolean => /^(1|true|yes)$/i.test(process.env.CI ?? "");

// ---- Redis ------------------------------------------------------------------------------

/** $REDIS_SERVER when set (and then only it), else redis-server on PATH or in /usr/bin. */
export function findRedisServer(): string | null {
  const chosen = process.env.REDIS_SERVER;
  if (chosen) return executable(chosen) ? chosen : null;
  return onPath("redis-server") ?? (executable("/usr/bin/redis-server") ? "/usr/bin/redis-server" : null);
}

/** Why Redis tests cannot run here, or null when they can. */
export function redisUnavailable(): string | null {
  if (process.env.TEST_REDIS_URL) return null;
  return findRedisServer() ? null : `no redis-server found (PATH, /usr/bin, $REDIS_SERVER); ${INSTALL_HINT} or set TEST_REDIS_URL`;
}

export interface RunningService {
  url: string;
  /** The server's process id (PostgreSQL: the postmaster), when this module started it. */
  readonly pid?: number;
  stop(): Promise<void>;
}

export interface RunningRedis extends RunningService {
  /** Stops the server and starts an empty one on the same port (what a Redis restart without persistence looks like). */
  restart(): Promise<void>;
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port }, () => socket.write("PING\r\n"));
    socket.setTimeout(1000, () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("data", (data) => {
      socket.destroy();
      resolve(data.toString().startsWith("+PONG"));
    });
    socket.once("error", () => resolve(false));
  });
}

const children = new Set<ChildProcess>();
// A test that crashes must not leave servers behind on a shared machine.
process.once("exit", () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
});

function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(force);
      children.delete(child);
      resolve();
    });
    child.kill(signal);
  });
}

/** A Redis server on a free port with nothing saved to disk; or TEST_REDIS_URL (no restart). */
export async function startRedis(): Promise<RunningRedis> {
  if (process.env.TEST_REDIS_URL) {
    return { url: process.env.TEST_REDIS_URL, stop: async () => {}, restart: async () => Promise.reject(new Error("cannot restart the Redis of TEST_REDIS_URL")) };
  }
  const bin = findRedisServer();
  if (!bin) throw new Error(redisUnavailable() ?? "no redis-server");
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "rough-consensus-redis-"));
  const launch = async (): Promise<ChildProcess> => {
    const child = spawn(bin, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir, "--daemonize", "no", "--loglevel", "warning"], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    children.add(child);
    let stderr = "";
    child.stderr!.on("data", (d) => (stderr += d));
    await until(`redis-server on port ${port}`, async () => {
      if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode}): ${stderr.trim()}`);
      return ping(port);
    }, 20_000);
    return child;
  };
  let child = await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    get pid() {
      return child.pid;
    },
    async restart() {
      await stopChild(child, "SIGTERM");
      child = await launch();
    },
    async stop() {
      await stopChild(child, "SIGTERM");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// ---- PostgreSQL ---------------------------------------------------------------------------

/** The folder with `initdb` and `postgres`: $PG_BIN when set (and then only it), else PATH, pg_config, or Debian's newest. */
export function findPostgresBin(): string | null {
  const ok = (dir: string | null | undefined): dir is string => !!dir && executable(join(dir, "initdb")) && executable(join(dir, "postgres"));
  if (process.env.PG_BIN) return ok(process.env.PG_BIN) ? process.env.PG_BIN : null;
  const initdb = onPath("initdb");
  if (initdb && ok(initdb.replace(/\/initdb$/, ""))) return initdb.replace(/\/initdb$/, "");
  const pgConfig = onPath("pg_config");
  if (pgConfig) {
    const dir = spawnSync(pgConfig, ["--bindir"], { encoding: "utf8" }).stdout?.trim();
    if (ok(dir)) return dir;
  }
  try {
    const versions = readdirSync("/usr/lib/postgresql").filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) if (ok(`/usr/lib/postgresql/${v}/bin`)) return `/usr/lib/postgresql/${v}/bin`;
  } catch {
    // no Debian PostgreSQL
  }
  return null;
}

const isRoot = () => process.getuid?.() === 0;

/** The OS user PostgreSQL runs as when the tests run as root (it refuses root). */
function postgresUser(): { uid: number; gid: number } | null {
  const r = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
  const g = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
  if (r.status !== 0 || g.status !== 0) return null;
  return { uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) };
}

/** Why PostgreSQL tests cannot run here, or null when they can. */
export function postgresUnavailable(): string | null {
  if (process.env.TEST_DATABASE_URL) return null;
  if (!findPostgresBin()) return `no PostgreSQL server found (initdb/postgres on PATH, pg_config, /usr/lib/postgresql/*/bin, $PG_BIN); ${INSTALL_HINT} or set TEST_DATABASE_URL`;
  if (isRoot() && !postgresUser()) return `running as root and there is no 'postgres' OS user to run PostgreSQL as; ${INSTALL_HINT}`;
  return null;
}

export interface RunningPostgres extends RunningService {
  /** A new, empty database on this server; `drop()` removes it. */
  database(name?: string): Promise<{ url: string; drop(): Promise<void> }>;
}

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

function makeRunning(adminUrl: string, stop: () => Promise<void>, pid?: number): RunningPostgres {
  return {
    url: adminUrl,
    pid,
    stop,
    async database(name = `rc_test_${randomBytes(4).toString("hex")}`) {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      return {
        url: withDatabase(adminUrl, name),
        async drop() {
          const c = new pg.Client({ connectionString: adminUrl });
          await c.connect();
          try {
            await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          } finally {
            await c.end();
          }
        },
      };
    },
  };
}

/**
 * A PostgreSQL server in a temporary cluster on a free port (password authentication,
 * fsync off: the tests kill game servers, never this database); or TEST_DATABASE_URL.
 */
export async function startPostgres(): Promise<RunningPostgres> {
  if (process.env.TEST_DATABASE_URL) return makeRunning(process.env.TEST_DATABASE_URL, async () => {});
  const bin = findPostgresBin();
  const why = postgresUnavailable();
  if (!bin || why) throw new Error(why ?? "no PostgreSQL");
  const owner = isRoot() ? postgresUser()! : { uid: userInfo().uid, gid: userInfo().gid };
  const dir = mkdtempSync(join(tmpdir(), "rough-consensus-pg-"));
  const data = join(dir, "data");
  const password = randomBytes(12).toString("hex");
  const pwfile = join(dir, "pw");
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  chmodSync(dir, 0o700);
  if (isRoot()) {
    chownSync(dir, owner.uid, owner.gid);
    chownSync(pwfile, owner.uid, owner.gid);
  }
  const asOwner = { uid: owner.uid, gid: owner.gid, env: { ...process.env, HOME: dir, LC_ALL: "C" }, cwd: dir };
  const init = spawnSync(join(bin, "initdb"), ["-D", data, "-U", "rc", "--auth=scram-sha-256", `--pwfile=${pwfile}`, "-E", "UTF8", "--no-sync", "--no-instructions"], { ...asOwner, encoding: "utf8" });
  if (init.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed (${init.status}): ${init.stderr || init.stdout}`);
  }
  const port = await freePort();
  const child = spawn(
    join(bin, "postgres"),
    ["-D", data, "-p", String(port), "-k", dir, "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=200"],
    { ...asOwner, stdio: ["ignore", "ignore", "pipe"] },
  );
  children.add(child);
  let stderr = "";
  child.stderr!.on("data", (d) => (stderr = (stderr + d).slice(-4000)));
  const adminUrl = `postgres://rc:${password}@127.0.0.1:${port}/postgres`;
  const stop = async () => {
    // SIGINT is PostgreSQL's "fast" shutdown: no waiting for clients.
    await stopChild(child, "SIGINT");
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await until(`PostgreSQL on port ${port}`, async () => {
      if (child.exitCode !== null) throw new Error(`postgres exited (${child.exitCode}): ${stderr.trim()}`);
      const c = new pg.Client({ connectionString: adminUrl });
      c.on("error", () => {});
      try {
        await c.connect();
        await c.query("SELECT 1");
        return true;
      } finally {
        await c.end().catch(() => {}); // a failed connect leaves nothing to close
      }
    }, 60_000);
  } catch (e) {
    await stop();
    throw e;
  }
  return makeRunning(adminUrl, stop, child.pid);
}
