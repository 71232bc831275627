// The debrief: pure functions from a match record (its events) to the evidence on the cards —
// outcomes, who was in the room, follow the money, said/told/did, the empty chair, what if we
// had voted, tables compared. One pass over the events keeps the moments that matter (tokens
// when travel closed, every declared stance with its place in the record); the capture marks
// are built in ./capture.ts and hold only what the record shows.
import type { DecisionRuleId, Dossier, Scenario } from "../scenario/schema.js";
import { applyRule } from "../rules/decision-rules.js";
import type { GameEvent } from "../rules/events.js";
import { applyEvent } from "../rules/evolve.js";
import { delegatesOf, travelCost } from "../rules/helpers.js";
import { scoresOf } from "../rules/scoring.js";
import type { AttendanceMode, MatchState, OptionId, RoleId } from "../rules/types.js";
import { captureOf, compare, type CaptureInput, type Comparison, type ComparisonUnit, type Mark, type MoneyReview, type SetAside } from "./capture.js";
import { powerIndices, type PowerIndices } from "./power.js";
import { bestForPublic, weightedScore, type BestForPublic } from "./public-interest.js";
import { gini, spearman } from "./stats.js";

export * from "./capture.js";
export * from "./public-interest.js";

export const RULES: readonly DecisionRuleId[] = ["R1", "R2", "R3", "R4"];

/**
 * Why a role was not in the room in person: nobody held the seat; it turned down a paid trip
 * or let the offer lapse; it could not travel alone and nobody offered; it could not pay; or
 * it could have paid and stayed away.
 */
export type AbsenceCause = "no-player" | "declined-offer" | "offer-lapsed" | "no-sponsor" | "could-not-pay" | "chose-not-to";

export interface DossierOutcome {
  round: number;
  dossier: string;
  adopted: OptionId | null;
  by: "consensus" | "vote" | "status-quo" | null;
  publicInterest: number | null;
  /** The best of all the dossier's options for the public. */
  best: BestForPublic;
  /** The best of the options tabled at this table, with the status quo (which stands when nothing passes). */
  bestTabled: BestForPublic | null;
  /** The best public-interest score of the dossier minus the adopted option's. */
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

export interface SaidToldDid {
  round: number;
  role: RoleId;
  /** The option(s) best for the role's people (every tied one). */
  best: OptionId[];
  /** The option(s) its briefing showed as best once the round was over; empty when it showed no payoff. */
  told: OptionId[];
  /** Options whose payoff its briefing still hid (no expert briefing bought that round). */
  hidden: OptionId[];
  /**
   * Whether it spoke in public that round: a floor statement in the room or a remote comment.
   * Ticking a stance or tabling an option is not speaking.
   */
  spoke: boolean;
  /**
   * The first option it argued for in public (tabled, or first declared support) — only when it
   * spoke: a role that said nothing in public argued for nothing, whatever it ticked.
   */
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

export interface ChairScore {
  label: string;
  value: number;
  /** The scenario's reason for this sub-score; null when the scenario gives none. */
  reason: string | null;
}

export interface EmptyChair {
  round: number;
  dossier: string;
  adopted: OptionId | null;
  subScores: ChairScore[] | null;
  publicInterest: number | null;
  best: BestForPublic;
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
  /** Moves toward a sponsor's option, one per move (see ./capture.ts), before any teacher's review. */
  marks: Mark[];
  /** This table's share of the funded/unfunded comparison. */
  units: ComparisonUnit[];
  saidToldDid: SaidToldDid[];
  emptyChair: EmptyChair[];
  whatIf: WhatIf[];
}

export interface Debrief {
  matchId: string;
  scenario: { id: string; title: string };
  status: MatchState["status"];
  tables: TableDebrief[];
  power: Record<DecisionRuleId, PowerIndices>;
  whatHappened: string[];
  /** Funded roles' marked moves against the same kind of move by roles with no money involved, across tables and rounds. */
  comparison: Comparison;
  /** Marks the teacher set aside, when the record holds the review (a replay of the whole record). */
  review: SetAside;
  /** Side by side when a match has several tables. */
  compared: { table: number; rule: DecisionRuleId; adopted: (OptionId | null)[]; totalCaptureGap: number; marks: string[]; payoffGini: number; incomeScoreCorrelation: number | null }[];
}

function argmax(d: Dossier, score: (o: Dossier["options"][number]) => number): OptionId {
  let best = d.options[0]!;
  for (const o of d.options) if (score(o) > score(best)) best = o;
  return best.id;
}

/** Every option tied for the best payoff of `role` among `options` (all when none is given). */
function bestPayoffs(d: Dossier, role: RoleId, value: (o: Dossier["options"][number]) => number | null = (o) => o.payoffs[role] ?? 0): OptionId[] {
  const known = d.options.map((o) => ({ id: o.id, v: value(o) })).filter((x): x is { id: string; v: number } => x.v !== null);
  if (!known.length) return [];
  const top = Math.max(...known.map((x) => x.v));
  return known.filter((x) => x.v === top).map((x) => x.id);
}

export interface Pass extends CaptureInput {
  /** tokens[table][round][role] when the travel phase closed. */
  tokensAtTravelClose: Record<number, Record<number, Record<RoleId, number>>>;
  /** tokens[table][round][role] once the dossier was decided (the outcome phase opened). */
  tokensAtOutcome: Record<number, Record<number, Record<RoleId, number>>>;
  /** seated[table][round][role]: somebody held the seat when travel closed. */
  seatedAtTravelClose: Record<number, Record<number, Record<RoleId, boolean>>>;
}

export function walk(events: readonly GameEvent[]): Pass {
  let state: MatchState | null = null;
  const pass: Omit<Pass, "final"> = { tokensAtTravelClose: {}, tokensAtOutcome: {}, seatedAtTravelClose: {}, payments: [], declarations: [], blocks: [], tabledAt: [], briefingsAt: [] };
  const offeredAt = new Map<string, number>();
  const tokensOf = (s: MatchState, table: number) => Object.fromEntries(Object.entries(s.tables[table]!.delegations).map(([r, d]) => [r, d.tokens]));
  events.forEach((e, at) => {
    const s = state;
    if (s && e.type === "PhaseChanged" && e.phase === "negotiation") {
      for (const t of s.tables) {
        (pass.tokensAtTravelClose[t.index] ??= {})[s.round] = tokensOf(s, t.index);
        (pass.seatedAtTravelClose[t.index] ??= {})[s.round] = Object.fromEntries(s.scenario.roles.map((r) => [r.id, delegatesOf(s, t.index, r.id).length > 0]));
      }
    }
    if (s && e.type === "FellowshipOffered") offeredAt.set(`${e.table}/${e.id}`, at);
    if (s && e.type === "FellowshipAccepted") {
      const f = s.tables[e.table]!.fellowships.find((x) => x.id === e.id)!;
      pass.payments.push({ kind: "fellowship", id: f.id, table: e.table, from: f.from, to: f.to, amount: f.cost, round: s.round, covers: s.round, note: f.note, ...(f.line ? { line: { ...f.line } } : {}), programme: f.programme, expects: f.expects, at, offeredAt: offeredAt.get(`${e.table}/${e.id}`) ?? null });
    }
    if (s && e.type === "GrantGiven") {
      // A grant bears on the round it was given in, or on the next one when that dossier is already decided.
      const decided = s.tables[e.table]?.rounds[s.round]?.decision != null;
      const covers = decided ? (s.round + 1 < s.scenario.dossiers.length ? s.round + 1 : null) : s.round;
      pass.payments.push({ kind: "grant", id: e.id, table: e.table, from: e.from, to: e.to, amount: e.amount, round: s.round, covers, note: e.note, ...(e.line ? { line: { ...e.line } } : {}), programme: false, expects: null, at, offeredAt: null });
    }
    if (s && e.type === "PositionDeclared") pass.declarations.push({ at, table: e.table, round: s.round, role: e.role, option: e.option, stance: e.stance });
    if (s && e.type === "ConsensusCalled") {
      for (const role of e.blockedBy) pass.blocks.push({ at, table: e.table, round: s.round, role, option: e.option });
    }
    if (s && e.type === "DossierDecided" && s.tables[e.table]?.rule === "R1" && s.settings.chair !== "teacher") {
      // An automatic chair: every objection in the room on an option that did not pass blocked it.
      // (A human chair's blocks are its calls, above; an untested objection blocked nothing.)
      const r = s.tables[e.table]!.rounds[e.round]!;
      for (const option of new Set(r.tabled.map((x) => x.option))) {
        if (option === e.decision.adopted) continue;
        for (const role of s.scenario.roles) {
          if (r.attendance[role.id]?.mode === "in-person" && r.positions[role.id]?.[option] === "object") pass.blocks.push({ at, table: e.table, round: e.round, role: role.id, option });
        }
      }
    }
    if (s && e.type === "OptionTabled") pass.tabledAt.push({ at, table: e.table, round: s.round, role: e.by, option: e.option });
    if (s && e.type === "BriefingBought") pass.briefingsAt.push({ at, table: e.table, round: s.round, role: e.role });
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
    const record = t.rounds[round];
    const decision = record?.decision ?? null;
    const adopted = decision ? d.options.find((o) => o.id === decision.adopted) ?? null : null;
    const best = bestForPublic(d)!;
    const pi = adopted ? weightedScore(adopted.subScores) : null;
    const tabled = record ? [...new Set([d.statusQuo, ...record.tabled.map((x) => x.option)])] : [];
    return {
      round,
      dossier: d.id,
      adopted: adopted?.id ?? null,
      by: decision?.by ?? null,
      publicInterest: pi,
      best,
      bestTabled: tabled.length ? bestForPublic(d, undefined, tabled) : null,
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
    const offers = (role: RoleId, status: string) => t.fellowships.some((f) => f.round === round && f.to === role && f.status === status);
    for (const role of sc.roles) {
      const a = r.attendance[role.id];
      const mode = a?.mode ?? "absent";
      let cause: AbsenceCause | null = null;
      if (mode !== "in-person") {
        const seated = pass.seatedAtTravelClose[table]?.[round]?.[role.id] ?? false;
        const tokens = pass.tokensAtTravelClose[table]?.[round]?.[role.id] ?? 0;
        if (!seated && mode === "absent") cause = "no-player";
        else if (offers(role.id, "declined")) cause = "declined-offer";
        else if (offers(role.id, "lapsed")) cause = "offer-lapsed";
        else if (!role.canTravelAlone) cause = "no-sponsor";
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

function saidToldDidOf(sc: Scenario, pass: Pass, table: number): SaidToldDid[] {
  const t = pass.final.tables[table]!;
  const out: SaidToldDid[] = [];
  t.rounds.forEach((r, round) => {
    const d = sc.dossiers[round]!;
    for (const role of sc.roles) {
      const firstTabled = pass.tabledAt.find((x) => x.table === table && x.round === round && x.role === role.id);
      const firstSupport = pass.declarations.find((p) => p.table === table && p.round === round && p.role === role.id && p.stance === "support");
      const spoke = t.statements.some((x) => x.role === role.id && x.round === round);
      const said = spoke ? ([firstTabled, firstSupport].filter((x) => x !== undefined).sort((a, b) => a!.at - b!.at)[0]?.option ?? null) : null;
      const did = Object.entries(r.positions[role.id] ?? {})
        .filter(([, s]) => s === "support")
        .map(([o]) => o);
      const bought = r.briefingsBought.includes(role.id);
      const hidden = bought ? [] : role.knowledge.hiddenPayoffs.filter((h) => h.dossier === d.id).map((h) => h.option);
      out.push({ round, role: role.id, best: bestPayoffs(d, role.id), told: bestPayoffs(d, role.id, (o) => (hidden.includes(o.id) ? null : (o.payoffs[role.id] ?? 0))), hidden, spoke, said, did });
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

function emptyChairOf(sc: Scenario, outcomes: DossierOutcome[]): EmptyChair[] {
  return outcomes.map((o) => {
    const d = sc.dossiers[o.round]!;
    const adopted = d.options.find((x) => x.id === o.adopted);
    return {
      round: o.round,
      dossier: o.dossier,
      adopted: o.adopted,
      // Records made before the scenario carried reasons have none: null, never an invented one.
      subScores: adopted ? d.subScoreLabels.map((label, i) => ({ label, value: adopted.subScores[i] ?? 0, reason: adopted.subScoreReasons?.[i] ?? null })) : null,
      publicInterest: o.publicInterest,
      best: o.best,
    };
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
    const capture = captureOf(pass, t.index);
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
      money: capture.money,
      marks: capture.marks,
      units: capture.units,
      saidToldDid: saidToldDidOf(sc, pass, t.index),
      emptyChair: emptyChairOf(sc, outcomes),
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
    comparison: compare(tables.flatMap((t) => t.units)),
    review: { ...(state.debrief.setAside ?? {}) },
    compared: tables.map((t) => ({
      table: t.table,
      rule: t.rule,
      adopted: t.outcomes.map((o) => o.adopted),
      totalCaptureGap: t.outcomes.reduce((a, o) => a + (o.captureGap ?? 0), 0),
      marks: t.marks.map((m) => m.id),
      payoffGini: t.payoffGini,
      incomeScoreCorrelation: t.incomeScoreCorrelation,
    })),
  };
}


/** The marks as key moments for a replay's timeline: just after the move, naming who moved and who paid. */
export function markMoments(d: Debrief): { at: number; roles: string[]; label: string; round: number; table: number }[] {
  return d.tables.flatMap((t) =>
    t.marks.map((m) => {
      const funders = m.funders.map((f) => f.role);
      const aside = d.review[m.id] ? " (set aside by the teacher)" : "";
      return { at: m.after.at + 1, roles: [...funders, m.role], label: `${m.role} moves toward ${m.option}, the option of its sponsor ${funders.join(" and ")}${aside}`, round: m.round, table: t.table };
    }),
  );
}
