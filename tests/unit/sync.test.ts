// The wire's patches and a device's receiver: applying diff(a, b) to a gives b exactly (key
// order included) and leaves a alone; unchanged parts keep their identity; a receiver refuses
// a frame that does not follow the last one, and estimates the server's clock even when the
// device's own clock is far off.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyPatch, diff, PatchError, SyncReceiver, type DeviceState, type PatchOp, type SyncFrame } from "../../shared/protocol/index.js";

const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" }, fc.constant(null), fc.boolean(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string({ maxLength: 6 }), tie("array"), tie("object")),
  array: fc.array(tie("value"), { maxLength: 5 }),
  object: fc.dictionary(fc.constantFrom("a", "b", "c", "d", "e", "players", "0"), tie("value"), { maxKeys: 5 }),
})).value;

/** b made from a by small edits, as consecutive views are: most of it shared by reference. */
function edited(a: unknown, edits: number[]): unknown {
  if (typeof a !== "object" || a === null) return edits[0]! % 3 === 0 ? `changed ${edits[0]}` : a;
  const [first = 0, ...rest] = edits;
  if (Array.isArray(a)) {
    const copy = a.slice();
    if (first % 4 === 0) copy.push({ added: first });
    else if (first % 4 === 1 && copy.length) copy.pop();
    else if (copy.length) copy[first % copy.length] = edited(copy[first % copy.length], rest);
    return copy;
  }
  const copy: Record<string, unknown> = { ...(a as Record<string, unknown>) };
  const keys = Object.keys(copy);
  if (first % 5 === 0) copy[`k${first}`] = first;
  else if (first % 5 === 1 && keys.length) delete copy[keys[first % keys.length]!];
  else if (first % 5 === 2 && keys.length > 1) return Object.fromEntries(Object.entries(copy).reverse());
  else if (keys.length) copy[keys[first % keys.length]!] = edited(copy[keys[first % keys.length]!], rest);
  return copy;
}

const same = (x: unknown) => JSON.stringify(x);

describe("patches", () => {
  it("turn a into b exactly, key order included, leaving a as it was", () => {
    fc.assert(
      fc.property(json, json, (a, b) => {
        const before = same(a);
        const ops = diff(a, b);
        expect(same(applyPatch(a, ops))).toBe(same(b));
        expect(same(a)).toBe(before);
      }),
      { numRuns: 500, seed: 5 },
    );
  });

  it("turn a view into its next version with a few operations, through a JSON round trip", () => {
    fc.assert(
      fc.property(json, fc.array(fc.nat(50), { minLength: 1, maxLength: 6 }), (a, edits) => {
        const b = edited(a, edits);
        const ops = JSON.parse(JSON.stringify(diff(a, b))) as PatchOp[];
        expect(same(applyPatch(JSON.parse(same(a) ?? "null"), ops))).toBe(same(b));
      }),
      { numRuns: 500, seed: 6 },
    );
  });

  it("send only what changed, and keep the identity of what did not", () => {
    const table = (n: number) => ({ index: n, statements: [{ id: `s${n}`, text: "hello" }], scores: [1, 2, 3] });
    const a = { view: { phase: "negotiation", tables: [table(0), table(1)] }, online: {}, seat: null };
    const grown = { ...a.view.tables[0]!, statements: [...a.view.tables[0]!.statements, { id: "s9", text: "new" }] };
    const b = { ...a, view: { ...a.view, tables: [grown, a.view.tables[1]!] } };
    const ops = diff(a, b);
    expect(ops).toEqual([[["view", "tables", 0, "statements", 1], { id: "s9", text: "new" }]]);
    const c = applyPatch(a, ops);
    expect(c.view.tables[1]).toBe(a.view.tables[1]);
    expect(c.view.tables[0]!.scores).toBe(a.view.tables[0]!.scores);
    expect(c.online).toBe(a.online);
    expect(a.view.tables[0]!.statements).toHaveLength(1);
    expect(diff(b, b)).toEqual([]);
  });

  it("refuse operations that do not fit the document", () => {
    expect(() => applyPatch({ a: 1 }, [[["b", "c"], 1]])).toThrow(PatchError);
    expect(() => applyPatch({ list: [1] }, [[["list", 3], 1]])).toThrow(PatchError);
    expect(() => applyPatch({ list: [1] }, [[["list", 0]]])).toThrow(PatchError);
  });
});

describe("a device's receiver", () => {
  const state = (phase: string): DeviceState => ({ view: { phase } as DeviceState["view"], online: {}, seat: null });
  const SERVER_NOW = 1_800_000_000_000;

  it("applies frames in order and refuses one that does not follow the last", () => {
    const r = new SyncReceiver();
    expect(r.receive({ n: 4, at: SERVER_NOW, ops: [] }, SERVER_NOW)).toBe(false); // a patch before any whole state
    expect(r.receive({ n: 4, at: SERVER_NOW, state: state("lobby") }, SERVER_NOW)).toBe(true);
    expect(r.receive({ n: 5, at: SERVER_NOW, ops: [[["view", "phase"], "briefing"]] }, SERVER_NOW)).toBe(true);
    expect(r.state!.view.phase).toBe("briefing");
    expect(r.receive({ n: 7, at: SERVER_NOW, ops: [[["view", "phase"], "travel"]] }, SERVER_NOW)).toBe(false); // 6 went missing
    expect(r.receive({ n: 6, at: SERVER_NOW, ops: [[["view", "nothing", "here"], 1]] }, SERVER_NOW)).toBe(false); // does not fit
    expect(r.state!.view.phase).toBe("briefing");
    expect(r.receive({ n: 9, at: SERVER_NOW, state: state("travel") }, SERVER_NOW)).toBe(true); // the whole state again
    expect(r.receive({ n: 10, at: SERVER_NOW, ops: [[["view", "phase"], "negotiation"]] } satisfies SyncFrame, SERVER_NOW)).toBe(true);
    expect(r.state!.view.phase).toBe("negotiation");
  });

  it("knows the server's time on a phone whose clock is five minutes slow, from frames that took a while", () => {
    const r = new SyncReceiver();
    const slow = -5 * 60_000;
    // Frames stamped by the server, received 3–40 ms later by a clock five minutes behind.
    const delays = [40, 12, 25, 3, 18];
    delays.forEach((delay, i) => {
      const at = SERVER_NOW + i * 1000;
      r.receive(i === 0 ? { n: 0, at, state: state("travel") } : { n: i, at, ops: [] }, at + delay + slow);
    });
    // Within the shortest travel time of the true offset: a countdown is off by 3 ms, not five minutes.
    expect(r.clockOffset).toBe(-slow - 3);
    const deadline = SERVER_NOW + 90_000;
    const localNow = SERVER_NOW + 4000 + slow;
    expect(deadline - (localNow + r.clockOffset)).toBeCloseTo(86_000, -1);
  });
});
