// What each debrief card shows, for one table: the evidence in charts and short sentences.
// Cards only render from the controller; the teacher's verbs live in debrief-view.ts.
import type { Debrief, TableDebrief } from "../../shared/analysis/debrief.js";
import type { DecisionRuleId } from "../../shared/scenario/schema.js";
import { t } from "../text/catalog.js";
import type { DebriefCard } from "../text/debrief-en.js";
import { h, type Child, type VNode } from "../ui/dom.js";
import { attendanceGrid, chartSize, moneyFlow, payoffBars, positionTimelines, publicMeter, signed } from "./charts.js";
import type { DebriefController } from "./debrief-controller.js";

const RULES: readonly DecisionRuleId[] = ["R1", "R2", "R3", "R4"];
const percent = (x: number) => `${Math.round(x * 100)}%`;

function dossierTitle(ctrl: DebriefController, round: number): string {
  return ctrl.view?.scenario.dossiers[round]?.title ?? String(round + 1);
}

function optionText(ctrl: DebriefController, round: number, option: string | null): string {
  if (!option) return t("debrief.said.nothing");
  const title = ctrl.view?.scenario.dossiers[round]?.options.find((o) => o.id === option)?.title;
  return title ? `${option} “${title}”` : option;
}

const facts = (...items: Child[]) => h("ul", { class: "debrief__facts" }, items.flat().filter(Boolean).map((item) => h("li", null, item)));

function outcomes(ctrl: DebriefController, table: TableDebrief): Child[] {
  const size = chartSize(ctrl);
  return [
    facts(
      table.outcomes.map((o) =>
        o.adopted
          ? [
              t("debrief.outcomes.adopted", {
                dossier: dossierTitle(ctrl, o.round),
                option: optionText(ctrl, o.round, o.adopted),
                how: t(`debrief.by.${o.by ?? "status-quo"}`),
                score: Math.round((o.publicInterest ?? 0) * 10) / 10,
                best: o.best.publicInterest,
                bestOption: o.best.option,
              }),
              o.captureGap ? ` ${t("debrief.outcomes.gap", { gap: Math.round(o.captureGap * 10) / 10 })}` : "",
            ].join("")
          : t("debrief.outcomes.notDecided", { dossier: dossierTitle(ctrl, o.round) }),
      ),
    ),
    payoffBars(ctrl, table, size),
    facts(
      table.incomeScoreCorrelation === null ? t("debrief.outcomes.noCorrelation") : t("debrief.outcomes.correlation", { value: signed(Math.round(table.incomeScoreCorrelation * 100) / 100) }),
      t("debrief.outcomes.gini", { value: Math.round(table.payoffGini * 100) / 100 }),
    ),
  ];
}

function room(ctrl: DebriefController, table: TableDebrief): Child[] {
  const size = chartSize(ctrl);
  const voice = [...table.voice].sort((a, b) => b.share - a.share);
  return [
    attendanceGrid(ctrl, table, size),
    h(
      "table",
      { class: "debrief__table" },
      h("caption", null, t("debrief.room.voiceHeading")),
      h("thead", null, h("tr", null, h("th", { scope: "col" }, t("debrief.vote.role")), h("th", { scope: "col" }, t("debrief.room.voiceShare")), h("th", { scope: "col" }, t("debrief.room.populationShare")))),
      h(
        "tbody",
        null,
        voice.map((v) =>
          h(
            "tr",
            { "data-key": v.role, class: ctrl.isMine(table.table, v.role) ? "debrief__mine-row" : null },
            h("th", { scope: "row" }, ctrl.label(table.table, v.role)),
            h("td", null, shareBar(v.share)),
            h("td", null, shareBar(v.populationShare)),
          ),
        ),
      ),
    ),
    facts(table.decidedWithout.filter((d) => d.notInRoom.length).map((d) => t("debrief.room.decidedWithout", { dossier: dossierTitle(ctrl, d.round), roles: d.notInRoom.map((r) => ctrl.label(table.table, r)).join(", ") }))),
  ];
}

/** A percentage with a bar beside it (the number carries the meaning; the bar helps the eye). */
function shareBar(share: number): VNode {
  return h("span", { class: "share" }, h("span", { class: "share__bar", style: `width:${Math.max(1, Math.round(share * 100))}%`, "aria-hidden": "true" }), h("span", { class: "share__value" }, percent(share)));
}

function money(ctrl: DebriefController, table: TableDebrief): Child[] {
  const size = chartSize(ctrl);
  if (!table.money.length) return [h("p", { class: "debrief__empty" }, t("debrief.money.none"))];
  return [
    moneyFlow(ctrl, table, size),
    positionTimelines(ctrl, table, size),
    table.flags.length
      ? h(
          "ul",
          { class: "debrief__flags" },
          table.flags.map((f) =>
            h(
              "li",
              { "data-key": `${f.funder}>${f.recipient}@${f.round}` },
              "⚑ ",
              t("debrief.money.flag", {
                recipient: ctrl.label(table.table, f.recipient),
                funder: ctrl.label(table.table, f.funder),
                before: t(`debrief.stance.${f.before}`),
                after: t(`debrief.stance.${f.after}`),
                option: f.option,
                payoff: signed(f.payoff),
                best: signed(f.bestPayoff),
              }),
            ),
          ),
        )
      : h("p", null, t("debrief.money.noFlags")),
  ];
}

function said(ctrl: DebriefController, table: TableDebrief): Child[] {
  return table.outcomes.map((o) =>
    h(
      "table",
      { class: "debrief__table", "data-key": `said-${o.round}` },
      h("caption", null, dossierTitle(ctrl, o.round), o.adopted ? ` — ${t("debrief.chart.adopted")}: ${o.adopted}` : ""),
      h(
        "thead",
        null,
        h("tr", null, h("th", { scope: "col" }, t("debrief.vote.role")), h("th", { scope: "col" }, t("debrief.said.told")), h("th", { scope: "col" }, t("debrief.said.said")), h("th", { scope: "col" }, t("debrief.said.did"))),
      ),
      h(
        "tbody",
        null,
        table.saidToldDid
          .filter((s) => s.round === o.round)
          .map((s) => {
            const strayed = s.did.length > 0 && !s.did.includes(s.told);
            return h(
              "tr",
              { "data-key": s.role, class: ctrl.isMine(table.table, s.role) ? "debrief__mine-row" : null },
              h("th", { scope: "row" }, ctrl.label(table.table, s.role)),
              h("td", null, s.told),
              h("td", null, s.said ?? "—", s.said && s.said !== s.told ? " ≠" : ""),
              h("td", null, s.did.length ? s.did.join(", ") : "—", strayed ? " ≠" : ""),
            );
          }),
      ),
    ),
  );
}

function chair(ctrl: DebriefController, table: TableDebrief): Child[] {
  const size = chartSize(ctrl);
  return table.emptyChair.map((c) =>
    h(
      "div",
      { "data-key": `chair-${c.round}`, class: "debrief__block" },
      h("p", { class: "debrief__fact" }, c.adopted ? t("debrief.chair.score", { dossier: dossierTitle(ctrl, c.round), option: optionText(ctrl, c.round, c.adopted), score: Math.round((c.publicInterest ?? 0) * 10) / 10 }) : t("debrief.outcomes.notDecided", { dossier: dossierTitle(ctrl, c.round) })),
      c.subScores
        ? publicMeter(
            `chair-${table.table}-${c.round}`,
            t("debrief.chart.publicScore"),
            [...c.subScores.map((s) => ({ label: s.label, value: s.value })), { label: t("debrief.chart.publicTotal"), value: c.publicInterest ?? 0, best: c.best.publicInterest }],
            size,
          )
        : null,
    ),
  );
}

function vote(ctrl: DebriefController, table: TableDebrief, debrief: Debrief): Child[] {
  const roles = ctrl.view?.scenario.roles ?? [];
  return [
    h(
      "div",
      { class: "debrief__block" },
      h(
      "table",
      { class: "debrief__table debrief__table--rules" },
      h("caption", null, t("debrief.vote.winners")),
      h("thead", null, h("tr", null, h("th", { scope: "col" }, t("debrief.vote.dossier")), h("th", { scope: "col" }, t("debrief.vote.actual")), RULES.map((r) => h("th", { scope: "col" }, h("abbr", { title: t(`debrief.vote.rule.${r}`) }, r))))),
      h(
        "tbody",
        null,
        table.whatIf.map((w) =>
          h(
            "tr",
            { "data-key": `w${w.round}` },
            h("th", { scope: "row" }, dossierTitle(ctrl, w.round)),
            h("td", null, h("strong", null, w.actual ?? "—")),
            RULES.map((r) => {
              const differs = w.winners[r] !== w.actual;
              return h("td", { class: differs ? "debrief__differs" : null }, w.winners[r], differs ? h("span", null, " ◆", h("span", { class: "visually-hidden" }, ` ${t("debrief.vote.differs")}`)) : null);
            }),
          ),
        ),
      ),
    ),
      h("p", { class: "debrief__legend" }, RULES.map((r) => `${r} ${t(`debrief.vote.rule.${r}`)}`).join(" · ")),
    ),
    h(
      "table",
      { class: "debrief__table debrief__table--power" },
      h("caption", null, t("debrief.vote.power")),
      h("thead", null, h("tr", null, h("th", { scope: "col" }, t("debrief.vote.role")), RULES.map((r) => h("th", { scope: "col" }, r)))),
      h(
        "tbody",
        null,
        roles.map((role) =>
          h(
            "tr",
            { "data-key": role.id, class: ctrl.isMine(table.table, role.id) ? "debrief__mine-row" : null },
            h("th", { scope: "row" }, ctrl.label(table.table, role.id)),
            RULES.map((r) => h("td", null, shareBar(debrief.power[r]?.banzhaf[role.id] ?? 0))),
          ),
        ),
      ),
    ),
  ];
}

/** What really happened is the same for every table; each table's own choices follow it. */
function history(ctrl: DebriefController, debrief: Debrief): Child[] {
  const happened = ctrl.view?.scenario.whatHappened.length ? ctrl.view.scenario.whatHappened : debrief.whatHappened;
  const shown = ctrl.tables();
  return [
    h("ul", { class: "debrief__facts debrief__facts--history" }, happened.map((w) => h("li", null, w))),
    shown.map((table) =>
      h(
        "p",
        { class: "debrief__fact debrief__ours", "data-key": `ours-${table.table}` },
        shown.length > 1 ? `${t("debrief.tableLabel", { table: table.table + 1, rule: t(`debrief.vote.rule.${table.rule}`) })}: ` : "",
        t("debrief.history.ours", { options: table.outcomes.map((o) => optionText(ctrl, o.round, o.adopted)).join("; ") }),
      ),
    ),
  ];
}

function tables(ctrl: DebriefController, debrief: Debrief): Child[] {
  if (debrief.compared.length < 2) return [h("p", { class: "debrief__empty" }, t("debrief.tables.single"))];
  return [
    h(
      "table",
      { class: "debrief__table" },
      h("caption", null, t("debrief.tables.title")),
      h(
        "thead",
        null,
        h("tr", null, [t("debrief.tables.table"), t("debrief.tables.rule"), t("debrief.tables.adopted"), t("debrief.tables.gap"), t("debrief.tables.flags"), t("debrief.tables.gini")].map((c) => h("th", { scope: "col" }, c))),
      ),
      h(
        "tbody",
        null,
        debrief.compared.map((c) =>
          h(
            "tr",
            { "data-key": `c${c.table}`, class: ctrl.mine?.table === c.table ? "debrief__mine-row" : null },
            h("th", { scope: "row" }, String(c.table + 1)),
            h("td", null, t(`debrief.vote.rule.${c.rule}`)),
            h("td", null, c.adopted.map((a) => a ?? "—").join(", ")),
            h("td", null, String(Math.round(c.totalCaptureGap * 10) / 10)),
            h("td", null, String(c.flags)),
            h("td", null, String(Math.round(c.payoffGini * 100) / 100)),
          ),
        ),
      ),
    ),
  ];
}

/** The evidence of one card. Cards about a single table repeat per table on the big screen. */
export function cardBody(ctrl: DebriefController, card: DebriefCard, debrief: Debrief): Child[] {
  if (card === "tables") return tables(ctrl, debrief);
  if (card === "history") return history(ctrl, debrief);
  const shown = ctrl.tables();
  const many = shown.length > 1;
  return shown.map((table) => {
    const heading = many ? h("h3", { class: "debrief__table-heading" }, t("debrief.tableLabel", { table: table.table + 1, rule: t(`debrief.vote.rule.${table.rule}`) })) : null;
    const body =
      card === "outcomes" ? outcomes(ctrl, table)
      : card === "room" ? room(ctrl, table)
      : card === "money" ? money(ctrl, table)
      : card === "said" ? said(ctrl, table)
      : card === "chair" ? chair(ctrl, table)
      : vote(ctrl, table, debrief);
    return h("div", { class: "debrief__evidence", "data-key": `${card}-${table.table}` }, heading, body);
  });
}
