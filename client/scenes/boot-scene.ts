// Rasterises the table's art once, at the screen's pixel density, then hands over to the director.
// Nothing is drawn meanwhile: the DOM around the canvas already says where the match is.
import * as Phaser from "phaser";
import { loadArt } from "./art.js";

export const bootSceneKey = "Boot";

export interface BootData {
  /** Device pixels per world unit to rasterise the SVG art at. */
  textureScale: number;
  booted: () => void;
}

export class BootScene extends Phaser.Scene {
  #data!: BootData;

  constructor() {
    super(bootSceneKey);
  }

  init(data: BootData): void {
    this.#data = data;
  }

  create(): void {
    const renderer = this.game.renderer as Partial<Phaser.Renderer.WebGL.WebGLRenderer>;
    const maxTextureSize = Math.min(4096, renderer.getMaxTextureSize?.() ?? 4096);
    loadArt(this.textures, this.#data.textureScale, maxTextureSize).then(this.#data.booted, (error: unknown) => {
      // Without its art the table cannot be drawn; the words beside it still say everything.
      console.error(error);
    });
  }
}
