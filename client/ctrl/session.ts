// The state every match screen shares: the connection's latest view, which controls are
// waiting for a reply, the last rejection per control, and what to announce to screen
// readers. Screen controllers add their verbs on top; views render from it and never send.
import type { Intent, Reply } from "../../shared/protocol/intents.js";
import type { MatchView } from "../../shared/rules/view.js";
import type { ConnectionStatus, GameConnection } from "../net/connection.js";
import { announcementsBetween } from "./announcements.js";

export interface ControlError {
  code: string;
  message: string;
}

export class MatchSession {
  readonly errors = new Map<string, ControlError>();
  readonly pending = new Set<string>();
  /** The latest announcement for the aria-live region; `serial` changes with every new one. */
  announcement = { text: "", serial: 0 };
  #listeners = new Set<() => void>();
  #previous: MatchView | null = null;
  #unsubscribe: () => void;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(readonly connection: GameConnection) {
    this.#unsubscribe = connection.subscribe(() => this.#changed());
    // The clock is drawn from the deadline; a tick each second keeps it current.
    this.#timer = setInterval(() => this.#emit(), 1000);
    this.#changed();
  }

  get view(): MatchView | null {
    return this.connection.view;
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
    let reply: Reply;
    try {
      reply = await this.connection.send(intent);
    } catch {
      reply = { ok: false, code: "bad-payload", message: "" };
    }
    this.pending.delete(control);
    if (!reply.ok) this.errors.set(control, { code: reply.code, message: reply.message });
    this.#emit();
    return reply.ok;
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

  #changed(): void {
    const next = this.connection.view;
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
