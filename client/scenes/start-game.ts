// Builds the Phaser game. Only ever reached through a dynamic import, so the landing page
// and the join form never wait for Phaser's large chunk.
import * as Phaser from "phaser";
import { tableLayout } from "./table-layout.js";
import { TableScene } from "./table-scene.js";

/**
 * Nothing on the table moves yet: a low frame rate spares students' batteries and lets a
 * whole class of browsers share one test machine. Raise it only for real animation.
 */
const framesPerSecondLimit = 5;

/** `?canvas` forces the Canvas renderer, for machines whose WebGL misbehaves. */
function rendererType(): number {
  return new URLSearchParams(window.location.search).has("canvas") ? Phaser.CANVAS : Phaser.AUTO;
}

export function startGame(parent: HTMLElement): Phaser.Game {
  return new Phaser.Game({
    type: rendererType(),
    parent,
    banner: false,
    width: tableLayout.world.width,
    height: tableLayout.world.height,
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
    fps: { limit: framesPerSecondLimit },
    scene: [TableScene],
  });
}
