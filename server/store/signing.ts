// Exports carry this server's signature: an HMAC-SHA256 over the record under a key that never
// leaves the server (DATA_DIR/record-signing.key, made on first start, readable by the server's
// user only; RECORD_SIGNING_KEY, 64 hex digits, instead, for several processes sharing one
// database). An import whose signature checks came from this server and holds every word as
// recorded here ("verified"); any other import is re-checked by the rules alone ("checked").
//
// What is signed does not depend on how the file is formatted: the format, versions and match
// id, then each event as stableStringify writes it (keys sorted), one per line, then the final
// hash. A teacher's editor that re-indents the file keeps the signature; a changed word breaks it.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stableStringify } from "../../shared/replay/hash.js";
import type { RecordedEvent, RecordSignature } from "../../shared/replay/record.js";

export const SIGNATURE_ALGORITHM = "HMAC-SHA256";
const KEY_FILE = "record-signing.key";

export interface RecordHead {
  format: string;
  formatVersion: number;
  rulesVersion: number;
  matchId: string;
}

/** Feeds a record to the signature piece by piece, so a streamed export signs as it goes. */
export class RecordMac {
  private mac;
  constructor(key: Buffer, head: RecordHead) {
    this.mac = createHmac("sha256", key);
    this.mac.update(`${head.format}\n${head.formatVersion}\n${head.rulesVersion}\n${head.matchId}\n`);
  }

  event(e: RecordedEvent): void {
    this.mac.update(stableStringify(e));
    this.mac.update("\n");
  }

  finish(finalHash: string): string {
    this.mac.update(finalHash);
    return this.mac.digest("hex");
  }

  /** Whether `signature` is this server's for the record fed so far, compared in constant time. */
  matches(finalHash: string, signature: unknown): boolean {
    const expected = Buffer.from(this.finish(finalHash), "hex");
    if (typeof signature !== "object" || signature === null) return false;
    const s = signature as Partial<RecordSignature>;
    if (s.algorithm !== SIGNATURE_ALGORITHM || typeof s.value !== "string" || !/^[0-9a-f]{64}$/.test(s.value)) return false;
    return timingSafeEqual(expected, Buffer.from(s.value, "hex"));
  }
}

export class RecordSigner {
  /** Names the key without revealing it: the first 16 hex digits of its SHA-256. */
  readonly keyId: string;

  constructor(private readonly key: Buffer) {
    this.keyId = createHash("sha256").update(key).digest("hex").slice(0, 16);
  }

  /** The key from RECORD_SIGNING_KEY, else the key file in `dataDir`, made on first use. */
  static open(dataDir: string, fromEnv = process.env.RECORD_SIGNING_KEY): RecordSigner {
    if (fromEnv) {
      if (!/^[0-9a-f]{64}$/i.test(fromEnv)) throw new Error("RECORD_SIGNING_KEY must be 64 hexadecimal digits (32 bytes).");
      return new RecordSigner(Buffer.from(fromEnv, "hex"));
    }
    const file = join(dataDir, KEY_FILE);
    if (!existsSync(file)) {
      mkdirSync(dataDir, { recursive: true });
      // "wx": never overwrite a key another process wrote a moment ago.
      try {
        writeFileSync(file, `${randomBytes(32).toString("hex")}\n`, { mode: 0o600, flag: "wx" });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      }
    }
    chmodSync(file, 0o600);
    const text = readFileSync(file, "utf8").trim();
    if (!/^[0-9a-f]{64}$/i.test(text)) throw new Error(`${file} does not hold a signing key (64 hexadecimal digits).`);
    return new RecordSigner(Buffer.from(text, "hex"));
  }

  start(head: RecordHead): RecordMac {
    return new RecordMac(this.key, head);
  }

  sign(head: RecordHead, events: readonly RecordedEvent[], finalHash: string): RecordSignature {
    const mac = this.start(head);
    for (const e of events) mac.event(e);
    return { algorithm: SIGNATURE_ALGORITHM, key: this.keyId, value: mac.finish(finalHash) };
  }

  /** Whether this server signed exactly this record. */
  verify(head: RecordHead, events: readonly RecordedEvent[], finalHash: string, signature: unknown): boolean {
    const mac = this.start(head);
    for (const e of events) mac.event(e);
    return mac.matches(finalHash, signature);
  }
}
