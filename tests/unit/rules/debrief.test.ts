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
});
