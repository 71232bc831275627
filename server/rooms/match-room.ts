// One room per match: a thin shell around the engine with ONE dispatch path —
// authenticate the seat → validate the payload → build the command → decide → append the
// events to the record → apply them → sync views. No game rules live here. Views reach the
// devices through ViewSync (view-sync.ts) on the patch timer; the room's time comes from the
// server context's clock, so tests can run a phase's timer out in milliseconds.
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import { CloseCode, ErrorCode, Room, ServerError, type AuthContext, type Client } from "@colyseus/core";
import { decide } from "../../shared/rules/decide.js";
import type { Actor, Command } from "../../shared/rules/commands.js";
import type { GameEvent } from "../../shared/rules/events.js";
import type { SettingsInput } from "../../shared/rules/settings.js";
import { RULES_VERSION, type MatchState } from "../../shared/rules/types.js";
import type { Viewer } from "../../shared/rules/view.js";
import { REJECTIONS } from "../../shared/rules/rejections.js";
import { fold } from "../../shared/replay/record.js";
import { COMMAND, DEBRIEF, IntentSchema, JoinOptionsSchema, NOTICE, ROOM_REPLY_CODES, type DebriefReply, type Notice, type Reply, type RoomReplyCode } from "../../shared/protocol/intents.js";
import { SYNC_AGAIN } from "../../shared/protocol/sync.js";
import { DEFAULT_SCENARIO_ID, scenarioFor } from "../scenarios/index.js";
import { context } from "../context.js";
import { newSecret, sameHash, sha256 } from "../secrets.js";
import { AppendConflict } from "../store/match-store.js";
import { RecordFull } from "../store/budget.js";
import { endedMatch } from "../debrief.js";
import { claimCode, reclaimCode, releaseCode } from "./codes.js";
import type { RoomClock, RoomTimer } from "./clock.js";
import { evolveShared } from "./shared-state.js";
import { ViewSync } from "./view-sync.js";
import { TokenBucket } from "./throttle.js";
import { frameProblem } from "./frames.js";
import { addressOf, ROSTER_MESSAGES } from "./roster.js";
import { hasTicket, OPEN_REFUSED } from "./opening.js";
import { BotDriver } from "./bot-driver.js";

export type CreateMatchOptions = { settings: SettingsInput; scenarioId?: string; teacherTokenHash: string };
export type ResumeMatchOptions = { resume: string };

/** How long a reopened ended match waits for its first device before it closes again. */
const REOPENED_WAIT_MS = 5 * 60_000;
export type MatchRoomOptions = CreateMatchOptions | ResumeMatchOptions;

type Auth = { kind: "teacher" } | { kind: "projector" } | { kind: "player"; player: string; nickname: string; secret: string; fresh: boolean };

/** What the room remembers about each connected device (kept across reconnections). */
interface RoomClientData {
  viewer: Viewer;
  bucket: TokenBucket;
  /** Counted in the seat's connections (false while dropped). */
  online: boolean;
}

/** Told to a seat's screens when its seat secret opens it on one more device. */
const SEAT_TAKEN_OVER = "Your seat was just opened on another device. If that was not you, tell your teacher.";

const roomReply = (code: RoomReplyCode, detail?: string): Extract<Reply, { ok: false }> => ({ ok: false, code, message: detail ? `${ROOM_REPLY_CODES[code]} ${detail}` : ROOM_REPLY_CODES[code] });

function issueText(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const first = error.issues[0];
  if (!first) return "";
  const path = first.path.map(String).join(".");
  return `(${path ? `${path}: ` : ""}${first.message})`;
}

export class MatchRoom extends Room {
  /**
   * The framework's own ceiling, far above the roster's cap on screens (roster.ts), which
   * refuses with a reason first: at maxClients Colyseus locks the room and answers a bare
   * "room is locked". Colyseus counts seat reservations too, and reserves one for every
   * joinById request before any check of ours (those run when the device connects), so a
   * ceiling near the cap would let bare matchmaker requests lock a class out.
   */
  override maxClients = context().roster.devices + 10_000;
  /** Views are patched at most this often (ms), however many commands arrive meanwhile. */
  override patchRate = 50;
  override autoDispose = false;

  private match: MatchState | null = null;
  private teacherTokenHash = "";
  private readonly time: RoomClock = context().clock;
  /** Closes a reopened ended match that no device came to (see onCreate). */
  private reopenedTimer: RoomTimer | null = null;
  /** Seat secret hashes by player id (also in the store, so seats survive a restart). */
  private seatHashes = new Map<string, string>();
  /** Plain seat secrets known in this process, to hand back to their own device only. */
  private seatSecrets = new Map<string, string>();
  private connections = new Map<string, number>();
  /** Players who did something besides joining: their seat is theirs even when their screens go. */
  private acted = new Set<string>();
  /** Players who joined once the match was running: the seats the room gave them go back if unused. */
  private joinedLate = new Set<string>();
  /** Players the room is taking off the roster (their screens all left): their seat secret stays valid. */
  private releasing = new Set<string>();
  /** Devices whose undecodable frame was logged already. */
  private badFrames = new WeakSet<Client>();
  private readonly views = new ViewSync({
    match: () => this.match,
    seatSecret: (player) => this.seatSecrets.get(player) ?? null,
    connected: (player) => (this.connections.get(player) ?? 0) > 0,
    now: () => this.time.now(),
  });
  private queue: Promise<unknown> = Promise.resolve();
  /** When views last carried a change (performance.now()), and replies waiting for the next flush. */
  private lastViewsSent = -Infinity;
  private viewWaiters: (() => void)[] = [];
  private tickTimer: RoomTimer | null = null;
  /** After a restart, overdue clocks wait until students had a chance to come back. */
  private notBefore = 0;
  private codeClaimed = false;
  /** The number of the last recorded event this room knows: appends name it (see stepAside). */
  private lastSeq = 0;
  /** Set once another process holds this match: this copy no longer acts. */
  private steppedAside = false;
  /** Bot players act through dispatch(), on their own view, at the context's pace. */
  private bots = new BotDriver(
    {
      match: () => this.match,
      dispatch: (command, actor) => this.dispatch(command, actor, { replyAfterViews: false }),
      setTimeout: (fn, ms) => this.time.setTimeout(fn, ms),
    },
    context().botPace,
  );

  get code(): string {
    return this.roomId;
  }

  /** The live engine state (read-only for tests and tools; frozen, never changed in place). */
  get matchState(): MatchState | null {
    return this.match;
  }

  /** Every bot has looked at the latest state and has nothing left to send (tests wait on this, never on time). */
  get botsIdle(): boolean {
    return this.bots.idle;
  }

  /** The views' sync layer (tests observe the frames it sends). */
  get sync(): ViewSync {
    return this.views;
  }

  override async onCreate(options: MatchRoomOptions): Promise<void> {
    // Only this process's own code opens a match (opening.ts), never a client's options.
    if (!hasTicket(options)) throw new ServerError(ErrorCode.MATCHMAKE_NO_HANDLER, OPEN_REFUSED);
    const { store, resumeGraceMs } = context();
    if ("resume" in options) {
      const header = await store.getHeader(options.resume);
      const events = await store.getEvents(options.resume);
      if (!header || !events.length) throw new ServerError(ErrorCode.MATCHMAKE_UNHANDLED, `No record for match ${options.resume}.`);
      if (!(await reclaimCode(this.presence, header.code))) throw new ServerError(ErrorCode.MATCHMAKE_UNHANDLED, `Match ${header.code} is already live.`);
      this.codeClaimed = true;
      this.roomId = header.code;
      this.teacherTokenHash = header.teacherTokenHash;
      this.match = fold(events.map((e) => e.event));
      this.lastSeq = events.at(-1)!.seq;
      let running = false;
      for (const e of events) {
        if (e.event.type === "MatchStarted") running = true;
        if (running && e.event.type === "PlayerJoined") this.joinedLate.add(e.event.player);
        // Joining (with the remote seat a late joiner is given) and leaving are not acting.
        const passive = e.event.type === "PlayerJoined" || e.event.type === "PlayerLeft" || (e.event.type === "TravelBooked" && e.event.defaulted);
        if (e.actor.kind === "player" && !passive) this.acted.add(e.actor.id);
      }
      this.seatHashes = await store.getSeats(header.code);
      this.notBefore = this.time.now() + resumeGraceMs;
    } else {
      const scenario = await scenarioFor(store, options.scenarioId ?? DEFAULT_SCENARIO_ID, options.teacherTokenHash);
      const code = await claimCode(this.presence, (c) => store.hasMatch(c));
      this.codeClaimed = true;
      this.roomId = code;
      this.teacherTokenHash = options.teacherTokenHash;
      const seed = randomBytes(4).readUInt32LE(0);
      // Creating the match is a command like any other: decided, recorded and applied by dispatch().
      const reply = await this.dispatch({ type: "CreateMatch", matchId: code, scenario, settings: options.settings, seed }, { kind: "teacher" });
      if (!reply.ok) throw new ServerError(ErrorCode.MATCHMAKE_UNHANDLED, reply.message);
    }
    await this.setPrivate(true);
    this.guardFrames();
    this.onMessage(COMMAND, (client, payload, ctx) => this.onCommand(client, payload, ctx.id !== undefined));
    this.onMessage(DEBRIEF, (client) => this.onDebrief(client));
    this.onMessage(SYNC_AGAIN, (client) => this.onSyncAgain(client));
    this.onMessage("*", (client, type) => this.onUnknown(client, String(type)));
    this.scheduleClock();
    this.bots.wake();
    // An ended match opened again for a later lesson's debrief (http/reopen.ts) waits for the
    // teacher's dashboard, however slow the laptop: it closes once its last device leaves, or
    // when nobody has come within REOPENED_WAIT_MS.
    if (this.match?.status === "ended") {
      this.reopenedTimer = this.time.setTimeout(() => {
        if (this.clients.length === 0) void this.disconnect();
      }, REOPENED_WAIT_MS);
    }
  }

  // ---- joining ---------------------------------------------------------------------------

  override onAuth(client: Client, raw: unknown, authContext?: AuthContext): Auth {
    const parsed = JoinOptionsSchema.safeParse(raw ?? {});
    if (!parsed.success) throw new ServerError(ErrorCode.AUTH_FAILED, `These join options are not valid. ${issueText(parsed.error)}`);
    const options = parsed.data;
    const { roster, joins } = context();
    if (this.clients.length >= roster.devices) throw new ServerError(ErrorCode.AUTH_FAILED, ROSTER_MESSAGES.devicesFull(roster.devices));
    if (options.as === "projector") return { kind: "projector" };
    if (options.as === "teacher") {
      if (!sameHash(sha256(options.teacherToken), this.teacherTokenHash)) throw new ServerError(ErrorCode.AUTH_FAILED, "This teacher link is not valid for this match.");
      return { kind: "teacher" };
    }
    if (options.seatSecret !== undefined) {
      const hash = sha256(options.seatSecret);
      for (const [player, known] of this.seatHashes) {
        if (sameHash(hash, known)) return { kind: "player", player, nickname: options.nickname, secret: options.seatSecret, fresh: false };
      }
      throw new ServerError(ErrorCode.AUTH_FAILED, "That seat is not known in this match. Join again with your nickname.");
    }
    const people = Object.values(this.match?.players ?? {}).filter((p) => p.present && p.kind === "human").length;
    if (people >= roster.players) throw new ServerError(ErrorCode.AUTH_FAILED, ROSTER_MESSAGES.playersFull(roster.players));
    const player = `p${randomBytes(6).toString("hex")}`;
    // A dry run of the engine gives a clear reason (empty nickname, match over) before a seat is reserved.
    const probe = decide(this.match, { type: "JoinMatch", playerId: player, nickname: options.nickname }, { actor: { kind: "player", id: player }, now: this.time.now() });
    if (!probe.ok) throw new ServerError(ErrorCode.AUTH_FAILED, probe.rejection.message);
    // Only a new player counts against the address: coming back with a seat secret never does.
    if (!joins.take(addressOf(client, authContext, roster.trustProxy), this.time.now())) throw new ServerError(ErrorCode.AUTH_FAILED, ROSTER_MESSAGES.tooManyJoins);
    return { kind: "player", player, nickname: options.nickname, secret: newSecret(), fresh: true };
  }

  override async onJoin(client: Client, _options: unknown, auth: Auth): Promise<void> {
    if (this.match?.status === "ended") this.autoDispose = true;
    const viewer = auth.kind === "player" ? ({ kind: "player", id: auth.player } as const) : ({ kind: auth.kind } as const);
    const data: RoomClientData = { viewer, bucket: new TokenBucket(), online: false };
    client.userData = data;
    if (auth.kind === "player") {
      const known = this.match?.players[auth.player];
      if (auth.fresh || !known?.present) {
        const nickname = auth.fresh ? auth.nickname : auth.nickname.trim() || known?.nickname || "";
        // The newcomer gets its whole state below; the others see it at the next flush.
        const reply = await this.dispatch({ type: "JoinMatch", playerId: auth.player, nickname }, { kind: "player", id: auth.player }, { replyAfterViews: false });
        if (!reply.ok) throw new ServerError(ErrorCode.AUTH_FAILED, reply.message);
      }
      if (auth.fresh) {
        const hash = sha256(auth.secret);
        await context().store.saveSeat(this.code, auth.player, hash);
        this.seatHashes.set(auth.player, hash);
      } else if ((this.connections.get(auth.player) ?? 0) > 0) {
        // The seat's secret opened it on another screen: the screens already there are told.
        for (const other of this.clientsOf(auth.player)) {
          if (other !== client) other.send(NOTICE, { code: "seat-taken-over", message: SEAT_TAKEN_OVER } satisfies Notice);
        }
      }
      this.seatSecrets.set(auth.player, auth.secret);
    }
    this.goOnline(client);
  }

  override onDrop(client: Client): void {
    this.goOffline(client);
    this.allowReconnection(client, context().reconnectSeconds).catch(() => {});
  }

  override onReconnect(client: Client): void {
    this.goOnline(client);
  }

  override onLeave(client: Client): void {
    this.goOffline(client);
    this.releaseIfGhost(client);
  }

  /**
   * A player whose every screen has left for good (a consented leave, or the reconnection
   * window ran out) gives the roster back a place nobody uses: in the lobby, a player nobody
   * seated yet; in a running match, a late joiner who never did anything with the seat the
   * room gave them. Players the teacher seated before the start keep their seats (the teacher
   * decides about them). Their seat secret stays valid, and coming back puts them where they
   * were if that seat is still free. Checked again when the leave's turn comes, in case a
   * screen came back meanwhile.
   */
  private releaseIfGhost(client: Client): void {
    const data = client.userData as RoomClientData | undefined;
    if (data?.viewer.kind !== "player") return;
    const id = data.viewer.id;
    const ghost = (): boolean => {
      const player = this.match?.players[id];
      if (!player?.present || player.kind !== "human" || (this.connections.get(id) ?? 0) > 0) return false;
      if (this.match!.status === "lobby") return player.role === null;
      return this.match!.status === "running" && this.joinedLate.has(id) && !this.acted.has(id);
    };
    if (!ghost()) return;
    const stillGhost = (): boolean => {
      if (!ghost()) return false;
      this.releasing.add(id);
      return true;
    };
    void this.dispatch({ type: "LeaveMatch", player: id }, { kind: "player", id }, { replyAfterViews: false, onlyIf: stillGhost }).then((reply) => {
      if (!reply.ok) this.releasing.delete(id);
    });
  }

  override async onDispose(): Promise<void> {
    this.tickTimer?.clear();
    this.reopenedTimer?.clear();
    this.bots.stop();
    if (this.codeClaimed) await releaseCode(this.presence, this.code);
  }

  // ---- views -------------------------------------------------------------------------------
  // Every device's view is patched on the patch timer, so a burst of commands costs one frame
  // per device. A command that comes after a quiet spell is carried at once rather than
  // waiting for the timer. Either way its reply leaves after the frames that show its effect:
  // "ok" means the sender's screen already shows it.

  override onBeforePatch(): void {
    this.flushViews();
  }

  private flushViews(): void {
    try {
      if (this.views.flush()) this.lastViewsSent = performance.now();
    } finally {
      // Whatever happened, no reply waits for ever.
      const waiting = this.viewWaiters;
      this.viewWaiters = [];
      for (const done of waiting) done();
    }
  }

  /** Resolves once the views carry everything applied so far. */
  private viewsCarry(): Promise<void> {
    if (performance.now() - this.lastViewsSent >= this.patchRate) {
      this.flushViews();
      return Promise.resolve();
    }
    return new Promise((resolve) => this.viewWaiters.push(resolve));
  }

  private goOnline(client: Client): void {
    const data = client.userData as RoomClientData;
    if (!data || data.online) return;
    data.online = true;
    if (data.viewer.kind === "player") {
      this.connections.set(data.viewer.id, (this.connections.get(data.viewer.id) ?? 0) + 1);
      this.views.presenceChanged();
    }
    this.views.attach(client, data.viewer);
  }

  private goOffline(client: Client): void {
    const data = client.userData as RoomClientData | undefined;
    this.views.detach(client);
    if (!data?.online) return;
    data.online = false;
    if (data.viewer.kind === "player") {
      this.connections.set(data.viewer.id, Math.max(0, (this.connections.get(data.viewer.id) ?? 1) - 1));
      this.views.presenceChanged();
    }
  }

  // ---- the one dispatch path ---------------------------------------------------------------

  private onCommand(client: Client, payload: unknown, isRequest: boolean): Reply | Promise<Reply> {
    const answer = (reply: Reply): Reply => {
      if (!isRequest && !reply.ok) client.send(NOTICE, { code: reply.code as Notice["code"], message: reply.message } satisfies Notice);
      return reply;
    };
    const data = client.userData as RoomClientData | undefined;
    if (!data) return answer(roomReply("server-error"));
    if (!data.bucket.take()) return answer(roomReply("throttled"));
    if (data.viewer.kind !== "teacher" && data.viewer.kind !== "player") return answer(roomReply("read-only"));
    const parsed = IntentSchema.safeParse(payload);
    if (!parsed.success) return answer(roomReply("bad-payload", issueText(parsed.error)));
    const actor: Actor = data.viewer.kind === "teacher" ? { kind: "teacher" } : { kind: "player", id: data.viewer.id };
    return this.dispatch(parsed.data as Command, actor).then(answer);
  }

  /** A read, not a command: any device of an ended match may fetch the debrief (roles only). */
  private async onDebrief(client: Client): Promise<DebriefReply> {
    const data = client.userData as RoomClientData | undefined;
    if (!data) return roomReply("server-error");
    if (!data.bucket.take()) return roomReply("throttled");
    if (this.match?.status !== "ended") return { ok: false, code: "debrief-not-open", message: REJECTIONS["debrief-not-open"] };
    try {
      const ended = await endedMatch(this.code);
      if (ended) return { ok: true, debrief: ended.debrief };
    } catch (err) {
      console.error(`[match ${this.code}] could not build the debrief:`, err);
    }
    return roomReply("server-error");
  }

  /** A device that lost track of its state (a frame it could not apply) gets the whole state again. */
  private onSyncAgain(client: Client): void {
    const data = client.userData as RoomClientData | undefined;
    if (!data || !data.bucket.take()) return;
    this.views.send(client);
  }

  private onUnknown(client: Client, type: string): void {
    const data = client.userData as RoomClientData | undefined;
    if (data && !data.bucket.take()) return;
    client.send(NOTICE, { code: "unknown-message", message: `${ROOM_REPLY_CODES["unknown-message"]} ("${type.slice(0, 40)}")` } satisfies Notice);
  }

  /**
   * Every change of the match goes through here, one command at a time. An accepted
   * command's reply waits until the views carry it (replyAfterViews, default), but the next
   * command does not wait for that.
   */
  dispatch(command: Command, actor: Actor, { replyAfterViews = true, onlyIf }: { replyAfterViews?: boolean; onlyIf?: () => boolean } = {}): Promise<Reply> {
    // onlyIf: a command the room sends on its own, still wanted when its turn comes?
    const run = this.queue.then(() => (onlyIf && !onlyIf() ? roomReply("server-error", "(no longer needed)") : this.dispatchNow(command, actor)));
    this.queue = run.catch(() => undefined);
    if (!replyAfterViews) return run;
    return run.then(async (reply) => {
      if (reply.ok) await this.viewsCarry();
      return reply;
    });
  }

  private async dispatchNow(command: Command, actor: Actor): Promise<Reply> {
    if (this.steppedAside) return roomReply("server-error");
    const now = this.time.now();
    const started = performance.now();
    const verdict = decide(this.match, command, { actor, now });
    let engineMs = performance.now() - started;
    const observe = context().onCommand;
    if (!verdict.ok) {
      observe?.({ match: this.code, command, actor, now, engineMs });
      return { ok: false, ...verdict.rejection };
    }
    try {
      await this.record(verdict.events, actor, now);
    } catch (err) {
      if (err instanceof RecordFull) return { ok: false, code: "record-full", message: err.message };
      if (err instanceof AppendConflict) {
        void this.stepAside(err.message);
        return roomReply("server-error");
      }
      console.error(`[match ${this.code}] could not record ${command.type}:`, err);
      return roomReply("server-error");
    }
    if (actor.kind === "player" && command.type !== "JoinMatch" && command.type !== "LeaveMatch") this.acted.add(actor.id);
    if (this.match?.status === "running") for (const e of verdict.events) if (e.type === "PlayerJoined") this.joinedLate.add(e.player);
    const applying = performance.now();
    for (const e of verdict.events) this.match = evolveShared(this.match, e);
    engineMs += performance.now() - applying;
    observe?.({ match: this.code, command, actor, now, engineMs });
    await this.afterEvents(verdict.events, now);
    this.bots.wake();
    return { ok: true };
  }

  /** Appends a command's events to the match record (the header first, for MatchCreated). */
  private async record(events: readonly GameEvent[], actor: Actor, now: number): Promise<void> {
    const { store } = context();
    const created = events[0]?.type === "MatchCreated" ? events[0] : null;
    if (created) {
      await store.createMatch({
        code: this.code,
        createdAt: now,
        classLabel: created.settings.classLabel,
        settings: JSON.stringify(created.settings),
        scenarioId: created.scenario.id,
        scenarioVersion: created.scenario.version,
        rulesVersion: RULES_VERSION,
        seed: created.seed,
        status: "lobby",
        startedAt: null,
        endedAt: null,
        teacherTokenHash: this.teacherTokenHash,
      });
    }
    // Appends name the last event this room knows, so a stale copy of the match can never interleave.
    const seqs = await store.appendEvents(this.code, events.map((event) => ({ at: now, actor, event })), this.lastSeq);
    this.lastSeq = seqs.at(-1) ?? this.lastSeq;
  }

  /** Side effects outside the engine: the store's status, revoked seats, the clock. */
  private async afterEvents(events: readonly GameEvent[], now: number): Promise<void> {
    const { store } = context();
    for (const e of events) {
      if (e.type === "MatchStarted") await store.setStatus(this.code, "running", e.at);
      if (e.type === "MatchEnded") await store.setStatus(this.code, "ended", e.at);
      if (e.type === "PlayerLeft") {
        if (this.releasing.delete(e.player)) continue; // a ghost taken off the roster keeps its secret
        await this.revokeSeat(e.player, e.removed ? { code: "removed", message: "The teacher has taken you out of this match." } : { code: "left", message: "You left this match. Join again with your nickname to play." });
      }
    }
    this.scheduleClock(now);
    // An ended match closes once its last device leaves (autoDispose also covers an empty room).
    if (this.match?.status === "ended" && !this.autoDispose) this.autoDispose = true;
  }

  /** Ends a seat: its secret no longer opens it, and every screen on it is told and let go. */
  private async revokeSeat(player: string, notice: Notice & { code: "removed" | "left" }): Promise<void> {
    await context().store.revokeSeat(this.code, player);
    this.seatHashes.delete(player);
    this.seatSecrets.delete(player);
    // The seat leaves the player's own state at once, before the device is told and let go.
    this.views.flush();
    for (const client of this.clientsOf(player)) {
      client.send(NOTICE, notice);
      this.clock.setTimeout(() => client.leave(CloseCode.CONSENTED), 100);
    }
  }

  private clientsOf(player: string): Client[] {
    return this.clients.filter((c) => {
      const data = c.userData as RoomClientData | undefined;
      return data?.viewer.kind === "player" && data.viewer.id === player;
    });
  }

  /**
   * Frames that cannot be decoded are answered here, before Colyseus sees them: a notice with
   * the reason, one line in the log per device, and no disconnection. (Colyseus would print a
   * stack trace for each and close the device for a plain message.) Installed before anyone
   * joins, since Colyseus binds the handler when a device joins.
   */
  private guardFrames(): void {
    const room = this as unknown as { _onMessage(client: Client, buffer: Uint8Array): void };
    const decodeAndDispatch = room._onMessage.bind(this);
    room._onMessage = (client: Client, buffer: Uint8Array) => {
      const problem = frameProblem(buffer);
      if (!problem) return decodeAndDispatch(client, buffer);
      const data = client.userData as RoomClientData | undefined;
      if (data && !data.bucket.take()) return;
      if (!this.badFrames.has(client)) {
        this.badFrames.add(client);
        console.warn(`[match ${this.code}] device ${client.sessionId} sent ${problem}; answered with a notice (further bad frames from it are not logged)`);
      }
      client.send(NOTICE, { code: "bad-payload", message: `${ROOM_REPLY_CODES["bad-payload"]} (The server could not read it.)` } satisfies Notice);
    };
  }

  /**
   * The record moved on without this room: another process holds the match now (this one was
   * thought gone — frozen, cut off — and its matches were taken over). Stop acting, and close
   * so every device rejoins the live copy; the code is the other process's now.
   */
  async stepAside(why: string): Promise<void> {
    if (this.steppedAside) return;
    this.steppedAside = true;
    console.warn(`[match ${this.code}] ${why} Another process holds this match now; closing this copy.`);
    this.tickTimer?.clear();
    this.bots.stop();
    await this.disconnect(CloseCode.SERVER_SHUTDOWN);
  }

  // ---- clock -------------------------------------------------------------------------------

  private scheduleClock(now = this.time.now()): void {
    this.tickTimer?.clear();
    this.tickTimer = null;
    const deadline = this.match?.clock.deadline;
    if (this.match?.status !== "running" || deadline === null || deadline === undefined) return;
    const due = Math.max(deadline, this.notBefore) - now;
    this.tickTimer = this.time.setTimeout(() => void this.tick(), Math.max(0, due) + 5);
  }

  private async tick(): Promise<void> {
    const reply = await this.dispatch({ type: "Tick" }, { kind: "system" }, { replyAfterViews: false });
    if (!reply.ok && reply.code === "clock-not-due") this.scheduleClock();
  }
}
