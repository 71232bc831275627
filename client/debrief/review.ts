// The teacher's review of the capture marks, on the teacher's own screen only. The laptop may
// be mirrored on the wall, so the list stays closed until the teacher opens it and closes
// itself again at the next step; each mark can be set aside with a reason (a recorded
// command, ReviewMark) that every screen then shows in place of the mark.
import { t } from "../text/catalog.js";
import { h, type VNode } from "../ui/dom.js";
import { button, errorFor } from "../ui/parts.js";
import { whyLines } from "./lines.js";
import type { DebriefController } from "./debrief-controller.js";

export function reviewPanel(ctrl: DebriefController): VNode | null {
  const data = ctrl.data;
  if (!data) return null;
  const marks = data.tables.flatMap((table) => ctrl.marks(table).map((m) => ({ table, ...m })));
  const session = ctrl.session;
  if (!marks.length) return h("p", { class: "hint debrief__review-none", "data-testid": "debrief-review" }, t("debrief.review.none"));
  if (!ctrl.reviewOpen) {
    return h(
      "div",
      { class: "debrief__review", "data-testid": "debrief-review" },
      h("button", { type: "button", class: "button button--secondary", "aria-expanded": "false", "data-testid": "debrief-review-open", onclick: () => ctrl.openReview(true) }, t("debrief.review.open", { count: marks.length })),
    );
  }
  return h(
    "section",
    { class: "debrief__review debrief__review--open", "aria-labelledby": "debrief-review-heading", "data-testid": "debrief-review" },
    h(
      "div",
      { class: "debrief__review-head" },
      h("h3", { id: "debrief-review-heading" }, t("debrief.review.heading")),
      h("button", { type: "button", class: "button button--secondary", "aria-expanded": "true", "data-testid": "debrief-review-close", onclick: () => ctrl.openReview(false) }, t("debrief.review.hide")),
    ),
    h("p", { class: "hint" }, t("debrief.review.hint")),
    h(
      "ul",
      { class: "debrief__review-list" },
      marks.map(({ table, mark, aside }) => {
        const control = `debrief-review-${mark.id}`;
        const role = ctrl.label(table.table, mark.role);
        const writing = ctrl.reviewing === mark.id;
        const inputId = `reason-${mark.id}`;
        return h(
          "li",
          { "data-key": mark.id, class: aside ? "debrief__mark--aside" : null, "data-testid": `review-${mark.id}` },
          h("p", { class: "debrief__mark-title" }, aside ? t("debrief.money.markAside", { role, option: mark.option }) : ["⚑ ", t("debrief.money.markTitle", { role, option: mark.option })]),
          h("ol", { class: "debrief__why-list" }, whyLines(ctrl, table, mark).map((line) => h("li", null, line))),
          aside
            ? [h("p", null, t("debrief.review.isAside", { reason: aside.reason })), button(session, control, t("debrief.review.restore"), () => void ctrl.restoreMark(mark.id), { "data-testid": `restore-${mark.id}` })]
            : writing
              ? h(
                  "form",
                  {
                    class: "debrief__reason-form",
                    onsubmit: (e: Event) => {
                      e.preventDefault();
                      const input = (e.currentTarget as HTMLFormElement).querySelector("input");
                      void ctrl.setAsideMark(mark.id, input?.value ?? "");
                    },
                  },
                  h("label", { for: inputId }, t("debrief.review.reason")),
                  h("p", { class: "hint", id: `${inputId}-hint` }, t("debrief.review.reasonHint")),
                  h("input", { id: inputId, type: "text", class: "input--plain", maxlength: 200, autocomplete: "off", "aria-describedby": `${inputId}-hint`, "data-testid": `reason-${mark.id}` }),
                  h(
                    "div",
                    { class: "button-row" },
                    h("button", { type: "submit", class: "button button--primary", "data-testid": `confirm-${mark.id}` }, t("debrief.review.confirm")),
                    h("button", { type: "button", class: "button button--secondary", onclick: () => ctrl.startSetAside(null) }, t("debrief.review.cancel")),
                  ),
                )
              : h("button", { type: "button", class: "button button--secondary", "data-testid": `set-aside-${mark.id}`, onclick: () => ctrl.startSetAside(mark.id) }, t("debrief.review.setAside")),
          errorFor(session, control),
        );
      }),
    ),
  );
}
