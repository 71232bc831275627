// Given-when-then: the decision (shared/rules/handlers/decision.ts): positions, the drafting group,
// the rider and its objection, a teacher chair's consensus call.
import { describe, expect, it } from "vitest";
import { expectRejected, expectRejectedAs, inDecision, inNegotiation, types } from "./given.js";

describe("during negotiation", () => {
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
});

describe("during the decision", () => {
  it("the rider owner slips in a clause once; a drafter may strike it", () => {
    const m = inDecision();
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
    const m = inDecision({ variants: { lateInsertion: false } });
    expectRejectedAs(m, "IP", { type: "InsertRider", option: "D1" }, "rider-off");
  });
  it("the teacher chair calls consensus: a sustained objection in the room blocks, a remote one is noted", () => {
    const m = inDecision({ chair: "teacher" });
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
    expectRejected(inDecision(), { type: "CallConsensus", table: 0, option: "A2" }, "chair-automatic");
    expectRejected(inDecision({ chair: "teacher", rules: ["R3"] }), { type: "CallConsensus", table: 0, option: "A2" }, "wrong-rule");
    const m = inDecision({ chair: "teacher" });
    expectRejected(m, { type: "CallConsensus", table: 0, option: "A4" }, "not-tabled");
    expectRejected(m, { type: "CallConsensus", table: 4, option: "A2" }, "unknown-table");
  });
});
