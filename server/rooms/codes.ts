// Join codes: five characters from an alphabet without look-alikes (no I/1, O/0), unique among
// live rooms (claimed atomically through presence, so it also holds across processes with
// Redis) and never reused from a recorded match.
import { customAlphabet } from "nanoid";
import type { Presence } from "@colyseus/core";

export const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
export const CODE_LENGTH = 5;
const CODES_KEY = "rough-consensus:codes";
const generate = customAlphabet(CODE_ALPHABET, CODE_LENGTH);

export const isCode = (s: string): boolean => s.length === CODE_LENGTH && [...s].every((c) => CODE_ALPHABET.includes(c));

/** Claims a fresh code; `taken` says whether a recorded match already uses it. */
export async function claimCode(presence: Presence, taken: (code: string) => Promise<boolean>): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const code = generate();
    if ((await presence.hincrby(CODES_KEY, code, 1)) !== 1) continue;
    if (await taken(code)) {
      await presence.hdel(CODES_KEY, code);
      continue;
    }
    return code;
  }
  throw new Error("No free join code could be found.");
}

/** Claims a known code again (a match resumed from its record); false if a live room holds it. */
export async function reclaimCode(presence: Presence, code: string): Promise<boolean> {
  return (await presence.hincrby(CODES_KEY, code, 1)) === 1;
}

export async function releaseCode(presence: Presence, code: string): Promise<void> {
  await presence.hdel(CODES_KEY, code);
}
