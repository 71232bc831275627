// The screen that hosts the Phaser canvas. Phaser is fetched with a dynamic import the
// first time this screen opens, so students on slow school Wi-Fi reach the join form first.
import { t } from "../text/catalog.js";

export interface GameScreenElements {
  readonly section: HTMLElement;
  readonly heading: HTMLElement;
  readonly container: HTMLElement;
  readonly status: HTMLElement;
  readonly backButton: HTMLButtonElement;
}

interface RunningGame {
  destroy(removeCanvas: boolean): void;
}

export class GameScreen {
  #game: RunningGame | undefined;
  /** Bumped on every open and close, so a load that finishes after closing is dropped. */
  #visit = 0;

  constructor(
    private readonly elements: GameScreenElements,
    onBack: () => void,
  ) {
    elements.backButton.addEventListener("click", onBack);
  }

  async open(): Promise<void> {
    const visit = ++this.#visit;
    this.elements.section.hidden = false;
    this.elements.heading.focus();
    this.elements.status.textContent = t("game.loading");
    try {
      const { startGame } = await import("../scenes/start-game.js");
      if (visit !== this.#visit) return;
      this.#game = startGame(this.elements.container);
      this.elements.status.textContent = "";
    } catch (error) {
      console.error(error);
      if (visit === this.#visit) this.elements.status.textContent = t("game.loadFailed");
    }
  }

  close(): void {
    this.#visit++;
    this.#game?.destroy(true);
    this.#game = undefined;
    this.elements.section.hidden = true;
    this.elements.status.textContent = "";
  }
}
