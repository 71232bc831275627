// Pieces the map and the room share: a delegation's token pile, coins flying from one place
// to another, a number that floats up and fades, a pop. Drawn from the project's art; each
// animation goes through Motion, so reduced motion and the sleeping loop are respected.
import type * as Phaser from "phaser";
import { ART } from "./art.js";
import { okabeIto, toColourNumber, ui } from "../ui/palette.js";
import type { Motion } from "./motion.js";
import type { Retained, TextLook } from "./retained.js";
import type { Point } from "./table-layout.js";
import { tableLayout } from "./table-layout.js";

export const colours = {
  ink: ui.ink,
  inkMuted: ui.inkMuted,
  paper: ui.paper,
  gain: okabeIto.blue,
  loss: okabeIto.vermillion,
  support: okabeIto.blue,
  live: "#6B6B6B",
  object: okabeIto.vermillion,
  highlight: okabeIto.yellow,
} as const;

export const stanceMarks = { support: "✓", live: "≈", object: "✗" } as const;

export const depth = { ground: 0, furniture: 10, seats: 20, items: 30, badges: 40, overlay: 60, flying: 80 } as const;

/** A point on an arc from `a` to `b` that bulges `lift` units upward, at progress `t`. */
export function arcPoint(a: Point, b: Point, lift: number, t: number): Point {
  const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 - lift };
  const u = 1 - t;
  return { x: u * u * a.x + 2 * u * t * mid.x + t * t * b.x, y: u * u * a.y + 2 * u * t * mid.y + t * t * b.y };
}

export interface PileLook {
  coin: { width: number; height: number; step: number };
  maxCoins: number;
  labelSize: number;
  stroke: number;
  /** Which side of the stack the count is written on (default right). */
  labelSide?: "left" | "right";
}

/**
 * A stack of coins (at most `maxCoins`) with the count written beside it — on the side away from
 * the table's middle for a seat on the left, so the verdict card in the middle never hides it.
 */
export function drawPile(r: Retained, key: string, at: Point, tokens: number, look: PileLook, alpha = 1): Phaser.GameObjects.Text {
  const coins = Math.min(Math.max(tokens, 0), look.maxCoins);
  for (let i = 0; i < look.maxCoins; i++) {
    const coinKey = `${key}:coin${i}`;
    if (i >= coins) continue;
    r.image(coinKey, at.x, at.y - i * look.coin.step, "coin", look.coin.width, look.coin.height).setDepth(depth.items).setAlpha(alpha);
  }
  const left = look.labelSide === "left";
  const label: TextLook = { size: look.labelSize, bold: true, colour: colours.paper, stroke: { colour: colours.ink, width: look.stroke }, originX: left ? 1 : 0 };
  return r
    .text(`${key}:count`, at.x + (left ? -1 : 1) * (look.coin.width / 2 + 6), at.y - (coins > 1 ? ((coins - 1) * look.coin.step) / 2 : 0), String(tokens), label)
    .setDepth(depth.items)
    .setAlpha(alpha);
}

/** Coins fly from `from` to `to`, one after another; resolves when the last has landed. */
export async function flyCoins(scene: Phaser.Scene, motion: Motion, from: Point, to: Point, count: number, options: { ms: number; staggerMs: number; lift?: number; coin?: { width: number; height: number } }): Promise<void> {
  const shown = Math.min(Math.max(count, 1), 6);
  const size = options.coin ?? tableLayout.piles.coin;
  const lift = options.lift ?? Math.min(160, Math.hypot(to.x - from.x, to.y - from.y) / 3);
  const flights: Promise<void>[] = [];
  for (let i = 0; i < shown; i++) {
    const coin = scene.add.image(from.x, from.y, ART, "coin").setDisplaySize(size.width, size.height).setDepth(depth.flying).setAlpha(0);
    flights.push(
      motion
        .step(
          (t) => {
            const p = arcPoint(from, to, lift, t);
            coin.setPosition(p.x, p.y).setAlpha(t < 0.05 ? t * 20 : 1);
          },
          { duration: options.ms, delay: i * options.staggerMs, ease: "Sine.easeInOut" },
        )
        .then(() => {
          coin.destroy();
        }),
    );
  }
  await Promise.all(flights);
}

/** A short text ("+3", "−2") that rises from `at` and fades away. */
export async function floatText(scene: Phaser.Scene, motion: Motion, r: Retained, at: Point, words: string, colour: string, size = 30): Promise<void> {
  if (motion.reduced) return;
  const text = scene.add
    .text(at.x, at.y, words, { fontFamily: tableLayout.font.family, fontSize: `${size}px`, fontStyle: "bold", color: colour, stroke: colours.paper, strokeThickness: 6, resolution: r.resolution })
    .setOrigin(0.5)
    .setDepth(depth.flying);
  await motion.to(text, { y: at.y - 50, alpha: 0 }, { duration: 1100, ease: "Cubic.easeOut" });
  text.destroy();
}

/** Grows an object from nothing to its size, with a little overshoot. */
export function pop(motion: Motion, object: Phaser.GameObjects.Components.Transform & Phaser.GameObjects.Components.Alpha, delay = 0): Promise<void> {
  const sx = object.scaleX;
  const sy = object.scaleY;
  if (motion.reduced) return Promise.resolve();
  object.setScale(sx * 0.2, sy * 0.2).setAlpha(0);
  return motion.to(object, { scaleX: sx, scaleY: sy, alpha: 1 }, { duration: tableLayout.motion.popMs, delay, ease: "Back.easeOut" });
}

export function colourNumber(hex: string): number {
  return toColourNumber(hex);
}
