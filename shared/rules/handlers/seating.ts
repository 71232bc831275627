// Seating: people join and leave under a unique nickname that shows on screen (nicknames.ts);
// the teacher deals and moves roles; bots take the seats nobody holds. A seat filled after
// travel takes part remotely at once.
import { shuffle } from "../../random/rng.js";
import { LIMITS } from "../commands.js";
import { delegatesOf, presentPlayers, roleOf } from "../helpers.js";
import { botsForEmptySeats, joinRoundRemotely, nextSeat, seatCounts, takeSeat } from "../seat-allocation.js";
import type { MatchState, RoleId } from "../types.js";
import { checkNickname } from "../nicknames.js";
import { no, ok, type Handlers } from "./context.js";

/** The nickname, made unique among present players by a number ("Ana", "Ana 2"), within the length limit. */
function uniqueNickname(state: MatchState, wanted: string, except?: string): string {
  const taken = new Set(
    Object.values(state.players)
      .filter((p) => p.present && p.id !== except)
      .map((p) => p.nickname.toLowerCase()),
  );
  if (!taken.has(wanted.toLowerCase())) return wanted;
  const chars = [...wanted];
  for (let n = 2; ; n++) {
    const suffix = ` ${n}`;
    // Cut whole characters, and never leave a joiner or an accent hanging at the cut.
    let kept = chars.length;
    while (kept > 0 && chars.slice(0, kept).join("").length > LIMITS.nickname - suffix.length) kept--;
    while (kept > 0 && /[\p{M}\p{Cf}]/u.test(chars[kept - 1]!)) kept--;
    const candidate = chars.slice(0, kept).join("").trimEnd() + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

const present = (state: MatchState, id: string) => state.players[id]?.present === true;

export const SEATING: Handlers<
  "JoinMatch" | "RenamePlayer" | "LeaveMatch" | "RemovePlayer" | "MutePlayer" | "AssignRolesAutomatically" | "AssignRole" | "FillWithBots"
> = {
  JoinMatch: {
    by: "anyone",
    decide: (command, { state, meta, now }) => {
      const checked = checkNickname(command.nickname);
      if (!checked.ok) return no(checked.code, checked.params);
      const nickname = checked.nickname;
      if (meta.actor.kind === "player" && meta.actor.id !== command.playerId) return no("not-your-seat");
      if (present(state, command.playerId)) return no("bad-input", { problem: "seatTaken" });
      let table: number | null = null;
      let role: RoleId | null = null;
      // Someone coming back (their screens had all gone, so the room let their seat go) sits
      // where they sat before, if that delegation still has room; otherwise like anyone new.
      const before = state.players[command.playerId];
      const counts = seatCounts(state);
      if (before?.table !== null && before?.table !== undefined && before.role !== null) {
        const held = roleOf(state.scenario, before.role);
        if (held && (counts.get(`${before.table}/${held.id}`) ?? 0) < held.maxDelegates) ({ table, role } = { table: before.table, role: held.id });
      }
      if (table === null && state.status === "running" && state.settings.lateJoiners === "delegate") {
        const seat = nextSeat(state, counts);
        if (seat) ({ table, role } = seat);
      }
      return ok(
        { type: "PlayerJoined", player: command.playerId, nickname: uniqueNickname(state, nickname), kind: "human", table, role, at: now },
        ...joinRoundRemotely(state, [{ table, role }]),
      );
    },
  },

  RenamePlayer: {
    by: "anyone",
    decide: (command, { state, meta }) => {
      if (!present(state, command.player)) return no("unknown-player");
      if (meta.actor.kind !== "teacher" && !(meta.actor.kind === "player" && meta.actor.id === command.player)) return no("not-your-seat");
      const checked = checkNickname(command.nickname);
      if (!checked.ok) return no(checked.code, checked.params);
      return ok({ type: "PlayerRenamed", player: command.player, nickname: uniqueNickname(state, checked.nickname, command.player) });
    },
  },

  LeaveMatch: {
    by: "anyone",
    decide: (command, { state, meta }) => {
      if (!present(state, command.player)) return no("unknown-player");
      if (!(meta.actor.kind === "player" && meta.actor.id === command.player)) return no("not-your-seat");
      return ok({ type: "PlayerLeft", player: command.player, removed: false });
    },
  },

  RemovePlayer: {
    by: "teacher",
    decide: (command, { state }) => {
      if (!present(state, command.player)) return no("unknown-player");
      return ok({ type: "PlayerLeft", player: command.player, removed: true });
    },
  },

  MutePlayer: {
    by: "teacher",
    decide: (command, { state }) => {
      if (!present(state, command.player)) return no("unknown-player");
      return ok({ type: "PlayerMuted", player: command.player, muted: command.muted === true });
    },
  },

  AssignRolesAutomatically: {
    by: "teacher",
    decide: (_command, { state }) => {
      const waiting = presentPlayers(state).filter((p) => p.kind === "human" && p.role === null);
      const { state: rng, items } = shuffle(
        waiting.map((p) => p.id),
        state.rng,
      );
      const counts = seatCounts(state);
      const assignments = items.map((player) => {
        const seat = nextSeat(state, counts);
        if (!seat) return { player, table: null, role: null };
        takeSeat(counts, seat.table, seat.role);
        return { player, table: seat.table, role: seat.role };
      });
      return ok({ type: "RolesAssigned", assignments, rng }, ...joinRoundRemotely(state, assignments));
    },
  },

  AssignRole: {
    by: "teacher",
    decide: (command, { state }) => {
      const player = state.players[command.player];
      if (!player || !player.present) return no("unknown-player");
      if (command.role === null || command.table === null) return ok({ type: "RolesAssigned", assignments: [{ player: command.player, table: null, role: null }], rng: state.rng });
      if (!state.tables[command.table]) return no("unknown-table");
      const role = roleOf(state.scenario, command.role);
      if (!role) return no("unknown-role");
      const already = player.table === command.table && player.role === command.role;
      if (!already && delegatesOf(state, command.table, role.id).length >= role.maxDelegates) return no("delegation-full");
      const seat = { player: command.player, table: command.table, role: role.id };
      return ok({ type: "RolesAssigned", assignments: [seat], rng: state.rng }, ...joinRoundRemotely(state, [seat]));
    },
  },

  FillWithBots: {
    by: "teacher",
    decide: (_command, { state, now }) => {
      const bots = botsForEmptySeats(state, now);
      if (!bots.length) return no("no-seats-left");
      return ok(...bots, ...joinRoundRemotely(state, bots));
    },
  },
};
