// A stable hash of plain JSON: keys sorted, so the same state always hashes the same, whatever
// order its objects were built in. Not cryptographic; it tells states apart for replay checks.
// The sliced form gives the same hash a piece at a time, so a server can hash a long match's
// state between other work.

export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(obj[k])}`).join(",")}}`;
}

/** cyrb53-style 53-bit hash, fed piece by piece; the pieces' concatenation decides the hash. */
export class TextHash {
  private h1: number;
  private h2: number;

  constructor(seed = 0) {
    this.h1 = 0xdeadbeef ^ seed;
    this.h2 = 0x41c6ce57 ^ seed;
  }

  update(text: string): this {
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    this.h1 = h1;
    this.h2 = h2;
    return this;
  }

  /** 14 hex digits. */
  digest(): string {
    let h1 = this.h1;
    let h2 = this.h2;
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, "0");
  }
}

export function hashText(text: string, seed = 0): string {
  return new TextHash(seed).update(text).digest();
}

export function hashState(state: unknown): string {
  return hashText(stableStringify(state));
}

/** Arrays longer than this are written element by element, with a pause possible between. */
const BIG = 64;

/** stableStringify in pieces: the pieces joined are exactly stableStringify(value). */
function* stablePieces(value: unknown): Generator<string> {
  if (value === null || typeof value !== "object") {
    yield JSON.stringify(value) ?? "null";
    return;
  }
  if (Array.isArray(value)) {
    if (value.length <= BIG) {
      yield stableStringify(value);
      return;
    }
    yield "[";
    for (let i = 0; i < value.length; i++) {
      if (i) yield ",";
      yield* stablePieces(value[i]);
    }
    yield "]";
    return;
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  yield "{";
  for (const [i, k] of keys.entries()) {
    yield `${i ? "," : ""}${JSON.stringify(k)}:`;
    yield* stablePieces(obj[k]);
  }
  yield "}";
}

/** hashState a piece at a time: yields between pieces, returns the same hash as hashState. */
export function* hashStateSliced(state: unknown): Generator<void, string> {
  const hash = new TextHash();
  for (const piece of stablePieces(state)) {
    hash.update(piece);
    yield;
  }
  return hash.digest();
}
