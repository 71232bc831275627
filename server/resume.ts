// Open matches outlive the process that holds them. A match recorded as lobby or running is
// rebuilt from its record under the same code (a room with `{ resume: code }`):
// - when a server starts (every open match that no live process holds), and
// - with several processes (REDIS_URL), whenever a process has gone away: each process
//   watches the others through Colyseus's own process list and health check, and the
//   matches of a process that stopped answering — killed with kill -9, frozen, or shut
//   down — are taken over by the survivors.
// Invariant: exactly one process opens a given match. The code's claim in presence decides
// who (rooms/codes.ts takeOverCode: one winner per code and departed holder), and the record
// itself fences a copy that should not exist (appendEvents with the last known event number
// refuses a stale writer, and that room closes — see MatchRoom).
import { matchMaker, requestFromIPC } from "@colyseus/core";
import { codeHolder, codesOpenHere, keepCode, releaseCode, takeOverCode } from "./rooms/codes.js";
import { openMatchRoom } from "./rooms/opening.js";
import type { MatchRoom } from "./rooms/match-room.js";
import type { MatchStore } from "./store/match-store.js";

export interface ResumeOptions {
  /** Matches whose last event is older than this are left closed (default RESUME_MAX_AGE_HOURS or 24). */
  maxAgeHours?: number;
  /** Whether a process still holds what it claims (default: Colyseus's health check, which drops a process that does not answer). */
  isAlive?: (processId: string) => Promise<boolean>;
  /**
   * For the watch: a match that nobody claims at all (not even a process that is gone) is
   * taken only once it has been unclaimed for `graceMs`; `since` remembers when each code was
   * first seen unclaimed, and forgets codes that are claimed again. A process whose claims
   * vanished (Redis restarted empty) thus has time to reconnect and claim its rooms again
   * before another process opens a second copy. A claim whose holder is gone is taken at once.
   */
  patience?: { since: Map<string, number>; graceMs: number };
}

/** The processes Colyseus lists as running (this one always included). */
export async function listedProcesses(): Promise<Set<string>> {
  const all = await matchMaker.stats.fetchAll();
  return new Set([...all.map((p) => p.processId), matchMaker.processId]);
}

/**
 * Whether a process still answers, asked once per round and process. It asks the process
 * itself (Colyseus's health check over presence) rather than trusting the process list: a
 * process that has just started may not be listed yet, and one that was killed still is.
 * A process that does not answer is removed from the list with its room listings.
 */
function livenessProbe(): (processId: string) => Promise<boolean> {
  const asked = new Map<string, Promise<boolean>>();
  return (processId) => {
    if (processId === matchMaker.processId) return Promise.resolve(true);
    let answer = asked.get(processId);
    if (!answer) {
      answer = matchMaker.healthCheckProcessId(processId).then((ok: unknown) => ok === true);
      asked.set(processId, answer);
    }
    return answer;
  };
}

/**
 * Opens a room in this process for every open, recent match that no live process holds.
 * Returns the codes it opened.
 */
export async function resumeMatches(store: MatchStore, options: ResumeOptions | number = {}): Promise<string[]> {
  const { maxAgeHours = Number(process.env.RESUME_MAX_AGE_HOURS ?? 24), patience, isAlive = livenessProbe() } = typeof options === "number" ? { maxAgeHours: options } : options;
  const since = Date.now() - maxAgeHours * 3600_000;
  // Not a match with a room here, nor one whose room is being opened here right now.
  const here = new Set(codesOpenHere());
  const open = (await store.listMatches({ status: ["lobby", "running"] })).filter((m) => (m.lastEventAt ?? m.createdAt) >= since && !here.has(m.code) && !matchMaker.getLocalRoomById(m.code));
  const listings = await matchMaker.findRoomsByIds(open.map((m) => m.code));
  const resumed: string[] = [];
  if (patience) {
    const stillOpen = new Set(open.map((m) => m.code));
    for (const code of patience.since.keys()) if (!stillOpen.has(code)) patience.since.delete(code);
  }
  for (const m of open) {
    const listed = listings.get(m.code);
    if (listed && (await isAlive(listed.processId))) continue;
    if (patience) {
      if ((await codeHolder(matchMaker.presence, m.code)) !== null) patience.since.delete(m.code);
      else {
        const first = patience.since.get(m.code) ?? Date.now();
        patience.since.set(m.code, first);
        if (Date.now() - first < patience.graceMs) continue;
      }
    }
    if (!(await takeOverCode(matchMaker.presence, m.code, isAlive))) continue;
    try {
      await openMatchRoom({ resume: m.code });
      resumed.push(m.code);
    } catch (e) {
      console.error(`[resume] match ${m.code} could not be resumed:`, e instanceof Error ? e.message : e);
      // Keep nothing claimed that no room uses: the next round (here or elsewhere) tries again.
      if (!matchMaker.getLocalRoomById(m.code)) await releaseCode(matchMaker.presence, m.code);
    }
  }
  return resumed;
}

function localMatchRooms(): MatchRoom[] {
  return codesOpenHere()
    .map((code) => matchMaker.getLocalRoomById(code) as MatchRoom | undefined)
    .filter((room): room is MatchRoom => room !== undefined);
}

export interface ResumeWatch {
  stop(): void;
  /** Resolves after the next full round (for tests and start-up messages). */
  settled(): Promise<void>;
}

/** Whether a process answers a health check over presence, without consequences if not. */
function answers(processId: string): Promise<boolean> {
  // "p:<processId>" is the channel every Colyseus process serves; "healthcheck" returns true.
  return requestFromIPC(matchMaker.presence, `p:${processId}`, "healthcheck", [], SHORT_TIMEOUT_MS).then(
    () => true,
    () => false,
  );
}
const SHORT_TIMEOUT_MS = Number(process.env.COLYSEUS_PRESENCE_SHORT_TIMEOUT ?? 2000);

/**
 * With several processes: every `intervalMs`
 * 1. ask every other process whether it is there; one that misses FAILOVER_MISSES checks in
 *    a row (3 by default, each COLYSEUS_PRESENCE_SHORT_TIMEOUT long, 2 s) gets Colyseus's
 *    own health check, which removes a process that still does not answer, with its room
 *    listings — killed, frozen, or cut off from Redis all look the same from outside. One
 *    slow moment is not enough: a busy process is not emptied onto the others, which are
 *    probably busy too;
 * 2. close this process's copies of matches another process has taken over (this process
 *    was the one thought gone), and put back its own claims and listings if they went
 *    missing (Redis restarted empty);
 * 3. resume the open matches nobody holds (one query for the open matches, one lookup of
 *    their listings: cheap enough to do every round, so no match waits for a rare sweep).
 */
export function startResumeWatch(store: MatchStore, intervalMs = Number(process.env.FAILOVER_CHECK_SECONDS ?? 5) * 1000, log: (line: string) => void = (l) => console.log(l)): ResumeWatch {
  let known: Set<string> | null = null;
  /** Since when each open match has had no claim at all (see ResumeOptions.patience). */
  const unclaimed = new Map<string, number>();
  const graceMs = Number(process.env.UNCLAIMED_GRACE_SECONDS ?? 15) * 1000;
  let running: Promise<void> = Promise.resolve();
  let busy = false;
  let stopped = false;

  const misses = new Map<string, number>();
  const missesAllowed = Math.max(1, Number(process.env.FAILOVER_MISSES ?? 3));

  const round = async () => {
    // This process's own entry in the process list (it is gone after a Redis restart).
    await matchMaker.stats.persist(true);
    const others = [...(await listedProcesses())].filter((p) => p !== matchMaker.processId);
    await Promise.all(
      others.map(async (p) => {
        if (await answers(p)) return misses.delete(p);
        const n = (misses.get(p) ?? 0) + 1;
        misses.set(p, n);
        // The last miss allowed: Colyseus's own check decides, and drops it (and its
        // listings) if it still does not answer. Either way the count starts again.
        if (n >= missesAllowed) {
          misses.delete(p);
          await matchMaker.healthCheckProcessId(p);
        }
      }),
    );
    for (const room of localMatchRooms()) {
      if (!(await keepCode(matchMaker.presence, room.roomId))) await room.stepAside("Its join code is held by another process.");
    }
    await matchMaker.restoreMissingRoomCaches();
    const listed = await listedProcesses();
    const lost = known ? [...known].filter((p) => !listed.has(p)) : [];
    known = listed;
    // A listed holder is alive (a slow one stays listed until the check above drops it);
    // one not in the list is asked once (it may have just started, or Redis restarted).
    const asked = new Map<string, Promise<boolean>>();
    const isAlive = async (p: string) => {
      if (p === matchMaker.processId || listed.has(p)) return true;
      if (!asked.has(p)) asked.set(p, answers(p));
      return asked.get(p)!;
    };
    if (stopped) return;
    const resumed = await resumeMatches(store, { patience: { since: unclaimed, graceMs }, isAlive });
    for (const code of resumed) unclaimed.delete(code);
    if (resumed.length) log(`[resume] ${lost.length ? `process ${lost.join(", ")} is gone; ` : ""}this process (${matchMaker.processId}) now holds ${resumed.join(", ")}`);
  };

  const timer = setInterval(() => {
    // One round at a time (a slow one is not queued behind); a failed round (Redis or the
    // database away) is tried again at the next tick.
    if (stopped || busy) return;
    busy = true;
    running = round()
      .catch((e) => console.error("[resume] watch round failed:", e instanceof Error ? e.message : e))
      .finally(() => (busy = false));
  }, intervalMs);
  timer.unref();
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
    },
    settled: () => running,
  };
}
