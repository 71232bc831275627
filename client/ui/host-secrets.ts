// The two things on the teacher's dashboard that must never reach a mirrored projector by
// accident: the teacher-only details (every role's payoffs, all corridor talk, who paid whose
// trip and the notes on money) and the teacher key. Both stay folded behind a deliberate
// "Show…" that hides itself after a while and whenever the window loses focus; what is hidden
// is not in the page at all, so no scroll, zoom or screen reader can stumble on it.
import type { MatchView } from "../../shared/rules/view.js";
import type { HostController } from "../ctrl/host-controller.js";
import { currentDossier, roleById } from "../ctrl/selectors.js";
import { t } from "../text/catalog.js";
import { h, type VNode } from "./dom.js";
import { corridorText, noteText } from "../ctrl/corridor-text.js";

export function teacherOnly(ctrl: HostController, view: MatchView): VNode | null {
  if (view.status === "lobby") return null;
  const shown = ctrl.revealed("secrets");
  return h(
    "section",
    { class: `card teacher-only ${shown ? "teacher-only--shown" : ""}`, "aria-labelledby": "teacher-only-heading", "data-testid": "teacher-only" },
    h("h2", { id: "teacher-only-heading" }, t("host.teacherOnly")),
    shown
      ? [
          h(
            "div",
            { class: "reveal-bar", role: "status" },
            h("span", null, t("host.hidingIn", { seconds: ctrl.secondsLeft("secrets") })),
            h("button", { type: "button", class: "button button--primary", onclick: () => ctrl.hide("secrets") }, t("host.hideNow")),
          ),
          secrets(view),
        ]
      : [
          h("p", { class: "hint" }, t("host.teacherOnlyHint")),
          h("button", { type: "button", class: "button button--secondary", "data-testid": "reveal-secrets", onclick: () => ctrl.reveal("secrets") }, t("host.showSecrets")),
        ],
  );
}

function secrets(view: MatchView): VNode[] {
  const dossier = currentDossier(view);
  const name = (id: string | null | undefined) => (id ? (roleById(view, id)?.short ?? id) : "—");
  return [
    dossier
      ? h(
          "div",
          { class: "scroll-x", "data-key": "payoffs" },
          h(
            "table",
            { class: "payoffs payoffs--all" },
            h("caption", null, t("host.payoffs", { dossier: dossier.title })),
            h("thead", null, h("tr", null, h("th", { scope: "col" }, t("score.role")), dossier.options.map((o) => h("th", { scope: "col", title: o.title }, o.id)))),
            h("tbody", null, view.scenario.roles.map((r) => h("tr", { "data-key": r.id }, h("th", { scope: "row" }, r.short), dossier.options.map((o) => h("td", null, String(o.payoffs?.[r.id] ?? "")))))),
          ),
        )
      : h("p", { "data-key": "payoffs" }),
    ...view.tables.map((table) => {
      const round = table.rounds[view.round];
      const sponsored = Object.entries(round?.attendance ?? {}).filter(([role, a]) => a.paidBy && a.paidBy !== role);
      return h(
        "div",
        { "data-key": `secret-${table.index}` },
        view.tables.length > 1 ? h("h3", null, t("host.tableLabel", { table: table.index + 1 })) : null,
        h("h3", null, t("host.corridor")),
        table.corridor.some((c) => c.round === view.round)
          ? h("ul", { class: "feed__list" }, table.corridor.filter((c) => c.round === view.round).slice(-15).reverse().map((c) => h("li", { "data-key": c.id, class: "feed__item" }, h("strong", null, `${name(c.from)} → ${name(c.to)}: `), corridorText(view, c))))
          : h("p", { class: "hint" }, t("negotiation.noCorridor")),
        h("h3", null, t("host.money")),
        h(
          "ul",
          null,
          sponsored.map(([role, a]) => h("li", { "data-key": `paid-${role}` }, t("host.paidTrip", { sponsor: name(a.paidBy), guest: name(role) }))),
          table.fellowships
            .filter((f) => f.round === view.round)
            .map((f) => h("li", { "data-key": f.id }, `${name(f.from)} → ${name(f.to)}: ${t(`offer.status.${f.status}`)}`, f.expects ? ` (${t("host.expects", { option: f.expects })})` : "", f.note ? ` — “${noteText(view, f)}”` : "")),
          table.grants.filter((g) => g.round === view.round).map((g) => h("li", { "data-key": g.id }, t("negotiation.grantLine", { from: name(g.from), to: name(g.to), amount: g.amount }), g.note ? ` — “${noteText(view, g)}”` : "")),
        ),
      );
    }),
  ];
}

/**
 * The teacher key: every recorded match of this teacher is listed with it, on any browser.
 * Masked by default (a photo of the projector must not give it away); shown, copied, saved as
 * a file or mailed to oneself on purpose.
 */
export function teacherKeyPanel(ctrl: HostController): VNode | null {
  const key = ctrl.teacherKey();
  const matches = ctrl.matchesLinkWithKey();
  if (!key || !matches) return null;
  const shown = ctrl.revealed("key");
  // The file and the mail hold the key (that is what they are for), but they are made on the
  // click: an href with the key would show in the browser's link preview, on the wall.
  const file = () => `${t("key.fileIntro")}\n\n${t("key.fileKey")}: ${key}\n${t("key.fileMatches")}: ${matches}\n`;
  const save = () => {
    const url = URL.createObjectURL(new Blob([file()], { type: "text/plain;charset=utf-8" }));
    follow(url, "rough-consensus-teacher-key.txt");
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  const email = () => follow(`mailto:?subject=${encodeURIComponent(t("key.mailSubject"))}&body=${encodeURIComponent(file())}`);
  return h(
    "section",
    { class: "card teacher-key", "aria-labelledby": "teacher-key-heading", "data-testid": "teacher-key" },
    h("h2", { id: "teacher-key-heading" }, t("key.heading")),
    h("p", { class: "hint" }, t("key.why")),
    h("p", { class: "teacher-key__value", "data-testid": "teacher-key-value" }, shown ? key : t("key.masked", { end: key.slice(-4) })),
    h(
      "div",
      { class: "button-row" },
      shown
        ? h("button", { type: "button", class: "button button--secondary", onclick: () => ctrl.hide("key") }, t("key.hide"))
        : h("button", { type: "button", class: "button button--secondary", onclick: () => ctrl.reveal("key") }, t("key.show")),
      h("button", { type: "button", class: "button button--secondary", onclick: () => void ctrl.copyKey() }, t("key.copy")),
      h("button", { type: "button", class: "button button--secondary", "data-testid": "teacher-key-save", onclick: save }, t("key.save")),
      h("button", { type: "button", class: "button button--secondary", "data-testid": "teacher-key-email", onclick: email }, t("key.email")),
    ),
    ctrl.copied ? h("p", { class: ctrl.copied === "ok" ? "status" : "error", role: "status" }, t(ctrl.copied === "ok" ? "key.copied" : "key.copyFailed")) : null,
    // No key in this address; the new tab finds it in this browser's storage (also on a middle click).
    h("p", null, h("a", { href: "/matches", target: "_blank", rel: "noopener", "data-testid": "teacher-key-matches", onclick: ctrl.handOverKey, onauxclick: ctrl.handOverKey }, t("key.matches"))),
  );
}

/** Opens an address the moment it is made (a download, the mail program), through a link that is never on the page. */
function follow(href: string, download?: string): void {
  const a = document.createElement("a");
  a.href = href;
  if (download) a.download = download;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
}
