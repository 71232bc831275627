// The parts a debrief card steps through. A projector is 16:9 and read from the back of the
// room, so a card never scrolls: its evidence is cut into parts that each fit one screen, and
// the teacher's next/previous steps through them before moving to the next card. The list is
// computed from the analysis alone, so the teacher, the projector and every phone agree on
// what part 3 of a card is; a phone shows the same part for its own table.
import type { Debrief, TableDebrief } from "../../shared/analysis/debrief.js";
import { DEBRIEF_CARDS, type DebriefCard } from "../text/debrief-en.js";

/**
 * The cards of a match's debrief, in order: the lesson plan's short list, or every card. The
 * "tables compared" card is left out of a one-table match: there is nothing to compare. The
 * plan and the table count are fixed once a match starts, so every screen gets the same list
 * (card numbers on the wire index it).
 */
export function debriefCards(chosen: readonly string[] | "all", tables: number): DebriefCard[] {
  return DEBRIEF_CARDS.filter((card) => (chosen === "all" || chosen.includes(card)) && (card !== "tables" || tables > 1));
}

export type PartKind =
  | "claim"
  | "decisions"
  | "payoffs"
  | "scores"
  | "attendance"
  | "voice"
  | "flow"
  | "positions"
  | "marks"
  | "dossier"
  | "cases"
  | "rules"
  | "power"
  | "real"
  | "compare"
  | "questions";

export interface Part {
  kind: PartKind;
  /** The table whose evidence the part shows; null for the whole match. */
  table: number | null;
  /** The dossier (by round) of a per-dossier part. */
  round: number | null;
  /** Page of a part too long for one screen (positions, marks), from 0. */
  page: number;
  pages: number;
}

/** Rows of stances around the money on one screen. */
export const POSITIONS_PER_PAGE = 5;
/** Marks, each with why it is marked, on one screen. */
export const MARKS_PER_PAGE = 2;

/** Rows of the stances chart: one per option a funder declared for, or one saying it declared none. */
export interface PositionRow {
  review: TableDebrief["money"][number];
  check: TableDebrief["money"][number]["checks"][number] | null;
}

export function positionRows(table: TableDebrief): PositionRow[] {
  return table.money.flatMap((review): PositionRow[] => (review.checks.length ? review.checks.map((check) => ({ review, check })) : [{ review, check: null }]));
}

function paged(kind: PartKind, table: number, count: number, perPage: number): Part[] {
  const pages = Math.max(1, Math.ceil(count / perPage));
  return Array.from({ length: pages }, (_, page) => ({ kind, table, round: null, page, pages }));
}

const one = (kind: PartKind, table: number | null = null, round: number | null = null): Part => ({ kind, table, round, page: 0, pages: 1 });

/** Every part of `card`, for every table of the match, ending with the questions. */
export function partsOf(card: DebriefCard, debrief: Debrief): Part[] {
  const tables = debrief.tables;
  const perTable = (f: (t: TableDebrief) => Part[]) => tables.flatMap(f);
  const rounds = (t: TableDebrief) => t.outcomes.map((o) => o.round);
  let parts: Part[];
  switch (card) {
    case "argument":
      parts = [one("claim")];
      break;
    case "outcomes":
      parts = perTable((t) => [one("decisions", t.table), one("payoffs", t.table), one("scores", t.table)]);
      break;
    case "room":
      parts = perTable((t) => [one("attendance", t.table), one("voice", t.table)]);
      break;
    case "money":
      parts = perTable((t) =>
        t.money.length ? [one("flow", t.table), ...paged("positions", t.table, positionRows(t).length, POSITIONS_PER_PAGE), ...paged("marks", t.table, t.marks.length, MARKS_PER_PAGE)] : [one("flow", t.table)],
      );
      break;
    case "said":
      parts = perTable((t) => rounds(t).map((r) => one("dossier", t.table, r)));
      break;
    case "chair":
      parts = [...perTable((t) => rounds(t).map((r) => one("dossier", t.table, r))), one("cases")];
      break;
    case "vote":
      parts = [...perTable((t) => [one("rules", t.table)]), one("power")];
      break;
    case "history":
      parts = [one("real")];
      break;
    case "tables":
      parts = [one("compare")];
      break;
  }
  return [...parts, one("questions")];
}

/**
 * The part a screen showing only `table` draws when the teacher is on `part`: the same kind
 * (and dossier, and page as far as it has pages) for its own table.
 */
export function partFor(parts: readonly Part[], part: Part, table: number): Part {
  if (part.table === null || part.table === table) return part;
  const own = parts.filter((p) => p.kind === part.kind && p.table === table && p.round === part.round);
  return own[Math.min(part.page, own.length - 1)] ?? part;
}

/** A part's words for the step list: "Who paid whom", "Moves toward a sponsor's option (2/3)". */
export function partKey(part: Part): string {
  return `${part.kind}/${part.table ?? "all"}/${part.round ?? "-"}/${part.page}`;
}
