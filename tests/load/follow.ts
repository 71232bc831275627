// How a load client reads what a device holds: its seat and its MatchView. (The one place
// that knows how the wire carries them.)
import type { Room } from "@colyseus/sdk";
import { rebuildView, seatOf } from "../../shared/protocol/rebuild.js";
import type { SeatInfo, WireMatchState } from "../../shared/protocol/state.js";
import type { MatchView, Viewer } from "../../shared/rules/view.js";

export interface Follower {
  /** The device's view now (null before the first whole state). */
  view(): MatchView | null;
  seat(): SeatInfo | null;
}

export function follow(room: Room, as: Viewer["kind"]): Follower {
  const decoded = () => (room.state as { toJSON(): WireMatchState }).toJSON();
  const seat = () => (as === "player" ? seatOf(decoded()) : null);
  return {
    seat,
    view() {
      const state = decoded();
      if (!state?.scenario || state.scenario === "null") return null;
      const s = seat();
      if (as === "player" && !s) return null;
      return rebuildView(state, as === "player" ? { kind: "player", id: s!.player } : ({ kind: as } as Viewer));
    },
  };
}
