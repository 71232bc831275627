// Where the table scene puts things, in world units of a square stage. A square world
// fits a portrait phone and a landscape projector alike once the Scale Manager fits it.
// Every position and size the scene uses comes from here, never from a literal in the scene.

export interface Point {
  readonly x: number;
  readonly y: number;
}

export const tableLayout = {
  world: { width: 1000, height: 1000 },
  table: { radius: 250, edgeWidth: 8 },
  seats: {
    count: 9,
    /** Distance from the table's centre to each seat's centre. */
    ringRadius: 370,
    radius: 78,
    edgeWidth: 6,
    mineEdgeWidth: 14,
    /** The first seat sits at the top; the rest follow clockwise. */
    firstSeatAngleDegrees: -90,
    /** Dashes of a remote seat's ring. */
    dashes: 12,
    absentAlpha: 0.35,
  },
  /** Big enough to read on a 360-pixel phone, where the stage shrinks to about a third. */
  seatLabel: { fontSizePx: 40, fontFamily: "system-ui, sans-serif", fontStyle: "bold" },
  modeLabel: { fontSizePx: 26, offsetY: 34 },
  groupMark: { size: 22, offsetY: -42 },
  tokens: { discRadius: 13, discStep: 6, maxDiscs: 8, distanceFromCentre: 205, labelStep: 34, fontSizePx: 28, strokePx: 6 },
  delegates: { dotRadius: 9, spacing: 24, offsetY: 100 },
  speaker: { radius: 16, offset: 74 },
  tabled: { cardWidth: 150, cardHeight: 96, gap: 16, perRow: 3, fontSizePx: 44, countFontSizePx: 22 },
  emptyTable: { fontSizePx: 30 },
} as const;

export type TableLayout = typeof tableLayout;

const fullTurnDegrees = 360;

export function tableCentre(layout: TableLayout = tableLayout): Point {
  return { x: layout.world.width / 2, y: layout.world.height / 2 };
}

/** Seat centres, evenly spaced around the table, clockwise from the first seat. */
export function seatPositions(count: number = tableLayout.seats.count, layout: TableLayout = tableLayout): Point[] {
  const centre = tableCentre(layout);
  const { ringRadius, firstSeatAngleDegrees } = layout.seats;
  return Array.from({ length: count }, (_, index) => {
    const degrees = firstSeatAngleDegrees + (fullTurnDegrees * index) / count;
    const radians = (degrees * Math.PI) / (fullTurnDegrees / 2);
    return {
      x: centre.x + ringRadius * Math.cos(radians),
      y: centre.y + ringRadius * Math.sin(radians),
    };
  });
}

/** Where the option cards sit: rows of `perRow`, centred on the table. */
export function tabledPositions(count: number, layout: TableLayout = tableLayout): Point[] {
  const centre = tableCentre(layout);
  const { cardWidth, cardHeight, gap, perRow } = layout.tabled;
  const rows = Math.ceil(count / perRow);
  return Array.from({ length: count }, (_, i) => {
    const row = Math.floor(i / perRow);
    const inRow = Math.min(perRow, count - row * perRow);
    const col = i % perRow;
    return {
      x: centre.x + (col - (inRow - 1) / 2) * (cardWidth + gap),
      y: centre.y + (row - (rows - 1) / 2) * (cardHeight + gap),
    };
  });
}
