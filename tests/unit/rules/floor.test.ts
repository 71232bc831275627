// Given-when-then: the floor and the corridor (shared/rules/handlers/floor.ts): statements, remote
// comments, corridor talk and its surveillance, tabling options.
import { describe, expect, it } from "vitest";
import { Match } from "../../helpers/engine.js";
import { expectRejectedAs, inNegotiation } from "./given.js";

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
  it("a delegation that is absent cannot act (a defensive check: seats filled late are made remote)", () => {
    const m = new Match().seatEveryone(["TECH", "USG"]).start().skipTo("negotiation");
    m.as("TECH", { type: "PostRemoteComment", text: "hello" });
    m.s.tables[0]!.rounds[0]!.attendance.TECH!.mode = "absent"; // given: a state no command sequence reaches today
    expectRejectedAs(m, "TECH", { type: "PostRemoteComment", text: "hello" }, "not-attending");
  });
  it("tabling: only the dossier's options, once each, only in negotiation", () => {
    const m = inNegotiation();
    expectRejectedAs(m, "TECH", { type: "TableOption", option: "B2" }, "unknown-option");
    m.as("TECH", { type: "TableOption", option: "A2" });
    expectRejectedAs(m, "EU", { type: "TableOption", option: "A2" }, "already-tabled");
    m.skipTo("decision");
    expectRejectedAs(m, "EU", { type: "TableOption", option: "A3" }, "phase-closed");
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
