// The debrief's charts, drawn as SVG from the analysis: payoff bars, the attendance grid, the
// money flow, positions around the money, public-interest meters. Every chart is an image with
// a label for screen readers and, on demand, the same facts in words. Colour never carries
// meaning alone: roles carry their letters and group symbol, states an icon and a word.
import type { MoneyReview, Presence, TableDebrief } from "../../shared/analysis/debrief.js";
import type { Stance } from "../../shared/rules/types.js";
import { t } from "../text/catalog.js";
import { h, type Child, type VNode } from "../ui/dom.js";
import { groupStyle, okabeIto, ui } from "../ui/palette.js";
import type { DebriefController } from "./debrief-controller.js";
import { flowLayout } from "./sankey.js";

/** Charts are drawn narrow for a phone and wide for the front of the room. */
export interface ChartSize {
  width: number;
  font: number;
}

export function chartSize(ctrl: DebriefController): ChartSize {
  return ctrl.audience === "student" ? { width: 360, font: 14 } : { width: 620, font: 19 };
}

export function signed(n: number): string {
  const r = Math.round(n * 10) / 10;
  return r > 0 ? `+${r}` : r < 0 ? `−${-r}` : "0";
}

/** A chart: caption, the SVG image with its label, and the text alternative in a <details>. */
export function chartFigure(key: string, title: string, lines: string[], svg: VNode): VNode {
  svg.props.role = "img";
  svg.props["aria-label"] = t("debrief.chartLabel", { title, summary: lines.join("; ") });
  return h(
    "figure",
    { class: "chart", "data-key": key },
    h("figcaption", { class: "chart__title" }, title),
    svg,
    h("details", { class: "chart__words" }, h("summary", null, t("debrief.textAlternative")), h("ul", null, lines.map((line) => h("li", null, line)))),
  );
}

function svg(size: ChartSize, height: number, ...children: Child[]): VNode {
  return h("svg", { viewBox: `0 0 ${size.width} ${height}`, width: size.width, height, class: "chart__svg", "font-size": size.font, xmlns: "http://www.w3.org/2000/svg" }, ...children);
}

const text = (x: number, y: number, content: string, attrs: Record<string, string | number> = {}) => h("text", { x, y, fill: ui.ink, "dominant-baseline": "middle", ...attrs }, content);

function roleMark(ctrl: DebriefController, role: string): { symbol: string; colour: string } {
  const group = ctrl.role(role)?.group ?? "civil-society";
  return { symbol: groupStyle[group].symbol, colour: groupStyle[group].colour };
}

// ---- payoff bars ---------------------------------------------------------------------------

/** Each role's total payoff from the adopted options, richest at the top. */
export function payoffBars(ctrl: DebriefController, table: TableDebrief, size: ChartSize): VNode {
  const rows = [...table.scores].sort((a, b) => b.income - a.income || a.role.localeCompare(b.role));
  const payoff = (role: string) => table.outcomes.reduce((sum, o) => sum + (o.payoffs[role] ?? 0), 0);
  const extent = Math.max(3, ...rows.map((r) => Math.abs(payoff(r.role))));
  const rowHeight = size.font * 1.9;
  const roleText = (role: string) => `${roleMark(ctrl, role).symbol} ${ctrl.label(table.table, role)}${ctrl.isMine(table.table, role) ? ` (${t("debrief.you")})` : ""}`;
  const budgetWidth = size.font * 2;
  const labelWidth = Math.min(size.width * 0.45, Math.max(size.font * 5, ...rows.map((r) => roleText(r.role).length * size.font * 0.6)) + budgetWidth);
  const valueWidth = size.font * 2.6;
  const top = size.font * 1.3;
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
    const label = ctrl.label(table.table, r.role);
    lines.push(t("debrief.chart.payoffLine", { role: label, income: r.income, payoff: signed(value) }) + (mine ? ` (${t("debrief.you")})` : ""));
    return h(
      "g",
      { "data-key": r.role, class: mine ? "chart__mine" : null },
      mine ? h("rect", { x: 0, y: y + 1, width: size.width, height: rowHeight - 2, fill: okabeIto.yellow, opacity: 0.35 }) : null,
      text(4, y + rowHeight / 2, roleText(r.role), { "font-weight": mine ? 700 : 400 }),
      text(labelWidth - 6, y + rowHeight / 2, String(r.income), { "text-anchor": "end", fill: ui.inkMuted, "font-size": size.font * 0.8 }),
      h("rect", { x, y: y + rowHeight * 0.18, width: w, height: rowHeight * 0.64, fill: mark.colour, stroke: mine ? ui.ink : "none", "stroke-width": mine ? 3 : 0 }),
      text(value >= 0 ? x + w + 6 : x - 6, y + rowHeight / 2, signed(value), { "text-anchor": value >= 0 ? "start" : "end", "font-weight": 700 }),
    );
  });
  return chartFigure(
    `payoffs-${table.table}`,
    t("debrief.chart.payoffs"),
    lines,
    svg(
      size,
      height,
      text(labelWidth - 6, top / 2, t("debrief.chart.budget"), { "text-anchor": "end", fill: ui.inkMuted, "font-size": size.font * 0.75 }),
      h("line", { x1: zero, x2: zero, y1: top, y2: height, stroke: ui.ink, "stroke-width": 1.5 }),
      bars,
    ),
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
  const labelWidth = size.font * 5.6;
  const rowHeight = size.font * 2.1;
  const legendHeight = size.font * 1.8;
  const headHeight = size.font * 1.7;
  const top = legendHeight + headHeight;
  const cellWidth = (size.width - labelWidth) / Math.max(1, rounds.length);
  const height = top + roles.length * rowHeight + 4;
  const note = size.font * 0.85;
  const lines: string[] = [];
  const modes = ["in-person", "remote", "absent"] as const;
  const modeWord = (mode: (typeof modes)[number]) => t(mode === "in-person" ? "debrief.room.inPerson" : mode === "remote" ? "debrief.room.remote" : "debrief.room.absent");
  const legendStep = size.width / modes.length;
  const legend = modes.map((mode, i) =>
    h(
      "g",
      { "data-key": `legend-${mode}` },
      text(i * legendStep + size.font * 0.6, legendHeight / 2, MODE_ICON[mode], { fill: MODE_COLOUR[mode], "text-anchor": "middle", "font-size": size.font * 1.15 }),
      text(i * legendStep + size.font * 1.4, legendHeight / 2, modeWord(mode), { "font-size": note }),
    ),
  );
  const head = rounds.map((round, i) => text(labelWidth + cellWidth * (i + 0.5), legendHeight + headHeight / 2, `${round + 1} · ${dossiers[round]?.id ?? ""}`, { "text-anchor": "middle", "font-weight": 700 }));
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
          why ? text(cx + size.font * 0.85, y + rowHeight / 2, why, { "font-size": note }) : null,
        );
      }),
    );
  });
  return chartFigure(`attendance-${table.table}`, t("debrief.chart.attendance"), lines, svg(size, height, legend, head, body));
}

// ---- money flow ----------------------------------------------------------------------------

/** Every fellowship and grant as a flow from funders (left) to recipients (right). */
export function moneyFlow(ctrl: DebriefController, table: TableDebrief, size: ChartSize): VNode | null {
  const flows = table.money.map((m) => m.flow);
  if (!flows.length) return null;
  const flagged = new Set(table.flags.map((f) => `${f.funder}>${f.recipient}`));
  // Room for the longest label on each side (nicknames make them long), within reason.
  const nodeLabel = (role: string) => `${roleMark(ctrl, role).symbol} ${ctrl.label(table.table, role)}${ctrl.isMine(table.table, role) ? ` (${t("debrief.you")})` : ""}`;
  const charWidth = size.font * 0.6;
  const longest = Math.max(...flows.flatMap((f) => [nodeLabel(f.from).length, nodeLabel(f.to).length]));
  const margin = Math.min(size.width * 0.32, Math.max(size.font * 6.5, longest * charWidth + size.font));
  const fit = (label: string) => (label.length * charWidth + size.font > margin ? `${label.slice(0, Math.max(3, Math.floor((margin - size.font) / charWidth) - 1))}…` : label);
  const height = Math.max(size.font * 10, new Set(flows.flatMap((f) => [f.from, f.to])).size * size.font * 2.6);
  const layout = flowLayout(flows, { x0: margin, x1: size.width - margin, y0: size.font * 1.6, y1: height - 4 });
  const lines = layout.links.map((l) => t("debrief.chart.moneyLine", { from: ctrl.label(table.table, l.from), to: ctrl.label(table.table, l.to), amount: l.amount }) + (flagged.has(`${l.from}>${l.to}`) ? ` ⚑ ${t("debrief.chart.moneyFlagged")}` : ""));
  return chartFigure(
    `money-${table.table}`,
    t("debrief.chart.money"),
    lines,
    svg(
      size,
      height,
      text(margin, size.font * 0.7, t("debrief.chart.funders"), { "font-weight": 700, "text-anchor": "start" }),
      text(size.width - margin, size.font * 0.7, t("debrief.chart.recipients"), { "font-weight": 700, "text-anchor": "end" }),
      layout.links.map((l) => {
        const isFlagged = flagged.has(`${l.from}>${l.to}`);
        return h(
          "g",
          { "data-key": `${l.from}>${l.to}` },
          h("path", { d: l.path, fill: "none", stroke: roleMark(ctrl, l.from).colour, "stroke-opacity": 0.55, "stroke-width": Math.max(2, l.width) }),
          isFlagged ? h("path", { d: l.path, fill: "none", stroke: ui.ink, "stroke-width": 2, "stroke-dasharray": "6 4" }) : null,
          text(l.midX, l.midY, `${l.amount}${isFlagged ? " ⚑" : ""}`, { "text-anchor": "middle", "font-weight": 700, "font-size": size.font * 0.9, stroke: ui.paper, "stroke-width": 4, "paint-order": "stroke" }),
        );
      }),
      layout.nodes.map((n) => {
        const mark = roleMark(ctrl, n.role);
        const mine = ctrl.isMine(table.table, n.role);
        const label = fit(nodeLabel(n.role));
        return h(
          "g",
          { "data-key": n.id },
          h("rect", { x: n.x0, y: n.y0, width: n.x1 - n.x0, height: Math.max(2, n.y1 - n.y0), fill: mark.colour, stroke: ui.ink, "stroke-width": mine ? 3 : 1 }),
          text(n.side === "from" ? n.x0 - 6 : n.x1 + 6, (n.y0 + n.y1) / 2, label, { "text-anchor": n.side === "from" ? "end" : "start", "font-weight": mine ? 700 : 400 }),
        );
      }),
    ),
  );
}

// ---- positions around the money -------------------------------------------------------------

const STANCE_LEVEL: Record<Stance, number> = { object: 0, live: 1, support: 2 };
const STANCE_ICON: Record<Stance, string> = { object: "▼", live: "●", support: "▲" };

/** For each payment: the recipient's stance on the funder's option before and after it. */
export function positionTimelines(ctrl: DebriefController, table: TableDebrief, size: ChartSize): VNode | null {
  const rows = table.money.map((m) => ({ m, check: m.checks[0] })).filter((x): x is { m: MoneyReview; check: MoneyReview["checks"][number] } => x.check !== undefined);
  if (!rows.length) return null;
  const rowHeight = size.font * 4.4;
  const labelWidth = size.width * 0.3;
  const xs = [labelWidth + size.font * 1.2, labelWidth + (size.width - labelWidth - size.font * 8) * 0.5, size.width - size.font * 8] as const;
  const height = rows.length * rowHeight + 4;
  const lines: string[] = [];
  const body = rows.map(({ m, check }, i) => {
    const y0 = i * rowHeight;
    const level = (s: Stance) => y0 + rowHeight * 0.82 - STANCE_LEVEL[s] * rowHeight * 0.32;
    const flagged = check.flagged;
    const to = ctrl.label(table.table, m.flow.to);
    const from = ctrl.label(table.table, m.flow.from);
    const stanceWord = (s: Stance | null) => (s ? t(`debrief.stance.${s}`) : t("debrief.chart.noChange"));
    lines.push(t("debrief.chart.timelineLine", { role: to, option: check.option, before: stanceWord(check.before), after: stanceWord(check.after) }) + ` (${from}, ${m.flow.amount})` + (flagged ? ` ⚑ ${t("debrief.chart.moneyFlagged")}` : ""));
    const after = check.after ?? check.before;
    const mine = ctrl.isMine(table.table, m.flow.to);
    return h(
      "g",
      { "data-key": `${m.flow.id}` },
      mine ? h("rect", { x: 0, y: y0 + 2, width: size.width, height: rowHeight - 4, fill: okabeIto.yellow, opacity: 0.35 }) : null,
      h("line", { x1: 0, x2: size.width, y1: y0, y2: y0, stroke: ui.border, "stroke-width": 0.5 }),
      text(4, y0 + rowHeight * 0.35, `${roleMark(ctrl, m.flow.to).symbol} ${to} · ${check.option}`, { "font-weight": 700 }),
      text(4, y0 + rowHeight * 0.7, `← ${from} (${m.flow.amount})${flagged ? " ⚑" : ""}`, { fill: ui.inkMuted, "font-size": size.font * 0.85 }),
      h("line", { x1: xs[0], y1: level(check.before), x2: xs[2], y2: level(after), stroke: flagged ? okabeIto.vermillion : ui.inkMuted, "stroke-width": flagged ? 3 : 1.5, "stroke-dasharray": check.after ? null : "4 4" }),
      h("line", { x1: xs[1], x2: xs[1], y1: y0 + 4, y2: y0 + rowHeight - 4, stroke: okabeIto.orange, "stroke-width": 2, "stroke-dasharray": "3 3" }),
      text(xs[1], y0 + rowHeight * 0.14, `$ ${t("debrief.chart.moneyArrived")}`, { "text-anchor": "middle", "font-size": size.font * 0.8, fill: ui.ink }),
      text(xs[0], level(check.before), STANCE_ICON[check.before], { "text-anchor": "middle", "font-size": size.font * 1.1 }),
      text(xs[2], level(after), STANCE_ICON[after], { "text-anchor": "middle", "font-size": size.font * 1.1 }),
      text(xs[2] + size.font * 0.8, level(after), stanceWord(check.after), { "font-size": size.font * 0.75 }),
    );
  });
  const legendY = height + size.font * 0.6;
  const legend = text(4, legendY, (["support", "live", "object"] as const).map((s) => `${STANCE_ICON[s]} ${t(`debrief.stance.${s}`)}`).join("   "), { "font-size": size.font * 0.8, fill: ui.inkMuted });
  return chartFigure(`timeline-${table.table}`, t("debrief.chart.timeline"), lines, svg(size, height + size.font * 1.4, body, legend));
}

// ---- public interest -----------------------------------------------------------------------

/** Bars out of 10: the adopted option's public-interest scores, with the best one marked. */
export function publicMeter(key: string, title: string, bars: { label: string; value: number; best?: number }[], size: ChartSize): VNode {
  // Labels beside the bars when they fit, otherwise above them (long sub-score names on a phone).
  const needed = Math.max(...bars.map((b) => b.label.length)) * size.font * 0.56 + 12;
  const stacked = needed > size.width * 0.5;
  const labelWidth = stacked ? 4 : Math.max(size.width * 0.25, needed);
  const labelRow = stacked ? size.font * 1.2 : 0;
  const rowHeight = size.font * 2 + labelRow;
  const area = size.width - labelWidth - size.font * 3;
  const hasBest = bars.some((b) => b.best !== undefined && b.best > b.value);
  const ticksY = bars.length * rowHeight + size.font * (hasBest ? 1.9 : 0.6);
  const height = ticksY + size.font * 0.7;
  const lines = bars.map((b) => t("debrief.chart.publicLine", { label: b.label, value: Math.round(b.value * 10) / 10 }) + (b.best !== undefined ? ` (${t("debrief.chart.best")}: ${b.best})` : ""));
  const x = (value: number) => labelWidth + (area * value) / 10;
  return chartFigure(
    key,
    title,
    lines,
    svg(
      size,
      height,
      [0, 5, 10].map((tick) => h("g", { "data-key": `t${tick}` }, h("line", { x1: x(tick), x2: x(tick), y1: 0, y2: bars.length * rowHeight, stroke: ui.border, "stroke-width": 1 }), text(x(tick), ticksY, String(tick), { "text-anchor": "middle", "font-size": size.font * 0.75, fill: ui.inkMuted }))),
      bars.map((b, i) => {
        const y = i * rowHeight;
        const barTop = y + labelRow + size.font * 0.4;
        const barMid = barTop + size.font * 0.6;
        return h(
          "g",
          { "data-key": b.label },
          stacked ? text(labelWidth, y + labelRow * 0.6, b.label) : text(labelWidth - 8, barMid, b.label, { "text-anchor": "end" }),
          h("rect", { x: labelWidth, y: barTop, width: Math.max(2, (area * b.value) / 10), height: size.font * 1.2, fill: okabeIto.bluishGreen }),
          text(x(b.value) + 6, barMid, String(Math.round(b.value * 10) / 10), { "font-weight": 700 }),
          b.best !== undefined && b.best > b.value
            ? h(
                "g",
                null,
                h("line", { x1: x(b.best), x2: x(b.best), y1: barTop + size.font * 1.2, y2: barTop + size.font * 1.9, stroke: ui.ink, "stroke-width": 3 }),
                text(x(b.best), barTop + size.font * 2.4, `◆ ${t("debrief.chart.best")} ${b.best}`, { "text-anchor": "middle", "font-size": size.font * 0.8, "font-weight": 700 }),
              )
            : null,
        );
      }),
    ),
  );
}
