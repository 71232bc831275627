// Builds the Phaser game for the table. Only ever reached through a dynamic import, so the
// landing page and the join form never wait for Phaser's large chunk.
import * as Phaser from "phaser";
import { tableLayout } from "./table-layout.js";
import type { TableModel } from "./table-model.js";
import { TableScene, tableSceneKey } from "./table-scene.js";

/**
 * Nothing on the table moves between changes: a low frame rate spares students' batteries
 * and lets a whole class of browsers share one test machine. `?fps=60` lifts it (benchmarks).
 */
const defaultFramesPerSecond = 5;

/** `?canvas` forces the Canvas renderer, for machines whose WebGL misbehaves. */
function rendererType(): number {
  return new URLSearchParams(window.location.search).has("canvas") ? Phaser.CANVAS : Phaser.AUTO;
}

function framesPerSecond(): number {
  const asked = Number(new URLSearchParams(window.location.search).get("fps"));
  return Number.isFinite(asked) && asked > 0 ? asked : defaultFramesPerSecond;
}

export interface TableGame {
  setModel(model: TableModel): void;
  destroy(): void;
}

export function startGame(parent: HTMLElement): TableGame {
  const game = new Phaser.Game({
    type: rendererType(),
    parent,
    banner: false,
    width: tableLayout.world.width,
    height: tableLayout.world.height,
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
    fps: { limit: framesPerSecond() },
    scene: [TableScene],
  });
  (window as unknown as { __game?: Phaser.Game }).__game = game;
  const scene = () => game.scene.getScene(tableSceneKey) as TableScene | null;
  // Phaser must not swallow keys while someone types in a form over the canvas.
  const typing = (event: FocusEvent) => event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLSelectElement;
  const onFocusIn = (event: FocusEvent) => {
    if (typing(event)) scene()?.input.keyboard?.disableGlobalCapture();
  };
  const onFocusOut = (event: FocusEvent) => {
    if (typing(event)) scene()?.input.keyboard?.enableGlobalCapture();
  };
  document.addEventListener("focusin", onFocusIn);
  document.addEventListener("focusout", onFocusOut);
  let pending: TableModel | null = null;
  game.events.once(Phaser.Core.Events.READY, () => {
    if (pending) scene()?.setModel(pending);
  });
  return {
    setModel(model) {
      pending = model;
      scene()?.setModel(model);
    },
    destroy() {
      document.removeEventListener("focusin", onFocusIn);
      document.removeEventListener("focusout", onFocusOut);
      game.destroy(true);
    },
  };
}
