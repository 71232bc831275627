// Where the travel map puts things, in world units of the same square stage as the room: a
// title, the world map with the venue's pin and each delegation's emblem at home, a postcard
// of the venue, and below the map one ticket per delegation saying how it gets there.
// Scenarios whose places are not on the world map (a town's "Downtown", "Campus") get a
// plain map with their places in a ring around the venue.
import type { Box, Point } from "./table-layout.js";

export const mapLayout = {
  world: { width: 1000, height: 1000 },
  title: { y: 30, size: 34, meetingY: 70, meetingSize: 26 },
  map: { x: 0, y: 96, width: 1000, height: 392, top: 83, bottom: -58 },
  emblem: 62,
  /** Room between emblems of one region: their short names sit below them. */
  clusterGap: 16,
  clusterRowGap: 30,
  pin: { width: 44, height: 58, labelSize: 28, labelPadding: 8 },
  postcard: { width: 236, height: 111, margin: 12, captionSize: 24 },
  landing: { radius: 56, scale: 0.62 },
  tickets: { top: 500, captionSize: 26, gridTop: 532, columns: 3, width: 320, height: 144, gapX: 10, gapY: 8 },
  ticket: { stub: 96, emblem: 62, nameSize: 30, statusSize: 24, walletSize: 26, stripe: 12, sponsorEmblem: 34, icon: 30, padding: 14 },
  plane: 44,
  motion: { flightMs: 1500, flightStaggerMs: 160, landMs: 300, ticketMs: 450, coinMs: 650, linkMs: 900, holdMs: 900 },
} as const;

export type MapLayout = typeof mapLayout;

/** Regions of the world map (longitude, latitude), where a delegation's emblem starts. */
const regions: Readonly<Record<string, readonly [number, number]>> = {
  "north america": [-100, 46],
  "latin america": [-60, -10],
  "south america": [-60, -10],
  "central america": [-88, 15],
  caribbean: [-72, 19],
  europe: [16, 51],
  africa: [20, 6],
  "middle east": [45, 28],
  asia: [92, 40],
  "east asia": [112, 34],
  "south asia": [78, 22],
  "southeast asia": [106, 8],
  oceania: [134, -25],
};

/** Venue cities of past Internet-governance meetings and a few capitals (longitude, latitude). */
const cities: Readonly<Record<string, readonly [number, number]>> = {
  london: [-0.13, 51.5],
  paris: [2.35, 48.86],
  "sao paulo": [-46.6, -23.5],
  "rio de janeiro": [-43.2, -22.9],
  geneva: [6.14, 46.2],
  brussels: [4.35, 50.85],
  berlin: [13.4, 52.5],
  istanbul: [28.97, 41],
  tunis: [10.2, 36.8],
  "new york": [-74, 40.7],
  washington: [-77, 38.9],
  "los angeles": [-118.2, 34],
  hyderabad: [78.5, 17.4],
  "new delhi": [77.2, 28.6],
  nairobi: [36.8, -1.3],
  "addis ababa": [38.7, 9],
  "sharm el-sheikh": [34.3, 27.9],
  baku: [49.9, 40.4],
  bali: [115.2, -8.4],
  "joao pessoa": [-34.9, -7.1],
  guadalajara: [-103.3, 20.7],
  tokyo: [139.7, 35.7],
  beijing: [116.4, 39.9],
  kyoto: [135.8, 35],
  "addis-ababa": [38.7, 9],
  riyadh: [46.7, 24.7],
};

function plain(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .trim();
}

export function project(lon: number, lat: number, layout: MapLayout = mapLayout): Point {
  const { x, y, width, height, top, bottom } = layout.map;
  return { x: x + ((lon + 180) / 360) * width, y: y + ((top - lat) / (top - bottom)) * height };
}

export interface MapPlan {
  /** Whether the world map is drawn (every place is on it) or a plain map of the scenario's places. */
  world: boolean;
  venue: Point;
  /** The venue's name tag above the pin. */
  venueLabel: Box;
  /** Each role's emblem at home. */
  homes: Record<string, Point>;
  /** Where each role lands around the pin when it flies in. */
  landings: Record<string, Point>;
  postcard: Box;
  tickets: Record<string, Box>;
}

function overlaps(a: Box, b: Box, margin = 4): boolean {
  return Math.abs(a.x - b.x) * 2 < a.width + b.width + margin * 2 && Math.abs(a.y - b.y) * 2 < a.height + b.height + margin * 2;
}

function inside(box: Box, area: Box): boolean {
  return box.x - box.width / 2 >= area.x && box.x + box.width / 2 <= area.x + area.width && box.y - box.height / 2 >= area.y && box.y + box.height / 2 <= area.y + area.height;
}

/** Directions tried in turn, east and west first: a region moved along its latitude stays recognisable. */
const directions = [0, 180, 30, 150, -30, -150, 60, 120, -60, -120, 90, -90].map((d) => (d * Math.PI) / 180);

/** Offsets tried in order when a cluster's own spot is taken: rings around it. */
function* nearby(step: number, rings: number): Generator<Point> {
  yield { x: 0, y: 0 };
  for (let ring = 1; ring <= rings; ring++) {
    for (const angle of directions) yield { x: Math.round(Math.cos(angle) * step * ring), y: Math.round(Math.sin(angle) * step * ring) };
  }
}

/**
 * Lays out the map for `roles` (in scenario order, with their home regions) travelling to a
 * venue: emblems grouped by home region, clear of the pin, its label, the postcard and one
 * another; tickets in a grid below the map.
 */
export function planMap(roles: readonly { role: string; home: string }[], venue: { city: string; region: string }, labelWidth: number, layout: MapLayout = mapLayout): MapPlan {
  const homeNames = [...new Set(roles.map((r) => plain(r.home)))];
  const world = homeNames.every((h) => h in regions) && (plain(venue.city) in cities || plain(venue.region) in regions);
  const area: Box = { x: layout.map.x, y: layout.map.y, width: layout.map.width, height: layout.map.height };
  const mapCentre = { x: area.x + area.width / 2, y: area.y + area.height / 2 };

  // Anchors: real places on the world map, else a ring of places around the venue in the middle.
  const ring = (i: number, n: number, r: number): Point => ({ x: mapCentre.x + Math.cos((i / n) * Math.PI * 2 - Math.PI / 2) * r * 1.7, y: mapCentre.y + Math.sin((i / n) * Math.PI * 2 - Math.PI / 2) * r * 0.75 });
  const place = (name: string, i: number, n: number): Point => {
    const at = regions[plain(name)];
    return world && at ? project(at[0], at[1], layout) : ring(i, n, 120);
  };
  const cityAt = cities[plain(venue.city)];
  const regionAt = regions[plain(venue.region)];
  const venuePoint = world ? (cityAt ? project(cityAt[0], cityAt[1], layout) : regionAt ? project(regionAt[0], regionAt[1], layout) : mapCentre) : mapCentre;

  const taken: Box[] = [];
  const venueBox: Box = { x: venuePoint.x, y: venuePoint.y - layout.pin.height / 2, width: layout.pin.width, height: layout.pin.height };
  const labelHeight = layout.pin.labelSize + layout.pin.labelPadding * 2;
  let venueLabel: Box = { x: venuePoint.x, y: venuePoint.y - layout.pin.height - labelHeight / 2 - 2, width: labelWidth + layout.pin.labelPadding * 2, height: labelHeight };
  if (!inside(venueLabel, area)) venueLabel = { ...venueLabel, y: venuePoint.y + labelHeight / 2 + 8 };
  venueLabel = { ...venueLabel, x: Math.min(Math.max(venueLabel.x, area.x + venueLabel.width / 2 + 4), area.x + area.width - venueLabel.width / 2 - 4) };
  // (Where delegations land, around the pin, may cover a home: they land as travel closes, just before the room opens.)
  taken.push(venueBox, venueLabel);

  // The postcard goes in the emptiest corner of the map: the one farthest from the venue.
  const { width: pw, height: ph, margin } = layout.postcard;
  const corners: Box[] = [
    { x: area.x + margin + pw / 2, y: area.y + area.height - margin - ph / 2, width: pw, height: ph },
    { x: area.x + area.width - margin - pw / 2, y: area.y + area.height - margin - ph / 2, width: pw, height: ph },
    { x: area.x + margin + pw / 2, y: area.y + margin + ph / 2, width: pw, height: ph },
  ];
  const postcard = corners.reduce((best, c) => (Math.hypot(c.x - venuePoint.x, c.y - venuePoint.y) > Math.hypot(best.x - venuePoint.x, best.y - venuePoint.y) ? c : best));
  taken.push({ ...postcard, height: postcard.height + layout.postcard.captionSize * 2 });

  const homes: Record<string, Point> = {};
  const size = layout.emblem;
  const gap = layout.clusterGap;
  homeNames.forEach((home, i) => {
    const members = roles.filter((r) => plain(r.home) === home);
    const perRow = members.length <= 2 ? members.length : Math.ceil(Math.sqrt(members.length));
    const rows = Math.ceil(members.length / perRow);
    const rowGap = layout.clusterRowGap;
    const cluster = { width: perRow * size + (perRow - 1) * gap, height: rows * size + (rows - 1) * rowGap + 20 };
    const anchor = place(home, i, homeNames.length);
    let chosen: Box = { ...anchor, ...cluster };
    for (const offset of nearby(40, 6)) {
      const candidate: Box = { x: anchor.x + offset.x, y: anchor.y + offset.y, ...cluster };
      if (inside(candidate, area) && !taken.some((b) => overlaps(b, candidate))) {
        chosen = candidate;
        break;
      }
    }
    taken.push(chosen);
    members.forEach((m, j) => {
      const row = Math.floor(j / perRow);
      const inRow = Math.min(perRow, members.length - row * perRow);
      const col = j % perRow;
      homes[m.role] = { x: chosen.x + (col - (inRow - 1) / 2) * (size + gap), y: chosen.y - 10 + (row - (rows - 1) / 2) * (size + rowGap) };
    });
  });

  const landings: Record<string, Point> = {};
  roles.forEach((r, i) => {
    const angle = -Math.PI / 2 + (i / roles.length) * Math.PI * 2;
    landings[r.role] = { x: venuePoint.x + Math.cos(angle) * layout.landing.radius, y: venuePoint.y - layout.pin.height / 3 + Math.sin(angle) * layout.landing.radius };
  });

  const t = layout.tickets;
  const rows = Math.ceil(roles.length / t.columns);
  const room = layout.world.height - t.gridTop - 4;
  const scale = Math.min(1, room / (rows * t.height + (rows - 1) * t.gapY));
  const tw = t.width * Math.min(1, scale * 1.05);
  const th = t.height * scale;
  const tickets: Record<string, Box> = {};
  roles.forEach((r, i) => {
    const row = Math.floor(i / t.columns);
    const col = i % t.columns;
    const inRow = Math.min(t.columns, roles.length - row * t.columns);
    tickets[r.role] = { x: layout.world.width / 2 + (col - (inRow - 1) / 2) * (tw + t.gapX), y: t.gridTop + row * (th + t.gapY) + th / 2, width: tw, height: th };
  });
  return { world, venue: venuePoint, venueLabel, homes, landings, postcard, tickets };
}
