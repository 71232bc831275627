// A scripted match over all three dossiers of the default scenario, with the outcomes and
// scores worked out by hand in the comments.
import { describe, expect, it } from "vitest";
import { fold, hashState, scoresOf } from "../../shared/index.js";
import { tokenBalance } from "../helpers/engine.js";
import { scriptedMatch } from "../helpers/scripted-match.js";

describe("a scripted match over all three dossiers", () => {
  const m = scriptedMatch();
  const t = m.s.tables[0]!;

  it("ends after the third outcome", () => {
    expect(m.s.status).toBe("ended");
    expect(m.s.phase).toBe("ended");
  });

  it("adopts A2 by consensus, keeps the status quo B1, adopts C2 with the copyright clause", () => {
    expect(t.rounds.map((r) => r.decision && [r.decision.adopted, r.decision.by, r.decision.rider])).toEqual([
      ["A2", "consensus", null],
      ["B1", "status-quo", null],
      ["C2", "consensus", "D1"],
    ]);
    expect(t.rounds[1]!.decision!.blockedBy.sort()).toEqual(["EU", "TECH"]);
  });

  it("records who came and who paid", () => {
    expect(t.rounds[0]!.attendance.LDC).toMatchObject({ mode: "in-person", paidBy: "TECH", cost: 2 });
    expect(t.rounds[0]!.attendance["CS-S"]).toMatchObject({ mode: "in-person", paidBy: "DNS" });
    expect(t.rounds[1]!.attendance.LDC).toMatchObject({ mode: "remote", defaulted: true });
  });

  it("pays income each round, with B1's consequence raising TECH's income for round C", () => {
    expect(t.delegations.TECH!.received).toBe(12 + 12 + 13);
    expect(t.delegations.TECH!.tokens).toBe(27);
    expect(t.delegations.USG!.tokens).toBe(22);
    expect(t.delegations.EU!.tokens).toBe(20);
    expect(t.delegations["NGO-N"]!.tokens).toBe(7);
    expect(t.delegations["CS-S"]!.tokens).toBe(3);
  });

  it("scores Mandate from the adopted options and rider, Standing from tokens, trips and drafting seats", () => {
    const scores = Object.fromEntries(scoresOf(m.s, t).map((s) => [s.role, s]));
    // A2 + B1 + C2 + D1 for each role.
    const points = Object.fromEntries(Object.entries(scores).map(([r, s]) => [r, s.mandatePoints]));
    expect(points).toEqual({ TECH: 4, USG: 7, EU: 2, DNS: 4, IP: 4, EMG: -1, "NGO-N": 0, LDC: -2, "CS-S": -6 });
    // The automatic chair seats the in-person authors of tabled options in each drafting group.
    expect(scores.TECH).toMatchObject({ mandate: 8, draftingSeats: 3, standing: 27 * 0.25 + 3 + 3, total: 8 + 12.75, roundsInPerson: 3 });
    expect(scores.EU).toMatchObject({ draftingSeats: 2, standing: 20 * 0.25 + 3 + 2 });
    expect(scores.EMG).toMatchObject({ draftingSeats: 1 });
    expect(scores["CS-S"]).toMatchObject({ mandate: -12, standing: 3 * 0.25 + 1, total: -10.25 });
  });

  it("conserves tokens apart from travel and briefings", () => {
    const b = tokenBalance(m.s);
    expect(b.held + b.spent).toBe(b.received);
  });

  it("folding the recorded events gives the same state hash", () => {
    expect(hashState(fold(m.events))).toBe(hashState(m.s));
  });

  it("replaying the same commands reproduces the same events", () => {
    expect(JSON.stringify(scriptedMatch().events)).toBe(JSON.stringify(m.events));
  });
});
