// How the room plays each moment: coins fly between seats, a voice pops up, a new option
// card slides from the seat that tabled it, the drafting group gathers on its sheet, stance
// cards turn face up, the verdict lands and each seat's gain or loss flies to it.
// The room is drawn in its final state first; then every object a coming moment will bring in
// is put back to where that moment starts (hidden, edge-on, at the centre), and the moments
// play one after another, each returning its objects to their resting state.
import type * as Phaser from "phaser";
import { colours, flyCoins, floatText } from "./parts.js";
import type { RoomScene } from "./table-scene.js";
import { tableCentre, tableLayout as L, type Point } from "./table-layout.js";
import type { Moment } from "./table-moments.js";
import type { TableModel } from "./table-model.js";

type Movable = Phaser.GameObjects.Components.Transform & Phaser.GameObjects.Components.Alpha & Phaser.GameObjects.GameObject;

interface Rest {
  x: number;
  y: number;
  scaleX: number;
  scaleY: number;
  alpha: number;
}

/** Resting states of the objects this play moves; a newer play (after cancelling this one) starts afresh. */
const resting = new Map<Movable, Rest>();

function restOf(o: Movable): Rest {
  return resting.get(o) ?? { x: o.x, y: o.y, scaleX: o.scaleX, scaleY: o.scaleY, alpha: o.alpha };
}

function remember(o: Movable): Rest {
  const rest = { x: o.x, y: o.y, scaleX: o.scaleX, scaleY: o.scaleY, alpha: o.alpha };
  resting.set(o, rest);
  return rest;
}

function objects(scene: RoomScene, keys: string[]): Movable[] {
  return keys.flatMap((k) => {
    const o = scene.retained.get<Movable>(k);
    return o ? [o] : [];
  });
}

const chipKeys = (role: string) => [`d:${role}:chip`, `d:${role}:chipText`];
const cardKeys = (option: string) => [`card:${option}:bg`, `card:${option}:id`, `card:${option}:counts`];
const handKeys = (role: string, option: string) => [`d:${role}:hand:${option}:card`, `d:${role}:hand:${option}:id`, `d:${role}:hand:${option}:mark`];
const verdictKeys = ["verdict:card", "verdict:title", "verdict:option", "verdict:how"];

/** Keys of the objects a moment moves: they stay out of the still layer while it plays. */
function movedKeys(moment: Moment): string[] {
  switch (moment.kind) {
    case "grant":
      return [`d:${moment.from}:pile:count`, `d:${moment.to}:pile:count`];
    case "balances":
      return moment.changes.map((c) => `d:${c.role}:pile:count`);
    case "floor":
    case "remote-comment":
      return ["bubble:shape", "bubble:text", `d:${moment.role}:mic`, `d:${moment.role}:screen`, `d:${moment.role}:emblem`];
    case "tabled":
      return cardKeys(moment.option);
    case "drafting":
      return ["drafting:sheet", "drafting:pen", "drafting:title", ...moment.joined.flatMap((role) => [`drafting:m:${role}`, `d:${role}:pen`])];
    case "positions":
      return moment.declared.flatMap((d) => handKeys(d.role, d.option));
    case "verdict":
      return verdictKeys;
    case "payoffs":
      return moment.payoffs.flatMap((p) => [...chipKeys(p.role), `d:${p.role}:emblem`]);
    case "travel-closed":
      return moment.inPerson.flatMap((role) => [`d:${role}:emblem`, `d:${role}:label`]);
    default:
      return [];
  }
}

/** Puts every object a moment will animate where that moment starts. */
function prepare(scene: RoomScene, moment: Moment): void {
  const hide = (list: Movable[]) => list.forEach((o) => remember(o) && o.setAlpha(0));
  switch (moment.kind) {
    case "grant": {
      const label = scene.retained.get<Phaser.GameObjects.Text>(`d:${moment.to}:pile:count`);
      if (label) label.setText(String(Number(label.text) - moment.amount));
      return;
    }
    case "floor":
    case "remote-comment":
      hide(objects(scene, ["bubble:shape", "bubble:text"]));
      return;
    case "tabled":
      hide(objects(scene, cardKeys(moment.option)));
      return;
    case "drafting":
      if (moment.members.length === moment.joined.length) hide(objects(scene, ["drafting:sheet", "drafting:pen", "drafting:title"]));
      for (const role of moment.joined) hide(objects(scene, [`drafting:m:${role}`, `d:${role}:pen`]));
      return;
    case "positions":
      for (const d of moment.declared) objects(scene, handKeys(d.role, d.option)).forEach((o) => remember(o) && o.setScale(0, o.scaleY));
      return;
    case "verdict":
      hide(objects(scene, verdictKeys));
      return;
    case "payoffs":
      for (const p of moment.payoffs) hide(objects(scene, chipKeys(p.role)));
      return;
    default:
      return;
  }
}

/**
 * Sets every object the moments will animate to where its moment starts, and returns them
 * all: they are drawn live while the moments play, everything else is still.
 */
export function prepareRoomMoments(scene: RoomScene, moments: readonly Moment[]): Set<Phaser.GameObjects.GameObject> {
  resting.clear();
  if (scene.motion.reduced) return new Set();
  for (const moment of moments) prepare(scene, moment);
  return new Set(moments.flatMap((moment) => objects(scene, movedKeys(moment))));
}

/** Plays the moments one after another (after `prepareRoomMoments`). */
export async function playRoomMoments(scene: RoomScene, model: TableModel, moments: readonly Moment[]): Promise<void> {
  const m = scene.motion;
  if (m.reduced) return;
  const generation = m.generation;
  for (const moment of moments) {
    if (generation !== m.generation) return;
    await playOne(scene, model, moment);
  }
}

/** Brings objects from `from` (a point, scaled down) to their resting place. */
function arrive(scene: RoomScene, list: Movable[], from: Point, ms: number, delay = 0): Promise<void> {
  return Promise.all(
    list.map((o) => {
      const rest = restOf(o);
      const anchor = list[0] ? restOf(list[0]) : rest;
      o.setPosition(rest.x + from.x - anchor.x, rest.y + from.y - anchor.y).setScale(rest.scaleX * 0.4, rest.scaleY * 0.4).setAlpha(1);
      return scene.motion.to(o, { x: rest.x, y: rest.y, scaleX: rest.scaleX, scaleY: rest.scaleY }, { duration: ms, delay, ease: "Cubic.easeOut" });
    }),
  ).then(() => undefined);
}

/** Grows objects from nothing to their resting size, with a little overshoot. */
function popIn(scene: RoomScene, list: Movable[], delay = 0): Promise<void> {
  return Promise.all(
    list.map((o) => {
      const rest = restOf(o);
      o.setScale(rest.scaleX * 0.2, rest.scaleY * 0.2).setAlpha(0);
      return scene.motion.to(o, { scaleX: rest.scaleX, scaleY: rest.scaleY, alpha: rest.alpha }, { duration: L.motion.popMs, delay, ease: "Back.easeOut" });
    }),
  ).then(() => undefined);
}

async function pulse(scene: RoomScene, o: Movable, delay: number): Promise<void> {
  const rest = restOf(o);
  await scene.motion.to(o, { scaleX: rest.scaleX * 1.2, scaleY: rest.scaleY * 1.2 }, { duration: 180, delay, ease: "Sine.easeOut" });
  await scene.motion.to(o, { scaleX: rest.scaleX, scaleY: rest.scaleY }, { duration: 220, ease: "Sine.easeIn" });
}

async function playOne(scene: RoomScene, model: TableModel, moment: Moment): Promise<void> {
  const m = scene.motion;
  const r = scene.retained;
  const motion = L.motion;
  switch (moment.kind) {
    case "grant": {
      const from = scene.spotOf(moment.from);
      const to = scene.spotOf(moment.to);
      if (!from || !to) return;
      const leaving = floatText(scene, m, r, { x: from.pile.x, y: from.pile.y - 30 }, `−${moment.amount}`, colours.loss);
      await flyCoins(scene, m, from.pile, to.pile, moment.amount, { ms: motion.coinFlightMs, staggerMs: motion.coinStaggerMs });
      const label = scene.retained.get<Phaser.GameObjects.Text>(`d:${moment.to}:pile:count`);
      label?.setText(String(model.seats.find((s) => s.role === moment.to)?.tokens ?? label.text));
      await Promise.all([leaving, floatText(scene, m, r, { x: to.pile.x, y: to.pile.y - 30 }, `+${moment.amount}`, colours.gain)]);
      return;
    }
    case "balances": {
      await Promise.all(
        moment.changes.map((c) => {
          const spot = scene.spotOf(c.role);
          if (!spot) return Promise.resolve();
          const delta = c.to - c.from;
          const label = scene.retained.get<Movable>(`d:${c.role}:pile:count`);
          return Promise.all([label ? pulse(scene, label, 0) : undefined, floatText(scene, m, r, { x: spot.pile.x, y: spot.pile.y - 30 }, delta > 0 ? `+${delta}` : `−${-delta}`, delta > 0 ? colours.gain : colours.loss)]);
        }),
      );
      return;
    }
    case "floor":
    case "remote-comment": {
      const badge = objects(scene, [`d:${moment.role}:mic`, `d:${moment.role}:screen`, `d:${moment.role}:emblem`]);
      await Promise.all([...badge.map((o) => pulse(scene, o, 0)), popIn(scene, objects(scene, ["bubble:shape", "bubble:text"]))]);
      return;
    }
    case "tabled": {
      const spot = scene.spotOf(moment.by);
      await arrive(scene, objects(scene, cardKeys(moment.option)), spot?.at ?? tableCentre(), 650);
      return;
    }
    case "drafting": {
      const sheet = objects(scene, ["drafting:sheet", "drafting:pen", "drafting:title"]).filter((o) => o.alpha === 0);
      if (sheet.length > 0) await popIn(scene, sheet);
      await Promise.all(
        moment.joined.map((role, i) => {
          const spot = scene.spotOf(role);
          const pen = popIn(scene, objects(scene, [`d:${role}:pen`]), 500 + i * 150);
          return Promise.all([pen, spot ? arrive(scene, objects(scene, [`drafting:m:${role}`]), spot.at, 750, i * 150) : undefined]);
        }),
      );
      return;
    }
    case "positions": {
      await Promise.all(
        moment.declared.map((d, i) =>
          Promise.all(
            objects(scene, handKeys(d.role, d.option)).map((o) => {
              const rest = restOf(o);
              return m.to(o, { scaleX: rest.scaleX }, { duration: motion.flipMs, delay: Math.min(i, 12) * 70, ease: "Back.easeOut" });
            }),
          ),
        ),
      );
      return;
    }
    case "verdict": {
      await Promise.all(
        objects(scene, verdictKeys).map((o) => {
          const rest = restOf(o);
          o.setScale(rest.scaleX * 1.8, rest.scaleY * 1.8).setAlpha(0);
          return m.to(o, { scaleX: rest.scaleX, scaleY: rest.scaleY, alpha: 1 }, { duration: motion.verdictMs, ease: "Bounce.easeOut" });
        }),
      );
      return;
    }
    case "payoffs": {
      const centre = { x: tableCentre().x, y: L.verdict.y };
      await Promise.all(
        moment.payoffs.map((p, i) => {
          const delay = i * motion.payoffStaggerMs;
          const pulses = objects(scene, [`d:${p.role}:emblem`]).map((o) => pulse(scene, o, delay + motion.payoffFlightMs));
          return Promise.all([...pulses, arrive(scene, objects(scene, chipKeys(p.role)), centre, motion.payoffFlightMs, delay)]);
        }),
      );
      return;
    }
    case "travel-closed": {
      // Normally the map flies everyone in; when the room opens straight away, seats fill one by one.
      await Promise.all(moment.inPerson.map((role, i) => popIn(scene, objects(scene, [`d:${role}:emblem`, `d:${role}:label`]), i * 120)));
      return;
    }
    case "round-opened":
    case "trip-booked":
      return;
  }
}
