// The debrief, once the match is over: the teacher steps through the cards on every screen and
// decides whether nicknames appear beside the roles. Nothing else moves after the end.
import { DEBRIEF_CARD_LIMIT } from "../commands.js";
import { no, ok, type Handlers } from "./context.js";

export const DEBRIEF: Handlers<"ShowDebriefCard" | "ShowNicknames"> = {
  ShowDebriefCard: {
    by: "teacher",
    decide: (command) => {
      if (!Number.isInteger(command.card) || command.card < 0 || command.card >= DEBRIEF_CARD_LIMIT) return no("unknown-card");
      return ok({ type: "DebriefCardShown", card: command.card });
    },
  },

  ShowNicknames: {
    by: "teacher",
    decide: (command) => ok({ type: "NicknamesShown", shown: command.shown === true }),
  },
};
