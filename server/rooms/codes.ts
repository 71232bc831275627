// Join codes: five characters from an alphabet without look-alikes (no I/1, O/0), unique among
// live rooms (claimed atomically through presence, so it also holds across processes with
// Redis) and never reused from a recorded match.
//
// A claim also names the process that holds it (its Colyseus processId), because with several
// processes a claim can outlive its holder: a process killed with kill -9 never releases
// anything. Invariant: at most one live process holds a code. A holder that is gone loses
// its codes to exactly one survivor (takeOverCode: one atomic counter per code and dead
// holder), and a holder releases only a code it still holds.
import { customAlphabet } from "nanoid";
import { matchMaker, type Presence } from "@colyseus/core";

export const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export const CODE_LENGTH = 5;
const CODES_KEY = "rough-consensus:codes";
const OWNERS_KEY = "rough-consensus:code-owners";
const TAKEOVERS_KEY = "rough-consensus:code-takeovers";
/** Long enough that a slow survivor's stale view of a dead holder can never win twice. */
const TAKEOVER_MEMORY_SECONDS = 3600;
const generate = customAlphabet(CODE_ALPHABET, CODE_LENGTH);

/** This process, as Colyseus names it in presence. */
const me = (): string => matchMaker.processId;
/** Codes with a room in this process (or one being opened): never opened twice here. */
const openHere = new Set<string>();
export const codesOpenHere = (): string[] => [...openHere];

/** First claim of a code nobody holds: true when this process now holds it. */
async function claimFree(presence: Presence, code: string): Promise<boolean> {
  if ((await presence.hincrby(CODES_KEY, code, 1)) !== 1) return false;
  await presence.hset(OWNERS_KEY, code, me());
  return true;
}

export const isCode = (s: string): boolean => s.length === CODE_LENGTH && [...s].every((c) => CODE_ALPHABET.includes(c));

/**
 * Claims a fresh code; `taken` says whether a recorded match already uses it. (`next` draws
 * the candidates: random ones, or a tiny set in the test that makes processes collide.)
 */
export async function claimCode(presence: Presence, taken: (code: string) => Promise<boolean>, next: () => string = generate): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const code = next();
    if (!(await claimFree(presence, code))) continue;
    if (await taken(code)) {
      await releaseCode(presence, code);
      continue;
    }
    openHere.add(code);
    return code;
  }
  throw new Error("No free join code could be found.");
}

/** The processId holding a code, or null when nobody does (or the holder never named itself). */
export async function codeHolder(presence: Presence, code: string): Promise<string | null> {
  return presence.hget(OWNERS_KEY, code);
}

/**
 * Claims a known code again to open its room here (a match resumed from its record): true when
 * it was free, or this process holds it (takeOverCode gave it) and has no room for it yet;
 * false while a room is open for it, here or in another process.
 */
export async function reclaimCode(presence: Presence, code: string): Promise<boolean> {
  if (openHere.has(code)) return false;
  const mine = (await claimFree(presence, code)) || (await codeHolder(presence, code)) === me();
  if (!mine || openHere.has(code)) return false;
  openHere.add(code);
  return true;
}

/**
 * For a room open in this process: whether its code is still this process's. A claim that
 * vanished (Redis restarted empty) is made again; false means another process holds it now.
 */
export async function keepCode(presence: Presence, code: string): Promise<boolean> {
  const holder = await codeHolder(presence, code);
  if (holder !== null) return holder === me();
  return (await claimFree(presence, code)) || (await codeHolder(presence, code)) === me();
}

/**
 * Takes a recorded match's code for this process unless a live process holds it: `isAlive`
 * asks whether a holder still answers (resume.ts uses Colyseus's health check). When several
 * survivors try at once for a holder that is gone, exactly one wins.
 */
export async function takeOverCode(presence: Presence, code: string, isAlive: (processId: string) => Promise<boolean>): Promise<boolean> {
  if (await claimFree(presence, code)) return true;
  const holder = await codeHolder(presence, code);
  if (holder === me()) return true;
  if (holder !== null && (await isAlive(holder))) return false;
  const won = (await presence.hincrbyex(TAKEOVERS_KEY, `${code}@${holder ?? "-"}`, 1, TAKEOVER_MEMORY_SECONDS)) === 1;
  if (!won) return false;
  await presence.hset(OWNERS_KEY, code, me());
  return true;
}

/** Gives a code back, unless another process has taken it over meanwhile (then it is theirs). */
export async function releaseCode(presence: Presence, code: string): Promise<void> {
  openHere.delete(code);
  const holder = await codeHolder(presence, code);
  if (holder !== null && holder !== me()) return;
  await presence.hdel(CODES_KEY, code);
  await presence.hdel(OWNERS_KEY, code);
}
