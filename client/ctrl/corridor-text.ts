// A corridor message as this device words it. A person's message is shown as it was written;
// a bot's carries its line by code (CorridorLine in shared/rules/types.ts), worded here in this
// device's language with the option's title from the view's (already localised) scenario, so a
// German phone reads a bot's whisper in German while the French one beside it reads French.
// Its English `text` is the fallback, for a line this catalog does not know.
import type { CorridorLine, CorridorMessage } from "../../shared/rules/types.js";
import type { MatchView } from "../../shared/rules/view.js";
import { isMessageKey, t } from "../text/catalog.js";

export function corridorText(view: MatchView, message: Pick<CorridorMessage, "text" | "round" | "line">): string {
  return message.line ? lineText(view, message.line, message.text, message.round) : message.text;
}

/** A bot's line in this device's language; `fallback` (its English) if the catalog lacks it. */
export function lineText(view: MatchView, line: CorridorLine, fallback: string, round?: number): string {
  const key = `bot.${line.key}.${line.variant}`;
  if (!isMessageKey(key)) return fallback;
  const options = round === undefined ? view.scenario.dossiers.flatMap((d) => d.options) : (view.scenario.dossiers[round]?.options ?? []);
  return t(key, { option: options.find((o) => o.id === line.option)?.title ?? line.option });
}
