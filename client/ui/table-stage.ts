// Holds the Phaser table in its container: loads Phaser the first time a screen needs the
// table, feeds it each new TableModel with the moments since the last one, and tears it down
// when the phase no longer shows it. What the canvas shows is also said in words: the whole
// table as the container's label, and each animated moment as a line in a polite live log
// beside it (the canvas itself says nothing to a screen reader).
import { reportToE2e } from "../e2e-hooks.js";
import type { TableGame } from "../scenes/start-game.js";
import { momentsBetween } from "../scenes/table-moments.js";
import type { TableModel } from "../scenes/table-model.js";
import { describeTable, momentWords } from "../scenes/table-words.js";
import { t } from "../text/catalog.js";

/** Lines kept in the live log: enough to catch up on, few enough to stay tidy. */
const logLength = 6;

export interface StageUpdate {
  /**
   * Whether the change from the last model is a moment to animate and announce (true when the
   * game moves on by itself). A replay jumping across the match passes false.
   */
  animate?: boolean;
}

export class TableStage {
  #game: TableGame | undefined;
  #loading: Promise<void> | undefined;
  #model: TableModel | null = null;
  #key = "";
  readonly #log: HTMLElement;
  readonly #said: string[] = [];

  constructor(private readonly container: HTMLElement) {
    container.setAttribute("role", "img");
    this.#log = document.createElement("div");
    this.#log.className = "visually-hidden table-log";
    this.#log.setAttribute("role", "log");
    this.#log.setAttribute("aria-live", "polite");
    this.#log.setAttribute("aria-label", t("table.heading"));
    container.insertAdjacentElement("afterend", this.#log);
  }

  update(model: TableModel | null, options: StageUpdate = {}): void {
    const before = this.#model;
    this.#model = model;
    this.container.hidden = model === null;
    if (model === null) {
      this.#key = "";
      this.#game?.destroy();
      this.#game = undefined;
      return;
    }
    const key = JSON.stringify(model);
    if (key === this.#key) return;
    this.#key = key;
    const moments = options.animate === false ? [] : momentsBetween(before, model);
    this.container.setAttribute("aria-label", t("table.canvasLabel", { summary: describeTable(model) }));
    this.#announce(moments.map((m) => momentWords(m, model)).filter((line) => line !== ""));
    reportToE2e({ seats: model.seats.length, drawn: key.length });
    if (this.#game) this.#game.show(model, moments);
    else this.#loading ??= this.#load();
  }

  #announce(lines: string[]): void {
    for (const line of lines) {
      const p = document.createElement("p");
      p.textContent = line;
      this.#log.append(p);
      this.#said.push(line);
    }
    while (this.#log.childElementCount > logLength) this.#log.firstElementChild?.remove();
    if (lines.length > 0) reportToE2e({ tableSaid: this.#said.slice(-200) });
  }

  async #load(): Promise<void> {
    try {
      const { startGame } = await import("../scenes/start-game.js");
      if (this.#model === null) return;
      this.#game = startGame(this.container);
      // Moments that happened while Phaser loaded were told in words; the table opens as it is now.
      this.#game.show(this.#model, []);
    } catch (error) {
      console.error(error);
      this.container.textContent = t("game.loadFailed");
    } finally {
      this.#loading = undefined;
    }
  }

  dispose(): void {
    this.update(null);
    this.#log.remove();
  }
}
