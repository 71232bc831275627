// Builds the Phaser game for the table. Only ever reached through a dynamic import, so the
// landing page and the join form never wait for Phaser's large chunk.
import * as Phaser from "phaser";
import type { TableModel } from "./table-model.js";
import { TableScene, tableSceneKey } from "./table-scene.js";

/**
 * Nothing on the table moves between changes, so the game draws only after a change (or a
 * resize) and then sleeps: that spares students' batteries and lets a whole class of
 * browsers share one test machine. `?fps=60` keeps it drawing continuously (benchmarks).
 */
const defaultFramesPerSecond = 5;
/** Frames drawn after a change before the loop sleeps again. */
const framesAfterChange = 3;

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
    // The canvas is as big as its box on screen, not as the 1000-unit world: a phone fills
    // 350×350 pixels instead of a million, and the camera zooms the world to fit.
    width: Math.max(1, parent.clientWidth),
    height: Math.max(1, parent.clientHeight),
    scale: { mode: Phaser.Scale.RESIZE },
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
  const continuous = new URLSearchParams(window.location.search).has("fps");
  let framesSinceChange = 0;
  const wake = () => {
    framesSinceChange = 0;
    // Before the game has booted its loop is not started: waking it then would run two.
    if (game.loop.started && !game.loop.running) game.loop.wake();
  };
  game.events.on(Phaser.Core.Events.POST_RENDER, () => {
    if (!continuous && ++framesSinceChange >= framesAfterChange) game.loop.sleep();
  });
  // The Scale Manager notices a new box size only while the loop runs: wake it for that.
  const resized = new ResizeObserver(wake);
  resized.observe(parent);
  let pending: TableModel | null = null;
  let drawnKey = "";
  game.events.once(Phaser.Core.Events.READY, () => {
    if (pending) scene()?.setModel(pending);
  });
  return {
    setModel(model) {
      const key = JSON.stringify(model);
      if (key === drawnKey) return;
      drawnKey = key;
      pending = model;
      scene()?.setModel(model);
      wake();
    },
    destroy() {
      resized.disconnect();
      if (game.loop.started && !game.loop.running) game.loop.wake();
      document.removeEventListener("focusin", onFocusIn);
      document.removeEventListener("focusout", onFocusOut);
      game.destroy(true);
    },
  };
}
