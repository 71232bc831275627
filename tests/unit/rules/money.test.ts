// Given-when-then: grants and expert briefings (shared/rules/handlers/money.ts).
import { describe, expect, it } from "vitest";
import { expectRejectedAs, inTravel } from "./given.js";

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
