// Secrets on the server: teacher tokens, seat secrets and replay links are random, stored only
// as SHA-256 hashes, and every comparison of a hash with a stored one runs in constant time
// (timingSafeEqual), so an answer's timing never tells how much of a guess was right.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

/** A URL-safe random secret; 16 bytes = 128 bits (seat secrets), 24 = 192 bits (tokens, links). */
export const newSecret = (bytes = 16): string => randomBytes(bytes).toString("base64url");

/** Whether two hex hashes are equal, in time that does not depend on where they differ. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}
