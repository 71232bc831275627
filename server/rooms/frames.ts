// A frame from a device that cannot be decoded (hand-made bytes, a broken client) is answered
// with a reason and logged once per device in one line — instead of Colyseus's default of a
// stack trace in the log for every such frame and, for a plain message, closing the device's
// connection. The check decodes a frame's head and payload exactly as Colyseus will (its
// RoomMessages: the type with @colyseus/schema's decoder, the payload with msgpackr), before
// Colyseus does.
import { Protocol } from "@colyseus/core";
import { decode } from "@colyseus/schema";
import { unpack } from "msgpackr";

/** The low bits of a frame's first byte name its kind (PROTOCOL_CODE_MASK in Colyseus's shared types). */
const PROTOCOL_CODE_MASK = 0b11111;

/** Why Colyseus could not decode this frame from a device, or null when it can. */
export function frameProblem(buffer: Uint8Array | undefined): string | null {
  if (!buffer || buffer.byteLength === 0) return "an empty frame";
  const code = buffer[0]! & PROTOCOL_CODE_MASK;
  if (code !== Protocol.ROOM_DATA && code !== Protocol.ROOM_REQUEST) return null;
  try {
    const it = { offset: 1 };
    if (code === Protocol.ROOM_REQUEST) decode.number(buffer as Buffer, it);
    if (decode.stringCheck(buffer as Buffer, it)) decode.string(buffer as Buffer, it);
    else decode.number(buffer as Buffer, it);
    if (it.offset > buffer.byteLength) return "a frame cut short";
    if (buffer.byteLength > it.offset) unpack(buffer.subarray(it.offset, buffer.byteLength));
    return null;
  } catch (e) {
    return `a frame that cannot be decoded (${e instanceof Error ? e.message.split("\n")[0]!.slice(0, 80) : "unknown"})`;
  }
}
