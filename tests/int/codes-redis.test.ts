// Join codes stay unique when several processes claim them at once through one Redis: two
// presence connections (two processes' worth) race for codes drawn from a set so small that
// they collide all the time. Redis comes from Debian's package (tests/helpers/services.ts);
// without it this is skipped with the reason, and under CI=true it fails.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { matchMaker } from "@colyseus/core";
import { RedisPresence } from "@colyseus/redis-presence";
import { claimCode, codeHolder, releaseCode } from "../../server/rooms/codes.js";
import { inCI, redisUnavailable, startRedis, type RunningService } from "../helpers/services.js";

const missing = redisUnavailable();
if (missing && !inCI()) console.warn(`[codes on Redis] SKIPPED: ${missing}`);
if (missing && inCI()) {
  describe("Redis under CI", () => {
    it("is installed (CI runs the join-code tests on Redis, it never skips them)", () => {
      expect.fail(`CI=true but Redis cannot run here: ${missing}`);
    });
  });
}

(missing ? describe.skip : describe)(`join codes across processes sharing Redis${missing ? ` — SKIPPED: ${missing}` : ""}`, () => {
  let redis: RunningService;
  let one: RedisPresence;
  let two: RedisPresence;

  beforeAll(async () => {
    redis = await startRedis();
    one = new RedisPresence(redis.url);
    two = new RedisPresence(redis.url);
    await matchMaker.setup(one); // names this process (the claim records its processId)
  }, 60_000);
  afterAll(async () => {
    one?.shutdown();
    two?.shutdown();
    await redis?.stop();
  });

  it("no code is handed out twice, however hard two processes collide", async () => {
    const pool = ["AAAAA", "BBBBB", "CCCCC", "DDDDD", "EEEEE", "FFFFF", "GGGGG", "HHHHH"];
    let n = 0;
    const next = () => pool[n++ % pool.length]!;
    const never = async () => false;
    const tries = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => claimCode(i % 2 ? two : one, never, next)));
    const won = tries.filter((t): t is PromiseFulfilledResult<string> => t.status === "fulfilled").map((t) => t.value);
    expect(won.sort()).toEqual(pool);
    const refused = tries.filter((t): t is PromiseRejectedResult => t.status === "rejected");
    expect(refused).toHaveLength(32);
    for (const r of refused) expect(String(r.reason)).toMatch(/No free join code/);
    expect(await codeHolder(two, "AAAAA")).toBe(matchMaker.processId);
  });

  it("a code a recorded match uses is never handed out, and a released code is free again", async () => {
    const taken = async (code: string) => code === "JJJJJ";
    const code = await claimCode(two, taken, (() => {
      const order = ["JJJJJ", "KKKKK"];
      let i = 0;
      return () => order[i++ % 2]!;
    })());
    expect(code).toBe("KKKKK");
    expect(await codeHolder(one, "JJJJJ")).toBeNull(); // tried, found recorded, given back
    await expect(claimCode(one, async () => false, () => "KKKKK")).rejects.toThrow(/No free join code/);
    await releaseCode(one, "KKKKK");
    expect(await claimCode(two, async () => false, () => "KKKKK")).toBe("KKKKK");
  });

  it("a process never releases a code another process has taken over", async () => {
    expect(await claimCode(one, async () => false, () => "MMMMM")).toBe("MMMMM");
    await two.hset("rough-consensus:code-owners", "MMMMM", "another-process");
    await releaseCode(one, "MMMMM");
    expect(await codeHolder(two, "MMMMM")).toBe("another-process");
    await expect(claimCode(two, async () => false, () => "MMMMM")).rejects.toThrow(/No free join code/);
  });
});
