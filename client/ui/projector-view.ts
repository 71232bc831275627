// Renders the big screen: only public information, sized for the back of the room and laid
// out to fit a 16:9 projector (1920×1080 or 1280×720) without scrolling. Its connection joins
// as "projector", so the server never sends it a secret to leak. Each phase shows what the
// room needs to look at: the join code, the question and options, who is coming, what is on
// the table and what was said, where everyone stands, what was adopted.
import type { MatchView, TableView } from "../../shared/rules/view.js";
import type { MatchSession } from "../ctrl/session.js";
import { currentDossier, optionTitle, roleById } from "../ctrl/selectors.js";
import { shortAddress } from "../ctrl/join-address.js";
import type { ProjectorController } from "../ctrl/projector-controller.js";
import { t } from "../text/catalog.js";
import { statementText } from "../ctrl/corridor-text.js";
import { ruleFactsOf, ruleLong } from "./rule-text.js";
import { renderDebrief } from "../debrief/debrief-view.js";
import { h, type Child, type VNode } from "./dom.js";
import { withTerms } from "./glossary.js";
import { connectionBanner, liveRegion, phaseBar, positionGroupsOf, roleBadge } from "./parts.js";
import { outcomeSection } from "./outcome-view.js";

/** Statements on the big screen: the newest few, each at most two lines. */
const STATEMENTS_SHOWN = 4;

/** The table canvas sits beside the phase panel while a one-table match runs. */
export function projectorShowsTable(view: MatchView | null): boolean {
  return view?.status === "running" && view.tables.length === 1;
}

export function renderProjectorTop(session: MatchSession): Child[] {
  const view = session.view;
  const code = session.connection.code;
  if (!view) return [connectionBanner(session), h("p", { class: "status" }, t("connection.connecting", { code })), liveRegion(session)];
  return [
    connectionBanner(session),
    h("h1", { class: "visually-hidden" }, t("projector.heading", { code })),
    view.status === "running" ? phaseBar(session, view, h("span", { class: "projector-code" }, t("projector.codeShort"), " ", h("strong", null, code)), { venue: false }) : null,
    liveRegion(session),
  ];
}

export function renderProjectorMain(ctrl: ProjectorController, qrDataUrl: string | null): Child[] {
  const session = ctrl.session;
  const view = session.view;
  if (!view) return [];
  if (view.status === "lobby") return lobby(ctrl, view, qrDataUrl);
  if (view.status === "ended") return ended(session);
  const news = ctrl.freshNews();
  const dossier = currentDossier(view);
  const newsLine = news ? h("p", { class: "projector-news", "data-testid": "projector-news" }, h("strong", null, t("projector.news")), " ", news.text) : null;
  switch (view.phase) {
    case "briefing":
      return [newsLine, dossier ? h("h2", { class: "projector-question" }, withTerms(dossier.question)) : null, optionsList(view), rulesLine(view), view.round === 0 ? h("p", { class: "projector-hint" }, t("projector.briefingHint")) : null];
    case "travel":
      return [newsLine, h("h2", { class: "projector-heading" }, t("projector.travelHeading", { city: dossier?.venue.city ?? "" })), view.tables.map((table) => travelBoard(view, table))];
    case "negotiation":
      return view.tables.length > 1
        ? [newsLine, dossier ? h("p", { class: "projector-question projector-question--small" }, dossier.question) : null, optionsLegend(view), view.tables.map((table) => compactNegotiationBoard(view, table))]
        : [newsLine, dossier ? h("p", { class: "projector-question projector-question--small" }, dossier.question) : null, negotiationBoard(view, view.tables[0]!)];
    case "decision":
      return view.tables.length > 1 ? [newsLine, optionsLegend(view), view.tables.map((table) => compactDecisionBoard(view, table))] : [newsLine, decisionBoard(view, view.tables[0]!)];
    case "outcome":
      return [outcomeSection(view, view.tables, null, { gains: view.tables.length === 1 })];
    default:
      return [];
  }
}

function lobby(ctrl: ProjectorController, view: MatchView, qrDataUrl: string | null): Child[] {
  const code = ctrl.session.connection.code;
  const players = view.players.filter((p) => p.present && p.kind === "human");
  const origin = ctrl.joinOrigin();
  return [
    h(
      "section",
      { class: "projector-join", "aria-labelledby": "projector-join-heading" },
      view.settings.classLabel ? h("p", { class: "projector-join__class" }, view.settings.classLabel) : null,
      h("h2", { id: "projector-join-heading", class: "projector-join__how" }, origin ? t("projector.join") : t("projector.joinCode")),
      origin ? h("p", { class: "projector-join__address", "data-testid": "projector-address" }, shortAddress(origin)) : null,
      origin ? h("p", { class: "projector-join__code-label" }, t("projector.withCode")) : null,
      h("p", { class: "join-code join-code--huge", "data-testid": "join-code" }, code),
      origin && qrDataUrl ? h("img", { class: "qr qr--big", src: qrDataUrl, alt: t("host.qr", { code }), width: 320, height: 320 }) : null,
      origin ? null : h("p", { class: "projector-join__missing", "data-testid": "no-address" }, t("projector.noAddress")),
    ),
    h(
      "section",
      { class: "projector-roster", "aria-labelledby": "projector-roster-heading" },
      h("h2", { id: "projector-roster-heading" }, t("projector.roster", { count: players.length })),
      players.length ? h("ul", { class: "chips", "data-count": players.length > 24 ? "many" : "few" }, players.map((p) => h("li", { "data-key": p.id, class: "chip" }, p.nickname))) : h("p", { class: "projector-hint" }, t("projector.nobodyYet")),
    ),
  ];
}

/**
 * How the tables decide, while the class reads: each rule in use named with its one line, and
 * with one table its example too (several tables keep to one line each, so the screen fits).
 */
function rulesLine(view: MatchView): VNode {
  const rules = [...new Set(view.tables.map((table) => table.rule))];
  return h(
    "div",
    { class: "projector-rules", "data-testid": "projector-rules" },
    rules.map((rule) =>
      h("p", { "data-key": rule }, h("strong", null, t(`rule.short.${rule}`), ": "), t(`rule.explain.${rule}`), rules.length === 1 && view.tables.length === 1 ? [" ", h("em", null, t(`rule.example.${rule}`))] : null),
    ),
  );
}

/** After the end the big screen is the debrief, one part of a card at a time (the final scores are a part of its first card). */
function ended(session: MatchSession): Child[] {
  return [renderDebrief(session)];
}

function optionsList(view: MatchView): VNode | null {
  const dossier = currentDossier(view);
  if (!dossier) return null;
  return h(
    "ol",
    { class: "projector-options" },
    dossier.options.map((o) => h("li", { "data-key": o.id }, h("strong", null, o.id), " ", h("span", { class: "projector-options__title" }, o.title), h("span", { class: "projector-options__summary" }, o.summary))),
  );
}

function tableHeading(view: MatchView, table: TableView): VNode | null {
  return view.tables.length > 1 ? h("h3", { class: "projector-table__heading" }, t("host.tableLabel", { table: table.index + 1 }), " · ", t(`rule.short.${table.rule}`)) : null;
}

/** Who is coming in person, who takes part remotely, who has not chosen: public facts. */
function travelBoard(view: MatchView, table: TableView): VNode {
  const round = table.rounds[view.round];
  const group = (mode: "in-person" | "remote" | null) => view.scenario.roles.filter((r) => (round?.attendance[r.id]?.mode ?? null) === mode || (mode === null && round?.attendance[r.id] === undefined));
  const row = (label: string, roles: ReturnType<typeof group>, key: string) =>
    h("div", { class: "projector-travel__row", "data-key": key }, h("span", { class: "projector-travel__label" }, label), h("span", { class: "projector-travel__roles" }, roles.length ? roles.map((r) => h("span", { "data-key": r.id }, roleBadge(r))) : "—"));
  return h(
    "section",
    { class: "projector-table", "data-key": `travel-${table.index}` },
    tableHeading(view, table),
    row(t("projector.inPerson"), group("in-person"), "in"),
    row(t("projector.remote"), group("remote"), "remote"),
    row(t("projector.undecided"), group(null), "none"),
  );
}

function negotiationBoard(view: MatchView, table: TableView): VNode {
  const dossier = currentDossier(view);
  const round = table.rounds[view.round];
  const said = table.statements.filter((s) => s.round === view.round).slice(view.tables.length > 1 ? -1 : -STATEMENTS_SHOWN).reverse();
  return h(
    "section",
    { class: "projector-table", "data-key": `negotiation-${table.index}` },
    tableHeading(view, table),
    h("h3", { class: "projector-sub" }, t("negotiation.tabled")),
    (round?.tabled ?? []).length
      ? h("ul", { class: "projector-tabled" }, (round?.tabled ?? []).map((x) => h("li", { "data-key": x.option }, h("strong", null, x.option), " ", optionTitle(dossier, x.option), h("span", { class: "projector-tabled__by" }, t("projector.tabledBy", { role: roleById(view, x.by)?.short ?? x.by })))))
      : h("p", { class: "projector-hint" }, t("table.nothingTabled")),
    h("h3", { class: "projector-sub" }, t("negotiation.statements")),
    said.length
      ? h(
          "ol",
          { class: "projector-said" },
          said.map((s) => h("li", { "data-key": s.id }, roleBadge(roleById(view, s.role)), s.kind === "remote" ? h("span", { class: "projector-said__mark" }, t("negotiation.remoteMark")) : null, h("span", { class: "projector-said__text" }, statementText(view, s)))),
        )
      : h("p", { class: "projector-hint" }, t("negotiation.noStatements")),
  );
}

/** With several tables the options are named once, above the tables. */
function optionsLegend(view: MatchView): VNode | null {
  const dossier = currentDossier(view);
  if (!dossier) return null;
  return h("ul", { class: "projector-legend" }, dossier.options.map((o) => h("li", { "data-key": o.id }, h("strong", null, o.id), " ", o.title)));
}

/** One table of several: what is on it (by option letter) and the latest thing said. */
function compactNegotiationBoard(view: MatchView, table: TableView): VNode {
  const round = table.rounds[view.round];
  const last = table.statements.filter((s) => s.round === view.round).at(-1);
  return h(
    "section",
    { class: "projector-table projector-table--compact", "data-key": `negotiation-${table.index}` },
    tableHeading(view, table),
    h(
      "p",
      { class: "projector-tabled-line" },
      h("span", { class: "projector-sub" }, t("negotiation.tabled"), ": "),
      (round?.tabled ?? []).length ? (round?.tabled ?? []).map((x) => h("span", { "data-key": x.option, class: "option-chip" }, x.option)) : t("table.nothingTabled"),
    ),
    last
      ? h("p", { class: "projector-said projector-said--one" }, roleBadge(roleById(view, last.role)), " ", h("span", { class: "projector-said__text" }, statementText(view, last)))
      : h("p", { class: "projector-hint" }, t("negotiation.noStatements")),
  );
}

/** One table of several: each tabled option with how many support, can live with it, object. */
function compactDecisionBoard(view: MatchView, table: TableView): VNode {
  const round = table.rounds[view.round];
  const count = (option: string, stance: string) => Object.values(round?.positions ?? {}).filter((p) => p[option] === stance).length;
  return h(
    "section",
    { class: "projector-table projector-table--compact", "data-key": `decision-${table.index}` },
    tableHeading(view, table),
    (round?.tabled ?? []).length
      ? h(
          "ul",
          { class: "projector-counts" },
          (round?.tabled ?? []).map(({ option }) =>
            h("li", { "data-key": option }, h("span", { class: "option-chip" }, option), " ", t("projector.counts", { support: count(option, "support"), live: count(option, "live"), object: count(option, "object") })),
          ),
        )
      : h("p", { class: "projector-hint" }, t("decision.nothing")),
  );
}

function decisionBoard(view: MatchView, table: TableView): VNode {
  const dossier = currentDossier(view);
  const round = table.rounds[view.round];
  return h(
    "section",
    { class: "projector-table", "data-key": `decision-${table.index}` },
    tableHeading(view, table),
    view.tables.length === 1 ? h("p", { class: "projector-rule" }, t("decision.rule", { rule: ruleLong(table.rule, ruleFactsOf(view.scenario)) })) : null,
    (round?.tabled ?? []).length
      ? h("ul", { class: "projector-positions" }, (round?.tabled ?? []).map(({ option }) => h("li", { "data-key": option }, h("strong", null, option), " ", optionTitle(dossier, option), positionGroupsOf(view, round?.positions ?? {}, option))))
      : h("p", { class: "projector-hint" }, t("decision.nothing")),
  );
}
