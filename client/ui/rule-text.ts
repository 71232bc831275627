// The decision rules described for the scenario at hand: which houses there are and how many
// must agree, which governments vote and who casts a bloc's votes, whose income weighs most.
// The words come from the catalog; only the facts come from the scenario, so no rule text
// assumes one scenario's roles (a scenario with two houses, or no government, reads right).
import type { DecisionRuleId } from "../../shared/scenario/schema.js";
import type { MatchView } from "../../shared/rules/view.js";
import { formatList, t } from "../text/catalog.js";

/** What the rules are made of, from a match's public scenario or the setup page's summary. */
export interface RuleFacts {
  houses: readonly { name: string }[];
  roles: readonly { name: string; group: string; income: number; votes: number }[];
}

export function ruleFactsOf(scenario: Pick<MatchView["scenario"], "houses" | "roles">): RuleFacts {
  return { houses: scenario.houses, roles: scenario.roles.map((r) => ({ name: r.name, group: r.group, income: r.income, votes: r.blocVotes })) };
}

/** Houses that must each pass an option under R2: more than half of them. */
export function housesNeeded(facts: RuleFacts): number {
  return Math.floor(facts.houses.length / 2) + 1;
}

function governments(facts: RuleFacts) {
  return facts.roles.filter((r) => r.group === "government");
}

function blocs(facts: RuleFacts): string {
  return formatList(governments(facts).filter((r) => r.votes > 1).map((r) => t("rule.bloc", { name: r.name, votes: r.votes })));
}

/** The rule's name with how it decides here, e.g. "Stakeholder houses (a majority in 2 of 3 houses)". */
export function ruleLong(rule: DecisionRuleId, facts: RuleFacts): string {
  switch (rule) {
    case "R1":
      return t("rule.R1");
    case "R2":
      return t("rule.R2", { need: housesNeeded(facts), houses: facts.houses.length });
    case "R3":
      return t("rule.R3");
    case "R4":
      return governments(facts).some((r) => r.votes > 1) ? t("rule.R4.blocs", { blocs: blocs(facts) }) : t("rule.R4");
  }
}

/** One or two sentences on how the rule decides in this scenario (the setup page's explanation). */
export function ruleExplained(rule: DecisionRuleId, facts: RuleFacts): string {
  switch (rule) {
    case "R1":
      return t("rule.explain.R1");
    case "R2": {
      const need = housesNeeded(facts);
      const count = facts.houses.length;
      const houses = formatList(facts.houses.map((h) => h.name));
      return need === count ? t("rule.explain.R2.all", { houses, count }) : t("rule.explain.R2", { houses, count, need });
    }
    case "R3": {
      const total = facts.roles.reduce((a, r) => a + r.income, 0);
      const richest = facts.roles.reduce<RuleFacts["roles"][number] | null>((best, r) => (!best || r.income > best.income ? r : best), null);
      if (!richest || total <= 0) return t("rule.explain.R3.none");
      return t("rule.explain.R3", { richest: richest.name, share: Math.round((100 * richest.income) / total) });
    }
    case "R4": {
      const states = governments(facts);
      if (!states.length) return t("rule.explain.R4.none");
      const base = t("rule.explain.R4", { count: states.length, names: formatList(states.map((r) => r.name)) });
      return states.some((r) => r.votes > 1) ? `${base} ${t("rule.explain.R4.blocs", { blocs: blocs(facts) })}` : base;
    }
  }
}
