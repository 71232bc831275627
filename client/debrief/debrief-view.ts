// Renders the debrief part on show for the teacher (the controls that lead it, the review of
// the marks, and a preview of the big screen), the projector (a 16:9 stage that fills the
// screen and never scrolls: one part at a time, sized for the back of the room) and a student
// (the same part in a phone's column, their own role highlighted and their own facts added).
// It renders, it never sends.
import { isMessageKey, t, type MessageKey } from "../text/catalog.js";
import { h, type Child, type VNode } from "../ui/dom.js";
import { button, connectionBanner, errorFor } from "../ui/parts.js";
import { partBody } from "./cards.js";
import { debriefFor, partTitle, type DebriefController } from "./debrief-controller.js";
import type { MatchSession } from "../ctrl/session.js";
import { mineSection } from "./mine.js";
import { partKey } from "./parts.js";
import { reviewPanel } from "./review.js";
import "./debrief.css";

/** The debrief of a screen's session: mounted wherever the match has ended. */
export function renderDebrief(session: MatchSession): VNode {
  return debriefView(debriefFor(session));
}

export function debriefView(ctrl: DebriefController): VNode {
  const part = ctrl.shownPart;
  return h(
    "section",
    {
      class: `debrief debrief--${ctrl.audience}`,
      "aria-labelledby": "debrief-card-title",
      "data-testid": "debrief",
      "data-card": ctrl.cardId,
      "data-part": ctrl.part,
      "data-part-kind": part.kind,
      "data-audience": ctrl.audience,
    },
    ctrl.audience === "teacher" ? [teacherControls(ctrl), h("div", { class: "debrief-preview", "aria-label": t("debrief.preview"), role: "group" }, h("p", { class: "debrief-preview__label" }, t("debrief.preview")), stage(ctrl))] : null,
    ctrl.audience === "projector" ? stage(ctrl) : null,
    ctrl.audience === "student" ? [card(ctrl), h("p", { class: "hint debrief__wait" }, t("debrief.waitForTeacher"))] : null,
  );
}

/** The big screen: a 1920×1080 stage scaled to the window (or to the teacher's preview box). */
function stage(ctrl: DebriefController): VNode {
  return h("div", { class: "debrief-stage", "data-testid": "debrief-stage" }, ctrl.audience === "projector" ? connectionBanner(ctrl.session) : null, card(ctrl));
}

function card(ctrl: DebriefController): VNode {
  const cardId = ctrl.cardId;
  const debrief = ctrl.data;
  const part = ctrl.shownPart;
  const parts = ctrl.parts;
  const first = ctrl.part === 0;
  return h(
    "article",
    { class: "debrief__card", "data-key": `card-${cardId}` },
    h(
      "header",
      { class: "debrief__head" },
      h("p", { class: "debrief__count" }, t("debrief.title"), " · ", t("debrief.cardOf", { number: ctrl.card + 1, total: ctrl.total }), " · ", t("debrief.partOf", { number: ctrl.part + 1, total: parts.length })),
      h("h2", { id: "debrief-card-title", class: "debrief__title", tabindex: "-1" }, t(`debrief.${cardId}.title`)),
      // A card may have no lead ("The argument": its part title says it, and a phone shows the claim on its first screen).
      first && isMessageKey(`debrief.${cardId}.lead`) ? h("p", { class: "debrief__lead" }, t(`debrief.${cardId}.lead` as MessageKey, { questions: ctrl.view?.scenario.dossiers.length ?? 0 })) : null,
      h("p", { class: "debrief__part-title", "data-testid": "debrief-part-title" }, partTitle(ctrl, part)),
    ),
    debrief
      ? h("div", { class: "debrief__body", "data-key": partKey(part), "data-testid": "debrief-body" }, partBody(ctrl, cardId, part, debrief))
      : ctrl.failure
        ? h("div", { class: "debrief__status", role: "alert" }, h("p", null, t("debrief.failed", { reason: ctrl.failure })), h("button", { type: "button", class: "button button--secondary", onclick: () => ctrl.retry() }, t("debrief.retry")))
        : h("p", { class: "debrief__status", role: "status" }, t("debrief.loading")),
    debrief && ctrl.audience === "student" ? mineSection(ctrl, cardId, debrief) : null,
    ctrl.audience !== "student" ? footer(ctrl) : null,
  );
}

/** Where the class is in the card: a dot per part, and what comes next. */
function footer(ctrl: DebriefController): VNode {
  const parts = ctrl.parts;
  const nextTitle = ctrl.part < parts.length - 1 ? partTitle(ctrl, parts[ctrl.part + 1]!) : ctrl.card < ctrl.total - 1 ? t(`debrief.${ctrl.cards[ctrl.card + 1]!}.title`) : null;
  return h(
    "footer",
    { class: "debrief__foot" },
    h(
      "ol",
      { class: "debrief__dots", "aria-label": t("debrief.partOf", { number: ctrl.part + 1, total: parts.length }) },
      parts.map((p, i) => h("li", { "data-key": partKey(p), class: i === ctrl.part ? "debrief__dot debrief__dot--on" : "debrief__dot", "aria-current": i === ctrl.part ? "step" : null }, h("span", { class: "visually-hidden" }, partTitle(ctrl, p)))),
    ),
    h("p", { class: "debrief__next-up" }, nextTitle ? t("debrief.nextUp", { title: nextTitle }) : t("debrief.lastPart")),
  );
}

function teacherControls(ctrl: DebriefController): VNode {
  const session = ctrl.session;
  const noBusyLock = { disabled: null };
  const current = ctrl.shownPart;
  return h(
    "div",
    { class: "debrief__controls card" },
    h(
      "div",
      { class: "debrief__nav", role: "group", "aria-label": t("debrief.title") },
      button(session, "debrief-card", `◀ ${t("debrief.previous")}`, () => void ctrl.previous(), { ...noBusyLock, "data-testid": "debrief-previous", "aria-disabled": ctrl.isFirst ? "true" : null }),
      h(
        "span",
        { class: "debrief__where", "aria-live": "polite" },
        h("strong", null, t(`debrief.${ctrl.cardId}.title`)),
        " · ",
        partTitle(ctrl, current),
        h("span", { class: "debrief__where-count" }, ` (${t("debrief.cardOf", { number: ctrl.card + 1, total: ctrl.total })}, ${t("debrief.partOf", { number: ctrl.part + 1, total: ctrl.parts.length })})`),
      ),
      button(session, "debrief-card", `${t("debrief.next")} ▶`, () => void ctrl.next(), { ...noBusyLock, class: "button button--primary", "data-testid": "debrief-next", "aria-disabled": ctrl.isLast ? "true" : null }),
    ),
    errorFor(session, "debrief-card"),
    h("p", { class: "hint" }, t("debrief.keysHint")),
    reviewPanel(ctrl),
    h(
      "details",
      { class: "debrief__all" },
      h("summary", null, t("debrief.cards")),
      h(
        "ol",
        null,
        ctrl.cards.map((card, i) =>
          h(
            "li",
            { "data-key": card },
            h("button", { type: "button", class: "link-button", "aria-current": i === ctrl.card ? "step" : null, "aria-label": t("debrief.goTo", { number: i + 1, title: t(`debrief.${card}.title`) }), onclick: () => void ctrl.jump(i) }, t(`debrief.${card}.title`)),
          ),
        ),
      ),
    ),
    h(
      "div",
      { class: "debrief__names" },
      button(session, "debrief-names", ctrl.nicknamesShown ? t("debrief.hideNames") : t("debrief.showNames"), () => void ctrl.showNicknames(!ctrl.nicknamesShown), { ...noBusyLock, "aria-pressed": ctrl.nicknamesShown ? "true" : "false", "data-testid": "debrief-names" }),
      h("span", { class: "hint", role: "status" }, ctrl.nicknamesShown ? t("debrief.namesShown") : t("debrief.namesHidden")),
    ),
    errorFor(session, "debrief-names"),
    exportsPanel(ctrl),
  );
}

function exportsPanel(ctrl: DebriefController): Child {
  return h(
    "fieldset",
    { class: "debrief__exports" },
    h("legend", null, t("debrief.exports")),
    h(
      "label",
      { class: "check" },
      h("input", { type: "checkbox", checked: ctrl.pseudonymise, "data-testid": "debrief-pseudonymise", onchange: (e: Event) => ctrl.setPseudonymise((e.currentTarget as HTMLInputElement).checked) }),
      " ",
      t("debrief.pseudonymise"),
    ),
    h(
      "div",
      { class: "button-row" },
      h("button", { type: "button", class: "button button--secondary", "data-testid": "debrief-csv", "aria-busy": ctrl.exporting === "csv" ? "true" : null, onclick: () => void ctrl.downloadCsv() }, t("debrief.csv")),
      h("button", { type: "button", class: "button button--secondary", "data-testid": "debrief-summary", "aria-busy": ctrl.exporting === "summary" ? "true" : null, onclick: () => void ctrl.openSummary() }, t("debrief.summary")),
    ),
    ctrl.exporting ? h("p", { class: "hint", role: "status" }, t("debrief.exporting")) : null,
    ctrl.exportFailure ? h("p", { class: "error", role: "alert" }, ctrl.exportFailure) : null,
  );
}
