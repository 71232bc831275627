// How the map plays each moment: a new round's pin drops and incomes fall into the wallets; a
// booked trip stamps its ticket and its fare leaves the payer's wallet for the venue; and when
// travel closes, the delegations fly in, the video links reach out, and those staying home fade.
import type * as Phaser from "phaser";
import { ART, emblemOf } from "./art.js";
import type { MapScene } from "./map-scene.js";
import { mapLayout as M } from "./map-layout.js";
import { arcPoint, colourNumber, colours, depth, flyCoins, floatText, pop } from "./parts.js";
import type { Point } from "./table-layout.js";
import type { Moment } from "./table-moments.js";
import type { TableModel } from "./table-model.js";

type Movable = Phaser.GameObjects.Components.Transform & Phaser.GameObjects.Components.Alpha & Phaser.GameObjects.GameObject;

/** Things the trips leave on the map until it is drawn for the next round. */
const leftovers = new WeakMap<MapScene, Phaser.GameObjects.GameObject[]>();

function keepUntilNextRound(scene: MapScene, object: Phaser.GameObjects.GameObject): void {
  const list = leftovers.get(scene) ?? [];
  list.push(object);
  leftovers.set(scene, list);
}

export function clearTrips(scene: MapScene): void {
  for (const object of leftovers.get(scene) ?? []) object.destroy();
  leftovers.set(scene, []);
}

const ticketParts = ["paper", "emblem", "name", "status", "icon", "stripe", "sponsor"];

/** Keys of the objects a moment moves: they stay out of the still layer while it plays. */
function movedKeys(moment: Moment): string[] {
  switch (moment.kind) {
    case "round-opened":
      return ["pin", ...moment.income.map((x) => `ticket:${x.role}:wallet:count`)];
    case "trip-booked":
      return [...ticketParts.map((part) => `ticket:${moment.role}:${part}`), `home:${moment.role}:mode`];
    case "travel-closed":
      return [...moment.inPerson, ...moment.absent].map((role) => `home:${role}:emblem`);
    default:
      return [];
  }
}

/**
 * Sets what the moments animate to where they start (wallets before the incomes fall in) and
 * returns those objects: they are drawn live while the moments play, the rest is still.
 */
export function prepareMapMoments(scene: MapScene, model: TableModel, moments: readonly Moment[]): Set<Phaser.GameObjects.GameObject> {
  if (moments.some((m) => m.kind === "round-opened") || model.phase === "briefing") clearTrips(scene);
  if (scene.motion.reduced) return new Set();
  for (const moment of moments) {
    if (moment.kind !== "round-opened") continue;
    for (const x of moment.income) {
      const label = scene.retained.get<Phaser.GameObjects.Text>(`ticket:${x.role}:wallet:count`);
      label?.setText(String(Number(label.text) - x.amount));
    }
  }
  return new Set(moments.flatMap((moment) => movedKeys(moment).flatMap((key) => scene.retained.get<Phaser.GameObjects.GameObject>(key) ?? [])));
}

/** Plays the moments one after another (after `prepareMapMoments`). */
export async function playMapMoments(scene: MapScene, model: TableModel, moments: readonly Moment[]): Promise<void> {
  if (scene.motion.reduced) return;
  const generation = scene.motion.generation;
  for (const moment of moments) {
    if (generation !== scene.motion.generation) return;
    await playOne(scene, model, moment);
  }
}

function get(scene: MapScene, key: string): Movable | undefined {
  return scene.retained.get<Movable>(key);
}

async function playOne(scene: MapScene, model: TableModel, moment: Moment): Promise<void> {
  const m = scene.motion;
  const r = scene.retained;
  const plan = scene.plan;
  if (!plan) return;
  const venue = { x: plan.venue.x, y: plan.venue.y - M.pin.height / 2 };
  const mo = M.motion;
  switch (moment.kind) {
    case "round-opened": {
      const pin = get(scene, "pin");
      if (pin && !m.reduced) {
        const y = pin.y;
        pin.setY(y - 140).setAlpha(0);
        await m.to(pin, { y, alpha: 1 }, { duration: 600, ease: "Bounce.easeOut" });
      }
      const bank = { x: M.world.width / 2, y: M.tickets.top - 10 };
      await Promise.all(
        moment.income.map((x) => {
          const wallet = scene.walletOf(x.role);
          if (!wallet) return Promise.resolve();
          return flyCoins(scene, m, bank, wallet, x.amount, { ms: mo.coinMs, staggerMs: 70, lift: 60, coin: { width: 34, height: 23 } }).then(() => {
            const label = scene.retained.get<Phaser.GameObjects.Text>(`ticket:${x.role}:wallet:count`);
            label?.setText(String(model.seats.find((s) => s.role === x.role)?.tokens ?? label.text));
            return floatText(scene, m, r, { x: wallet.x, y: wallet.y - 34 }, `+${x.amount}`, colours.gain, 28);
          });
        }),
      );
      return;
    }
    case "trip-booked": {
      const ticket = ["paper", "emblem", "name", "status", "icon", "stripe", "sponsor"].flatMap((part) => {
        const o = get(scene, `ticket:${moment.role}:${part}`);
        return o ? [o] : [];
      });
      await Promise.all([...ticket.map((o) => pop(m, o)), ...(get(scene, `home:${moment.role}:mode`) ? [pop(m, get(scene, `home:${moment.role}:mode`) as Movable, 120)] : [])]);
      const payer = moment.sponsor ?? (moment.selfPaid ? moment.role : null);
      const wallet = payer ? scene.walletOf(payer) : undefined;
      if (wallet && moment.cost > 0) {
        await Promise.all([
          floatText(scene, m, r, { x: wallet.x, y: wallet.y - 34 }, `−${moment.cost}`, colours.loss, 28),
          flyCoins(scene, m, wallet, venue, moment.cost, { ms: mo.coinMs, staggerMs: 90, coin: { width: 34, height: 23 } }),
        ]);
      }
      return;
    }
    case "grant": {
      const from = scene.walletOf(moment.from);
      const to = scene.walletOf(moment.to);
      if (!from || !to) return;
      const leaving = floatText(scene, m, r, { x: from.x, y: from.y - 34 }, `−${moment.amount}`, colours.loss, 28);
      await flyCoins(scene, m, from, to, moment.amount, { ms: mo.coinMs, staggerMs: 90, coin: { width: 34, height: 23 } });
      await leaving;
      await floatText(scene, m, r, { x: to.x, y: to.y - 34 }, `+${moment.amount}`, colours.gain, 28);
      return;
    }
    case "balances": {
      await Promise.all(
        moment.changes.map((c) => {
          const wallet = scene.walletOf(c.role);
          const delta = c.to - c.from;
          return wallet ? floatText(scene, m, r, { x: wallet.x, y: wallet.y - 34 }, delta > 0 ? `+${delta}` : `−${-delta}`, delta > 0 ? colours.gain : colours.loss, 28) : Promise.resolve();
        }),
      );
      return;
    }
    case "travel-closed": {
      await Promise.all([
        ...moment.inPerson.map((role, i) => flyIn(scene, model, role, venue, i)),
        ...moment.remote.map((role, i) => linkUp(scene, role, venue, i)),
        ...moment.absent.map((role) => stayHome(scene, role)),
      ]);
      await m.wait(mo.holdMs);
      return;
    }
    default:
      return;
  }
}

async function flyIn(scene: MapScene, model: TableModel, role: string, venue: Point, order: number): Promise<void> {
  const plan = scene.plan;
  const seat = model.seats.find((s) => s.role === role);
  const home = plan?.homes[role];
  const landing = plan?.landings[role];
  if (!plan || !seat || !home || !landing) return;
  const m = scene.motion;
  const size = M.emblem;
  const traveller = scene.add.image(home.x, home.y, ART, emblemOf(seat.emblem, seat.group)).setDisplaySize(size, size).setDepth(depth.flying);
  const plane = scene.add.image(home.x, home.y, ART, "plane").setDisplaySize(M.plane, M.plane).setDepth(depth.flying + 1);
  keepUntilNextRound(scene, traveller);
  // The delegation leaves home: its emblem there fades as the plane takes off.
  const left = scene.retained.get<Movable>(`home:${role}:emblem`);
  if (left) void m.to(left, { alpha: 0.3 }, { duration: 300, delay: order * M.motion.flightStaggerMs });
  // The arc stays on the map.
  const lift = Math.max(0, Math.min(160, Math.hypot(landing.x - home.x, landing.y - home.y) / 2.5, 2 * ((home.y + landing.y) / 2 - (M.map.y + 36))));
  const scale = traveller.scaleX;
  await m.step(
    (t) => {
      const p = arcPoint(home, landing, lift, t);
      const ahead = arcPoint(home, landing, lift, Math.min(1, t + 0.02));
      traveller.setPosition(p.x, p.y).setScale(scale * (1 - (1 - M.landing.scale) * t));
      plane.setPosition(p.x + 24, p.y - 24).setRotation(Math.atan2(ahead.y - p.y, ahead.x - p.x));
    },
    { duration: M.motion.flightMs, delay: order * M.motion.flightStaggerMs, ease: "Sine.easeInOut" },
  );
  plane.destroy();
  void venue;
}

async function linkUp(scene: MapScene, role: string, venue: Point, order: number): Promise<void> {
  const home = scene.plan?.homes[role];
  if (!home) return;
  const m = scene.motion;
  const line = scene.add.graphics().setDepth(depth.seats);
  keepUntilNextRound(scene, line);
  const dash = 14;
  await m.step(
    (t) => {
      line.clear().lineStyle(5, colourNumber(colours.support), 0.9);
      const length = Math.hypot(venue.x - home.x, venue.y - home.y);
      const drawn = length * t;
      for (let d = 0; d < drawn; d += dash * 2) {
        const a = d / length;
        const b = Math.min(drawn, d + dash) / length;
        line.lineBetween(home.x + (venue.x - home.x) * a, home.y + (venue.y - home.y) * a, home.x + (venue.x - home.x) * b, home.y + (venue.y - home.y) * b);
      }
    },
    { duration: M.motion.linkMs, delay: 300 + order * 120, ease: "Sine.easeOut" },
  );
}

async function stayHome(scene: MapScene, role: string): Promise<void> {
  const emblem = scene.retained.get<Movable>(`home:${role}:emblem`);
  if (!emblem) return;
  await scene.motion.to(emblem, { alpha: 0.3 }, { duration: 600, delay: 300 });
}
