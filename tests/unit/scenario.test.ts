// Loading scenarios: the default data validates; a bad scenario names the field and the problem.
import { describe, expect, it } from "vitest";
import { loadScenario, scenarioIds } from "../../server/scenarios/index.js";
import { parseScenario, ScenarioError } from "../../shared/index.js";
import { defaultScenario, smallScenario } from "../helpers/engine.js";

function problemsOf(data: unknown): string[] {
  try {
    parseScenario(data);
  } catch (e) {
    if (e instanceof ScenarioError) return e.problems.map((p) => `${p.path}: ${p.message}`);
    throw e;
  }
  return [];
}
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe("scenarios", () => {
  it("the default scenario loads: nine roles, three dossiers of four options", () => {
    const s = defaultScenario();
    expect(s.roles.map((r) => r.id)).toEqual(["TECH", "USG", "EU", "DNS", "IP", "EMG", "NGO-N", "LDC", "CS-S"]);
    expect(s.roles.reduce((a, r) => a + r.income, 0)).toBe(52);
    expect(s.dossiers.map((d) => d.options.length)).toEqual([4, 4, 4]);
    expect(scenarioIds()).toContain("who-runs-the-internet-2014");
  });
  it("the small scenario has five roles and two dossiers", () => {
    const s = smallScenario();
    expect([s.roles.length, s.dossiers.length]).toEqual([5, 2]);
  });
  it("names a missing payoff", () => {
    const s = clone(defaultScenario());
    delete (s.dossiers[1]!.options[2]!.payoffs as Record<string, number>).EU;
    expect(problemsOf(s)).toEqual(["dossiers[1].options[2].payoffs.EU: missing the payoff for role EU"]);
  });
  it("names a payoff out of range and a wrong type", () => {
    const s = clone(defaultScenario()) as unknown as { dossiers: { options: { payoffs: Record<string, unknown> }[] }[]; roles: { income: unknown }[] };
    s.dossiers[0]!.options[0]!.payoffs.USG = 5;
    s.roles[2]!.income = "lots";
    const problems = problemsOf(s);
    expect(problems).toContain("dossiers[0].options[0].payoffs.USG: must be at most +3");
    expect(problems).toContain("roles[2].income: must be a number, not a text");
  });
  it("says what is wrong in plain words: limits, missing fields, types and choices", () => {
    const s = clone(smallScenario()) as unknown as Record<string, unknown> & { roles: Record<string, unknown>[]; dossiers: { options: Record<string, unknown>[] }[] };
    s.roles[1]!.income = 500;
    s.roles[0]!.name = "";
    delete s.roles[2]!.group;
    s.roles[3]!.canTravelAlone = "yes";
    delete s.roles[4]!.home;
    s.rules = ["R5"];
    s.dossiers[0]!.options = s.dossiers[0]!.options.slice(0, 1);
    expect(problemsOf(s)).toEqual([
      "roles[0].name: must not be empty",
      "roles[1].income: must be at most 100",
      'roles[2].group: is missing (one of "government", "private", "technical", "civil-society")',
      "roles[3].canTravelAlone: must be true or false, not a text",
      "roles[4].home: is missing (a text in quotes is needed)",
      "dossiers[0].options: needs at least 2 options",
      'rules[0]: must be one of "R1", "R2", "R3", "R4"',
    ]);
  });
  it("names an unknown status quo, a duplicate role and a role in no house", () => {
    const s = clone(defaultScenario());
    s.dossiers[2]!.statusQuo = "C9";
    s.roles[1]!.id = "TECH";
    s.houses = s.houses.slice(0, 2);
    const problems = problemsOf(s).join("\n");
    expect(problems).toContain('dossiers[2].statusQuo: "C9" is not one of this dossier\'s options');
    expect(problems).toContain('roles[1].id: duplicate role id "TECH"');
    expect(problems).toContain('roles[6].group: group "civil-society" sits in no house');
  });
  it("refuses an unknown scenario id without touching the file system outside its folder", () => {
    expect(() => loadScenario("../../etc/passwd")).toThrow('Unknown scenario "../../etc/passwd".');
    expect(() => loadScenario("nope")).toThrow('Unknown scenario "nope".');
  });
});
