// The big screen's state: the match (read-only), the join address it shows, and which news
// item is still news. A news item stays on the wall for the round it arrived in, and only for
// a few minutes: last round's headline must not linger over this round's debate.
import type { MatchView } from "../../shared/rules/view.js";
import { joinOriginOf, loadJoinAddress, type JoinAddressState } from "./join-address.js";
import type { MatchSession } from "./session.js";

/** How long a news item stays on the projector (server time). */
export const NEWS_ON_SCREEN_MS = 5 * 60_000;

export class ProjectorController {
  joinAddress: JoinAddressState = null;
  /** The round each news item arrived in; "before" for items already there when the page opened. */
  #arrivedIn = new Map<string, number | "before">();
  #opened = false;
  #listeners = new Set<() => void>();

  constructor(readonly session: MatchSession) {
    session.subscribe(() => this.#note(session.view));
    this.#note(session.view);
  }

  #note(view: MatchView | null): void {
    if (!view) return;
    for (const item of view.news) if (!this.#arrivedIn.has(item.id)) this.#arrivedIn.set(item.id, this.#opened ? view.round : "before");
    this.#opened = true;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async loadJoinAddress(): Promise<void> {
    this.joinAddress = await loadJoinAddress();
    this.#changed();
  }

  joinOrigin(): string | null {
    return joinOriginOf(this.joinAddress);
  }

  /** Another page of this browser (the dashboard) picked another join address. */
  originChanged(): void {
    this.#changed();
  }

  /** The newest news item if it belongs on the wall now: this round's, and recent. */
  freshNews(): MatchView["news"][number] | null {
    const view = this.session.view;
    const item = view?.news.at(-1);
    if (!view || !item) return null;
    const arrived = this.#arrivedIn.get(item.id);
    const recent = this.session.now() - item.at < NEWS_ON_SCREEN_MS;
    return recent && (arrived === view.round || arrived === "before") ? item : null;
  }

  #changed(): void {
    for (const listener of this.#listeners) listener();
  }
}
