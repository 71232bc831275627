// What the server keeps on each device, and how it travels. A device holds one DeviceState:
// exactly the MatchView that viewFor() gives its viewer, plus who is online (the teacher's
// screens only) and its own seat (a player's devices only). The server sends the whole state
// when a device joins or comes back, then a patch (patch.ts) whenever it changed, at most one
// per patch interval however many commands arrived. The shape is MatchView's own: a field
// added to the view travels without any change here.
//
// Wire format (room message SYNC, msgpack as every Colyseus message):
//   { n, at, state }   the whole DeviceState (n: this audience's frame number)
//   { n, at, ops }     a patch: PatchOp[] taking frame n-1's state to frame n's
// `at` is the server's clock when the frame was made, so a device with a wrong clock can
// still show the right countdown (SyncReceiver.clockOffset). A device that cannot apply a
// frame (one was lost) sends SYNC_AGAIN and gets the whole state.
import type { MatchView } from "../rules/view.js";
import type { PlayerId } from "../rules/types.js";
import { applyPatch, PatchError, type PatchOp } from "./patch.js";

export interface SeatInfo {
  player: PlayerId;
  nickname: string;
  /** Takes the seat back from another device or after a lost tab (kept in localStorage). */
  seatSecret: string;
}

export interface DeviceState {
  view: MatchView;
  /** Which players have a device connected, by player id (bots count as connected); {} except for the teacher. */
  online: Record<PlayerId, boolean>;
  /** This device's own seat; null for the teacher, the projector and before a seat is given. */
  seat: SeatInfo | null;
}

/** Server → client: the whole state or a patch of it. */
export type SyncFrame = { n: number; at: number; state: DeviceState } | { n: number; at: number; ops: PatchOp[] };

/** The room message carrying SyncFrames. */
export const SYNC = "sync";
/** Client → server (plain send, no payload): "send me the whole state again". */
export const SYNC_AGAIN = "sync-again";

/** How many recent frames the clock offset is estimated from. */
const CLOCK_SAMPLES = 12;

/**
 * A device's copy of its state, kept from the frames it receives. Pure: the caller passes
 * the local clock, so tests can play a phone whose clock is wrong.
 */
export class SyncReceiver {
  state: DeviceState | null = null;
  /**
   * Server time minus local time, in ms. Each frame gives a sample `at - received`, which is
   * the true offset less the frame's travel time; the largest recent sample is the closest.
   */
  clockOffset = 0;
  #n = -1;
  #samples: number[] = [];

  /** Applies a frame; false when it does not follow the last one (ask for SYNC_AGAIN). */
  receive(frame: SyncFrame, localNow: number): boolean {
    if (!frame || typeof frame.n !== "number") return false;
    this.#sample(frame.at - localNow);
    if ("state" in frame) {
      this.state = frame.state;
      this.#n = frame.n;
      return true;
    }
    if (!this.state || frame.n !== this.#n + 1) return false;
    try {
      this.state = applyPatch(this.state, frame.ops);
    } catch (error) {
      if (error instanceof PatchError) return false;
      throw error;
    }
    this.#n = frame.n;
    return true;
  }

  /** Forget everything (a new connection to another room). */
  reset(): void {
    this.state = null;
    this.#n = -1;
  }

  #sample(offset: number): void {
    if (!Number.isFinite(offset)) return;
    this.#samples.push(offset);
    if (this.#samples.length > CLOCK_SAMPLES) this.#samples.shift();
    this.clockOffset = Math.max(...this.#samples);
  }
}
