// Given-when-then: seating (shared/rules/handlers/seating.ts and seat-allocation.ts): joining,
// renaming, leaving, dealing and moving roles, bots in empty seats, late joiners.
import { describe, expect, it } from "vitest";
import { Match, defaultScenario, player } from "../../helpers/engine.js";
import { expectRejected, expectRejectedAs, types } from "./given.js";

describe("in the lobby", () => {
  it("a student joins with a trimmed, unique nickname", () => {
    const m = new Match();
    m.ok({ type: "JoinMatch", playerId: "a", nickname: "  Ana " }, player("a"));
    const [e] = m.ok({ type: "JoinMatch", playerId: "b", nickname: "ana" }, player("b"));
    expect(m.s.players.a!.nickname).toBe("Ana");
    expect(e).toMatchObject({ type: "PlayerJoined", nickname: "ana 2", table: null, role: null });
  });
  it("rejects an empty or too long nickname", () => {
    const m = new Match();
    expectRejected(m, { type: "JoinMatch", playerId: "a", nickname: "   " }, "nickname-empty", player("a"));
    expectRejected(m, { type: "JoinMatch", playerId: "a", nickname: "x".repeat(25) }, "nickname-too-long", player("a"));
    // Characters that do not show (tests/unit/nicknames.test.ts has the whole rule).
    expectRejected(m, { type: "JoinMatch", playerId: "a", nickname: "Ana\u202E" }, "nickname-characters", player("a"));
  });
  it("rejects joining in another player's name, or into a taken seat", () => {
    const m = new Match();
    expectRejected(m, { type: "JoinMatch", playerId: "a", nickname: "Ana" }, "not-your-seat", player("b"));
    m.ok({ type: "JoinMatch", playerId: "a", nickname: "Ana" }, player("a"));
    expectRejected(m, { type: "JoinMatch", playerId: "a", nickname: "Ana" }, "bad-input", player("a"));
  });
  it("a student renames themself; not someone else", () => {
    const m = new Match().seatEveryone(["TECH", "USG"]);
    expect(types(m.as("TECH", { type: "RenamePlayer", player: "tech", nickname: "Zed" }))).toEqual(["PlayerRenamed"]);
    expectRejectedAs(m, "TECH", { type: "RenamePlayer", player: "usg", nickname: "Zed" }, "not-your-seat");
    expectRejected(m, { type: "RenamePlayer", player: "nobody", nickname: "Zed" }, "unknown-player");
  });
  it("a student leaves; the teacher removes and mutes", () => {
    const m = new Match().seatEveryone(["TECH", "USG", "EU"]);
    m.as("TECH", { type: "LeaveMatch", player: "tech" });
    expect(m.s.players.tech!.present).toBe(false);
    expectRejectedAs(m, "USG", { type: "LeaveMatch", player: "eu" }, "not-your-seat");
    m.ok({ type: "RemovePlayer", player: "usg" });
    expect(m.s.players.usg!.present).toBe(false);
    m.ok({ type: "MutePlayer", player: "eu", muted: true });
    expect(m.s.players.eu!.muted).toBe(true);
    expectRejected(m, { type: "MutePlayer", player: "usg", muted: true }, "unknown-player");
  });
  it("rejects teacher commands from a student", () => {
    const m = new Match().seatEveryone(["TECH"]);
    expectRejectedAs(m, "TECH", { type: "StartMatch" }, "not-teacher");
  });
  it("assigns roles automatically: every role once before any doubles, spread across tables", () => {
    const m = new Match(defaultScenario(), { tables: 2 });
    for (let i = 0; i < 20; i++) m.ok({ type: "JoinMatch", playerId: `p${i}`, nickname: `P${i}` }, player(`p${i}`));
    m.ok({ type: "AssignRolesAutomatically" });
    const seats = Object.values(m.s.players).map((p) => `${p.table}/${p.role}`);
    const perSeat = new Map<string, number>();
    seats.forEach((s) => perSeat.set(s, (perSeat.get(s) ?? 0) + 1));
    expect(perSeat.size).toBe(18); // 2 tables × 9 roles, all filled
    expect([...perSeat.values()].filter((n) => n === 2)).toHaveLength(2);
    expect(Object.values(m.s.players).filter((p) => p.table === 0)).toHaveLength(10);
  });
  it("assignment is deterministic for a seed and differs between seeds", () => {
    const deal = (seed: number) => {
      const m = new Match(defaultScenario(), {}, seed);
      for (let i = 0; i < 9; i++) m.ok({ type: "JoinMatch", playerId: `p${i}`, nickname: `P${i}` }, player(`p${i}`));
      m.ok({ type: "AssignRolesAutomatically" });
      return Object.values(m.s.players).map((p) => p.role).join();
    };
    expect(deal(1)).toBe(deal(1));
    expect(new Set([deal(1), deal(2), deal(3)]).size).toBeGreaterThan(1);
  });
  it("a role takes no more delegates than it may send", () => {
    const m = new Match().seatEveryone(["EMG"]);
    m.ok({ type: "JoinMatch", playerId: "x", nickname: "X" }, player("x"));
    expectRejected(m, { type: "AssignRole", player: "x", table: 0, role: "EMG" }, "delegation-full");
    expectRejected(m, { type: "AssignRole", player: "x", table: 3, role: "EU" }, "unknown-table");
    expectRejected(m, { type: "AssignRole", player: "x", table: 0, role: "NOPE" }, "unknown-role");
    m.ok({ type: "AssignRole", player: "x", table: null, role: null });
    expect(m.s.players.x!.role).toBeNull();
  });
  it("bots fill every empty seat, once", () => {
    const m = new Match().seatEveryone(["TECH", "LDC"]);
    const events = m.ok({ type: "FillWithBots" });
    expect(events).toHaveLength(7);
    expect(events.every((e) => e.type === "PlayerJoined" && e.kind === "bot")).toBe(true);
    expectRejected(m, { type: "FillWithBots" }, "no-seats-left");
  });
});

describe("seats filled during play", () => {
  it("a seat filled after travel closed takes part remotely at once", () => {
    const m = new Match().seatEveryone(["TECH", "USG"]).start().skipTo("travel");
    m.as("TECH", { type: "BookTravel", mode: "in-person" });
    m.skipTo("negotiation");
    m.as("TECH", { type: "TableOption", option: "A2" });
    expect(m.round().attendance.EU).toMatchObject({ mode: "absent" });
    const joined = m.ok({ type: "JoinMatch", playerId: "late", nickname: "Late" }, player("late"));
    expect(types(joined)).toEqual(["PlayerJoined", "TravelBooked"]);
    expect(m.s.players.late!.role).toBe("EU"); // late joiners become delegates of an empty role
    expect(m.round().attendance.EU).toMatchObject({ mode: "remote", defaulted: true });
    m.ok({ type: "DeclarePosition", option: "A2", stance: "support" }, player("late"));
    m.ok({ type: "FillWithBots" });
    expect(m.round().attendance.IP).toMatchObject({ mode: "remote" });
  });
  it("a late joiner who left comes back to the seat they held, while it is free; the seat was free for others meanwhile", () => {
    const m = new Match().seatEveryone(["TECH", "USG"]).start();
    m.ok({ type: "JoinMatch", playerId: "late", nickname: "Late" }, player("late"));
    expect(m.s.players.late).toMatchObject({ table: 0, role: "EU" });
    m.ok({ type: "LeaveMatch", player: "late" }, player("late")); // the room does this when every screen left for good
    m.ok({ type: "JoinMatch", playerId: "late", nickname: "Late" }, player("late"));
    expect(m.s.players.late).toMatchObject({ table: 0, role: "EU", present: true });
    m.ok({ type: "LeaveMatch", player: "late" }, player("late"));
    // Meanwhile the EU delegation fills up: the returning player goes where a newcomer would.
    const eu = m.scenario.roles.find((r) => r.id === "EU")!;
    for (let i = 0; i < eu.maxDelegates; i++) {
      m.ok({ type: "JoinMatch", playerId: `eu${i}`, nickname: `EU ${i}` }, player(`eu${i}`));
      m.ok({ type: "AssignRole", player: `eu${i}`, table: 0, role: "EU" });
    }
    m.ok({ type: "JoinMatch", playerId: "late", nickname: "Late" }, player("late"));
    expect(m.s.players.late!.role).not.toBe("EU");
    expect(m.s.players.late!.role).not.toBeNull();
  });
  it("a player without a role is told to wait", () => {
    const m = new Match(defaultScenario(), { lateJoiners: "spectator" }).seatEveryone(["TECH"]).start();
    m.ok({ type: "JoinMatch", playerId: "s", nickname: "Spec" }, player("s"));
    expectRejected(m, { type: "BuyBriefing" }, "no-role", player("s"));
  });
});
