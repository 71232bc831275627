// The actions of each phase on a student's screen: travel, fellowship offers, the four things
// to do in the negotiation (one open at a time), corridor talk, positions and the late clause.
// A control shows when the view's available actions (../ctrl/available.ts) say it can be used,
// or says why not when the reason is one the student can do something about.
import type { MatchView, PublicRole } from "../../shared/rules/view.js";
import { LIMITS } from "../../shared/rules/commands.js";
import type { NegotiationTab, StudentController } from "../ctrl/student-controller.js";
import { availability, can, openTargets, whyNot, type Action } from "../ctrl/available.js";
import { currentDossier, optionTitle, roleById } from "../ctrl/selectors.js";
import { t } from "../text/catalog.js";
import { ruleFactsOf, ruleLong } from "./rule-text.js";
import { h, type Child, type VNode } from "./dom.js";
import { actionForm, button, describedBy, errorFor, field, positionsOf, roleBadge } from "./parts.js";
import { corridorText, noteText } from "../ctrl/corridor-text.js";

/** Reasons a closed control still shows, because the student can act on them or should know. */
const SAY_WHY = new Set(["muted", "comments-used", "not-enough-tokens", "no-programme-seats"]);

function roleOption(view: MatchView, id: string): VNode {
  const role = roleById(view, id);
  return h("option", { value: id }, role ? `${role.short} — ${role.name}` : id);
}

export function travelSection(ctrl: StudentController, view: MatchView): VNode {
  const role = ctrl.role as PublicRole;
  const attendance = ctrl.attendance;
  const dossier = currentDossier(view);
  const cost = view.briefing?.travelCost ?? null;
  const sponsor = attendance?.paidBy && attendance.paidBy !== role.id ? roleById(view, attendance.paidBy) : undefined;
  const inPerson = availability(view, "BookTravel", "in-person");
  const remote = availability(view, "BookTravel", "remote");
  const delegateChoices = Array.from({ length: role.maxDelegates }, (_, i) => i + 1);
  const status = attendance ? t(`travel.status.${attendance.mode}`, { delegates: attendance.delegates }) : t("travel.status.none");
  return h(
    "section",
    { class: "card travel", "data-key": "travel", "aria-labelledby": "travel-heading" },
    h("h2", { id: "travel-heading" }, t("travel.heading", { city: dossier?.venue.city ?? "" })),
    cost !== null ? h("p", null, t("travel.cost", { cost, tokens: ctrl.tokens ?? 0 })) : null,
    h("p", { class: "travel-status", "data-testid": "travel-status" }, status),
    sponsor ? h("p", null, t("travel.paidBy", { sponsor: sponsor.name })) : null,
    inPerson.ok || remote.ok
      ? actionForm(ctrl.session, "travel", (data) => ctrl.bookTravel("in-person", Number(data.get("delegates") ?? 1)), [
          inPerson.ok && role.maxDelegates > 1
            ? field("travel-delegates", t("travel.delegates"), h("select", { name: "delegates" }, delegateChoices.map((n) => h("option", { value: String(n) }, String(n)))))
            : null,
          !inPerson.ok && inPerson.code === "cannot-travel-alone" ? h("p", { class: "hint" }, t("travel.needSponsor")) : null,
          !inPerson.ok && inPerson.code === "not-enough-tokens" ? h("p", { class: "hint" }, whyNot(view, "BookTravel", "in-person")) : null,
          h(
            "div",
            { class: "button-row" },
            inPerson.ok ? h("button", { type: "submit", class: "button button--primary", "aria-describedby": describedBy(ctrl.session, "travel") }, t("travel.inPerson")) : null,
            remote.ok ? h("button", { type: "button", class: inPerson.ok ? "button button--secondary" : "button button--primary", onclick: () => void ctrl.bookTravel("remote") }, t("travel.remote")) : null,
          ),
        ])
      : errorFor(ctrl.session, "travel"),
  );
}

/** Offers to pay this student's trip, with Accept and Decline while they can be answered. */
export function offersForMe(ctrl: StudentController, view: MatchView): VNode | null {
  const role = ctrl.role as PublicRole;
  const dossier = currentDossier(view);
  const offers = (ctrl.table?.fellowships ?? []).filter((f) => f.to === role.id && f.round === view.round);
  // Someone who cannot pay alone needs to know that offers will show up here.
  if (!offers.length && (role.canTravelAlone || view.phase !== "travel")) return null;
  const hard = view.settings.variants.fellowships === "hard";
  return h(
    "section",
    { class: "card", "data-key": "offers", "aria-labelledby": "offers-heading" },
    h("h2", { id: "offers-heading", tabindex: "-1" }, t("travel.offers")),
    offers.length === 0
      ? h("p", { class: "hint" }, t("travel.noOffers"))
      : h(
          "ul",
          { class: "offers" },
          offers.map((f) => {
            const sponsor = roleById(view, f.from);
            const control = `offer-${f.id}`;
            const accept = availability(view, "AcceptFellowship", f.id);
            const decline = can(view, "DeclineFellowship", f.id);
            return h(
              "li",
              { "data-key": f.id, class: `offer offer--${f.status}` },
              h("p", null, roleBadge(sponsor), " ", t("travel.offerFrom", { sponsor: sponsor?.name ?? f.from })),
              h("p", { class: "offer__status" }, t(`offer.status.${f.status}`)),
              hard && f.expects ? h("p", null, t("travel.expects", { option: `${f.expects} ${optionTitle(dossier, f.expects)}` })) : null,
              f.note ? h("p", null, t("travel.note", { note: noteText(view, f) })) : null,
              f.status === "offered" && !accept.ok && accept.code === "already-attending" ? h("p", { class: "hint" }, t("travel.alreadyGoing")) : null,
              f.status === "offered" && (accept.ok || decline)
                ? h(
                    "div",
                    { class: "button-row" },
                    accept.ok ? button(ctrl.session, control, t("travel.acceptShort"), () => void ctrl.acceptFellowship(f.id), { class: "button button--primary", "aria-label": t("travel.accept", { sponsor: sponsor?.name ?? f.from }) }) : null,
                    decline ? button(ctrl.session, control, t("travel.declineShort"), () => void ctrl.declineFellowship(f.id), { "aria-label": t("travel.decline", { sponsor: sponsor?.name ?? f.from }) }) : null,
                  )
                : null,
              errorFor(ctrl.session, control),
            );
          }),
        ),
  );
}

/** Paying another delegation's trip: folded unless this role is rich enough to think of it. */
export function offerSection(ctrl: StudentController, view: MatchView): VNode | null {
  const role = ctrl.role as PublicRole;
  const dossier = currentDossier(view);
  const mine = (ctrl.table?.fellowships ?? []).filter((f) => f.from === role.id && f.round === view.round);
  const targets = openTargets(view, "OfferFellowship");
  const paid = targets.filter((id) => !id.includes("/"));
  const programme = targets.filter((id) => id.endsWith("/programme")).map((id) => id.slice(0, -"/programme".length));
  const guests = [...new Set([...paid, ...programme])];
  if (!guests.length && !mine.length) return null;
  const hard = view.settings.variants.fellowships === "hard";
  return h(
    "details",
    { class: "card", "data-key": "offer-section", open: role.canTravelAlone && (ctrl.tokens ?? 0) > 4 },
    h("summary", null, h("h2", { class: "summary-heading" }, t("travel.offerHeading"))),
    guests.length
      ? [
          h("p", { class: "hint" }, t(hard ? "travel.offerIntroHard" : "travel.offerIntro")),
          actionForm(ctrl.session, "offer", (data) => ctrl.offerFellowship(String(data.get("to")), String(data.get("note") ?? ""), hard && data.get("expects") ? String(data.get("expects")) : null, data.get("programme") === "on"), [
            field("offer-to", t("travel.offerTo"), h("select", { name: "to" }, guests.map((id) => roleOption(view, id)))),
            field("offer-note", t("travel.offerNote"), h("input", { name: "note", type: "text", maxlength: LIMITS.note, autocomplete: "off" })),
            hard ? field("offer-expects", t("travel.offerExpects"), h("select", { name: "expects" }, (dossier?.options ?? []).map((o) => h("option", { value: o.id }, `${o.id} — ${o.title}`)))) : null,
            programme.length ? h("label", { class: "check" }, h("input", { type: "checkbox", name: "programme", checked: !paid.length }), " ", t("travel.programme")) : null,
            h("button", { type: "submit", class: "button button--primary", "aria-describedby": describedBy(ctrl.session, "offer") }, t("travel.offerSend")),
          ]),
        ]
      : h("p", { class: "hint" }, whyNot(view, "OfferFellowship")),
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
                can(view, "WithdrawFellowship", f.id) ? button(ctrl.session, `offer-${f.id}`, t("travel.withdraw"), () => void ctrl.withdrawFellowship(f.id)) : null,
                errorFor(ctrl.session, `offer-${f.id}`),
              ),
            ),
          ),
        )
      : null,
  );
}

interface Tab {
  id: NegotiationTab;
  label: string;
  action: Action;
}

/** The negotiation's tabs this student can use now (or should see the reason for). */
function tabsOf(view: MatchView): Tab[] {
  const comment = availability(view, "PostRemoteComment");
  const remote = comment.ok || SAY_WHY.has(comment.code);
  const all: Tab[] = [
    remote ? { id: "speak", label: t("negotiation.tab.comment"), action: "PostRemoteComment" } : { id: "speak", label: t("negotiation.tab.speak"), action: "MakeStatement" },
    { id: "corridor", label: t("negotiation.tab.corridor"), action: "SendCorridorMessage" },
    { id: "table", label: t("negotiation.tab.table"), action: "TableOption" },
    { id: "grant", label: t("negotiation.tab.grant"), action: "GiveGrant" },
  ];
  return all.filter((tab) => {
    const verdict = availability(view, tab.action);
    return verdict.ok || SAY_WHY.has(verdict.code);
  });
}

export function negotiationActions(ctrl: StudentController, view: MatchView): VNode {
  const tabs = tabsOf(view);
  if (!tabs.length) return h("p", { class: "card", "data-key": "negotiate" }, whyNot(view, "MakeStatement") ?? t("negotiation.notAttending"));
  const active = tabs.find((tab) => tab.id === ctrl.tab) ?? tabs[0]!;
  return h(
    "section",
    { class: "card negotiate", "data-key": "negotiate", "aria-labelledby": "negotiate-heading" },
    h("h2", { id: "negotiate-heading", class: "visually-hidden" }, t("negotiation.what")),
    h(
      "div",
      { class: "tabs", role: "group", "aria-label": t("negotiation.what") },
      tabs.map((tab) =>
        h("button", { type: "button", class: "tabs__tab", "data-key": tab.id, "aria-pressed": String(tab.id === active.id), onclick: () => ctrl.openTab(tab.id) }, tab.label),
      ),
    ),
    h("div", { class: "tabs__panel", "data-key": `panel-${active.id}` }, tabPanel(ctrl, view, active)),
  );
}

function tabPanel(ctrl: StudentController, view: MatchView, tab: Tab): Child {
  const verdict = availability(view, tab.action);
  if (!verdict.ok) return h("p", { class: "hint", role: "status" }, whyNot(view, tab.action));
  const role = ctrl.role as PublicRole;
  switch (tab.id) {
    case "speak":
      return tab.action === "MakeStatement"
        ? actionForm(ctrl.session, "floor", (data) => ctrl.speak(String(data.get("text") ?? "")), [
            h("p", { class: "hint", id: "floor-hint" }, t("negotiation.floorHint")),
            h("label", { for: "floor-text" }, t("negotiation.messageLabel")),
            h("textarea", { id: "floor-text", name: "text", rows: 2, maxlength: LIMITS.statement, "aria-describedby": describedBy(ctrl.session, "floor") ?? "floor-hint" }),
            h("button", { type: "submit", class: "button button--primary" }, t("negotiation.floorSend")),
          ])
        : remoteForm(ctrl, view, role);
    case "corridor": {
      const to = openTargets(view, "SendCorridorMessage");
      return actionForm(ctrl.session, "corridor", (data) => ctrl.talkInCorridor(String(data.get("to") ?? ""), String(data.get("text") ?? "")), [
        h("p", { class: "hint" }, t("negotiation.corridorHint")),
        field("corridor-to", t("negotiation.corridorTo"), h("select", { name: "to", "data-key": `to-${ctrl.replyTo ?? ""}`, value: ctrl.replyTo ?? undefined }, to.map((id) => roleOption(view, id)))),
        field("corridor-text", t("negotiation.corridorText"), h("textarea", { name: "text", rows: 2, maxlength: LIMITS.corridor })),
        h("button", { type: "submit", class: "button button--primary", "aria-describedby": describedBy(ctrl.session, "corridor") }, t("negotiation.corridorSend")),
      ]);
    }
    case "table": {
      const dossier = currentDossier(view);
      return actionForm(ctrl.session, "table-option", (data) => ctrl.tableOption(String(data.get("option") ?? "")), [
        h("p", { class: "hint" }, t("negotiation.tableHint")),
        field("table-option-choice", t("negotiation.tableOption"), h("select", { name: "option" }, openTargets(view, "TableOption").map((id) => h("option", { value: id }, `${id} — ${optionTitle(dossier, id)}`)))),
        h("button", { type: "submit", class: "button button--primary", "aria-describedby": describedBy(ctrl.session, "table-option") }, t("negotiation.tableSend")),
      ]);
    }
    case "grant":
      return actionForm(ctrl.session, "grant", (data) => ctrl.giveGrant(String(data.get("to") ?? ""), Number(data.get("amount") ?? 0), String(data.get("note") ?? "")), [
        h("p", { class: "hint" }, t("negotiation.grantHint", { tokens: ctrl.tokens ?? 0 })),
        field("grant-to", t("negotiation.grantTo"), h("select", { name: "to" }, openTargets(view, "GiveGrant").map((id) => roleOption(view, id)))),
        field("grant-amount", t("negotiation.grantAmount"), h("input", { name: "amount", type: "number", min: 1, step: 1, value: "1", inputmode: "numeric" })),
        field("grant-note", t("negotiation.grantNote"), h("input", { name: "note", type: "text", maxlength: LIMITS.note, autocomplete: "off" })),
        h("button", { type: "submit", class: "button button--primary", "aria-describedby": describedBy(ctrl.session, "grant") }, t("negotiation.grantSend")),
      ]);
  }
}

function remoteForm(ctrl: StudentController, view: MatchView, role: PublicRole): VNode {
  const used = ctrl.round?.remoteCommentsUsed[role.id] ?? 0;
  const total = view.scenario.remoteCommentsPerRound;
  return actionForm(ctrl.session, "remote", (data) => ctrl.comment(String(data.get("text") ?? "")), [
    h("p", { class: "hint", id: "remote-hint" }, t("negotiation.remoteHint", { left: Math.max(0, total - used), total })),
    h("label", { for: "remote-text" }, t("negotiation.commentLabel")),
    h("textarea", { id: "remote-text", name: "text", rows: 2, maxlength: LIMITS.remoteComment, "aria-describedby": describedBy(ctrl.session, "remote") ?? "remote-hint" }),
    h("button", { type: "submit", class: "button button--primary" }, t("negotiation.remoteSend")),
  ]);
}

export function grantsList(ctrl: StudentController, view: MatchView): VNode | null {
  const grants = (ctrl.table?.grants ?? []).filter((g) => g.round === view.round);
  if (!grants.length) return null;
  return h(
    "section",
    { class: "card private", "data-key": "grants", "aria-labelledby": "grants-heading" },
    h("h2", { id: "grants-heading" }, t("negotiation.grantsHeading")),
    h("ul", null, grants.map((g) => h("li", { "data-key": g.id }, t("negotiation.grantLine", { from: roleById(view, g.from)?.short ?? g.from, to: roleById(view, g.to)?.short ?? g.to, amount: g.amount }), g.note ? ` — “${noteText(view, g)}”` : ""))),
  );
}

/** Private talk this round, newest first; the thread marks itself read when it is on screen. */
export function corridorThread(ctrl: StudentController, view: MatchView): VNode {
  const role = ctrl.role as PublicRole;
  const messages = (ctrl.table?.corridor ?? []).filter((c) => c.round === view.round).slice(-20).reverse();
  return h(
    "section",
    { class: "card private corridor", "data-key": "corridor", "aria-labelledby": "corridor-heading", "data-observe": "corridor" },
    h("h2", { id: "corridor-heading", tabindex: "-1" }, t("negotiation.corridorThread")),
    h("p", { class: "private__mark" }, t("briefing.private")),
    messages.length === 0
      ? h("p", { class: "hint" }, t("negotiation.noCorridor"))
      : h(
          "ol",
          { class: "feed__list" },
          messages.map((c) =>
            h(
              "li",
              { "data-key": c.id, class: `feed__item ${c.from === role.id ? "feed__item--mine" : ""}` },
              h("strong", null, t("negotiation.corridorFrom", { from: roleById(view, c.from)?.short ?? c.from, to: roleById(view, c.to)?.short ?? c.to })),
              " ",
              h("span", { class: "feed__text" }, corridorText(view, c)),
              c.interceptedBy === role.id && c.from !== role.id && c.to !== role.id ? ` ${t("negotiation.intercepted")}` : "",
            ),
          ),
        ),
  );
}

const stances = ["support", "live", "object"] as const;

export function decisionSection(ctrl: StudentController, view: MatchView): VNode {
  const role = ctrl.role as PublicRole;
  const dossier = currentDossier(view);
  const round = ctrl.round;
  const tabled = round?.tabled ?? [];
  const table = ctrl.table;
  const declare = availability(view, "DeclarePosition");
  return h(
    "section",
    { class: "card", "data-key": "decision", "aria-labelledby": "decision-heading" },
    h("h2", { id: "decision-heading" }, t("decision.heading")),
    table ? h("p", null, t("decision.rule", { rule: ruleLong(table.rule, ruleFactsOf(view.scenario)) })) : null,
    tabled.length === 0 ? h("p", null, t("decision.nothing")) : declare.ok ? h("p", { class: "hint" }, t("decision.intro")) : h("p", { class: "hint" }, whyNot(view, "DeclarePosition")),
    tabled.map(({ option }) => {
      const mine = round?.positions[role.id]?.[option];
      const control = `position-${option}`;
      const open = can(view, "DeclarePosition", option);
      return h(
        "fieldset",
        { "data-key": option, class: "stance", "aria-describedby": describedBy(ctrl.session, control), disabled: !open },
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

export function riderSection(ctrl: StudentController, view: MatchView): VNode | null {
  const rider = view.scenario.rider;
  const pending = ctrl.round?.rider;
  if (!rider) return null;
  const insert = openTargets(view, "InsertRider");
  const object = can(view, "ObjectToRider");
  if (!insert.length && !pending) return null;
  return h(
    "section",
    { class: "card", "data-key": "rider", "aria-labelledby": "rider-heading" },
    h("h2", { id: "rider-heading" }, t("decision.riderHeading")),
    pending ? h("p", null, t("decision.riderPending", { role: roleById(view, pending.by)?.short ?? pending.by, title: rider.options.find((o) => o.id === pending.option)?.title ?? pending.option })) : null,
    pending?.objectedBy ? h("p", null, t("decision.riderObjected", { role: roleById(view, pending.objectedBy)?.short ?? pending.objectedBy })) : null,
    object ? button(ctrl.session, "rider-object", t("decision.riderObject"), () => void ctrl.objectToRider(), { class: "button button--primary" }) : null,
    errorFor(ctrl.session, "rider-object"),
    insert.length && !pending
      ? actionForm(ctrl.session, "rider", (data) => ctrl.insertRider(String(data.get("option") ?? "")), [
          h("p", { class: "hint" }, t("decision.riderHint")),
          field("rider-option", t("decision.riderOption"), h("select", { name: "option" }, insert.map((id) => h("option", { value: id }, rider.options.find((o) => o.id === id)?.title ?? id)))),
          h("button", { type: "submit", class: "button button--secondary" }, t("decision.riderSend")),
        ])
      : null,
  );
}
