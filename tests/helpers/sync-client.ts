// SDK rooms followed the way a device follows them: each room's sync frames are applied to
// its own SyncReceiver, so a test or a tool that drives the server through the SDK can read
// what that device holds. Call follow() right after joining, before any frame arrives.
import type { Room } from "@colyseus/sdk";
import { SYNC, SYNC_AGAIN, SyncReceiver, type DeviceState, type SyncFrame } from "../../shared/protocol/sync.js";
import type { MatchView } from "../../shared/rules/view.js";

const receivers = new WeakMap<Room, SyncReceiver>();

export function follow<R extends Room>(room: R): R {
  const receiver = new SyncReceiver();
  receivers.set(room, receiver);
  room.onMessage(SYNC, (frame: SyncFrame) => {
    if (!receiver.receive(frame, Date.now())) room.send(SYNC_AGAIN);
  });
  return room;
}

/** What the device on this room holds now (null before its first whole state). */
export function heldBy(room: Room): DeviceState | null {
  const receiver = receivers.get(room);
  if (!receiver) throw new Error("this room is not followed: call follow(room) right after joining");
  return receiver.state;
}

/** The device's view; throws until the first state has arrived. */
export function viewOf(room: Room): MatchView {
  const state = heldBy(room);
  if (!state) throw new Error("no state yet");
  return state.view;
}
