// The table's art: SVG files drawn for this project (assets/table/, licence in
// assets/LICENSE.md). They travel inside the table's script and are put together here into
// one sheet, rasterised once at the screen's own pixel density — sharp on a phone at device
// pixel ratio 3 and on a 4K projector alike — and used as frames of one texture. One sheet,
// not thirty files: on a slow school laptop each separate image costs far more than its
// pixels, and one texture lets the renderer draw the table in few calls.
import type * as Phaser from "phaser";
import type { StakeholderGroup } from "../../shared/scenario/schema.js";

/** The texture holding every piece of art; pieces are its frames, named like their files. */
export const ART = "table-art";

const sources = import.meta.glob("../../assets/table/*.svg", { query: "?raw", import: "default", eager: true }) as Record<string, string>;

const pieces = {
  coin: "coin",
  chip: "chip",
  card: "card",
  ticket: "ticket",
  plane: "plane",
  screen: "screen",
  video: "video",
  pen: "pen",
  mic: "mic",
  person: "person",
  chair: "chair",
  table: "table",
  worldMap: "world-map",
  pin: "pin",
  "venue-london": "venue-london",
  "venue-sao-paulo": "venue-sao-paulo",
  "venue-paris": "venue-paris",
  "venue-generic": "venue-generic",
  "emblem-tech": "emblem-tech",
  "emblem-usg": "emblem-usg",
  "emblem-eu": "emblem-eu",
  "emblem-dns": "emblem-dns",
  "emblem-ip": "emblem-ip",
  "emblem-emg": "emblem-emg",
  "emblem-ngo": "emblem-ngo",
  "emblem-ldc": "emblem-ldc",
  "emblem-css": "emblem-css",
  "emblem-group-government": "emblem-group-government",
  "emblem-group-private": "emblem-group-private",
  "emblem-group-technical": "emblem-group-technical",
  "emblem-group-civil-society": "emblem-group-civil-society",
} as const;

export type ArtKey = keyof typeof pieces;

/**
 * A seat's emblem: the picture its scenario names for the role (e.g. "tech" for
 * emblem-tech.svg), else its stakeholder group's. Every emblem keeps its group's outline
 * (square, diamond, triangle, circle) and colour; a picture of its own tells two roles of one
 * group apart even where colours cannot be told apart.
 */
export function emblemOf(emblem: string | null | undefined, group: StakeholderGroup): ArtKey {
  const named = `emblem-${emblem ?? ""}`;
  return emblem && named in pieces ? (named as ArtKey) : `emblem-group-${group}`;
}

const venues: Readonly<Record<string, ArtKey>> = {
  london: "venue-london",
  "sao paulo": "venue-sao-paulo",
  paris: "venue-paris",
};

/** The skyline of a venue city; a generic town for a city without one. */
export function venueOf(city: string): ArtKey {
  const plain = city
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .trim();
  return venues[plain] ?? "venue-generic";
}

interface Piece {
  key: ArtKey;
  body: string;
  width: number;
  height: number;
  x: number;
  y: number;
}

/** Width of the sheet in world units; pieces are packed in shelves. */
const sheetWidth = 1536;
const gap = 4;

function piecesOf(): { list: Piece[]; width: number; height: number } {
  const list: Piece[] = Object.entries(pieces).map(([key, file]) => {
    const source = Object.entries(sources).find(([path]) => path.endsWith(`/${file}.svg`))?.[1];
    if (!source) throw new Error(`The table's art is missing ${file}.svg`);
    const box = /viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(source);
    if (!box) throw new Error(`${file}.svg has no viewBox`);
    // Ids (gradients) must stay unique once every piece shares one document.
    const body = source
      .trim()
      .replace(/^<svg[^>]*>/, "")
      .replace(/<\/svg>$/, "")
      .replace(/id="([^"]+)"/g, `id="${file}-$1"`)
      .replace(/url\(#([^)]+)\)/g, `url(#${file}-$1)`);
    return { key: key as ArtKey, body, width: Number(box[1]), height: Number(box[2]), x: 0, y: 0 };
  });
  let x = 0;
  let y = 0;
  let shelf = 0;
  for (const piece of [...list].sort((a, b) => b.height - a.height)) {
    if (x + piece.width > sheetWidth) {
      x = 0;
      y += shelf + gap;
      shelf = 0;
    }
    piece.x = x;
    piece.y = y;
    x += piece.width + gap;
    shelf = Math.max(shelf, piece.height);
  }
  return { list, width: sheetWidth, height: y + shelf };
}

export interface RasterisedArt {
  image: HTMLImageElement;
  /** Device pixels per world unit the sheet was drawn at. */
  scale: number;
  frames: { key: ArtKey; x: number; y: number; width: number; height: number }[];
}

/**
 * Draws the whole sheet at `scale` device pixels per world unit (less if it would not fit a
 * `maxTextureSize` texture). Needs no Phaser, so it runs while the game boots.
 */
export async function rasteriseArt(scale: number, maxTextureSize: number): Promise<RasterisedArt> {
  const { list, width, height } = piecesOf();
  const s = Math.min(scale, maxTextureSize / Math.max(width, height));
  const nested = list.map((p) => `<svg x="${p.x}" y="${p.y}" width="${p.width}" height="${p.height}" viewBox="0 0 ${p.width} ${p.height}">${p.body}</svg>`).join("");
  const sheet = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${Math.ceil(width * s)}" height="${Math.ceil(height * s)}">${nested}</svg>`;
  const url = URL.createObjectURL(new Blob([sheet], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    return { image, scale: s, frames: list.map((p) => ({ key: p.key, x: p.x * s, y: p.y * s, width: p.width * s, height: p.height * s })) };
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Makes the sheet the ART texture, with a frame per piece. */
export function addArt(textures: Phaser.Textures.TextureManager, art: RasterisedArt): void {
  const texture = textures.addImage(ART, art.image);
  if (!texture) throw new Error("The table's art could not become a texture");
  for (const f of art.frames) texture.add(f.key, 0, f.x, f.y, f.width, f.height);
}

/** The largest sheet every WebGL device the table targets accepts. */
export const sheetTextureLimit = 4096;

/** Device pixels per world unit worth rasterising at: the camera's zoom, within reason. */
export function textureScaleFor(zoom: number): number {
  const quarter = Math.ceil(zoom * 4) / 4;
  return Math.min(2.5, Math.max(1, quarter));
}
