// What a dossier's decision means, for every screen: what each table adopted and how, why
// each other tabled option fell (its own objectors, never a list of every role), who gained and
// who lost, and a player's score with the reasons behind its two parts.
import type { MatchView, TableView } from "../../shared/rules/view.js";
import { currentDossier, optionTitle, roleById } from "../ctrl/selectors.js";
import { t } from "../text/catalog.js";
import { h, type VNode } from "./dom.js";
import { payoffWords, roleBadge, round1, signed } from "./parts.js";

/** What each table adopted this round, how, why not the others, and what it means for a player. */
export function outcomeSection(view: MatchView, tables: TableView[], myRole: string | null, options: { gains?: boolean } = {}): VNode {
  const dossier = currentDossier(view);
  return h(
    "section",
    { class: "outcome", "data-key": "outcome", "aria-labelledby": "outcome-heading" },
    h("h2", { id: "outcome-heading" }, t("outcome.heading", { dossier: dossier?.title ?? "" })),
    tables.map((table) => {
      const round = table.rounds[view.round];
      const decision = round?.decision;
      if (!decision) return h("p", { "data-key": `t${table.index}`, class: "hint" }, t("outcome.pending"));
      const mine = myRole !== null ? round?.adoptedPayoffs?.[myRole] : undefined;
      const rider = decision.rider ? view.scenario.rider?.options.find((o) => o.id === decision.rider) : undefined;
      return h(
        "div",
        { "data-key": `t${table.index}`, class: "outcome__table reveal" },
        tables.length > 1 ? h("h3", null, t("outcome.table", { table: table.index + 1 }), " · ", t(`rule.short.${table.rule}`)) : null,
        h("p", { class: "outcome__adopted", "data-testid": "adopted" }, h("strong", null, t(decision.by === "status-quo" ? "outcome.statusQuo" : "outcome.adopted", { option: `${decision.adopted} — ${optionTitle(dossier, decision.adopted)}` }))),
        h("p", { class: "outcome__how" }, t(`outcome.by.${decision.by}`, { rule: t(`rule.short.${decision.rule}`) })),
        decision.by === "status-quo" ? whyNotAdopted(view, table) : null,
        rider ? h("p", null, t("outcome.rider", { title: rider.title })) : null,
        mine !== undefined ? h("p", { class: "outcome__mine", "data-testid": "my-payoff" }, t("outcome.yourPayoff", { payoff: payoffWords(mine) })) : null,
        myRole === null && options.gains !== false && round?.adoptedPayoffs ? gainsAndLosses(view, round.adoptedPayoffs) : null,
      );
    }),
  );
}

/**
 * Why each tabled option fell, from the recorded decision: under rough consensus, the
 * objections it counted (by option, never a list of every role); under a vote, the rule's bar.
 */
function whyNotAdopted(view: MatchView, table: TableView): VNode | null {
  const round = table.rounds[view.round];
  const decision = round?.decision;
  if (!round || !decision) return null;
  if (!round.tabled.length) return h("p", null, t("outcome.nothingTabled"));
  if (decision.rule !== "R1") return h("p", null, t("outcome.noMajority", { rule: t(`rule.short.${decision.rule}`) }));
  const names = (roles: string[]) => roles.map((r) => roleById(view, r)?.short ?? r).join(", ");
  return h(
    "ul",
    { class: "outcome__why" },
    round.tabled.map(({ option }) => {
      const objectors = decision.blockedBy.filter((r) => round.positions[r]?.[option] === "object");
      return h(
        "li",
        { "data-key": option },
        h("strong", null, option),
        " ",
        objectors.length ? t("outcome.objectedBy", { roles: names(objectors), count: objectors.length }) : t("outcome.noSupporter"),
      );
    }),
  );
}

/** A score to one decimal, with a real minus sign as on the rest of the screen. */
function points(n: number): string {
  const text = round1(Math.abs(n));
  return n < 0 && text !== "0" ? `−${text}` : text;
}

/** A player's score in words: what Mandate and Standing are made of, so "−6" has a reason. */
export function myScore(view: MatchView, table: TableView | undefined, role: string | null): VNode | null {
  const score = table?.scores.find((s) => s.role === role);
  if (!score || !table || role === null) return null;
  const weights = view.scenario.scoring;
  const decided = table.rounds.flatMap((round, i) => {
    const adopted = round.decision?.adopted;
    const payoff = round.adoptedPayoffs?.[role];
    return adopted && payoff !== undefined ? [{ option: adopted, payoff, dossier: view.scenario.dossiers[i]?.title ?? "" }] : [];
  });
  const fromOptions = decided.reduce((sum, d) => sum + d.payoff, 0);
  const fromClause = score.mandatePoints - fromOptions;
  const parts = [
    ...decided.map((d) => t("score.mandatePart", { option: d.option, payoff: signed(d.payoff) })),
    // The rider's points: from a clause that went in, or (a scenario's "none" option) from none going in.
    fromClause ? t(table.rounds.some((r) => r.decision?.rider) ? "score.mandateClause" : "score.mandateNoClause", { payoff: signed(fromClause) }) : null,
  ].filter((x): x is string => x !== null);
  return h(
    "section",
    { class: "card score-card", "data-key": "my-score", "data-testid": "my-score", "aria-labelledby": "my-score-heading" },
    h("h2", { id: "my-score-heading" }, t("score.mine", { total: points(score.total) })),
    h(
      "dl",
      { class: "score-card__parts" },
      h("dt", null, t("score.mandateLine", { mandate: points(score.mandate) })),
      h("dd", null, parts.length ? t("score.mandateWhy", { parts: parts.join(", "), weight: weights.mandatePerPoint }) : t("score.mandateNone")),
      h("dt", null, t("score.standingLine", { standing: points(score.standing) })),
      h("dd", null, t("score.standingWhy", { tokens: score.tokens, rounds: score.roundsInPerson, seats: score.draftingSeats })),
    ),
    h("p", { class: "hint" }, t("score.explain")),
  );
}

/** Who gained and who lost by the adopted option: public once a dossier is decided. */
function gainsAndLosses(view: MatchView, payoffs: Record<string, number>): VNode {
  const roles = [...view.scenario.roles].sort((a, b) => (payoffs[b.id] ?? 0) - (payoffs[a.id] ?? 0));
  return h(
    "div",
    null,
    h("h3", null, t("outcome.gains")),
    h(
      "ul",
      { class: "gains" },
      roles.map((r) => {
        const value = payoffs[r.id] ?? 0;
        return h(
          "li",
          { "data-key": r.id, class: `gains__row ${value > 0 ? "payoff--good" : value < 0 ? "payoff--bad" : ""}` },
          roleBadge(r),
          h("span", { class: "gains__bar", style: `--size:${Math.abs(value)}`, "aria-hidden": "true" }),
          h("span", { class: "payoff" }, payoffWords(value)),
        );
      }),
    ),
  );
}
