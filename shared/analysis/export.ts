// Exports of a match for teachers: one CSV row per role per round, and the record with
// nicknames replaced. The pseudonymise switch is applied here, so every export path that goes
// through these functions honours it. The CSV's words (its header row, the marks' sentences,
// the pseudonyms) come in with the options, in the teacher's language (server/text); its
// columns stay in the order of CSV_COLUMNS and its coded values (R1, in-person, A2:support,
// role and dossier ids) are the same in every language, so one formula reads any class's file.
import type { GameEvent } from "../rules/events.js";
import type { RoleId, Stance } from "../rules/types.js";
import { debrief, walk, type Debrief, type SetAside } from "./debrief.js";

export interface ExportOptions {
  /** Replace every student nickname with "Student 1", "Student 2", … in join order. */
  pseudonymise: boolean;
  /** Marks the teacher set aside: exported with the reason, so the file says what the class saw. */
  setAside?: SetAside;
  /** The file's words in the teacher's language. */
  words: CsvWords;
}

export interface CsvWords {
  /** The header of each column, by its machine name. */
  header: Record<CsvColumn, string>;
  /** A role's name in the teacher's language (the scenario's translation), by id. */
  roleName(role: RoleId, name: string): string;
  /** "moved toward A2 (from “object” to “support”), the option of its sponsor" and its sponsors. */
  mark(mark: { option: string; before: Stance; after: Stance; funders: RoleId[] }): string;
  /** A mark the teacher set aside, with the reason given. */
  setAside(mark: string, reason: string): string;
  /** "Student 3". */
  pseudonym(n: number): string;
}

const student = (n: number) => `Student ${n}`;

/** Nickname → pseudonym, numbered by first appearance in the record ("Student 1" unless worded). */
export function pseudonyms(events: readonly GameEvent[], pseudonym: (n: number) => string = student): Map<string, string> {
  const names = new Map<string, string>();
  let n = 0;
  for (const e of events) {
    if (e.type === "PlayerJoined" && !names.has(e.player)) names.set(e.player, e.kind === "bot" ? e.nickname : pseudonym(++n));
  }
  return names;
}

/** The record's events with nicknames replaced (players keep their ids; texts they wrote stay). */
export function pseudonymiseEvents(events: readonly GameEvent[], pseudonym: (n: number) => string = student): GameEvent[] {
  const names = pseudonyms(events, pseudonym);
  return events.map((e) => {
    if (e.type === "PlayerJoined" || e.type === "PlayerRenamed") return { ...e, nickname: names.get(e.player) ?? pseudonym(0) };
    return e;
  });
}

/** One CSV cell: quoted when needed, and never read as a formula by a spreadsheet. */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const CSV_COLUMNS = [
  "table",
  "rule",
  "round",
  "dossier",
  "role",
  "role_name",
  "players",
  "attendance",
  "delegates",
  "paid_by",
  "why_not_in_room",
  "tokens_when_travel_closed",
  "tokens_after_decision",
  "positions",
  "adopted",
  "payoff",
  "capture_marks",
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** One row per role per round per table, as CSV text (RFC 4180, CRLF line ends, UTF-8). */
export function matchCsv(events: readonly GameEvent[], options: ExportOptions, analysed: Debrief = debrief(events)): string {
  const words = options.words;
  const source = options.pseudonymise ? pseudonymiseEvents(events, words.pseudonym) : events;
  const pass = walk(source);
  const state = pass.final;
  const rows: string[] = [CSV_COLUMNS.map((column) => csvCell(words.header[column])).join(",")];
  const playersOf = (table: number, role: RoleId) =>
    Object.values(state.players)
      .filter((p) => p.table === table && p.role === role)
      .map((p) => p.nickname)
      .join("; ");
  for (const t of analysed.tables) {
    const table = state.tables[t.table]!;
    table.rounds.forEach((r, round) => {
      const outcome = t.outcomes[round]!;
      for (const role of state.scenario.roles) {
        const presence = t.presence.find((p) => p.round === round && p.role === role.id);
        const positions = Object.entries(r.positions[role.id] ?? {})
          .map(([o, s]) => `${o}:${s}`)
          .join("; ");
        const marks = t.marks
          .filter((m) => m.round === round && m.role === role.id)
          .map((m) => {
            const aside = options.setAside?.[m.id];
            const text = words.mark({ option: m.option, before: m.before.stance, after: m.after.stance, funders: m.funders.map((f) => f.role) });
            return aside ? words.setAside(text, aside.reason) : text;
          })
          .join("; ");
        const cells = [
          t.table + 1,
          t.rule,
          round + 1,
          r.dossier,
          role.id,
          words.roleName(role.id, role.name),
          playersOf(t.table, role.id),
          presence?.mode ?? "absent",
          presence?.delegates ?? 0,
          presence?.paidBy ?? "",
          presence?.cause ?? "",
          pass.tokensAtTravelClose[t.table]?.[round]?.[role.id] ?? "",
          pass.tokensAtOutcome[t.table]?.[round]?.[role.id] ?? "",
          positions,
          outcome.adopted ?? "",
          outcome.adopted ? (outcome.payoffs[role.id] ?? 0) : "",
          marks,
        ];
        rows.push(cells.map(csvCell).join(","));
      }
    });
  }
  return rows.join("\r\n") + "\r\n";
}
