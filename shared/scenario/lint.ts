// What a scenario's tables predict and what in them will make a poor lesson, read from the data
// alone (no game is played): the option each way of counting would pick, each role's voting
// power under each rule, how money and payoffs line up, and warnings an author should read.
// Pure functions of a validated scenario; `npm run scenario -- check` prints them beside the
// bots' games (docs/writing-scenarios.md explains each warning).
import { powerIndices } from "../analysis/power.js";
import { spearman } from "../analysis/stats.js";
import { publicInterest, type DecisionRuleId, type Dossier, type Scenario } from "./schema.js";

export interface DossierPrediction {
  dossier: string;
  statusQuo: string;
  /** Highest sum of payoffs weighted by income: what money alone would pick. */
  tokenWeighted: string;
  /** Highest plain sum of payoffs: one role, one voice. */
  oneRoleOneVoice: string;
  /** Highest public-interest score. */
  publicInterest: string;
  /** Spearman correlation of income and payoff, per option (null when every payoff is equal). */
  incomeCorrelation: Record<string, number | null>;
}

export interface LintWarning {
  /** Where in the file, as the validator names fields (e.g. "dossiers[1]"), when it is one place. */
  path?: string;
  message: string;
}

export interface ScenarioLint {
  predictions: DossierPrediction[];
  /** Normalised Banzhaf power of each role under each rule the scenario offers, everyone present. */
  power: Partial<Record<DecisionRuleId, Record<string, number>>>;
  warnings: LintWarning[];
}

/** The first option with the highest score (ties go to the option listed first). */
function argmax(d: Dossier, score: (o: Dossier["options"][number]) => number): string {
  let best = d.options[0]!;
  for (const o of d.options) if (score(o) > score(best) + 1e-9) best = o;
  return best.id;
}

export function predictions(s: Scenario): DossierPrediction[] {
  const incomes = s.roles.map((r) => r.income);
  return s.dossiers.map((d) => ({
    dossier: d.id,
    statusQuo: d.statusQuo,
    tokenWeighted: argmax(d, (o) => s.roles.reduce((sum, r) => sum + r.income * (o.payoffs[r.id] ?? 0), 0)),
    oneRoleOneVoice: argmax(d, (o) => s.roles.reduce((sum, r) => sum + (o.payoffs[r.id] ?? 0), 0)),
    publicInterest: argmax(d, publicInterest),
    incomeCorrelation: Object.fromEntries(d.options.map((o) => [o.id, spearman(incomes, s.roles.map((r) => o.payoffs[r.id] ?? 0))])),
  }));
}

function ruleWarnings(s: Scenario, power: ScenarioLint["power"]): LintWarning[] {
  const out: LintWarning[] = [];
  const name = (id: string) => s.roles.find((r) => r.id === id)?.name ?? id;
  if (s.rules.includes("R4")) {
    const states = s.roles.filter((r) => r.group === "government");
    const votes = states.reduce((a, r) => a + r.abilities.blocVotes, 0);
    if (!states.length) out.push({ path: "rules", message: "R4 (multilateral) is offered but no role is a government: nothing can ever pass under it." });
    for (const r of states) {
      if (states.length > 1 && r.abilities.blocVotes > votes / 2) out.push({ path: `roles[${s.roles.indexOf(r)}].abilities.blocVotes`, message: `${r.name} holds more than half of the governments' votes: under R4 it decides alone.` });
    }
  }
  if (s.rules.includes("R2")) {
    s.houses.forEach((h, i) => {
      if (!s.roles.some((r) => h.groups.includes(r.group))) out.push({ path: `houses[${i}]`, message: `The house "${h.name}" has no role in it: under R2 it can never vote yes, so the others must all agree.` });
    });
  }
  if (s.rules.includes("R3")) {
    const total = s.roles.reduce((a, r) => a + r.income, 0);
    for (const r of s.roles) if (r.income > total / 2) out.push({ path: `roles[${s.roles.indexOf(r)}].income`, message: `${r.name} has more than half of all income: under R3 it decides alone.` });
  }
  for (const [rule, byRole] of Object.entries(power)) {
    // Under R4 only governments vote; everyone else's zero is the rule itself.
    const voters = s.roles.filter((r) => rule !== "R4" || r.group === "government").map((r) => r.id);
    const nobodies = voters.filter((id) => byRole[id] === 0).map(name);
    if (nobodies.length && nobodies.length < voters.length) out.push({ message: `Under ${rule}, ${nobodies.join(", ")} can never change a result (no voting power).` });
  }
  return out;
}

function dossierWarnings(s: Scenario, predicted: DossierPrediction[]): LintWarning[] {
  const out: LintWarning[] = [];
  s.dossiers.forEach((d, di) => {
    const p = predicted[di]!;
    const path = `dossiers[${di}]`;
    // Nobody wants to move: every role does at least as well with the status quo.
    const sq = d.options.find((o) => o.id === d.statusQuo)!;
    if (d.options.every((o) => s.roles.every((r) => (o.payoffs[r.id] ?? 0) <= (sq.payoffs[r.id] ?? 0))))
      out.push({ path, message: `On "${d.title}" no role gains from any change: there is nothing to negotiate.` });
    // One option is best for every role: no conflict to play.
    for (const o of d.options) {
      if (s.roles.every((r) => d.options.every((x) => (o.payoffs[r.id] ?? 0) >= (x.payoffs[r.id] ?? 0))))
        out.push({ path, message: `On "${d.title}" option ${o.id} is best for every role: nobody has a reason to argue.` });
    }
    // The lesson needs money and the public interest to pull apart somewhere.
    if (p.tokenWeighted === p.publicInterest)
      out.push({ path, message: `On "${d.title}" the token-weighted pick and the public-interest pick are the same option (${p.tokenWeighted}): capture cannot cost the public anything here.` });
    s.roles.forEach((r, ri) => {
      const values = new Set(d.options.map((o) => o.payoffs[r.id] ?? 0));
      if (values.size === 1) out.push({ path: `roles[${ri}]`, message: `${r.name} has the same payoff for every option of "${d.title}": it has no stake there.` });
      if (d.options.every((o) => r.knowledge.hiddenPayoffs.some((h) => h.dossier === d.id && h.option === o.id)))
        out.push({ path: `roles[${ri}].knowledge.hiddenPayoffs`, message: `${r.name} cannot see any of its payoffs on "${d.title}" without a briefing; usually some stay visible.` });
    });
    const pis = d.options.map(publicInterest);
    if (Math.max(...pis) - Math.min(...pis) < 1) out.push({ path, message: `On "${d.title}" every option scores within 1 point for the public: the empty chair will have little to say.` });
  });
  return out;
}

function roleWarnings(s: Scenario): LintWarning[] {
  const out: LintWarning[] = [];
  const sponsors = s.roles.filter((r) => r.canTravelAlone && r.income >= 4 * s.travel.costPerDelegate);
  const programmes = s.roles.reduce((a, r) => a + r.abilities.programmeSeats, 0);
  s.roles.forEach((r, ri) => {
    if (!r.canTravelAlone && !sponsors.some((x) => x.id !== r.id) && programmes === 0)
      out.push({ path: `roles[${ri}].canTravelAlone`, message: `${r.name} can only travel with a sponsor, but no role is rich enough to pay for it and none runs a fellowship programme.` });
  });
  const poor = s.roles.filter((r) => r.income < 2 * s.travel.costPerDelegate);
  if (!poor.length) out.push({ path: "roles", message: "Every role can pay its own trip every round: fellowships will tempt nobody, so the capture lesson has nothing to show." });
  if (!sponsors.length && programmes === 0) out.push({ path: "roles", message: "No role is rich enough to pay someone else's trip: nobody can be funded." });
  if (s.rider && !s.roles.some((r) => r.id === s.rider!.owner && r.abilities.rider))
    out.push({ path: "rider.owner", message: `The rider belongs to ${s.rider.owner}, but that role's abilities.rider is not true: the late-insertion variant will do nothing.` });
  if (!s.rider && s.roles.some((r) => r.abilities.rider)) out.push({ path: "rider", message: "A role has abilities.rider, but the scenario has no rider: the late-insertion variant will do nothing." });
  return out;
}

export function lintScenario(s: Scenario): ScenarioLint {
  const predicted = predictions(s);
  const power: ScenarioLint["power"] = {};
  for (const rule of s.rules) {
    if (rule === "R1") continue; // consensus: everyone present holds the same veto.
    power[rule] = powerIndices(rule, s).banzhaf;
  }
  return { predictions: predicted, power, warnings: [...ruleWarnings(s, power), ...dossierWarnings(s, predicted), ...roleWarnings(s)] };
}
