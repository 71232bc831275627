// Renders the teacher's dashboard from the HostController. Assume the laptop is mirrored on
// the projector: the default page holds nothing private (no payoff, corridor text, sponsor or
// note); those sit behind "Show teacher-only details", which hides itself again. The top bar
// runs the clock; the main column shows the class's progress in this phase; the side column
// holds how to join, news, the teacher key and the teacher-only details.
import type { MatchView, TableView } from "../../shared/rules/view.js";
import { LIMITS } from "../../shared/rules/commands.js";
import type { HostController } from "../ctrl/host-controller.js";
import { can } from "../ctrl/available.js";
import { shortAddress } from "../ctrl/join-address.js";
import { currentDossier, delegatesOf, optionTitle, roleById } from "../ctrl/selectors.js";
import { t } from "../text/catalog.js";
import { renderDebrief } from "../debrief/debrief-view.js";
import { h, type Child, type VNode } from "./dom.js";
import { actionForm, button, connectionBanner, errorFor, field, liveRegion, outcomeSection, phaseBar, positionsOf, roleBadge, scoresTable, statementsFeed } from "./parts.js";
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
    return [renderDebrief(session), h("div", { class: "score-grid" }, view.tables.map((table) => scoresTable(view, table, null))), roster(ctrl, view)];
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
    h("p", null, h("a", { href: ctrl.projectorLink(), target: "_blank", rel: "noopener", class: "button button--secondary", "data-testid": "projector-link" }, t("host.projector"))),
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

/** Who plays each role at a table, whether their device is there, and what they did this phase. */
function progressPanel(ctrl: HostController, view: MatchView, table: TableView): VNode {
  const round = table.rounds[view.round];
  const phase = view.phase;
  const done = view.scenario.roles.filter((r) => stepDone(view, table, r.id)).length;
  const counted = phase === "travel" || phase === "decision";
  return h(
    "section",
    { class: "card progress", "data-key": `table-${table.index}`, "aria-labelledby": `table-${table.index}-heading`, "data-testid": `progress-${table.index}` },
    h("h2", { id: `table-${table.index}-heading` }, view.tables.length > 1 ? [t("host.tableLabel", { table: table.index + 1 }), " · "] : null, t(`rule.short.${table.rule}`)),
    counted ? h("p", { class: "progress__count", "data-testid": `progress-count-${table.index}` }, t(`host.progress.${phase as "travel" | "decision"}`, { done, total: view.scenario.roles.length })) : null,
    h(
      "div",
      { class: "scroll-x" },
      h(
        "table",
        { class: "progress__table" },
        h("caption", { class: "visually-hidden" }, t("host.progressCaption")),
        h("thead", null, h("tr", null, h("th", { scope: "col" }, t("score.role")), h("th", { scope: "col" }, t("host.playedBy")), h("th", { scope: "col" }, t(`host.column.${phase}`)), h("th", { scope: "col" }, t("host.tokens")))),
        h(
          "tbody",
          null,
          view.scenario.roles.map((r) =>
            h(
              "tr",
              { "data-key": r.id, class: stepDone(view, table, r.id) ? "progress--done" : "" },
              h("th", { scope: "row" }, roleBadge(r)),
              h("td", null, playedBy(ctrl, view, table.index, r.id)),
              h("td", null, stepText(ctrl, view, table, r.id)),
              h("td", null, String(table.delegations[r.id]?.tokens ?? 0)),
            ),
          ),
        ),
      ),
    ),
    phase === "negotiation" || phase === "decision" ? tabledForTeacher(ctrl, view, table) : null,
    phase === "negotiation" || phase === "decision" ? statementsFeed(view, table, 5) : null,
    round && !round.tabled.length && phase === "decision" ? h("p", null, t("decision.nothing")) : null,
  );
}

/** Nicknames of a seat, each marked online, offline or bot. */
function playedBy(ctrl: HostController, view: MatchView, table: number, role: string): Child {
  const holders = delegatesOf(view, table, role);
  if (!holders.length) return h("span", { class: "presence presence--none" }, t("host.nobody"));
  return holders.map((p, i) => {
    const online = p.kind === "bot" || ctrl.connected(p.id);
    return h(
      "span",
      { "data-key": p.id, class: `presence ${online ? "presence--on" : "presence--off"}` },
      i ? ", " : null,
      p.nickname,
      " ",
      h("span", { class: "presence__mark" }, p.kind === "bot" ? t("host.botMark") : online ? t("host.onlineMark") : t("host.offlineMark")),
    );
  });
}

/** Whether a role has done this phase's step (chosen travel, declared on every tabled option). */
function stepDone(view: MatchView, table: TableView, role: string): boolean {
  const round = table.rounds[view.round];
  if (!round) return false;
  if (view.phase === "travel") return round.attendance[role] !== undefined && !round.attendance[role]?.defaulted;
  if (view.phase === "decision") return round.tabled.length > 0 && round.tabled.every((x) => round.positions[role]?.[x.option] !== undefined);
  return false;
}

function stepText(ctrl: HostController, view: MatchView, table: TableView, role: string): Child {
  const round = table.rounds[view.round];
  const attendance = round?.attendance[role];
  const mode = attendance ? t(attendance.mode === "in-person" ? "table.inRoom" : attendance.mode === "remote" ? "table.remote" : "table.absent") : null;
  switch (view.phase) {
    case "briefing":
      return delegatesOf(view, table.index, role).length ? t("host.step.reading") : t("host.step.empty");
    case "travel":
      return attendance && !attendance.defaulted ? h("span", { class: "step step--done" }, "✓ ", mode) : h("span", { class: "step step--waiting" }, t("host.step.notYet"));
    case "negotiation": {
      const said = table.statements.filter((s) => s.round === view.round && s.role === role).length;
      const drafting = round?.drafting.includes(role) ?? false;
      return [mode ?? "—", said ? ` · ${t("host.step.said", { count: said })}` : null, drafting ? ` · ${t("host.drafting")}` : null, drafterButton(ctrl, view, table.index, role)];
    }
    case "decision": {
      const tabled = round?.tabled ?? [];
      const declared = tabled.filter((x) => round?.positions[role]?.[x.option] !== undefined).length;
      return [
        tabled.length ? h("span", { class: declared === tabled.length ? "step step--done" : "step step--waiting" }, t("host.step.declared", { declared, total: tabled.length })) : mode ?? "—",
        round?.drafting.includes(role) ? ` · ${t("host.drafting")}` : null,
        drafterButton(ctrl, view, table.index, role),
      ];
    }
    case "outcome": {
      const payoff = round?.adoptedPayoffs?.[role];
      return payoff === undefined ? "—" : t("host.step.payoff", { payoff: payoff > 0 ? `+${payoff}` : String(payoff) });
    }
    default:
      return "—";
  }
}

function drafterButton(ctrl: HostController, view: MatchView, table: number, role: string): VNode | null {
  if (!can(view, "NameDrafter", `${table}/${role}`)) return null;
  const seated = view.tables.find((x) => x.index === table)?.rounds[view.round]?.drafting.includes(role) ?? false;
  const short = roleById(view, role)?.short ?? role;
  const control = `drafter-${table}-${role}`;
  return h(
    "span",
    { class: "drafter" },
    " ",
    button(ctrl.session, control, seated ? t("host.draftingUnseatShort") : t("host.draftingSeatShort"), () => void ctrl.nameDrafter(table, role, !seated), {
      class: "button button--secondary button--small",
      "aria-label": seated ? t("host.draftingUnseat", { role: short }) : t("host.draftingSeat", { role: short }),
    }),
    errorFor(ctrl.session, control),
  );
}

/** The options on the table with everyone's public stance, and the chair's consensus call. */
function tabledForTeacher(ctrl: HostController, view: MatchView, table: TableView): VNode {
  const dossier = currentDossier(view);
  const round = table.rounds[view.round];
  return h(
    "div",
    { class: "tabled" },
    h("h3", null, t("negotiation.tabled")),
    (round?.tabled ?? []).length === 0
      ? h("p", { class: "hint" }, t("table.nothingTabled"))
      : h(
          "ul",
          { class: "tabled__list" },
          (round?.tabled ?? []).map(({ option }) => {
            const control = `consensus-${table.index}-${option}`;
            return h(
              "li",
              { "data-key": option },
              h("strong", null, option),
              " ",
              optionTitle(dossier, option),
              positionsOf(view, round?.positions ?? {}, option),
              can(view, "CallConsensus", `${table.index}/${option}`)
                ? button(ctrl.session, control, t("host.consensusOn", { option, table: table.index + 1 }), () => void ctrl.callConsensus(table.index, option), { class: "button button--primary" })
                : null,
              errorFor(ctrl.session, control),
            );
          }),
        ),
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
      : h(
          "div",
          { class: "scroll-x" },
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
  );
}
