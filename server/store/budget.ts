// The size budget of one match's record (RECORD_BUDGET in shared/replay/record.ts), kept by a
// wrapper around any MatchStore: past the budget an append made only of students' actions is
// refused with RecordFull; the teacher's and the clock's keep a reserve, so a flooded match
// can still be ended and debriefed; past the reserve nothing more is written.
import { RECORD_BUDGET } from "../../shared/replay/record.js";
import type { MatchStore, NewEvent } from "./match-store.js";

export type RecordBudget = { events: number; reserve: number; bytes: number; reserveBytes: number };

export class RecordFull extends Error {
  constructor(
    readonly code: string,
    readonly forStudents: boolean,
  ) {
    super(
      forStudents
        ? "This match's record is full: it cannot take any more actions from students. The teacher can still end the match."
        : "This match's record is full: nothing more can be recorded.",
    );
    this.name = "RecordFull";
  }
}

interface Size {
  events: number;
  bytes: number;
}

const bytesOf = (e: NewEvent) => JSON.stringify(e.event).length;

/** The store, with appends held to the budget. Sizes are counted once per match, then kept up to date. */
export function withRecordBudget(inner: MatchStore, budget: RecordBudget = RECORD_BUDGET): MatchStore {
  const sizes = new Map<string, Promise<Size>>();
  const sizeOf = (code: string): Promise<Size> => {
    let known = sizes.get(code);
    if (!known) {
      known = (async () => {
        const size = { events: 0, bytes: 0 };
        for (let after = 0; ; ) {
          const page = await inner.getEvents(code, { after, limit: 1000 });
          for (const e of page) {
            size.events++;
            size.bytes += JSON.stringify(e.event).length;
          }
          if (page.length < 1000) return size;
          after = page.at(-1)!.seq;
        }
      })();
      known.catch(() => sizes.delete(code));
      sizes.set(code, known);
    }
    return known;
  };

  const appendEvents: MatchStore["appendEvents"] = async (code, events, expectedLast) => {
    if (!events.length) return inner.appendEvents(code, events, expectedLast);
    const size = await sizeOf(code);
    const events2 = size.events + events.length;
    const bytes2 = size.bytes + events.reduce((n, e) => n + bytesOf(e), 0);
    if (events2 > budget.events + budget.reserve || bytes2 > budget.bytes + budget.reserveBytes) throw new RecordFull(code, false);
    const students = events.every((e) => e.actor.kind === "player");
    if (students && (events2 > budget.events || bytes2 > budget.bytes)) throw new RecordFull(code, true);
    const seqs = await inner.appendEvents(code, events, expectedLast);
    size.events = events2;
    size.bytes = bytes2;
    return seqs;
  };

  return new Proxy(inner, {
    get(target, property, receiver) {
      if (property === "appendEvents") return appendEvents;
      if (property === "deleteMatch") {
        return async (code: string) => {
          sizes.delete(code);
          return target.deleteMatch(code);
        };
      }
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
