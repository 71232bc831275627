// Where the table puts things: for every venue and every attendance the default scenario can
// produce, nothing a viewer must read sits on top of something else, everything stays on the
// stage, and no text is smaller than the size that is readable from the back of the room.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { mapLayout, planMap } from "../../client/scenes/map-layout.js";
import { cardPositions, emptyChairPosition, handPositions, notHerePositions, pileLabelSide, pilePosition, screenBoxes, seatAngle, seatPositions, tableLayout, type Box } from "../../client/scenes/table-layout.js";
import { defaultScenario } from "../helpers/engine.js";

const fiveRoles = JSON.parse(readFileSync(new URL("../fixtures/five-roles.json", import.meta.url), "utf8")) as { roles: { id: string; home: string }[]; dossiers: { venue: { city: string; region: string } }[] };

function overlap(a: Box, b: Box): boolean {
  return Math.abs(a.x - b.x) * 2 < a.width + b.width && Math.abs(a.y - b.y) * 2 < a.height + b.height;
}

function onStage(b: Box, width = 1000, height = 1000): boolean {
  return b.x - b.width / 2 >= 0 && b.x + b.width / 2 <= width && b.y - b.height / 2 >= 0 && b.y + b.height / 2 <= height;
}

/** Every number in a layout whose name says it is a text size. */
function textSizes(layout: object, path = ""): [string, number][] {
  return Object.entries(layout).flatMap(([key, value]): [string, number][] => {
    if (typeof value === "object" && value !== null) return textSizes(value, `${path}${key}.`);
    return typeof value === "number" && /size$/i.test(key) && !/^(size|emblem)$/i.test(key) ? [[`${path}${key}`, value]] : [];
  });
}

describe("the travel map", () => {
  const cases = [
    ...defaultScenario().dossiers.map((d) => ({ name: `default scenario, ${d.venue.city}`, roles: defaultScenario().roles.map((r) => ({ role: r.id, home: r.home })), venue: d.venue })),
    ...fiveRoles.dossiers.map((d) => ({ name: `five roles, ${d.venue.city}`, roles: fiveRoles.roles.map((r) => ({ role: r.id, home: r.home })), venue: d.venue })),
  ];

  it.each(cases)("$name: emblems clear of each other, the pin and its name, on the map", ({ roles, venue }) => {
    const plan = planMap(roles, venue, 140);
    const size = mapLayout.emblem;
    const homes = roles.map((r) => ({ ...plan.homes[r.role]!, width: size, height: size }));
    const map = mapLayout.map;
    for (const [i, a] of homes.entries()) {
      expect(onStage(a, map.width, map.y + map.height), `${roles[i]!.role} on the map`).toBe(true);
      expect(a.y - a.height / 2).toBeGreaterThanOrEqual(map.y);
      for (const b of homes.slice(i + 1)) expect(overlap(a, b), `${roles[i]!.role} overlaps another emblem`).toBe(false);
      expect(overlap(a, plan.venueLabel), `${roles[i]!.role} covers the venue's name`).toBe(false);
      expect(overlap(a, plan.postcard), `${roles[i]!.role} covers the postcard`).toBe(false);
    }
  });

  it.each(cases)("$name: one ticket per delegation, below the map, none overlapping", ({ roles, venue }) => {
    const plan = planMap(roles, venue, 140);
    const tickets = roles.map((r) => plan.tickets[r.role]!);
    for (const [i, a] of tickets.entries()) {
      expect(onStage(a)).toBe(true);
      expect(a.y - a.height / 2).toBeGreaterThanOrEqual(mapLayout.map.y + mapLayout.map.height);
      for (const b of tickets.slice(i + 1)) expect(overlap(a, b)).toBe(false);
    }
  });

  it("places the world map's venues where they are: London north of São Paulo, Paris east of London", () => {
    const roles = defaultScenario().roles.map((r) => ({ role: r.id, home: r.home }));
    const [london, saoPaulo, paris] = defaultScenario().dossiers.map((d) => planMap(roles, d.venue, 140));
    expect(london!.world).toBe(true);
    expect(london!.venue.y).toBeLessThan(saoPaulo!.venue.y);
    expect(paris!.venue.x).toBeGreaterThan(london!.venue.x);
    // A scenario of a town's places gets a plain map.
    expect(planMap(fiveRoles.roles.map((r) => ({ role: r.id, home: r.home })), fiveRoles.dossiers[0]!.venue, 140).world).toBe(false);
  });
});

describe("the meeting room", () => {
  const seat = tableLayout.seats.chair;

  it.each([1, 2, 3, 5, 7, 9])("%i delegations in the room: seats apart from each other and from the empty chair, on the floor", (count) => {
    const seats = [...seatPositions(count), emptyChairPosition()].map((p) => ({ ...p, width: seat, height: seat }));
    for (const [i, a] of seats.entries()) {
      expect(onStage(a)).toBe(true);
      expect(a.y - a.height / 2).toBeGreaterThan(tableLayout.wall.height);
      for (const b of seats.slice(i + 1)) expect(overlap(a, b)).toBe(false);
    }
  });

  it.each([1, 2, 3, 4])("%i options on the table: cards on the felt, hands of cards on the stage", (count) => {
    const cards = cardPositions(count).map((p) => ({ ...p, width: tableLayout.cards.width, height: tableLayout.cards.height }));
    const c = tableLayout.table.centre;
    for (const card of cards) expect(Math.abs(card.x - c.x) + card.width / 2).toBeLessThan(tableLayout.table.feltRx);
    for (const p of seatPositions(9)) {
      for (const h of handPositions(p, count)) expect(onStage({ ...h, width: tableLayout.hands.width, height: tableLayout.hands.height })).toBe(true);
    }
  });

  it.each([0, 1, 4, 9])("%i on the video link and by the door: screens and emblems on the wall", (count) => {
    const screens = screenBoxes(count);
    expect(screens).toHaveLength(count);
    for (const [i, s] of screens.entries()) {
      expect(s.x - s.width / 2).toBeGreaterThanOrEqual(tableLayout.screens.left - 1);
      expect(s.x + s.width / 2).toBeLessThanOrEqual(tableLayout.screens.right + 1);
      for (const t of screens.slice(i + 1)) expect(overlap(s, t)).toBe(false);
    }
    for (const p of notHerePositions(count)) expect(p.y).toBeLessThan(tableLayout.wall.height);
  });
});

describe("the verdict card", () => {
  const { piles, verdict, table } = tableLayout;
  const cardAt = (height: number): Box => ({ x: table.centre.x, y: verdict.y, width: verdict.width, height });
  /** The share of `b`'s area that `a` covers. */
  const covered = (a: Box, b: Box): number => {
    const w = Math.max(0, Math.min(a.x + a.width / 2, b.x + b.width / 2) - Math.max(a.x - a.width / 2, b.x - b.width / 2));
    const h = Math.max(0, Math.min(a.y + a.height / 2, b.y + b.height / 2) - Math.max(a.y - a.height / 2, b.y - b.height / 2));
    return (w * h) / (b.width * b.height);
  };

  it.each(Array.from({ length: 12 }, (_, i) => i + 1))("leaves every token count readable with %i delegations at the table", (count) => {
    for (let i = 0; i < count; i++) {
      const pile = pilePosition(seatAngle(i, count));
      // A full stack (drawPile in client/scenes/parts.ts) and a two-digit count beside it.
      const stack: Box = { x: pile.x, y: pile.y - ((piles.maxCoins - 1) * piles.coin.step) / 2, width: piles.coin.width, height: piles.coin.height + (piles.maxCoins - 1) * piles.coin.step };
      const labelWidth = 2 * piles.labelSize * 0.65 + piles.stroke;
      const offset = piles.coin.width / 2 + 6 + labelWidth / 2;
      const label: Box = { x: pile.x + (pileLabelSide(pile) === "left" ? -offset : offset), y: stack.y, width: labelWidth, height: piles.labelSize * 1.25 };
      // At its designed height (what an English verdict with a two-line title needs).
      expect(overlap(cardAt(verdict.height), label), `seat ${i + 1} of ${count}: its count`).toBe(false);
      // The card may cover the inner edge of a full stack (eight coins), never most of it.
      expect(covered(cardAt(verdict.height), stack), `seat ${i + 1} of ${count}: its coins`).toBeLessThan(0.35);
    }
  });
});

describe("text on the table", () => {
  it("is never smaller than 24 world units: 20 px or more on a 1080p projector whose stage is 830 px or taller", () => {
    const sizes = [...textSizes(tableLayout), ...textSizes(mapLayout)];
    expect(sizes.length).toBeGreaterThan(10);
    for (const [name, size] of sizes) expect(size, name).toBeGreaterThanOrEqual(tableLayout.font.min);
    expect((tableLayout.font.min * 830) / tableLayout.world.width).toBeGreaterThanOrEqual(19.9);
  });
});
