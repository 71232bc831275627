// The replay: any moment of a recorded match, seen as anyone saw it. A moment is an event
// count; the state there is a fold of the record's prefix (fast enough to redo on every seek,
// see `npm run bench`), and what a viewer saw is viewFor of that state.
import { z } from "zod";
import type { GameEvent } from "../rules/events.js";
import { applyEvent } from "../rules/evolve.js";
import type { MatchState } from "../rules/types.js";
import { viewFor, type MatchView, type Viewer } from "../rules/view.js";
import { hashState } from "./hash.js";
import { fold, incompatibility, type MatchRecord } from "./record.js";

export type MarkerKind =
  | "round"
  | "fellowship-offered"
  | "fellowship-accepted"
  | "grant"
  | "tabled"
  | "position-flip"
  | "decision"
  | "capture"
  | "news"
  | "end";

export interface Marker {
  /** The moment just after this event: seek(at) shows its effect. */
  at: number;
  kind: MarkerKind;
  round: number;
  table: number | null;
  /** Roles involved, for filtering by "as role". */
  roles: string[];
  /** Plain words for the timeline and the text mode. */
  label: string;
}

/** Key moments of a record, in order. Capture flags come from the debrief and are merged in. */
export function markers(events: readonly GameEvent[], capture: { at: number; roles: string[]; label: string; round: number; table: number }[] = []): Marker[] {
  const out: Marker[] = [];
  const stances = new Map<string, string>();
  const offers = new Map<string, { from: string; to: string }>();
  let round = -1;
  events.forEach((e, i) => {
    const at = i + 1;
    switch (e.type) {
      case "RoundOpened":
        round = e.round;
        out.push({ at, kind: "round", round, table: null, roles: [], label: `Round ${e.round + 1} opens: dossier ${e.dossier}` });
        break;
      case "FellowshipOffered":
        offers.set(`${e.table}/${e.id}`, { from: e.from, to: e.to });
        out.push({ at, kind: "fellowship-offered", round, table: e.table, roles: [e.from, e.to], label: `${e.from} offers ${e.to} a trip${e.programme ? " (fellowship programme)" : ""}` });
        break;
      case "FellowshipAccepted": {
        const offer = offers.get(`${e.table}/${e.id}`) ?? { from: "?", to: "?" };
        out.push({ at, kind: "fellowship-accepted", round, table: e.table, roles: [offer.from, offer.to], label: `${offer.to} accepts a trip paid by ${offer.from}` });
        break;
      }
      case "GrantGiven":
        out.push({ at, kind: "grant", round, table: e.table, roles: [e.from, e.to], label: `${e.from} gives ${e.to} ${e.amount} token${e.amount === 1 ? "" : "s"}` });
        break;
      case "OptionTabled":
        out.push({ at, kind: "tabled", round, table: e.table, roles: [e.by], label: `${e.by} tables ${e.option}` });
        break;
      case "PositionDeclared": {
        const key = `${e.table}/${e.role}/${e.option}`;
        const before = stances.get(key);
        stances.set(key, e.stance);
        if (before && before !== e.stance) out.push({ at, kind: "position-flip", round, table: e.table, roles: [e.role], label: `${e.role} moves from ${before} to ${e.stance} on ${e.option}` });
        break;
      }
      case "DossierDecided":
        out.push({ at, kind: "decision", round: e.round, table: e.table, roles: [], label: `Decided: ${e.decision.adopted} (${e.decision.by === "status-quo" ? "the status quo stands" : e.decision.by})` });
        break;
      case "NewsPushed":
        out.push({ at, kind: "news", round, table: null, roles: [], label: `News: ${e.text}` });
        break;
      case "MatchEnded":
        out.push({ at, kind: "end", round, table: null, roles: [], label: "The match ends" });
        break;
      default:
        break;
    }
  });
  for (const c of capture) out.push({ at: c.at, kind: "capture", round: c.round, table: c.table, roles: c.roles, label: c.label });
  return out.sort((a, b) => a.at - b.at);
}

const RecordShape = z.object({
  format: z.string(),
  formatVersion: z.number(),
  rulesVersion: z.number(),
  matchId: z.string(),
  scenario: z.object({ id: z.string(), version: z.number() }),
  events: z.array(z.object({ seq: z.number(), at: z.number(), actor: z.object({ kind: z.string() }).passthrough(), event: z.object({ type: z.string() }).passthrough() })).min(1),
  finalHash: z.string(),
});

export type Opened = { ok: true; replay: Replay } | { ok: false; reason: string };

/** Why untrusted JSON is not a record this version can read (format, versions, shape), or null. */
export function recordProblem(data: unknown): string | null {
  const incompatible = incompatibility(data);
  if (incompatible) return incompatible;
  const shape = RecordShape.safeParse(data);
  if (!shape.success) {
    const issue = shape.error.issues[0];
    return `This record is damaged: ${issue ? `${issue.path.join(".")}: ${issue.message}` : "its shape is wrong"}.`;
  }
  if ((data as MatchRecord).events[0]!.event.type !== "MatchCreated") return "This record is damaged: it does not start with the creation of the match.";
  return null;
}

/** Opens a record from untrusted JSON (an imported file): a clear reason instead of a wrong replay. */
export function openRecord(data: unknown): Opened {
  const problem = recordProblem(data);
  if (problem) return { ok: false, reason: problem };
  const record = data as MatchRecord;
  let state: MatchState | null = null;
  for (let i = 0; i < record.events.length; i++) {
    try {
      state = applyEvent(state, record.events[i]!.event);
    } catch {
      return { ok: false, reason: `This record is damaged at event ${i + 1} (${record.events[i]!.event.type}); it cannot be replayed.` };
    }
  }
  if (hashState(state) !== record.finalHash) return { ok: false, reason: "This record does not replay to the result stored in it: it was edited or damaged, so it is not shown." };
  return { ok: true, replay: new Replay(record.events.map((e) => e.event)) };
}

export class Replay {
  readonly length: number;
  constructor(readonly events: readonly GameEvent[]) {
    this.length = events.length;
  }

  /** The state after the first `moment` events (clamped to the record). */
  stateAt(moment: number): MatchState {
    const n = Math.max(1, Math.min(this.length, Math.floor(moment)));
    return fold(this.events, n) as MatchState;
  }

  /** What a viewer saw at a moment: exactly viewFor, so secrets of others stay hidden. */
  viewAt(moment: number, viewer: Viewer): MatchView {
    return viewFor(this.stateAt(moment), viewer);
  }
}
