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
    ringRadius: 360,
    radius: 70,
    edgeWidth: 4,
    /** The first seat sits at the top; the rest follow clockwise. */
    firstSeatAngleDegrees: -90,
  },
  /** Big enough to read on a 360-pixel phone, where the stage shrinks to about a third. */
  seatLabel: { fontSizePx: 52, fontFamily: "system-ui, sans-serif", fontStyle: "bold" },
} as const;

export type TableLayout = typeof tableLayout;

const fullTurnDegrees = 360;

export function tableCentre(layout: TableLayout = tableLayout): Point {
  return { x: layout.world.width / 2, y: layout.world.height / 2 };
}

/** Seat centres, evenly spaced around the table, clockwise from the first seat. */
export function seatPositions(layout: TableLayout = tableLayout): Point[] {
  const centre = tableCentre(layout);
  const { count, ringRadius, firstSeatAngleDegrees } = layout.seats;
  return Array.from({ length: count }, (_, index) => {
    const degrees = firstSeatAngleDegrees + (fullTurnDegrees * index) / count;
    const radians = (degrees * Math.PI) / (fullTurnDegrees / 2);
    return {
      x: centre.x + ringRadius * Math.cos(radians),
      y: centre.y + ringRadius * Math.sin(radians),
    };
  });
}
