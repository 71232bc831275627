// Money: grants move tokens between delegations with a note (recorded, shown to the two
// parties until the end); an expert briefing reveals a role's hidden payoffs for a price.
// Tokens leave the game only through trips and briefings (evolve's spend()).
import { LIMITS } from "../commands.js";
import { roleOf } from "../helpers.js";
import { checkBotLine } from "./bot-line.js";
import { checkText, isRejection, no, ok, refused, type Handlers } from "./context.js";

export const MONEY: Handlers<"GiveGrant" | "BuyBriefing"> = {
  GiveGrant: {
    by: "seat",
    decide: (command, { state, now, seat }) => {
      const to = roleOf(state.scenario, command.to);
      if (!to) return no("unknown-role");
      if (to.id === seat.role.id) return no("self-grant");
      const amount = command.amount;
      if (!Number.isInteger(amount) || amount < 1 || amount > LIMITS.maxGrant) return no("bad-amount");
      if (seat.me.tokens < amount) return no("not-enough-tokens", { need: "grant", have: seat.me.tokens });
      const note = command.note === undefined || command.note === "" ? "" : checkText(command.note, LIMITS.note);
      if (isRejection(note)) return refused(note);
      const line = checkBotLine(command.line, "GiveGrant", seat, state.scenario);
      if (isRejection(line)) return refused(line);
      return ok({ type: "GrantGiven", table: seat.table.index, id: `g${state.nextId}`, from: seat.role.id, to: to.id, amount, note, at: now, ...(line ? { line } : {}) });
    },
  },

  BuyBriefing: {
    by: "seat",
    decide: (_command, { state, seat }) => {
      const { role, round, me, dossier } = seat;
      if (!role.knowledge.hiddenPayoffs.some((h) => h.dossier === dossier.id)) return no("nothing-to-learn");
      if (round.briefingsBought.includes(role.id)) return no("already-briefed");
      if (me.tokens < state.scenario.briefingCost) return no("not-enough-tokens");
      return ok({ type: "BriefingBought", table: seat.table.index, role: role.id, cost: state.scenario.briefingCost });
    },
  },
};
