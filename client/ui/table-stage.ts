// Holds the Phaser table in its container: loads Phaser the first time a screen needs the
// table, feeds it each new TableModel, and tears it down when the phase no longer shows it.
import type { TableModel } from "../scenes/table-model.js";
import { describeTable } from "../scenes/table-model.js";
import type { TableGame } from "../scenes/start-game.js";
import { t } from "../text/catalog.js";

export class TableStage {
  #game: TableGame | undefined;
  #loading: Promise<void> | undefined;
  #model: TableModel | null = null;

  constructor(private readonly container: HTMLElement) {
    container.setAttribute("role", "img");
  }

  update(model: TableModel | null): void {
    this.#model = model;
    this.container.hidden = model === null;
    if (model === null) {
      this.#game?.destroy();
      this.#game = undefined;
      return;
    }
    this.container.setAttribute("aria-label", t("table.canvasLabel", { summary: describeTable(model, { inRoom: t("table.inRoom"), remote: t("table.remote"), absent: t("table.absent") }) }));
    if (this.#game) this.#game.setModel(model);
    else this.#loading ??= this.#load();
  }

  async #load(): Promise<void> {
    try {
      const { startGame } = await import("../scenes/start-game.js");
      if (this.#model === null) return;
      this.#game = startGame(this.container);
      this.#game.setModel(this.#model);
    } catch (error) {
      console.error(error);
      this.container.textContent = t("game.loadFailed");
    } finally {
      this.#loading = undefined;
    }
  }

  dispose(): void {
    this.update(null);
  }
}
