// Renders a student's screen from the StudentController: the phase bar, the role card and
// briefing, then what this phase asks of them. Renders only; every action is a verb call.
import type { MatchView, PublicRole } from "../../shared/rules/view.js";
import { LIMITS } from "../../shared/rules/commands.js";
import type { StudentController } from "../ctrl/student-controller.js";
import { currentDossier, delegatesOf, optionTitle, roleById } from "../ctrl/selectors.js";
import { t } from "../text/catalog.js";
import { h, type Child, type VNode } from "./dom.js";
import { renderDebrief } from "../debrief/debrief-view.js";
import {
  actionForm,
  button,
  field,
  connectionBanner,
  describedBy,
  errorFor,
  liveRegion,
  outcomeSection,
  payoffWords,
  phaseBar,
  roleBadge,
  round1,
  scoresTable,
  statementsFeed,
  tabledList,
} from "./parts.js";

/** Which phases show the table drawn by Phaser above the controls. */
export function showsTable(view: MatchView | null): boolean {
  return view?.status === "running" && (view.phase === "negotiation" || view.phase === "decision");
}

export function renderStudentTop(ctrl: StudentController): Child[] {
  const view = ctrl.view;
  const session = ctrl.session;
  if (!view) return [connectionBanner(session), h("p", { class: "status" }, t("connection.connecting", { code: session.connection.code })), liveRegion(session)];
  const role = ctrl.role;
  const tokens = ctrl.tokens;
  return [
    connectionBanner(session),
    phaseBar(
      session,
      view,
      role
        ? h(
            "div",
            { class: "phase-bar__me" },
            roleBadge(role),
            tokens !== null ? h("span", { class: "tokens", "data-testid": "my-tokens" }, t("table.tokens", { tokens })) : null,
          )
        : null,
    ),
    liveRegion(session),
  ];
}

export function renderStudentMain(ctrl: StudentController): Child[] {
  const view = ctrl.view;
  if (!view) return [];
  const me = view.me;
  if (!me) return [h("p", null, t("lobby.spectator"))];
  if (view.status === "lobby") return lobby(ctrl, view);
  if (view.status === "ended") return ended(ctrl, view);
  const purpose = h("p", { class: "purpose" }, t(`phase.purpose.${view.phase}`));
  switch (view.phase) {
    case "briefing":
      return [purpose, roleCard(ctrl, view, true), offerSection(ctrl, view)];
    case "travel":
      return [purpose, travelSection(ctrl, view), offersForMe(ctrl, view), offerSection(ctrl, view), roleCard(ctrl, view, false)];
    case "negotiation":
      return [purpose, tabledList(view, ctrl.table), negotiationControls(ctrl, view), statementsFeed(view, ctrl.table), corridorThread(ctrl, view), roleCard(ctrl, view, false)];
    case "decision":
      return [purpose, decisionSection(ctrl, view), riderSection(ctrl, view), statementsFeed(view, ctrl.table), roleCard(ctrl, view, false)];
    case "outcome":
      return [outcomeSection(view, ctrl.table ? [ctrl.table] : [], me.role), myScore(ctrl, view), roleCard(ctrl, view, false)];
    default:
      return [purpose];
  }
}

function lobby(ctrl: StudentController, view: MatchView): Child[] {
  const role = ctrl.role;
  return [
    h("h1", { class: "screen-heading", tabindex: "-1" }, t("lobby.heading", { nickname: view.me?.nickname ?? "" })),
    h("p", { class: "purpose" }, role ? t("lobby.assigned", { role: role.name }) : t("lobby.waiting")),
    role ? roleCard(ctrl, view, true) : null,
  ];
}

function roleCard(ctrl: StudentController, view: MatchView, open: boolean): VNode | null {
  const role = ctrl.role;
  if (!role) return null;
  const briefing = view.briefing;
  const dossier = currentDossier(view) ?? view.scenario.dossiers[0];
  const ownPayoffs = dossier ? briefing?.payoffs[dossier.id] : undefined;
  const hidden = ownPayoffs ? Object.values(ownPayoffs).some((v) => v === null) : false;
  const all = dossier ? briefing?.allPayoffs[dossier.id] : undefined;
  const subScores = briefing?.subScores.filter((s) => s.dossier === dossier?.id) ?? [];
  const team = view.me?.table !== null && view.me?.table !== undefined ? delegatesOf(view, view.me.table, role.id).map((p) => p.nickname) : [];
  const body: Child[] = [
    h("div", { class: "role-card__who" }, h("span", { class: "role-card__label" }, t("role.you")), roleBadge(role, true), h("span", { class: "role-card__group" }, t(`role.group.${role.group}`))),
    h("p", null, role.card),
    h(
      "ul",
      { class: "facts" },
      h("li", null, t("role.income", { income: role.income })),
      h("li", null, role.canTravelAlone ? t("role.travel.alone") : t("role.travel.sponsor")),
      h("li", null, t("role.delegates", { count: role.maxDelegates })),
      team.length > 1 ? h("li", null, t("role.delegation", { names: team.join(", ") })) : null,
    ),
    h("h3", null, t("role.mandate")),
    h("p", null, role.mandate),
    briefing && briefing.notes.length
      ? h("div", { class: "private" }, h("h3", null, t("role.knowledge")), h("p", { class: "private__mark" }, t("briefing.private")), h("ul", null, briefing.notes.map((n) => h("li", null, n))))
      : null,
    h("h3", null, t("role.unknown")),
    h("p", null, hidden ? t("role.unknownText") : t("role.nothingHidden")),
    dossier && ownPayoffs
      ? h(
          "div",
          { class: "private" },
          h("h3", null, t("briefing.heading"), " — ", dossier.title),
          h(
            "table",
            { class: "payoffs" },
            h("thead", null, h("tr", null, h("th", { scope: "col" }, t("briefing.option")), h("th", { scope: "col" }, t("briefing.payoff")))),
            h(
              "tbody",
              null,
              dossier.options.map((o) => {
                const value = ownPayoffs[o.id];
                return h(
                  "tr",
                  { "data-key": o.id },
                  h("th", { scope: "row" }, h("strong", null, o.id), " ", o.title, h("span", { class: "option-summary" }, o.summary)),
                  h("td", { class: value === null || value === undefined ? "payoff payoff--unknown" : value > 0 ? "payoff payoff--good" : value < 0 ? "payoff payoff--bad" : "payoff" }, value === null || value === undefined ? t("briefing.hidden") : payoffWords(value)),
                );
              }),
            ),
          ),
          all ? allPayoffsTable(view, dossier.options.map((o) => o.id), all) : null,
          subScores.map((s) => h("p", { "data-key": s.label }, t("briefing.subScores", { label: s.label }), ": ", Object.entries(s.values).map(([o, v]) => `${o} ${v}`).join(", "))),
          hidden && view.status === "running" ? button(ctrl.session, "briefing", t("briefing.buy", { cost: view.scenario.briefingCost }), () => void ctrl.buyBriefing()) : null,
          errorFor(ctrl.session, "briefing"),
        )
      : null,
  ];
  return h("details", { class: "card role-card", open, "data-testid": "role-card" }, h("summary", null, h("h2", { class: "role-card__title" }, t("role.card"))), ...body);
}

function allPayoffsTable(view: MatchView, options: string[], all: Record<string, Record<string, number>>): VNode {
  return h(
    "div",
    { class: "scroll-x" },
    h(
      "table",
      { class: "payoffs payoffs--all" },
      h("caption", null, t("briefing.allPayoffs")),
      h("thead", null, h("tr", null, h("th", { scope: "col" }, t("score.role")), options.map((o) => h("th", { scope: "col" }, o)))),
      h(
        "tbody",
        null,
        view.scenario.roles.map((r) => h("tr", { "data-key": r.id }, h("th", { scope: "row" }, r.short), options.map((o) => h("td", null, String(all[o]?.[r.id] ?? ""))))),
      ),
    ),
  );
}

function travelSection(ctrl: StudentController, view: MatchView): VNode {
  const role = ctrl.role as PublicRole;
  const briefing = view.briefing;
  const attendance = ctrl.attendance;
  const dossier = currentDossier(view);
  const sponsor = attendance && "paidBy" in attendance && attendance.paidBy && attendance.paidBy !== role.id ? roleById(view, attendance.paidBy) : undefined;
  const delegateChoices = Array.from({ length: role.maxDelegates }, (_, i) => i + 1);
  return h(
    "section",
    { class: "card", "aria-labelledby": "travel-heading" },
    h("h2", { id: "travel-heading" }, t("travel.heading", { city: dossier?.venue.city ?? "" })),
    h("p", null, t("travel.cost", { cost: briefing?.travelCost ?? "?", tokens: ctrl.tokens ?? 0 })),
    h("p", { class: "travel-status", "data-testid": "travel-status" }, attendance ? t(`travel.status.${attendance.mode}`, { delegates: attendance.delegates }) : t("travel.status.none")),
    sponsor ? h("p", null, t("travel.paidBy", { sponsor: sponsor.name })) : null,
    actionForm(
      ctrl.session,
      "travel",
      (data) => ctrl.bookTravel("in-person", Number(data.get("delegates") ?? 1)),
      [
        role.maxDelegates > 1
          ? field("travel-delegates", t("travel.delegates"), h("select", { name: "delegates" }, delegateChoices.map((n) => h("option", { value: String(n) }, String(n)))))
          : null,
        h(
          "div",
          { class: "button-row" },
          h("button", { type: "submit", class: "button button--primary", "aria-describedby": describedBy(ctrl.session, "travel") }, t("travel.inPerson")),
          h("button", { type: "button", class: "button button--secondary", onclick: () => void ctrl.bookTravel("remote") }, t("travel.remote")),
        ),
      ],
    ),
  );
}

function offersForMe(ctrl: StudentController, view: MatchView): VNode {
  const role = ctrl.role as PublicRole;
  const dossier = currentDossier(view);
  const offers = (ctrl.table?.fellowships ?? []).filter((f) => f.to === role.id && f.round === view.round);
  return h(
    "section",
    { class: "card", "aria-labelledby": "offers-heading" },
    h("h2", { id: "offers-heading" }, t("travel.offers")),
    offers.length === 0
      ? h("p", { class: "hint" }, t("travel.noOffers"))
      : h(
          "ul",
          { class: "offers" },
          offers.map((f) => {
            const sponsor = roleById(view, f.from);
            const control = `offer-${f.id}`;
            return h(
              "li",
              { "data-key": f.id, class: "offer" },
              h("p", null, roleBadge(sponsor), " ", t("travel.offerFrom", { sponsor: sponsor?.name ?? f.from }), " — ", t(`offer.status.${f.status}`)),
              f.expects ? h("p", null, t("travel.expects", { option: `${f.expects} ${optionTitle(dossier, f.expects)}` })) : null,
              f.note ? h("p", null, t("travel.note", { note: f.note })) : null,
              f.status === "offered"
                ? h(
                    "div",
                    { class: "button-row" },
                    button(ctrl.session, control, t("travel.acceptShort"), () => void ctrl.acceptFellowship(f.id), { class: "button button--primary", "aria-label": t("travel.accept", { sponsor: sponsor?.name ?? f.from }) }),
                    button(ctrl.session, control, t("travel.declineShort"), () => void ctrl.declineFellowship(f.id), { "aria-label": t("travel.decline", { sponsor: sponsor?.name ?? f.from }) }),
                  )
                : null,
              errorFor(ctrl.session, control),
            );
          }),
        ),
  );
}

function offerSection(ctrl: StudentController, view: MatchView): VNode {
  const role = ctrl.role as PublicRole;
  const dossier = currentDossier(view);
  const mine = (ctrl.table?.fellowships ?? []).filter((f) => f.from === role.id && f.round === view.round);
  const others = view.scenario.roles.filter((r) => r.id !== role.id);
  return h(
    "details",
    { class: "card", open: role.canTravelAlone && (ctrl.tokens ?? 0) > 4 },
    h("summary", null, h("h2", { class: "summary-heading" }, t("travel.offerHeading"))),
    h("p", { class: "hint" }, t("travel.offerIntro")),
    actionForm(ctrl.session, "offer", (data) => ctrl.offerFellowship(String(data.get("to")), String(data.get("note") ?? ""), data.get("expects") ? String(data.get("expects")) : null, data.get("programme") === "on"), [
      field("offer-to", t("travel.offerTo"), h("select", { name: "to" }, others.map((r) => h("option", { value: r.id }, `${r.short} — ${r.name}`)))),
      field("offer-note", t("travel.offerNote"), h("input", { name: "note", type: "text", maxlength: LIMITS.note, autocomplete: "off" })),
      field(
        "offer-expects",
        t("travel.offerExpects"),
        h("select", { name: "expects" }, h("option", { value: "" }, t("travel.expectsNone")), (dossier?.options ?? []).map((o) => h("option", { value: o.id }, `${o.id} — ${o.title}`))),
      ),
      role.programmeSeats > 0 ? h("label", { class: "check" }, h("input", { type: "checkbox", name: "programme" }), " ", t("travel.programme")) : null,
      h("button", { type: "submit", class: "button button--primary", "aria-describedby": describedBy(ctrl.session, "offer") }, t("travel.offerSend")),
    ]),
    mine.length
      ? h(
          "div",
          null,
          h("h3", null, t("travel.myOffers")),
          h(
            "ul",
            { class: "offers" },
            mine.map((f) =>
              h(
                "li",
                { "data-key": f.id },
                t("travel.offerTo.status", { guest: roleById(view, f.to)?.name ?? f.to, status: t(`offer.status.${f.status}`) }),
                " ",
                f.status === "offered" ? button(ctrl.session, `offer-${f.id}`, t("travel.withdraw"), () => void ctrl.withdrawFellowship(f.id)) : null,
                errorFor(ctrl.session, `offer-${f.id}`),
              ),
            ),
          ),
        )
      : null,
  );
}

function negotiationControls(ctrl: StudentController, view: MatchView): Child[] {
  const role = ctrl.role as PublicRole;
  const attendance = ctrl.attendance;
  const dossier = currentDossier(view);
  const round = ctrl.round;
  const inRoom = attendance?.mode === "in-person";
  const remote = attendance?.mode === "remote";
  const used = round?.remoteCommentsUsed[role.id] ?? 0;
  const total = view.scenario.remoteCommentsPerRound;
  const roomRoles = view.scenario.roles.filter((r) => r.id !== role.id && round?.attendance[r.id]?.mode === "in-person");
  const untabled = (dossier?.options ?? []).filter((o) => !round?.tabled.some((x) => x.option === o.id));
  const speak: Child = inRoom
    ? actionForm(ctrl.session, "floor", (data) => ctrl.speak(String(data.get("text") ?? "")), [
        h("h2", null, t("negotiation.floor")),
        h("p", { class: "hint", id: "floor-hint" }, t("negotiation.floorHint")),
        h("label", { for: "floor-text" }, t("negotiation.messageLabel")),
        h("textarea", { id: "floor-text", name: "text", rows: 2, maxlength: LIMITS.statement, "aria-describedby": describedBy(ctrl.session, "floor") ?? "floor-hint" }),
        h("button", { type: "submit", class: "button button--primary" }, t("negotiation.floorSend")),
      ], "action-form card")
    : remote
      ? actionForm(ctrl.session, "remote", (data) => ctrl.comment(String(data.get("text") ?? "")), [
          h("h2", null, t("negotiation.remote")),
          h("p", { class: "hint", id: "remote-hint" }, t("negotiation.remoteHint", { left: Math.max(0, total - used), total })),
          h("label", { for: "remote-text" }, t("negotiation.commentLabel")),
          h("textarea", { id: "remote-text", name: "text", rows: 2, maxlength: LIMITS.remoteComment, "aria-describedby": describedBy(ctrl.session, "remote") ?? "remote-hint" }),
          h("button", { type: "submit", class: "button button--primary" }, t("negotiation.remoteSend")),
        ], "action-form card")
      : h("p", { class: "card" }, t("negotiation.notAttending"));
  return [
    speak,
    inRoom
      ? actionForm(ctrl.session, "table-option", (data) => ctrl.tableOption(String(data.get("option") ?? "")), [
          h("h2", null, t("negotiation.table")),
          field("table-option-choice", t("negotiation.tableOption"), h("select", { name: "option" }, untabled.map((o) => h("option", { value: o.id }, `${o.id} — ${o.title}`)))),
          h("button", { type: "submit", class: "button button--primary", "aria-describedby": describedBy(ctrl.session, "table-option") }, t("negotiation.tableSend")),
        ], "action-form card")
      : null,
    inRoom
      ? actionForm(ctrl.session, "corridor", (data) => ctrl.talkInCorridor(String(data.get("to") ?? ""), String(data.get("text") ?? "")), [
          h("h2", null, t("negotiation.corridor")),
          h("p", { class: "hint" }, t("negotiation.corridorHint")),
          field("corridor-to", t("negotiation.corridorTo"), h("select", { name: "to" }, roomRoles.map((r) => h("option", { value: r.id }, `${r.short} — ${r.name}`)))),
          field("corridor-text", t("negotiation.corridorText"), h("textarea", { name: "text", rows: 2, maxlength: LIMITS.corridor })),
          h("button", { type: "submit", class: "button button--primary", "aria-describedby": describedBy(ctrl.session, "corridor") }, t("negotiation.corridorSend")),
        ], "action-form card")
      : null,
    actionForm(ctrl.session, "grant", (data) => ctrl.giveGrant(String(data.get("to") ?? ""), Number(data.get("amount") ?? 0), String(data.get("note") ?? "")), [
      h("h2", null, t("negotiation.grant")),
      field("grant-to", t("negotiation.grantTo"), h("select", { name: "to" }, view.scenario.roles.filter((r) => r.id !== role.id).map((r) => h("option", { value: r.id }, `${r.short} — ${r.name}`)))),
      field("grant-amount", t("negotiation.grantAmount"), h("input", { name: "amount", type: "number", min: 1, step: 1, value: "1", inputmode: "numeric" })),
      field("grant-note", t("negotiation.grantNote"), h("input", { name: "note", type: "text", maxlength: LIMITS.note, autocomplete: "off" })),
      h("button", { type: "submit", class: "button button--primary", "aria-describedby": describedBy(ctrl.session, "grant") }, t("negotiation.grantSend")),
    ], "action-form card"),
    grantsList(ctrl, view),
  ];
}

function grantsList(ctrl: StudentController, view: MatchView): VNode | null {
  const grants = (ctrl.table?.grants ?? []).filter((g) => g.round === view.round);
  if (!grants.length) return null;
  return h(
    "section",
    { class: "card private" },
    h("h2", null, t("negotiation.grantsHeading")),
    h("ul", null, grants.map((g) => h("li", { "data-key": g.id }, t("negotiation.grantLine", { from: roleById(view, g.from)?.short ?? g.from, to: roleById(view, g.to)?.short ?? g.to, amount: g.amount }), g.note ? ` — “${g.note}”` : ""))),
  );
}

function corridorThread(ctrl: StudentController, view: MatchView): VNode {
  const role = ctrl.role as PublicRole;
  const messages = (ctrl.table?.corridor ?? []).filter((c) => c.round === view.round).slice(-20).reverse();
  return h(
    "section",
    { class: "card private", "aria-labelledby": "corridor-heading" },
    h("h2", { id: "corridor-heading" }, t("negotiation.corridor")),
    h("p", { class: "private__mark" }, t("briefing.private")),
    messages.length === 0
      ? h("p", { class: "hint" }, t("negotiation.noCorridor"))
      : h(
          "ol",
          { class: "feed__list" },
          messages.map((c) =>
            h(
              "li",
              { "data-key": c.id, class: "feed__item" },
              h("strong", null, t("negotiation.corridorFrom", { from: roleById(view, c.from)?.short ?? c.from, to: roleById(view, c.to)?.short ?? c.to })),
              " ",
              c.text,
              c.interceptedBy === role.id && c.from !== role.id && c.to !== role.id ? ` ${t("negotiation.intercepted")}` : "",
            ),
          ),
        ),
  );
}

const stances = ["support", "live", "object"] as const;

function decisionSection(ctrl: StudentController, view: MatchView): VNode {
  const role = ctrl.role as PublicRole;
  const dossier = currentDossier(view);
  const round = ctrl.round;
  const tabled = round?.tabled ?? [];
  const table = ctrl.table;
  return h(
    "section",
    { class: "card", "aria-labelledby": "decision-heading" },
    h("h2", { id: "decision-heading" }, t("decision.heading")),
    table ? h("p", null, t("decision.rule", { rule: t(`rule.${table.rule}`) })) : null,
    tabled.length === 0 ? h("p", null, t("decision.nothing")) : h("p", { class: "hint" }, t("decision.intro")),
    tabled.map(({ option }) => {
      const mine = round?.positions[role.id]?.[option];
      const control = `position-${option}`;
      return h(
        "fieldset",
        { "data-key": option, class: "stance", "aria-describedby": describedBy(ctrl.session, control) },
        h("legend", null, h("strong", null, option), " ", optionTitle(dossier, option)),
        h(
          "div",
          { class: "stance__choices" },
          stances.map((stance) =>
            h(
              "label",
              { class: `stance__choice stance__choice--${stance}` },
              h("input", { type: "radio", name: `stance-${option}`, value: stance, checked: ctrl.session.pending.has(control) ? undefined : mine === stance, onchange: () => void ctrl.declarePosition(option, stance) }),
              " ",
              t(`decision.${stance}`),
            ),
          ),
        ),
        positionsOf(view, round?.positions ?? {}, option),
        errorFor(ctrl.session, control),
      );
    }),
  );
}

/** Everyone's declared stance on one option: positions are public. */
export function positionsOf(view: MatchView, positions: Record<string, Record<string, string>>, option: string): VNode {
  const stated = view.scenario.roles.filter((r) => positions[r.id]?.[option]);
  return h(
    "p",
    { class: "positions" },
    stated.map((r) => h("span", { "data-key": r.id, class: `position position--${positions[r.id]?.[option]}` }, `${r.short}: ${t(`decision.${positions[r.id]?.[option] as "support"}`)}`)),
  );
}

function riderSection(ctrl: StudentController, view: MatchView): VNode | null {
  const role = ctrl.role as PublicRole;
  const rider = view.scenario.rider;
  const round = ctrl.round;
  if (!rider) return null;
  const pending = round?.rider;
  const owner = role.rider && view.settings.variants.lateInsertion && rider.owner === role.id;
  const drafter = round?.drafting.includes(role.id) ?? false;
  if (!owner && !pending) return null;
  return h(
    "section",
    { class: "card" },
    pending ? h("p", null, t("decision.riderPending", { role: roleById(view, pending.by)?.short ?? pending.by, title: rider.options.find((o) => o.id === pending.option)?.title ?? pending.option })) : null,
    pending && drafter && !pending.objectedBy ? button(ctrl.session, "rider-object", t("decision.riderObject"), () => void ctrl.objectToRider()) : null,
    errorFor(ctrl.session, "rider-object"),
    owner && !pending
      ? actionForm(ctrl.session, "rider", (data) => ctrl.insertRider(String(data.get("option") ?? "")), [
          h("h2", null, t("decision.rider")),
          field("rider-option", t("decision.riderOption"), h("select", { name: "option" }, rider.options.filter((o) => o.id !== rider.none).map((o) => h("option", { value: o.id }, o.title)))),
          h("button", { type: "submit", class: "button button--secondary" }, t("decision.riderSend")),
        ])
      : null,
  );
}

function myScore(ctrl: StudentController, view: MatchView): VNode | null {
  const role = ctrl.role;
  const score = ctrl.table?.scores.find((s) => s.role === role?.id);
  if (!score) return null;
  return h(
    "section",
    { class: "card score-card", "data-testid": "my-score" },
    h("h2", null, t("score.mine", { mandate: round1(score.mandate), standing: round1(score.standing) })),
    h("p", { class: "hint" }, t("score.explain")),
  );
}

function ended(ctrl: StudentController, view: MatchView): Child[] {
  const table = ctrl.table;
  return [
    h("h1", { class: "screen-heading", tabindex: "-1" }, t("ended.heading")),
    myScore(ctrl, view),
    renderDebrief(ctrl.session),
    table ? scoresTable(view, table, view.me?.role ?? null) : null,
  ];
}
