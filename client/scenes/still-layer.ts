// Draws everything that is not moving into one texture, once per change, and shows that
// instead of the hundred-odd objects it was drawn from. A frame of the table then costs one
// textured quad plus whatever is animating: on the school machines the browser paints with
// a software GPU, where each draw call and texture switch costs, so this is what keeps an
// animation smooth with a whole class at the table. The texture has one pixel per device
// pixel, so the table stays as sharp as the objects it replaces.
import * as Phaser from "phaser";
import { tableLayout } from "./table-layout.js";

type Drawable = Phaser.GameObjects.GameObject & Phaser.GameObjects.Components.Visible & { depth: number };

export class StillLayer {
  readonly #scene: Phaser.Scene;
  readonly #key: string;
  #texture: Phaser.Textures.DynamicTexture | null = null;
  #image: Phaser.GameObjects.Image | null = null;
  #hidden: Drawable[] = [];

  constructor(scene: Phaser.Scene, key: string) {
    this.#scene = scene;
    this.#key = key;
  }

  /** Shows every baked object again: before a redraw changes them. */
  release(): void {
    for (const object of this.#hidden) if (object.active) object.setVisible(true);
    this.#hidden = [];
    this.#image?.setVisible(false);
  }

  /** Bakes every visible object except `live` (those about to move) into the still texture. */
  bake(live: ReadonlySet<Phaser.GameObjects.GameObject>): void {
    this.release();
    const camera = this.#scene.cameras.main;
    const { width, height } = tableLayout.world;
    const size = { width: Math.max(2, Math.ceil(width * camera.zoom)), height: Math.max(2, Math.ceil(height * camera.zoom)) };
    if (!this.#texture) {
      const made = this.#scene.textures.addDynamicTexture(this.#key, size.width, size.height);
      if (!made) return;
      this.#texture = made;
    } else this.#texture.setSize(size.width, size.height);
    const texture = this.#texture;
    texture.clear();
    texture.camera.setZoom(camera.zoom);
    texture.camera.centerOn(width / 2, height / 2);
    const still = (this.#scene.children.list as Drawable[]).filter((o) => o !== this.#image && o.visible && !live.has(o));
    // The display list is in creation order; draw it in depth order, as the camera would.
    const ordered = still.map((o, i) => ({ o, i })).sort((a, b) => a.o.depth - b.o.depth || a.i - b.i).map(({ o }) => o);
    texture.draw(ordered);
    texture.render();
    for (const object of ordered) object.setVisible(false);
    this.#hidden = ordered;
    this.#image ??= this.#scene.add.image(width / 2, height / 2, this.#key).setDepth(-1000);
    this.#image.setTexture(this.#key).setDisplaySize(width, height).setVisible(true);
  }

  destroy(): void {
    this.release();
    this.#image?.destroy();
    this.#image = null;
    if (this.#texture) this.#scene.textures.remove(this.#key);
    this.#texture = null;
  }
}
