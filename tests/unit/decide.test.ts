// Given-when-then tests for every command, and for each of its rejection codes. Named by the
// state the match is in. A closing test checks that every rejection code is exercised here.
import { describe, expect, it } from "vitest";
import { REJECTIONS, decide, type Command, type RejectionCode } from "../../shared/index.js";
import { Match, SYSTEM, T0, TEACHER, player, seatOf, smallScenario, defaultScenario } from "../helpers/engine.js";

const seen = new Set<RejectionCode>();
function expectRejected(m: Match, command: Command, code: RejectionCode, actor = TEACHER) {
  const before = JSON.stringify(m.state);
  expect(m.rejected(command, actor)).toBe(code);
  expect(JSON.stringify(m.state)).toBe(before);
  seen.add(code);
}
function expectRejectedAs(m: Match, role: string, command: Command, code: RejectionCode) {
  expectRejected(m, command, code, player(seatOf(role)));
}
const types = (events: { type: string }[]) => events.map((e) => e.type);

/** A match with everyone seated, in the travel phase of round A. */
const inTravel = (settings = {}) => new Match(defaultScenario(), settings).seatEveryone().start().skipTo("travel");

/** In negotiation: TECH, USG, EU and NGO-N travelled; the others take part remotely. */
function inNegotiation(settings = {}) {
  const m = inTravel(settings);
  for (const r of ["TECH", "USG", "EU", "NGO-N"]) m.as(r, { type: "BookTravel", mode: "in-person" });
  return m.skipTo("negotiation");
}

describe("creating a match", () => {
  it("records the scenario, validated settings and seed", () => {
    const m = new Match(defaultScenario(), { tables: 2, rules: ["R1", "R3"] }, 99);
    expect(types(m.events)).toEqual(["MatchCreated"]);
    expect(m.s.tables.map((t) => t.rule)).toEqual(["R1", "R3"]);
    expect(m.s.rng).toBe(99);
    expect(m.s.status).toBe("lobby");
  });
  it("rejects a second creation of the same match", () => {
    const m = new Match();
    expectRejected(m, { type: "CreateMatch", matchId: "X", scenario: defaultScenario(), settings: {}, seed: 1 }, "match-exists", SYSTEM);
  });
  it("rejects bad settings with the field named", () => {
    const v = decide(null, { type: "CreateMatch", matchId: "X", scenario: defaultScenario(), settings: { tables: 9 }, seed: 1 }, { actor: TEACHER, now: T0 });
    expect(v.ok).toBe(false);
    if (!v.ok) {
      expect(v.rejection.code).toBe("bad-settings");
      expect(v.rejection.message).toContain("tables");
    }
    seen.add("bad-settings");
  });
  it("rejects a broken scenario with the field named", () => {
    const broken = { ...defaultScenario(), roles: defaultScenario().roles.map((r, i) => (i === 0 ? { ...r, income: -4 } : r)) };
    const v = decide(null, { type: "CreateMatch", matchId: "X", scenario: broken, settings: {}, seed: 1 }, { actor: TEACHER, now: T0 });
    expect(!v.ok && v.rejection.message).toContain("roles[0].income");
  });
  it("rejects any other command before the match exists", () => {
    const v = decide(null, { type: "StartMatch" }, { actor: TEACHER, now: T0 });
    expect(!v.ok && v.rejection.code).toBe("no-match");
    seen.add("no-match");
  });
});

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
  it("with bots switched on, starting seats a bot in every empty role", () => {
    const m = new Match(defaultScenario(), { bots: true }).seatEveryone(["TECH"]);
    const events = m.ok({ type: "StartMatch" });
    expect(types(events).filter((t) => t === "PlayerJoined")).toHaveLength(8);
    expect(Object.values(m.s.players).filter((p) => p.kind === "bot").map((p) => p.role)).not.toContain("TECH");
    expect(new Match(defaultScenario(), { bots: true }).run({ type: "StartMatch" }).ok).toBe(true);
  });
  it("cannot start with nobody seated", () => {
    const m = new Match();
    expectRejected(m, { type: "StartMatch" }, "nobody-to-start");
  });
  it("starting opens round A's briefing and pays income", () => {
    const m = new Match().seatEveryone();
    const events = m.ok({ type: "StartMatch" });
    expect(types(events)).toEqual(["MatchStarted", "RoundOpened", "PhaseChanged"]);
    expect(m.s.phase).toBe("briefing");
    expect(m.tokens("TECH")).toBe(12);
    expect(m.tokens("CS-S")).toBe(1);
    expect(m.s.clock.deadline).toBe(T0 + 60_000);
    expectRejected(m, { type: "StartMatch" }, "already-started");
  });
  it("delegation commands wait for the start", () => {
    const m = new Match().seatEveryone(["TECH", "USG"]);
    expectRejectedAs(m, "TECH", { type: "GiveGrant", to: "USG", amount: 1 }, "not-started");
    expectRejected(m, { type: "PauseClock" }, "not-started");
  });
});

describe("the clock", () => {
  it("a tick before the deadline is refused; at the deadline it advances", () => {
    const m = new Match().seatEveryone().start();
    expectRejected(m, { type: "Tick" }, "clock-not-due", SYSTEM);
    expectRejected(m, { type: "Tick" }, "not-teacher", player("tech"));
    m.wait(60);
    expect(types(m.ok({ type: "Tick" }, SYSTEM))).toEqual(["PhaseChanged"]);
    expect(m.s.phase).toBe("travel");
  });
  it("pause, extend while paused, resume", () => {
    const m = new Match().seatEveryone().start().wait(20);
    m.ok({ type: "PauseClock" });
    expect(m.s.clock).toEqual({ deadline: null, pausedRemaining: 40_000 });
    expectRejected(m, { type: "PauseClock" }, "clock-paused");
    expectRejected(m, { type: "Tick" }, "clock-paused", SYSTEM);
    m.ok({ type: "ExtendClock", seconds: 30 });
    m.wait(500);
    m.ok({ type: "ResumeClock" });
    expect(m.s.clock.deadline).toBe(m.now + 70_000);
    expectRejected(m, { type: "ResumeClock" }, "clock-running");
  });
  it("extends a running clock within bounds", () => {
    const m = new Match().seatEveryone().start();
    m.ok({ type: "ExtendClock", seconds: 60 });
    expect(m.s.clock.deadline).toBe(T0 + 120_000);
    expectRejected(m, { type: "ExtendClock", seconds: 0 }, "bad-duration");
    expectRejected(m, { type: "ExtendClock", seconds: 1.5 }, "bad-duration");
  });
  it("the teacher skips a phase", () => {
    const m = new Match().seatEveryone().start();
    m.ok({ type: "AdvancePhase" });
    expect(m.s.phase).toBe("travel");
  });
});

describe("during travel", () => {
  it("a role pays its trip; cheaper in its home region", () => {
    const m = inTravel();
    const [e] = m.as("TECH", { type: "BookTravel", mode: "in-person", delegates: 3 });
    expect(e).toMatchObject({ type: "TravelBooked", attendance: { mode: "in-person", delegates: 3, cost: 6, paidBy: "TECH" } });
    expect(m.tokens("TECH")).toBe(6);
    m.as("EU", { type: "BookTravel", mode: "in-person" });
    expect(m.tokens("EU")).toBe(7); // London is in the EU's home region
    expectRejectedAs(m, "TECH", { type: "BookTravel", mode: "in-person" }, "already-booked");
  });
  it("rejects trips a role cannot make", () => {
    const m = inTravel();
    expectRejectedAs(m, "LDC", { type: "BookTravel", mode: "in-person" }, "cannot-travel-alone");
    expectRejectedAs(m, "EMG", { type: "BookTravel", mode: "in-person", delegates: 2 }, "too-many-delegates");
    expectRejectedAs(m, "NGO-N", { type: "GiveGrant", to: "TECH", amount: 4 }, "not-enough-tokens");
    m.as("EMG", { type: "GiveGrant", to: "TECH", amount: 3 });
    expectRejectedAs(m, "EMG", { type: "BookTravel", mode: "in-person" }, "not-enough-tokens");
  });
  it("anyone may take part remotely for free", () => {
    const m = inTravel();
    m.as("CS-S", { type: "BookTravel", mode: "remote" });
    expect(m.round().attendance["CS-S"]).toMatchObject({ mode: "remote", cost: 0 });
  });
  it("travel is only booked in the travel phase", () => {
    const m = new Match().seatEveryone().start();
    expectRejectedAs(m, "TECH", { type: "BookTravel", mode: "in-person" }, "phase-closed");
  });
  it("a fellowship offered and accepted: the sponsor pays, the guest attends", () => {
    const m = inTravel();
    const [offer] = m.as("TECH", { type: "OfferFellowship", to: "CS-S", note: "Welcome!" });
    expect(offer).toMatchObject({ type: "FellowshipOffered", id: "f1", cost: 2, from: "TECH", to: "CS-S" });
    m.as("CS-S", { type: "AcceptFellowship", fellowship: "f1" });
    expect(m.tokens("TECH")).toBe(10);
    expect(m.round().attendance["CS-S"]).toMatchObject({ mode: "in-person", paidBy: "TECH" });
    expectRejectedAs(m, "CS-S", { type: "AcceptFellowship", fellowship: "f1" }, "offer-closed");
    expectRejectedAs(m, "USG", { type: "OfferFellowship", to: "CS-S" }, "already-attending");
  });
  it("fellowship offers: every way to get one wrong", () => {
    const m = inTravel();
    expectRejectedAs(m, "TECH", { type: "OfferFellowship", to: "TECH" }, "self-offer");
    expectRejectedAs(m, "TECH", { type: "OfferFellowship", to: "NOPE" }, "unknown-role");
    expectRejectedAs(m, "TECH", { type: "OfferFellowship", to: "LDC", expects: "Z9" }, "unknown-option");
    expectRejectedAs(m, "LDC", { type: "OfferFellowship", to: "CS-S" }, "not-enough-tokens");
    expectRejectedAs(m, "TECH", { type: "OfferFellowship", to: "LDC", note: "x".repeat(141) }, "text-too-long");
    m.as("TECH", { type: "OfferFellowship", to: "LDC" });
    expectRejectedAs(m, "TECH", { type: "OfferFellowship", to: "LDC" }, "offer-pending");
    expectRejectedAs(m, "USG", { type: "AcceptFellowship", fellowship: "f1" }, "not-your-offer");
    expectRejectedAs(m, "LDC", { type: "WithdrawFellowship", fellowship: "f1" }, "not-your-offer");
    expectRejectedAs(m, "LDC", { type: "AcceptFellowship", fellowship: "f99" }, "unknown-offer");
  });
  it("a sponsor who gave its tokens away can no longer pay", () => {
    const m = inTravel();
    m.as("NGO-N", { type: "OfferFellowship", to: "LDC" });
    m.as("NGO-N", { type: "GiveGrant", to: "EU", amount: 2 });
    expectRejectedAs(m, "LDC", { type: "AcceptFellowship", fellowship: "f1" }, "not-enough-tokens");
  });
  it("declined and withdrawn offers close", () => {
    const m = inTravel();
    m.as("TECH", { type: "OfferFellowship", to: "LDC" });
    m.as("USG", { type: "OfferFellowship", to: "CS-S" });
    m.as("LDC", { type: "DeclineFellowship", fellowship: "f1" });
    m.as("USG", { type: "WithdrawFellowship", fellowship: "f2" });
    expect(m.s.tables[0]!.fellowships.map((f) => f.status)).toEqual(["declined", "withdrawn"]);
    expect(m.tokens("TECH")).toBe(12);
  });
  it("the fellowship programme pays one seat a round at no cost to its runner", () => {
    const m = inTravel();
    m.as("DNS", { type: "OfferFellowship", to: "CS-S", programme: true });
    expectRejectedAs(m, "DNS", { type: "OfferFellowship", to: "LDC", programme: true }, "no-programme-seats");
    m.as("CS-S", { type: "AcceptFellowship", fellowship: "f1" });
    expect(m.tokens("DNS")).toBe(7);
    expect(m.round().attendance["CS-S"]).toMatchObject({ mode: "in-person", paidBy: "DNS" });
    expectRejectedAs(m, "DNS", { type: "OfferFellowship", to: "LDC", programme: true }, "no-programme-seats");
  });
  it("with hard fellowships, an offer names the option expected in return", () => {
    const m = inTravel({ variants: { fellowships: "hard" } });
    expectRejectedAs(m, "TECH", { type: "OfferFellowship", to: "CS-S" }, "expectation-required");
    m.as("TECH", { type: "OfferFellowship", to: "CS-S", expects: "A2" });
    expect(m.s.tables[0]!.fellowships[0]!.expects).toBe("A2");
  });
  it("closing travel: unchosen seats take part remotely, empty seats are absent, open offers lapse", () => {
    const m = new Match().seatEveryone(["TECH", "LDC", "EU"]).start().skipTo("travel");
    m.as("TECH", { type: "OfferFellowship", to: "LDC" });
    m.as("EU", { type: "BookTravel", mode: "in-person" });
    m.skipTo("negotiation");
    const r = m.round();
    expect(r.attendance.LDC).toMatchObject({ mode: "remote", defaulted: true });
    expect(r.attendance.USG).toMatchObject({ mode: "absent", defaulted: true });
    expect(r.attendance.EU).toMatchObject({ mode: "in-person", defaulted: false });
    expect(m.s.tables[0]!.fellowships[0]!.status).toBe("lapsed");
  });
});

describe("grants and briefings", () => {
  it("a grant moves tokens with a note; it is recorded", () => {
    const m = inTravel();
    m.as("TECH", { type: "GiveGrant", to: "NGO-N", amount: 4, note: "For your good work" });
    expect(m.tokens("TECH")).toBe(8);
    expect(m.tokens("NGO-N")).toBe(7);
    expect(m.s.tables[0]!.grants[0]).toMatchObject({ from: "TECH", to: "NGO-N", amount: 4, round: 0 });
  });
  it("rejects bad grants", () => {
    const m = inTravel();
    expectRejectedAs(m, "TECH", { type: "GiveGrant", to: "TECH", amount: 1 }, "self-grant");
    expectRejectedAs(m, "TECH", { type: "GiveGrant", to: "EU", amount: 0 }, "bad-amount");
    expectRejectedAs(m, "TECH", { type: "GiveGrant", to: "EU", amount: 2.5 }, "bad-amount");
    expectRejectedAs(m, "TECH", { type: "GiveGrant", to: "EU", amount: 13 }, "not-enough-tokens");
    expectRejectedAs(m, "TECH", { type: "GiveGrant", to: "XX", amount: 1 }, "unknown-role");
  });
  it("a partial briefing can be completed once per dossier; a full one cannot", () => {
    const m = inTravel();
    expectRejectedAs(m, "TECH", { type: "BuyBriefing" }, "nothing-to-learn");
    m.as("LDC", { type: "BuyBriefing" });
    expect(m.tokens("LDC")).toBe(0);
    expectRejectedAs(m, "LDC", { type: "BuyBriefing" }, "already-briefed");
    m.as("CS-S", { type: "GiveGrant", to: "LDC", amount: 1 });
    expectRejectedAs(m, "CS-S", { type: "BuyBriefing" }, "not-enough-tokens");
  });
});

describe("during negotiation", () => {
  it("in the room: speak on the floor, table an option, talk in the corridor", () => {
    const m = inNegotiation();
    m.as("TECH", { type: "MakeStatement", text: "We support the community model." });
    m.as("TECH", { type: "TableOption", option: "A2" });
    const [c] = m.as("TECH", { type: "SendCorridorMessage", to: "NGO-N", text: "Lunch?" });
    expect(c).toMatchObject({ type: "CorridorMessageSent", from: "TECH", to: "NGO-N", interceptedBy: null });
    expect(m.s.tables[0]!.statements[0]).toMatchObject({ role: "TECH", kind: "floor" });
  });
  it("remote participants post a capped number of written comments, nothing else", () => {
    const m = inNegotiation();
    m.as("CS-S", { type: "PostRemoteComment", text: "Please remember the unconnected." });
    m.as("CS-S", { type: "PostRemoteComment", text: "And tax justice." });
    expectRejectedAs(m, "CS-S", { type: "PostRemoteComment", text: "One more" }, "comments-used");
    expectRejectedAs(m, "CS-S", { type: "MakeStatement", text: "Hello" }, "not-in-room");
    expectRejectedAs(m, "CS-S", { type: "TableOption", option: "A3" }, "not-in-room");
    expectRejectedAs(m, "CS-S", { type: "SendCorridorMessage", to: "TECH", text: "hi" }, "not-in-room");
    expectRejectedAs(m, "TECH", { type: "PostRemoteComment", text: "hi" }, "not-remote");
  });
  it("rejects corridor talk with someone who is not in the room, or with oneself", () => {
    const m = inNegotiation();
    expectRejectedAs(m, "TECH", { type: "SendCorridorMessage", to: "LDC", text: "hi" }, "recipient-not-in-room");
    expectRejectedAs(m, "TECH", { type: "SendCorridorMessage", to: "TECH", text: "hi" }, "self-message");
    expectRejectedAs(m, "TECH", { type: "SendCorridorMessage", to: "ZZ", text: "hi" }, "unknown-role");
    expectRejectedAs(m, "TECH", { type: "SendCorridorMessage", to: "EU", text: "x".repeat(501) }, "text-too-long");
    expectRejectedAs(m, "TECH", { type: "MakeStatement", text: "   " }, "text-empty");
    expectRejectedAs(m, "TECH", { type: "MakeStatement", text: "x".repeat(281) }, "text-too-long");
  });
  it("a muted player cannot speak, but can still act", () => {
    const m = inNegotiation();
    m.ok({ type: "MutePlayer", player: "tech", muted: true });
    expectRejectedAs(m, "TECH", { type: "MakeStatement", text: "Hello" }, "muted");
    m.as("TECH", { type: "TableOption", option: "A2" });
  });
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
  it("a delegation that is absent cannot act (a defensive check: seats filled late are made remote)", () => {
    const m = new Match().seatEveryone(["TECH", "USG"]).start().skipTo("negotiation");
    m.as("TECH", { type: "PostRemoteComment", text: "hello" });
    m.s.tables[0]!.rounds[0]!.attendance.TECH!.mode = "absent"; // given: a state no command sequence reaches today
    expectRejectedAs(m, "TECH", { type: "PostRemoteComment", text: "hello" }, "not-attending");
  });
  it("a player without a role is told to wait", () => {
    const m = new Match(defaultScenario(), { lateJoiners: "spectator" }).seatEveryone(["TECH"]).start();
    m.ok({ type: "JoinMatch", playerId: "s", nickname: "Spec" }, player("s"));
    expectRejected(m, { type: "BuyBriefing" }, "no-role", player("s"));
  });
  it("tabling: only the dossier's options, once each, only in negotiation", () => {
    const m = inNegotiation();
    expectRejectedAs(m, "TECH", { type: "TableOption", option: "B2" }, "unknown-option");
    m.as("TECH", { type: "TableOption", option: "A2" });
    expectRejectedAs(m, "EU", { type: "TableOption", option: "A2" }, "already-tabled");
    m.skipTo("decision");
    expectRejectedAs(m, "EU", { type: "TableOption", option: "A3" }, "phase-closed");
  });
  it("positions: support, live with, object — on tabled options only", () => {
    const m = inNegotiation();
    expectRejectedAs(m, "TECH", { type: "DeclarePosition", option: "A3", stance: "support" }, "not-tabled");
    expectRejectedAs(m, "TECH", { type: "DeclarePosition", option: "Q1", stance: "support" }, "unknown-option");
    m.as("TECH", { type: "TableOption", option: "A3" });
    m.as("TECH", { type: "DeclarePosition", option: "A3", stance: "object" });
    m.as("CS-S", { type: "DeclarePosition", option: "A3", stance: "support" });
    m.as("TECH", { type: "DeclarePosition", option: "A3", stance: "live" });
    expect(m.round().positions).toEqual({ TECH: { A3: "live" }, "CS-S": { A3: "support" } });
  });
  it("the chair names drafters among those in the room", () => {
    const m = inNegotiation();
    m.ok({ type: "NameDrafter", table: 0, role: "NGO-N", seated: true });
    expectRejected(m, { type: "NameDrafter", table: 0, role: "LDC", seated: true }, "not-in-room");
    expectRejected(m, { type: "NameDrafter", table: 0, role: "XX", seated: true }, "unknown-role");
    expect(m.round().drafting).toEqual(["NGO-N"]);
    m.ok({ type: "NameDrafter", table: 0, role: "NGO-N", seated: false });
    expect(m.round().drafting).toEqual([]);
  });
  it("surveillance: with the variant on, the listening role reads a seeded sample of corridor talk", () => {
    const m = inNegotiation({ variants: { surveillance: true } });
    for (let i = 0; i < 30; i++) m.as("TECH", { type: "SendCorridorMessage", to: "EU", text: `note ${i}` });
    const read = m.s.tables[0]!.corridor.filter((c) => c.interceptedBy === "USG").length;
    expect(read).toBeGreaterThan(3);
    expect(read).toBeLessThan(20);
    const again = inNegotiation({ variants: { surveillance: true } });
    for (let i = 0; i < 30; i++) again.as("TECH", { type: "SendCorridorMessage", to: "EU", text: `note ${i}` });
    expect(again.s.tables[0]!.corridor.map((c) => c.interceptedBy)).toEqual(m.s.tables[0]!.corridor.map((c) => c.interceptedBy));
  });
});

describe("during the decision", () => {
  const ready = (settings = {}) => {
    const m = inNegotiation(settings);
    m.as("TECH", { type: "TableOption", option: "A2" });
    m.as("EU", { type: "TableOption", option: "A3" });
    m.ok({ type: "NameDrafter", table: 0, role: "NGO-N", seated: true });
    return m.skipTo("decision");
  };
  it("the rider owner slips in a clause once; a drafter may strike it", () => {
    const m = ready();
    expectRejectedAs(m, "TECH", { type: "InsertRider", option: "D1" }, "no-rider");
    expectRejectedAs(m, "NGO-N", { type: "ObjectToRider" }, "no-rider-pending");
    // IP took part remotely; it may still insert its clause.
    expectRejectedAs(m, "IP", { type: "InsertRider", option: "D0" }, "unknown-option");
    m.as("IP", { type: "InsertRider", option: "D1" });
    expectRejectedAs(m, "IP", { type: "InsertRider", option: "D2" }, "rider-used");
    expect(m.round().drafting.sort()).toEqual(["EU", "NGO-N", "TECH"]); // the automatic chair named the authors in the room
    expectRejectedAs(m, "USG", { type: "ObjectToRider" }, "not-drafter");
    m.as("NGO-N", { type: "ObjectToRider" });
    expect(m.round().rider).toEqual({ option: "D1", by: "IP", objectedBy: "NGO-N" });
  });
  it("late insertion can be switched off", () => {
    const m = ready({ variants: { lateInsertion: false } });
    expectRejectedAs(m, "IP", { type: "InsertRider", option: "D1" }, "rider-off");
  });
  it("the teacher chair calls consensus: a sustained objection in the room blocks, a remote one is noted", () => {
    const m = ready({ chair: "teacher" });
    m.as("TECH", { type: "DeclarePosition", option: "A2", stance: "support" });
    m.as("NGO-N", { type: "DeclarePosition", option: "A3", stance: "object" });
    m.as("LDC", { type: "DeclarePosition", option: "A2", stance: "object" });
    const blocked = m.ok({ type: "CallConsensus", table: 0, option: "A3" });
    expect(blocked).toEqual([expect.objectContaining({ type: "ConsensusCalled", option: "A3", blockedBy: ["NGO-N"] })]);
    const carried = m.ok({ type: "CallConsensus", table: 0, option: "A2" });
    expect(types(carried)).toEqual(["ConsensusCalled", "DossierDecided"]);
    expect(carried[0]).toMatchObject({ blockedBy: [], noted: ["LDC"] });
    expect(m.round().decision).toMatchObject({ adopted: "A2", by: "consensus" });
    expectRejected(m, { type: "CallConsensus", table: 0, option: "A3" }, "already-decided");
    expectRejectedAs(m, "TECH", { type: "DeclarePosition", option: "A2", stance: "object" }, "already-decided");
  });
  it("consensus calls: wrong chair, wrong rule, wrong option, wrong table", () => {
    expectRejected(ready(), { type: "CallConsensus", table: 0, option: "A2" }, "chair-automatic");
    expectRejected(ready({ chair: "teacher", rules: ["R3"] }), { type: "CallConsensus", table: 0, option: "A2" }, "wrong-rule");
    const m = ready({ chair: "teacher" });
    expectRejected(m, { type: "CallConsensus", table: 0, option: "A4" }, "not-tabled");
    expectRejected(m, { type: "CallConsensus", table: 4, option: "A2" }, "unknown-table");
  });
  it("news items and ending the match", () => {
    const m = ready();
    expectRejected(m, { type: "PushNews", text: "" }, "news-empty");
    m.ok({ type: "PushNews", text: "Breaking: the court has ruled." });
    expect(m.s.news[0]!.text).toBe("Breaking: the court has ruled.");
    m.ok({ type: "EndMatch" });
    expect(m.s.status).toBe("ended");
    expectRejected(m, { type: "PushNews", text: "late" }, "match-ended");
  });
});

describe("leading the debrief", () => {
  it("after the end the teacher steps through cards and may show nicknames; nothing else moves", () => {
    const m = new Match().seatEveryone(["TECH"]).start();
    expectRejected(m, { type: "ShowDebriefCard", card: 1 }, "debrief-not-open");
    expectRejected(m, { type: "ShowNicknames", shown: true }, "debrief-not-open");
    m.ok({ type: "EndMatch" });
    m.ok({ type: "ShowDebriefCard", card: 3 });
    m.ok({ type: "ShowNicknames", shown: true });
    expect(m.s.debrief).toEqual({ card: 3, nicknames: true });
    expectRejected(m, { type: "ShowDebriefCard", card: -1 }, "unknown-card");
    expectRejected(m, { type: "ShowDebriefCard", card: 2.5 }, "unknown-card");
    expectRejectedAs(m, "TECH", { type: "ShowDebriefCard", card: 0 }, "not-teacher");
    expectRejected(m, { type: "AdvancePhase" }, "match-ended");
  });
});

describe("the second, smaller scenario", () => {
  it("loads through the same schema and plays through the same engine", () => {
    const m = new Match(smallScenario()).seatEveryone().start().skipTo("travel");
    m.as("TEL", { type: "BookTravel", mode: "in-person" });
    m.as("UNI", { type: "OfferFellowship", to: "YOUTH", programme: true });
    m.as("YOUTH", { type: "AcceptFellowship", fellowship: "f1" });
    m.skipTo("negotiation");
    m.as("TEL", { type: "TableOption", option: "W2" });
    m.as("TEL", { type: "DeclarePosition", option: "W2", stance: "support" });
    m.as("YOUTH", { type: "DeclarePosition", option: "W2", stance: "live" });
    m.skipTo("briefing", 1);
    expect(m.s.tables[0]!.rounds[0]!.decision).toMatchObject({ adopted: "W2", by: "consensus" });
    m.skipTo("outcome", 1);
    m.ok({ type: "AdvancePhase" });
    expect(m.s.status).toBe("ended");
    expect(m.s.tables[0]!.rounds[1]!.decision).toMatchObject({ adopted: "F1", by: "status-quo" });
  });
});

describe("coverage of the rejections", () => {
  // Runs last in this file: every code the engine can give has a test above.
  it("every rejection code is exercised by a test in this file", () => {
    const missing = (Object.keys(REJECTIONS) as RejectionCode[]).filter((c) => !seen.has(c));
    expect(missing, `rejection codes without a test: ${missing.join(", ")}`).toEqual([]);
  });
});
