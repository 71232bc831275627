// The notification area at the top of a student's phone: what just arrived (news, an offer,
// a private message, a grant, a teacher's notice), newest first, each with a way to open what
// it is about and a way to put it away. It sits in the sticky top, so it is on screen wherever
// the student has scrolled.
import type { StudentController } from "../ctrl/student-controller.js";
import { can } from "../ctrl/available.js";
import { MAX_VISIBLE_NOTICES, type Notice } from "../ctrl/notifications.js";
import { t } from "../text/catalog.js";
import { h, type VNode } from "./dom.js";

export function noticesArea(ctrl: StudentController): VNode {
  const notices = ctrl.notifications.visible();
  const shown = ctrl.allNotices ? notices : notices.slice(0, MAX_VISIBLE_NOTICES);
  const hidden = notices.length - shown.length;
  return h(
    "section",
    { class: "notices", "aria-label": t("notice.area"), "data-testid": "notices" },
    h("ul", { class: "notices__list" }, shown.map((n) => noticeItem(ctrl, n))),
    hidden > 0 || ctrl.allNotices
      ? h("button", { type: "button", class: "notices__more", onclick: ctrl.toggleAllNotices }, ctrl.allNotices ? t("notice.fewer") : t("notice.more", { count: hidden }))
      : null,
  );
}

function noticeItem(ctrl: StudentController, notice: Notice): VNode {
  const reply = notice.replyTo !== undefined && can(ctrl.view, "SendCorridorMessage", notice.replyTo);
  const open = notice.kind === "offer" ? t("notice.open.offer") : notice.kind === "corridor" ? (reply ? t("notice.open.reply") : t("notice.open.read")) : null;
  return h(
    "li",
    { "data-key": notice.id, class: `notice notice--${notice.kind}`, "data-testid": `notice-${notice.kind}` },
    h("p", { class: "notice__title" }, notice.title),
    h("p", { class: "notice__text" }, notice.text),
    h(
      "div",
      { class: "notice__actions" },
      open ? h("button", { type: "button", class: "button button--primary notice__open", onclick: () => ctrl.showNotice(notice.id) }, open) : null,
      h("button", { type: "button", class: "button button--secondary notice__dismiss", "aria-label": t("notice.dismissLabel", { title: notice.title }), onclick: () => ctrl.dismissNotice(notice.id) }, t("notice.dismiss")),
    ),
  );
}
