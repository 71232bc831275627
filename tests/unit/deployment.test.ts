// One process or several, from the environment (server/deployment.ts): nothing set keeps the
// embedded default, and a setting that cannot work stops the start with the variable named.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { deploymentFromEnv, DeploymentError, normalisePublicAddress } from "../../server/deployment.js";
import { PostgresMatchStore } from "../../server/store/postgres-store.js";
import { SqliteMatchStore } from "../../server/store/sqlite-store.js";

const dir = mkdtempSync(join(tmpdir(), "rough-consensus-deploy-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("deployment from the environment", () => {
  it("nothing set: one process, local presence and driver, the SQLite file", async () => {
    const d = deploymentFromEnv({}, join(dir, "a.sqlite"));
    expect(d.mode).toBe("single");
    expect(d.store).toBeInstanceOf(SqliteMatchStore);
    expect(d.presence).toBeUndefined();
    expect(d.driver).toBeUndefined();
    expect(d.publicAddress).toBeUndefined();
    expect(d.describe).toEqual([`Records: ${join(dir, "a.sqlite")}`]);
    await d.store.close();
  });

  it("DATABASE_URL alone: one process with its records in PostgreSQL, the password never printed", async () => {
    const d = deploymentFromEnv({ DATABASE_URL: "postgres://rc:s3cret@127.0.0.1:1/rc" }, join(dir, "b.sqlite"));
    expect(d.mode).toBe("single");
    expect(d.store).toBeInstanceOf(PostgresMatchStore);
    expect(d.describe.join(" ")).not.toContain("s3cret");
    await expect(d.storeReady).rejects.toThrow(); // nothing listens on port 1
    await d.store.close();
  });

  it("refuses what cannot work, naming the variable", () => {
    expect(() => deploymentFromEnv({ DATABASE_URL: "mysql://x@y/z" }, "f")).toThrow(DeploymentError);
    expect(() => deploymentFromEnv({ DATABASE_URL: "mysql://x:pw@y/z" }, "f")).toThrow(/DATABASE_URL must be a PostgreSQL address.*x:\*\*\*@y/);
    expect(() => deploymentFromEnv({ REDIS_URL: "redis://h:6379" }, "f")).toThrow(/REDIS_URL is set but DATABASE_URL is not/);
    expect(() => deploymentFromEnv({ REDIS_URL: "http://h:6379", DATABASE_URL: "postgres://h/db" }, "f")).toThrow(/REDIS_URL must be a Redis address/);
    expect(() => deploymentFromEnv({ PUBLIC_ADDRESS: "two words" }, join(dir, "c.sqlite"))).toThrow(/PUBLIC_ADDRESS "two words" is not an address/);
  });

  it("PUBLIC_ADDRESS is host[:port][/path]; a scheme or a trailing slash is dropped (the browser picks ws or wss)", () => {
    expect(normalisePublicAddress("10.0.0.5:2568")).toBe("10.0.0.5:2568");
    expect(normalisePublicAddress("https://games.example.org/p1/")).toBe("games.example.org/p1");
    expect(normalisePublicAddress(" wss://[::1]:2567 ")).toBe("[::1]:2567");
    expect(() => normalisePublicAddress("")).toThrow(DeploymentError);
    expect(() => normalisePublicAddress("host:2567?x=1")).toThrow(DeploymentError);
  });

  it("a server started with a setting that cannot work says which and exits", () => {
    const root = fileURLToPath(new URL("../..", import.meta.url));
    const run = spawnSync(process.execPath, ["--import", "tsx", "server/index.ts"], {
      cwd: root,
      env: { ...process.env, PORT: "0", DATA_DIR: dir, REDIS_URL: "redis://127.0.0.1:1", DATABASE_URL: "" },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("Rough Consensus cannot start: REDIS_URL is set but DATABASE_URL is not");
  }, 60_000);
});
