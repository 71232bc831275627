// The debrief analysis on hand-built records with known answers.
import { describe, expect, it } from "vitest";
import { csvCell, debrief, matchCsv, pseudonymiseEvents } from "../../shared/analysis/index.js";
import { csvWords, scenarioOf } from "../../server/http/exports.js";
import { Match, defaultScenario, player } from "../helpers/engine.js";

/**
 * Round A at one table. TECH sponsors CS-S's trip and supports A2; CS-S objects to A2, then,
 * after a word in the corridor, supports it although A3 (its best) could still pass: marked.
 * TECH also funds NGO-N, which already supported A2 (no move). DNS's programme brings LDC,
 * who objects to A2 (DNS declared for nothing). USG stays home with money; EMG gives its
 * tokens away and cannot pay; IP's seat is empty.
 */
function captureMatch() {
  const roles = ["TECH", "USG", "EU", "DNS", "EMG", "NGO-N", "LDC", "CS-S"];
  const m = new Match(defaultScenario()).seatEveryone(roles).start().skipTo("travel");
  m.as("TECH", { type: "BookTravel", mode: "in-person" });
  m.as("EU", { type: "BookTravel", mode: "in-person" });
  m.as("NGO-N", { type: "BookTravel", mode: "in-person" });
  m.as("TECH", { type: "OfferFellowship", to: "CS-S", note: "Your voice matters" });
  m.as("CS-S", { type: "AcceptFellowship", fellowship: "f1" });
  m.as("DNS", { type: "OfferFellowship", to: "LDC", programme: true });
  m.as("LDC", { type: "AcceptFellowship", fellowship: "f2" });
  m.as("EMG", { type: "GiveGrant", to: "EU", amount: 3 });
  m.as("USG", { type: "BookTravel", mode: "remote" });
  m.skipTo("negotiation");
  m.as("TECH", { type: "TableOption", option: "A2" });
  m.as("EU", { type: "TableOption", option: "A3" });
  m.as("TECH", { type: "DeclarePosition", option: "A2", stance: "support" });
  m.as("NGO-N", { type: "DeclarePosition", option: "A2", stance: "support" });
  m.as("TECH", { type: "GiveGrant", to: "NGO-N", amount: 2, note: "Core funding" });
  m.as("NGO-N", { type: "DeclarePosition", option: "A2", stance: "support" });
  m.as("LDC", { type: "DeclarePosition", option: "A2", stance: "object" });
  m.as("CS-S", { type: "DeclarePosition", option: "A2", stance: "object" });
  m.as("TECH", { type: "MakeStatement", text: "Stability first." });
  m.as("TECH", { type: "SendCorridorMessage", to: "CS-S", text: "Remember who paid your ticket." });
  m.as("CS-S", { type: "DeclarePosition", option: "A2", stance: "support" });
  m.skipTo("outcome");
  return m;
}

describe("the debrief of a match with money in it", () => {
  const m = captureMatch();
  const d = debrief(m.events);
  const t = d.tables[0]!;

  it("marks the sponsored guest that moved to its sponsor's option while a better one could still pass", () => {
    expect(t.marks).toHaveLength(1);
    expect(t.marks[0]).toMatchObject({ role: "CS-S", funders: [{ role: "TECH" }], round: 0, option: "A2", before: { stance: "object" }, after: { stance: "support" }, payoff: -1, better: [{ option: "A3", payoff: 2 }] });
    // The evidence: the trip, TECH's support, LDC's objection that stopped A2 itself, CS-S's two stances.
    expect(t.marks[0]!.blocked).toEqual([{ option: "A2", by: ["LDC"] }]);
    const evidence = t.marks[0]!.evidence.map((i) => m.events[i]!.type);
    expect(evidence).toEqual(["FellowshipAccepted", "PositionDeclared", "PositionDeclared", "PositionDeclared", "PositionDeclared"]);
  });

  it("does not mark a recipient that already supported the funder's option, nor one whose funder declared for nothing", () => {
    const ngo = t.money.find((x) => x.payment.to === "NGO-N")!;
    expect(ngo.checks).toMatchObject([{ option: "A2", verdict: "no-move", marks: [] }]);
    const ldc = t.money.find((x) => x.payment.to === "LDC")!;
    expect(ldc.payment).toMatchObject({ kind: "fellowship", from: "DNS", programme: true, amount: 2 });
    expect(ldc.checks).toEqual([]);
  });

  it("lists every fellowship and grant with giver, receiver, amount, round and note", () => {
    expect(t.money.map((x) => [x.payment.kind, x.payment.from, x.payment.to, x.payment.amount, x.payment.round])).toEqual([
      ["fellowship", "TECH", "CS-S", 2, 0],
      ["fellowship", "DNS", "LDC", 2, 0],
      ["grant", "EMG", "EU", 3, 0],
      ["grant", "TECH", "NGO-N", 2, 0],
    ]);
    expect(t.money[0]!.payment.note).toBe("Your voice matters");
  });

  it("says who was in the room, and why the others were not", () => {
    const cause = Object.fromEntries(t.presence.map((p) => [p.role, [p.mode, p.cause]]));
    expect(cause).toEqual({
      TECH: ["in-person", null],
      EU: ["in-person", null],
      "NGO-N": ["in-person", null],
      "CS-S": ["in-person", null],
      LDC: ["in-person", null],
      USG: ["remote", "chose-not-to"],
      DNS: ["remote", "chose-not-to"],
      EMG: ["remote", "could-not-pay"],
      IP: ["absent", "no-player"],
    });
    expect(t.decidedWithout[0]!.notInRoom.sort()).toEqual(["DNS", "EMG", "IP", "USG"]);
  });

  it("blames a missing sponsor when a role that cannot travel alone stays remote", () => {
    const m2 = new Match().seatEveryone(["TECH", "LDC"]).start().skipTo("negotiation");
    const p = debrief(m2.events).tables[0]!.presence.find((x) => x.role === "LDC")!;
    expect(p).toMatchObject({ mode: "remote", cause: "no-sponsor" });
  });

  it("measures voice against the population each role speaks for", () => {
    const tech = t.voice.find((v) => v.role === "TECH")!;
    expect(tech).toMatchObject({ floor: 1, corridor: 1, tabled: 1 });
    expect(tech.share).toBeCloseTo(3 / 4, 5); // EU's tabled option is the only other voice
    const css = t.voice.find((v) => v.role === "CS-S")!;
    expect(css.share).toBe(0);
    expect(css.populationShare).toBeGreaterThan(0.4);
  });

  it("scores the outcome against the public interest: LDC's objection in the room keeps A1, a gap of 2.25", () => {
    expect(t.outcomes[0]).toMatchObject({ adopted: "A1", by: "status-quo", publicInterest: 4.5, best: { option: "A3", publicInterest: 6.75 }, bestTabled: { option: "A3", publicInterest: 6.75 } });
    expect(t.outcomes[0]!.captureGap).toBeCloseTo(2.25, 9);
    expect(t.outcomes[0]!.tokenWeightedWinner).toBe("A2");
    expect(t.outcomes[0]!.oneRoleOneVoiceWinner).toBe("A2");
    expect(t.emptyChair[0]!.subScores!.map(({ label, value }) => ({ label, value }))).toEqual([
      { label: "Stability", value: 9 },
      { label: "Accountability", value: 2 },
      { label: "Inclusion of the Global South", value: 1 },
      { label: "Rights and openness", value: 6 },
    ]);
    // Every sub-score carries the scenario's reason for it.
    for (const s of t.emptyChair[0]!.subScores!) expect(s.reason?.length).toBeGreaterThan(20);
  });

  it("said, told, did: CS-S was told A3 was best for it, said nothing in public, and supported A2", () => {
    const css = t.saidToldDid.find((x) => x.role === "CS-S" && x.round === 0)!;
    expect(css).toEqual({ round: 0, role: "CS-S", best: ["A3"], told: ["A3"], hidden: ["A2", "A4"], spoke: false, said: null, did: ["A2"] });
    // EU tabled A3 but made no statement: it argued for nothing in public. TECH spoke, for its A2.
    const eu = t.saidToldDid.find((x) => x.role === "EU")!;
    expect(eu).toMatchObject({ best: ["A2"], told: ["A2"], spoke: false, said: null, did: [] });
    expect(t.saidToldDid.find((x) => x.role === "TECH")).toMatchObject({ spoke: true, said: "A2" });
  });

  it("what if we had voted: the same positions under the four rules", () => {
    // A2 has TECH, NGO-N and CS-S behind it: 16 of 46 tokens present, one house of three, no government.
    expect(t.whatIf[0]).toEqual({ round: 0, dossier: "A", actual: "A1", winners: { R1: "A1", R2: "A1", R3: "A1", R4: "A1" } });
  });

  it("income and score, inequality of payoffs", () => {
    expect(t.incomeScoreCorrelation).not.toBeNull();
    expect(t.payoffGini).toBeGreaterThan(0);
    expect(t.payoffGini).toBeLessThan(1);
  });
});

describe("several tables", () => {
  it("compares the tables side by side", () => {
    const m = new Match(defaultScenario(), { tables: 2, rules: ["R1", "R3"] });
    m.seatEveryone(undefined, 0).seatEveryone(undefined, 1).start().skipTo("travel");
    m.as("TECH", { type: "BookTravel", mode: "in-person" });
    m.ok({ type: "BookTravel", mode: "in-person" }, player("tech@1"));
    m.skipTo("negotiation");
    m.as("TECH", { type: "TableOption", option: "A2" });
    m.as("TECH", { type: "DeclarePosition", option: "A2", stance: "support" });
    m.ok({ type: "TableOption", option: "A4" }, player("tech@1"));
    for (const r of ["EU", "EMG", "LDC", "CS-S", "NGO-N"]) m.ok({ type: "DeclarePosition", option: "A4", stance: "support" }, player(`${r.toLowerCase()}@1`));
    m.skipTo("outcome");
    const d = debrief(m.events);
    expect(d.compared.map((c) => [c.table, c.rule, c.adopted[0]])).toEqual([
      [0, "R1", "A2"],
      [1, "R3", "A1"], // 8+4+1+1+3 = 17 of 52 tokens is not a majority: the status quo stands
    ]);
    expect(d.tables[1]!.whatIf[0]!.winners.R4).toBe("A4");
  });
});

describe("exports", () => {
  const m = captureMatch();
  it("one CSV row per role per round, with positions, tokens, attendance, payoffs and marks", () => {
    const csv = matchCsv(m.events, { pseudonymise: false, words: csvWords("en", scenarioOf(m)) });
    const lines = csv.trimEnd().split("\r\n");
    expect(lines).toHaveLength(1 + 9);
    expect(lines[0]).toBe("Table,Rule,Round,Dossier,Role,Role name,Players,Attendance,Delegates,Trip paid by,Why not in the room,Tokens when travel closed,Tokens after the decision,Stances declared,Adopted option,Payoff,Moves toward a sponsor’s option");
    const css = lines.find((l) => l.includes(",CS-S,"))!;
    expect(css).toBe("1,R1,1,A,CS-S,Global-South civil society,CS-S player,in-person,1,TECH,,1,1,A2:support,A1,-3,\"moved toward A2 (from “object” to “support”), the option of its sponsor TECH\"");
  });
  it("pseudonymises every nickname in the CSV and in the record", () => {
    const csv = matchCsv(m.events, { pseudonymise: true, words: csvWords("en", scenarioOf(m)) });
    expect(csv).not.toContain(" player");
    expect(csv).toContain("Student 1");
    const events = pseudonymiseEvents(m.events);
    expect(JSON.stringify(events)).not.toContain("TECH player");
    expect(debrief(events).tables[0]!.marks).toEqual(debrief(m.events).tables[0]!.marks);
  });
  it("quotes cells and defuses spreadsheet formulas", () => {
    expect(csvCell('say "hi", ok')).toBe('"say ""hi"", ok"');
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell(-3)).toBe("-3");
  });
});
