// The rules and power indices reproduce the figures in SCENARIO.md, computed from the data.
import { describe, expect, it } from "vitest";
import { applyRule, powerIndices, publicInterest, type Dossier, type Scenario, type Stance } from "../../shared/index.js";
import { spearman } from "../../shared/analysis/stats.js";
import { defaultScenario, smallScenario } from "../helpers/engine.js";

const sc = defaultScenario();
const dossier = (id: string) => sc.dossiers.find((d) => d.id === id) as Dossier;
const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** The option maximising a weighted sum of payoffs. */
function argmax(d: Dossier, score: (payoffs: Record<string, number>) => number): string {
  return d.options.reduce((best, o) => (score(o.payoffs) > score(best.payoffs) ? o : best)).id;
}

describe("what the payoff tables predict (SCENARIO.md)", () => {
  const income = Object.fromEntries(sc.roles.map((r) => [r.id, r.income]));
  it("a token-weighted sum picks A2, B1, C1", () => {
    expect(["A", "B", "C"].map((d) => argmax(dossier(d), (p) => Object.entries(p).reduce((a, [r, v]) => a + v * income[r]!, 0)))).toEqual(["A2", "B1", "C1"]);
  });
  it("one role, one voice picks A2, B2, C2", () => {
    expect(["A", "B", "C"].map((d) => argmax(dossier(d), (p) => Object.values(p).reduce((a, v) => a + v, 0)))).toEqual(["A2", "B2", "C2"]);
  });
  it("the public-interest score picks A3, B3, C4", () => {
    expect(["A", "B", "C"].map((d) => dossier(d).options.reduce((b, o) => (publicInterest(o) > publicInterest(b) ? o : b)).id)).toEqual(["A3", "B3", "C4"]);
    expect(publicInterest(dossier("A").options[2]!)).toBe(6.75);
  });
  it("budget and payoff correlate at +0.81 on C1 and −0.92 on C4", () => {
    const incomes = sc.roles.map((r) => r.income);
    const on = (o: string) => sc.roles.map((r) => dossier("C").options.find((x) => x.id === o)!.payoffs[r.id]!);
    expect(round3(spearman(incomes, on("C1"))!)).toBeCloseTo(0.81, 2);
    expect(round3(spearman(incomes, on("C4"))!)).toBeCloseTo(-0.92, 2);
  });
});

describe("voting power", () => {
  it("under stakeholder houses each civil-society role holds a Banzhaf power of 0.134, the others 0.10–0.11", () => {
    const { banzhaf } = powerIndices("R2", sc);
    expect(round3(banzhaf["NGO-N"]!)).toBe(0.134);
    expect(round3(banzhaf["CS-S"]!)).toBe(0.134);
    for (const id of ["TECH", "USG", "EU", "DNS", "IP", "EMG", "LDC"]) {
      expect(banzhaf[id]!).toBeGreaterThanOrEqual(0.1);
      expect(banzhaf[id]!).toBeLessThan(0.11);
    }
  });
  it("under the token-weighted vote (quota 27 of 52) power tracks tokens", () => {
    const { banzhaf } = powerIndices("R3", sc);
    const expected = { TECH: 0.25, USG: 0.192, EU: 0.15, DNS: 0.131, IP: 0.115, EMG: 0.069, "NGO-N": 0.054, LDC: 0.019, "CS-S": 0.019 };
    expect(Object.fromEntries(Object.entries(banzhaf).map(([k, v]) => [k, round3(v)]))).toEqual(expected);
  });
  it("Shapley–Shubik indices sum to 1; consensus gives everyone the same power", () => {
    for (const rule of ["R1", "R2", "R3", "R4"] as const) {
      const { shapleyShubik } = powerIndices(rule, sc);
      expect(Object.values(shapleyShubik).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    }
    const { banzhaf } = powerIndices("R1", sc);
    expect(new Set(Object.values(banzhaf).map(round3))).toEqual(new Set([round3(1 / 9)]));
  });
  it("under the multilateral rule only governments hold power", () => {
    const { banzhaf } = powerIndices("R4", sc);
    expect(banzhaf.TECH).toBe(0);
    expect(banzhaf["CS-S"]).toBe(0);
    expect(banzhaf.LDC).toBe(0.25);
  });
});

describe("the rules over recorded positions", () => {
  const everyone = Object.fromEntries(sc.roles.map((r) => [r.id, "in-person" as const]));
  /** Everyone states a position by the sign of its payoff: support > 0, live with 0, object < 0. */
  const sincere = (d: Dossier) =>
    Object.fromEntries(
      sc.roles.map((r) => [r.id, Object.fromEntries(d.options.map((o) => [o.id, (o.payoffs[r.id]! > 0 ? "support" : o.payoffs[r.id]! === 0 ? "live" : "object") as Stance]))]),
    );
  const input = (id: string, attendance: Record<string, "in-person" | "remote" | "absent"> = everyone) => {
    const d = dossier(id);
    return { scenario: sc as Scenario, dossier: d, tabled: d.options.map((o) => o.id), positions: sincere(d), attendance };
  };

  it("sincere positions on dossier A under each rule", () => {
    expect(applyRule("R1", input("A"))).toMatchObject({ adopted: "A1", by: "status-quo" }); // every option draws an objection
    // Houses: A3 carries all three houses (8 roles can accept it), A2 only two (7 roles).
    expect(applyRule("R2", input("A"))).toMatchObject({ adopted: "A3", tally: { A2: 7, A3: 8 } });
    expect(applyRule("R3", input("A")).adopted).toBe("A2");
    expect(applyRule("R4", input("A")).adopted).toBe("A3");
  });
  it("the tax dossier: the richest can live with the OECD package; governments pick national taxes", () => {
    // C1 passes with 35 of 52 tokens, but C2 is acceptable to 38, so it wins the weighted vote.
    expect(applyRule("R3", input("C"))).toMatchObject({ adopted: "C2", tally: { C1: 35, C2: 38 } });
    // C2 and C3 both win 3 of 4 governments; C3 has more outright supporters.
    expect(applyRule("R4", input("C")).adopted).toBe("C3");
  });
  it("rough consensus: a remote objection is noted but does not block", () => {
    const d = dossier("A");
    const positions = { USG: { A2: "support" as Stance }, LDC: { A2: "object" as Stance } };
    const attendance = { ...everyone, LDC: "remote" as const };
    const base = { scenario: sc, dossier: d, tabled: ["A2"], positions, attendance };
    expect(applyRule("R1", base)).toMatchObject({ adopted: "A2", by: "consensus" });
    expect(applyRule("R1", { ...base, attendance: everyone })).toMatchObject({ adopted: "A1", blockedBy: ["LDC"] });
  });
  it("nothing tabled: the status quo stands under every rule", () => {
    for (const rule of ["R1", "R2", "R3", "R4"] as const) {
      expect(applyRule(rule, { ...input("B"), tabled: [] })).toMatchObject({ adopted: "B1", by: "status-quo" });
    }
  });
  it("absent roles do not vote", () => {
    const absent = { ...everyone, USG: "absent" as const, TECH: "absent" as const };
    // Without the two richest, the token-weighted vote on C no longer protects the status quo.
    expect(applyRule("R3", input("C", absent)).adopted).not.toBe("C1");
  });
  it("a scenario with one government still decides under the multilateral rule", () => {
    const small = smallScenario();
    const d = small.dossiers[0]!;
    const r = applyRule("R4", { scenario: small, dossier: d, tabled: ["W2", "W3"], positions: { CITY: { W2: "support" } }, attendance: { CITY: "remote" } });
    expect(r.adopted).toBe("W2");
  });
});
