// The roster's limits come from the environment (server/rooms/roster.ts): the defaults when
// unset, a whole number when set, and a clear refusal naming the variable otherwise (the
// server then says it cannot start, server/index.ts). New players per address are a token
// bucket per address: a burst, then a steady rate, other addresses untouched.
import { afterEach, describe, expect, it } from "vitest";
import { JoinLimiter, rosterLimitsFromEnv } from "../../server/rooms/roster.js";

const NAMES = ["MAX_PLAYERS_PER_MATCH", "MAX_SCREENS_PER_MATCH", "JOIN_BURST", "JOINS_PER_MINUTE", "TRUST_PROXY"] as const;
const saved = Object.fromEntries(NAMES.map((n) => [n, process.env[n]]));
afterEach(() => {
  for (const n of NAMES) {
    if (saved[n] === undefined) delete process.env[n];
    else process.env[n] = saved[n];
  }
});

describe("roster limits", () => {
  it("default to a class-sized roster, and read the environment", () => {
    for (const n of NAMES) delete process.env[n];
    expect(rosterLimitsFromEnv()).toEqual({ players: 150, devices: 250, joinBurst: 120, joinsPerMinute: 120, trustProxy: false });
    Object.assign(process.env, { MAX_PLAYERS_PER_MATCH: "60", MAX_SCREENS_PER_MATCH: "90", JOIN_BURST: "10", JOINS_PER_MINUTE: "30", TRUST_PROXY: "1" });
    expect(rosterLimitsFromEnv()).toEqual({ players: 60, devices: 90, joinBurst: 10, joinsPerMinute: 30, trustProxy: true });
  });

  it("refuse a value that is not a whole number above 0, naming the variable", () => {
    for (const bad of ["abc", "0", "-5", "2.5"]) {
      process.env.JOIN_BURST = bad;
      expect(() => rosterLimitsFromEnv()).toThrow(`JOIN_BURST must be a whole number above 0 (it is "${bad}")`);
    }
  });

  it("let an address add a burst of new players, then a steady rate, and never hold up another address", () => {
    const joins = new JoinLimiter({ joinBurst: 3, joinsPerMinute: 60 });
    const t0 = 1_000_000;
    expect([1, 2, 3, 4].map(() => joins.take("10.0.0.5", t0))).toEqual([true, true, true, false]);
    expect(joins.take("10.0.0.6", t0)).toBe(true);
    // 60 a minute: one more a second later.
    expect(joins.take("10.0.0.5", t0 + 1000)).toBe(true);
    expect(joins.take("10.0.0.5", t0 + 1000)).toBe(false);
  });
});
