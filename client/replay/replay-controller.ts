// The replay screen's state and verbs (the lichess shape): the moment on show, whose eyes we
// look through, playback. Every key, button and click ends in jump(to); views only render
// from here. A moment is an event count: the state after the first `moment` events.
import type { MarkerKind, Marker, Replay } from "../../shared/replay/timeline.js";
import { markers } from "../../shared/replay/timeline.js";
import type { RecordedEvent } from "../../shared/replay/record.js";
import type { MatchView, Viewer } from "../../shared/rules/view.js";
import { viewFor } from "../../shared/rules/view.js";
import { applyEvent } from "../../shared/rules/evolve.js";
import type { MatchState } from "../../shared/rules/types.js";
import { debrief, type Debrief } from "../../shared/analysis/debrief.js";

export type ViewChoice = { kind: "projector" } | { kind: "everything" } | { kind: "role"; table: number; role: string };
export type Access = "teacher" | "link";

export const SPEEDS = [1, 2, 4, 8] as const;
export type Speed = (typeof SPEEDS)[number];

/** Milliseconds between two events while playing at 1×. */
const STEP_MS = 600;

export function viewChoiceOf(text: string | null): ViewChoice | null {
  if (text === "projector") return { kind: "projector" };
  if (text === "everything") return { kind: "everything" };
  const m = /^role:(\d+):([A-Za-z0-9-]{1,16})$/.exec(text ?? "");
  return m ? { kind: "role", table: Number(m[1]), role: m[2]! } : null;
}

export function viewChoiceText(choice: ViewChoice): string {
  return choice.kind === "role" ? `role:${choice.table}:${choice.role}` : choice.kind;
}

export interface ReplayInput {
  code: string;
  replay: Replay;
  events: readonly RecordedEvent[];
  finalHash: string;
  access: Access;
  /** From the address: where to start and whose view. */
  at: number | null;
  view: ViewChoice | null;
}

export class ReplayController {
  readonly code: string;
  readonly replay: Replay;
  readonly times: readonly number[];
  readonly access: Access;
  readonly finalHash: string;
  readonly markers: Marker[];
  readonly analysis: Debrief;
  moment: number;
  choice: ViewChoice;
  playing = false;
  speed: Speed = 1;
  helpOpen = false;
  textMode = false;
  shareLink: string | null = null;
  #listeners = new Set<() => void>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #cached: { key: string; view: MatchView } | null = null;
  #roles: { table: number; role: string; short: string; name: string }[] | undefined;
  #cursor: { moment: number; state: MatchState } | null = null;

  constructor(input: ReplayInput) {
    this.code = input.code;
    this.replay = input.replay;
    this.times = input.events.map((e) => e.at);
    this.access = input.access;
    this.finalHash = input.finalHash;
    this.analysis = debrief(this.replay.events);
    const capture = this.analysis.tables.flatMap((t) =>
      t.flags.map((f) => ({ at: Math.max(...f.evidence) + 1, roles: [f.funder, f.recipient], label: `${f.recipient} moves toward ${f.option} after money from ${f.funder}`, round: f.round, table: t.table })),
    );
    this.markers = markers(this.replay.events, capture);
    this.moment = this.clamp(input.at ?? this.replay.length);
    this.choice = this.allowed(input.view) ? input.view! : { kind: "projector" };
  }

  get length(): number {
    return this.replay.length;
  }

  /** Roles a viewer can choose, by table, as seated in the match's settings. */
  roleChoices(): { table: number; role: string; short: string; name: string }[] {
    if (!this.#roles) {
      // Folded once: every render asks, and a long record costs a full fold.
      const view = this.viewAt(this.length, { kind: "projector" });
      this.#roles = view.tables.flatMap((t) => view.scenario.roles.map((r) => ({ table: t.index, role: r.id, short: r.short, name: r.name })));
    }
    return this.#roles;
  }

  allowed(choice: ViewChoice | null): boolean {
    if (!choice) return false;
    if (choice.kind === "everything") return this.access === "teacher";
    if (choice.kind === "role") return this.roleChoices().some((c) => c.table === choice.table && c.role === choice.role);
    return true;
  }

  viewer(): Viewer {
    const c = this.choice;
    return c.kind === "everything" ? { kind: "teacher" } : c.kind === "role" ? { kind: "role", table: c.table, role: c.role } : { kind: "projector" };
  }

  /** What the chosen viewer saw at the current moment (exactly viewFor, so no one else's secrets). */
  get view(): MatchView {
    const key = `${this.moment}|${viewChoiceText(this.choice)}`;
    if (this.#cached?.key !== key) this.#cached = { key, view: this.viewAt(this.moment, this.viewer()) };
    return this.#cached.view;
  }

  viewAt(moment: number, viewer: Viewer): MatchView {
    return viewFor(this.stateAt(moment), viewer);
  }

  /**
   * The state after `moment` events. Moving forward applies only the new events to a state this
   * controller alone holds (playback and → cost one event each); going back folds afresh.
   * Safe because viewFor copies what it returns, so no view aliases the state.
   */
  private stateAt(moment: number): MatchState {
    const n = Math.max(1, Math.min(this.length, Math.floor(moment)));
    if (!this.#cursor || this.#cursor.moment > n) this.#cursor = { moment: n, state: this.replay.stateAt(n) };
    const events = this.replay.events;
    for (let i = this.#cursor.moment; i < n; i++) this.#cursor.state = applyEvent(this.#cursor.state, events[i]!);
    this.#cursor.moment = n;
    return this.#cursor.state;
  }

  /** Epoch ms of the event that made the current moment. */
  timeOf(moment = this.moment): number {
    return this.times[moment - 1] ?? 0;
  }

  /** The table the stage draws: the role's own, else the first. */
  tableIndex(): number {
    return this.choice.kind === "role" ? this.choice.table : 0;
  }

  markersOf(kind?: MarkerKind): Marker[] {
    return kind ? this.markers.filter((m) => m.kind === kind) : this.markers;
  }

  // ---- verbs: every one ends in jump() or a plain state change ----

  /** The one way the moment changes: keys, buttons, marker clicks, the scrubber and playback. */
  jump(to: number): void {
    const next = this.clamp(to);
    if (next === this.moment) return this.emit();
    this.moment = next;
    this.shareLink = null;
    if (this.moment >= this.length) this.stop();
    this.emit();
  }

  step(by: number): void {
    this.stop();
    this.jump(this.moment + by);
  }

  first(): void {
    this.stop();
    this.jump(1);
  }

  last(): void {
    this.stop();
    this.jump(this.length);
  }

  nextMarker(): void {
    const found = this.markers.find((m) => m.at > this.moment);
    this.stop();
    this.jump(found ? found.at : this.length);
  }

  previousMarker(): void {
    const found = [...this.markers].reverse().find((m) => m.at < this.moment);
    this.stop();
    this.jump(found ? found.at : 1);
  }

  togglePlay(): void {
    if (this.playing) this.stop();
    else {
      if (this.moment >= this.length) this.moment = 1;
      this.playing = true;
      this.schedule();
    }
    this.emit();
  }

  setSpeed(speed: Speed): void {
    this.speed = speed;
    if (this.playing) this.schedule();
    this.emit();
  }

  faster(): void {
    this.setSpeed(SPEEDS[Math.min(SPEEDS.length - 1, SPEEDS.indexOf(this.speed) + 1)]!);
  }

  slower(): void {
    this.setSpeed(SPEEDS[Math.max(0, SPEEDS.indexOf(this.speed) - 1)]!);
  }

  setView(choice: ViewChoice): void {
    if (!this.allowed(choice)) return;
    this.choice = choice;
    this.shareLink = null;
    this.emit();
  }

  toggleHelp(open = !this.helpOpen): void {
    this.helpOpen = open;
    this.emit();
  }

  toggleTextMode(): void {
    this.textMode = !this.textMode;
    this.emit();
  }

  setShareLink(link: string | null): void {
    this.shareLink = link;
    this.emit();
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  dispose(): void {
    this.stop();
    this.#listeners.clear();
  }

  private stop(): void {
    this.playing = false;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  private schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      if (!this.playing) return;
      this.jump(this.moment + 1);
      if (this.playing) this.schedule();
    }, STEP_MS / this.speed);
  }

  private clamp(n: number): number {
    return Math.max(1, Math.min(this.length, Math.floor(Number.isFinite(n) ? n : this.length)));
  }

  private emit(): void {
    for (const l of this.#listeners) l();
  }
}
