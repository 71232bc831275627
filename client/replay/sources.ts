// Where a replay's views come from. The teacher holds the whole record and folds it here
// (LocalSource: any moment, any view, at once). A replay-link holder never receives the record:
// the server computes each moment's view for the views the link allows (RemoteSource), and
// this side only keeps what it was sent. The controller asks both the same questions.
import type { Debrief } from "../../shared/analysis/debrief.js";
import { debrief, markMoments } from "../../shared/analysis/debrief.js";
import type { RecordedEvent } from "../../shared/replay/record.js";
import { TEXT_WINDOW, viewChoiceText, viewerOf, type Provenance, type ReplayMoment, type ReplayOutline, type RoleChoice, type ViewChoice } from "../../shared/replay/remote.js";
import { eventSeenBy, type SeenEvent } from "../../shared/replay/seen.js";
import { markers, type Marker, type Replay } from "../../shared/replay/timeline.js";
import { applyEvent } from "../../shared/rules/evolve.js";
import type { MatchState } from "../../shared/rules/types.js";
import { viewFor, type MatchView } from "../../shared/rules/view.js";

export interface ReplaySource {
  readonly length: number;
  readonly markers: Marker[];
  readonly analysis: Debrief;
  /** The record's final hash, checked by folding it here; null when the server computed the views. */
  readonly finalHash: string | null;
  readonly imported: Provenance | null;
  roleChoices(): RoleChoice[];
  allows(choice: ViewChoice): boolean;
  /** Epoch ms of the event that made `moment`, when known here. */
  timeOf(moment: number): number | null;
  /** The view at a moment, if this side has it now. */
  viewAt(moment: number, choice: ViewChoice): MatchView | undefined;
  /** The event that made `moment`, as the view may know it, if this side has it. */
  eventAt(moment: number, choice: ViewChoice): SeenEvent | undefined;
  /** Resolves once viewAt (and, with `text`, the events around it) can answer for this moment. */
  load(moment: number, choice: ViewChoice, text: boolean): Promise<void>;
}

/** The teacher's replay: the whole record, folded in this browser. */
export class LocalSource implements ReplaySource {
  readonly length: number;
  readonly markers: Marker[];
  readonly analysis: Debrief;
  #roles: RoleChoice[] | undefined;
  #cursor: { moment: number; state: MatchState } | null = null;

  constructor(
    private readonly replay: Replay,
    private readonly recorded: readonly RecordedEvent[],
    readonly finalHash: string,
    readonly imported: Provenance | null,
  ) {
    this.length = replay.length;
    this.analysis = debrief(replay.events);
    this.markers = markers(replay.events, markMoments(this.analysis));
  }

  roleChoices(): RoleChoice[] {
    if (!this.#roles) {
      // Folded once: every render asks, and a long record costs a full fold.
      const view = viewFor(this.stateAt(this.length), { kind: "projector" });
      this.#roles = view.tables.flatMap((t) => view.scenario.roles.map((r) => ({ table: t.index, role: r.id, short: r.short, name: r.name })));
    }
    return this.#roles;
  }

  allows(choice: ViewChoice): boolean {
    return choice.kind !== "role" || this.roleChoices().some((c) => c.table === choice.table && c.role === choice.role);
  }

  timeOf(moment: number): number | null {
    return this.recorded[moment - 1]?.at ?? null;
  }

  viewAt(moment: number, choice: ViewChoice): MatchView {
    return viewFor(this.stateAt(moment), viewerOf(choice));
  }

  eventAt(moment: number, choice: ViewChoice): SeenEvent | undefined {
    const e = this.replay.events[moment - 1];
    return e && eventSeenBy(e, viewerOf(choice));
  }

  async load(): Promise<void> {}

  /**
   * The state after `moment` events. Moving forward applies only the new events to a state this
   * source alone holds (playback and → cost one event each); going back folds afresh.
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
}

export type FetchMoment = (moment: number, view: string, text: boolean) => Promise<ReplayMoment>;

/** A replay link's replay: each moment's view comes from the server, for the views the link allows. */
export class RemoteSource implements ReplaySource {
  readonly length: number;
  readonly markers: Marker[];
  readonly analysis: Debrief;
  readonly finalHash = null;
  readonly imported: Provenance | null;
  /** Views by "moment|view"; a few hundred at most are kept. */
  #views = new Map<string, MatchView>();
  #events = new Map<string, SeenEvent>();
  #times = new Map<number, number>();
  #pending = new Map<string, Promise<void>>();

  constructor(
    private readonly outline: ReplayOutline,
    private readonly fetchMoment: FetchMoment,
  ) {
    this.length = outline.length;
    this.markers = outline.markers;
    this.analysis = outline.debrief;
    this.imported = outline.imported ?? null;
    this.#times.set(1, outline.startedAt);
  }

  roleChoices(): RoleChoice[] {
    return this.outline.roles.filter((r) => this.outline.views.includes(viewChoiceText({ kind: "role", table: r.table, role: r.role })));
  }

  allows(choice: ViewChoice): boolean {
    return this.outline.views.includes(viewChoiceText(choice));
  }

  timeOf(moment: number): number | null {
    return this.#times.get(moment) ?? null;
  }

  viewAt(moment: number, choice: ViewChoice): MatchView | undefined {
    return this.#views.get(`${moment}|${viewChoiceText(choice)}`);
  }

  eventAt(moment: number, choice: ViewChoice): SeenEvent | undefined {
    return this.#events.get(`${moment}|${viewChoiceText(choice)}`);
  }

  load(moment: number, choice: ViewChoice, text: boolean): Promise<void> {
    const view = viewChoiceText(choice);
    const key = `${moment}|${view}`;
    const haveText = !text || this.#hasWindow(moment, view);
    if (this.#views.has(key) && haveText) return Promise.resolve();
    const pendingKey = `${key}|${text}`;
    let pending = this.#pending.get(pendingKey);
    if (!pending) {
      pending = this.fetchMoment(moment, view, text)
        .then((answer) => this.#keep(answer, view))
        .finally(() => this.#pending.delete(pendingKey));
      this.#pending.set(pendingKey, pending);
    }
    return pending;
  }

  #hasWindow(moment: number, view: string): boolean {
    const from = Math.max(1, moment - TEXT_WINDOW / 2);
    const to = Math.min(this.length, from + TEXT_WINDOW - 1);
    for (let m = from; m <= to; m++) if (!this.#events.has(`${m}|${view}`)) return false;
    return true;
  }

  #keep(answer: ReplayMoment, view: string): void {
    if (this.#views.size > 400) this.#views.clear();
    if (this.#events.size > 5000) this.#events.clear();
    this.#views.set(`${answer.moment}|${view}`, answer.view);
    this.#times.set(answer.moment, answer.at);
    if (answer.now) this.#events.set(`${answer.moment}|${view}`, answer.now);
    answer.window?.events.forEach((e, i) => this.#events.set(`${answer.window!.from + i}|${view}`, e));
  }
}
