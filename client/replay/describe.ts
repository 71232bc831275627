// One plain sentence per recorded event, for the text mode and "what just happened". What a
// sentence reveals follows the chosen viewer: corridor words only for those who heard them,
// trip and grant notes never (the view panels show what the viewer saw).
import type { GameEvent } from "../../shared/rules/events.js";
import type { MatchView } from "../../shared/rules/view.js";
import { lineText } from "../ctrl/corridor-text.js";
import type { SeenEvent } from "../../shared/replay/seen.js";
import { t } from "../text/catalog.js";
import { rt } from "../text/replay-en.js";
import type { ViewChoice } from "./replay-controller.js";


/**
 * The sentence for an event as the viewer may know it (shared/replay/seen.ts): what the viewer
 * may not know is not in the event at all, so the sentence says only that something happened.
 */
export function describeEvent(seen: SeenEvent, choice: ViewChoice, view?: MatchView): string {
  if (seen.type === "CorridorMessageSent" && typeof seen.text !== "string") return rt("replay.privateCorridor");
  if (seen.type === "BriefingBought" && typeof seen.role !== "string") return rt("event.BriefingBoughtHidden");
  // Past those two, a seen event keeps every field the sentences below read.
  const e = seen as unknown as GameEvent;
  switch (e.type) {
    case "PlayerJoined":
    case "PlayerRenamed":
      return rt(`event.${e.type}`, { nickname: e.nickname });
    case "RoundOpened":
      return rt("event.RoundOpened", { round: e.round + 1, dossier: e.dossier });
    case "PhaseChanged":
      return rt("event.PhaseChanged", { phase: t(`phase.${e.phase}`) });
    case "ClockExtended":
      return rt("event.ClockExtended", { seconds: e.seconds });
    case "TravelBooked":
      return rt("event.TravelBooked", { role: e.role, mode: e.attendance.mode === "in-person" ? "inPerson" : e.attendance.mode });
    case "FellowshipOffered":
      return rt("event.FellowshipOffered", { from: e.from, to: e.to });
    case "GrantGiven":
      return rt("event.GrantGiven", { from: e.from, to: e.to, amount: e.amount });
    case "BriefingBought":
      return rt("event.BriefingBought", { role: e.role });
    // A bot's line in this device's language (client/ctrl/corridor-text.ts).
    case "StatementMade":
      return rt("event.StatementMade", { role: e.role, text: e.line && view ? lineText(view, e.line, e.text) : e.text });
    case "CorridorMessageSent": {
      const heard = choice.kind === "everything" || (choice.kind === "role" && choice.table === e.table && [e.from, e.to, e.interceptedBy].includes(choice.role));
      const text = e.line && view ? lineText(view, e.line, e.text) : e.text;
      return heard ? rt("event.CorridorMessageSent", { from: e.from, to: e.to, text }) : rt("replay.privateCorridor");
    }
    case "OptionTabled":
      return rt("event.OptionTabled", { role: e.by, option: e.option });
    case "PositionDeclared":
      return rt("event.PositionDeclared", { role: e.role, stance: e.stance, option: e.option });
    case "DrafterNamed":
      return rt("event.DrafterNamed", { role: e.role });
    case "RiderInserted":
      return rt("event.RiderInserted", { role: e.by, option: e.option });
    case "RiderObjected":
      return rt("event.RiderObjected", { role: e.by });
    case "ConsensusCalled":
      return rt("event.ConsensusCalled", { option: e.option });
    case "DossierDecided":
      return rt("event.DossierDecided", { option: e.decision.adopted });
    case "IncomeChanged":
      return rt("event.IncomeChanged", { reason: e.reason });
    case "NewsPushed":
      return rt("event.NewsPushed", { text: e.text });
    case "DebriefCardShown":
      return rt("event.DebriefCardShown", { card: e.card + 1 });
    case "MarkReviewed":
      return e.setAside ? rt("event.MarkSetAside", { reason: e.reason }) : rt("event.MarkReviewed");
    default:
      return rt(`event.${e.type}`);
  }
}
