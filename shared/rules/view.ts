// viewFor(state, viewer): the single place where secrecy is decided. Whatever a client may
// see is built here from the state; nothing else leaves the server. The generator state and
// the seed never appear in any view.
import type { DecisionRuleId, Lesson, Scenario, StakeholderGroup } from "../scenario/schema.js";
import { publicInterest } from "../scenario/schema.js";
import { notesByLanguage, publicTranslations, type Translations } from "../scenario/translations.js";
import type { RoundPhase, Variants } from "./settings.js";
import { timersOf, type TimerPreset } from "./settings.js";
import { scoresOf, type Score } from "./scoring.js";
import { travelCost } from "./helpers.js";
import { actionsFor, type Actions } from "./actions.js";
import type {
  Attendance,
  TableState,
  Clock,
  CorridorMessage,
  Decision,
  Fellowship,
  Grant,
  MatchState,
  NewsItem,
  OptionId,
  PlayerId,
  RoleId,
  Stance,
  Statement,
} from "./types.js";

/** Who is looking. "role" is a seat seen without a player: the replay's "as this role". */
export type Viewer = { kind: "teacher" } | { kind: "projector" } | { kind: "spectator" } | { kind: "player"; id: PlayerId } | { kind: "role"; table: number; role: RoleId };

export interface PublicRole {
  id: RoleId;
  name: string;
  short: string;
  group: StakeholderGroup;
  income: number;
  home: string;
  maxDelegates: number;
  canTravelAlone: boolean;
  population: number;
  card: string;
  mandate: string;
  /** The role's own best case that what it wants serves the public (public: it is on the card). */
  publicInterestCase: string | null;
  programmeSeats: number;
  rider: boolean;
  /** Votes this government casts under the multilateral rule. */
  blocVotes: number;
  /** The picture its seat wears (the scenario's choice of the game's art); null: its group's. */
  emblem: string | null;
}

export interface PublicOption {
  id: OptionId;
  title: string;
  summary: string;
  /** Every role's payoff: only once the match has ended (or for the teacher). */
  payoffs?: Record<RoleId, number>;
  /** Public-interest sub-scores, their reasons and total: only once the match has ended (or for the teacher). */
  subScores?: number[];
  subScoreReasons?: string[];
  publicInterest?: number;
}

export interface PublicDossier {
  id: string;
  title: string;
  question: string;
  venue: { city: string; region: string; meeting: string };
  subScoreLabels: string[];
  statusQuo: OptionId;
  options: PublicOption[];
}

export interface RoundView {
  dossier: string;
  attendance: Record<RoleId, Omit<Attendance, "paidBy"> & { paidBy?: RoleId | null }>;
  tabled: { option: OptionId; by: RoleId; at: number }[];
  positions: Record<RoleId, Record<OptionId, Stance>>;
  drafting: RoleId[];
  remoteCommentsUsed: Record<RoleId, number>;
  rider: { option: OptionId; by: RoleId; objectedBy: RoleId | null } | null;
  consensus: { option: OptionId; blockedBy: RoleId[]; noted: RoleId[]; at: number }[];
  decision: Decision | null;
  /** Payoff of the adopted option for every role: public once the dossier is decided. */
  adoptedPayoffs: Record<RoleId, number> | null;
}

export interface TableView {
  index: number;
  rule: DecisionRuleId;
  delegations: Record<RoleId, { tokens: number; income: number }>;
  rounds: RoundView[];
  statements: Statement[];
  /** Only messages the viewer sent, received or intercepted; all of them for the teacher. */
  corridor: CorridorMessage[];
  /** Only the viewer's own fellowships and grants until the match ends; all for the teacher. */
  fellowships: Fellowship[];
  grants: Grant[];
  scores: Score[];
}

export interface Briefing {
  role: RoleId;
  notes: string[];
  /** The same notes in each language the scenario's overlay has them in (this role's only). */
  notesIn: Record<string, string[]>;
  /** Own payoff per dossier and option; null while hidden behind an unbought briefing. */
  payoffs: Record<string, Record<OptionId, number | null>>;
  /** Dossiers where this role sees every role's payoffs. */
  allPayoffs: Record<string, Record<OptionId, Record<RoleId, number>>>;
  /** Known public-interest sub-scores by dossier, option and sub-score label. */
  subScores: { dossier: string; index: number; label: string; values: Record<OptionId, number> }[];
  briefingsBought: string[];
  /** Cost of one in-person delegate to this round's venue. */
  travelCost: number | null;
}

export interface MatchView {
  viewer: Viewer["kind"];
  matchId: string;
  scenario: {
    id: string;
    title: string;
    summary: string;
    source: string;
    /** The argument the scenario stages, the lesson's objectives and its glossary: public. */
    lesson: Lesson | null;
    publicInterest: { name: string; description: string };
    roles: PublicRole[];
    dossiers: PublicDossier[];
    travel: Scenario["travel"];
    briefingCost: number;
    remoteCommentsPerRound: number;
    houses: Scenario["houses"];
    /** How scores are made: public, so every player can weigh Mandate against Standing. */
    scoring: Scenario["scoring"];
    rider: { owner: RoleId; title: string; options: { id: OptionId; title: string; payoffs?: Record<RoleId, number>; publicInterest?: number }[]; none: OptionId } | null;
    whatHappened: string[];
    /** The scenario's texts in other languages, public parts only (shared/scenario/translations.ts). */
    translations: Translations;
  };
  settings: { classLabel: string; tables: number; variants: Variants; chair: "teacher" | "automatic"; timers: Record<RoundPhase, number>; /** The lesson plan (or custom clocks) the teacher chose: the debrief follows its cards. */ plan: TimerPreset };
  status: MatchState["status"];
  round: number;
  phase: MatchState["phase"];
  clock: Clock;
  players: { id: PlayerId; nickname: string; kind: "human" | "bot"; table: number | null; role: RoleId | null; muted: boolean; present: boolean }[];
  news: NewsItem[];
  tables: TableView[];
  /** Who the viewer is at the table, when a player holds a role. */
  me: { player: PlayerId; nickname: string; table: number | null; role: RoleId | null; muted: boolean } | null;
  briefing: Briefing | null;
  /**
   * The debrief the teacher leads: the card and part on show, whether nicknames may be shown
   * with roles, and the marks the teacher set aside with the reason (read by the whole class).
   */
  debrief: { card: number; part: number; nicknames: boolean; setAside: Record<string, { reason: string; at: number }> };
  /**
   * What the viewer may do now, each as decide() would answer it (shared/rules/actions.ts):
   * a player gets its seat's commands (PLAYER_ACTIONS), the teacher the dashboard's
   * (TEACHER_ACTIONS); null for those who only watch. Each entry is `{ ok: true }` or
   * `{ ok: false, code }` with the rejection code a press would get; commands that take a
   * target also list `targets`, each ok or with its code:
   * - BookTravel: "in-person" (one delegate) and "remote";
   * - OfferFellowship: each other role's id (a paid offer) and "<role>/programme" (a programme seat);
   * - WithdrawFellowship, AcceptFellowship, DeclineFellowship: the ids of the viewer's own offers;
   * - GiveGrant (one token), SendCorridorMessage: each other role's id;
   * - TableOption, DeclarePosition: the current dossier's options; InsertRider: the rider's clauses;
   * - NameDrafter: "<table>/<role>", the toggle of that delegation's drafting seat;
   * - CallConsensus: "<table>/<option>";
   * - AssignRole, RemovePlayer, MutePlayer (the toggle): each present player's id.
   * A targeted action is ok when some target is; otherwise its code is the one most targets
   * share. When the action is refused as a whole (the phase, the seat), `targets` is empty and
   * `code` says why.
   * Screens enable controls from here and show the code's message; they never re-check a rule.
   */
  actions: Actions | null;
}

function sees(viewer: Viewer, state: MatchState): { all: boolean; role: RoleId | null; table: number | null; ended: boolean } {
  const ended = state.status === "ended";
  if (viewer.kind === "teacher") return { all: true, role: null, table: null, ended };
  if (viewer.kind === "player") {
    const p = state.players[viewer.id];
    return { all: false, role: p?.role ?? null, table: p?.table ?? null, ended };
  }
  if (viewer.kind === "role") return { all: false, role: viewer.role, table: viewer.table, ended };
  return { all: false, role: null, table: null, ended };
}

function briefingFor(state: MatchState, role: RoleId, table: number): Briefing | null {
  const r = state.scenario.roles.find((x) => x.id === role);
  const t = state.tables[table];
  if (!r || !t) return null;
  const bought = t.rounds.flatMap((round) => (round.briefingsBought.includes(role) ? [round.dossier] : []));
  const hidden = (dossier: string, option: string) => r.knowledge.hiddenPayoffs.some((h) => h.dossier === dossier && h.option === option) && !bought.includes(dossier);
  const payoffs: Briefing["payoffs"] = {};
  const allPayoffs: Briefing["allPayoffs"] = {};
  for (const d of state.scenario.dossiers) {
    payoffs[d.id] = Object.fromEntries(d.options.map((o) => [o.id, hidden(d.id, o.id) ? null : (o.payoffs[role] ?? 0)]));
    if (r.knowledge.seesAllPayoffs.includes(d.id)) allPayoffs[d.id] = Object.fromEntries(d.options.map((o) => [o.id, { ...o.payoffs }]));
  }
  const subScores = r.knowledge.seesSubScores.flatMap(({ dossier, index }) => {
    const d = state.scenario.dossiers.find((x) => x.id === dossier);
    if (!d) return [];
    return [{ dossier, index, label: d.subScoreLabels[index] ?? "", values: Object.fromEntries(d.options.map((o) => [o.id, o.subScores[index] ?? 0])) }];
  });
  const dossier = state.scenario.dossiers[state.round];
  return {
    role,
    notes: [...r.knowledge.notes],
    notesIn: notesByLanguage(state.scenario.translations, role),
    payoffs,
    allPayoffs,
    subScores,
    briefingsBought: bought,
    travelCost: dossier ? travelCost(state.scenario, r, dossier) : null,
  };
}

/**
 * Parts of views kept from one call to the next, for a caller whose states are never changed
 * in place: each new state shares the objects the last command did not touch (the room keeps
 * its state that way). A part is rebuilt only when the state objects it is read from are new,
 * so a view costs what changed, and unchanged parts keep their identity from view to view.
 * The parts are shared between calls: treat views built with a cache as read-only.
 */
export class ViewCache {
  #parts = new WeakMap<object, Map<string, unknown>>();

  #latest = new Map<string, { inputs: readonly unknown[]; value: unknown }>();

  /** The last value made for `slot`, made again only when one of its inputs is a new object or value. */
  latest<T>(slot: string, inputs: readonly unknown[], make: () => T): T {
    const known = this.#latest.get(slot);
    if (known && known.inputs.length === inputs.length && known.inputs.every((x, i) => x === inputs[i])) return known.value as T;
    const value = make();
    this.#latest.set(slot, { inputs, value });
    return value;
  }

  /** The part made from `from` (and what `key` names), made once. */
  part<T>(from: object, key: string, make: () => T): T {
    let parts = this.#parts.get(from);
    if (!parts) this.#parts.set(from, (parts = new Map()));
    if (parts.has(key)) return parts.get(key) as T;
    const made = make();
    parts.set(key, made);
    return made;
  }
}

/**
 * What decide()'s verdicts for an actor can depend on, so its actions are asked again only
 * when one of these changed. A player acts at its own table: another table cannot change
 * what it may do. What was said — statements, corridor talk, the news — and what was given
 * (grants) are never a reason to accept or refuse a command, and the id counter and the
 * generator only name and colour what a command creates (tests/unit/view-cache.test.ts
 * checks both). Everything else counts, including any field added later.
 */
const NOT_A_REASON = new Set(["news", "nextId", "rng", "statements", "corridor", "grants"]);

function actionInputs(state: MatchState, viewer: { kind: "player"; id: PlayerId } | { kind: "teacher" }): unknown[] {
  const inputs: unknown[] = [];
  for (const [key, value] of Object.entries(state)) if (key !== "tables" && !NOT_A_REASON.has(key)) inputs.push(value);
  const at = viewer.kind === "player" ? state.players[viewer.id]?.table : null;
  const tables = at === null || at === undefined ? state.tables : state.tables.slice(at, at + 1);
  for (const table of tables) for (const [key, value] of Object.entries(table)) if (!NOT_A_REASON.has(key)) inputs.push(value);
  return inputs;
}

/** Without a cache every part is made afresh. */
type Part = <T>(from: object, key: string, make: () => T) => T;
const fresh: Part = (_from, _key, make) => make();

/** What a viewer may see of one table: "all" (teacher), a seat at it, or from outside it. */
interface TableSight {
  key: string;
  all: boolean;
  /** The viewer's role when it sits at this table. */
  role: RoleId | null;
  /** Past the end of the match everything is public. */
  reveal: boolean;
}

function tableSight(v: ReturnType<typeof sees>, index: number): TableSight {
  const role = !v.all && v.table === index ? v.role : null;
  const reveal = v.all || v.ended;
  return { key: `${v.all ? "all" : role !== null ? `seat:${role}` : "outside"}|${v.ended}`, all: v.all, role, reveal };
}

function tableView(state: MatchState, t: TableState, sight: TableSight, part: Part): TableView {
  const sc = state.scenario;
  const mine = (...roles: (RoleId | null)[]) => sight.all || (sight.role !== null && roles.includes(sight.role));
  const involved = (...roles: (RoleId | null)[]) => sight.reveal || mine(...roles);
  const copy = <T extends object>(x: T): T => part(x, "copy", () => ({ ...x }));
  return {
    index: t.index,
    rule: t.rule,
    delegations: part(t.delegations, "", () => Object.fromEntries(Object.entries(t.delegations).map(([id, d]) => [id, { tokens: d.tokens, income: d.income }]))),
    rounds: t.rounds.map((r, i) =>
      part(r, `${sight.key}|${i}`, (): RoundView => {
        const adopted = r.decision && sc.dossiers[i]?.options.find((o) => o.id === r.decision!.adopted);
        return {
          dossier: r.dossier,
          attendance: part(r.attendance, sight.key, () =>
            Object.fromEntries(
              Object.entries(r.attendance).map(([role, a]) => {
                const { paidBy, ...rest } = a;
                return [role, involved(role, paidBy) ? { ...rest, paidBy } : rest];
              }),
            ),
          ),
          tabled: part(r.tabled, "", () => r.tabled.map(copy)),
          positions: part(r.positions, "", () => JSON.parse(JSON.stringify(r.positions)) as Record<RoleId, Record<OptionId, Stance>>),
          drafting: [...r.drafting],
          remoteCommentsUsed: part(r.remoteCommentsUsed, "", () => ({ ...r.remoteCommentsUsed })),
          rider: r.rider && { ...r.rider },
          consensus: part(r.consensus, "", () => r.consensus.map((c) => ({ ...c, blockedBy: [...c.blockedBy], noted: [...c.noted] }))),
          decision: r.decision && { ...r.decision, tally: { ...r.decision.tally }, blockedBy: [...r.decision.blockedBy] },
          adoptedPayoffs: adopted ? { ...adopted.payoffs } : null,
        };
      }),
    ),
    statements: part(t.statements, "", () => t.statements.map(copy)),
    corridor: part(t.corridor, sight.key, () => t.corridor.filter((c) => mine(c.from, c.to, c.interceptedBy)).map(copy)),
    fellowships: part(t.fellowships, sight.key, () => t.fellowships.filter((f) => involved(f.from, f.to)).map(copy)),
    grants: part(t.grants, sight.key, () => t.grants.filter((g) => involved(g.from, g.to)).map(copy)),
    scores: scoresOf(state, t),
  };
}

function scenarioView(sc: Scenario, reveal: boolean): MatchView["scenario"] {
  return {
    id: sc.id,
    title: sc.title,
    summary: sc.summary,
    source: sc.source,
    lesson: sc.lesson ? { argument: [...sc.lesson.argument], objectives: [...sc.lesson.objectives], glossary: sc.lesson.glossary.map((g) => ({ ...g })) } : null,
    publicInterest: { ...sc.publicInterest },
    roles: sc.roles.map((r) => ({
      id: r.id,
      name: r.name,
      short: r.short,
      group: r.group,
      income: r.income,
      home: r.home,
      maxDelegates: r.maxDelegates,
      canTravelAlone: r.canTravelAlone,
      population: r.population,
      card: r.card,
      mandate: r.mandate,
      publicInterestCase: r.publicInterestCase ?? null,
      programmeSeats: r.abilities.programmeSeats,
      rider: r.abilities.rider,
      blocVotes: r.abilities.blocVotes,
      emblem: r.emblem ?? null,
    })),
    dossiers: sc.dossiers.map((d) => ({
      id: d.id,
      title: d.title,
      question: d.question,
      venue: { ...d.venue },
      subScoreLabels: [...d.subScoreLabels],
      statusQuo: d.statusQuo,
      options: d.options.map((o) =>
        reveal
          ? { id: o.id, title: o.title, summary: o.summary, payoffs: { ...o.payoffs }, subScores: [...o.subScores], ...(o.subScoreReasons ? { subScoreReasons: [...o.subScoreReasons] } : {}), publicInterest: publicInterest(o) }
          : { id: o.id, title: o.title, summary: o.summary },
      ),
    })),
    travel: { ...sc.travel },
    briefingCost: sc.briefingCost,
    remoteCommentsPerRound: sc.remoteCommentsPerRound,
    houses: sc.houses.map((h) => ({ name: h.name, groups: [...h.groups] })),
    scoring: { ...sc.scoring },
    rider: sc.rider
      ? {
          owner: sc.rider.owner,
          title: sc.rider.title,
          none: sc.rider.none,
          options: sc.rider.options.map((o) => (reveal ? { id: o.id, title: o.title, payoffs: { ...o.payoffs }, publicInterest: o.publicInterest } : { id: o.id, title: o.title })),
        }
      : null,
    whatHappened: reveal ? [...sc.whatHappened] : [],
    translations: publicTranslations(sc.translations, reveal),
  };
}

/**
 * The view of `viewer`. With a cache (for states that are never changed in place), parts the
 * last command did not touch are reused: see ViewCache.
 */
export function viewFor(state: MatchState, viewer: Viewer, cache?: ViewCache): MatchView {
  const part: Part = cache ? (from, key, make) => cache.part(from, key, make) : fresh;
  const v = sees(viewer, state);
  const reveal = v.all || v.ended;
  const sc = state.scenario;

  const tables: TableView[] = state.tables.map((t) => {
    const sight = tableSight(v, t.index);
    return part(t, sight.key, () => tableView(state, t, sight, part));
  });

  const me = viewer.kind === "player" ? state.players[viewer.id] : undefined;
  const briefingTable = v.role !== null && v.table !== null ? state.tables[v.table] : undefined;
  return {
    viewer: viewer.kind,
    matchId: state.matchId,
    scenario: part(sc, reveal ? "revealed" : "public", () => scenarioView(sc, reveal)),
    settings: part(state.settings, "", () => ({
      classLabel: state.settings.classLabel,
      tables: state.settings.tables,
      variants: { ...state.settings.variants },
      chair: state.settings.chair,
      timers: { ...timersOf(state.settings, state.scenario) },
      plan: state.settings.timerPreset,
    })),
    status: state.status,
    round: state.round,
    phase: state.phase,
    clock: part(state.clock, "", () => ({ ...state.clock })),
    players: part(state.players, "", () =>
      Object.values(state.players).map((p) => part(p, "listed", () => ({ id: p.id, nickname: p.nickname, kind: p.kind, table: p.table, role: p.role, muted: p.muted, present: p.present }))),
    ),
    news: part(state.news, "", () => state.news.map((n) => part(n, "copy", () => ({ ...n })))),
    tables,
    me: me ? part(me, "me", () => ({ player: me.id, nickname: me.nickname, table: me.table, role: me.role, muted: me.muted })) : null,
    // A briefing reads the scenario, the table's rounds (briefings bought) and the round.
    briefing: briefingTable && v.role !== null ? part(briefingTable.rounds, `briefing|${v.role}|${state.round}`, () => briefingFor(state, v.role!, v.table!)) : null,
    debrief: part(state.debrief, "", () => ({ card: state.debrief.card, part: state.debrief.part ?? 0, nicknames: state.debrief.nicknames, setAside: { ...(state.debrief.setAside ?? {}) } })),
    actions: viewer.kind === "player" || viewer.kind === "teacher" ? (cache ? cache.latest(`actions|${viewer.kind === "player" ? viewer.id : ""}`, actionInputs(state, viewer), () => actionsFor(state, viewer)) : actionsFor(state, viewer)) : null,
  };
}
