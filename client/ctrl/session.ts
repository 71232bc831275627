// The state every match screen shares: the connection's latest view, which controls are
// waiting for a reply, the last rejection per control, and what to announce to screen
// readers. Screen controllers add their verbs on top; views render from it and never send.
import type { Intent, Reply } from "../../shared/protocol/intents.js";
import type { MatchView } from "../../shared/rules/view.js";
import type { ConnectionStatus, GameConnection } from "../net/connection.js";
import { currentLanguage } from "../text/catalog.js";
import { localiseView } from "../text/scenario-texts.js";
import { announcementsBetween } from "./announcements.js";

/** How long an accepted action waits for the state patch that shows it. */
const settleTimeoutMs = 1500;

export interface ControlError {
  code: string;
  /** The server's English sentence, for the console; the screen shows code + params. */
  message: string;
  params?: Readonly<Record<string, string | number>>;
}

export class MatchSession {
  readonly errors = new Map<string, ControlError>();
  readonly pending = new Set<string>();
  /** The latest announcement for the aria-live region; `serial` changes with every new one. */
  announcement = { text: "", serial: 0 };
  #listeners = new Set<() => void>();
  #previous: MatchView | null = null;
  #previousRaw: MatchView | null = null;
  #unsubscribe: () => void;
  #timer: ReturnType<typeof setInterval> | undefined;
  #viewSerial = 0;
  #viewWaiters = new Set<() => void>();

  constructor(readonly connection: GameConnection) {
    this.#unsubscribe = connection.subscribe(() => this.#changed());
    // The clock is drawn from the deadline; a tick each second keeps it current.
    this.#timer = setInterval(() => this.#emit(), 1000);
    this.#changed();
  }

  /** The latest view, with the scenario's words in this device's language. */
  get view(): MatchView | null {
    const view = this.connection.view;
    return view && localiseView(view, currentLanguage());
  }

  get status(): ConnectionStatus {
    return this.connection.status;
  }

  /** Now on the server's clock. */
  now(): number {
    return Date.now() + this.connection.clockOffset;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Sends an intent for the control `control`; its rejection is kept to show beside it. */
  async act(control: string, intent: Intent): Promise<boolean> {
    this.pending.add(control);
    this.errors.delete(control);
    this.#emit();
    const serial = this.#viewSerial;
    let reply: Reply;
    try {
      reply = await this.connection.send(intent);
    } catch {
      reply = { ok: false, code: "bad-payload", message: "" };
    }
    // An accepted action shows its effect before the control is released: wait for the
    // state patch that carries it, unless it already came in ahead of the reply.
    if (reply.ok && serial === this.#viewSerial) await this.#nextView(settleTimeoutMs);
    this.pending.delete(control);
    if (!reply.ok) this.errors.set(control, { code: reply.code, message: reply.message, ...(reply.params ? { params: reply.params } : {}) });
    this.#emit();
    return reply.ok;
  }

  /** Redraws the screen after a change that lives only on this device (a slider, an open panel). */
  refresh(): void {
    this.#emit();
  }

  clearError(control: string): void {
    if (this.errors.delete(control)) this.#emit();
  }

  announce(text: string): void {
    this.announcement = { text, serial: this.announcement.serial + 1 };
    this.#emit();
  }

  dispose(): void {
    this.#unsubscribe();
    clearInterval(this.#timer);
    this.#listeners.clear();
  }

  #nextView(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      const waiting = this.#viewWaiters;
      function done() {
        clearTimeout(timer);
        waiting.delete(done);
        resolve();
      }
      waiting.add(done);
    });
  }

  #changed(): void {
    if (this.connection.view !== this.#previousRaw) {
      this.#previousRaw = this.connection.view;
      this.#viewSerial++;
      for (const waiter of [...this.#viewWaiters]) waiter();
    }
    // Announced in this device's language, the scenario's words included.
    const next = this.view;
    if (next) {
      const said = announcementsBetween(this.#previous, next);
      if (said.length) this.announcement = { text: said.join(" "), serial: this.announcement.serial + 1 };
      this.#previous = next;
    }
    this.#emit();
  }

  #emit(): void {
    for (const listener of this.#listeners) listener();
  }
}
