// What the table draws, cut from a MatchView: the round's venue, one seat per role with its
// trip, tokens, people, stances and payoff, the options on the table, the last voices, the
// money this viewer may see moving, and the verdict. Pure data, no Phaser and no DOM: the
// scenes redraw only when it changes, and the moments between two models (table-moments.ts)
// are what the table animates and tells screen readers.
// Secrecy: it holds only what the MatchView holds. Who paid a trip or a grant is in the view
// only for the people involved (and for everyone once the match has ended), so a projector
// sees a sponsored seat as "in person" and balances move without a named payer.
import type { MatchView } from "../../shared/rules/view.js";
import { statementText } from "../ctrl/corridor-text.js";
import type { Stance } from "../../shared/rules/types.js";
import type { DecisionRuleId } from "../../shared/scenario/schema.js";
import type { StakeholderGroup } from "../../shared/scenario/schema.js";

export type TablePhase = "briefing" | "travel" | "negotiation" | "decision" | "outcome";
/** The map (where the round meets and how each delegation gets there) or the meeting room. */
export type TableScreen = "map" | "room";
export type SeatMode = "in-person" | "remote" | "absent" | "undecided";

export interface SeatModel {
  role: string;
  short: string;
  name: string;
  group: StakeholderGroup;
  /** The scenario's picture for the seat (art.ts: emblemOf); null: the group's emblem. */
  emblem: string | null;
  /** Home region, where the delegation starts its trip on the map. */
  home: string;
  mode: SeatMode;
  /** Delegates sent to the meeting (in person) or on the link (remote). */
  travellers: number;
  /**
   * Who paid the trip: the role's own id, a sponsor's id, null when nothing was paid (remote,
   * absent), undefined when this viewer may not know.
   */
  paidBy: string | null | undefined;
  tripCost: number;
  tokens: number;
  mine: boolean;
  drafting: boolean;
  /** This role's declared stance on each tabled option (missing: not declared yet). */
  stances: Record<string, Stance>;
  /** What the adopted option means for this role, once the round is decided. */
  payoff: number | null;
}

export interface TabledModel {
  option: string;
  title: string;
  by: string;
  support: number;
  live: number;
  object: number;
}

export interface VoiceModel {
  /** Statement id: a new id is a new voice, even with the same words. */
  id: string;
  role: string;
  text: string;
}

export interface MoneyModel {
  id: string;
  from: string;
  to: string;
  amount: number;
}

export interface TripOfferModel {
  id: string;
  from: string;
  to: string;
  status: "offered" | "accepted" | "declined" | "withdrawn" | "lapsed";
  /** Tokens the sponsor pays when the offer is accepted (nothing for a programme seat). */
  sponsorPays: number;
}

export interface VerdictModel {
  rule: DecisionRuleId;
  adopted: string;
  adoptedTitle: string;
  by: "consensus" | "vote" | "status-quo";
  statusQuo: string;
  blockedBy: string[];
}

export interface TableModel {
  phase: TablePhase;
  screen: TableScreen;
  /** 0-based round and how many rounds the match has. */
  round: number;
  rounds: number;
  venue: { city: string; region: string; meeting: string };
  dossier: { id: string; title: string };
  rule: DecisionRuleId;
  /** The chair nobody sits in: whom every decision is scored for at the end. */
  emptyChair: string;
  seats: SeatModel[];
  tabled: TabledModel[];
  /** The last statement from the floor and the last comment over the video link, this round. */
  floor: VoiceModel | null;
  remote: VoiceModel | null;
  /** Grants this viewer may see, this round. */
  grants: MoneyModel[];
  /** Fellowships (paid trips) this viewer may see, this round. */
  fellowships: TripOfferModel[];
  verdict: VerdictModel | null;
}

const roomPhases: ReadonlySet<TablePhase> = new Set(["negotiation", "decision", "outcome"]);

function isTablePhase(phase: MatchView["phase"]): phase is TablePhase {
  return phase === "briefing" || phase === "travel" || phase === "negotiation" || phase === "decision" || phase === "outcome";
}

/** The table for one table index of a running match; null in the lobby and after the end. */
export function tableModelOf(view: MatchView, tableIndex: number): TableModel | null {
  if (!isTablePhase(view.phase)) return null;
  const table = view.tables.find((t) => t.index === tableIndex) ?? view.tables[0];
  const dossier = view.scenario.dossiers[view.round];
  if (!table || !dossier) return null;
  const round = table.rounds[view.round];
  const said = table.statements.filter((s) => s.round === view.round);
  const last = (kind: "floor" | "remote"): VoiceModel | null => {
    const s = said.filter((x) => x.kind === kind).at(-1);
    // A bot's words in this device's language (client/ctrl/corridor-text.ts).
    return s ? { id: s.id, role: s.role, text: statementText(view, s) } : null;
  };
  const decision = round?.decision ?? null;
  const seats = view.scenario.roles.map((role): SeatModel => {
    const attendance = round?.attendance[role.id];
    return {
      role: role.id,
      short: role.short,
      name: role.name,
      group: role.group,
      emblem: role.emblem,
      home: role.home,
      mode: attendance?.mode ?? "undecided",
      travellers: attendance?.delegates ?? 0,
      paidBy: attendance && "paidBy" in attendance ? (attendance.paidBy ?? null) : attendance && attendance.mode !== "in-person" ? null : undefined,
      tripCost: attendance?.cost ?? 0,
      tokens: table.delegations[role.id]?.tokens ?? 0,
      mine: view.me?.role === role.id && view.me?.table === table.index,
      drafting: round?.drafting.includes(role.id) ?? false,
      stances: { ...(round?.positions[role.id] ?? {}) },
      payoff: decision ? (round?.adoptedPayoffs?.[role.id] ?? null) : null,
    };
  });
  const stances = (option: string, stance: Stance) => Object.values(round?.positions ?? {}).filter((p) => p[option] === stance).length;
  const title = (option: string) => dossier.options.find((o) => o.id === option)?.title ?? option;
  return {
    phase: view.phase,
    screen: roomPhases.has(view.phase) ? "room" : "map",
    round: view.round,
    rounds: view.scenario.dossiers.length,
    venue: { ...dossier.venue },
    dossier: { id: dossier.id, title: dossier.title },
    rule: table.rule,
    emptyChair: view.scenario.publicInterest.name,
    seats,
    tabled: (round?.tabled ?? []).map((x) => ({ option: x.option, title: title(x.option), by: x.by, support: stances(x.option, "support"), live: stances(x.option, "live"), object: stances(x.option, "object") })),
    floor: last("floor"),
    remote: last("remote"),
    grants: table.grants.filter((g) => g.round === view.round).map((g) => ({ id: g.id, from: g.from, to: g.to, amount: g.amount })),
    fellowships: table.fellowships.filter((f) => f.round === view.round).map((f) => ({ id: f.id, from: f.from, to: f.to, status: f.status, sponsorPays: f.programme ? 0 : f.cost })),
    verdict: decision
      ? { rule: decision.rule, adopted: decision.adopted, adoptedTitle: title(decision.adopted), by: decision.by, statusQuo: dossier.statusQuo, blockedBy: [...decision.blockedBy] }
      : null,
  };
}

export function seatOf(model: TableModel, role: string | null | undefined): SeatModel | undefined {
  return role ? model.seats.find((s) => s.role === role) : undefined;
}

/** A seat's sponsor when this viewer may know it: someone else paid the trip. */
export function sponsorOf(seat: SeatModel): string | null {
  return seat.mode === "in-person" && seat.paidBy && seat.paidBy !== seat.role ? seat.paidBy : null;
}
