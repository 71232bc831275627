// The debrief, once the match is over: the teacher steps through the cards and their parts on
// every screen, decides whether nicknames appear beside the roles, and may set a capture mark
// aside with a reason the class will read. Nothing else moves after the end.
import { DEBRIEF_CARD_LIMIT, DEBRIEF_PART_LIMIT, LIMITS } from "../commands.js";
import { reject } from "../rejections.js";
import { checkText, isRejection, no, ok, type Handlers } from "./context.js";

export const DEBRIEF: Handlers<"ShowDebriefCard" | "ShowNicknames" | "ReviewMark"> = {
  ShowDebriefCard: {
    by: "teacher",
    decide: (command) => {
      if (!Number.isInteger(command.card) || command.card < 0 || command.card >= DEBRIEF_CARD_LIMIT) return no("unknown-card");
      const part = command.part;
      if (part === undefined) return ok({ type: "DebriefCardShown", card: command.card });
      if (!Number.isInteger(part) || part < 0 || part >= DEBRIEF_PART_LIMIT) return no("unknown-card");
      return ok({ type: "DebriefCardShown", card: command.card, part });
    },
  },

  ShowNicknames: {
    by: "teacher",
    decide: (command) => ok({ type: "NicknamesShown", shown: command.shown === true }),
  },

  ReviewMark: {
    by: "teacher",
    decide: (command, { now }) => {
      // Marks are computed from the record by the debrief analysis, which the engine does not
      // run: it checks the id's form ("m" and a record index); an id no mark has changes nothing.
      if (typeof command.mark !== "string" || !/^m\d{1,9}$/.test(command.mark)) return no("unknown-mark");
      if (command.setAside !== true) return ok({ type: "MarkReviewed", mark: command.mark, setAside: false, reason: "", at: now });
      const reason = checkText(command.reason ?? "", LIMITS.markReason);
      if (isRejection(reason)) return { ok: false, rejection: reason.code === "text-empty" ? reject("mark-reason") : reason };
      return ok({ type: "MarkReviewed", mark: command.mark, setAside: true, reason, at: now });
    },
  },
};
