// The teacher's view of each table in the phase under way: who plays each role (and whether
// their phone is connected), what each delegation has done in this phase (travel chosen,
// positions declared), what is on the table, and the chair's buttons. Public facts only: a
// mirrored laptop may show all of it.
import type { MatchView, TableView } from "../../shared/rules/view.js";
import type { HostController } from "../ctrl/host-controller.js";
import { can } from "../ctrl/available.js";
import { currentDossier, delegatesOf, optionTitle, roleById } from "../ctrl/selectors.js";
import { t } from "../text/catalog.js";
import { h, type Child, type VNode } from "./dom.js";
import { button, errorFor, positionsOf, roleBadge, statementsFeed } from "./parts.js";

/**
 * Who plays each role at a table, whether their device is there, and what they did this phase.
 * With several tables each panel leads with who is still to act and who is offline, and folds
 * the full list of roles, so a class of forty fits a laptop screen or two.
 */
export function progressPanel(ctrl: HostController, view: MatchView, table: TableView): VNode {
  const round = table.rounds[view.round];
  const phase = view.phase;
  const done = view.scenario.roles.filter((r) => stepDone(view, table, r.id)).length;
  const counted = phase === "travel" || phase === "decision";
  const many = view.tables.length > 1;
  const waiting = counted ? view.scenario.roles.filter((r) => !stepDone(view, table, r.id) && delegatesOf(view, table.index, r.id).length > 0) : [];
  const offline = view.scenario.roles.filter((r) => delegatesOf(view, table.index, r.id).some((p) => p.kind === "human" && !ctrl.connected(p.id)));
  const drafting = phase === "negotiation" || phase === "decision";
  const roles = h(
    "div",
    { class: "scroll-x", "data-key": "roles" },
    h(
      "table",
      { class: "progress__table" },
      h("caption", { class: "visually-hidden" }, t("host.progressCaption")),
      h(
        "thead",
        null,
        h(
          "tr",
          null,
          h("th", { scope: "col" }, t("score.role")),
          h("th", { scope: "col" }, t("host.playedBy")),
          h("th", { scope: "col" }, t(`host.column.${phase}`)),
          drafting ? h("th", { scope: "col" }, t("host.draftingColumn")) : null,
          h("th", { scope: "col" }, t("host.tokens")),
        ),
      ),
      h(
        "tbody",
        null,
        view.scenario.roles.map((r) =>
          h(
            "tr",
            { "data-key": r.id, class: stepDone(view, table, r.id) ? "progress--done" : "" },
            h("th", { scope: "row" }, roleBadge(r)),
            h("td", null, playedBy(ctrl, view, table.index, r.id)),
            h("td", null, stepText(view, table, r.id)),
            drafting ? h("td", null, drafterCell(ctrl, view, table.index, r.id)) : null,
            h("td", null, String(table.delegations[r.id]?.tokens ?? 0)),
          ),
        ),
      ),
    ),
  );
  return h(
    "section",
    { class: "card progress", "data-key": `table-${table.index}`, "aria-labelledby": `table-${table.index}-heading`, "data-testid": `progress-${table.index}` },
    h("h2", { id: `table-${table.index}-heading` }, many ? [t("host.tableLabel", { table: table.index + 1 }), " · "] : null, t(`rule.short.${table.rule}`)),
    counted ? h("p", { class: "progress__count", "data-testid": `progress-count-${table.index}` }, t(`host.progress.${phase as "travel" | "decision"}`, { done, total: view.scenario.roles.length })) : null,
    many && waiting.length ? h("p", { class: "progress__waiting", "data-key": "waiting" }, t("host.waitingFor"), " ", waiting.map((r) => h("span", { "data-key": r.id, class: "progress__who" }, roleBadge(r), " ", playedBy(ctrl, view, table.index, r.id)))) : null,
    many && offline.length ? h("p", { class: "progress__waiting", "data-key": "offline" }, t("host.offlineHere"), " ", offline.map((r) => h("span", { "data-key": r.id, class: "progress__who" }, roleBadge(r), " ", playedBy(ctrl, view, table.index, r.id)))) : null,
    many ? h("details", { class: "progress__all", "data-key": "all" }, h("summary", null, t("host.everyRole", { table: table.index + 1 })), roles) : roles,
    phase === "negotiation" || phase === "decision" ? tabledForTeacher(ctrl, view, table) : null,
    phase === "negotiation" || phase === "decision" ? statementsFeed(view, table, many ? 2 : 5) : null,
    round && !round.tabled.length && phase === "decision" ? h("p", null, t("decision.nothing")) : null,
  );
}

/** Nicknames of a seat, each marked online, offline or bot. */
function playedBy(ctrl: HostController, view: MatchView, table: number, role: string): Child {
  const holders = delegatesOf(view, table, role);
  if (!holders.length) return h("span", { class: "presence presence--none" }, t("host.nobody"));
  return holders.map((p, i) => {
    const online = p.kind === "bot" || ctrl.connected(p.id);
    return h(
      "span",
      { "data-key": p.id, class: `presence ${online ? "presence--on" : "presence--off"}` },
      i ? ", " : null,
      p.nickname,
      " ",
      h("span", { class: "presence__mark" }, p.kind === "bot" ? t("host.botMark") : online ? t("host.onlineMark") : t("host.offlineMark")),
    );
  });
}

/** Whether a role has done this phase's step (chosen travel, declared on every tabled option). */
function stepDone(view: MatchView, table: TableView, role: string): boolean {
  const round = table.rounds[view.round];
  if (!round) return false;
  if (view.phase === "travel") return round.attendance[role] !== undefined && !round.attendance[role]?.defaulted;
  if (view.phase === "decision") return round.tabled.length > 0 && round.tabled.every((x) => round.positions[role]?.[x.option] !== undefined);
  return false;
}

function stepText(view: MatchView, table: TableView, role: string): Child {
  const round = table.rounds[view.round];
  const attendance = round?.attendance[role];
  const mode = attendance ? t(attendance.mode === "in-person" ? "table.inRoom" : attendance.mode === "remote" ? "table.remote" : "table.absent") : null;
  switch (view.phase) {
    case "briefing":
      return delegatesOf(view, table.index, role).length ? t("host.step.reading") : t("host.step.empty");
    case "travel":
      return attendance && !attendance.defaulted ? h("span", { class: "step step--done" }, "✓ ", mode) : h("span", { class: "step step--waiting" }, t("host.step.notYet"));
    case "negotiation": {
      const said = table.statements.filter((s) => s.round === view.round && s.role === role).length;
      return [mode ?? "—", said ? ` · ${t("host.step.said", { count: said })}` : null];
    }
    case "decision": {
      const tabled = round?.tabled ?? [];
      const declared = tabled.filter((x) => round?.positions[role]?.[x.option] !== undefined).length;
      return tabled.length ? h("span", { class: declared === tabled.length ? "step step--done" : "step step--waiting" }, t("host.step.declared", { declared, total: tabled.length })) : (mode ?? "—");
    }
    case "outcome": {
      const payoff = round?.adoptedPayoffs?.[role];
      return payoff === undefined ? "—" : t("host.step.payoff", { payoff: payoff > 0 ? `+${payoff}` : String(payoff) });
    }
    default:
      return "—";
  }
}

/** The drafting group: who sits in it, and the chair's button to seat or unseat a delegation. */
function drafterCell(ctrl: HostController, view: MatchView, table: number, role: string): Child {
  const seated = view.tables.find((x) => x.index === table)?.rounds[view.round]?.drafting.includes(role) ?? false;
  const short = roleById(view, role)?.short ?? role;
  const control = `drafter-${table}-${role}`;
  const toggle = can(view, "NameDrafter", `${table}/${role}`)
    ? button(ctrl.session, control, seated ? t("host.draftingUnseatShort") : t("host.draftingSeatShort"), () => void ctrl.nameDrafter(table, role, !seated), {
        class: "button button--secondary button--small",
        "aria-label": seated ? t("host.draftingUnseat", { role: short }) : t("host.draftingSeat", { role: short }),
      })
    : null;
  return [seated ? h("span", { class: "step step--done" }, "✓ ", t("host.drafting"), " ") : null, toggle, errorFor(ctrl.session, control)];
}

/** The options on the table with everyone's public stance, and the chair's consensus call. */
function tabledForTeacher(ctrl: HostController, view: MatchView, table: TableView): VNode {
  const dossier = currentDossier(view);
  const round = table.rounds[view.round];
  return h(
    "div",
    { class: "tabled" },
    h("h3", null, t("negotiation.tabled")),
    (round?.tabled ?? []).length === 0
      ? h("p", { class: "hint" }, t("table.nothingTabled"))
      : h(
          "ul",
          { class: "tabled__list" },
          (round?.tabled ?? []).map(({ option }) => {
            const control = `consensus-${table.index}-${option}`;
            return h(
              "li",
              { "data-key": option },
              h("strong", null, option),
              " ",
              optionTitle(dossier, option),
              positionsOf(view, round?.positions ?? {}, option),
              can(view, "CallConsensus", `${table.index}/${option}`)
                ? button(ctrl.session, control, t("host.consensusOn", { option, table: table.index + 1 }), () => void ctrl.callConsensus(table.index, option), { class: "button button--primary" })
                : null,
              errorFor(ctrl.session, control),
            );
          }),
        ),
  );
}
