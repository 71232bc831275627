// A student's role card: who they represent, what they can afford, what they know, and their
// private briefing on the current dossier (what each option means for their people). Open in
// the lobby and the briefing, folded (and reachable from the top bar) the rest of the match.
import type { MatchView } from "../../shared/rules/view.js";
import type { StudentController } from "../ctrl/student-controller.js";
import { can, whyNot } from "../ctrl/available.js";
import { currentDossier, delegatesOf } from "../ctrl/selectors.js";
import { t } from "../text/catalog.js";
import { h, type Child, type VNode } from "./dom.js";
import { withTerms } from "./glossary.js";
import { button, errorFor, payoffWords, roleBadge } from "./parts.js";

export function roleCard(ctrl: StudentController, view: MatchView, open: boolean): VNode | null {
  const role = ctrl.role;
  if (!role) return null;
  const briefing = view.briefing;
  const dossier = currentDossier(view) ?? view.scenario.dossiers[0];
  const team = view.me?.table !== null && view.me?.table !== undefined ? delegatesOf(view, view.me.table, role.id).map((p) => p.nickname) : [];
  const body: Child[] = [
    h("div", { class: "role-card__who" }, h("span", { class: "role-card__label" }, t("role.you")), roleBadge(role, true), h("span", { class: "role-card__group" }, t(`role.group.${role.group}`))),
    h("p", null, withTerms(role.card)),
    h(
      "ul",
      { class: "facts" },
      h("li", null, t("role.income", { income: role.income })),
      h("li", null, role.canTravelAlone ? t("role.travel.alone") : t("role.travel.sponsor")),
      h("li", null, t("role.delegates", { count: role.maxDelegates })),
      team.length > 1 ? h("li", null, t("role.delegation", { names: team.join(", ") })) : null,
    ),
    h("h3", null, t("role.mandate")),
    h("p", null, withTerms(role.mandate)),
    role.publicInterestCase ? [h("h3", null, t("role.publicCase")), h("p", null, role.publicInterestCase)] : null,
    briefing && briefing.notes.length ? h("div", { class: "private" }, h("h3", null, t("role.knowledge")), h("p", { class: "private__mark" }, t("briefing.private")), h("ul", null, briefing.notes.map((n) => h("li", null, n)))) : null,
    dossier ? dossierBriefing(ctrl, view, dossier.id) : null,
  ];
  return h(
    "details",
    { class: "card role-card", open, id: "role-card", "data-key": "role-card", tabindex: "-1", "data-testid": "role-card" },
    h("summary", null, h("h2", { class: "role-card__title" }, t("role.card"))),
    ...body,
  );
}

/** The private payoffs of one dossier, what is still hidden, and the expert briefing. */
function dossierBriefing(ctrl: StudentController, view: MatchView, dossierId: string): VNode | null {
  const briefing = view.briefing;
  const dossier = view.scenario.dossiers.find((d) => d.id === dossierId);
  const own = briefing?.payoffs[dossierId];
  if (!briefing || !dossier || !own) return null;
  const hidden = Object.values(own).some((v) => v === null);
  const bought = briefing.briefingsBought.includes(dossierId);
  const all = briefing.allPayoffs[dossierId];
  const subScores = briefing.subScores.filter((s) => s.dossier === dossierId);
  const buyable = hidden && can(view, "BuyBriefing");
  return h(
    "div",
    { class: "private" },
    h("h3", null, t("briefing.heading", { dossier: dossier.title })),
    h("p", { class: "private__mark" }, t("briefing.private")),
    h(
      "table",
      { class: "payoffs" },
      h("thead", null, h("tr", null, h("th", { scope: "col" }, t("briefing.option")), h("th", { scope: "col" }, t("briefing.payoff")))),
      h(
        "tbody",
        null,
        dossier.options.map((o) => {
          const value = own[o.id];
          const known = value !== null && value !== undefined;
          return h(
            "tr",
            { "data-key": o.id },
            h("th", { scope: "row" }, h("strong", null, o.id), " ", o.title, h("span", { class: "option-summary" }, withTerms(o.summary))),
            h("td", { class: !known ? "payoff payoff--unknown" : value > 0 ? "payoff payoff--good" : value < 0 ? "payoff payoff--bad" : "payoff" }, known ? payoffWords(value) : t("briefing.hidden")),
          );
        }),
      ),
    ),
    all ? allPayoffsTable(view, dossier.options.map((o) => o.id), all) : null,
    subScores.map((s) => h("p", { "data-key": s.label }, t("briefing.subScores", { label: s.label }), ": ", Object.entries(s.values).map(([o, v]) => `${o} ${v}`).join(", "))),
    h("h3", null, t("role.unknown")),
    h("p", { "data-testid": "briefing-state" }, bought ? t("briefing.bought") : hidden ? t("role.unknownText") : t("role.nothingHidden")),
    buyable ? button(ctrl.session, "briefing", t("briefing.buy", { cost: view.scenario.briefingCost }), () => void ctrl.buyBriefing(), { class: "button button--primary" }) : null,
    hidden && !buyable && view.status === "running" ? h("p", { class: "hint" }, whyNot(view, "BuyBriefing")) : null,
    errorFor(ctrl.session, "briefing"),
  );
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
      h("tbody", null, view.scenario.roles.map((r) => h("tr", { "data-key": r.id }, h("th", { scope: "row" }, r.short), options.map((o) => h("td", null, String(all[o]?.[r.id] ?? "")))))),
    ),
  );
}
