// The sentences of the debrief's cards that make a claim about a role — who paid whom and when,
// what a role declared around the money, what it argued for in public — written from the
// analysis alone (no page, no DOM), so that each can be checked against a recorded match. A
// line says only what the record holds: a stance never declared is not shown, a role that never
// spoke argued for nothing, and money is placed against the decisions it came between.
import type { Mark, SaidToldDid, TableDebrief } from "../../shared/analysis/debrief.js";
import type { Stance } from "../../shared/rules/types.js";
import { t } from "../text/catalog.js";
import { listWords, signed } from "./format.js";

/** What the lines read besides the analysis: each role's label at its table and the scenario's venues (a DebriefController). */
export interface LineContext {
  label(table: number, role: string): string;
  readonly view: { scenario: { dossiers: readonly { venue: { city: string } }[] } } | null;
}

export const STANCE_ICON: Record<Stance, string> = { object: "▼", live: "●", support: "▲" };

export const stanceWord = (s: Stance) => t(`debrief.stance.${s}`);

type Payment = TableDebrief["money"][number]["payment"];

/**
 * When money came, against the decision it is read against. A grant given once its round's
 * dossier was decided cannot have bought that round's stances: it is read against the next
 * round's, so the line says it came after one decision and before the next — or after the last.
 */
function timing(p: Payment): "during" | "between" | "after-last" {
  return p.covers === p.round ? "during" : p.covers === null ? "after-last" : "between";
}

/** One line of the card's list of payments. */
export function paymentText(label: (role: string) => string, p: Payment, city: string): string {
  const args = { round: p.round + 1, next: (p.covers ?? p.round) + 1, from: label(p.from), to: label(p.to), amount: p.amount, city };
  if (p.kind !== "grant") return p.programme ? t("debrief.money.programme", args) : t("debrief.money.fellowship", args);
  const when = timing(p);
  return when === "between" ? t("debrief.money.grantBetween", args) : when === "after-last" ? t("debrief.money.grantAfterLast", args) : t("debrief.money.grant", args);
}

/** The "From" cell of a row of stances around the money: who paid, what, and when. */
export function paymentFrom(label: (role: string) => string, p: Payment): string {
  const when = timing(p);
  const round = when === "between" ? t("debrief.positions.roundBetween", { round: p.round + 1, next: (p.covers ?? p.round) + 1 }) : when === "after-last" ? t("debrief.positions.roundAfterLast", { round: p.round + 1 }) : t("debrief.positions.round", { round: p.round + 1 });
  return `${label(p.from)} · ${t(`debrief.kind.${p.kind}`)}, ${round}`;
}

/**
 * Declared stances as the record holds them, and the objections that blocked the option (a
 * declaration too): nothing is shown that was not declared.
 */
export function stanceChain(stances: { stance: Stance; blocked?: boolean }[]): string {
  return stances.length ? stances.map((s) => `${STANCE_ICON[s.stance]} ${s.blocked ? t("debrief.positions.blocked") : stanceWord(s.stance)}`).join(" → ") : t("debrief.positions.none");
}

/** The verdict cell of a payment with no option to check: its funder declared none, or nothing was left to decide. */
export function noCheckText(label: (role: string) => string, p: Payment): string {
  return p.covers === null ? t("debrief.money.nothingLeft") : t("debrief.money.noOption", { from: label(p.from) });
}

/** Why a mark is marked: the events behind it, in the order they happened. */
export function whyLines(ctrl: LineContext, table: TableDebrief, mark: Mark): string[] {
  const role = ctrl.label(table.table, mark.role);
  const lines: string[] = [];
  for (const f of mark.funders) {
    for (const id of f.payments) {
      const p = table.money.find((m) => m.payment.id === id)?.payment;
      if (!p) continue;
      const city = ctrl.view?.scenario.dossiers[p.round]?.venue.city ?? "";
      const args = { from: ctrl.label(table.table, p.from), to: role, city, round: p.round + 1, next: (p.covers ?? p.round) + 1, amount: p.amount };
      const granted = timing(p) === "between" ? "debrief.money.why.grantedBetween" : "debrief.money.why.granted";
      lines.push(p.kind === "grant" ? t(granted, args) : p.programme ? t("debrief.money.why.programme", args) : t("debrief.money.why.paid", args));
    }
    lines.push(t(f.declared.kind === "support" ? "debrief.money.why.supported" : "debrief.money.why.expected", { from: ctrl.label(table.table, f.role), option: mark.option }));
  }
  lines.push(t("debrief.money.why.moved", { role, option: mark.option, before: stanceWord(mark.before.stance), after: stanceWord(mark.after.stance) }));
  lines.push(t("debrief.money.why.interest", { option: mark.option, payoff: signed(mark.payoff), role, better: listWords(mark.better.map((b) => `${b.option} (${signed(b.payoff)})`)) }));
  if (mark.blocked.length) lines.push(t("debrief.money.why.blocked", { blocked: listWords(mark.blocked.map((b) => t("debrief.money.blockedBy", { option: b.option, roles: listWords(b.by.map((r) => ctrl.label(table.table, r))) }))) }));
  if (mark.hidden.length) lines.push(t("debrief.money.why.hidden", { role, options: listWords(mark.hidden) }));
  return lines;
}

/**
 * What a role argued for in public, with "≠" when that was not the best for its people. A role
 * that made no floor statement and no remote comment argued for nothing, whatever it ticked:
 * the cell says so, and there is nothing to mismatch.
 */
export function saidCell(s: Pick<SaidToldDid, "spoke" | "said" | "best">): string {
  if (!s.spoke) return t("debrief.said.silent");
  if (!s.said) return "—";
  return s.best.includes(s.said) ? s.said : `${s.said} ≠`;
}
