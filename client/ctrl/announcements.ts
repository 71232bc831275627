// What changed between two views, in words for the aria-live region: a new phase, a
// fellowship offer to me, a private message, a grant, an outcome, the end of the match, news.
import type { MatchView } from "../../shared/rules/view.js";
import { t } from "../text/catalog.js";
import { currentDossier, optionTitle, roleById, tableAt } from "./selectors.js";
import { corridorText } from "./corridor-text.js";

export function phaseName(phase: MatchView["phase"]): string {
  return t(`phase.${phase}`);
}

export function announcementsBetween(before: MatchView | null, after: MatchView): string[] {
  const said: string[] = [];
  if (!before || before.phase !== after.phase || before.round !== after.round) {
    if (after.phase === "ended") said.push(t("announce.ended"));
    else if (after.phase !== "lobby") {
      said.push(t("announce.phase", { round: after.round + 1, rounds: after.scenario.dossiers.length, phase: phaseName(after.phase) }));
    }
  }
  const myTable = tableAt(after, after.me?.table);
  const myRole = after.me?.role;
  if (before && myTable && myRole) {
    const known = new Set(tableAt(before, after.me?.table)?.fellowships.map((f) => `${f.id}:${f.status}`) ?? []);
    for (const offer of myTable.fellowships) {
      if (offer.to === myRole && offer.status === "offered" && !known.has(`${offer.id}:offered`)) {
        said.push(t("announce.offer", { sponsor: roleById(after, offer.from)?.name ?? offer.from }));
      }
    }
    const heard = new Set(tableAt(before, after.me?.table)?.corridor.map((c) => c.id) ?? []);
    for (const message of myTable.corridor) {
      if (message.to === myRole && !heard.has(message.id)) said.push(t("announce.corridor", { from: roleById(after, message.from)?.short ?? message.from, text: corridorText(after, message) }));
    }
    const grantsBefore = new Set(tableAt(before, after.me?.table)?.grants.map((g) => g.id) ?? []);
    for (const grant of myTable.grants) {
      if (grant.to === myRole && !grantsBefore.has(grant.id)) {
        said.push(t("announce.grant", { donor: roleById(after, grant.from)?.name ?? grant.from, amount: grant.amount }));
      }
    }
  }
  if (after.phase === "outcome" && before?.phase !== "outcome") {
    const dossier = currentDossier(after);
    for (const table of after.tables) {
      const decision = table.rounds[after.round]?.decision;
      if (decision) said.push(t("announce.adopted", { option: optionTitle(dossier, decision.adopted) }));
      if (after.viewer === "player") break;
    }
  }
  const newNews = after.news.filter((n) => !before?.news.some((b) => b.id === n.id));
  if (before) for (const item of newNews) said.push(t("announce.news", { text: item.text }));
  return said;
}
