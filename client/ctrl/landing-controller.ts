// The start page's state and verbs: a student joins with a class code, a teacher starts a
// match. No DOM here; the view renders `state` and calls the verbs. What joining and
// starting really do (the network) arrives through `LandingActions`.
import type { MessageKey } from "../text/catalog.js";

export interface LandingActions {
  startMatch(): void;
  joinClass(classCode: string): void;
}

export type LandingState =
  | { readonly kind: "idle" }
  | { readonly kind: "codeRejected"; readonly reason: MessageKey }
  | { readonly kind: "joining"; readonly classCode: string }
  | { readonly kind: "starting" };

/** Codes are read off a board and typed on phones: ignore case and stray spaces. */
export function normaliseClassCode(typed: string): string {
  return typed.replace(/\s+/g, "").toUpperCase();
}

export class LandingController {
  #state: LandingState = { kind: "idle" };

  constructor(
    private readonly actions: LandingActions,
    private readonly onChange: (state: LandingState) => void,
  ) {}

  get state(): LandingState {
    return this.#state;
  }

  join(typedCode: string): void {
    const classCode = normaliseClassCode(typedCode);
    if (classCode === "") {
      this.#set({ kind: "codeRejected", reason: "landing.student.codeMissing" });
      return;
    }
    this.#set({ kind: "joining", classCode });
    this.actions.joinClass(classCode);
  }

  /** Back on the start page after leaving a game screen. */
  reset(): void {
    this.#set({ kind: "idle" });
  }

  startMatch(): void {
    this.#set({ kind: "starting" });
    this.actions.startMatch();
  }

  #set(next: LandingState): void {
    this.#state = next;
    this.onChange(next);
  }
}
