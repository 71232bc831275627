// Where the meeting room puts things, in world units of a square stage (1000 × 1000) that the
// camera fits to any canvas. Every position and size the room scene uses comes from here.
// The room reads top to bottom: a wall with the venue's window, the delegations on the video
// link (screens) and those not here (by the door); the table with its seats, the empty chair
// of the public at its foot. Text is never smaller than `font.min`, which is 20 px or more
// on a 1080p projector whenever the stage is at least 830 px tall.

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Box extends Point {
  readonly width: number;
  readonly height: number;
}

export const tableLayout = {
  world: { width: 1000, height: 1000 },
  font: { family: "system-ui, 'DejaVu Sans', sans-serif", min: 24, ink: "#1B1B1B", paper: "#FFFFFF" },
  wall: { height: 196, colour: "#E4D8C0", skirting: "#B9A886", skirtingHeight: 8 },
  window: { x: 18, y: 16, width: 250, height: 118, frame: 8, captionY: 166, captionSize: 28 },
  screens: { left: 286, right: 760, top: 44, width: 120, height: 90, gap: 14, captionY: 20, labelY: 152, tokensY: 180, labelSize: 26, captionSize: 24 },
  notHere: { left: 778, right: 992, top: 44, captionY: 20, emblem: 56, gap: 12, labelSize: 24 },
  floor: { colour: "#F5F2EB", carpet: "#E8DFCC" },
  table: { centre: { x: 500, y: 612 }, width: 600, height: 394, feltRx: 266, feltRy: 160 },
  seats: { rx: 404, ry: 278, emblem: 92, chair: 132, labelSize: 30, labelOffsetY: 60, absentAlpha: 0.35, mineRing: 10 },
  people: { width: 18, height: 28, gap: 3, offsetY: -62, max: 6 },
  emptyChair: { labelSize: 24, alpha: 0.6 },
  /** Piles stand on the table's wooden rim, in front of their seat (the felt keeps the cards). */
  piles: { rx: 290, ry: 186, coin: { width: 40, height: 27, step: 6 }, maxCoins: 8, labelSize: 28, stroke: 6 },
  cards: { centreY: 560, width: 118, height: 100, gap: 12, idSize: 40, countSize: 26 },
  /** One line at the foot of the room saying what the marks on the table mean. */
  legend: { y: 978, size: 24 },
  drafting: { y: 690, width: 340, height: 84, emblem: 42, titleSize: 24 },
  hands: { width: 54, height: 62, gap: 4, idSize: 24, stanceSize: 28, offset: 62 },
  badges: { size: 46, offset: 44 },
  bubble: { width: 520, maxLines: 3, size: 26, padding: 16, y: 392, hideAfterMs: 7000 },
  /** In the felt's middle, clear of the token piles on the rim (their counts face outwards on the left). */
  verdict: { width: 420, height: 250, y: 590, titleSize: 44, lineSize: 26 },
  chips: { width: 84, height: 50, size: 28, offset: 78 },
  motion: { coinFlightMs: 700, coinStaggerMs: 90, popMs: 260, flipMs: 420, verdictMs: 650, payoffFlightMs: 800, payoffStaggerMs: 110, fadeMs: 350 },
} as const;

export type TableLayout = typeof tableLayout;

const fullTurn = Math.PI * 2;

export function tableCentre(layout: TableLayout = tableLayout): Point {
  return layout.table.centre;
}

/** Angle of seat `index` of `count` in-person seats: the empty chair keeps the foot (90°). */
export function seatAngle(index: number, count: number): number {
  const slots = count + 1;
  return Math.PI / 2 + (fullTurn * (index + 1)) / slots;
}

function onEllipse(angle: number, rx: number, ry: number, layout: TableLayout): Point {
  const c = tableCentre(layout);
  return { x: c.x + rx * Math.cos(angle), y: c.y + ry * Math.sin(angle) };
}

/** Centres of the in-person seats, clockwise from the empty chair at the foot of the table. */
export function seatPositions(count: number, layout: TableLayout = tableLayout): Point[] {
  return Array.from({ length: count }, (_, i) => onEllipse(seatAngle(i, count), layout.seats.rx, layout.seats.ry, layout));
}

export function emptyChairPosition(layout: TableLayout = tableLayout): Point {
  return onEllipse(Math.PI / 2, layout.seats.rx, layout.seats.ry, layout);
}

/** Where a seat's token pile sits: on the felt, in front of the seat. */
export function pilePosition(angle: number, layout: TableLayout = tableLayout): Point {
  return onEllipse(angle, layout.piles.rx, layout.piles.ry, layout);
}

/**
 * Which side of its stack a seat's token count is written on: away from the table's middle on
 * the left half, so the verdict card in the middle covers no count (tests/unit/table-layout).
 */
export function pileLabelSide(pile: Point, layout: TableLayout = tableLayout): "left" | "right" {
  return pile.x < tableCentre(layout).x - 1 ? "left" : "right";
}

/** Screens on the wall for the delegations on the video link, left to right. */
export function screenBoxes(count: number, layout: TableLayout = tableLayout): Box[] {
  const { left, right, top, width, height, gap } = layout.screens;
  if (count === 0) return [];
  const room = right - left;
  const w = Math.min(width, (room - gap * (count - 1)) / count);
  const h = (height * w) / width;
  const total = count * w + (count - 1) * gap;
  const start = left + (room - total) / 2;
  return Array.from({ length: count }, (_, i) => ({ x: start + i * (w + gap) + w / 2, y: top + h / 2, width: w, height: h }));
}

/** Faded emblems of the delegations that are not here, by the door, in rows of two. */
export function notHerePositions(count: number, layout: TableLayout = tableLayout): Point[] {
  const { left, right, top, emblem, gap } = layout.notHere;
  const perRow = Math.max(1, Math.floor((right - left + gap) / (emblem + gap)));
  const rows = Math.ceil(count / perRow);
  const size = rows > 2 ? (emblem * 2) / rows : emblem;
  return Array.from({ length: count }, (_, i) => ({
    x: left + (i % perRow) * (size + gap) + size / 2,
    y: top + Math.floor(i / perRow) * (size + gap) + size / 2,
  }));
}

/** The option cards in one row across the middle of the table. */
export function cardPositions(count: number, layout: TableLayout = tableLayout): Point[] {
  const { width, gap, centreY } = layout.cards;
  const c = tableCentre(layout);
  return Array.from({ length: count }, (_, i) => ({ x: c.x + (i - (count - 1) / 2) * (width + gap), y: centreY }));
}

/** A seat's hand of stance cards: above the seat in the upper half of the room, below it in the lower. */
export function handPositions(seat: Point, count: number, layout: TableLayout = tableLayout): Point[] {
  const { width, height, gap, offset } = layout.hands;
  const c = tableCentre(layout);
  const above = seat.y < c.y;
  const y = seat.y + (above ? -(offset + height / 2) : offset + height / 2);
  const total = count * width + (count - 1) * gap;
  const left = Math.min(Math.max(seat.x - total / 2, 4), layout.world.width - 4 - total);
  return Array.from({ length: count }, (_, i) => ({ x: left + i * (width + gap) + width / 2, y }));
}

/** Where a seat's payoff chip lands: beside the seat, on the side away from the table's middle. */
export function chipPosition(seat: Point, layout: TableLayout = tableLayout): Point {
  const c = tableCentre(layout);
  const side = seat.x < c.x ? -1 : 1;
  const x = Math.min(Math.max(seat.x + side * layout.chips.offset, layout.chips.width / 2 + 4), layout.world.width - layout.chips.width / 2 - 4);
  return { x, y: seat.y - layout.seats.emblem / 2 + layout.chips.height / 2 };
}
