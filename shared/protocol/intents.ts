// Client → server intents, validated with these schemas before anything reaches the engine.
// A client sends every game action as one request, `room.request("command", intent)`, and
// gets back a Reply. Teacher-only intents need the teacher seat; the engine checks that too.
import { z } from "zod";
import { LIMITS } from "../rules/commands.js";
import type { Command } from "../rules/commands.js";
import type { RejectionCode, RejectionParams } from "../rules/rejections.js";
import type { Debrief } from "../analysis/debrief.js";

const RoleRef = z.string().min(1).max(16);
const OptionRef = z.string().min(1).max(16);
const PlayerRef = z.string().min(1).max(40);
// Text is length-checked by the engine (with a clear reason); here only an outer bound that
// keeps a flood of megabytes out of the room.
const Text = z.string().max(2000);

export const IntentSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("RenamePlayer"), player: PlayerRef, nickname: Text }),
  z.object({ type: z.literal("LeaveMatch"), player: PlayerRef }),
  z.object({ type: z.literal("RemovePlayer"), player: PlayerRef }),
  z.object({ type: z.literal("MutePlayer"), player: PlayerRef, muted: z.boolean() }),
  z.object({ type: z.literal("AssignRolesAutomatically") }),
  z.object({ type: z.literal("AssignRole"), player: PlayerRef, table: z.number().int().min(0).max(5).nullable(), role: RoleRef.nullable() }),
  z.object({ type: z.literal("FillWithBots") }),
  z.object({ type: z.literal("StartMatch") }),
  z.object({ type: z.literal("AdvancePhase") }),
  z.object({ type: z.literal("PauseClock") }),
  z.object({ type: z.literal("ResumeClock") }),
  z.object({ type: z.literal("ExtendClock"), seconds: z.number().int() }),
  z.object({ type: z.literal("BookTravel"), mode: z.enum(["in-person", "remote"]), delegates: z.number().int().optional() }),
  z.object({ type: z.literal("OfferFellowship"), to: RoleRef, note: Text.optional(), expects: OptionRef.nullable().optional(), programme: z.boolean().optional() }),
  z.object({ type: z.literal("WithdrawFellowship"), fellowship: z.string().min(1).max(20) }),
  z.object({ type: z.literal("AcceptFellowship"), fellowship: z.string().min(1).max(20) }),
  z.object({ type: z.literal("DeclineFellowship"), fellowship: z.string().min(1).max(20) }),
  z.object({ type: z.literal("GiveGrant"), to: RoleRef, amount: z.number().int(), note: Text.optional() }),
  z.object({ type: z.literal("BuyBriefing") }),
  z.object({ type: z.literal("MakeStatement"), text: Text }),
  z.object({ type: z.literal("PostRemoteComment"), text: Text }),
  z.object({ type: z.literal("SendCorridorMessage"), to: RoleRef, text: Text }),
  z.object({ type: z.literal("TableOption"), option: OptionRef }),
  z.object({ type: z.literal("DeclarePosition"), option: OptionRef, stance: z.enum(["support", "live", "object"]) }),
  z.object({ type: z.literal("NameDrafter"), table: z.number().int().min(0).max(5), role: RoleRef, seated: z.boolean() }),
  z.object({ type: z.literal("InsertRider"), option: OptionRef }),
  z.object({ type: z.literal("ObjectToRider") }),
  z.object({ type: z.literal("CallConsensus"), table: z.number().int().min(0).max(5), option: OptionRef }),
  z.object({ type: z.literal("PushNews"), text: Text }),
  z.object({ type: z.literal("EndMatch") }),
  z.object({ type: z.literal("ShowDebriefCard"), card: z.number().int(), part: z.number().int().optional() }),
  z.object({ type: z.literal("ReviewMark"), mark: z.string().min(1).max(16), setAside: z.boolean(), reason: Text.optional() }),
  z.object({ type: z.literal("ShowNicknames"), shown: z.boolean() }),
]);
export type Intent = z.infer<typeof IntentSchema>;

// Every intent is a command the engine knows (checked by the compiler).
const _intentIsCommand = (i: Intent): Command => i;
void _intentIsCommand;

/** Codes the room itself may answer with, besides the engine's rejections. */
export const ROOM_REPLY_CODES = {
  throttled: "You are sending too fast. Wait a moment and try again.",
  "bad-payload": "That request is not in the expected shape.",
  "read-only": "This screen only watches the match; it cannot act.",
  "unknown-message": "The server does not know that kind of message.",
  "server-error": "Something went wrong on the server; nothing was changed. Please try again.",
  "record-full": "This match's record is full: it cannot take any more actions from students. The teacher can still end the match.",
} as const;
export type RoomReplyCode = keyof typeof ROOM_REPLY_CODES;

/** The answer to every request: ok, or the engine's (or the room's) code and reason. */
/** A refusal: its code and values (`params`, see shared/rules/rejections.ts) for the screen, `message` in English for logs. */
export type Reply = { ok: true } | { ok: false; code: RejectionCode | RoomReplyCode; message: string; params?: RejectionParams };

/** The room request type that carries every intent: `room.request(COMMAND, intent)`. */
export const COMMAND = "command";
/** Server → client message for anything that is not a reply (throttling of plain sends, removal). */
export const NOTICE = "notice";
/** "removed": the teacher took the player out; "left": the player left (from any of its screens). Both end the seat. */
export type Notice = { code: RoomReplyCode | "removed" | "left" | "seat-taken-over"; message: string };

/**
 * The room request for the debrief of an ended match, open to every device (students,
 * teacher, projector): `room.request(DEBRIEF, {})`. It holds roles, never nicknames; before
 * the end it is refused with `debrief-not-open`.
 */
export const DEBRIEF = "debrief";
export type DebriefReply = { ok: true; debrief: Debrief } | { ok: false; code: RejectionCode | RoomReplyCode; message: string };

/** Options a client passes to joinById(code, options). */
export const JoinOptionsSchema = z.discriminatedUnion("as", [
  z.object({ as: z.literal("player"), nickname: z.string().max(200), seatSecret: z.string().max(100).optional() }),
  z.object({ as: z.literal("projector") }),
  z.object({ as: z.literal("teacher"), teacherToken: z.string().min(1).max(200) }),
]);
export type JoinOptions = z.infer<typeof JoinOptionsSchema>;

export { LIMITS };
