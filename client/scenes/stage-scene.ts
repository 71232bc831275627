// What the director (start-game.ts) asks of the map and the room: draw a model, play the
// moments that led to it, say whether anything still moves, and how small its text got; and
// the part both scenes share: their retained objects, their motion, their baked still layer,
// set up when the scene starts and released when it shuts down.
import * as Phaser from "phaser";
import { Motion } from "./motion.js";
import { Retained } from "./retained.js";
import { StillLayer } from "./still-layer.js";
import type { Moment } from "./table-moments.js";
import type { TableModel } from "./table-model.js";

export interface StageScene {
  /** Redraws to `model` and plays `moments`; resolves when they have played. */
  show(model: TableModel, moments: readonly Moment[]): Promise<void>;
  /** After a resize: texts at the new pixel density, the still layer at the new zoom. */
  refit(resolution: number): void;
  readonly busy: boolean;
  readonly motion: Motion;
  /** The smallest text drawn, in world units. */
  readonly smallestText: number;
}

/** What every scene gets when it starts. */
export interface StageSceneData {
  reducedMotion: boolean;
  resolution: number;
  /** Wakes the sleeping game loop (a bubble closing by itself, a timer). */
  wake: () => void;
}

/** The map and the room: a scene that redraws to the last model it was shown. */
export abstract class StageSceneBase extends Phaser.Scene implements StageScene {
  protected r!: Retained;
  protected still!: StillLayer;
  protected model: TableModel | null = null;
  #motion!: Motion;
  readonly #stillKey: string;

  constructor(key: string, stillKey: string) {
    super(key);
    this.#stillKey = stillKey;
  }

  abstract show(model: TableModel, moments: readonly Moment[]): Promise<void>;

  get busy(): boolean {
    return this.#motion?.busy ?? false;
  }

  get smallestText(): number {
    return this.r?.smallestText ?? Number.POSITIVE_INFINITY;
  }

  get motion(): Motion {
    return this.#motion;
  }

  get retained(): Retained {
    return this.r;
  }

  init(data: StageSceneData): void {
    this.r = new Retained(this);
    this.r.resolution = data.resolution;
    this.#motion = new Motion(this, data.reducedMotion, data.wake);
    this.still = new StillLayer(this, this.#stillKey);
  }

  create(): void {
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      if (this.#settle) this.events.off(Phaser.Scenes.Events.UPDATE, this.#settle);
      this.#settle = null;
      this.shutdown();
      this.#motion.cancel();
      this.still.destroy();
      this.r.clear();
    });
  }

  /** The still layer's bake once the moments have played, waiting for the scene's next update. */
  #settle: (() => void) | null = null;

  /**
   * Plays `moments` (their objects already left out of the still layer) and, once they have
   * played, bakes the still layer again on the scene's next update — so whatever they moved is
   * one texture again. Nothing played, nothing to bake: the layer baked before the moments is
   * already the table at rest (baking it twice was a second full render per change). A scene
   * stopped before its next update (the map as the room opens after the trips) is never drawn
   * again, so it is not baked again either.
   */
  protected playAndSettle(moments: readonly Moment[], played: Promise<void>): Promise<void> {
    const generation = this.motion.generation;
    return played.then(() => {
      if (moments.length === 0 || generation !== this.motion.generation || !this.sys.isActive()) return;
      if (this.#settle) this.events.off(Phaser.Scenes.Events.UPDATE, this.#settle);
      const settle = () => {
        this.#settle = null;
        // A newer change took over (it bakes for itself), or the scene stopped meanwhile.
        if (generation === this.motion.generation && this.sys.isActive()) this.still.bake(new Set());
      };
      this.#settle = settle;
      this.events.once(Phaser.Scenes.Events.UPDATE, settle);
    });
  }

  /** What a scene stops of its own when it shuts down (a timer). */
  protected shutdown(): void {}

  /** After a resize: texts at the new density, and the still layer baked again at the new zoom. */
  refit(resolution: number): void {
    if (resolution !== this.r.resolution) {
      this.still.release();
      this.r.clear();
      this.r.resolution = resolution;
    }
    if (this.model) void this.show(this.model, []);
  }
}
