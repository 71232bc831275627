// The only module that imports the Colyseus SDK. It joins a match by its class code, keeps
// the device's own state from the server's sync frames (shared/protocol/sync.ts: the whole
// state on joining, then patches; a frame that does not apply asks for the whole state
// again), estimates the server's clock from them, and keeps the seat across drops and reloads:
//   1. the SDK retries a dropped socket by itself (status "reconnecting");
//   2. a reload resumes with the reconnection token kept in sessionStorage — the SDK sets
//      the new token only after onReconnect callbacks run, so it is saved deferred and on
//      pagehide (@colyseus/sdk Room: the token is replaced after the callbacks);
//   3. when the token is gone or refused, a player joins again with code + nickname + the
//      seat secret kept in localStorage, and the server gives the same seat back;
//   4. if everything fails the status is "offline" and it keeps trying on its own.
import { Client, MatchMakeError, type Room } from "@colyseus/sdk";
import type { DebriefReply, Intent, JoinOptions, Reply } from "../../shared/protocol/intents.js";
import { SYNC, SYNC_AGAIN, SyncReceiver, type SyncFrame } from "../../shared/protocol/sync.js";
import type { MatchView } from "../../shared/rules/view.js";
import { JoinError, type ConnectionStatus, type GameConnection, type JoinAs } from "./connection.js";
import { remembered } from "./storage.js";

/** The room request that carries every intent (shared/protocol/intents.ts COMMAND). */
const COMMAND = "command";
/** The room request for the debrief of an ended match (shared/protocol/intents.ts DEBRIEF). */
const DEBRIEF = "debrief";
/** Server → client notices (shared/protocol/intents.ts NOTICE). */
const NOTICE = "notice";
const requestTimeoutMs = 10_000;
/** Matchmaking codes from @colyseus/shared-types ErrorCode. */
const invalidRoomId = 522;
const authFailed = 525;
const consentedClose = 4000;
const retryDelaysMs = [1000, 2000, 4000, 8000];

export function serverUrl(): string {
  const fromQuery = new URLSearchParams(window.location.search).get("server");
  return fromQuery ?? (import.meta.env.VITE_SERVER_URL as string | undefined) ?? window.location.origin;
}

export async function openConnection(code: string, joinAs: JoinAs): Promise<GameConnection> {
  const connection = new ColyseusConnection(new Client(serverUrl()), code, joinAs);
  await connection.open();
  return connection;
}

class ColyseusConnection implements GameConnection {
  view: MatchView | null = null;
  status: ConnectionStatus = "connecting";
  /** Server time minus this device's time (a phone's clock may be minutes off). */
  clockOffset = 0;
  /** Which players have a device connected right now, by player id. */
  presence = new Map<string, boolean>();
  #online: Record<string, boolean> | null = null;
  notice: { code: string; message: string } | null = null;
  #room: Room | undefined;
  #receiver = new SyncReceiver();
  #listeners = new Set<() => void>();
  #disposed = false;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #onPageHide = () => this.#saveToken();

  constructor(
    private readonly client: Client,
    readonly code: string,
    private readonly joinAs: JoinAs,
  ) {
    window.addEventListener("pagehide", this.#onPageHide);
  }

  /** First connection: resume a seat if this tab had one, otherwise join. */
  async open(): Promise<void> {
    const room = (await this.#resume()) ?? (await this.#join());
    this.#attach(room);
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async send(intent: Intent): Promise<Reply> {
    const room = this.#room;
    if (!room || this.status !== "online") return { ok: false, code: "server-error", message: "" };
    try {
      return (await room.request(COMMAND, intent, { timeout: requestTimeoutMs })) as Reply;
    } catch (error) {
      return { ok: false, code: "server-error", message: error instanceof Error ? error.message : "" };
    }
  }

  async debrief(): Promise<DebriefReply> {
    const room = this.#room;
    if (!room || this.status !== "online") return { ok: false, code: "server-error", message: "" };
    try {
      return (await room.request(DEBRIEF, {}, { timeout: requestTimeoutMs })) as DebriefReply;
    } catch (error) {
      return { ok: false, code: "server-error", message: error instanceof Error ? error.message : "" };
    }
  }

  dispose(): void {
    this.#disposed = true;
    clearTimeout(this.#retryTimer);
    window.removeEventListener("pagehide", this.#onPageHide);
    this.#room?.removeAllListeners();
    void this.#room?.leave(true).catch(() => undefined);
    this.#listeners.clear();
  }

  get #storageRole(): string {
    return this.joinAs.as;
  }

  async #resume(): Promise<Room | null> {
    const token = remembered.reconnectionToken(this.code, this.#storageRole);
    if (!token) return null;
    try {
      return await this.client.reconnect(token);
    } catch {
      remembered.setReconnectionToken(this.code, this.#storageRole, null);
      return null;
    }
  }

  async #join(): Promise<Room> {
    const options: JoinOptions =
      this.joinAs.as === "player"
        ? { as: "player", nickname: this.joinAs.nickname, seatSecret: remembered.seatSecret(this.code) ?? undefined }
        : this.joinAs.as === "teacher"
          ? { as: "teacher", teacherToken: this.joinAs.teacherToken }
          : { as: "projector" };
    try {
      return await this.client.joinById(this.code, options);
    } catch (error) {
      if (options.as === "player" && options.seatSecret && error instanceof MatchMakeError && error.code === authFailed) {
        // A seat secret this match does not know (an old match with a reused code): join afresh.
        remembered.setSeatSecret(this.code, null);
        return this.#join();
      }
      throw toJoinError(error);
    }
  }

  #attach(room: Room): void {
    this.#room = room;
    this.#receiver.reset();
    this.status = "online";
    this.#saveToken();
    room.onMessage(SYNC, (frame: SyncFrame) => this.#receive(room, frame));
    room.onDrop(() => this.#setStatus("reconnecting"));
    room.onReconnect(() => {
      this.#setStatus("online");
      setTimeout(() => this.#saveToken(), 0);
    });
    room.onLeave((code) => {
      if (this.#disposed) return;
      // The server closes a seat it ended (consented, after a notice saying why).
      if (this.notice?.code === "removed" || this.notice?.code === "left") {
        // The seat is gone: joining again would make a new player, so stop here.
        remembered.setReconnectionToken(this.code, this.#storageRole, null);
        remembered.setSeatSecret(this.code, null);
        this.#setStatus("closed");
        return;
      }
      if (code === consentedClose) return;
      this.#setStatus("offline");
      this.#retry(0);
    });
    room.onMessage(NOTICE, (notice: { code: string; message: string }) => {
      this.notice = notice;
      this.#emit();
    });
    room.onMessage("*", () => undefined);
    this.#emit();
  }

  /** After the SDK gave up: try the token, then a fresh join with the seat secret, forever. */
  #retry(attempt: number): void {
    clearTimeout(this.#retryTimer);
    const delay = retryDelaysMs[Math.min(attempt, retryDelaysMs.length - 1)] ?? 8000;
    this.#retryTimer = setTimeout(async () => {
      if (this.#disposed) return;
      try {
        const room = (await this.#resume()) ?? (await this.#join());
        if (this.#disposed) {
          void room.leave(true);
          return;
        }
        this.#room?.removeAllListeners();
        this.#attach(room);
      } catch {
        this.#retry(attempt + 1);
      }
    }, delay);
  }

  #receive(room: Room, frame: SyncFrame): void {
    if (room !== this.#room) return;
    if (!this.#receiver.receive(frame, Date.now())) {
      // A frame went missing (it cannot happen on one socket, but a state that is wrong for good is worse than a resend).
      room.send(SYNC_AGAIN);
      return;
    }
    const state = this.#receiver.state!;
    if (state.seat) {
      remembered.setSeatSecret(this.code, state.seat.seatSecret);
      remembered.setNickname(this.code, state.seat.nickname);
    }
    this.clockOffset = this.#receiver.clockOffset;
    if (this.view === state.view && this.#online === state.online) return;
    this.view = state.view;
    if (this.#online !== state.online) {
      this.#online = state.online;
      this.presence = new Map(Object.entries(state.online));
    }
    this.#emit();
  }

  #saveToken(): void {
    if (this.#room && !this.#disposed) remembered.setReconnectionToken(this.code, this.#storageRole, this.#room.reconnectionToken);
  }

  #setStatus(status: ConnectionStatus): void {
    this.status = status;
    this.#emit();
  }

  #emit(): void {
    for (const listener of this.#listeners) listener();
  }
}

function toJoinError(error: unknown): JoinError {
  if (error instanceof MatchMakeError) {
    if (error.code === invalidRoomId) return new JoinError("unknown-code", error.message);
    return new JoinError("rejected", error.message);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new JoinError("unreachable", message);
}
