// How a load client reads what a device holds: its seat and its MatchView, kept from the
// server's sync frames exactly as the browser client keeps them.
import type { Room } from "@colyseus/sdk";
import type { SeatInfo } from "../../shared/protocol/sync.js";
import type { MatchView, Viewer } from "../../shared/rules/view.js";
import { follow as followRoom, heldBy } from "../helpers/sync-client.js";

export interface Follower {
  /** The device's view now (null before the first whole state). */
  view(): MatchView | null;
  seat(): SeatInfo | null;
}

export function follow(room: Room, _as: Viewer["kind"]): Follower {
  followRoom(room);
  return {
    view: () => heldBy(room)?.view ?? null,
    seat: () => heldBy(room)?.seat ?? null,
  };
}
