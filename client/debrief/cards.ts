// What each part of a debrief card shows, for one table: the evidence in charts and short
// sentences. Parts only render from the controller; the teacher's verbs live in
// debrief-view.ts and review.ts. A part is laid out for a 16:9 screen (one or two columns)
// and stacks into one column on a phone.
import type { Debrief, Mark, TableDebrief } from "../../shared/analysis/debrief.js";
import { bestForPublic, weightedScore } from "../../shared/analysis/public-interest.js";
import type { DecisionRuleId } from "../../shared/scenario/schema.js";
import { noteText } from "../ctrl/corridor-text.js";
import { isMessageKey, t } from "../text/catalog.js";
import type { DebriefCard } from "../text/debrief-en.js";
import { h, type Child, type VNode } from "../ui/dom.js";
import { withTerms } from "../ui/glossary.js";
import { attendanceGrid, chartSize, moneyFlow, payoffBars, roleMark } from "./charts.js";
import type { DebriefController } from "./debrief-controller.js";
import { listWords, score, signed } from "./format.js";
import { noCheckText, paymentFrom, paymentText, saidCell, stanceChain, whyLines } from "./lines.js";
import { MARKS_PER_PAGE, POSITIONS_PER_PAGE, positionRows, type Part } from "./parts.js";

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

/** Two columns on a 16:9 screen, one after the other on a phone. */
const columns = (left: Child, right: Child, wide: "left" | "right" | "even" = "left") => h("div", { class: `debrief__columns debrief__columns--${wide}` }, h("div", { class: "debrief__column" }, left), h("div", { class: "debrief__column" }, right));

// ---- what we decided -------------------------------------------------------------------------

function decisions(ctrl: DebriefController, table: TableDebrief): Child {
  return h(
    "ol",
    { class: "debrief__decisions" },
    table.outcomes.map((o) =>
      h(
        "li",
        { "data-key": `o${o.round}`, class: "debrief__decision" },
        o.adopted
          ? [
              h("p", { class: "debrief__decision-head" }, dossierTitle(ctrl, o.round)),
              h("p", null, t("debrief.outcomes.adopted", { option: optionText(ctrl, o.round, o.adopted), how: t(`debrief.by.${o.by ?? "status-quo"}`) })),
              h(
                "p",
                null,
                o.captureGap
                  ? t("debrief.outcomes.score", { score: score(o.publicInterest ?? 0), best: score(o.best.publicInterest), bestOption: listWords([o.best.option, ...o.best.ties]) })
                  : t("debrief.outcomes.scoreBest", { score: score(o.publicInterest ?? 0) }),
                o.captureGap ? [" ", h("strong", null, t("debrief.outcomes.gap", { gap: score(o.captureGap) }))] : null,
              ),
              o.bestTabled && o.bestTabled.option !== o.best.option && o.bestTabled.option !== o.adopted
                ? h("p", null, t("debrief.outcomes.bestTabled", { option: optionText(ctrl, o.round, o.bestTabled.option), score: score(o.bestTabled.publicInterest) }))
                : null,
            ]
          : h("p", { class: "debrief__decision-head" }, t("debrief.outcomes.notDecided", { dossier: dossierTitle(ctrl, o.round) })),
      ),
    ),
  );
}

function payoffs(ctrl: DebriefController, table: TableDebrief): Child {
  return columns(
    payoffBars(ctrl, table, chartSize(ctrl, 1100)),
    facts(
      table.incomeScoreCorrelation === null ? t("debrief.outcomes.noCorrelation") : t("debrief.outcomes.correlation", { value: signed(table.incomeScoreCorrelation) }),
      t("debrief.outcomes.gini", { value: score(table.payoffGini) }),
    ),
  );
}

function scores(ctrl: DebriefController, table: TableDebrief): Child {
  const ranked = [...table.scores].sort((a, b) => b.total - a.total);
  return [
    h(
      "table",
      { class: "debrief__table debrief__table--scores" },
      h("caption", null, t("debrief.part.scores")),
      h(
        "thead",
        null,
        h("tr", null, [ctrl.audience === "student" ? "#" : t("debrief.outcomes.rank"), t("debrief.vote.role"), t("debrief.outcomes.mandate"), t("debrief.outcomes.standing"), t("debrief.outcomes.total")].map((c) => h("th", { scope: "col" }, c))),
      ),
      h(
        "tbody",
        null,
        ranked.map((s, i) =>
          h(
            "tr",
            { "data-key": s.role, class: ctrl.isMine(table.table, s.role) ? "debrief__mine-row" : null },
            h("td", null, String(i + 1)),
            h("th", { scope: "row" }, `${roleMark(ctrl, s.role).symbol} ${ctrl.label(table.table, s.role)}`, h("span", { class: "debrief__role-name" }, ` ${ctrl.role(s.role)?.name ?? ""}`)),
            h("td", null, signed(s.mandate)),
            h("td", null, signed(s.standing)),
            h("td", null, h("strong", null, signed(s.total))),
          ),
        ),
      ),
    ),
    h("p", { class: "debrief__note" }, t("debrief.outcomes.scoresHow")),
  ];
}

// ---- who was in the room ----------------------------------------------------------------------

function attendance(ctrl: DebriefController, table: TableDebrief): Child {
  return columns(
    attendanceGrid(ctrl, table, chartSize(ctrl, 1180)),
    facts(table.decidedWithout.filter((d) => d.notInRoom.length).map((d) => t("debrief.room.decidedWithout", { dossier: dossierTitle(ctrl, d.round), roles: listWords(d.notInRoom.map((r) => ctrl.label(table.table, r))) }))),
  );
}

/** A percentage with a bar beside it (the number carries the meaning; the bar helps the eye). */
function shareBar(share: number): VNode {
  return h("span", { class: "share" }, h("span", { class: "share__bar", style: `width:${Math.max(1, Math.round(share * 100))}%`, "aria-hidden": "true" }), h("span", { class: "share__value" }, percent(share)));
}

function voice(ctrl: DebriefController, table: TableDebrief): Child {
  const rows = [...table.voice].sort((a, b) => b.share - a.share);
  return h(
    "table",
    { class: "debrief__table debrief__table--voice" },
    h("caption", null, t("debrief.room.voiceHeading")),
    h("thead", null, h("tr", null, h("th", { scope: "col" }, t("debrief.vote.role")), h("th", { scope: "col" }, t("debrief.room.voiceShare")), h("th", { scope: "col" }, t("debrief.room.populationShare")))),
    h(
      "tbody",
      null,
      rows.map((v) =>
        h(
          "tr",
          { "data-key": v.role, class: ctrl.isMine(table.table, v.role) ? "debrief__mine-row" : null },
          h("th", { scope: "row" }, `${roleMark(ctrl, v.role).symbol} ${ctrl.label(table.table, v.role)}`),
          h("td", null, shareBar(v.share)),
          h("td", null, shareBar(v.populationShare)),
        ),
      ),
    ),
  );
}

// ---- follow the money -------------------------------------------------------------------------

function flow(ctrl: DebriefController, table: TableDebrief): Child {
  if (!table.money.length) return h("p", { class: "debrief__empty" }, t("debrief.money.none"));
  return columns(
    moneyFlow(ctrl, table, chartSize(ctrl, 860)),
    h(
      "div",
      { class: "debrief__payments" },
      h("h3", null, t("debrief.money.list")),
      h(
        "ul",
        { class: "debrief__facts" },
        table.money.map(({ payment: p }) =>
          h(
            "li",
            { "data-key": p.id },
            paymentText((r) => ctrl.label(table.table, r), p, ctrl.view?.scenario.dossiers[p.round]?.venue.city ?? ""),
            // A bot's note in this screen's language (client/ctrl/corridor-text.ts).
            p.note ? [" ", h("q", null, ctrl.view ? noteText(ctrl.view, p) : p.note)] : null,
            p.expects ? [" ", t("debrief.money.expects", { option: p.expects, from: ctrl.label(table.table, p.from) })] : null,
          ),
        ),
      ),
    ),
    "even",
  );
}

function positions(ctrl: DebriefController, table: TableDebrief, page: number): Child {
  if (!table.money.length) return h("p", { class: "debrief__empty" }, t("debrief.money.none"));
  const rows = positionRows(table).slice(page * POSITIONS_PER_PAGE, (page + 1) * POSITIONS_PER_PAGE);
  return h(
    "table",
    { class: "debrief__table debrief__table--positions debrief__table--stack", "data-key": `positions-${table.table}-${page}` },
    h("caption", null, t("debrief.chart.timeline")),
    h(
      "thead",
      null,
      h("tr", null, [t("debrief.positions.role"), t("debrief.positions.from"), t("debrief.positions.before"), t("debrief.positions.after"), t("debrief.positions.verdict")].map((c) => h("th", { scope: "col" }, c))),
    ),
    h(
      "tbody",
      null,
      rows.map(({ review, check }) => {
        const p = review.payment;
        const marked = check?.verdict === "marked" && check.marks.some((id) => !ctrl.setAside[id]);
        return h(
          "tr",
          { "data-key": `${p.id}-${check?.option ?? "none"}`, class: ctrl.isMine(table.table, p.to) ? "debrief__mine-row" : null },
          h(
            "th",
            { scope: "row" },
            `${roleMark(ctrl, p.to).symbol} `,
            check ? t("debrief.positions.option", { role: ctrl.label(table.table, p.to), option: check.option }) : ctrl.label(table.table, p.to),
            marked ? " ⚑" : "",
            check ? h("span", { class: "debrief__role-name" }, ` (${t("debrief.positions.worth", { payoff: signed(check.payoff) })})`) : null,
          ),
          h("td", { "data-label": t("debrief.positions.from") }, paymentFrom((r) => ctrl.label(table.table, r), p)),
          h("td", { "data-label": t("debrief.positions.before") }, check ? stanceChain(check.stances.filter((s) => !s.afterMoney)) : "—"),
          h("td", { "data-label": t("debrief.positions.after") }, check ? stanceChain(check.stances.filter((s) => s.afterMoney)) : "—"),
          h("td", { class: marked ? "debrief__verdict--marked" : null, "data-label": t("debrief.positions.verdict") }, check ? t(`debrief.money.verdict.${check.verdict}`) : noCheckText((r) => ctrl.label(table.table, r), p)),
        );
      }),
    ),
  );
}

function markItem(ctrl: DebriefController, table: TableDebrief, mark: Mark, aside: { reason: string } | null): VNode {
  const role = ctrl.label(table.table, mark.role);
  return h(
    "li",
    { "data-key": mark.id, class: aside ? "debrief__mark debrief__mark--aside" : "debrief__mark", "data-testid": "debrief-mark" },
    h("p", { class: "debrief__mark-title" }, aside ? t("debrief.money.markAside", { role, option: mark.option }) : ["⚑ ", t("debrief.money.markTitle", { role, option: mark.option })]),
    aside
      ? h("p", null, t("debrief.review.isAside", { reason: aside.reason }))
      : h("div", { class: "debrief__why" }, h("p", { class: "debrief__why-head" }, t("debrief.money.why")), h("ol", null, whyLines(ctrl, table, mark).map((line) => h("li", null, line)))),
  );
}

/** With money and without: the same kind of move, counted for both, so the class sees a rate. */
export function comparisonBox(ctrl: DebriefController): VNode {
  const c = ctrl.comparison();
  return h(
    "section",
    { class: "debrief__compare", "aria-labelledby": "debrief-compare-heading", "data-testid": "debrief-compare" },
    h("h3", { id: "debrief-compare-heading" }, t("debrief.money.compare")),
    !c || (c.funded.units === 0 && c.unfunded.units === 0)
      ? h("p", null, t("debrief.money.compareNone"))
      : [
          h("p", { class: "debrief__rate" }, h("strong", null, `${c.funded.moved} / ${c.funded.units}`), " ", t("debrief.money.compareFunded", { moved: c.funded.moved, units: c.funded.units })),
          h("p", { class: "debrief__rate" }, h("strong", null, `${c.unfunded.moved} / ${c.unfunded.units}`), " ", t("debrief.money.compareUnfunded", { moved: c.unfunded.moved, units: c.unfunded.units })),
          h("p", { class: "debrief__note" }, t("debrief.money.compareNote")),
        ],
  );
}

function marks(ctrl: DebriefController, table: TableDebrief, page: number): Child {
  const all = ctrl.marks(table);
  const shown = all.slice(page * MARKS_PER_PAGE, (page + 1) * MARKS_PER_PAGE);
  return columns(
    shown.length ? h("ul", { class: "debrief__marks", "aria-label": t("debrief.money.marksHeading") }, shown.map(({ mark, aside }) => markItem(ctrl, table, mark, aside))) : h("p", { class: "debrief__empty" }, t("debrief.money.noMarks")),
    [comparisonBox(ctrl), h("p", { class: "debrief__note debrief__measure" }, t("debrief.money.measure"))],
  );
}

// ---- said, told, did ------------------------------------------------------------------------

function said(ctrl: DebriefController, table: TableDebrief, round: number): Child {
  const o = table.outcomes[round];
  const rows = table.saidToldDid.filter((s) => s.round === round);
  return h(
    "table",
    { class: "debrief__table debrief__table--said debrief__table--stack", "data-key": `said-${round}` },
    h("caption", null, dossierTitle(ctrl, round), o?.adopted ? ` — ${t("debrief.chart.adopted")}: ${o.adopted}` : ""),
    h(
      "thead",
      null,
      h("tr", null, [t("debrief.vote.role"), t("debrief.said.best"), t("debrief.said.told"), t("debrief.said.said"), t("debrief.said.did")].map((c) => h("th", { scope: "col" }, c))),
    ),
    h(
      "tbody",
      null,
      rows.map((s) => {
        const strayed = s.did.length > 0 && !s.did.some((d) => s.best.includes(d));
        return h(
          "tr",
          { "data-key": s.role, class: ctrl.isMine(table.table, s.role) ? "debrief__mine-row" : null },
          h("th", { scope: "row" }, `${roleMark(ctrl, s.role).symbol} ${ctrl.label(table.table, s.role)}`),
          h("td", { "data-label": t("debrief.said.best") }, listWords(s.best)),
          h("td", { "data-label": t("debrief.said.told") }, s.told.length ? listWords(s.told) : "—", s.hidden.length ? h("span", { class: "debrief__hidden" }, ` (${t("debrief.said.hidden", { options: listWords(s.hidden) })})`) : null),
          h("td", { "data-label": t("debrief.said.said") }, saidCell(s)),
          h("td", { "data-label": t("debrief.said.did") }, s.did.length ? listWords(s.did) : "—", strayed ? " ≠" : ""),
        );
      }),
    ),
  );
}

// ---- the empty chair ------------------------------------------------------------------------

/** A score out of 10 as a bar with its number; `best` marks the best for the public. */
function scoreBar(value: number, attrs: { best?: boolean; adopted?: boolean } = {}): VNode {
  return h(
    "span",
    { class: "meter" },
    h("span", { class: `meter__bar${attrs.best ? " meter__bar--best" : ""}`, style: `width:${Math.max(1, value * 10)}%`, "aria-hidden": "true" }),
    h("span", { class: "meter__value" }, score(value)),
  );
}

function chair(ctrl: DebriefController, table: TableDebrief, round: number): Child {
  const view = ctrl.view!;
  const dossier = view.scenario.dossiers[round];
  const c = table.emptyChair.find((x) => x.round === round);
  if (!dossier || !c) return null;
  const weights = ctrl.weights(dossier.id);
  const scored = dossier.options.map((o) => ({ id: o.id, title: o.title, subScores: o.subScores ?? [] }));
  const best = bestForPublic({ options: scored }, weights);
  const bestIds = best ? [best.option, ...best.ties] : [];
  const equal = weights.every((w) => w === 1);
  const why = c.subScores
    ? h(
        "section",
        { class: "debrief__why-scores", "aria-labelledby": `chair-why-${round}` },
        h("h3", { id: `chair-why-${round}` }, t("debrief.chair.score", { dossier: dossier.title, option: optionText(ctrl, round, c.adopted), score: score(c.publicInterest ?? 0) })),
        h(
          "ul",
          { class: "debrief__subscores" },
          c.subScores.map((s) => h("li", { "data-key": s.label }, h("span", { class: "debrief__subscore-label" }, s.label), scoreBar(s.value), h("span", { class: "debrief__reason" }, s.reason ?? ""))),
        ),
        c.subScores.some((s) => s.reason) ? null : h("p", { class: "debrief__note" }, t("debrief.chair.noReasons")),
      )
    : h("p", { class: "debrief__fact" }, t("debrief.outcomes.notDecided", { dossier: dossier.title }));
  const weigh = h(
    "section",
    { class: "debrief__weigh", "aria-labelledby": `chair-weigh-${round}`, "data-testid": "debrief-weigh" },
    h("h3", { id: `chair-weigh-${round}` }, t("debrief.chair.weights")),
    h("p", { class: "debrief__note" }, t("debrief.chair.weightsHint")),
    h(
      "div",
      { class: "debrief__sliders" },
      dossier.subScoreLabels.map((label, i) =>
        h(
          "label",
          { class: "debrief__slider", "data-key": `w${i}` },
          h("span", null, label),
          h("input", {
            type: "range",
            min: 0,
            max: 3,
            step: 1,
            value: weights[i] ?? 1,
            "aria-label": t("debrief.chair.weightLabel", { label }),
            "aria-valuetext": `×${weights[i] ?? 1}`,
            "data-testid": `weight-${i}`,
            oninput: (e: Event) => ctrl.setWeight(dossier.id, i, Number((e.currentTarget as HTMLInputElement).value)),
          }),
          h("span", { class: "debrief__weight" }, `×${weights[i] ?? 1}`),
        ),
      ),
    ),
    h(
      "ul",
      { class: "debrief__options", "aria-live": "polite" },
      scored.map((o) => {
        const value = weightedScore(o.subScores, weights);
        const isBest = bestIds.includes(o.id);
        return h(
          "li",
          { "data-key": o.id, class: isBest ? "debrief__option--best" : null, "data-testid": isBest ? "weigh-best" : null },
          h("span", { class: "debrief__option-id" }, o.id, o.id === c.adopted ? h("span", { class: "debrief__tag" }, ` ${t("debrief.chart.adopted")}`) : null),
          scoreBar(value, { best: isBest }),
          isBest ? h("span", { class: "debrief__tag debrief__tag--best" }, `◆ ${t("debrief.chart.best")}`) : null,
        );
      }),
    ),
    h("p", null, equal ? t("debrief.chair.equal") : t("debrief.chair.bestNow", { options: listWords(bestIds) })),
    equal ? null : h("button", { type: "button", class: "button button--secondary", onclick: () => ctrl.resetWeights(dossier.id) }, t("debrief.chair.reset")),
  );
  return columns(why, weigh, "even");
}

function cases(ctrl: DebriefController): Child {
  const roles = ctrl.view?.scenario.roles ?? [];
  return [
    h("p", { class: "debrief__fact" }, t("debrief.chair.casesLead")),
    h(
      "ul",
      { class: "debrief__cases" },
      roles.map((r) =>
        h("li", { "data-key": r.id, class: ctrl.mine?.role.id === r.id ? "debrief__mine-row" : null }, h("strong", null, `${roleMark(ctrl, r.id).symbol} ${r.short}`), " ", r.publicInterestCase ?? r.mandate),
      ),
    ),
  ];
}

// ---- what if we had voted ---------------------------------------------------------------------

/** A rule's column head: its name on the big screen, R1–R4 (named in a legend) on a phone. */
function ruleHead(ctrl: DebriefController, rule: DecisionRuleId): Child {
  return ctrl.audience === "student" ? h("abbr", { title: t(`debrief.vote.rule.${rule}`) }, rule) : t(`debrief.vote.rule.${rule}`);
}

function rules(ctrl: DebriefController, table: TableDebrief): Child {
  return [
    h(
      "table",
      { class: "debrief__table debrief__table--rules" },
      h("caption", null, t("debrief.vote.winners")),
      h("thead", null, h("tr", null, h("th", { scope: "col" }, t("debrief.vote.dossier")), h("th", { scope: "col" }, t("debrief.vote.actual")), RULES.map((r) => h("th", { scope: "col" }, ruleHead(ctrl, r))))),
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
    h("p", { class: "debrief__note" }, `◆ ${t("debrief.vote.differs")}`),
    ctrl.audience === "student" ? h("p", { class: "debrief__note" }, RULES.map((r) => `${r} ${t(`debrief.vote.rule.${r}`)}`).join(" · ")) : null,
  ];
}

function power(ctrl: DebriefController, debrief: Debrief): Child {
  const roles = ctrl.view?.scenario.roles ?? [];
  const table = ctrl.tables()[0]?.table ?? 0;
  return h(
    "table",
    { class: "debrief__table debrief__table--power" },
    h("caption", null, t("debrief.vote.power")),
    h("thead", null, h("tr", null, h("th", { scope: "col" }, t("debrief.vote.role")), RULES.map((r) => h("th", { scope: "col" }, ruleHead(ctrl, r))))),
    h(
      "tbody",
      null,
      roles.map((role) =>
        h(
          "tr",
          { "data-key": role.id, class: ctrl.isMine(table, role.id) ? "debrief__mine-row" : null },
          h("th", { scope: "row" }, `${roleMark(ctrl, role.id).symbol} ${role.short}`),
          RULES.map((r) => h("td", null, shareBar(debrief.power[r]?.banzhaf[role.id] ?? 0))),
        ),
      ),
    ),
  );
}

// ---- what really happened, tables compared ---------------------------------------------------

function history(ctrl: DebriefController, debrief: Debrief): Child {
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

function compared(ctrl: DebriefController, debrief: Debrief): Child {
  if (debrief.compared.length < 2) return h("p", { class: "debrief__empty" }, t("debrief.tables.single"));
  return h(
    "table",
    { class: "debrief__table" },
    h("caption", null, t("debrief.tables.title")),
    h(
      "thead",
      null,
      h("tr", null, [t("debrief.tables.table"), t("debrief.tables.rule"), t("debrief.tables.adopted"), t("debrief.tables.gap"), t("debrief.tables.marks"), t("debrief.tables.gini")].map((c) => h("th", { scope: "col" }, c))),
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
          h("td", null, score(c.totalCaptureGap)),
          h("td", null, String(c.marks.filter((id) => !ctrl.setAside[id]).length)),
          h("td", null, score(c.payoffGini)),
        ),
      ),
    ),
  );
}

// ---- the argument ------------------------------------------------------------------------------

/** The essay's claim in the scenario's own plain sentences, each term a tap away from the glossary, and its source. */
function claim(ctrl: DebriefController): Child {
  const scenario = ctrl.view?.scenario;
  if (!scenario) return null;
  const sentences = scenario.lesson?.argument ?? [];
  return h(
    "div",
    { class: "debrief__claim", "data-testid": "debrief-argument" },
    sentences.length ? sentences.map((s, i) => h("p", { "data-key": String(i) }, withTerms(s))) : h("p", null, t("debrief.argument.none", { source: scenario.source })),
    sentences.length ? h("p", { class: "debrief__source" }, t("debrief.argument.source", { source: scenario.source })) : null,
  );
}

// ---- talk about it ----------------------------------------------------------------------------

const QUESTIONS = ["q1", "q2", "q3"] as const;

export function questionsOf(card: DebriefCard): string[] {
  return QUESTIONS.map((q) => `debrief.${card}.${q}`)
    .filter(isMessageKey)
    .map((key) => t(key));
}

function questions(card: DebriefCard): Child {
  return h("ol", { class: "debrief__questions" }, questionsOf(card).map((q) => h("li", null, q)));
}

/** The evidence of one part of a card. */
export function partBody(ctrl: DebriefController, card: DebriefCard, part: Part, debrief: Debrief): Child {
  const table = ctrl.table(part.table);
  switch (part.kind) {
    case "questions":
      return questions(card);
    case "claim":
      return claim(ctrl);
    case "cases":
      return cases(ctrl);
    case "power":
      return power(ctrl, debrief);
    case "real":
      return history(ctrl, debrief);
    case "compare":
      return compared(ctrl, debrief);
  }
  if (!table) return null;
  switch (part.kind) {
    case "decisions":
      return decisions(ctrl, table);
    case "payoffs":
      return payoffs(ctrl, table);
    case "scores":
      return scores(ctrl, table);
    case "attendance":
      return attendance(ctrl, table);
    case "voice":
      return voice(ctrl, table);
    case "flow":
      return flow(ctrl, table);
    case "positions":
      return positions(ctrl, table, part.page);
    case "marks":
      return marks(ctrl, table, part.page);
    case "dossier":
      return card === "said" ? said(ctrl, table, part.round ?? 0) : chair(ctrl, table, part.round ?? 0);
    case "rules":
      return rules(ctrl, table);
  }
}
