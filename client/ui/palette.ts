// Colours for everything the client draws: the Okabe–Ito set, which stays distinguishable
// with every common form of colour blindness, plus the few UI tones built around it.
// Never let colour carry meaning alone: pair it with a label, a shape or a pattern.

/** Okabe & Ito (2002), "Color Universal Design". */
export const okabeIto = {
  black: "#000000",
  orange: "#E69F00",
  skyBlue: "#56B4E9",
  bluishGreen: "#009E73",
  yellow: "#F0E442",
  blue: "#0072B2",
  vermillion: "#D55E00",
  reddishPurple: "#CC79A7",
} as const;

export type OkabeItoName = keyof typeof okabeIto;

/** Data series in a fixed order (charts, seats, stakeholder groups); black is left out. */
export const seriesOrder: readonly OkabeItoName[] = [
  "blue",
  "orange",
  "bluishGreen",
  "vermillion",
  "skyBlue",
  "reddishPurple",
  "yellow",
];

/**
 * UI tones. Text colours reach at least 4.5:1 on `paper` and `surface` (WCAG AA);
 * `errorText` is a darkened vermillion because the original is too light for small text.
 */
export const ui = {
  ink: "#1B1B1B",
  inkMuted: "#4A4A4A",
  paper: "#FFFFFF",
  surface: "#F5F2EB",
  border: "#8A8A8A",
  accent: okabeIto.blue,
  onAccent: "#FFFFFF",
  focus: okabeIto.blue,
  errorText: "#A04000",
  table: "#2F5D50",
  tableEdge: "#1E3D34",
  seat: okabeIto.skyBlue,
  seatEdge: "#1B1B1B",
  seatLabel: "#1B1B1B",
  stage: "#F5F2EB",
} as const;

export type UiTone = keyof typeof ui;

/** "#RRGGBB" → 0xRRGGBB, the form Phaser's drawing calls take. */
export function toColourNumber(hex: string): number {
  const match = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!match?.[1]) throw new Error(`Not a #RRGGBB colour: ${hex}`);
  return Number.parseInt(match[1], 16);
}

/** Publishes the UI tones as CSS custom properties (--colour-ink, --colour-accent, …). */
export function applyPaletteToCss(root: HTMLElement): void {
  for (const [name, value] of Object.entries(ui)) {
    const cssName = name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
    root.style.setProperty(`--colour-${cssName}`, value);
  }
}

/**
 * Stakeholder groups: an Okabe–Ito colour and a shape each, so that a seat is told apart by
 * its shape and letters even where its colour cannot be seen.
 */
export const groupStyle = {
  government: { colour: okabeIto.blue, symbol: "■", shape: "square" },
  private: { colour: okabeIto.orange, symbol: "◆", shape: "diamond" },
  technical: { colour: okabeIto.bluishGreen, symbol: "▲", shape: "triangle" },
  "civil-society": { colour: okabeIto.reddishPurple, symbol: "●", shape: "circle" },
} as const;

export type GroupName = keyof typeof groupStyle;
