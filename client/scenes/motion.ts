// Every animation on the table goes through here, so that three things hold everywhere:
// someone who asked for less motion (prefers-reduced-motion) sees the end state at once; the
// game loop knows when something is still moving and may sleep only when nothing is; and a
// sequence cut short by a newer change stops cleanly instead of moving stale objects.
import * as Phaser from "phaser";

export interface TweenOptions {
  duration: number;
  delay?: number;
  ease?: string;
}

export class Motion {
  readonly #scene: Phaser.Scene;
  readonly #running = new Set<Phaser.Tweens.Tween>();
  /** Bumped by `cancel()`: a sequence checks it after each step and gives up when it moved. */
  #generation = 0;

  /**
   * `wake` restarts a sleeping game loop. A sequence's next step starts in a promise callback,
   * which may run after the loop saw nothing moving and went to sleep: each new tween wakes it.
   */
  constructor(
    scene: Phaser.Scene,
    readonly reduced: boolean,
    private readonly wake: () => void = () => undefined,
  ) {
    this.#scene = scene;
  }

  /** True while a tween runs: the loop must keep drawing. */
  get busy(): boolean {
    return this.#running.size > 0;
  }

  get generation(): number {
    return this.#generation;
  }

  /** Stops every tween (each resolves as if finished) and invalidates running sequences. */
  cancel(): void {
    this.#generation++;
    for (const tween of [...this.#running]) tween.stop();
    this.#running.clear();
  }

  /** Moves numeric properties of `targets` to `props`; at once under reduced motion. */
  to(targets: object | object[], props: Record<string, number>, options: TweenOptions): Promise<void> {
    if (this.reduced || options.duration <= 0) {
      for (const target of Array.isArray(targets) ? targets : [targets]) Object.assign(target, props);
      return Promise.resolve();
    }
    return this.#run({ targets, ...props, duration: options.duration, delay: options.delay ?? 0, ease: options.ease ?? "Sine.easeInOut" });
  }

  /** Calls `step(0…1)` over the duration (for paths and counters); `step(1)` at once under reduced motion. */
  step(step: (progress: number) => void, options: TweenOptions): Promise<void> {
    if (this.reduced || options.duration <= 0) {
      step(1);
      return Promise.resolve();
    }
    const counter = { value: 0 };
    return this.#run({
      targets: counter,
      value: 1,
      duration: options.duration,
      delay: options.delay ?? 0,
      ease: options.ease ?? "Sine.easeInOut",
      onUpdate: () => step(counter.value),
      onComplete: () => step(1),
    });
  }

  /** A pause inside a sequence; none under reduced motion. */
  wait(ms: number): Promise<void> {
    return this.step(() => undefined, { duration: ms, ease: "Linear" });
  }

  #run(config: Phaser.Types.Tweens.TweenBuilderConfig): Promise<void> {
    return new Promise((resolve) => {
      const finish = (tween: Phaser.Tweens.Tween) => {
        this.#running.delete(tween);
        resolve();
      };
      const userComplete = config.onComplete as (() => void) | undefined;
      const tween = this.#scene.tweens.add({
        ...config,
        onComplete: () => {
          userComplete?.();
          finish(tween);
        },
        onStop: () => finish(tween),
      });
      this.#running.add(tween);
      this.wake();
    });
  }
}

/** The user's wish for less motion, read once per game (a change applies to the next table). */
export function prefersReducedMotion(): boolean {
  return typeof window.matchMedia === "function" && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}
