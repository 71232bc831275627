// Helpers for the table's end-to-end tests: a match driven through the real Colyseus SDK
// (the teacher and most delegations are scripted clients, so the test decides exactly what
// happens and when), browser pages that watch it, and pictures of the table — single
// screenshots and frame-by-frame strips of each animation.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { Client, type Room } from "@colyseus/sdk";
import type { Browser, Page } from "playwright-core";
import { COMMAND, type Intent, type Reply } from "../../shared/protocol/intents.js";
import type { MatchView } from "../../shared/rules/view.js";
import { screenshotDir } from "../helpers/browser.js";
import { follow, heldBy, viewOf } from "../helpers/sync-client.js";

export interface Device {
  name: string;
  room: Room;
  player: string | null;
}

/** Polls until `fn` gives a value, or fails naming `what` after `ms`. */
export async function eventually<T>(fn: () => T | undefined | null | false, what: string, ms = 15_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = fn();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function createMatch(baseUrl: string, settings: object): Promise<{ code: string; teacherToken: string }> {
  const response = await fetch(`${baseUrl}api/matches`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ settings }) });
  if (response.status !== 201) throw new Error(`creating the match failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as { code: string; teacherToken: string };
}

export async function joinAs(baseUrl: string, code: string, options: { as: "teacher"; teacherToken: string } | { as: "player"; nickname: string }, name: string): Promise<Device> {
  const room = follow(await new Client(baseUrl).joinById(code, options));
  const player = options.as === "player" ? (await eventually(() => heldBy(room)?.seat, `${name}'s seat`)).player : null;
  return { name, room, player };
}

export function teacherView(teacher: Device): MatchView {
  return viewOf(teacher.room);
}

/** Sends a command and fails the test with the server's reason when it is refused. */
export async function command(device: Device, intent: Intent): Promise<void> {
  const reply = (await device.room.request(COMMAND, intent, { timeout: 15_000 })) as Reply;
  if (!reply.ok) throw new Error(`${device.name}: ${JSON.stringify(intent)} refused: ${reply.code} ${reply.message}`);
}

export async function leave(devices: Device[]): Promise<void> {
  await Promise.all(devices.map((d) => d.room.leave(true).catch((error: unknown) => console.warn(`${d.name} left uncleanly: ${String(error)}`))));
}

// ---- watching the table in a page ----

export const tableState = (page: Page) =>
  page.evaluate(() => ({
    screen: window.__e2e?.tableScreen ?? null,
    animating: window.__e2e?.animating ?? false,
    said: window.__e2e?.tableSaid ?? [],
    smallestTextPx: window.__e2e?.smallestTextPx ?? null,
    canvas: window.__e2e?.canvas ?? null,
    frame: (window as unknown as { __game?: { loop: { frame: number } } }).__game?.loop.frame ?? -1,
  }));

export async function waitForSaid(page: Page, words: string, timeout = 30_000): Promise<void> {
  await page.waitForFunction((w) => (window.__e2e?.tableSaid ?? []).some((line) => line.includes(w)), words, { timeout });
}

/** Waits until the table has stopped moving (and the loop has had its last frames). */
export async function waitForStill(page: Page, timeout = 180_000): Promise<void> {
  await page.waitForFunction(() => window.__e2e?.animating === false, undefined, { timeout });
}

/**
 * Frames the game draws in `ms` while nothing changes: 0 when the loop sleeps. A window of time
 * is what this measures, so it waits a fixed second (the longest the test-hygiene rule allows);
 * a loop that kept drawing would show about sixty frames in it.
 */
export async function framesWhileIdle(page: Page, ms = 1000): Promise<number> {
  const before = (await tableState(page)).frame;
  await page.waitForFunction(() => window.__e2e?.animating === false);
  await new Promise((resolve) => setTimeout(resolve, ms));
  return (await tableState(page)).frame - before;
}

/**
 * Screenshots of the table's box, one after another, from when the page's table has told more
 * than `saidBefore` lines (the moment reached it) until whatever caused it is over (`done`)
 * and the animation has ended, at most `max`.
 */
export async function captureFrames(page: Page, saidBefore: number, done: () => boolean, max = 12): Promise<Buffer[]> {
  const stage = page.locator("#game-container");
  await page.waitForFunction((n) => (window.__e2e?.tableSaid ?? []).length > n, saidBefore, { timeout: 60_000 });
  const frames: Buffer[] = [];
  while (frames.length < max) {
    frames.push(await stage.screenshot({ animations: "allow" }));
    if (done() && !(await tableState(page)).animating) break;
  }
  return frames;
}

/** Strips are drawn one at a time: two pages of one browser screenshotting at once fail under load. */
let stripQueue: Promise<unknown> = Promise.resolve();

/**
 * Puts frames side by side in one picture, test-output/screenshots/<name>.png, for a person to look at.
 * The page is sized to its content and shot as it is (not `fullPage`), after every frame has decoded:
 * a full-page capture of a page still laying out images failed with "Unable to capture screenshot"
 * in CI on a loaded machine.
 */
export function saveStrip(browser: Browser, frames: Buffer[], name: string, heightPx = 300): Promise<string> {
  // Waits for the strip before to settle; a failure of that one fails its own caller, not this.
  const before = stripQueue;
  const drawn = Promise.allSettled([before]).then(() => drawStrip(browser, frames, name, heightPx));
  stripQueue = drawn;
  return drawn;
}

async function drawStrip(browser: Browser, frames: Buffer[], name: string, heightPx: number): Promise<string> {
  await mkdir(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  const width = 1600;
  const context = await browser.newContext({ viewport: { width, height: 400 } });
  try {
    const page = await context.newPage();
    const images = frames.map((f, i) => `<figure><img src="data:image/png;base64,${f.toString("base64")}"><figcaption>${i + 1}</figcaption></figure>`).join("");
    await page.setContent(
      `<style>body{margin:0;padding:8px;background:#222;display:flex;flex-wrap:wrap;gap:6px;font:14px sans-serif;color:#eee}figure{margin:0;text-align:center}img{height:${heightPx}px;display:block}</style>${images}`,
    );
    const height = await page.evaluate(async () => {
      await Promise.all([...document.images].map((img) => img.decode()));
      return Math.ceil(document.documentElement.scrollHeight);
    });
    await page.setViewportSize({ width, height: Math.min(height, 8000) });
    await page.screenshot({ path: file });
    return file;
  } finally {
    await context.close();
  }
}

export async function saveFrame(frame: Buffer, name: string): Promise<string> {
  await mkdir(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await writeFile(file, frame);
  return file;
}
