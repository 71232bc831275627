// The replay screen's state and verbs (the lichess shape): the moment on show, whose eyes we
// look through, playback. Every key, button and click ends in jump(to); views only render
// from here. A moment is an event count: the state after the first `moment` events. What each
// moment looked like comes from a source (sources.ts): the teacher's own fold of the record,
// or the server's views for a replay link.
import type { Marker, MarkerKind } from "../../shared/replay/timeline.js";
import type { Debrief } from "../../shared/analysis/debrief.js";
import { TEXT_WINDOW, viewChoiceOf, viewChoiceText, type RoleChoice, type ViewChoice } from "../../shared/replay/remote.js";
import type { SeenEvent } from "../../shared/replay/seen.js";
import type { MatchView } from "../../shared/rules/view.js";
import type { ReplaySource } from "./sources.js";
import { currentLanguage } from "../text/catalog.js";
import { localiseView } from "../text/scenario-texts.js";

export { viewChoiceOf, viewChoiceText, type ViewChoice };
export type Access = "teacher" | "link";

export const SPEEDS = [1, 2, 4, 8] as const;
export type Speed = (typeof SPEEDS)[number];

/** Milliseconds between two events while playing at 1×. */
const STEP_MS = 600;

export interface ReplayInput {
  code: string;
  source: ReplaySource;
  access: Access;
  /** From the address: where to start and whose view. */
  at: number | null;
  view: ViewChoice | null;
}

export class ReplayController {
  readonly code: string;
  readonly source: ReplaySource;
  readonly access: Access;
  moment: number;
  choice: ViewChoice;
  playing = false;
  speed: Speed = 1;
  helpOpen = false;
  textMode = false;
  shareLink: string | null = null;
  /** A view the server has not sent yet is on its way; the last one stays on screen meanwhile. */
  loading = false;
  /** Why the last view could not be loaded, if it could not. */
  loadError: string | null = null;
  #listeners = new Set<() => void>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #shown: MatchView | null = null;

  constructor(input: ReplayInput) {
    this.code = input.code;
    this.source = input.source;
    this.access = input.access;
    this.moment = this.clamp(input.at ?? this.source.length);
    this.choice = input.view && this.allowed(input.view) ? input.view : { kind: "projector" };
  }

  get length(): number {
    return this.source.length;
  }

  get markers(): Marker[] {
    return this.source.markers;
  }

  get analysis(): Debrief {
    return this.source.analysis;
  }

  get finalHash(): string | null {
    return this.source.finalHash;
  }

  /** Roles a viewer can choose, by table, as seated in the match's settings. */
  roleChoices(): RoleChoice[] {
    // Role names in the viewer's language, from the scenario's overlay (the source names them in the scenario's own words).
    const roles = this.#shown && localiseView(this.#shown, currentLanguage()).scenario.roles;
    return this.source.roleChoices().map((c) => ({ ...c, name: roles?.find((r) => r.id === c.role)?.name ?? c.name }));
  }

  allowed(choice: ViewChoice | null): boolean {
    if (!choice) return false;
    if (choice.kind === "everything" && this.access !== "teacher") return false;
    return this.source.allows(choice);
  }

  /**
   * What the chosen viewer saw at the current moment (exactly viewFor, so no one else's secrets),
   * with the scenario's words in this device's language, as the match's own screens show them.
   */
  get view(): MatchView {
    const ready = this.source.viewAt(this.moment, this.choice);
    if (ready && (!this.textMode || this.eventsInWindow().every((e) => e !== undefined))) {
      this.#shown = ready;
      return localiseView(ready, currentLanguage());
    }
    this.fetch();
    if (ready) this.#shown = ready;
    if (!this.#shown) throw new Error("No view has been loaded yet: await ready() first.");
    return localiseView(this.#shown, currentLanguage());
  }

  /** Resolves once the current moment's view is here (the first render waits on it). */
  async ready(): Promise<void> {
    await this.source.load(this.moment, this.choice, this.textMode);
    this.#shown = this.source.viewAt(this.moment, this.choice) ?? this.#shown;
  }

  /** The event that made a moment, as the chosen viewer may know it. */
  eventAt(moment = this.moment): SeenEvent | undefined {
    return this.source.eventAt(moment, this.choice);
  }

  /** The text mode's window of events around the moment. */
  window(): { from: number; to: number } {
    const from = Math.max(1, this.moment - TEXT_WINDOW / 2);
    return { from, to: Math.min(this.length, from + TEXT_WINDOW - 1) };
  }

  eventsInWindow(): (SeenEvent | undefined)[] {
    const { from, to } = this.window();
    return Array.from({ length: to - from + 1 }, (_, i) => this.eventAt(from + i));
  }

  /** Epoch ms of the event that made the moment, when known. */
  timeOf(moment = this.moment): number | null {
    return this.source.timeOf(moment);
  }

  /** The table the stage draws: the role's own, else the first. */
  tableIndex(): number {
    return this.choice.kind === "role" ? this.choice.table : 0;
  }

  markersOf(kind?: MarkerKind): Marker[] {
    return kind ? this.markers.filter((m) => m.kind === kind) : this.markers;
  }

  private fetch(): void {
    if (this.loading) return;
    const wanted = { moment: this.moment, choice: this.choice, text: this.textMode };
    this.loading = true;
    this.source.load(wanted.moment, wanted.choice, wanted.text).then(
      () => {
        this.loading = false;
        this.loadError = null;
        this.emit();
      },
      (error: unknown) => {
        this.loading = false;
        this.loadError = error instanceof Error ? error.message : String(error);
        this.stop();
        this.emit();
      },
    );
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
