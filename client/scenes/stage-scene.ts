// What the director (start-game.ts) asks of the map and the room: draw a model, play the
// moments that led to it, say whether anything still moves, and how small its text got.
import type { Motion } from "./motion.js";
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
