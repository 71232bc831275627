// How one delegation looks in the room, wherever it is: a seat at the table (chair, emblem,
// the delegates who travelled, its token pile, its hand of stance cards), a screen on the wall
// for the video link, or a faded emblem by the door; with its badges (the floor's microphone,
// the drafting pen, the sponsor's ticket) and, once decided, what the decision means for it.
import type * as Phaser from "phaser";
import { t } from "../text/catalog.js";
import { groupStyle } from "../ui/palette.js";
import { emblemOf } from "./art.js";
import { colourNumber, colours, depth, drawPile, stanceMarks } from "./parts.js";
import type { Retained } from "./retained.js";
import { handPositions, pileLabelSide, tableLayout as L, type Box, type Point } from "./table-layout.js";
import type { SeatModel, TableModel } from "./table-model.js";
import { sponsorOf } from "./table-model.js";
import { signed } from "./table-words.js";

/** Where a delegation is in the room: a seat at the table, a screen on the wall, or away. */
export interface Spot {
  kind: "seat" | "screen" | "away";
  at: Point;
  /** Where its tokens are shown and where coins land. */
  pile: Point;
  /** Where its payoff chip goes. */
  chip: Point;
  angle: number;
  box: Box;
}

/** Stance cards show once positions are being taken: in the decision and after, or once declared. */
export function showsHands(model: TableModel, seat: SeatModel): boolean {
  return model.phase === "decision" || model.phase === "outcome" || Object.keys(seat.stances).length > 0;
}

/** A delegation where it is: a seat at the table, a screen on the wall, or a faded emblem by the door. */
export function drawDelegation(scene: Phaser.Scene, r: Retained, model: TableModel, seat: SeatModel, spot: Spot): void {
  const key = `d:${seat.role}`;
  const emblem = emblemOf(seat.emblem, seat.group);
  if (spot.kind === "seat") {
    r.image(`${key}:chair`, spot.at.x, spot.at.y, "chair", L.seats.chair, L.seats.chair).setDepth(depth.furniture);
    if (seat.mine) r.keep(`${key}:mine`, () => scene.add.ellipse(spot.at.x, spot.at.y, 0, 0).setDepth(depth.furniture)).setPosition(spot.at.x, spot.at.y).setSize(L.seats.chair + L.seats.mineRing * 2, L.seats.chair + L.seats.mineRing * 2).setFillStyle(colourNumber(colours.highlight), 1).setStrokeStyle(4, colourNumber(colours.ink));
    r.image(`${key}:emblem`, spot.at.x, spot.at.y - 6, emblem, L.seats.emblem, L.seats.emblem).setDepth(depth.seats);
    r.text(`${key}:label`, spot.at.x, spot.at.y + L.seats.labelOffsetY - 8, seat.mine ? `${seat.short} · ${t("table.you")}` : seat.short, { size: L.seats.labelSize, bold: true, colour: colours.paper, stroke: { colour: colours.ink, width: 6 } }).setDepth(depth.seats);
    drawPeople(r, key, spot.at, seat.travellers);
    drawPile(r, `${key}:pile`, spot.pile, seat.tokens, { ...L.piles, labelSide: pileLabelSide(spot.pile) });
    if (showsHands(model, seat)) drawHand(scene, r, model, seat, key, handPositions(spot.at, model.tabled.length), L.hands.width, L.hands.height);
  } else if (spot.kind === "screen") {
    const box = spot.box;
    r.image(`${key}:screen`, box.x, box.y, "screen", box.width, box.height * (112 / 90)).setDepth(depth.furniture);
    const inner = Math.min(box.height * 0.62, box.width * 0.5);
    r.image(`${key}:emblem`, box.x, box.y - box.height * 0.08, emblem, inner, inner).setDepth(depth.seats);
    if (seat.mine) r.keep(`${key}:mine`, () => scene.add.rectangle(0, 0, 0, 0).setDepth(depth.ground)).setPosition(box.x, box.y + 6).setSize(box.width + 16, box.height * (112 / 90) + 16).setFillStyle(colourNumber(colours.highlight));
    r.text(`${key}:label`, box.x, L.screens.labelY, seat.short, { size: L.screens.labelSize, bold: true }).setDepth(depth.seats);
    drawPile(r, `${key}:pile`, spot.pile, seat.tokens, { ...L.piles, coin: { width: 30, height: 20, step: 4 }, maxCoins: 1, labelSize: 24, stroke: 5 });
    if (model.tabled.length > 0 && showsHands(model, seat)) {
      const w = Math.min(28, (box.width - 16) / model.tabled.length - 2);
      const hand = model.tabled.map((_, i) => ({ x: box.x + (i - (model.tabled.length - 1) / 2) * (w + 2), y: box.y + box.height * 0.32 }));
      drawHand(scene, r, model, seat, key, hand, w, w * 1.1, true);
    }
  } else {
    const size = L.notHere.emblem;
    r.image(`${key}:emblem`, spot.at.x, spot.at.y, emblem, size, size).setDepth(depth.seats).setAlpha(L.seats.absentAlpha + 0.15);
    r.text(`${key}:label`, spot.at.x, spot.at.y, seat.short, { size: L.notHere.labelSize, bold: true, colour: colours.ink, stroke: { colour: colours.paper, width: 5 } }).setDepth(depth.seats);
    drawPile(r, `${key}:pile`, spot.pile, seat.tokens, { ...L.piles, coin: { width: 26, height: 18, step: 4 }, maxCoins: 1, labelSize: 24, stroke: 5 });
  }
  drawBadges(scene, r, model, seat, spot, key);
  if (seat.payoff !== null && model.verdict) drawChip(scene, r, key, spot.chip, seat.payoff);
}

/** The delegates who travelled, as little figures above the seat. */
function drawPeople(r: Retained, key: string, at: Point, count: number): void {
  const { width, height, gap, offsetY, max } = L.people;
  const shown = Math.min(count, max);
  for (let i = 0; i < shown; i++) {
    r.image(`${key}:person${i}`, at.x + (i - (shown - 1) / 2) * (width + gap), at.y + offsetY, "person", width, height).setDepth(depth.seats);
  }
}

/** One card per tabled option: face up once the stance is declared, a "?" until then. */
function drawHand(scene: Phaser.Scene, r: Retained, model: TableModel, seat: SeatModel, key: string, at: Point[], width: number, height: number, small = false): void {
  model.tabled.forEach((card, i) => {
    const p = at[i] as Point;
    const stance = seat.stances[card.option];
    const fill = stance ? colours[stance] : "#FFFFFF";
    const k = `${key}:hand:${card.option}`;
    // Art tinted by the stance (white until declared): images batch with the rest while cards turn.
    r.image(`${k}:card`, p.x, p.y, "card", width, height).setDepth(depth.items).setTint(colourNumber(fill));
    const mark = stance ? stanceMarks[stance] : "?";
    if (small) {
      r.text(`${k}:mark`, p.x, p.y, mark, { size: L.font.min, bold: true, colour: stance ? colours.paper : colours.ink }).setDepth(depth.items);
      return;
    }
    r.text(`${k}:id`, p.x, p.y - height / 4, card.option, { size: L.hands.idSize, bold: true, colour: stance ? colours.paper : colours.ink }).setDepth(depth.items);
    r.text(`${k}:mark`, p.x, p.y + height / 5, mark, { size: L.hands.stanceSize, bold: true, colour: stance ? colours.paper : colours.ink }).setDepth(depth.items);
  });
}

/** The floor's microphone, the drafting pen, and the ticket of a sponsored seat with its sponsor's emblem. */
function drawBadges(scene: Phaser.Scene, r: Retained, model: TableModel, seat: SeatModel, spot: Spot, key: string): void {
  const b = L.badges;
  const corner = (dx: number, dy: number): Point => ({ x: spot.box.x + (dx * spot.box.width) / 2, y: spot.box.y + (dy * spot.box.height) / 2 });
  if (model.floor?.role === seat.role && spot.kind === "seat") {
    const at = corner(-0.62, -0.55);
    r.image(`${key}:mic`, at.x, at.y, "mic", b.size, b.size).setDepth(depth.badges);
  }
  if (seat.drafting && spot.kind === "seat") {
    const at = corner(0.62, -0.55);
    r.image(`${key}:pen`, at.x, at.y, "pen", b.size, b.size).setDepth(depth.badges);
  }
  const sponsor = sponsorOf(seat);
  if (sponsor && spot.kind === "seat") {
    // A sponsored seat keeps the sponsor's mark: a ticket with the sponsor's emblem on it.
    const at = corner(-0.5, 0.62);
    const payer = model.seats.find((s) => s.role === sponsor);
    r.image(`${key}:ticket`, at.x, at.y, "ticket", 72, 34).setDepth(depth.badges);
    if (payer) r.image(`${key}:sponsor`, at.x + 12, at.y, emblemOf(payer.emblem, payer.group), 28, 28).setDepth(depth.badges);
    r.keep(`${key}:stripe`, () => scene.add.rectangle(0, 0, 8, 28).setDepth(depth.badges)).setPosition(at.x - 28, at.y).setFillStyle(colourNumber(payer ? groupStyle[payer.group].colour : colours.ink));
  }
}

/** What the decision means for this delegation: ▲ gain or ▼ loss, in colour and in words. */
function drawChip(scene: Phaser.Scene, r: Retained, key: string, at: Point, payoff: number): void {
  const { width, height, size } = L.chips;
  const { sign, value } = signed(payoff);
  const colour = payoff > 0 ? colours.gain : payoff < 0 ? colours.loss : colours.live;
  const arrow = payoff > 0 ? "▲" : payoff < 0 ? "▼" : "•";
  r.image(`${key}:chip`, at.x, at.y, "chip", width, height).setDepth(depth.overlay).setTint(colourNumber(colour));
  r.text(`${key}:chipText`, at.x, at.y, `${arrow}${sign}${value}`, { size, bold: true, colour: colours.paper }).setDepth(depth.overlay);
}
