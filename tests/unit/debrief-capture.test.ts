// The capture measure on scripted matches, one case per complaint a student could make:
// given a round of declared stances and money, when the debrief reads the record, then it marks
// (or does not mark) each move, with the events behind it. Payoffs are the default scenario's
// (dossier A: LDC A1 −2, A2 −1, A3 +1, A4 +3; CS-S A1 −3, A2 −1, A3 +2, A4 +1).
import { beforeAll, describe, expect, it } from "vitest";
import { noCheckText, paymentFrom, paymentText, saidCell, stanceChain, whyLines, type LineContext } from "../../client/debrief/lines.js";
import { setLanguage } from "../../client/text/catalog.js";
import { activeMarks, compare, debrief, type MoneyCheck } from "../../shared/analysis/index.js";
import { Match } from "../helpers/engine.js";

// The card's lines are read in English, with roles by their ids.
beforeAll(() => setLanguage("en"));
const label = (role: string) => role;

const ROLES = ["TECH", "USG", "EU", "DNS", "IP", "EMG", "NGO-N", "LDC", "CS-S"];

/** Round A at one table: everyone seated, the clock in the travel phase. */
function roundA(rule: "R1" | "R2" | "R3" | "R4" = "R1") {
  return new Match(undefined, { rules: [rule] }).seatEveryone(ROLES).start().skipTo("travel");
}

const checkOf = (m: Match, to: string, option: string): MoneyCheck => {
  const review = debrief(m.events).tables[0]!.money.find((r) => r.payment.to === to)!;
  return review.checks.find((c) => c.option === option)!;
};

describe("the lesser-evil test", () => {
  /**
   * DNS's fellowship programme brings LDC. DNS supports A2 and blocks A3 in the room. LDC had
   * objected to A2; once A3 cannot pass, A2 (−1) beats the status quo A1 (−2) for LDC.
   */
  function lesserEvil(block: boolean) {
    const m = roundA();
    m.as("DNS", { type: "BookTravel", mode: "in-person" });
    m.as("TECH", { type: "BookTravel", mode: "in-person" });
    m.as("EMG", { type: "BookTravel", mode: "in-person" });
    m.as("DNS", { type: "OfferFellowship", to: "LDC", programme: true });
    m.as("LDC", { type: "AcceptFellowship", fellowship: "f1" });
    m.as("CS-S", { type: "BookTravel", mode: "remote" });
    m.skipTo("negotiation");
    m.as("TECH", { type: "TableOption", option: "A2" });
    m.as("EMG", { type: "TableOption", option: "A3" });
    m.as("DNS", { type: "DeclarePosition", option: "A2", stance: "support" });
    m.as("LDC", { type: "DeclarePosition", option: "A2", stance: "object" });
    m.as("CS-S", { type: "DeclarePosition", option: "A2", stance: "object" });
    if (block) m.as("DNS", { type: "DeclarePosition", option: "A3", stance: "object" });
    m.as("LDC", { type: "DeclarePosition", option: "A2", stance: "live" });
    m.as("CS-S", { type: "DeclarePosition", option: "A2", stance: "live" });
    return m;
  }

  it("does not mark a funded role that accepts the lesser evil once its best option is blocked", () => {
    const m = lesserEvil(true);
    const t = debrief(m.events).tables[0]!;
    expect(t.marks).toEqual([]);
    expect(checkOf(m, "LDC", "A2").verdict).toBe("lesser-evil");
  });

  it("does not count the unfunded role making the same compromise either", () => {
    const d = debrief(lesserEvil(true).events);
    const css = d.comparison.units.find((u) => u.role === "CS-S")!;
    expect(css).toMatchObject({ funded: false, moves: [] });
    expect(d.comparison.funded).toEqual({ units: 1, moved: 0 });
  });

  it("marks the same move while the better option could still pass, with the events behind it", () => {
    const m = lesserEvil(false);
    const t = debrief(m.events).tables[0]!;
    expect(t.marks).toHaveLength(1);
    const mark = t.marks[0]!;
    expect(mark).toMatchObject({
      role: "LDC",
      option: "A2",
      round: 0,
      before: { stance: "object" },
      after: { stance: "live" },
      funders: [{ role: "DNS", declared: { kind: "support" } }],
      payoff: -1,
      better: [{ option: "A3", payoff: 1 }],
      blocked: [],
      // LDC never bought the expert briefing: both payoffs were hidden from it.
      hidden: ["A2", "A3"],
    });
    expect(mark.evidence.map((i) => m.events[i]!.type)).toEqual(["FellowshipAccepted", "PositionDeclared", "PositionDeclared", "PositionDeclared"]);
    expect(mark.id).toBe(`m${mark.after.at}`);
    expect(checkOf(m, "LDC", "A2")).toMatchObject({ verdict: "marked", marks: [mark.id] });
  });

  it("counts the unfunded role's identical move as the same kind of move, so the class sees both", () => {
    const d = debrief(lesserEvil(false).events);
    expect(d.comparison.funded).toEqual({ units: 1, moved: 1 });
    expect(d.comparison.unfunded.moved).toBe(1);
    const css = d.comparison.units.find((u) => u.role === "CS-S")!;
    expect(css.funded).toBe(false);
    expect(css.moves).toHaveLength(1);
    // Only roles that took a stance are counted; DNS, the funder, is not among the unfunded.
    expect(d.comparison.units.map((u) => u.role).sort()).toEqual(["CS-S", "LDC"]);
  });

  it("never draws a move from a stance the role did not declare: a first stance after the money is not a move", () => {
    const m = roundA();
    m.as("DNS", { type: "BookTravel", mode: "in-person" });
    m.as("DNS", { type: "OfferFellowship", to: "LDC", programme: true });
    m.as("LDC", { type: "AcceptFellowship", fellowship: "f1" });
    m.skipTo("negotiation");
    m.as("DNS", { type: "TableOption", option: "A2" });
    m.as("DNS", { type: "DeclarePosition", option: "A2", stance: "support" });
    // The old flag read this as "object → live" from LDC's payoffs.
    m.as("LDC", { type: "DeclarePosition", option: "A2", stance: "live" });
    expect(debrief(m.events).tables[0]!.marks).toEqual([]);
    expect(checkOf(m, "LDC", "A2")).toMatchObject({ verdict: "first-stance-after-money", stances: [{ stance: "live", afterMoney: true }] });
  });

  it("under a vote, an option the objections can no longer let pass is not viable", () => {
    // R3, token-weighted, everyone taking part (52 tokens): once TECH, USG, EU and DNS (37) object
    // to A4, the rest saying yes would bring 15 — short of a majority — so A4 can no longer pass.
    const m = roundA("R3");
    for (const r of ["TECH", "USG", "EU", "DNS", "EMG"]) m.as(r, { type: "BookTravel", mode: "in-person" });
    m.as("TECH", { type: "OfferFellowship", to: "LDC" });
    m.as("LDC", { type: "AcceptFellowship", fellowship: "f1" });
    for (const r of ["IP", "NGO-N", "CS-S"]) m.as(r, { type: "BookTravel", mode: "remote" });
    m.skipTo("negotiation");
    m.as("TECH", { type: "TableOption", option: "A2" });
    m.as("EMG", { type: "TableOption", option: "A4" });
    m.as("TECH", { type: "DeclarePosition", option: "A2", stance: "support" });
    m.as("LDC", { type: "DeclarePosition", option: "A2", stance: "object" });
    for (const r of ["TECH", "USG", "EU", "DNS"]) m.as(r, { type: "DeclarePosition", option: "A4", stance: "object" });
    m.as("LDC", { type: "DeclarePosition", option: "A2", stance: "live" });
    const t = debrief(m.events).tables[0]!;
    expect(t.marks).toEqual([]);
    expect(checkOf(m, "LDC", "A2").verdict).toBe("lesser-evil");
  });
});

describe("the funder's option is the one it declared, never a guess from its payoffs", () => {
  it("a tie in the funder's payoffs decides nothing: only its declared option counts", () => {
    // EMG gains +2 from A3 and from A4 alike. The old flag took A3 (first on the list) as its favourite.
    const m = roundA();
    m.as("EMG", { type: "BookTravel", mode: "in-person" });
    m.as("LDC", { type: "BookTravel", mode: "remote" });
    m.skipTo("negotiation");
    m.as("EMG", { type: "TableOption", option: "A3" });
    m.as("EMG", { type: "TableOption", option: "A4" });
    m.as("EMG", { type: "DeclarePosition", option: "A4", stance: "support" });
    m.as("LDC", { type: "DeclarePosition", option: "A3", stance: "object" });
    m.as("LDC", { type: "DeclarePosition", option: "A4", stance: "object" });
    m.as("EMG", { type: "GiveGrant", to: "LDC", amount: 1, note: "For your trip home" });
    m.as("LDC", { type: "DeclarePosition", option: "A3", stance: "live" });
    m.as("LDC", { type: "DeclarePosition", option: "A4", stance: "support" });
    const t = debrief(m.events).tables[0]!;
    // Toward A3: EMG never declared for it. Toward A4: EMG's option, but LDC's best (+3).
    expect(t.marks).toEqual([]);
    const checks = t.money[0]!.checks;
    expect(checks.map((c) => [c.option, c.verdict])).toEqual([["A4", "lesser-evil"]]);
  });

  it("a fellowship's named expectation counts as the funder's option", () => {
    const m = roundA();
    m.as("TECH", { type: "BookTravel", mode: "in-person" });
    m.as("EMG", { type: "BookTravel", mode: "in-person" });
    m.as("TECH", { type: "OfferFellowship", to: "CS-S", expects: "A2", note: "We hope you will see it our way" });
    m.as("CS-S", { type: "AcceptFellowship", fellowship: "f1" });
    m.skipTo("negotiation");
    m.as("TECH", { type: "TableOption", option: "A2" });
    m.as("EMG", { type: "TableOption", option: "A3" });
    m.as("CS-S", { type: "DeclarePosition", option: "A2", stance: "object" });
    m.as("CS-S", { type: "DeclarePosition", option: "A2", stance: "support" });
    const mark = debrief(m.events).tables[0]!.marks[0]!;
    expect(mark).toMatchObject({ role: "CS-S", option: "A2", funders: [{ role: "TECH", declared: { kind: "expects" } }], better: [{ option: "A3", payoff: 2 }] });
    expect(mark.evidence.map((i) => m.events[i]!.type)).toContain("FellowshipOffered");
  });

  it("a move made before the funder declared for the option is not a move toward it", () => {
    const m = roundA();
    m.as("TECH", { type: "BookTravel", mode: "in-person" });
    m.as("EMG", { type: "BookTravel", mode: "in-person" });
    m.as("TECH", { type: "OfferFellowship", to: "CS-S" });
    m.as("CS-S", { type: "AcceptFellowship", fellowship: "f1" });
    m.skipTo("negotiation");
    m.as("TECH", { type: "TableOption", option: "A2" });
    m.as("EMG", { type: "TableOption", option: "A3" });
    m.as("CS-S", { type: "DeclarePosition", option: "A2", stance: "object" });
    m.as("CS-S", { type: "DeclarePosition", option: "A2", stance: "live" });
    m.as("TECH", { type: "DeclarePosition", option: "A2", stance: "support" });
    expect(debrief(m.events).tables[0]!.marks).toEqual([]);
    expect(checkOf(m, "CS-S", "A2").verdict).toBe("moved-first");
  });
});

describe("money counts for the round it covered", () => {
  /** TECH's grant reaches CS-S in round A (given `when`); in round B CS-S warms to TECH's B1. */
  function grantThenRoundB(when: "negotiation" | "outcome") {
    const m = roundA();
    m.as("CS-S", { type: "BookTravel", mode: "remote" });
    m.skipTo(when);
    m.as("TECH", { type: "GiveGrant", to: "CS-S", amount: 2, note: "Core funding" });
    m.skipTo("travel", 1);
    m.as("TECH", { type: "BookTravel", mode: "in-person" });
    m.as("EU", { type: "BookTravel", mode: "in-person" });
    m.as("CS-S", { type: "BookTravel", mode: "remote" });
    m.skipTo("negotiation", 1);
    m.as("TECH", { type: "TableOption", option: "B1" });
    m.as("EU", { type: "TableOption", option: "B3" });
    m.as("TECH", { type: "DeclarePosition", option: "B1", stance: "support" });
    m.as("CS-S", { type: "DeclarePosition", option: "B1", stance: "object" });
    m.as("CS-S", { type: "DeclarePosition", option: "B1", stance: "live" });
    return m;
  }

  it("a grant given while round A was negotiated is not checked against round B", () => {
    const d = debrief(grantThenRoundB("negotiation").events);
    const t = d.tables[0]!;
    expect(t.money[0]!.payment).toMatchObject({ kind: "grant", round: 0, covers: 0 });
    expect(t.marks).toEqual([]);
  });

  it("a grant given after round A was decided bears on round B, the next decision", () => {
    const m = grantThenRoundB("outcome");
    const t = debrief(m.events).tables[0]!;
    expect(t.money[0]!.payment).toMatchObject({ round: 0, covers: 1 });
    expect(t.marks).toHaveLength(1);
    expect(t.marks[0]).toMatchObject({ round: 1, role: "CS-S", option: "B1", funders: [{ role: "TECH" }], better: [{ option: "B3", payoff: 3 }] });
  });

  it("a grant read against round B says it came after round A's decision and before round B's, wherever the card shows it", () => {
    const m = grantThenRoundB("outcome");
    const t = debrief(m.events).tables[0]!;
    const grant = t.money[0]!;
    expect(grant.checks.map((c) => c.option)).toEqual(["B1"]);
    expect(paymentText(label, grant.payment, "")).toBe("After round 1's decision, before round 2's: TECH gave CS-S 2 tokens.");
    expect(paymentFrom(label, grant.payment)).toBe("TECH · a grant, given after round 1's decision, before round 2's");
    // Only what the lines read: the scenario and each role's label.
    const ctrl: LineContext = { label: (_table, role) => role, view: { scenario: m.s.scenario } };
    expect(whyLines(ctrl, t, t.marks[0]!)[0]).toBe("TECH gave CS-S 2 tokens after round 1's decision, before round 2's.");
  });

  it("a grant given during its round is read against that round and says so", () => {
    const grant = debrief(grantThenRoundB("negotiation").events).tables[0]!.money[0]!;
    expect(paymentText(label, grant.payment, "")).toBe("Round 1: TECH gave CS-S 2 tokens.");
    expect(paymentFrom(label, grant.payment)).toBe("TECH · a grant, round 1");
  });

  it("a grant given after the last decision is read against nothing, and says so", () => {
    const m = roundA();
    const rounds = m.s.scenario.dossiers.length;
    m.skipTo("outcome", rounds - 1);
    m.as("TECH", { type: "GiveGrant", to: "CS-S", amount: 2, note: "Thanks" });
    const grant = debrief(m.events).tables[0]!.money[0]!;
    expect(grant).toMatchObject({ payment: { round: rounds - 1, covers: null }, checks: [] });
    expect(paymentText(label, grant.payment, "")).toBe(`Round ${rounds}, after the last decision: TECH gave CS-S 2 tokens.`);
    expect(noCheckText(label, grant.payment)).toBe("Given after the last decision: nothing was left for it to bear on.");
  });
});

describe("a blocking objection is a declaration", () => {
  /** NGO-N objects to TECH's A2 in the room, then takes TECH's grant; the dossier is decided with the objection standing. */
  function objectThenGrant(rule: "R1" | "R2", chair: "automatic" | "teacher" = "automatic") {
    const m = new Match(undefined, { rules: [rule], chair }).seatEveryone(ROLES).start().skipTo("travel");
    m.as("TECH", { type: "BookTravel", mode: "in-person" });
    m.as("EU", { type: "BookTravel", mode: "in-person" });
    m.as("NGO-N", { type: "BookTravel", mode: "in-person" });
    m.skipTo("negotiation");
    m.as("TECH", { type: "TableOption", option: "A2" });
    m.as("TECH", { type: "DeclarePosition", option: "A2", stance: "support" });
    m.as("NGO-N", { type: "DeclarePosition", option: "A2", stance: "object" });
    m.as("TECH", { type: "GiveGrant", to: "NGO-N", amount: 2, note: "Core funding" });
    m.skipTo("outcome");
    return m;
  }

  it("under rough consensus, the objection that blocked the sponsor's option is listed after the money", () => {
    const m = objectThenGrant("R1");
    expect(debrief(m.events).tables[0]!.outcomes[0]!.adopted).not.toBe("A2");
    const check = checkOf(m, "NGO-N", "A2");
    expect(check).toMatchObject({
      verdict: "no-move",
      stances: [
        { stance: "object", afterMoney: false, blocked: false },
        { stance: "object", afterMoney: true, blocked: true },
      ],
    });
    expect(m.events[check.stances[1]!.at]!.type).toBe("DossierDecided");
    // The card's "Declared after the money" cell names the blocking objection, never "none".
    expect(stanceChain(check.stances.filter((s) => s.afterMoney))).toContain("object, which blocked it");
    expect(stanceChain(check.stances.filter((s) => !s.afterMoney))).not.toContain("blocked");
  });

  it("with the teacher as chair, the objection that blocked the called consensus is listed, once", () => {
    // The teacher calls consensus on A2 after the grant.
    const n = new Match(undefined, { rules: ["R1"], chair: "teacher" }).seatEveryone(ROLES).start().skipTo("travel");
    for (const role of ["TECH", "EU", "NGO-N"]) n.as(role, { type: "BookTravel", mode: "in-person" });
    n.skipTo("negotiation");
    n.as("TECH", { type: "TableOption", option: "A2" });
    n.as("TECH", { type: "DeclarePosition", option: "A2", stance: "support" });
    n.as("NGO-N", { type: "DeclarePosition", option: "A2", stance: "object" });
    n.as("TECH", { type: "GiveGrant", to: "NGO-N", amount: 2, note: "Core funding" });
    n.skipTo("decision");
    n.ok({ type: "CallConsensus", table: 0, option: "A2" });
    n.skipTo("outcome");
    const check = checkOf(n, "NGO-N", "A2");
    expect(check.stances.filter((s) => s.blocked)).toHaveLength(1);
    expect(n.events[check.stances.find((s) => s.blocked)!.at]).toMatchObject({ type: "ConsensusCalled", option: "A2", blockedBy: ["NGO-N"] });
    // Never called, the same objection blocked nothing: the old rules stood for want of a call.
    expect(checkOf(objectThenGrant("R1", "teacher"), "NGO-N", "A2").stances.filter((s) => s.blocked)).toEqual([]);
  });

  it("under a vote one objection blocks nothing on its own: no block is claimed", () => {
    const check = checkOf(objectThenGrant("R2"), "NGO-N", "A2");
    expect(check.stances).toEqual([{ at: expect.any(Number), stance: "object", afterMoney: false, blocked: false }]);
    expect(stanceChain(check.stances.filter((s) => s.afterMoney))).toBe("none");
  });
});

describe("one mark per move", () => {
  it("lists every funder of the move on a single mark", () => {
    const m = roundA();
    for (const r of ["TECH", "DNS", "EMG"]) m.as(r, { type: "BookTravel", mode: "in-person" });
    m.as("DNS", { type: "OfferFellowship", to: "CS-S", programme: true });
    m.as("CS-S", { type: "AcceptFellowship", fellowship: "f1" });
    m.skipTo("negotiation");
    m.as("TECH", { type: "TableOption", option: "A2" });
    m.as("EMG", { type: "TableOption", option: "A3" });
    m.as("TECH", { type: "DeclarePosition", option: "A2", stance: "support" });
    m.as("DNS", { type: "DeclarePosition", option: "A2", stance: "support" });
    m.as("CS-S", { type: "DeclarePosition", option: "A2", stance: "object" });
    m.as("TECH", { type: "GiveGrant", to: "CS-S", amount: 2 });
    m.as("TECH", { type: "GiveGrant", to: "CS-S", amount: 1 });
    m.as("CS-S", { type: "DeclarePosition", option: "A2", stance: "live" });
    const t = debrief(m.events).tables[0]!;
    expect(t.marks).toHaveLength(1);
    expect(t.marks[0]!.funders.map((f) => [f.role, f.payments.length])).toEqual([
      ["DNS", 1],
      ["TECH", 2],
    ]);
    // Each payment's own review points at the same mark.
    expect(t.money.map((r) => r.checks.find((c) => c.option === "A2")?.marks)).toEqual([[t.marks[0]!.id], [t.marks[0]!.id], [t.marks[0]!.id]]);
  });

  it("a mark the teacher set aside leaves the active marks and the funded count", () => {
    const m = roundA();
    for (const r of ["TECH", "EMG"]) m.as(r, { type: "BookTravel", mode: "in-person" });
    m.as("TECH", { type: "OfferFellowship", to: "CS-S" });
    m.as("CS-S", { type: "AcceptFellowship", fellowship: "f1" });
    m.skipTo("negotiation");
    m.as("TECH", { type: "TableOption", option: "A2" });
    m.as("EMG", { type: "TableOption", option: "A3" });
    m.as("TECH", { type: "DeclarePosition", option: "A2", stance: "support" });
    m.as("CS-S", { type: "DeclarePosition", option: "A2", stance: "object" });
    m.as("CS-S", { type: "DeclarePosition", option: "A2", stance: "support" });
    const d = debrief(m.events);
    const id = d.tables[0]!.marks[0]!.id;
    const review = { [id]: { reason: "CS-S had agreed A2 with TECH before the trip was offered.", at: 0 } };
    expect(activeMarks(d.tables[0]!.marks, review)).toEqual([]);
    expect(compare(d.comparison.units, review).funded).toEqual({ units: 1, moved: 0 });
    expect(compare(d.comparison.units).funded).toEqual({ units: 1, moved: 1 });
  });
});

describe("who was in the room", () => {
  it("a role that declined a sponsor's offer is not said to have had no sponsor", () => {
    const m = roundA();
    m.as("TECH", { type: "OfferFellowship", to: "LDC", note: "Come to London" });
    m.as("LDC", { type: "DeclineFellowship", fellowship: "f1" });
    m.as("DNS", { type: "OfferFellowship", to: "CS-S", programme: true });
    m.skipTo("negotiation");
    const presence = debrief(m.events).tables[0]!.presence;
    expect(presence.find((p) => p.role === "LDC")).toMatchObject({ mode: "remote", cause: "declined-offer" });
    // CS-S never answered DNS's offer: it lapsed when travel closed.
    expect(presence.find((p) => p.role === "CS-S")).toMatchObject({ cause: "offer-lapsed" });
  });
});

describe("said, told, did", () => {
  it("tells a role only what its briefing showed: hidden payoffs are named, ties are all listed", () => {
    // LDC on B: B2 +1 (hidden), B3 0 (hidden), B4 +1, B1 0. Its briefing showed B4 as best, not B2.
    const m = roundA();
    m.skipTo("negotiation", 1);
    const ldc = debrief(m.events).tables[0]!.saidToldDid.find((s) => s.role === "LDC" && s.round === 1)!;
    expect(ldc).toMatchObject({ best: ["B2", "B4"], told: ["B4"], hidden: ["B2", "B3"] });
  });

  it("a role that said nothing in public argued for nothing, whatever it ticked or tabled: no mismatch mark", () => {
    // TECH tables A2 and speaks for it; EU tables A3 and says nothing; CS-S (remote) ticks A2 and
    // comments; LDC (remote, best A4) only ticks support for A2.
    const m = roundA();
    m.as("TECH", { type: "BookTravel", mode: "in-person" });
    m.as("EU", { type: "BookTravel", mode: "in-person" });
    m.as("CS-S", { type: "BookTravel", mode: "remote" });
    m.as("LDC", { type: "BookTravel", mode: "remote" });
    m.skipTo("negotiation");
    m.as("TECH", { type: "TableOption", option: "A2" });
    m.as("EU", { type: "TableOption", option: "A3" });
    m.as("TECH", { type: "MakeStatement", text: "A2 keeps things stable." });
    m.as("LDC", { type: "DeclarePosition", option: "A2", stance: "support" });
    m.as("CS-S", { type: "DeclarePosition", option: "A2", stance: "support" });
    m.as("CS-S", { type: "PostRemoteComment", text: "We can live with A2." });
    const rows = debrief(m.events).tables[0]!.saidToldDid.filter((s) => s.round === 0);
    const row = (role: string) => rows.find((s) => s.role === role)!;
    expect(row("LDC")).toMatchObject({ spoke: false, said: null, did: ["A2"] });
    expect(row("EU")).toMatchObject({ spoke: false, said: null });
    expect(row("TECH")).toMatchObject({ spoke: true, said: "A2" });
    expect(row("CS-S")).toMatchObject({ spoke: true, said: "A2", best: ["A3"] });
    // The card's "Argued for" cell.
    expect(saidCell(row("LDC"))).toBe("Said nothing in public");
    expect(saidCell(row("EU"))).toBe("Said nothing in public");
    expect(saidCell(row("CS-S"))).toBe("A2 ≠");
  });

  it("a bought briefing hides nothing", () => {
    const m = roundA();
    m.skipTo("briefing", 1);
    m.as("LDC", { type: "BuyBriefing" });
    const ldc = debrief(m.events).tables[0]!.saidToldDid.find((s) => s.role === "LDC" && s.round === 1)!;
    expect(ldc).toMatchObject({ told: ["B2", "B4"], hidden: [] });
  });
});

describe("what we decided, against the best for the public", () => {
  it("names the best of all options and, separately, the best of those on the table", () => {
    const m = roundA();
    m.as("TECH", { type: "BookTravel", mode: "in-person" });
    m.skipTo("negotiation");
    m.as("TECH", { type: "TableOption", option: "A2" });
    m.as("TECH", { type: "DeclarePosition", option: "A2", stance: "support" });
    m.skipTo("outcome");
    const o = debrief(m.events).tables[0]!.outcomes[0]!;
    expect(o).toMatchObject({ adopted: "A2", publicInterest: 6.5, best: { option: "A3", publicInterest: 6.75, ties: [] }, bestTabled: { option: "A2", publicInterest: 6.5 } });
    expect(o.captureGap).toBeCloseTo(0.25, 9);
  });
});
