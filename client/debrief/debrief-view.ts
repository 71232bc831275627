// Renders the debrief card on show for the teacher (with the controls that lead it), the
// projector (large, roles only unless the teacher allows nicknames) and a student (the same
// card, their own role highlighted and their own facts added). It renders, it never sends.
import { isMessageKey, t } from "../text/catalog.js";
import { DEBRIEF_CARDS, type DebriefCard } from "../text/debrief-en.js";
import { h, type Child, type VNode } from "../ui/dom.js";
import { button, errorFor } from "../ui/parts.js";
import { cardBody } from "./cards.js";
import { debriefFor, type DebriefController } from "./debrief-controller.js";
import type { MatchSession } from "../ctrl/session.js";
import { mineSection } from "./mine.js";
import "./debrief.css";

const QUESTIONS = ["q1", "q2", "q3"] as const;

function questionsOf(card: DebriefCard): string[] {
  return QUESTIONS.map((q) => `debrief.${card}.${q}`)
    .filter(isMessageKey)
    .map((key) => t(key));
}

/** The debrief of a screen's session: mounted wherever the final scores are shown. */
export function renderDebrief(session: MatchSession): VNode {
  return debriefView(debriefFor(session));
}

export function debriefView(ctrl: DebriefController): VNode {
  const card = ctrl.cardId;
  const debrief = ctrl.data;
  const number = ctrl.card + 1;
  return h(
    "section",
    { class: `debrief debrief--${ctrl.audience}`, "aria-labelledby": "debrief-card-title", "data-testid": "debrief", "data-card": card, "data-audience": ctrl.audience },
    ctrl.audience === "teacher" ? teacherControls(ctrl) : null,
    h(
      "article",
      { class: "debrief__card", "data-key": `card-${card}` },
      h(
        "header",
        { class: "debrief__head" },
        h("p", { class: "debrief__count" }, t("debrief.title"), " · ", t("debrief.cardOf", { number, total: ctrl.total })),
        h("h2", { id: "debrief-card-title", class: "debrief__title", tabindex: "-1" }, t(`debrief.${card}.title`)),
        h("p", { class: "debrief__lead" }, t(`debrief.${card}.lead`)),
      ),
      debrief
        ? [h("div", { class: "debrief__body" }, cardBody(ctrl, card, debrief)), mineSection(ctrl, card, debrief)]
        : ctrl.failure
          ? h("div", { class: "debrief__status", role: "alert" }, h("p", null, t("debrief.failed", { reason: ctrl.failure })), h("button", { type: "button", class: "button button--secondary", onclick: () => ctrl.retry() }, t("debrief.retry")))
          : h("p", { class: "debrief__status", role: "status" }, t("debrief.loading")),
      h(
        "section",
        { class: "debrief__questions", "aria-labelledby": "debrief-questions-heading" },
        h("h3", { id: "debrief-questions-heading" }, t("debrief.questions")),
        h("ol", null, questionsOf(card).map((q) => h("li", null, q))),
      ),
    ),
    ctrl.audience === "student" ? h("p", { class: "hint debrief__wait" }, t("debrief.waitForTeacher")) : null,
  );
}

function teacherControls(ctrl: DebriefController): VNode {
  const session = ctrl.session;
  const noBusyLock = { disabled: null };
  return h(
    "div",
    { class: "debrief__controls card" },
    h(
      "div",
      { class: "debrief__nav", role: "group", "aria-label": t("debrief.title") },
      button(session, "debrief-card", `◀ ${t("debrief.previous")}`, () => void ctrl.previous(), { ...noBusyLock, "data-testid": "debrief-previous", "aria-disabled": ctrl.card === 0 ? "true" : null }),
      h("span", { class: "debrief__where" }, t("debrief.cardOf", { number: ctrl.card + 1, total: ctrl.total })),
      button(session, "debrief-card", `${t("debrief.next")} ▶`, () => void ctrl.next(), { ...noBusyLock, class: "button button--primary", "data-testid": "debrief-next", "aria-disabled": ctrl.card === ctrl.total - 1 ? "true" : null }),
    ),
    errorFor(session, "debrief-card"),
    h(
      "details",
      { class: "debrief__all" },
      h("summary", null, t("debrief.cards")),
      h(
        "ol",
        null,
        DEBRIEF_CARDS.map((card, i) =>
          h(
            "li",
            { "data-key": card },
            h("button", { type: "button", class: "link-button", "aria-current": i === ctrl.card ? "step" : null, "aria-label": t("debrief.goTo", { number: i + 1, title: t(`debrief.${card}.title`) }), onclick: () => void ctrl.jump(i) }, t(`debrief.${card}.title`)),
          ),
        ),
      ),
    ),
    h("p", { class: "hint" }, t("debrief.keysHint")),
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
