// Given-when-then: travel and fellowships (shared/rules/handlers/travel.ts), and what closing
// the travel phase settles.
import { describe, expect, it } from "vitest";
import { Match } from "../../helpers/engine.js";
import { expectRejectedAs, inTravel } from "./given.js";

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
