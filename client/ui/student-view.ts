// Renders a student's phone from the StudentController, in three parts around the table:
// the top (phase, clock, who I am, and what just arrived — sticky, so it is where the
// student looks), the phase's actions (before the table, so they are on the first screen),
// and the rest after the table (what was said, corridor talk, news, the role card).
// Renders only; every action is a verb call.
import type { MatchView } from "../../shared/rules/view.js";
import type { StudentController } from "../ctrl/student-controller.js";
import { availability } from "../ctrl/available.js";
import { currentDossier } from "../ctrl/selectors.js";
import { t } from "../text/catalog.js";
import { renderDebrief } from "../debrief/debrief-view.js";
import { h, type Child, type VNode } from "./dom.js";
import { withTerms } from "./glossary.js";
import { connectionBanner, liveRegion, newsList, phaseBar, roleBadge, scoresTable, statementsFeed, tabledList } from "./parts.js";
import { myScore, outcomeSection } from "./outcome-view.js";
import { noticesArea } from "./notices-view.js";
import { roleCard } from "./role-card.js";
import { corridorThread, decisionSection, grantsList, negotiationActions, offerSection, offersForMe, riderSection, travelSection } from "./student-actions.js";

/** Which phases show the table drawn by Phaser, after the actions. */
export function showsTable(view: MatchView | null): boolean {
  return view?.status === "running" && view.me?.role !== null && view.me?.role !== undefined;
}

export function renderStudentTop(ctrl: StudentController): Child[] {
  const view = ctrl.view;
  const session = ctrl.session;
  if (!view) return [connectionBanner(session), h("p", { class: "status" }, t("connection.connecting", { code: session.connection.code })), liveRegion(session)];
  const role = ctrl.role;
  const tokens = ctrl.tokens;
  const unread = ctrl.notifications.unreadCorridor();
  const playing = view.status === "running" && role !== undefined;
  const talking = playing && showsCorridor(ctrl, view);
  return [
    connectionBanner(session),
    phaseBar(
      session,
      view,
      role
        ? h(
            "div",
            { class: "phase-bar__me" },
            // Tapping one's own badge opens the role card, wherever the student is on the page.
            playing ? h("button", { type: "button", class: "jump jump--role", "aria-label": t("student.roleCardLabel", { short: role.short, role: role.name }), onclick: ctrl.openRoleCard }, roleBadge(role)) : roleBadge(role),
            tokens !== null ? h("span", { class: "tokens", "data-testid": "my-tokens" }, t("table.tokens", { tokens })) : null,
            talking
              ? h(
                  "button",
                  // The name is what the button shows ("Messages 2"), so a student using voice
                  // control can say what they see; the longer "Private messages: 2 unread" is its
                  // description (a hidden element, which a description may point to and a name
                  // does not include). (A label that did not contain the visible words failed axe's
                  // label-content-name-mismatch whenever a message was unread.)
                  { type: "button", class: "jump", "data-testid": "messages-button", "aria-describedby": "messages-button-about", onclick: ctrl.openMessages },
                  t("student.messagesShort"),
                  unread ? h("span", { class: "jump__badge", "data-testid": "unread-badge" }, String(unread)) : null,
                  h("span", { hidden: true, id: "messages-button-about" }, unread ? t("student.messagesUnread", { count: unread }) : t("student.messages")),
                )
              : null,
          )
        : null,
      { compact: true },
    ),
    noticesArea(ctrl),
    liveRegion(session),
  ];
}

/** The phase's actions: first on the page, before the table. */
export function renderStudentMain(ctrl: StudentController): Child[] {
  const view = ctrl.view;
  if (!view) return [];
  const me = view.me;
  if (!me) return [h("p", null, t("lobby.spectator"))];
  if (view.status === "lobby") return lobby(ctrl, view);
  if (view.status === "ended") return ended(ctrl, view);
  if (!ctrl.role) return [h("p", { class: "purpose" }, t("student.noSeat"))];
  const purpose = h("p", { class: "purpose", "data-key": "purpose" }, t(`phase.purpose.${view.phase}`));
  switch (view.phase) {
    case "briefing":
      return [purpose, dossierIntro(view), roleCard(ctrl, view, true), offersForMe(ctrl, view), offerSection(ctrl, view)];
    case "travel":
      return [purpose, travelSection(ctrl, view), offersForMe(ctrl, view), offerSection(ctrl, view)];
    case "negotiation":
      return [purpose, negotiationActions(ctrl, view), tabledList(view, ctrl.table)];
    case "decision":
      return [purpose, decisionSection(ctrl, view), riderSection(ctrl, view)];
    case "outcome":
      return [outcomeSection(view, ctrl.table ? [ctrl.table] : [], me.role), myScore(view, ctrl.table, me.role)];
    default:
      return [purpose];
  }
}

/** After the table: what was said, private talk, news, the role card to look things up. */
export function renderStudentMore(ctrl: StudentController): Child[] {
  const view = ctrl.view;
  if (!view || !view.me || !ctrl.role || view.status !== "running") return [];
  const talk = view.phase === "negotiation" || view.phase === "decision";
  return [
    showsCorridor(ctrl, view) ? corridorThread(ctrl, view) : null,
    talk ? statementsFeed(view, ctrl.table) : null,
    talk ? grantsList(ctrl, view) : null,
    newsList(view),
    view.phase === "briefing" ? null : roleCard(ctrl, view, false),
  ];
}

/** Corridor talk is for delegates in the room; anyone who has messages (or reads others') sees them. */
function showsCorridor(ctrl: StudentController, view: MatchView): boolean {
  if (view.phase !== "negotiation" && view.phase !== "decision") return false;
  const messages = (ctrl.table?.corridor ?? []).some((c) => c.round === view.round);
  const open = availability(view, "SendCorridorMessage");
  return messages || open.ok || open.code === "muted";
}

function dossierIntro(view: MatchView): VNode | null {
  const dossier = currentDossier(view);
  if (!dossier) return null;
  return h(
    "section",
    { class: "card dossier", "data-key": "dossier", "aria-labelledby": "dossier-heading" },
    h("h2", { id: "dossier-heading" }, dossier.title),
    h("p", { class: "dossier__question" }, withTerms(dossier.question)),
    h("p", { class: "hint" }, t("round.where", { meeting: dossier.venue.meeting, city: dossier.venue.city })),
  );
}

function lobby(ctrl: StudentController, view: MatchView): Child[] {
  const role = ctrl.role;
  return [
    h("h1", { class: "screen-heading", tabindex: "-1", "data-key": "heading" }, t("lobby.heading", { nickname: view.me?.nickname ?? "" })),
    h("p", { class: "purpose", "data-key": "purpose" }, role ? t("lobby.assigned", { role: role.name }) : t("lobby.waiting")),
    role ? roleCard(ctrl, view, true) : null,
  ];
}

function ended(ctrl: StudentController, view: MatchView): Child[] {
  const table = ctrl.table;
  return [
    h("h1", { class: "screen-heading", tabindex: "-1", "data-key": "heading" }, t("ended.heading")),
    // The part the teacher is showing comes first, so the phone follows the room on its first
    // screen; the student's own score and the table's scores follow it.
    renderDebrief(ctrl.session),
    myScore(view, table, view.me?.role ?? null),
    table ? scoresTable(view, table, view.me?.role ?? null) : null,
  ];
}
