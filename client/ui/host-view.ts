// Renders the teacher's dashboard from the HostController. Assume the laptop is mirrored on
// the projector: the default page holds nothing private (no payoff, corridor text, sponsor or
// note); those sit behind "Show teacher-only details", which hides itself again. The top bar
// runs the clock; the main column shows the class's progress in this phase; the side column
// holds how to join, news, the teacher key and the teacher-only details.
import type { MatchView } from "../../shared/rules/view.js";
import { LIMITS } from "../../shared/rules/commands.js";
import type { HostController } from "../ctrl/host-controller.js";
import { shortAddress } from "../ctrl/join-address.js";
import { roleById } from "../ctrl/selectors.js";
import { t } from "../text/catalog.js";
import { renderDebrief } from "../debrief/debrief-view.js";
import { h, type Child, type VNode } from "./dom.js";
import { actionForm, button, connectionBanner, errorFor, field, liveRegion, phaseBar, roleBadge, scoresTable } from "./parts.js";
import { outcomeSection } from "./outcome-view.js";
import { progressPanel } from "./host-progress.js";
import { teacherKeyPanel, teacherOnly } from "./host-secrets.js";

/** The sticky bar: which class, which phase, the clock and the controls that run it. */
export function renderHostTop(ctrl: HostController): Child[] {
  const session = ctrl.session;
  const view = ctrl.view;
  const code = ctrl.code;
  if (!view) return [connectionBanner(session), h("p", { class: "status" }, t("connection.connecting", { code })), liveRegion(session)];
  const label = view.settings.classLabel;
  return [
    connectionBanner(session),
    h(
      "header",
      { class: "host-bar" },
      h("h1", { class: "host-bar__title", tabindex: "-1" }, label ? t("host.headingClass", { label, code }) : t("host.heading", { code })),
      phaseBar(session, view, runControls(ctrl, view)),
    ),
    liveRegion(session),
  ];
}

export function renderHost(ctrl: HostController, qrDataUrl: string | null): Child[] {
  const view = ctrl.view;
  if (!view) return [];
  return [
    h(
      "div",
      { class: "host-grid" },
      h("div", { class: "host-grid__main" }, ...mainColumn(ctrl, view)),
      h("div", { class: "host-grid__side" }, joinPanel(ctrl, qrDataUrl), newsForm(ctrl, view), teacherOnly(ctrl, view), teacherKeyPanel(ctrl)),
    ),
  ];
}

/** Pause, one more minute, next phase, end: always in the top bar while the match runs. */
function runControls(ctrl: HostController, view: MatchView): VNode | null {
  if (view.status !== "running") return null;
  const session = ctrl.session;
  const paused = view.clock.pausedRemaining !== null;
  return h(
    "div",
    { class: "run-controls" },
    h(
      "div",
      { class: "button-row" },
      paused ? button(session, "clock", t("host.resume"), () => void ctrl.resume()) : button(session, "clock", t("host.pause"), () => void ctrl.pause()),
      button(session, "clock", t("host.extend"), () => void ctrl.extend(60)),
      button(session, "clock", t("host.skip"), () => void ctrl.skip(), { class: "button button--primary" }),
      button(session, "end", t("host.end"), () => void ctrl.end()),
    ),
    errorFor(session, "clock"),
    errorFor(session, "end"),
  );
}

function mainColumn(ctrl: HostController, view: MatchView): Child[] {
  const session = ctrl.session;
  if (view.status === "ended") {
    // After the end the teacher leads the debrief from here: it comes first.
    return [renderDebrief(session), h("div", { class: "score-grid", "data-key": "scores" }, view.tables.map((table) => scoresTable(view, table, null)))];
  }
  if (view.status === "lobby") {
    return [
      h(
        "section",
        { class: "card", "aria-labelledby": "lobby-heading" },
        h("h2", { id: "lobby-heading" }, t("host.lobbyHeading")),
        h("p", null, lobbySummary(view)),
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
      ),
      roster(ctrl, view),
    ];
  }
  return [
    h("p", { class: "purpose" }, t(`host.purpose.${view.phase}`)),
    view.tables.map((table) => progressPanel(ctrl, view, table)),
    view.phase === "outcome" ? outcomeSection(view, view.tables, null, { gains: view.tables.length === 1 }) : null,
    roster(ctrl, view),
  ];
}

function lobbySummary(view: MatchView): string {
  const people = view.players.filter((p) => p.present && p.kind === "human");
  const seated = people.filter((p) => p.role !== null).length;
  const seats = view.tables.length * view.scenario.roles.length;
  return t("host.lobbySummary", { joined: people.length, seated, seats });
}

/** Where students join: the address a phone can open, or plainly why there is none. */
function joinPanel(ctrl: HostController, qrDataUrl: string | null): VNode {
  const code = ctrl.code;
  const link = ctrl.joinLink();
  const info = ctrl.joinAddress;
  const origin = ctrl.joinOrigin();
  const choices = info && info !== "failed" && info.origin ? [info.origin, ...info.alternatives] : [];
  return h(
    "section",
    { class: "card join-panel", "aria-labelledby": "join-code-heading" },
    h("h2", { id: "join-code-heading" }, t("host.code")),
    h("p", { class: "join-code", "data-testid": "join-code" }, code),
    link && qrDataUrl ? h("img", { class: "qr", src: qrDataUrl, alt: t("host.qr", { code }), width: 200, height: 200 }) : null,
    link
      ? h("p", { class: "join-panel__link" }, t("host.link"), " ", h("a", { href: link, "data-testid": "join-link", target: "_blank", rel: "noopener" }, link))
      : info === null
        ? h("p", { class: "status" }, t("host.addressChecking"))
        : h(
            "div",
            { class: "banner banner--warning", role: "alert", "data-testid": "no-address" },
            h("p", null, h("strong", null, t("host.noAddress"))),
            h("p", null, t(info !== "failed" && info.problem === "loopback-only" ? "host.noAddress.loopback" : info === "failed" ? "host.noAddress.failed" : "host.noAddress.lan")),
          ),
    choices.length > 1 && origin
      ? field(
          "join-origin",
          t("host.addressChoice"),
          h("select", { onchange: (e: Event) => ctrl.chooseJoinOrigin((e.currentTarget as HTMLSelectElement).value) }, choices.map((c) => h("option", { value: c, selected: c === origin }, shortAddress(c)))),
        )
      : null,
    choices.length > 1 ? h("p", { class: "hint" }, t("host.addressChoiceHint")) : null,
    h(
      "p",
      { class: "button-row" },
      h("a", { href: ctrl.projectorLink(), target: "_blank", rel: "noopener", class: "button button--secondary", "data-testid": "projector-link" }, t("host.projector")),
      h("a", { href: `/print/${encodeURIComponent(code)}`, target: "_blank", rel: "noopener", class: "button button--secondary", "data-testid": "print-link" }, t("host.print")),
    ),
  );
}

function newsForm(ctrl: HostController, view: MatchView): VNode | null {
  if (view.status !== "running") return null;
  return actionForm(ctrl.session, "news", (data) => ctrl.pushNews(String(data.get("text") ?? "")), [
    h("h2", null, t("host.news")),
    h("p", { class: "hint" }, t("host.newsHint")),
    field("news-text", t("host.newsText"), h("input", { name: "text", type: "text", maxlength: LIMITS.news, autocomplete: "off" })),
    h("button", { type: "submit", class: "button button--secondary" }, t("host.newsSend")),
  ], "action-form card");
}

/** A long list, folded behind its summary once the match runs (the lobby shows it open). */
function folded(fold: boolean, content: VNode): VNode {
  return fold ? h("details", { class: "roster__all", "data-key": "roster-folded" }, h("summary", null, t("host.showPlayers")), content) : content;
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

/** Everyone who joined. Roles are dealt in the lobby; once the match runs they are locked. */
function roster(ctrl: HostController, view: MatchView): VNode {
  const session = ctrl.session;
  const players = view.players.filter((p) => p.present);
  const seats = seatOptions(view);
  const lobby = view.status === "lobby";
  const offline = players.filter((p) => p.kind === "human" && !ctrl.connected(p.id)).length;
  return h(
    "section",
    { class: "card", "aria-labelledby": "roster-heading" },
    h("h2", { id: "roster-heading" }, t("host.roster", { count: players.length })),
    offline ? h("p", { class: "hint", "data-testid": "offline-count" }, t("host.offlineCount", { count: offline })) : null,
    !lobby ? h("p", { class: "hint" }, t("host.rolesLocked")) : null,
    players.length === 0
      ? h("p", { class: "hint" }, t("host.noPlayers"))
      : folded(
          !lobby && players.length > 12,
            h(
            "div",
            { class: "scroll-x", "data-key": "roster-table" },
            h(
              "table",
              { class: "roster", "data-testid": "roster" },
              h(
                "thead",
                null,
                h("tr", null, h("th", { scope: "col" }, t("host.nickname")), h("th", { scope: "col" }, t("host.connection")), h("th", { scope: "col" }, t("host.role")), h("th", { scope: "col" }, h("span", { class: "visually-hidden" }, t("host.actions")))),
              ),
              h(
                "tbody",
                null,
                players.map((p) => {
                  const current = p.table !== null && p.role !== null ? `${p.table}/${p.role}` : "";
                  const online = p.kind === "bot" || ctrl.connected(p.id);
                  const role = roleById(view, p.role);
                  return h(
                    "tr",
                    { "data-key": p.id },
                    h("th", { scope: "row" }, p.nickname),
                    h("td", null, h("span", { class: online ? "presence presence--on" : "presence presence--off" }, p.kind === "bot" ? t("host.bot") : online ? t("host.online") : t("host.left"))),
                    h(
                      "td",
                      null,
                      lobby
                        ? h(
                            "select",
                            { "aria-label": t("host.assignFor", { nickname: p.nickname }), onchange: (e: Event) => void ctrl.assignRole(p.id, (e.currentTarget as HTMLSelectElement).value) },
                            seats.map((s) => h("option", { value: s.value, selected: s.value === current }, s.label)),
                          )
                        : h("span", { "data-testid": "locked-role" }, role ? [roleBadge(role), view.tables.length > 1 ? ` · ${t("host.tableLabel", { table: (p.table ?? 0) + 1 })}` : null] : t("host.noRole")),
                      errorFor(session, `assign-${p.id}`),
                    ),
                    h(
                      "td",
                      null,
                      p.kind === "human" ? button(session, `player-${p.id}`, p.muted ? t("host.unmute") : t("host.mute"), () => void ctrl.mutePlayer(p.id, !p.muted), { "aria-label": t(p.muted ? "host.unmuteLabel" : "host.muteLabel", { nickname: p.nickname }) }) : null,
                      " ",
                      button(session, `player-${p.id}`, t("host.removeShort"), () => void ctrl.removePlayer(p.id), { "aria-label": t("host.remove", { nickname: p.nickname }) }),
                      errorFor(session, `player-${p.id}`),
                    ),
                  );
                }),
              ),
            ),
          ),
        ),
  );
}
