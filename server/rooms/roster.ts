// Who may come into a match, decided before a seat is reserved, each refusal with a reason a
// student can act on: a cap on players and on screens per match (instead of the framework's
// bare "room is locked" once it is full), and new players per network address rate-limited,
// so a script cannot flood a lobby with join-and-leave cycles. Ghosts — players whose every
// screen left for good before they did anything — are taken off the roster by the room.
import type { AuthContext, Client } from "@colyseus/core";
import { TokenBucket } from "./throttle.js";

export interface RosterLimits {
  /** People (not bots) present in one match. */
  players: number;
  /** Screens connected to one match: students' devices, the teacher's, projectors. */
  devices: number;
  /** New players one network address may add at once, then per minute. */
  joinBurst: number;
  joinsPerMinute: number;
  /** Read the address from X-Real-IP (only behind a reverse proxy that sets it: TRUST_PROXY=1). */
  trustProxy: boolean;
}

/** The environment's whole number, or the default when unset (a bad value is refused at start). */
function fromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a whole number above 0 (it is "${raw}").`);
  return n;
}

/**
 * A class of 40 on several tables with phones and laptops is far below these; a script's
 * flood is far above. A whole school behind one address (one NAT, or a reverse proxy without
 * TRUST_PROXY) shares the join budget, so it lets three classes in within a minute.
 */
export function rosterLimitsFromEnv(): RosterLimits {
  return {
    players: fromEnv("MAX_PLAYERS_PER_MATCH", 150),
    devices: fromEnv("MAX_SCREENS_PER_MATCH", 250),
    joinBurst: fromEnv("JOIN_BURST", 120),
    joinsPerMinute: fromEnv("JOINS_PER_MINUTE", 120),
    trustProxy: process.env.TRUST_PROXY === "1",
  };
}

/**
 * The address a device connects from: the socket's peer. Behind a reverse proxy every device
 * would seem to come from the proxy, so with TRUST_PROXY=1 it is the X-Real-IP header the
 * proxy sets from its own peer (docs/operations.md). Never the first X-Forwarded-For hop, which
 * Colyseus's own context.ip believes: a client writes that one itself.
 */
export function addressOf(client: Client, context: AuthContext | undefined, trustProxy: boolean): string {
  if (trustProxy) {
    const real = context?.headers.get("x-real-ip")?.trim();
    if (real) return real;
  }
  const socket = (client as unknown as { ref?: { _socket?: { remoteAddress?: string } } }).ref?._socket;
  return socket?.remoteAddress ?? "unknown";
}

/** New players per address: a token bucket each, forgotten once full again. */
export class JoinLimiter {
  private buckets = new Map<string, TokenBucket>();

  constructor(private readonly limits: Pick<RosterLimits, "joinBurst" | "joinsPerMinute">) {}

  take(address: string, now = Date.now()): boolean {
    let bucket = this.buckets.get(address);
    if (!bucket) {
      if (this.buckets.size > 10_000) this.sweep(now);
      bucket = new TokenBucket(this.limits.joinBurst, this.limits.joinsPerMinute / 60, now);
      this.buckets.set(address, bucket);
    }
    return bucket.take(now);
  }

  /** Drops the buckets that have refilled: those addresses are like new. */
  private sweep(now: number): void {
    const full = (this.limits.joinBurst / (this.limits.joinsPerMinute / 60)) * 1000;
    for (const [address, bucket] of this.buckets) if (now - bucket.lastUsed >= full) this.buckets.delete(address);
  }
}

export const ROSTER_MESSAGES = {
  tooManyJoins: "Too many new players joined from this network just now. Wait a minute, then join again.",
  playersFull: (n: number) => `This match already has ${n} players, as many as it can take. Ask your teacher.`,
  devicesFull: (n: number) => `This match already has ${n} screens connected, as many as it can take. Close one, or ask your teacher.`,
} as const;
