// Keeps a scene's game objects between redraws. A redraw walks the model and asks for each
// object by a stable key ("seat:<role>:label"); an object that already exists is updated in place
// (a text is re-rendered only when its words change), new ones are created, and whatever the
// walk did not ask for is destroyed at the end. Redraws stay cheap when a class of forty
// changes the table many times a minute, and a running animation keeps its objects.
import * as Phaser from "phaser";
import { ART, type ArtKey } from "./art.js";
import { tableLayout } from "./table-layout.js";

export interface TextLook {
  size: number;
  colour?: string;
  bold?: boolean;
  /** Wrap at this width in world units. */
  wrap?: number;
  align?: "left" | "center" | "right";
  stroke?: { colour: string; width: number };
  originX?: number;
  originY?: number;
}

/** Text of the canvas and its smallest size, so tests can check it is readable. */
export interface TextReport {
  smallestWorldSize: number;
}

export class Retained {
  readonly #scene: Phaser.Scene;
  readonly #live = new Map<string, Phaser.GameObjects.GameObject>();
  readonly #looks = new Map<string, string>();
  readonly #seen = new Set<string>();
  /** Device pixels per world unit that texts and textures are rendered at. */
  resolution = 1;
  #smallest = Number.POSITIVE_INFINITY;

  constructor(scene: Phaser.Scene) {
    this.#scene = scene;
  }

  begin(): void {
    this.#seen.clear();
    this.#smallest = Number.POSITIVE_INFINITY;
  }

  /** Destroys every object the last walk did not ask for. */
  end(): void {
    for (const [key, object] of this.#live) {
      if (this.#seen.has(key)) continue;
      object.destroy();
      this.#live.delete(key);
      this.#looks.delete(key);
    }
  }

  clear(): void {
    for (const object of this.#live.values()) object.destroy();
    this.#live.clear();
    this.#looks.clear();
  }

  get<T extends Phaser.GameObjects.GameObject>(key: string): T | undefined {
    return this.#live.get(key) as T | undefined;
  }

  /** The smallest text asked for in the last walk, in world units (Infinity when none). */
  get smallestText(): number {
    return this.#smallest;
  }

  /**
   * The object for `key`, created once. An existing one is put back to its resting scale,
   * angle and opacity: an animation cut short by this redraw must not leave it half-grown,
   * and the next animation reads its resting state from it.
   */
  keep<T extends Phaser.GameObjects.GameObject>(key: string, create: () => T): T {
    this.#seen.add(key);
    const existing = this.#live.get(key);
    if (existing && existing.active !== false) {
      const o = existing as Partial<Phaser.GameObjects.Components.Transform & Phaser.GameObjects.Components.Alpha>;
      o.setScale?.(1);
      o.setAngle?.(0);
      o.setAlpha?.(1);
      return existing as T;
    }
    const made = create();
    this.#live.set(key, made);
    return made;
  }

  /** A piece of the table's art, `width` × `height` world units. */
  image(key: string, x: number, y: number, piece: ArtKey, width: number, height: number): Phaser.GameObjects.Image {
    const image = this.keep(key, () => this.#scene.add.image(x, y, ART, piece));
    if (image.frame.name !== piece) image.setFrame(piece);
    return image.setPosition(x, y).setDisplaySize(width, height);
  }

  text(key: string, x: number, y: number, words: string, look: TextLook): Phaser.GameObjects.Text {
    this.#smallest = Math.min(this.#smallest, look.size);
    const style = JSON.stringify(look) + this.resolution;
    let created = false;
    const text = this.keep(key, () => {
      created = true;
      return this.#scene.add.text(x, y, words, this.#style(look));
    });
    // Every setter of a Phaser text redraws its canvas. A new text is drawn once, by its
    // constructor, already in its style, resolution and wrap; a new look is one `setStyle` (the
    // style carries the resolution and the wrap, so no further setter is needed), and new words
    // one more draw. Drawing a text four times made the first frame of a moment stall on a
    // slow phone (a ticket's status changes its words and its colour when travel closes).
    if (created) this.#looks.set(key, style);
    else if (this.#looks.get(key) !== style) {
      text.setStyle(this.#style(look));
      this.#looks.set(key, style);
    }
    if (text.text !== words) text.setText(words);
    return text.setPosition(x, y).setOrigin(look.originX ?? 0.5, look.originY ?? 0.5);
  }

  #style(look: TextLook): Phaser.Types.GameObjects.Text.TextStyle {
    return {
      fontFamily: tableLayout.font.family,
      fontSize: `${look.size}px`,
      fontStyle: look.bold ? "bold" : "normal",
      color: look.colour ?? tableLayout.font.ink,
      align: look.align ?? "center",
      stroke: look.stroke?.colour,
      strokeThickness: look.stroke?.width ?? 0,
      resolution: this.resolution,
      // Always given, so a look without a wrap undoes an earlier one (a missing key keeps the old value).
      wordWrap: { width: look.wrap, useAdvancedWrap: true },
    };
  }
}
