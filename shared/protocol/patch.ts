// Patches of plain JSON documents: diff(previous, next) lists the operations that turn the
// previous document into the next, applyPatch(doc, ops) performs them without changing doc.
// Invariant: applyPatch(a, diff(a, b)) equals b member for member and in key order, as JSON
// (an undefined member counts as absent). Parts that did not change keep their identity on
// both sides: diff skips them by reference, applyPatch copies only along changed paths, so a
// screen can tell what changed with ===.

/** Where a value sits: object keys and array indexes from the document's root. */
export type Path = (string | number)[];

/**
 * `[path, value]` sets a member or an array element (an index equal to the array's length
 * appends); `[path]` deletes an object member. A path of length 0 replaces the document.
 */
export type PatchOp = [Path, unknown] | [Path];

/** A patch that does not fit the document it was applied to (a lost or reordered frame). */
export class PatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PatchError";
  }
}

type Json = Record<string, unknown> | unknown[];

const isContainer = (x: unknown): x is Json => typeof x === "object" && x !== null;

/** An array rewritten in more places than this (beyond a few) travels whole. */
const ARRAY_REWRITE_SHARE = 0.5;
const ARRAY_REWRITE_MIN = 4;

export function diff(previous: unknown, next: unknown): PatchOp[] {
  const ops: PatchOp[] = [];
  walk(previous, next, [], ops);
  return ops;
}

function walk(a: unknown, b: unknown, path: Path, ops: PatchOp[]): void {
  if (a === b) return;
  if (isContainer(a) && isContainer(b) && Array.isArray(a) === Array.isArray(b)) {
    if (Array.isArray(a)) walkArray(a, b as unknown[], path, ops);
    else walkObject(a as Record<string, unknown>, b as Record<string, unknown>, path, ops);
    return;
  }
  ops.push([path, b]);
}

function walkArray(a: unknown[], b: unknown[], path: Path, ops: PatchOp[]): void {
  // Lists in a view grow at the end; anything else (a shorter list) travels whole.
  if (b.length < a.length) {
    ops.push([path, b]);
    return;
  }
  const mark = ops.length;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) walk(a[i], b[i], [...path, i], ops);
  if (ops.length - mark > Math.max(ARRAY_REWRITE_MIN, b.length * ARRAY_REWRITE_SHARE)) {
    ops.length = mark;
    ops.push([path, b]);
    return;
  }
  for (let i = a.length; i < b.length; i++) ops.push([[...path, i], b[i]]);
}

function walkObject(a: Record<string, unknown>, b: Record<string, unknown>, path: Path, ops: PatchOp[]): void {
  const allA = Object.keys(a);
  const allB = Object.keys(b);
  // Most often both were made by the same code: the same keys in the same order, all defined.
  if (sameKeys(allA, allB, a, b)) {
    for (const k of allB) if (a[k] !== b[k]) walk(a[k], b[k], [...path, k], ops);
    return;
  }
  const aKeys = allA.filter((k) => a[k] !== undefined);
  const bKeys = allB.filter((k) => b[k] !== undefined);
  // Applying deletes and then appends must give b's key order; when it would not, b travels whole.
  let i = 0;
  for (const k of aKeys) {
    if (b[k] === undefined) continue;
    if (bKeys[i] !== k) {
      ops.push([path, b]);
      return;
    }
    i++;
  }
  for (let j = i; j < bKeys.length; j++) {
    if (a[bKeys[j]!] !== undefined) {
      ops.push([path, b]);
      return;
    }
  }
  for (const k of aKeys) if (b[k] === undefined) ops.push([[...path, k]]);
  for (const k of bKeys) {
    const before = a[k];
    if (before === undefined) ops.push([[...path, k], b[k]]);
    else if (before !== b[k]) walk(before, b[k], [...path, k], ops);
  }
}

function sameKeys(aKeys: string[], bKeys: string[], a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  if (aKeys.length !== bKeys.length) return false;
  for (let i = 0; i < aKeys.length; i++) {
    const k = aKeys[i]!;
    if (k !== bKeys[i] || a[k] === undefined || b[k] === undefined) return false;
  }
  return true;
}

/** The document with the operations applied; `doc` itself is left as it was. */
export function applyPatch<T>(doc: T, ops: readonly PatchOp[]): T {
  // Containers copied during this patch may be changed in place by its later operations.
  const fresh = new Set<Json>();
  const own = (node: unknown, where: Path, depth: number): Json => {
    if (!isContainer(node)) throw new PatchError(`nothing to change at /${where.slice(0, depth).join("/")}`);
    if (fresh.has(node)) return node;
    const copy: Json = Array.isArray(node) ? node.slice() : { ...node };
    fresh.add(copy);
    return copy;
  };
  let root: unknown = doc;
  for (const op of ops) {
    const path = op[0];
    if (!Array.isArray(path)) throw new PatchError("an operation without a path");
    if (path.length === 0) {
      if (op.length === 1) throw new PatchError("cannot delete the document");
      root = op[1];
      continue;
    }
    root = own(root, path, 0);
    let parent = root as Json;
    for (let i = 0; i < path.length - 1; i++) {
      const key = path[i]!;
      const child = own((parent as Record<string | number, unknown>)[key], path, i + 1);
      (parent as Record<string | number, unknown>)[key] = child;
      parent = child;
    }
    const last = path[path.length - 1]!;
    if (Array.isArray(parent)) {
      if (typeof last !== "number" || last < 0 || last > parent.length || op.length === 1) throw new PatchError(`no element ${String(last)} in a list of ${parent.length}`);
      parent[last] = op[1];
    } else if (op.length === 1) {
      delete parent[last];
    } else {
      parent[last] = op[1];
    }
  }
  return root as T;
}
