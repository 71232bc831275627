// After the end-to-end run: one contact sheet per kind of device (phone, laptop, projector),
// a single PNG with a thumbnail of every screenshot this run took, in the order they were
// taken, so a person can review the whole game at a glance. Composed in Chromium (an HTML page
// of <img> thumbnails, screenshotted), so no image library is needed. Registered as a global
// setup in vitest.e2e.config.ts: its teardown runs once every test file has finished.
import { readdir, stat, writeFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { deviceKind, findChromium, launchChromium, screenSizeNames, screenshotDir, type ScreenSizeName } from "../helpers/browser.js";

export const contactSheetDir = path.join(screenshotDir, "..", "contact-sheets");

/** Thumbnail width (CSS px), columns, and the device's viewport (a thumbnail shows at most two of them). */
const layout = {
  phone: { width: 180, columns: 8, viewport: { width: 390, height: 844 } },
  laptop: { width: 340, columns: 5, viewport: { width: 1366, height: 768 } },
  projector: { width: 380, columns: 5, viewport: { width: 1920, height: 1080 } },
} as const;
const MAX_SCREENS_PER_THUMBNAIL = 2;

interface Shot {
  file: string;
  name: string;
  size: ScreenSizeName;
  taken: number;
}

/** Screenshots written since `since` (ms), by device kind, oldest first. */
async function shotsSince(since: number): Promise<Map<keyof typeof layout, Shot[]>> {
  const byKind = new Map<keyof typeof layout, Shot[]>();
  let files: string[] = [];
  try {
    files = await readdir(screenshotDir);
  } catch {
    return byKind;
  }
  // Longest size names first, so "projector-720" is not read as "projector".
  const sizes = [...screenSizeNames].sort((a, b) => b.length - a.length);
  for (const file of files) {
    // Pictures a failing test leaves behind are for its reader, not for the review of the game.
    if (!file.endsWith(".png") || file.startsWith("failed-")) continue;
    const size = sizes.find((s) => file.endsWith(`-${s}.png`));
    if (!size) continue;
    const full = path.join(screenshotDir, file);
    const taken = (await stat(full)).mtimeMs;
    if (taken < since) continue;
    const kind = deviceKind(size);
    byKind.set(kind, [...(byKind.get(kind) ?? []), { file: full, name: file.slice(0, -`-${size}.png`.length), size, taken }]);
  }
  for (const shots of byKind.values()) shots.sort((a, b) => a.taken - b.taken);
  return byKind;
}

function html(kind: keyof typeof layout, shots: Shot[]): string {
  const { width, columns, viewport } = layout[kind];
  const maxHeight = Math.round((width * viewport.height * MAX_SCREENS_PER_THUMBNAIL) / viewport.width);
  const cells = shots
    .map(
      (s) => `<figure><div class="frame" style="max-height:${maxHeight}px"><img src="${pathToFileURL(s.file).href}" alt=""></div><figcaption>${s.name}<small>${s.size}</small></figcaption></figure>`,
    )
    .join("\n");
  return `<!doctype html><meta charset="utf-8"><style>
  body { margin: 0; padding: 16px; font: 13px system-ui, sans-serif; background: #e8e4da; color: #1b1b1b; width: ${columns * (width + 16) + 16}px; }
  h1 { font-size: 18px; margin: 0 0 12px; }
  main { display: grid; grid-template-columns: repeat(${columns}, ${width}px); gap: 16px; align-items: start; }
  figure { margin: 0; }
  .frame { overflow: hidden; border: 1px solid #8a8a8a; background: #fff; position: relative; }
  .frame img { display: block; width: 100%; }
  figcaption { margin-top: 4px; font-weight: 600; overflow-wrap: anywhere; }
  small { display: block; font-weight: 400; color: #4a4a4a; }
</style><h1>Rough Consensus — ${kind} screens (${shots.length}), in the order the tests took them</h1><main>${cells}</main>`;
}

/** Writes test-output/contact-sheets/<kind>.png for each kind of device; returns the files. */
export async function writeContactSheets(since: number): Promise<string[]> {
  const byKind = await shotsSince(since);
  if (!byKind.size || !findChromium()) return [];
  await mkdir(contactSheetDir, { recursive: true });
  const browser = await launchChromium();
  const written: string[] = [];
  try {
    for (const [kind, shots] of byKind) {
      const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
      const sheet = path.join(contactSheetDir, `${kind}.html`);
      await writeFile(sheet, html(kind, shots));
      await page.goto(pathToFileURL(sheet).href);
      await page.waitForFunction(() => [...document.images].every((img) => img.complete));
      const file = path.join(contactSheetDir, `${kind}.png`);
      await page.screenshot({ path: file, fullPage: true });
      await page.close();
      written.push(file);
    }
  } finally {
    await browser.close();
  }
  return written;
}

/** Global setup: notes when the run began; the teardown writes the sheets. */
export default function setup(): () => Promise<void> {
  const since = Date.now();
  return async () => {
    const files = await writeContactSheets(since);
    if (files.length) console.log(`[e2e] contact sheets: ${files.map((f) => path.relative(process.cwd(), f)).join(", ")}`);
  };
}
