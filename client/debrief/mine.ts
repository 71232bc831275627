// A student's own version of each card: the facts about their seat, from the analysis and
// from what only their device holds (their briefing, their corridor talk). Never shown on
// the projector or the teacher's screen, which have no seat. Worded as facts for the
// discussion: a student's screen never tells them a mark is "on them".
import type { Debrief, TableDebrief } from "../../shared/analysis/debrief.js";
import type { DecisionRuleId } from "../../shared/scenario/schema.js";
import { t } from "../text/catalog.js";
import type { DebriefCard } from "../text/debrief-en.js";
import { h, type VNode } from "../ui/dom.js";
import { modeWords } from "./charts.js";
import { stanceWord } from "./lines.js";
import type { DebriefController } from "./debrief-controller.js";
import { listWords, score, signed } from "./format.js";

const RULES: readonly DecisionRuleId[] = ["R1", "R2", "R3", "R4"];

function lines(ctrl: DebriefController, card: DebriefCard, table: TableDebrief, debrief: Debrief, role: string): string[] {
  const view = ctrl.view!;
  const dossier = (round: number) => view.scenario.dossiers[round]?.title ?? String(round + 1);
  switch (card) {
    case "argument":
      // The student's own mandate, to set against the essay's claim.
      return [t("debrief.mine.mandate", { mandate: view.scenario.roles.find((r) => r.id === role)?.mandate ?? "" })];
    case "outcomes": {
      const ranked = [...table.scores].sort((a, b) => b.total - a.total);
      const own = ranked.find((s) => s.role === role);
      return [
        ...table.outcomes.filter((o) => o.adopted).map((o) => t("debrief.mine.outcome", { dossier: dossier(o.round), option: o.adopted!, payoff: signed(o.payoffs[role] ?? 0) })),
        own ? t("debrief.mine.score", { total: signed(own.total), rank: ranked.indexOf(own) + 1, count: ranked.length }) : "",
      ];
    }
    case "room": {
      const sent = view.tables.find((x) => x.index === table.table)?.corridor.filter((c) => c.from === role).length ?? 0;
      return [
        ...table.presence.filter((p) => p.role === role).map((p) => t("debrief.mine.room", { dossier: dossier(p.round), mode: modeWords(p, ctrl, table.table) })),
        t("debrief.mine.corridor", { count: sent }),
      ];
    }
    case "money": {
      const kind = (k: "fellowship" | "grant") => t(`debrief.kind.${k}`);
      const flows = table.money.map((m) => m.payment);
      const own = [
        ...flows.filter((f) => f.to === role).map((f) => t("debrief.mine.received", { amount: f.amount, from: ctrl.label(table.table, f.from), round: f.round + 1, kind: kind(f.kind) })),
        ...flows.filter((f) => f.from === role).map((f) => t("debrief.mine.gave", { amount: f.amount, to: ctrl.label(table.table, f.to), round: f.round + 1, kind: kind(f.kind) })),
      ];
      const moves = ctrl.marks(table).filter(({ mark }) => mark.role === role);
      return [
        ...(own.length ? own : [t("debrief.mine.noMoney")]),
        ...(moves.length
          ? moves.map(({ mark, aside }) =>
              aside
                ? t("debrief.mine.moveSetAside", { option: mark.option, reason: aside.reason })
                : t("debrief.mine.move", {
                    option: mark.option,
                    before: stanceWord(mark.before.stance),
                    after: stanceWord(mark.after.stance),
                    funders: listWords(mark.funders.map((f) => ctrl.label(table.table, f.role))),
                    better: listWords(mark.better.map((b) => b.option)),
                  }),
            )
          : [t("debrief.mine.noMove")]),
      ];
    }
    case "said":
      return table.saidToldDid
        .filter((s) => s.role === role)
        .flatMap((s) => [
          t(s.spoke ? "debrief.mine.said" : "debrief.mine.saidSilent", { dossier: dossier(s.round), told: s.told.length ? listWords(s.told) : "—", said: s.said ?? t("debrief.said.nothing"), did: s.did.length ? listWords(s.did) : t("debrief.said.nothing") }),
          s.hidden.length ? t("debrief.mine.hiddenAtEnd", { dossier: dossier(s.round), options: listWords(s.hidden) }) : "",
        ]);
    case "chair": {
      const own = ctrl.mine?.role.publicInterestCase;
      return [
        ...table.emptyChair
          .filter((c) => c.adopted)
          .map((c) => t("debrief.mine.chair", { dossier: dossier(c.round), option: c.adopted!, payoff: signed(table.outcomes[c.round]?.payoffs[role] ?? 0), score: score(c.publicInterest ?? 0) })),
        own ? t("debrief.mine.case", { case: own }) : "",
      ];
    }
    case "vote": {
      const power = Object.fromEntries(RULES.map((r) => [r, `${Math.round((debrief.power[r]?.banzhaf[role] ?? 0) * 100)}%`]));
      return [t("debrief.mine.power", power)];
    }
    case "history":
      return view.briefing?.notes.length ? [t("debrief.mine.notes"), ...view.briefing.notes] : [];
    case "tables":
      return [t("debrief.mine.table", { table: table.table + 1 })];
  }
}

/** "Only you can see this": the student's own facts for the card on show, or nothing. */
export function mineSection(ctrl: DebriefController, card: DebriefCard, debrief: Debrief): VNode | null {
  const mine = ctrl.mine;
  const table = ctrl.tables()[0];
  if (!mine || !table) return null;
  const items = lines(ctrl, card, table, debrief, mine.role.id).filter(Boolean);
  if (!items.length) return null;
  return h(
    "aside",
    { class: "debrief__mine", "aria-labelledby": "debrief-mine-heading", "data-testid": "debrief-mine" },
    h("h3", { id: "debrief-mine-heading" }, `${t("debrief.yours")} — ${mine.role.short}`),
    // The history card lists the briefing's notes under a lead line.
    card === "history" ? [h("p", null, items[0]), h("ul", null, items.slice(1).map((item) => h("li", null, item)))] : h("ul", null, items.map((item) => h("li", null, item))),
  );
}
