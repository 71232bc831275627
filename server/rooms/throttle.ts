// A token bucket per client: a burst of `capacity` messages, then `perSecond`. A flooding
// client gets "throttled" replies instead of being disconnected (Colyseus's own
// maxMessagesPerSecond would close the connection).
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly capacity = 20,
    private readonly perSecond = 8,
    now = Date.now(),
  ) {
    this.tokens = capacity;
    this.last = now;
  }

  /** When the bucket was last drawn from. */
  get lastUsed(): number {
    return this.last;
  }

  take(now = Date.now()): boolean {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
