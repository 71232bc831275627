// Exports of a match for teachers: one CSV row per role per round, and the record with
// nicknames replaced. The pseudonymise switch is applied here, so every export path that goes
// through these functions honours it.
import type { GameEvent } from "../rules/events.js";
import type { RoleId } from "../rules/types.js";
import { debrief, walk, type Debrief, type SetAside } from "./debrief.js";

export interface ExportOptions {
  /** Replace every student nickname with "Student 1", "Student 2", … in join order. */
  pseudonymise: boolean;
  /** Marks the teacher set aside: exported with the reason, so the file says what the class saw. */
  setAside?: SetAside;
}

/** Nickname → pseudonym, numbered by first appearance in the record. */
export function pseudonyms(events: readonly GameEvent[]): Map<string, string> {
  const names = new Map<string, string>();
  let n = 0;
  for (const e of events) {
    if (e.type === "PlayerJoined" && !names.has(e.player)) names.set(e.player, e.kind === "bot" ? e.nickname : `Student ${++n}`);
  }
  return names;
}

/** The record's events with nicknames replaced (players keep their ids; texts they wrote stay). */
export function pseudonymiseEvents(events: readonly GameEvent[]): GameEvent[] {
  const names = pseudonyms(events);
  return events.map((e) => {
    if (e.type === "PlayerJoined" || e.type === "PlayerRenamed") return { ...e, nickname: names.get(e.player) ?? "Student" };
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

/** One row per role per round per table, as CSV text (RFC 4180, CRLF line ends, UTF-8). */
export function matchCsv(events: readonly GameEvent[], options: ExportOptions, analysed: Debrief = debrief(events)): string {
  const source = options.pseudonymise ? pseudonymiseEvents(events) : events;
  const pass = walk(source);
  const state = pass.final;
  const rows: string[] = [CSV_COLUMNS.join(",")];
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
            const text = `moved toward ${m.option} (${m.before.stance} to ${m.after.stance}), the option of its sponsor ${m.funders.map((f) => f.role).join(" and ")}`;
            return aside ? `${text} [set aside by the teacher: ${aside.reason}]` : text;
          })
          .join("; ");
        const cells = [
          t.table + 1,
          t.rule,
          round + 1,
          r.dossier,
          role.id,
          role.name,
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
