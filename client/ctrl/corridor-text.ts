// What a bot said, as this device words it: floor statements, remote comments, corridor
// messages and the notes on its fellowship offers and grants. A person's words are shown as
// they were written; a bot's carry their line by code (BotLine in shared/rules/types.ts),
// worded here in this device's language, every id it names — option, role, dossier, the
// dossier's city — taken from the view's (already localised) scenario, so a German phone reads
// a bot's statement in German, with the option's German title, while the French one beside it
// reads French. The English text on the record is the fallback, for a line this catalog lacks.
import type { BotLine, CorridorMessage, Fellowship, Grant, Statement } from "../../shared/rules/types.js";
import type { MatchView } from "../../shared/rules/view.js";
import { isMessageKey, t } from "../text/catalog.js";

/** A corridor message's words on this device. */
export function corridorText(view: MatchView, message: Pick<CorridorMessage, "text" | "round" | "line">): string {
  return message.line ? lineText(view, message.line, message.text, message.round) : message.text;
}

/** A floor statement's or remote comment's words on this device. */
export function statementText(view: MatchView, statement: Pick<Statement, "text" | "round" | "line">): string {
  return statement.line ? lineText(view, statement.line, statement.text, statement.round) : statement.text;
}

/** The note on a fellowship offer or a grant, on this device ("" when there is none). */
export function noteText(view: MatchView, given: Pick<Fellowship | Grant, "note" | "round" | "line">): string {
  return given.line ? lineText(view, given.line, given.note, given.round) : given.note;
}

/**
 * A bot's line in this device's language; `fallback` (its English) if the catalog lacks it.
 * `round` says which dossier's options an option id is looked up in (an id is unique within
 * a dossier); without it, every dossier's and the rider's.
 */
export function lineText(view: MatchView, line: BotLine, fallback: string, round?: number): string {
  const key = `bot.${line.key}.${line.variant}`;
  if (!isMessageKey(key)) return fallback;
  const { scenario } = view;
  const options = round === undefined ? [...scenario.dossiers.flatMap((d) => d.options), ...(scenario.rider?.options ?? [])] : (scenario.dossiers[round]?.options ?? []);
  const dossier = line.dossier === undefined ? undefined : scenario.dossiers.find((d) => d.id === line.dossier);
  const role = line.role === undefined ? undefined : (scenario.roles.find((r) => r.id === line.role)?.name ?? line.role);
  return t(key, {
    ...(line.option === undefined ? {} : { option: options.find((o) => o.id === line.option)?.title ?? line.option }),
    ...(role === undefined ? {} : { constituency: role, sponsor: role }),
    ...(line.dossier === undefined ? {} : { dossier: dossier?.title ?? line.dossier, city: dossier?.venue.city ?? line.dossier }),
  });
}
