// Given-when-then: leading the debrief after the end (shared/rules/handlers/debrief.ts).
import { describe, expect, it } from "vitest";
import { Match } from "../../helpers/engine.js";
import { expectRejected, expectRejectedAs } from "./given.js";

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

  it("steps through the parts of a card; a card shown without a part starts from its first", () => {
    const m = new Match().seatEveryone(["TECH"]).start();
    m.ok({ type: "EndMatch" });
    m.ok({ type: "ShowDebriefCard", card: 2, part: 3 });
    expect(m.s.debrief).toMatchObject({ card: 2, part: 3 });
    m.ok({ type: "ShowDebriefCard", card: 4 });
    expect(m.s.debrief).toMatchObject({ card: 4, part: 0 });
    expectRejected(m, { type: "ShowDebriefCard", card: 1, part: -1 }, "unknown-card");
    expectRejected(m, { type: "ShowDebriefCard", card: 1, part: 1.5 }, "unknown-card");
  });

  it("the teacher sets a mark aside with a reason the class will read, and can restore it", () => {
    const m = new Match().seatEveryone(["TECH"]).start();
    expectRejected(m, { type: "ReviewMark", mark: "m12", setAside: true, reason: "Agreed before the trip." }, "debrief-not-open");
    m.ok({ type: "EndMatch" });
    expectRejectedAs(m, "TECH", { type: "ReviewMark", mark: "m12", setAside: true, reason: "Not me!" }, "not-teacher");
    expectRejected(m, { type: "ReviewMark", mark: "TECH", setAside: true, reason: "x" }, "unknown-mark");
    expectRejected(m, { type: "ReviewMark", mark: "m12", setAside: true, reason: "   " }, "mark-reason");
    expectRejected(m, { type: "ReviewMark", mark: "m12", setAside: true }, "mark-reason");
    expectRejected(m, { type: "ReviewMark", mark: "m12", setAside: true, reason: "x".repeat(201) }, "text-too-long");
    const [event] = m.ok({ type: "ReviewMark", mark: "m12", setAside: true, reason: " Agreed before the trip. " });
    expect(event).toEqual({ type: "MarkReviewed", mark: "m12", setAside: true, reason: "Agreed before the trip.", at: m.now });
    expect(m.s.debrief.setAside).toEqual({ m12: { reason: "Agreed before the trip.", at: m.now } });
    m.ok({ type: "ReviewMark", mark: "m12", setAside: false });
    expect(m.s.debrief.setAside).toEqual({});
  });
});
