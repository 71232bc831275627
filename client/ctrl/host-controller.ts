// The teacher's dashboard: the whole match, the verbs that run it, and the screen's own state.
// The laptop is usually mirrored to the projector, so secrets (payoffs, corridor talk, money
// and its notes, the teacher key) stay hidden until the teacher reveals them on purpose, and
// hide again by themselves after a while or as soon as the window loses focus. Each game verb
// sends one intent under a control name so its rejection shows beside the button.
import type { MatchView } from "../../shared/rules/view.js";
import { remembered } from "../net/storage.js";
import { currentLanguage } from "../text/catalog.js";
import { chooseOrigin, joinLink, joinOriginOf, loadJoinAddress, type JoinAddressState } from "./join-address.js";
import type { MatchSession } from "./session.js";

/** How long a reveal lasts before it hides itself. */
export const REVEAL_MS = 45_000;

export type Reveal = "secrets" | "key";

export class HostController {
  /** The server's answer about the join address; null while asking; "failed" if it could not say. */
  joinAddress: JoinAddressState = null;
  #revealed = new Map<Reveal, number>();
  #timers = new Map<Reveal, ReturnType<typeof setTimeout>>();
  #listeners = new Set<() => void>();
  /** The result of the last copy, shown beside the button for a moment. */
  copied: "ok" | "failed" | null = null;

  constructor(
    readonly session: MatchSession,
    private readonly clock: () => number = () => Date.now(),
  ) {}

  get view(): MatchView | null {
    return this.session.view;
  }

  get code(): string {
    return this.session.connection.code;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Whether a player's device is connected right now (bots always are). */
  connected(playerId: string): boolean {
    return this.session.connection.presence.get(playerId) ?? false;
  }

  async loadJoinAddress(): Promise<void> {
    this.joinAddress = await loadJoinAddress();
    this.#changed();
  }

  /** The origin students use, or null when no phone could reach this server. */
  joinOrigin(): string | null {
    return joinOriginOf(this.joinAddress);
  }

  joinLink(): string | null {
    const origin = this.joinOrigin();
    return origin ? joinLink(origin, this.code) : null;
  }

  chooseJoinOrigin = (origin: string) => {
    chooseOrigin(origin);
    this.#changed();
  };

  /**
   * On this laptop (the projector is its second screen); keeps the page's query (e.g. ?e2e=1)
   * and names the teacher's language, so the big screen speaks it wherever it is opened.
   */
  projectorLink(): string {
    const url = new URL(`/projector/${this.code}${window.location.search}`, window.location.origin);
    url.searchParams.set("lang", currentLanguage());
    return url.href;
  }

  // ---- deliberate, self-hiding reveals ----

  revealed(what: Reveal): boolean {
    return (this.#revealed.get(what) ?? 0) > this.clock();
  }

  /** Seconds until a reveal hides itself (for the countdown beside "Hide now"). */
  secondsLeft(what: Reveal): number {
    return Math.max(0, Math.ceil(((this.#revealed.get(what) ?? 0) - this.clock()) / 1000));
  }

  reveal = (what: Reveal) => {
    this.#revealed.set(what, this.clock() + REVEAL_MS);
    clearTimeout(this.#timers.get(what));
    this.#timers.set(
      what,
      setTimeout(() => this.hide(what), REVEAL_MS),
    );
    this.#changed();
  };

  hide = (what: Reveal) => {
    clearTimeout(this.#timers.get(what));
    if (!this.#revealed.delete(what)) return;
    this.#changed();
  };

  /** The window lost focus or the tab was hidden: whatever was revealed goes away. */
  hideAll = () => {
    for (const what of [...this.#revealed.keys()]) this.hide(what);
  };

  // ---- the teacher key ----

  /** The key that lists this teacher's recorded matches (one key for every match they open). */
  teacherKey(): string | null {
    return remembered.teacherToken(this.code);
  }

  /**
   * The link with the key, for the saved file and the email only: on another browser it opens
   * the list (the key rides in the fragment, which the matches page takes out of the address).
   */
  matchesLinkWithKey(): string | null {
    const key = this.teacherKey();
    return key ? `${window.location.origin}/matches#token=${encodeURIComponent(key)}` : null;
  }

  /** "Your recorded matches" opens /matches with no key in its address: this hands it over the way that page keeps it. */
  handOverKey = () => {
    const key = this.teacherKey();
    if (key) remembered.setTeacherKey(key);
  };

  copyKey = async () => {
    const key = this.teacherKey();
    if (!key) return;
    try {
      await navigator.clipboard.writeText(key);
      this.copied = "ok";
    } catch {
      this.copied = "failed";
    }
    this.#changed();
  };

  dispose(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#listeners.clear();
  }

  // ---- the match's verbs ----

  assignAutomatically = () => this.session.act("assign-auto", { type: "AssignRolesAutomatically" });
  assignRole = (player: string, seat: string) => {
    const [table, role] = seat === "" ? [null, null] : [Number(seat.split("/")[0]), seat.split("/")[1] ?? null];
    return this.session.act(`assign-${player}`, { type: "AssignRole", player, table, role });
  };
  removePlayer = (player: string) => this.session.act(`player-${player}`, { type: "RemovePlayer", player });
  mutePlayer = (player: string, muted: boolean) => this.session.act(`player-${player}`, { type: "MutePlayer", player, muted });
  fillWithBots = () => this.session.act("bots", { type: "FillWithBots" });
  start = () => this.session.act("start", { type: "StartMatch" });
  pause = () => this.session.act("clock", { type: "PauseClock" });
  resume = () => this.session.act("clock", { type: "ResumeClock" });
  extend = (seconds: number) => this.session.act("clock", { type: "ExtendClock", seconds });
  skip = () => this.session.act("clock", { type: "AdvancePhase" });
  pushNews = (text: string) => this.session.act("news", { type: "PushNews", text });
  callConsensus = (table: number, option: string) => this.session.act(`consensus-${table}-${option}`, { type: "CallConsensus", table, option });
  nameDrafter = (table: number, role: string, seated: boolean) => this.session.act(`drafter-${table}-${role}`, { type: "NameDrafter", table, role, seated });
  end = () => this.session.act("end", { type: "EndMatch" });

  #changed(): void {
    for (const listener of this.#listeners) listener();
  }
}
