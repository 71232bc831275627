// The replay a link holder gets, computed on the server (server/http/replay.ts): the viewer never
// receives the record, only what the chosen view showed at each moment. Wire format (JSON):
//
//   GET /api/matches/:code/replay            → ReplayOutline (link) or { access: "teacher", … }
//   GET /api/matches/:code/replay/view?at=N&view=projector|role:T:ROLE[&text=1]  → ReplayMoment
//
// A view choice is written "projector", "everything" or "role:<table>:<role id>".
import type { Debrief } from "../analysis/debrief.js";
import type { MatchView, Viewer } from "../rules/view.js";
import type { SeenEvent } from "./seen.js";
import type { Marker } from "./timeline.js";

export type ViewChoice = { kind: "projector" } | { kind: "everything" } | { kind: "role"; table: number; role: string };

export function viewChoiceOf(text: string | null | undefined): ViewChoice | null {
  if (text === "projector") return { kind: "projector" };
  if (text === "everything") return { kind: "everything" };
  const m = /^role:(\d{1,2}):([A-Za-z0-9-]{1,16})$/.exec(text ?? "");
  return m ? { kind: "role", table: Number(m[1]), role: m[2]! } : null;
}

export function viewChoiceText(choice: ViewChoice): string {
  return choice.kind === "role" ? `role:${choice.table}:${choice.role}` : choice.kind;
}

export function viewerOf(choice: ViewChoice): Viewer {
  return choice.kind === "everything" ? { kind: "teacher" } : choice.kind === "role" ? { kind: "role", table: choice.table, role: choice.role } : { kind: "projector" };
}

/** A role a viewer can watch through, by table, as the match's settings seated them. */
export interface RoleChoice {
  table: number;
  role: string;
  short: string;
  name: string;
}

/** Where an imported record came from (absent for a match played on this server). */
export type Provenance = "verified" | "checked";

export interface ReplayOutline {
  access: "link";
  code: string;
  imported?: Provenance;
  /** Whether the link shows nicknames; by default students are "Student 1", "Student 2" … */
  nicknames: boolean;
  /** Events in the record: moments run from 1 to length. */
  length: number;
  /** Epoch ms of the first event. */
  startedAt: number;
  markers: Marker[];
  /** The debrief of the match, as every device of the class could ask for it (roles only). */
  debrief: Debrief;
  roles: RoleChoice[];
  /** The views this link may open: the projector's, and the seat's own role with its seat secret. */
  views: string[];
  /** The seat the seat secret sent with the request held, if any. */
  seat: { table: number; role: string } | null;
}

export interface ReplayMoment {
  moment: number;
  /** Epoch ms of the event that made this moment. */
  at: number;
  view: MatchView;
  /** The event that made this moment, as this view may know it. */
  now: SeenEvent | null;
  /** With text=1: the events around the moment, as this view may know them. */
  window?: { from: number; events: SeenEvent[] };
}

/** Events either side of the moment in the text mode's list. */
export const TEXT_WINDOW = 60;
