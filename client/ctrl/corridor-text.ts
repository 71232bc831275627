// What a bot said, as this device words it: floor statements, remote comments, corridor
// messages and the notes on its fellowship offers and grants. A person's words are shown as
// they were written; a bot's carry their line by code (BotLine in shared/rules/types.ts),
// worded here in this device's language, every id it names — option, role, dossier, the
// dossier's city — taken from the view's (already localised) scenario, so a German phone reads
// a bot's statement in German, with the option's German title, while the French one beside it
// reads French. The English text on the record is the fallback, for a line this catalog lacks.
import type { BotLine, CorridorMessage, Fellowship, Grant, Statement } from "../../shared/rules/types.js";
import { lineWords } from "../../shared/bots/lines.js";
import type { MatchView } from "../../shared/rules/view.js";
import { isMessageKey, t } from "../text/catalog.js";

/** A corridor message's words on this device. */
export function corridorText(view: MatchView, message: Pick<CorridorMessage, "text" | "round" | "line">): string {
  return message.line ? lineText(view, message.line, message.text, message.round) : message.text;
}

/** A floor statement's or remote comment's words on this device (the same fields as a corridor message's). */
export const statementText: (view: MatchView, statement: Pick<Statement, "text" | "round" | "line">) => string = corridorText;

/** The note on a fellowship offer or a grant, on this device ("" when there is none). */
export function noteText(view: MatchView, given: Pick<Fellowship | Grant, "note" | "round" | "line">): string {
  return given.line ? lineText(view, given.line, given.note, given.round) : given.note;
}

/**
 * A bot's line in this device's language; `fallback` (its English) if the catalog lacks it.
 * `round` says which dossier's options an option id is looked up in (lineWords in
 * shared/bots/lines.ts).
 */
export function lineText(view: MatchView, line: BotLine, fallback: string, round?: number): string {
  const key = `bot.${line.key}.${line.variant}`;
  return isMessageKey(key) ? t(key, lineWords(view.scenario, line, round)) : fallback;
}
