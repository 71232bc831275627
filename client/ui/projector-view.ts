// Renders the big screen: only public information, large enough for the back of the room.
// Its connection joins as "projector", so the server never sends it a secret to leak.
import type { MatchView } from "../../shared/rules/view.js";
import type { MatchSession } from "../ctrl/session.js";
import { currentDossier } from "../ctrl/selectors.js";
import { t } from "../text/catalog.js";
import { h, type Child } from "./dom.js";
import { connectionBanner, liveRegion, outcomeSection, phaseBar, scoresTable, statementsFeed, tabledList } from "./parts.js";
import { positionsOf } from "./student-view.js";
import { renderDebrief } from "../debrief/debrief-view.js";

export function projectorShowsTable(view: MatchView | null): boolean {
  return view?.status === "running" && view.phase !== "outcome";
}

export function renderProjectorTop(session: MatchSession): Child[] {
  const view = session.view;
  const code = session.connection.code;
  if (!view) return [connectionBanner(session), h("p", { class: "status" }, t("connection.connecting", { code })), liveRegion(session)];
  return [connectionBanner(session), h("h1", { class: "visually-hidden" }, t("projector.heading", { code })), phaseBar(session, view, view.status !== "lobby" ? h("span", { class: "projector-code" }, t("host.code"), " ", h("strong", null, code)) : null), liveRegion(session)];
}

export function renderProjectorMain(session: MatchSession, qrDataUrl: string | null, joinLink: string): Child[] {
  const view = session.view;
  if (!view) return [];
  const code = session.connection.code;
  if (view.status === "lobby") {
    const players = view.players.filter((p) => p.present && p.kind === "human");
    return [
      h(
        "section",
        { class: "projector-join" },
        h("p", { class: "projector-join__how" }, t("projector.join", { link: new URL(joinLink).host })),
        h("p", { class: "join-code join-code--huge", "data-testid": "join-code" }, code),
        qrDataUrl ? h("img", { class: "qr qr--big", src: qrDataUrl, alt: t("host.qr", { code }), width: 320, height: 320 }) : null,
        h("p", { class: "projector-join__link" }, joinLink),
      ),
      h("section", { class: "projector-roster" }, h("h2", null, t("projector.roster", { count: players.length })), h("ul", { class: "chips" }, players.map((p) => h("li", { "data-key": p.id, class: "chip" }, p.nickname)))),
    ];
  }
  // After the end the big screen shows the debrief card the teacher is on, then the scores.
  if (view.status === "ended") return [renderDebrief(session), h("h2", { class: "screen-heading" }, t("ended.heading")), h("div", { class: "score-grid" }, view.tables.map((table) => scoresTable(view, table, null)))];
  if (view.phase === "outcome") return [outcomeSection(view, view.tables, null)];
  const dossier = currentDossier(view);
  const latestNews = view.news.at(-1);
  return [
    dossier ? h("p", { class: "projector-question" }, dossier.question) : null,
    latestNews ? h("p", { class: "banner banner--news" }, t("projector.news"), ": ", latestNews.text) : null,
    view.tables.map((table) =>
      h(
        "div",
        { "data-key": `table-${table.index}`, class: "projector-table" },
        view.tables.length > 1 ? h("h2", null, t("host.tableLabel", { table: table.index + 1 }), " · ", t(`rule.short.${table.rule}`)) : h("p", null, t(`rule.${table.rule}`)),
        tabledList(view, table),
        view.phase === "decision" ? h("div", null, (table.rounds[view.round]?.tabled ?? []).map(({ option }) => h("div", { "data-key": option }, h("strong", null, option), positionsOf(view, table.rounds[view.round]?.positions ?? {}, option)))) : null,
        statementsFeed(view, table, 6),
      ),
    ),
  ];
}
