// Keeps every device's DeviceState (shared/protocol/sync.ts) equal to what viewFor() gives its
// viewer — secrecy is decided there and nowhere here: this file only carries views.
//
// Devices that see through the same eyes (the teacher's laptop and phone, two projectors,
// a student's phone and laptop) form one audience: its state is built once and each frame is
// encoded once and sent to all of its devices. On the room's patch timer, flush() rebuilds
// the audiences whose inputs changed — the match state, for the teacher who is online, for a
// player their seat — from parts cached by identity (ViewCache over the copy-on-write match
// state), diffs each against what its devices hold and sends the patch, if any. A burst of
// commands within one patch interval costs one frame per device; a device that joins or
// comes back gets its whole state and costs the others nothing, except the teacher, whose
// screen shows who is online.
import { Protocol, getMessageBytes, type Client } from "@colyseus/core";
import { diff } from "../../shared/protocol/patch.js";
import { SYNC, type DeviceState, type SeatInfo, type SyncFrame } from "../../shared/protocol/sync.js";
import type { MatchState, PlayerId } from "../../shared/rules/types.js";
import { ViewCache, viewFor, type Viewer } from "../../shared/rules/view.js";

export interface SyncHost {
  match(): MatchState | null;
  /** The secret of a player's seat, for that player's own devices (null once revoked). */
  seatSecret(player: PlayerId): string | null;
  /** Devices connected per player id right now. */
  connected(player: PlayerId): boolean;
  /** The room clock's now, stamped on every frame. */
  now(): number;
}

/** Told of every frame, with the state it was built from (the integration tests check each). */
export type FrameObserver = (audience: string, frame: SyncFrame, builtFrom: MatchState) => void;

interface Audience {
  key: string;
  viewer: Viewer;
  clients: Set<Client>;
  /** What its devices hold after the last frame. */
  held: DeviceState | null;
  /** The inputs `held` was built from; nothing is rebuilt while they stay the same. */
  builtFrom: MatchState | null;
  extras: unknown;
  /** Number of the last frame. */
  n: number;
}

const NOBODY: Record<PlayerId, boolean> = Object.freeze({}) as Record<PlayerId, boolean>;

export const audienceOf = (viewer: Viewer): string => (viewer.kind === "player" ? `player:${viewer.id}` : viewer.kind === "role" ? `role:${viewer.table}/${viewer.role}` : viewer.kind);

export class ViewSync {
  observer: FrameObserver | null = null;
  readonly #views = new ViewCache();
  readonly #audiences = new Map<string, Audience>();
  readonly #byClient = new Map<Client, Audience>();
  /** Who is online, rebuilt when a device comes or goes or the players change. */
  #online: { players: MatchState["players"] | null; version: number; value: Record<PlayerId, boolean> } = { players: null, version: -1, value: NOBODY };
  #presenceVersion = 0;
  readonly #seats = new Map<PlayerId, { player: MatchState["players"][string]; secret: string; seat: SeatInfo }>();

  constructor(private readonly host: SyncHost) {}

  /** A device starts watching (joined or came back): it gets its audience's whole state. */
  attach(client: Client, viewer: Viewer): void {
    this.detach(client);
    const key = audienceOf(viewer);
    let audience = this.#audiences.get(key);
    if (!audience) {
      audience = { key, viewer, clients: new Set(), held: null, builtFrom: null, extras: null, n: 0 };
      this.#audiences.set(key, audience);
    }
    audience.clients.add(client);
    this.#byClient.set(client, audience);
    this.send(client);
  }

  /** A device stops watching (dropped or left). An audience nobody watches is forgotten. */
  detach(client: Client): void {
    const audience = this.#byClient.get(client);
    if (!audience) return;
    this.#byClient.delete(client);
    audience.clients.delete(client);
    if (!audience.clients.size) this.#audiences.delete(audience.key);
  }

  /**
   * Sends the device its audience's whole state: what the audience holds, so the next patch
   * applies to it (or, for a new audience, built now).
   */
  send(client: Client): void {
    const audience = this.#byClient.get(client);
    const match = this.host.match();
    if (!audience || !match) return;
    if (!audience.held) this.#rebuild(audience, match);
    const frame: SyncFrame = { n: audience.n, at: this.host.now(), state: audience.held! };
    client.enqueueRaw(getMessageBytes.raw(Protocol.ROOM_DATA, SYNC, frame));
    this.observer?.(audience.key, frame, audience.builtFrom!);
  }

  /** The number of the last frame an audience was sent (-1: nobody watches through those eyes). */
  lastFrame(viewer: Viewer): number {
    return this.#audiences.get(audienceOf(viewer))?.n ?? -1;
  }

  /** A device came or went: the teacher's "online" marks change at the next flush. */
  presenceChanged(): void {
    this.#presenceVersion++;
  }

  /** Patches every audience whose inputs changed since its last frame; returns the frames sent. */
  flush(): number {
    const match = this.host.match();
    if (!match) return 0;
    let at: number | null = null;
    let sent = 0;
    for (const audience of this.#audiences.values()) {
      if (audience.builtFrom === match && audience.extras === this.#extras(audience, match)) continue;
      try {
        const before = audience.held;
        this.#rebuild(audience, match);
        const ops = diff(before, audience.held);
        if (!ops.length) continue;
        at ??= this.host.now();
        const frame: SyncFrame = { n: ++audience.n, at, ops };
        const bytes = getMessageBytes.raw(Protocol.ROOM_DATA, SYNC, frame);
        for (const client of audience.clients) client.enqueueRaw(bytes);
        sent++;
        this.observer?.(audience.key, frame, match);
      } catch (error) {
        // One audience's failure must not freeze the others: its devices get a whole state next time.
        console.error(`[sync] could not patch the view of ${audience.key}:`, error);
        audience.held = null;
        audience.builtFrom = null;
      }
    }
    return sent;
  }

  #rebuild(audience: Audience, match: MatchState): void {
    const extras = this.#extras(audience, match);
    const viewer = audience.viewer;
    audience.held = {
      view: viewFor(match, viewer, this.#views),
      online: viewer.kind === "teacher" ? (extras as Record<PlayerId, boolean>) : NOBODY,
      seat: viewer.kind === "player" ? (extras as SeatInfo | null) : null,
    };
    audience.builtFrom = match;
    audience.extras = extras;
  }

  /** What besides the match an audience's state is made of: "online" (teacher), the seat (player). */
  #extras(audience: Audience, match: MatchState): unknown {
    const viewer = audience.viewer;
    if (viewer.kind === "teacher") return this.#onlineNow(match);
    if (viewer.kind !== "player") return null;
    return this.#seatOf(viewer.id, match);
  }

  /** The player's seat, the same object while its player and secret stay the same. */
  #seatOf(id: PlayerId, match: MatchState): SeatInfo | null {
    const player = match.players[id];
    const secret = this.host.seatSecret(id);
    if (!player || !secret) {
      this.#seats.delete(id);
      return null;
    }
    const known = this.#seats.get(id);
    if (known?.player === player && known.secret === secret) return known.seat;
    const seat: SeatInfo = { player: id, nickname: player.nickname, seatSecret: secret };
    this.#seats.set(id, { player, secret, seat });
    return seat;
  }

  #onlineNow(match: MatchState): Record<PlayerId, boolean> {
    const cached = this.#online;
    if (cached.players === match.players && cached.version === this.#presenceVersion) return cached.value;
    const value = Object.fromEntries(Object.values(match.players).map((p) => [p.id, p.kind === "bot" || (p.present && this.host.connected(p.id))]));
    this.#online = { players: match.players, version: this.#presenceVersion, value };
    return value;
  }
}
