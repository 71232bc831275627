// The start page's state and verbs: a student joins with a class code and a nickname, a
// teacher starts a match. No DOM here; the view renders `state` and calls the verbs. What
// joining and starting really do (the network) arrives through `LandingActions`.
import type { MessageKey } from "../text/catalog.js";

export interface LandingActions {
  startMatch(): void;
  joinClass(classCode: string, nickname: string): void;
}

export type LandingState =
  | { readonly kind: "idle" }
  | { readonly kind: "codeRejected"; readonly reason: MessageKey; readonly detail?: string }
  | { readonly kind: "nicknameRejected"; readonly reason: MessageKey }
  | { readonly kind: "joining"; readonly classCode: string }
  | { readonly kind: "starting" };

/** Codes are read off a board and typed on phones: ignore case and stray spaces. */
export function normaliseClassCode(typed: string): string {
  return typed.replace(/\s+/g, "").toUpperCase();
}

/** A friendly two-word nickname, so nobody needs to type a real name. */
/** `compose` puts the two words in the language's order ("Brave Otter", "Nutria Valiente"). */
export function suggestNickname(adjectives: readonly string[], animals: readonly string[], compose: (adjective: string, animal: string) => string, random: () => number = Math.random): string {
  const pick = (words: readonly string[]) => words[Math.floor(random() * words.length)] ?? "";
  return compose(pick(adjectives), pick(animals)).trim();
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

  join(typedCode: string, typedNickname = ""): void {
    const classCode = normaliseClassCode(typedCode);
    const nickname = typedNickname.trim();
    if (classCode === "") {
      this.#set({ kind: "codeRejected", reason: "landing.student.codeMissing" });
      return;
    }
    if (nickname === "") {
      this.#set({ kind: "nicknameRejected", reason: "landing.student.nicknameMissing" });
      return;
    }
    this.#set({ kind: "joining", classCode });
    this.actions.joinClass(classCode, nickname);
  }

  /** The server refused the code (unknown, unreachable, or rejected with a reason). */
  failed(reason: MessageKey, detail?: string): void {
    this.#set({ kind: "codeRejected", reason, detail });
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
