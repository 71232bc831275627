// What the table scene draws, cut from a MatchView: one seat per role with its attendance,
// tokens and delegates, the options on the table, the last speaker. Pure data, no Phaser, so
// the scene can redraw only when this changes.
import { delegatesOf } from "../../shared/rules/helpers.js";
import type { MatchView } from "../../shared/rules/view.js";
import type { GroupName } from "../ui/palette.js";

export interface SeatModel {
  role: string;
  short: string;
  name: string;
  group: GroupName;
  mode: "in-person" | "remote" | "absent" | "unknown";
  tokens: number;
  /** People and bots holding this role at this table. */
  delegates: number;
  mine: boolean;
  drafting: boolean;
  spokeLast: boolean;
}

export interface TableModel {
  seats: SeatModel[];
  tabled: { option: string; support: number; object: number }[];
}

export function tableModelOf(view: MatchView, tableIndex: number): TableModel {
  const table = view.tables.find((t) => t.index === tableIndex) ?? view.tables[0];
  const round = table?.rounds[view.round];
  const said = (table?.statements ?? []).filter((s) => s.round === view.round);
  const lastSpeaker = said.at(-1)?.role ?? null;
  const seats = view.scenario.roles.map((role): SeatModel => ({
    role: role.id,
    short: role.short,
    name: role.name,
    group: role.group,
    mode: round?.attendance[role.id]?.mode ?? "unknown",
    tokens: table?.delegations[role.id]?.tokens ?? 0,
    delegates: table ? delegatesOf(view, table.index, role.id).length : 0,
    mine: view.me?.role === role.id && view.me?.table === table?.index,
    drafting: round?.drafting.includes(role.id) ?? false,
    spokeLast: role.id === lastSpeaker,
  }));
  const stancesOn = (option: string, stance: string) => Object.values(round?.positions ?? {}).filter((p) => p[option] === stance).length;
  const tabled = (round?.tabled ?? []).map((x) => ({ option: x.option, support: stancesOn(x.option, "support"), object: stancesOn(x.option, "object") }));
  return { seats, tabled };
}

/** One sentence for screen readers: the canvas itself says nothing to them. */
export function describeTable(model: TableModel, words: { inRoom: string; remote: string; absent: string }): string {
  const list = (mode: SeatModel["mode"]) => model.seats.filter((s) => s.mode === mode).map((s) => s.short).join(", ") || "—";
  return `${words.inRoom}: ${list("in-person")}. ${words.remote}: ${list("remote")}. ${words.absent}: ${list("absent")}.`;
}
