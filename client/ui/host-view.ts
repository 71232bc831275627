// Renders the teacher's dashboard from the HostController: the join code, QR and links, the
// roster, the run controls, every table, and a clearly marked teacher-only panel.
import type { MatchView, TableView } from "../../shared/rules/view.js";
import { LIMITS } from "../../shared/rules/commands.js";
import type { HostController } from "../ctrl/host-controller.js";
import { currentDossier, optionTitle, roleById } from "../ctrl/selectors.js";
import { t } from "../text/catalog.js";
import { h, type Child, type VNode } from "./dom.js";
import { actionForm, button, connectionBanner, errorFor, field, liveRegion, outcomeSection, phaseBar, roleBadge, scoresTable, statementsFeed } from "./parts.js";
import { positionsOf } from "./student-view.js";
import { renderDebrief } from "../debrief/debrief-view.js";

export function renderHost(ctrl: HostController, qrDataUrl: string | null): Child[] {
  const session = ctrl.session;
  const view = ctrl.view;
  const code = session.connection.code;
  if (!view) return [connectionBanner(session), h("p", { class: "status" }, t("connection.connecting", { code })), liveRegion(session)];
  return [
    connectionBanner(session),
    h("h1", { class: "screen-heading", tabindex: "-1" }, t("host.heading", { code })),
    phaseBar(session, view),
    liveRegion(session),
    h("div", { class: "host-grid" }, h("div", { class: "host-grid__main" }, ...mainColumn(ctrl, view)), h("div", { class: "host-grid__side" }, joinPanel(ctrl, code, qrDataUrl), teacherOnly(view))),
  ];
}

function mainColumn(ctrl: HostController, view: MatchView): Child[] {
  const session = ctrl.session;
  const running = view.status === "running";
  return [
    // After the end the teacher leads the debrief from here: it comes first.
    view.status === "ended" ? renderDebrief(session) : null,
    view.status === "lobby"
      ? h(
          "section",
          { class: "card" },
          h(
            "div",
            { class: "button-row" },
            button(session, "assign-auto", t("host.assignAuto"), () => void ctrl.assignAutomatically()),
            button(session, "bots", t("host.fillBots"), () => void ctrl.fillWithBots()),
            button(session, "start", t("host.start"), () => void ctrl.start(), { class: "button button--primary" }),
          ),
          errorFor(session, "assign-auto"),
          errorFor(session, "bots"),
          errorFor(session, "start"),
        )
      : null,
    running
      ? h(
          "section",
          { class: "card", "aria-labelledby": "clock-heading" },
          h("h2", { id: "clock-heading" }, t("host.clock")),
          h(
            "div",
            { class: "button-row" },
            view.clock.pausedRemaining !== null ? button(session, "clock", t("host.resume"), () => void ctrl.resume()) : button(session, "clock", t("host.pause"), () => void ctrl.pause()),
            button(session, "clock", t("host.extend"), () => void ctrl.extend(60)),
            button(session, "clock", t("host.skip"), () => void ctrl.skip(), { class: "button button--primary" }),
            button(session, "end", t("host.end"), () => void ctrl.end()),
          ),
          errorFor(session, "clock"),
          errorFor(session, "end"),
        )
      : null,
    running
      ? actionForm(session, "news", (data) => ctrl.pushNews(String(data.get("text") ?? "")), [
          h("h2", null, t("host.news")),
          field("news-text", t("host.newsText"), h("input", { name: "text", type: "text", maxlength: LIMITS.news, autocomplete: "off" })),
          h("button", { type: "submit", class: "button button--secondary" }, t("host.newsSend")),
        ], "action-form card")
      : null,
    roster(ctrl, view),
    view.status !== "lobby" ? view.tables.map((table) => tablePanel(ctrl, view, table)) : null,
    view.phase === "outcome" ? outcomeSection(view, view.tables, null) : null,
    view.status === "ended" ? view.tables.map((table) => scoresTable(view, table, null)) : null,
  ];
}

function joinPanel(ctrl: HostController, code: string, qrDataUrl: string | null): VNode {
  const link = ctrl.joinLink();
  return h(
    "section",
    { class: "card join-panel", "aria-labelledby": "join-code-heading" },
    h("h2", { id: "join-code-heading" }, t("host.code")),
    h("p", { class: "join-code", "data-testid": "join-code" }, code),
    qrDataUrl ? h("img", { class: "qr", src: qrDataUrl, alt: t("host.qr", { code }), width: 200, height: 200 }) : null,
    h("p", null, t("host.link"), ": ", h("a", { href: link, "data-testid": "join-link" }, link)),
    h("p", null, h("a", { href: ctrl.projectorLink(), target: "_blank", rel: "noopener", class: "button button--secondary", "data-testid": "projector-link" }, t("host.projector"))),
  );
}

function seatOptions(view: MatchView): { value: string; label: string }[] {
  const options = [{ value: "", label: t("host.noRole") }];
  for (const table of view.tables) {
    for (const role of view.scenario.roles) {
      options.push({ value: `${table.index}/${role.id}`, label: view.tables.length > 1 ? `${t("host.tableLabel", { table: table.index + 1 })} · ${role.short} — ${role.name}` : `${role.short} — ${role.name}` });
    }
  }
  return options;
}

function roster(ctrl: HostController, view: MatchView): VNode {
  const session = ctrl.session;
  const players = view.players.filter((p) => p.present);
  const seats = seatOptions(view);
  return h(
    "section",
    { class: "card", "aria-labelledby": "roster-heading" },
    h("h2", { id: "roster-heading" }, t("host.roster", { count: players.length })),
    players.length === 0
      ? h("p", { class: "hint" }, t("host.noPlayers"))
      : h(
          "div",
          { class: "scroll-x" },
          h(
            "table",
            { class: "roster", "data-testid": "roster" },
            h("thead", null, h("tr", null, h("th", { scope: "col" }, t("host.nickname")), h("th", { scope: "col" }, t("host.connection")), h("th", { scope: "col" }, t("host.role")), h("th", { scope: "col" }, h("span", { class: "visually-hidden" }, t("host.removeShort"))))),
            h(
              "tbody",
              null,
              players.map((p) => {
                const current = p.table !== null && p.role !== null ? `${p.table}/${p.role}` : "";
                const online = p.kind === "bot" || ctrl.connected(p.id);
                return h(
                  "tr",
                  { "data-key": p.id },
                  h("th", { scope: "row" }, p.nickname),
                  h("td", null, h("span", { class: online ? "presence presence--on" : "presence presence--off" }, p.kind === "bot" ? t("host.bot") : online ? `● ${t("host.online")}` : `○ ${t("host.left")}`)),
                  h(
                    "td",
                    null,
                    h(
                      "select",
                      { "aria-label": t("host.assignFor", { nickname: p.nickname }), onchange: (e: Event) => void ctrl.assignRole(p.id, (e.currentTarget as HTMLSelectElement).value) },
                      seats.map((s) => h("option", { value: s.value, selected: s.value === current }, s.label)),
                    ),
                    errorFor(session, `assign-${p.id}`),
                  ),
                  h(
                    "td",
                    null,
                    button(session, `player-${p.id}`, p.muted ? t("host.unmute") : t("host.mute"), () => void ctrl.mutePlayer(p.id, !p.muted)),
                    " ",
                    button(session, `player-${p.id}`, t("host.removeShort"), () => void ctrl.removePlayer(p.id), { "aria-label": t("host.remove", { nickname: p.nickname }) }),
                    errorFor(session, `player-${p.id}`),
                  ),
                );
              }),
            ),
          ),
        ),
  );
}

function tablePanel(ctrl: HostController, view: MatchView, table: TableView): VNode {
  const session = ctrl.session;
  const dossier = currentDossier(view);
  const round = table.rounds[view.round];
  const chairing = view.phase === "decision" && table.rule === "R1" && view.settings.chair === "teacher" && !round?.decision;
  const drafting = view.phase === "negotiation" || view.phase === "decision";
  return h(
    "section",
    { class: "card", "data-key": `table-${table.index}`, "aria-labelledby": `table-${table.index}-heading` },
    h("h2", { id: `table-${table.index}-heading` }, t("host.tableLabel", { table: table.index + 1 }), " · ", t(`rule.short.${table.rule}`)),
    h(
      "div",
      { class: "scroll-x" },
      h(
        "table",
        { class: "attendance" },
        h("caption", null, t("host.attendance")),
        h("tbody", null, view.scenario.roles.map((r) => {
          const a = round?.attendance[r.id];
          const seated = round?.drafting.includes(r.id) ?? false;
          return h(
            "tr",
            { "data-key": r.id },
            h("th", { scope: "row" }, roleBadge(r)),
            h("td", null, a ? t(a.mode === "in-person" ? "table.inRoom" : a.mode === "remote" ? "table.remote" : "table.absent") : "—"),
            h("td", null, t("table.tokens", { tokens: table.delegations[r.id]?.tokens ?? 0 })),
            h(
              "td",
              null,
              drafting && a?.mode === "in-person"
                ? button(session, `drafter-${table.index}-${r.id}`, seated ? t("host.draftingUnseat", { role: r.short }) : t("host.draftingSeat", { role: r.short }), () => void ctrl.nameDrafter(table.index, r.id, !seated))
                : seated ? t("host.drafting") : null,
              errorFor(session, `drafter-${table.index}-${r.id}`),
            ),
          );
        })),
      ),
    ),
    h(
      "ul",
      { class: "tabled__list" },
      (round?.tabled ?? []).map(({ option }) =>
        h(
          "li",
          { "data-key": option },
          h("strong", null, option), " ", optionTitle(dossier, option),
          positionsOf(view, round?.positions ?? {}, option),
          chairing ? button(session, `consensus-${table.index}-${option}`, t("host.consensusOn", { option, table: table.index + 1 }), () => void ctrl.callConsensus(table.index, option), { class: "button button--primary" }) : null,
          errorFor(session, `consensus-${table.index}-${option}`),
        ),
      ),
    ),
    statementsFeed(view, table, 8),
  );
}

/** Everything a projector must never show, on the teacher's own screen only, clearly marked. */
function teacherOnly(view: MatchView): VNode | null {
  if (view.status === "lobby") return null;
  const dossier = currentDossier(view);
  return h(
    "section",
    { class: "card teacher-only", "aria-labelledby": "teacher-only-heading" },
    h("h2", { id: "teacher-only-heading" }, t("host.teacherOnly")),
    dossier
      ? h(
          "div",
          { class: "scroll-x" },
          h(
            "table",
            { class: "payoffs payoffs--all" },
            h("caption", null, t("host.payoffs")),
            h("thead", null, h("tr", null, h("th", { scope: "col" }, t("score.role")), dossier.options.map((o) => h("th", { scope: "col", title: o.title }, o.id)))),
            h("tbody", null, view.scenario.roles.map((r) => h("tr", { "data-key": r.id }, h("th", { scope: "row" }, r.short), dossier.options.map((o) => h("td", null, String(o.payoffs?.[r.id] ?? "")))))),
          ),
        )
      : null,
    view.tables.map((table) =>
      h(
        "div",
        { "data-key": `secret-${table.index}` },
        view.tables.length > 1 ? h("h3", null, t("host.tableLabel", { table: table.index + 1 })) : null,
        h("h3", null, t("host.corridor")),
        h("ul", { class: "feed__list" }, table.corridor.filter((c) => c.round === view.round).slice(-15).reverse().map((c) => h("li", { "data-key": c.id }, h("strong", null, `${roleById(view, c.from)?.short ?? c.from} → ${roleById(view, c.to)?.short ?? c.to}: `), c.text))),
        h("h3", null, t("host.money")),
        h(
          "ul",
          null,
          table.fellowships.filter((f) => f.round === view.round).map((f) => h("li", { "data-key": f.id }, `${roleById(view, f.from)?.short} → ${roleById(view, f.to)?.short}: ${t(`offer.status.${f.status}`)}${f.expects ? ` (${f.expects})` : ""}`)),
          table.grants.filter((g) => g.round === view.round).map((g) => h("li", { "data-key": g.id }, t("negotiation.grantLine", { from: roleById(view, g.from)?.short ?? g.from, to: roleById(view, g.to)?.short ?? g.to, amount: g.amount }))),
        ),
      ),
    ),
  );
}
