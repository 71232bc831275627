// The debrief: pure functions from a match record (its events) to the evidence on the cards —
// outcomes, who was in the room, follow the money, said/told/did, the empty chair, what if we
// had voted, tables compared. One pass over the events keeps the moments that matter (tokens
// when travel closed, positions before and after money arrived).
import { publicInterest, type DecisionRuleId, type Dossier, type Scenario } from "../scenario/schema.js";
import { applyRule } from "../rules/decision-rules.js";
import type { GameEvent } from "../rules/events.js";
import { applyEvent } from "../rules/evolve.js";
import { delegatesOf, travelCost } from "../rules/helpers.js";
import { scoresOf } from "../rules/scoring.js";
import type { AttendanceMode, MatchState, OptionId, RoleId, Stance } from "../rules/types.js";
import { powerIndices, type PowerIndices } from "./power.js";
import { gini, spearman } from "./stats.js";

export const RULES: readonly DecisionRuleId[] = ["R1", "R2", "R3", "R4"];

export type AbsenceCause = "no-player" | "no-sponsor" | "could-not-pay" | "chose-not-to";

export interface DossierOutcome {
  round: number;
  dossier: string;
  adopted: OptionId | null;
  by: "consensus" | "vote" | "status-quo" | null;
  publicInterest: number | null;
  best: { option: OptionId; publicInterest: number };
  /** Best available public-interest score minus the adopted option's. */
  captureGap: number | null;
  payoffs: Record<RoleId, number>;
  /** What simple aggregations of the payoff tables would pick. */
  tokenWeightedWinner: OptionId;
  oneRoleOneVoiceWinner: OptionId;
}

export interface Presence {
  round: number;
  role: RoleId;
  mode: AttendanceMode;
  delegates: number;
  paidBy: RoleId | null;
  /** Why a role was not in the room in person; null when it was. */
  cause: AbsenceCause | null;
}

export interface Voice {
  role: RoleId;
  floor: number;
  remote: number;
  corridor: number;
  tabled: number;
  share: number;
  populationShare: number;
}

export interface MoneyFlow {
  kind: "fellowship" | "grant";
  id: string;
  from: RoleId;
  to: RoleId;
  amount: number;
  round: number;
  note: string;
  programme: boolean;
  /** Index of the event in the record. */
  at: number;
}

export interface CaptureFlag {
  funder: RoleId;
  recipient: RoleId;
  round: number;
  dossier: string;
  /** The funder's preferred option (its best payoff, or the option its hard fellowship named). */
  option: OptionId;
  before: Stance;
  after: Stance;
  /** The recipient's own payoff on that option, and on its best option. */
  payoff: number;
  bestPayoff: number;
  /** Record indices of the money and the positions that justify the flag. */
  evidence: number[];
}

export interface MoneyReview {
  flow: MoneyFlow;
  /** Per round from the money on: the recipient's stance on the funder's preferred option. */
  checks: { round: number; option: OptionId; before: Stance; after: Stance | null; alreadyFavoured: boolean; flagged: boolean }[];
}

export interface SaidToldDid {
  round: number;
  role: RoleId;
  /** The option the briefing says is best for this role. */
  told: OptionId;
  /** The first option it argued for in public (tabled, or first declared support). */
  said: OptionId | null;
  /** Options it supported when the dossier was decided. */
  did: OptionId[];
}

export interface WhatIf {
  round: number;
  dossier: string;
  actual: OptionId | null;
  winners: Record<DecisionRuleId, OptionId>;
}

export interface TableDebrief {
  table: number;
  rule: DecisionRuleId;
  outcomes: DossierOutcome[];
  scores: { role: RoleId; income: number; mandatePoints: number; mandate: number; standing: number; total: number }[];
  /** Spearman correlation of starting income and final score; null when undefined. */
  incomeScoreCorrelation: number | null;
  /** Gini of the payoffs the roles received (shifted by +3 per decided dossier so all are ≥ 0). */
  payoffGini: number;
  presence: Presence[];
  voice: Voice[];
  /** For each decided dossier, the roles that were not in the room when it was decided. */
  decidedWithout: { round: number; dossier: string; notInRoom: RoleId[] }[];
  money: MoneyReview[];
  flags: CaptureFlag[];
  saidToldDid: SaidToldDid[];
  emptyChair: { round: number; dossier: string; adopted: OptionId | null; subScores: { label: string; value: number }[] | null; publicInterest: number | null; best: { option: OptionId; publicInterest: number } }[];
  whatIf: WhatIf[];
}

export interface Debrief {
  matchId: string;
  scenario: { id: string; title: string };
  status: MatchState["status"];
  tables: TableDebrief[];
  power: Record<DecisionRuleId, PowerIndices>;
  whatHappened: string[];
  /** Side by side when a match has several tables. */
  compared: { table: number; rule: DecisionRuleId; adopted: (OptionId | null)[]; totalCaptureGap: number; flags: number; payoffGini: number; incomeScoreCorrelation: number | null }[];
}

const STANCE_RANK: Record<Stance, number> = { object: 0, live: 1, support: 2 };

function sincereStance(payoff: number): Stance {
  return payoff > 0 ? "support" : payoff === 0 ? "live" : "object";
}

function argmax(d: Dossier, score: (o: Dossier["options"][number]) => number): OptionId {
  let best = d.options[0]!;
  for (const o of d.options) if (score(o) > score(best)) best = o;
  return best.id;
}

function bestForRole(d: Dossier, role: RoleId): OptionId {
  return argmax(d, (o) => o.payoffs[role] ?? 0);
}

interface PositionMark {
  at: number;
  table: number;
  round: number;
  role: RoleId;
  option: OptionId;
  stance: Stance;
}

export interface Pass {
  final: MatchState;
  /** tokens[table][round][role] when the travel phase closed. */
  tokensAtTravelClose: Record<number, Record<number, Record<RoleId, number>>>;
  /** tokens[table][round][role] once the dossier was decided (the outcome phase opened). */
  tokensAtOutcome: Record<number, Record<number, Record<RoleId, number>>>;
  /** seated[table][round][role]: somebody held the seat when travel closed. */
  seatedAtTravelClose: Record<number, Record<number, Record<RoleId, boolean>>>;
  money: (MoneyFlow & { table: number; expects: OptionId | null })[];
  positions: PositionMark[];
  tabledAt: { at: number; table: number; round: number; role: RoleId; option: OptionId }[];
}

export function walk(events: readonly GameEvent[]): Pass {
  let state: MatchState | null = null;
  const pass: Omit<Pass, "final"> = { tokensAtTravelClose: {}, tokensAtOutcome: {}, seatedAtTravelClose: {}, money: [], positions: [], tabledAt: [] };
  const tokensOf = (s: MatchState, table: number) => Object.fromEntries(Object.entries(s.tables[table]!.delegations).map(([r, d]) => [r, d.tokens]));
  events.forEach((e, at) => {
    if (state && e.type === "PhaseChanged" && e.phase === "negotiation") {
      for (const t of state.tables) {
        (pass.tokensAtTravelClose[t.index] ??= {})[state.round] = tokensOf(state, t.index);
        (pass.seatedAtTravelClose[t.index] ??= {})[state.round] = Object.fromEntries(state.scenario.roles.map((r) => [r.id, delegatesOf(state!, t.index, r.id).length > 0]));
      }
    }
    if (state && e.type === "FellowshipAccepted") {
      const f = state.tables[e.table]!.fellowships.find((x) => x.id === e.id)!;
      pass.money.push({ kind: "fellowship", id: f.id, from: f.from, to: f.to, amount: f.cost, round: state.round, note: f.note, programme: f.programme, at, table: e.table, expects: f.expects });
    }
    if (state && e.type === "GrantGiven") {
      pass.money.push({ kind: "grant", id: e.id, from: e.from, to: e.to, amount: e.amount, round: state.round, note: e.note, programme: false, at, table: e.table, expects: null });
    }
    if (state && e.type === "PositionDeclared") pass.positions.push({ at, table: e.table, round: state.round, role: e.role, option: e.option, stance: e.stance });
    if (state && e.type === "OptionTabled") pass.tabledAt.push({ at, table: e.table, round: state.round, role: e.by, option: e.option });
    state = applyEvent(state, e);
    if (e.type === "PhaseChanged" && e.phase === "outcome") {
      for (const t of state.tables) (pass.tokensAtOutcome[t.index] ??= {})[e.round] = tokensOf(state, t.index);
    }
  });
  if (!state) throw new Error("An empty record has nothing to debrief.");
  return { final: state, ...pass };
}

function outcomesOf(sc: Scenario, state: MatchState, table: number): DossierOutcome[] {
  const t = state.tables[table]!;
  const income = Object.fromEntries(sc.roles.map((r) => [r.id, r.income]));
  return sc.dossiers.map((d, round) => {
    const decision = t.rounds[round]?.decision ?? null;
    const adopted = decision ? d.options.find((o) => o.id === decision.adopted) ?? null : null;
    const bestId = argmax(d, publicInterest);
    const best = { option: bestId, publicInterest: publicInterest(d.options.find((o) => o.id === bestId)!) };
    const pi = adopted ? publicInterest(adopted) : null;
    return {
      round,
      dossier: d.id,
      adopted: adopted?.id ?? null,
      by: decision?.by ?? null,
      publicInterest: pi,
      best,
      captureGap: pi === null ? null : best.publicInterest - pi,
      payoffs: adopted ? { ...adopted.payoffs } : {},
      tokenWeightedWinner: argmax(d, (o) => Object.entries(o.payoffs).reduce((a, [r, v]) => a + v * (income[r] ?? 0), 0)),
      oneRoleOneVoiceWinner: argmax(d, (o) => Object.values(o.payoffs).reduce((a, v) => a + v, 0)),
    };
  });
}

function presenceOf(sc: Scenario, pass: Pass, table: number): Presence[] {
  const t = pass.final.tables[table]!;
  const out: Presence[] = [];
  t.rounds.forEach((r, round) => {
    const dossier = sc.dossiers[round]!;
    const accepted = new Set(t.fellowships.filter((f) => f.round === round && f.status === "accepted").map((f) => f.to));
    for (const role of sc.roles) {
      const a = r.attendance[role.id];
      const mode = a?.mode ?? "absent";
      let cause: AbsenceCause | null = null;
      if (mode !== "in-person") {
        const seated = pass.seatedAtTravelClose[table]?.[round]?.[role.id] ?? false;
        const tokens = pass.tokensAtTravelClose[table]?.[round]?.[role.id] ?? 0;
        if (!seated && mode === "absent") cause = "no-player";
        else if (!role.canTravelAlone && !accepted.has(role.id)) cause = "no-sponsor";
        else if (tokens < travelCost(sc, role, dossier)) cause = "could-not-pay";
        else cause = "chose-not-to";
      }
      out.push({ round, role: role.id, mode, delegates: a?.delegates ?? 0, paidBy: a?.paidBy ?? null, cause });
    }
  });
  return out;
}

function voiceOf(sc: Scenario, state: MatchState, pass: Pass, table: number): Voice[] {
  const t = state.tables[table]!;
  const totalPopulation = sc.roles.reduce((a, r) => a + r.population, 0) || 1;
  const counts = sc.roles.map((r) => ({
    role: r.id,
    floor: t.statements.filter((s) => s.role === r.id && s.kind === "floor").length,
    remote: t.statements.filter((s) => s.role === r.id && s.kind === "remote").length,
    corridor: t.corridor.filter((c) => c.from === r.id).length,
    tabled: pass.tabledAt.filter((x) => x.table === table && x.role === r.id).length,
    populationShare: r.population / totalPopulation,
  }));
  const total = counts.reduce((a, c) => a + c.floor + c.remote + c.corridor + c.tabled, 0);
  return counts.map((c) => ({ ...c, share: total ? (c.floor + c.remote + c.corridor + c.tabled) / total : 0 }));
}

/** The stance a role held on an option in a round at a moment (the last one declared before it). */
function stanceAt(pass: Pass, table: number, round: number, role: RoleId, option: OptionId, before = Infinity): PositionMark | undefined {
  let found: PositionMark | undefined;
  for (const p of pass.positions) {
    if (p.at >= before) break;
    if (p.table === table && p.round === round && p.role === role && p.option === option) found = p;
  }
  return found;
}

function moneyOf(sc: Scenario, pass: Pass, table: number): { reviews: MoneyReview[]; flags: CaptureFlag[] } {
  const t = pass.final.tables[table]!;
  const reviews: MoneyReview[] = [];
  const flags: CaptureFlag[] = [];
  const flagged = new Set<string>();
  for (const m of pass.money.filter((x) => x.table === table)) {
    const checks: MoneyReview["checks"] = [];
    for (let round = m.round; round < t.rounds.length; round++) {
      const d = sc.dossiers[round]!;
      const option = round === m.round && m.expects ? m.expects : bestForRole(d, m.from);
      const payoff = d.options.find((o) => o.id === option)?.payoffs[m.to] ?? 0;
      const bestPayoff = Math.max(...d.options.map((o) => o.payoffs[m.to] ?? 0));
      const prior = round === m.round ? stanceAt(pass, table, round, m.to, option, m.at) : undefined;
      const before = prior?.stance ?? sincereStance(payoff);
      const last = stanceAt(pass, table, round, m.to, option);
      const after = last && last.at > m.at ? last.stance : null;
      const alreadyFavoured = before === "support" || payoff >= bestPayoff;
      const moved = after !== null && STANCE_RANK[after] > STANCE_RANK[before];
      const isFlag = moved && !alreadyFavoured && payoff < bestPayoff;
      checks.push({ round, option, before, after, alreadyFavoured, flagged: isFlag });
      const key = `${m.from}>${m.to}@${round}`;
      if (isFlag && !flagged.has(key)) {
        flagged.add(key);
        const evidence = [m.at, ...(prior ? [prior.at] : []), last!.at];
        flags.push({ funder: m.from, recipient: m.to, round, dossier: d.id, option, before, after: after!, payoff, bestPayoff, evidence });
      }
    }
    const { table: _t, expects: _e, ...flow } = m;
    reviews.push({ flow, checks });
  }
  return { reviews, flags };
}

function saidToldDidOf(sc: Scenario, pass: Pass, table: number): SaidToldDid[] {
  const t = pass.final.tables[table]!;
  const out: SaidToldDid[] = [];
  t.rounds.forEach((r, round) => {
    const d = sc.dossiers[round]!;
    for (const role of sc.roles) {
      const firstTabled = pass.tabledAt.find((x) => x.table === table && x.round === round && x.role === role.id);
      const firstSupport = pass.positions.find((p) => p.table === table && p.round === round && p.role === role.id && p.stance === "support");
      const said = [firstTabled, firstSupport].filter((x) => x !== undefined).sort((a, b) => a!.at - b!.at)[0]?.option ?? null;
      const did = Object.entries(r.positions[role.id] ?? {})
        .filter(([, s]) => s === "support")
        .map(([o]) => o);
      out.push({ round, role: role.id, told: bestForRole(d, role.id), said, did });
    }
  });
  return out;
}

function whatIfOf(sc: Scenario, state: MatchState, table: number): WhatIf[] {
  const t = state.tables[table]!;
  return t.rounds.map((r, round) => {
    const d = sc.dossiers[round]!;
    const attendance = Object.fromEntries(sc.roles.map((x) => [x.id, r.attendance[x.id]?.mode ?? "absent"]));
    const input = { scenario: sc, dossier: d, tabled: r.tabled.map((x) => x.option), positions: r.positions, attendance };
    const winners = Object.fromEntries(RULES.map((rule) => [rule, applyRule(rule, input).adopted])) as Record<DecisionRuleId, OptionId>;
    return { round, dossier: d.id, actual: r.decision?.adopted ?? null, winners };
  });
}

export function debrief(events: readonly GameEvent[]): Debrief {
  const pass = walk(events);
  const state = pass.final;
  const sc = state.scenario;
  const tables: TableDebrief[] = state.tables.map((t) => {
    const outcomes = outcomesOf(sc, state, t.index);
    const scores = scoresOf(state, t).map((s) => ({
      role: s.role,
      income: sc.roles.find((r) => r.id === s.role)!.income,
      mandatePoints: s.mandatePoints,
      mandate: s.mandate,
      standing: s.standing,
      total: s.total,
    }));
    const decided = outcomes.filter((o) => o.adopted !== null).length;
    const { reviews, flags } = moneyOf(sc, pass, t.index);
    return {
      table: t.index,
      rule: t.rule,
      outcomes,
      scores,
      incomeScoreCorrelation: spearman(
        scores.map((s) => s.income),
        scores.map((s) => s.total),
      ),
      payoffGini: gini(scores.map((s) => s.mandatePoints + 3 * decided)),
      presence: presenceOf(sc, pass, t.index),
      voice: voiceOf(sc, state, pass, t.index),
      decidedWithout: t.rounds.flatMap((r, round) =>
        r.decision ? [{ round, dossier: r.dossier, notInRoom: sc.roles.filter((x) => r.attendance[x.id]?.mode !== "in-person").map((x) => x.id) }] : [],
      ),
      money: reviews,
      flags,
      saidToldDid: saidToldDidOf(sc, pass, t.index),
      emptyChair: outcomes.map((o) => {
        const d = sc.dossiers[o.round]!;
        const adopted = d.options.find((x) => x.id === o.adopted);
        return {
          round: o.round,
          dossier: o.dossier,
          adopted: o.adopted,
          subScores: adopted ? d.subScoreLabels.map((label, i) => ({ label, value: adopted.subScores[i] ?? 0 })) : null,
          publicInterest: o.publicInterest,
          best: o.best,
        };
      }),
      whatIf: whatIfOf(sc, state, t.index),
    };
  });
  return {
    matchId: state.matchId,
    scenario: { id: sc.id, title: sc.title },
    status: state.status,
    tables,
    power: Object.fromEntries(RULES.map((rule) => [rule, powerIndices(rule, sc)])) as Record<DecisionRuleId, PowerIndices>,
    whatHappened: [...sc.whatHappened],
    compared: tables.map((t) => ({
      table: t.table,
      rule: t.rule,
      adopted: t.outcomes.map((o) => o.adopted),
      totalCaptureGap: t.outcomes.reduce((a, o) => a + (o.captureGap ?? 0), 0),
      flags: t.flags.length,
      payoffGini: t.payoffGini,
      incomeScoreCorrelation: t.incomeScoreCorrelation,
    })),
  };
}
