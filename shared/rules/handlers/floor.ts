// The floor and the corridor: delegates in the room speak and table options; remote
// participants post a few written comments; corridor talk passes only between delegations in
// the room (and, under the surveillance variant, a listener reads a seeded sample of it).
import { nextRandom } from "../../random/rng.js";
import { LIMITS } from "../commands.js";
import { roleOf } from "../helpers.js";
import type { RoleId } from "../types.js";
import { checkBotLine } from "./bot-line.js";
import { checkText, isRejection, no, ok, refused, type Handlers } from "./context.js";

/** One in three corridor messages reaches the listening role under the surveillance variant. */
const INTERCEPT_CHANCE = 1 / 3;

export const FLOOR: Handlers<"MakeStatement" | "PostRemoteComment" | "SendCorridorMessage" | "TableOption"> = {
  MakeStatement: {
    by: "seat",
    decide: (command, { state, now, seat }) => {
      if (seat.player.muted) return no("muted");
      if (seat.mode !== "in-person") return no("not-in-room");
      const text = checkText(command.text, LIMITS.statement);
      if (isRejection(text)) return refused(text);
      const line = checkBotLine(command.line, "MakeStatement", seat, state.scenario);
      if (isRejection(line)) return refused(line);
      return ok({ type: "StatementMade", table: seat.table.index, id: `s${state.nextId}`, role: seat.role.id, player: seat.player.id, kind: "floor", text, at: now, ...(line ? { line } : {}) });
    },
  },

  PostRemoteComment: {
    by: "seat",
    decide: (command, { state, now, seat }) => {
      const { player, role, round, mode } = seat;
      if (player.muted) return no("muted");
      if (mode !== "remote") return no(mode === "in-person" ? "not-remote" : "not-attending");
      if ((round.remoteCommentsUsed[role.id] ?? 0) >= state.scenario.remoteCommentsPerRound) return no("comments-used");
      const text = checkText(command.text, LIMITS.remoteComment);
      if (isRejection(text)) return refused(text);
      const line = checkBotLine(command.line, "PostRemoteComment", seat, state.scenario);
      if (isRejection(line)) return refused(line);
      return ok({ type: "StatementMade", table: seat.table.index, id: `s${state.nextId}`, role: role.id, player: player.id, kind: "remote", text, at: now, ...(line ? { line } : {}) });
    },
  },

  SendCorridorMessage: {
    by: "seat",
    decide: (command, { state, now, seat }) => {
      const { player, role, round } = seat;
      if (player.muted) return no("muted");
      if (seat.mode !== "in-person") return no("not-in-room");
      const to = roleOf(state.scenario, command.to);
      if (!to) return no("unknown-role");
      if (to.id === role.id) return no("self-message");
      if (round.attendance[to.id]?.mode !== "in-person") return no("recipient-not-in-room");
      const text = checkText(command.text, LIMITS.corridor);
      if (isRejection(text)) return refused(text);
      const line = checkBotLine(command.line, "SendCorridorMessage", seat, state.scenario);
      if (isRejection(line)) return refused(line);
      let rng = state.rng;
      let interceptedBy: RoleId | null = null;
      if (state.settings.variants.surveillance) {
        const listener = state.scenario.roles.find((r) => r.abilities.surveillance && r.id !== role.id && r.id !== to.id);
        if (listener) {
          const draw = nextRandom(rng);
          rng = draw.state;
          if (draw.value < INTERCEPT_CHANCE) interceptedBy = listener.id;
        }
      }
      return ok({ type: "CorridorMessageSent", table: seat.table.index, id: `c${state.nextId}`, from: role.id, to: to.id, player: player.id, text, at: now, interceptedBy, rng, ...(line ? { line } : {}) });
    },
  },

  TableOption: {
    by: "seat",
    decide: (command, { now, seat }) => {
      if (seat.mode !== "in-person") return no("not-in-room");
      if (!seat.dossier.options.some((o) => o.id === command.option)) return no("unknown-option");
      if (seat.round.tabled.some((x) => x.option === command.option)) return no("already-tabled");
      return ok({ type: "OptionTabled", table: seat.table.index, option: command.option, by: seat.role.id, at: now });
    },
  },
};
