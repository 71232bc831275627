// Given-when-then: the match as a whole (shared/rules/handlers/match.ts): creating it, starting it,
// news, ending early, and a second scenario through the same engine.
import { describe, expect, it } from "vitest";
import { decide, readingSeconds } from "../../../shared/index.js";
import { Match, SYSTEM, T0, TEACHER, defaultScenario, smallScenario } from "../../helpers/engine.js";
import { expectRejected, inDecision, types } from "./given.js";

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
  });
  it("rejects a broken scenario with the field named", () => {
    const broken = { ...defaultScenario(), roles: defaultScenario().roles.map((r, i) => (i === 0 ? { ...r, income: -4 } : r)) };
    const v = decide(null, { type: "CreateMatch", matchId: "X", scenario: broken, settings: {}, seed: 1 }, { actor: TEACHER, now: T0 });
    expect(!v.ok && v.rejection.message).toContain("roles[0].income");
  });
  it("rejects any other command before the match exists", () => {
    const v = decide(null, { type: "StartMatch" }, { actor: TEACHER, now: T0 });
    expect(!v.ok && v.rejection.code).toBe("no-match");
  });
});

describe("starting", () => {
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
    // The 45-minute plan's briefing: the longest role card at 150 words a minute, plus a minute to think.
    expect(m.s.clock.deadline).toBe(T0 + readingSeconds(m.s.scenario) * 1000);
    expectRejected(m, { type: "StartMatch" }, "already-started");
  });
});

describe("news and the end", () => {
  it("news items and ending the match", () => {
    const m = inDecision();
    expectRejected(m, { type: "PushNews", text: "" }, "news-empty");
    m.ok({ type: "PushNews", text: "Breaking: the court has ruled." });
    expect(m.s.news[0]!.text).toBe("Breaking: the court has ruled.");
    m.ok({ type: "EndMatch" });
    expect(m.s.status).toBe("ended");
    expectRejected(m, { type: "PushNews", text: "late" }, "match-ended");
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
