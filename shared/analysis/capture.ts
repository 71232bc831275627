// Follow the money: which payments could have bought a stance, and which declared moves the
// debrief marks. A mark is a claim about a role that a student may dispute, so it holds only
// when every part of it can be read off the record:
//   1. a move: the role declared a stance on an option, then declared a warmer one
//      (object → live → support) on the same option in the same round — a stance it never
//      declared is never a starting point;
//   2. after money that covered that round (a trip: its own round; a grant: the round it was
//      given, or the next one when that dossier was already decided);
//   3. toward an option the funder itself had declared support for before the move, or that
//      the fellowship offer named as its expectation;
//   4. against the mover's own interest among the options still viable at that moment (the
//      lesser-evil test): some option that could still pass was better for its people.
// One mark per move, listing every funder that meets 2–3. Beside the marks, the same kind of
// move is counted for roles with no money involved, so the class sees a rate, not a verdict.
import type { Scenario } from "../scenario/schema.js";
import { isWinning } from "../rules/decision-rules.js";
import type { BotLine, MatchState, OptionId, RoleId, Stance } from "../rules/types.js";

export const STANCE_RANK: Record<Stance, number> = { object: 0, live: 1, support: 2 };

export interface Payment {
  kind: "fellowship" | "grant";
  id: string;
  table: number;
  from: RoleId;
  to: RoleId;
  amount: number;
  /** The round in which the money changed hands. */
  round: number;
  /** The round whose decision it could bear on; null when no decision was left. */
  covers: number | null;
  note: string;
  /** A bot's note by code (BotLine): each screen words it in its own language. */
  line?: BotLine;
  programme: boolean;
  /** The option a fellowship offer named as what its sponsor expected. */
  expects: OptionId | null;
  /** Record index of the acceptance (a trip) or the grant. */
  at: number;
  /** Record index of the fellowship offer; null for a grant. */
  offeredAt: number | null;
}

/** A stance as the record holds it: who declared what on which option, and when. */
export interface Declaration {
  at: number;
  table: number;
  round: number;
  role: RoleId;
  option: OptionId;
  stance: Stance;
}

/**
 * An objection that blocked an option under rough consensus: the role objected in the room when
 * a chair called consensus on it, or when the dossier was decided and the option did not pass.
 * It declares as much as a ticked stance does, so the money review lists it beside them.
 */
export interface Block {
  at: number;
  table: number;
  round: number;
  role: RoleId;
  option: OptionId;
}

/** The facts the capture measure reads, gathered in one pass over the record (see walk()). */
export interface CaptureInput {
  final: MatchState;
  payments: Payment[];
  declarations: Declaration[];
  blocks: Block[];
  tabledAt: { at: number; table: number; round: number; role: RoleId; option: OptionId }[];
  briefingsAt: { at: number; table: number; round: number; role: RoleId }[];
}

/** Why a funder counts for a mark: it declared support, or its offer named the option. */
export interface FunderDeclared {
  kind: "support" | "expects";
  /** Record index of the declaration or of the offer. */
  at: number;
}

export interface MarkFunder {
  role: RoleId;
  /** Ids of this funder's payments that covered the round. */
  payments: string[];
  declared: FunderDeclared;
}

export interface Mark {
  /** Stable within a record: "m" and the record index of the move. */
  id: string;
  table: number;
  round: number;
  dossier: string;
  /** The role that moved. */
  role: RoleId;
  option: OptionId;
  before: { at: number; stance: Stance };
  after: { at: number; stance: Stance };
  funders: MarkFunder[];
  /** The mover's payoff on the option it moved toward. */
  payoff: number;
  /** Options still viable at the moment of the move that were better for the mover. */
  better: { option: OptionId; payoff: number }[];
  /** Tabled options that could no longer pass at that moment, and whose objections stopped them. */
  blocked: { option: OptionId; by: RoleId[] }[];
  /** Of the option and the better ones, those whose payoff the mover's briefing hid at the time. */
  hidden: OptionId[];
  /** Record indices of every event behind the mark, in order. */
  evidence: number[];
}

export type CheckVerdict =
  /** Moved toward the option after the money, against its own interest: marked. */
  | "marked"
  /** Moved toward it, but it was the best option still viable for the mover: a lesser evil. */
  | "lesser-evil"
  /** Moved toward it before the funder had declared for it. */
  | "moved-first"
  /** Declared a stance before and did not move toward the option after the money. */
  | "no-move"
  /** Its first stance on the option came after the money: there is no declared "before". */
  | "first-stance-after-money"
  /** Never declared a stance on the option in that round. */
  | "no-stance";

export interface MoneyCheck {
  option: OptionId;
  declared: FunderDeclared;
  /** The recipient's payoff on the option. */
  payoff: number;
  /**
   * What the recipient declared on the option in the covered round, in order: its stances and
   * the objections of its that blocked the option (`blocked`, stance "object"). The verdict reads
   * the stances only: a blocking objection repeats a stance, it is not a move.
   */
  stances: { at: number; stance: Stance; afterMoney: boolean; blocked: boolean }[];
  verdict: CheckVerdict;
  marks: string[];
}

export interface MoneyReview {
  payment: Payment;
  /** One check per option the funder declared for in the covered round. */
  checks: MoneyCheck[];
}

/** A role that declared a stance in a round at a table where money flowed: the unit the comparison counts. */
export interface ComparisonUnit {
  table: number;
  round: number;
  role: RoleId;
  funded: boolean;
  /** Funded: ids of its marks. Unfunded: record indices of its moves of the same kind. */
  marks: string[];
  moves: number[];
}

export interface Comparison {
  /** Roles whose money covered the round (and that declared a stance), and how many made a marked move. */
  funded: { units: number; moved: number };
  /** Roles that declared a stance but neither gave nor received money covering the round, where money flowed. */
  unfunded: { units: number; moved: number };
  units: ComparisonUnit[];
}

/** A teacher's review: marks set aside, each with the reason given. */
export type SetAside = Readonly<Record<string, { reason: string; at: number }>>;

const payoffOf = (sc: Scenario, round: number, option: OptionId, role: RoleId): number =>
  sc.dossiers[round]?.options.find((o) => o.id === option)?.payoffs[role] ?? 0;

/** Everything about one table and round that the test of a move needs. */
class RoundContext {
  readonly declarations: Declaration[];
  readonly tabled: { at: number; option: OptionId }[];
  readonly attendance: Record<RoleId, string>;

  constructor(
    readonly input: CaptureInput,
    readonly table: number,
    readonly round: number,
  ) {
    this.declarations = input.declarations.filter((d) => d.table === table && d.round === round);
    this.tabled = input.tabledAt.filter((x) => x.table === table && x.round === round);
    const record = input.final.tables[table]?.rounds[round];
    this.attendance = Object.fromEntries(input.final.scenario.roles.map((r) => [r.id, record?.attendance[r.id]?.mode ?? "absent"]));
  }

  get scenario(): Scenario {
    return this.input.final.scenario;
  }

  get dossier() {
    return this.scenario.dossiers[this.round]!;
  }

  get rule() {
    return this.input.final.tables[this.table]!.rule;
  }

  /** The last stance `role` declared on `option` before record index `at`. */
  stanceBefore(role: RoleId, option: OptionId, at: number): Declaration | undefined {
    let found: Declaration | undefined;
    for (const d of this.declarations) {
      if (d.at >= at) break;
      if (d.role === role && d.option === option) found = d;
    }
    return found;
  }

  /**
   * Options that could still be adopted at record index `at`, judged for `mover` (its own
   * objections do not count against it: keeping an option alive is its own choice). The status
   * quo is always viable: it stands when nothing passes.
   */
  viability(mover: RoleId, at: number): { viable: OptionId[]; blocked: { option: OptionId; by: RoleId[]; at: number[] }[] } {
    const sq = this.dossier.statusQuo;
    const tabled = [...new Set(this.tabled.filter((x) => x.at < at).map((x) => x.option))];
    const roles = this.scenario.roles.map((r) => r.id);
    const voters = roles.filter((r) => this.attendance[r] === "in-person" || this.attendance[r] === "remote");
    const viable = [sq];
    const blocked: { option: OptionId; by: RoleId[]; at: number[] }[] = [];
    for (const option of tabled) {
      if (option === sq) continue;
      // Under rough consensus only an objection in the room blocks; under a vote, objections block
      // once the rest, all saying yes, could no longer carry the option.
      const eligible = this.rule === "R1" ? roles.filter((r) => this.attendance[r] === "in-person") : voters;
      const objections = eligible.filter((r) => r !== mover).flatMap((r) => {
        const d = this.stanceBefore(r, option, at);
        return d?.stance === "object" ? [d] : [];
      });
      const stopped =
        this.rule === "R1"
          ? objections.length > 0
          : !isWinning(this.rule, this.scenario, new Set(voters.filter((r) => !objections.some((d) => d.role === r))), voters);
      if (stopped) blocked.push({ option, by: objections.map((d) => d.role), at: objections.map((d) => d.at) });
      else viable.push(option);
    }
    return { viable, blocked };
  }

  /** Whether `role`'s briefing hid its payoff on `option` at record index `at`. */
  hidden(role: RoleId, option: OptionId, at: number): boolean {
    const r = this.scenario.roles.find((x) => x.id === role);
    if (!r?.knowledge.hiddenPayoffs.some((h) => h.dossier === this.dossier.id && h.option === option)) return false;
    return !this.input.briefingsAt.some((b) => b.table === this.table && b.round === this.round && b.role === role && b.at < at);
  }

  /** What `funder` had declared for `option` before `at`: a standing support, or its offer's expectation. */
  funderDeclared(funder: RoleId, option: OptionId, at: number, payment?: Payment): FunderDeclared | null {
    const d = this.stanceBefore(funder, option, at);
    if (d?.stance === "support") return { kind: "support", at: d.at };
    if (payment && payment.kind === "fellowship" && payment.expects === option && payment.offeredAt !== null) return { kind: "expects", at: payment.offeredAt };
    return null;
  }
}

/** A declared move: a warmer stance on the same option than the one declared just before. */
interface Move {
  decl: Declaration;
  before: Declaration;
}

function movesOf(ctx: RoundContext): Move[] {
  const out: Move[] = [];
  for (const decl of ctx.declarations) {
    const before = ctx.stanceBefore(decl.role, decl.option, decl.at);
    if (before && STANCE_RANK[decl.stance] > STANCE_RANK[before.stance]) out.push({ decl, before });
  }
  return out;
}

/** The lesser-evil test: the options still viable that were better for the mover (none: the move served it). */
function betterOptions(ctx: RoundContext, move: Move) {
  const { decl } = move;
  const { viable, blocked } = ctx.viability(decl.role, decl.at);
  const payoff = payoffOf(ctx.scenario, ctx.round, decl.option, decl.role);
  const better = viable
    .filter((o) => o !== decl.option)
    .map((o) => ({ option: o, payoff: payoffOf(ctx.scenario, ctx.round, o, decl.role) }))
    .filter((o) => o.payoff > payoff)
    .sort((a, b) => b.payoff - a.payoff || a.option.localeCompare(b.option));
  return { payoff, better, blocked };
}

export interface CaptureResult {
  marks: Mark[];
  money: MoneyReview[];
  units: ComparisonUnit[];
}

/** Marks, money reviews and comparison units of one table. */
export function captureOf(input: CaptureInput, table: number): CaptureResult {
  const sc = input.final.scenario;
  const rounds = input.final.tables[table]?.rounds.length ?? 0;
  const payments = input.payments.filter((p) => p.table === table);
  const marks: Mark[] = [];
  const units: ComparisonUnit[] = [];
  const markOfMove = new Map<number, Mark>();

  for (let round = 0; round < rounds; round++) {
    const ctx = new RoundContext(input, table, round);
    const covering = payments.filter((p) => p.covers === round);
    const moves = movesOf(ctx);
    for (const move of moves) {
      const { decl, before } = move;
      const funders: MarkFunder[] = [];
      for (const p of covering) {
        if (p.to !== decl.role || p.at >= decl.at) continue;
        const declared = ctx.funderDeclared(p.from, decl.option, decl.at, p);
        if (!declared) continue;
        const known = funders.find((f) => f.role === p.from);
        if (known) {
          known.payments.push(p.id);
          // A standing support is the stronger evidence; an offer's expectation otherwise.
          if (known.declared.kind === "expects" && declared.kind === "support") known.declared = declared;
        } else funders.push({ role: p.from, payments: [p.id], declared });
      }
      if (!funders.length) continue;
      const { payoff, better, blocked } = betterOptions(ctx, move);
      if (!better.length) continue;
      const evidence = new Set<number>([before.at, decl.at]);
      for (const f of funders) {
        evidence.add(f.declared.at);
        for (const id of f.payments) evidence.add(covering.find((p) => p.id === id)!.at);
      }
      for (const b of blocked) for (const at of b.at) evidence.add(at);
      const mark: Mark = {
        id: `m${decl.at}`,
        table,
        round,
        dossier: ctx.dossier.id,
        role: decl.role,
        option: decl.option,
        before: { at: before.at, stance: before.stance },
        after: { at: decl.at, stance: decl.stance },
        funders: funders.sort((a, b) => a.role.localeCompare(b.role)),
        payoff,
        better,
        blocked: blocked.map((b) => ({ option: b.option, by: b.by })),
        hidden: [decl.option, ...better.map((b) => b.option)].filter((o) => ctx.hidden(decl.role, o, decl.at)),
        evidence: [...evidence].sort((a, b) => a - b),
      };
      marks.push(mark);
      markOfMove.set(decl.at, mark);
    }

    // The comparison: every role that declared a stance, funded or not, where money flowed this round.
    if (!covering.length) continue;
    const funderRoles = new Set(covering.map((p) => p.from));
    for (const role of sc.roles) {
      if (!ctx.declarations.some((d) => d.role === role.id)) continue;
      const funded = covering.some((p) => p.to === role.id);
      if (!funded && funderRoles.has(role.id)) continue;
      if (funded) {
        const own = marks.filter((m) => m.round === round && m.role === role.id).map((m) => m.id);
        units.push({ table, round, role: role.id, funded, marks: own, moves: own.map((id) => Number(id.slice(1))) });
        continue;
      }
      // The same kind of move without money: toward an option some funder at the table had
      // declared for, against the mover's interest among the options still viable.
      const same = moves.filter((move) => {
        if (move.decl.role !== role.id) return false;
        const towardFunder = covering.some((p) => ctx.funderDeclared(p.from, move.decl.option, move.decl.at, p) !== null);
        return towardFunder && betterOptions(ctx, move).better.length > 0;
      });
      units.push({ table, round, role: role.id, funded, marks: [], moves: same.map((m) => m.decl.at) });
    }
  }

  const money: MoneyReview[] = payments.map((payment) => ({ payment, checks: checksOf(input, payment, marks) }));
  return { marks, money, units };
}

/** For one payment: each option its funder declared for in the covered round, and what the recipient did. */
function checksOf(input: CaptureInput, payment: Payment, marks: Mark[]): MoneyCheck[] {
  if (payment.covers === null) return [];
  const ctx = new RoundContext(input, payment.table, payment.covers);
  const options = new Map<OptionId, FunderDeclared>();
  if (payment.kind === "fellowship" && payment.expects && payment.offeredAt !== null) options.set(payment.expects, { kind: "expects", at: payment.offeredAt });
  for (const d of ctx.declarations) {
    if (d.role === payment.from && d.stance === "support" && !options.has(d.option)) options.set(d.option, { kind: "support", at: d.at });
  }
  const moves = movesOf(ctx).filter((m) => m.decl.role === payment.to);
  return [...options.entries()].map(([option, declared]) => {
    const ticked = ctx.declarations.filter((d) => d.role === payment.to && d.option === option).map((d) => ({ at: d.at, stance: d.stance, afterMoney: d.at > payment.at, blocked: false }));
    const blocks = input.blocks
      .filter((b) => b.table === payment.table && b.round === payment.covers && b.role === payment.to && b.option === option)
      .map((b) => ({ at: b.at, stance: "object" as const, afterMoney: b.at > payment.at, blocked: true }));
    const stances = [...ticked, ...blocks].sort((a, b) => a.at - b.at);
    const own = marks.filter((m) => m.option === option && m.role === payment.to && m.round === payment.covers && m.funders.some((f) => f.payments.includes(payment.id))).map((m) => m.id);
    const after = moves.filter((m) => m.decl.option === option && m.decl.at > payment.at);
    let verdict: CheckVerdict;
    if (own.length) verdict = "marked";
    else if (after.some((m) => ctx.funderDeclared(payment.from, option, m.decl.at, payment) !== null)) verdict = "lesser-evil";
    else if (after.length) verdict = "moved-first";
    else if (!ticked.length) verdict = "no-stance";
    else if (ticked[0]!.afterMoney) verdict = "first-stance-after-money";
    else verdict = "no-move";
    return { option, declared, payoff: payoffOf(input.final.scenario, payment.covers!, option, payment.to), stances, verdict, marks: own };
  });
}

/** Marks the teacher has not set aside. */
export function activeMarks<T extends { id: string }>(marks: readonly T[], setAside: SetAside = {}): T[] {
  return marks.filter((m) => !setAside[m.id]);
}

/** The comparison counts, leaving out marks the teacher set aside. */
export function compare(units: readonly ComparisonUnit[], setAside: SetAside = {}): Comparison {
  const funded = units.filter((u) => u.funded);
  const unfunded = units.filter((u) => !u.funded);
  return {
    funded: { units: funded.length, moved: funded.filter((u) => activeMarks(u.marks.map((id) => ({ id })), setAside).length > 0).length },
    unfunded: { units: unfunded.length, moved: unfunded.filter((u) => u.moves.length > 0).length },
    units: [...units],
  };
}
