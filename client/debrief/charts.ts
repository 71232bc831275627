// The debrief's charts, drawn from the analysis: payoff bars, the attendance grid, the money
// flow, declared stances around the money, public-interest scores with their reasons. Every
// chart has a label for screen readers and, on demand, the same facts in words. Colour never
// carries meaning alone: roles carry their letters and group symbol, states an icon and a word.
// On the projector a chart is drawn at its real size for a 1920×1080 screen (one SVG unit is
// one pixel there, so 22-unit labels are 22 px); on a phone it fills the width.
import type { Presence, TableDebrief } from "../../shared/analysis/debrief.js";
import { t } from "../text/catalog.js";
import { h, type Child, type VNode } from "../ui/dom.js";
import { groupStyle, okabeIto, ui } from "../ui/palette.js";
import type { DebriefController } from "./debrief-controller.js";
import { signed } from "./format.js";
import { flowLayout } from "./sankey.js";

export { signed };

/** A chart's drawing box: `stage` charts are sized in projector pixels (var(--u)), others fill their column. */
export interface ChartSize {
  width: number;
  font: number;
  stage: boolean;
}

/** Projector labels: never under 20 px at 1080p. */
export const STAGE_FONT = 22;

export function chartSize(ctrl: DebriefController, stageWidth = 1100): ChartSize {
  return ctrl.audience === "student" ? { width: 360, font: 15, stage: false } : { width: stageWidth, font: STAGE_FONT, stage: true };
}

/** A chart: caption, the SVG image with its label, and the text alternative in a <details>. */
export function chartFigure(key: string, title: string, lines: string[], image: VNode): VNode {
  image.props.role = "img";
  image.props["aria-label"] = t("debrief.chartLabel", { title, summary: lines.join("; ") });
  return h(
    "figure",
    { class: "chart", "data-key": key },
    h("figcaption", { class: "chart__title" }, title),
    image,
    h("details", { class: "chart__words" }, h("summary", null, t("debrief.textAlternative")), h("ul", null, lines.map((line) => h("li", null, line)))),
  );
}

function svg(size: ChartSize, height: number, ...children: Child[]): VNode {
  // On the stage the width is set in projector pixels so that text keeps its size in units.
  const style = size.stage ? `width: calc(${size.width} * var(--u)); height: calc(${height} * var(--u))` : null;
  return h("svg", { viewBox: `0 0 ${size.width} ${height}`, width: size.width, height, class: "chart__svg", style, "font-size": size.font, xmlns: "http://www.w3.org/2000/svg" }, ...children);
}

const text = (x: number, y: number, content: string, attrs: Record<string, string | number> = {}) => h("text", { x, y, fill: ui.ink, "dominant-baseline": "middle", ...attrs }, content);

export function roleMark(ctrl: DebriefController, role: string): { symbol: string; colour: string } {
  const group = ctrl.role(role)?.group ?? "civil-society";
  return { symbol: groupStyle[group].symbol, colour: groupStyle[group].colour };
}

/** Characters of a label that fit `width` at `font` (a generous average glyph width). */
const fits = (label: string, width: number, font: number) => label.length * font * 0.58 <= width;

// ---- payoff bars ---------------------------------------------------------------------------

/** Each role's total payoff from the adopted options, richest at the top. */
export function payoffBars(ctrl: DebriefController, table: TableDebrief, size: ChartSize): VNode {
  const rows = [...table.scores].sort((a, b) => b.income - a.income || a.role.localeCompare(b.role));
  const payoff = (role: string) => table.outcomes.reduce((sum, o) => sum + (o.payoffs[role] ?? 0), 0);
  const extent = Math.max(3, ...rows.map((r) => Math.abs(payoff(r.role))));
  const rowHeight = size.font * 1.85;
  const roleText = (role: string) => `${roleMark(ctrl, role).symbol} ${ctrl.label(table.table, role)}${ctrl.isMine(table.table, role) ? ` (${t("debrief.you")})` : ""}`;
  const budgetWidth = size.font * 2.2;
  const labelWidth = Math.min(size.width * 0.45, Math.max(size.font * 5, ...rows.map((r) => roleText(r.role).length * size.font * 0.6)) + budgetWidth);
  const valueWidth = size.font * 2.6;
  const top = size.font * 1.4;
  // Value labels sit outside the bars on both sides, clear of the role and budget column.
  const barArea = size.width - labelWidth - 2 * valueWidth;
  const zero = labelWidth + valueWidth + barArea / 2;
  const scale = barArea / 2 / extent;
  const height = top + 6 + rows.length * rowHeight;
  const lines: string[] = [];
  const bars = rows.map((r, i) => {
    const value = payoff(r.role);
    const y = top + i * rowHeight;
    const mark = roleMark(ctrl, r.role);
    const mine = ctrl.isMine(table.table, r.role);
    const x = value >= 0 ? zero : zero + value * scale;
    const w = Math.max(2, Math.abs(value) * scale);
    lines.push(t("debrief.chart.payoffLine", { role: ctrl.label(table.table, r.role), income: r.income, payoff: signed(value) }) + (mine ? ` (${t("debrief.you")})` : ""));
    return h(
      "g",
      { "data-key": r.role, class: mine ? "chart__mine" : null },
      mine ? h("rect", { x: 0, y: y + 1, width: size.width, height: rowHeight - 2, fill: okabeIto.yellow, opacity: 0.35 }) : null,
      text(4, y + rowHeight / 2, roleText(r.role), { "font-weight": mine ? 700 : 400 }),
      text(labelWidth - 6, y + rowHeight / 2, String(r.income), { "text-anchor": "end", fill: ui.inkMuted }),
      h("rect", { x, y: y + rowHeight * 0.18, width: w, height: rowHeight * 0.64, fill: mark.colour, stroke: mine ? ui.ink : "none", "stroke-width": mine ? 3 : 0 }),
      text(value >= 0 ? x + w + 6 : x - 6, y + rowHeight / 2, signed(value), { "text-anchor": value >= 0 ? "start" : "end", "font-weight": 700 }),
    );
  });
  return chartFigure(
    `payoffs-${table.table}`,
    t("debrief.chart.payoffs"),
    lines,
    svg(size, height, text(labelWidth - 6, top / 2, t("debrief.chart.budget"), { "text-anchor": "end", fill: ui.inkMuted }), h("line", { x1: zero, x2: zero, y1: top, y2: height, stroke: ui.ink, "stroke-width": 1.5 }), bars),
  );
}

// ---- attendance grid -----------------------------------------------------------------------

const MODE_ICON = { "in-person": "●", remote: "◐", absent: "✕" } as const;
const MODE_COLOUR = { "in-person": okabeIto.bluishGreen, remote: okabeIto.blue, absent: okabeIto.vermillion } as const;

/** Paid by someone else (a delegation paying its own trip is not sponsored). */
const sponsored = (p: Presence) => p.paidBy !== null && p.paidBy !== p.role;

export function modeWords(p: Presence, ctrl: DebriefController, table: number): string {
  const mode = t(p.mode === "in-person" ? "debrief.room.inPerson" : p.mode === "remote" ? "debrief.room.remote" : "debrief.room.absent");
  const parts = [mode];
  if (sponsored(p)) parts.push(t("debrief.room.sponsored", { sponsor: ctrl.label(table, p.paidBy!) }));
  if (p.cause) parts.push(t(`debrief.room.cause.${p.cause}`));
  return parts.join(", ");
}

/** Rounds across, roles down: in the room, remote or absent (a shape each), and why. */
export function attendanceGrid(ctrl: DebriefController, table: TableDebrief, size: ChartSize): VNode {
  const roles = ctrl.view?.scenario.roles ?? [];
  const dossiers = ctrl.view?.scenario.dossiers ?? [];
  const rounds = table.outcomes.map((o) => o.round);
  const labelWidth = size.font * 6;
  const rowHeight = size.font * 2;
  const legendHeight = size.font * 1.8;
  const headHeight = size.font * 1.7;
  const top = legendHeight + headHeight;
  const cellWidth = (size.width - labelWidth) / Math.max(1, rounds.length);
  const height = top + roles.length * rowHeight + 4;
  const lines: string[] = [];
  const modes = ["in-person", "remote", "absent"] as const;
  const modeWord = (mode: (typeof modes)[number]) => t(mode === "in-person" ? "debrief.room.inPerson" : mode === "remote" ? "debrief.room.remote" : "debrief.room.absent");
  const legendStep = size.width / modes.length;
  const legend = modes.map((mode, i) =>
    h(
      "g",
      { "data-key": `legend-${mode}` },
      text(i * legendStep + size.font * 0.6, legendHeight / 2, MODE_ICON[mode], { fill: MODE_COLOUR[mode], "text-anchor": "middle", "font-size": size.font * 1.15 }),
      text(i * legendStep + size.font * 1.4, legendHeight / 2, modeWord(mode)),
    ),
  );
  const head = rounds.map((round, i) => text(labelWidth + cellWidth * (i + 0.5), legendHeight + headHeight / 2, `${round + 1} · ${dossiers[round]?.venue.city ?? ""}`, { "text-anchor": "middle", "font-weight": 700 }));
  const body = roles.map((role, row) => {
    const y = top + row * rowHeight;
    const mine = ctrl.isMine(table.table, role.id);
    return h(
      "g",
      { "data-key": role.id },
      mine ? h("rect", { x: 0, y, width: size.width, height: rowHeight, fill: okabeIto.yellow, opacity: 0.35 }) : null,
      h("line", { x1: 0, x2: size.width, y1: y, y2: y, stroke: ui.border, "stroke-width": 0.5 }),
      text(4, y + rowHeight / 2, `${roleMark(ctrl, role.id).symbol} ${ctrl.label(table.table, role.id)}`, { "font-weight": mine ? 700 : 400 }),
      rounds.map((round, i) => {
        const p = table.presence.find((x) => x.round === round && x.role === role.id);
        if (!p) return null;
        lines.push(t("debrief.chart.attendanceLine", { role: ctrl.label(table.table, role.id), dossier: dossiers[round]?.title ?? String(round + 1), mode: modeWords(p, ctrl, table.table) }));
        const cx = labelWidth + cellWidth * i + size.font * 0.8;
        const why = sponsored(p) ? `${t("debrief.room.sponsoredShort")} ${ctrl.role(p.paidBy!)?.short ?? p.paidBy}` : p.cause ? t(`debrief.room.short.${p.cause}`) : "";
        return h(
          "g",
          { "data-key": `r${round}` },
          text(cx, y + rowHeight / 2, MODE_ICON[p.mode], { fill: MODE_COLOUR[p.mode], "text-anchor": "middle", "font-size": size.font * 1.15 }),
          why ? text(cx + size.font * 0.9, y + rowHeight / 2, why, { "font-size": size.stage ? size.font : size.font * 0.85 }) : null,
        );
      }),
    );
  });
  return chartFigure(`attendance-${table.table}`, t("debrief.chart.attendance"), lines, svg(size, height, legend, head, body));
}

// ---- money flow ----------------------------------------------------------------------------

/**
 * Every fellowship and grant as bands from funders (left) to recipients (right), a node per
 * role per side labelled with what it gave or got. Amounts sit in the node labels, never on
 * the bands, and nodes are spaced by more than a line of text: no two labels can overlap.
 */
export function moneyFlow(ctrl: DebriefController, table: TableDebrief, size: ChartSize): VNode | null {
  const flows = table.money.map((m) => m.payment);
  if (!flows.length) return null;
  const marked = new Set(ctrl.activeMarks(table).flatMap((m) => m.funders.map((f) => `${f.role}>${m.role}`)));
  const gave = new Map<string, number>();
  const got = new Map<string, number>();
  for (const f of flows) {
    gave.set(f.from, (gave.get(f.from) ?? 0) + f.amount);
    got.set(f.to, (got.get(f.to) ?? 0) + f.amount);
  }
  const nodeLabel = (role: string, side: "from" | "to") =>
    `${roleMark(ctrl, role).symbol} ${ctrl.label(table.table, role)}${ctrl.isMine(table.table, role) ? ` (${t("debrief.you")})` : ""} · ${t(side === "from" ? "debrief.chart.gave" : "debrief.chart.got", { amount: (side === "from" ? gave : got).get(role) ?? 0 })}`;
  const charWidth = size.font * 0.58;
  const longest = Math.max(...[...gave.keys()].map((r) => nodeLabel(r, "from").length), ...[...got.keys()].map((r) => nodeLabel(r, "to").length));
  const margin = Math.min(size.width * 0.36, longest * charWidth + size.font);
  const fit = (label: string) => (fits(label, margin - size.font * 0.6, size.font) ? label : `${label.slice(0, Math.max(3, Math.floor((margin - size.font) / charWidth) - 1))}…`);
  const perSide = Math.max(gave.size, got.size);
  const padding = size.font * 1.5;
  const head = size.font * 2.3;
  const legend = marked.size ? size.font * 1.8 : 0;
  const bottom = head + Math.max(size.font * 6, perSide * (size.font * 1.4 + padding));
  const height = bottom + legend;
  const layout = flowLayout(flows, { x0: margin, x1: size.width - margin, y0: head, y1: bottom - 4 }, padding);
  const lines = layout.links.map((l) => t("debrief.chart.moneyLine", { from: ctrl.label(table.table, l.from), to: ctrl.label(table.table, l.to), amount: l.amount }) + (marked.has(`${l.from}>${l.to}`) ? ` ⚑` : ""));
  return chartFigure(
    `money-${table.table}`,
    t("debrief.chart.money"),
    lines,
    svg(
      size,
      height,
      text(margin - 8, size.font * 0.7, t("debrief.chart.funders"), { "font-weight": 700, "text-anchor": "end" }),
      text(size.width - margin + 8, size.font * 0.7, t("debrief.chart.recipients"), { "font-weight": 700, "text-anchor": "start" }),
      layout.links.map((l) =>
        h(
          "g",
          { "data-key": `${l.from}>${l.to}` },
          h("path", { d: l.path, fill: "none", stroke: roleMark(ctrl, l.from).colour, "stroke-opacity": 0.55, "stroke-width": Math.max(2, l.width) }),
          marked.has(`${l.from}>${l.to}`) ? h("path", { d: l.path, fill: "none", stroke: ui.ink, "stroke-width": 2, "stroke-dasharray": "6 4" }) : null,
        ),
      ),
      layout.nodes.map((n) => {
        const mark = roleMark(ctrl, n.role);
        const mine = ctrl.isMine(table.table, n.role);
        return h(
          "g",
          { "data-key": n.id },
          h("rect", { x: n.x0, y: n.y0, width: n.x1 - n.x0, height: Math.max(2, n.y1 - n.y0), fill: mark.colour, stroke: ui.ink, "stroke-width": mine ? 3 : 1 }),
          text(n.side === "from" ? n.x0 - 8 : n.x1 + 8, (n.y0 + n.y1) / 2, fit(nodeLabel(n.role, n.side)), { "text-anchor": n.side === "from" ? "end" : "start", "font-weight": mine ? 700 : 400, class: "chart__node-label" }),
        );
      }),
      marked.size
        ? h(
            "g",
            { "data-key": "legend" },
            h("line", { x1: 4, x2: size.font * 2.4, y1: bottom + legend / 2, y2: bottom + legend / 2, stroke: ui.ink, "stroke-width": 2, "stroke-dasharray": "6 4" }),
            text(size.font * 2.8, bottom + legend / 2, t("debrief.chart.markedFlow")),
          )
        : null,
    ),
  );
}
