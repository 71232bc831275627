// What every screen knows of the network: the latest MatchView, a status, and one verb to
// send an intent. Only ./colyseus-connection.ts knows how it is done; screens and tests can be
// built against this interface alone.
import type { DebriefReply, Intent, Reply } from "../../shared/protocol/intents.js";
import type { MatchView } from "../../shared/rules/view.js";

/** "closed": the server ended this seat for good (the teacher removed the player, or it left from one of its screens). */
export type ConnectionStatus = "connecting" | "online" | "reconnecting" | "offline" | "closed";

export interface GameConnection {
  /** The class code (the room id). */
  readonly code: string;
  /** The latest view the server allowed this client; null until the first state arrives. */
  readonly view: MatchView | null;
  readonly status: ConnectionStatus;
  /** Called after every change of view or status; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Sends one intent and resolves with the server's reply (never rejects). */
  send(intent: Intent): Promise<Reply>;
  /** Asks for the debrief of the ended match (roles only); never rejects. */
  debrief(): Promise<DebriefReply>;
  /** Server time minus local time, in ms, so clocks render from the server's deadline. */
  readonly clockOffset: number;
  /** Which players have a device connected right now, by player id (bots count as connected). */
  readonly presence: ReadonlyMap<string, boolean>;
  /** The last notice the server pushed (for example "removed"), if any. */
  readonly notice: { code: string; message: string } | null;
  dispose(): void;
}

export type JoinAs =
  | { as: "player"; nickname: string }
  | { as: "teacher"; teacherToken: string }
  | { as: "projector" };

/** Why a join failed, in words the landing page can show next to the code field. */
export type JoinFailure = "unknown-code" | "bad-token" | "unreachable" | "rejected";

export class JoinError extends Error {
  constructor(
    readonly reason: JoinFailure,
    message: string,
  ) {
    super(message);
    this.name = "JoinError";
  }
}
