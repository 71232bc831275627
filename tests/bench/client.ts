// Client benchmarks (`npm run bench:client`; benchClient() for `npm run bench`): bytes of
// JavaScript before the join form is usable and in total (gzip), the table's art, time to a
// usable join form and to a drawn negotiation table in headless Chromium with 4× CPU
// throttling, and in a 40-player match, throttled: the table's frame rate while it animates
// (travel closing, the outcome), while drawing continuously, and while nothing changes.
// Medians of several runs against the real server on loopback.
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { Client, type Room } from "@colyseus/sdk";
import { follow } from "../helpers/sync-client.js";
import type { Browser, Page } from "playwright-core";
import { build } from "vite";
import { findChromium, launchChromium, openPage } from "../helpers/browser.js";
import { startGameServer, type GameServer } from "../e2e/game-server.js";
import { measureCatalogs } from "./catalogs.js";
import { report, summarise } from "./measure.js";

const repositoryRoot = fileURLToPath(new URL("../..", import.meta.url));
/** The bench builds into its own folder: other work may rebuild client/dist meanwhile. */
let dist = "";
const throttleRate = 4;
const runs = 5;
const players = 40;
const kb = (bytes: number) => bytes / 1024;

async function gzipSizeOf(file: string): Promise<number> {
  return gzipSync(await readFile(file), { level: 9 }).length;
}

async function throttled(browser: Browser, size: "phone" | "projector" = "phone"): Promise<{ page: Page; close: () => Promise<void> }> {
  const { context, page } = await openPage(browser, size);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttleRate });
  page.setDefaultTimeout(120_000);
  return { page, close: () => context.close() };
}

/** JS fetched until the join form works, and all JS in the build, both gzip-compressed. */
async function measureBytes(browser: Browser, server: GameServer): Promise<void> {
  const { page, close } = await throttled(browser);
  const scripts = new Set<string>();
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.add(new URL(request.url()).pathname);
  });
  await page.goto(server.url);
  await page.getByLabel("Class code").waitFor();
  await page.waitForLoadState("networkidle");
  await close();
  let before = 0;
  for (const script of scripts) before += await gzipSizeOf(path.join(dist, script));
  let total = 0;
  for (const file of await readdir(path.join(dist, "assets"))) if (file.endsWith(".js")) total += await gzipSizeOf(path.join(dist, "assets", file));
  let phaser = 0;
  for (const file of await readdir(path.join(dist, "assets"))) if (file.startsWith("phaser") && file.endsWith(".js")) phaser += await gzipSizeOf(path.join(dist, "assets", file));
  let table = 0;
  for (const file of await readdir(path.join(dist, "assets"))) if (file.startsWith("start-game") && file.endsWith(".js")) table += await gzipSizeOf(path.join(dist, "assets", file));
  const once = (t: number) => summarise([t]);
  report(`JS before the join form is usable (${scripts.size} files)`, once(kb(before)), { target: 150, unit: "KB gzip" });
  report("JS in total (every chunk, Phaser included)", once(kb(total)), { target: 600, unit: "KB gzip" });
  report("  of which Phaser", once(kb(phaser)), { unit: "KB gzip" });
  report("  of which the table's scenes and art", once(kb(table)), { unit: "KB gzip" });
}

async function measureJoinForm(browser: Browser, server: GameServer): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const { page, close } = await throttled(browser);
    await page.goto(`${server.url}?e2e=1`, { waitUntil: "commit" });
    await page.waitForFunction(`window.__e2e?.screen === "landing" && document.getElementById("class-code") !== null`, undefined, { polling: "raf" });
    times.push(await page.evaluate<number>("performance.now()"));
    await close();
  }
  report(`time to a usable join form (CPU ÷${throttleRate})`, summarise(times), { target: 3000 });
}

// Page-side code as text: this file compiles without the DOM library.
const tableDrawn = `window.__e2e?.ready === true && window.__e2e?.phase === "negotiation"`;
/** Frames the page actually draws in 3 s (requestAnimationFrame callbacks per second). */
const countFrames = `new Promise((resolve) => {
  let frames = 0;
  const start = performance.now();
  const step = () => {
    frames++;
    if (performance.now() - start < 3000) requestAnimationFrame(step);
    else resolve((frames * 1000) / (performance.now() - start));
  };
  requestAnimationFrame(step);
})`;

/**
 * Frames Phaser draws per second while the table animates: from the first frame the table
 * reports it is animating to the first it reports it is still (its loop's frame counter).
 * Resolves null if nothing animated within 60 s.
 */
const framesWhileAnimating = `new Promise((resolve) => {
  const loop = () => window.__game && window.__game.loop;
  let first = null;
  let start = 0;
  const deadline = performance.now() + 60000;
  const step = (now) => {
    const animating = window.__e2e && window.__e2e.animating === true;
    if (animating && first === null && loop()) { first = loop().frame; start = now; }
    if (!animating && first !== null) { resolve({ fps: ((loop().frame - first) * 1000) / (now - start), ms: now - start }); return; }
    if (now > deadline) { resolve(null); return; }
    requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
})`;

/** Frames Phaser itself draws in 3 s (its loop's frame counter). */
const idleFrames = `new Promise((resolve) => {
  const loop = window.__game.loop;
  const first = loop.frame;
  setTimeout(() => resolve((loop.frame - first) / 3), 3000);
})`;

interface Match {
  code: string;
  teacherToken: string;
}

/** A match with `players` seated over three tables, moved on to the negotiation. */
interface SeatedMatch {
  match: Match;
  /** The teacher moves the match to its next phase. */
  advance: () => Promise<unknown>;
  leave: () => Promise<void>;
}

async function fortyPlayerMatch(server: GameServer): Promise<SeatedMatch> {
  const response = await fetch(`${server.url}api/matches`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ settings: { tables: 3, timerPreset: "custom", timers: { briefing: 3600, travel: 3600, negotiation: 3600, decision: 3600, outcome: 3600 } } }),
  });
  const match = (await response.json()) as Match;
  const client = new Client(server.url);
  // SDK devices keep their state from the sync frames as the browser does.
  const teacher = follow(await client.joinById(match.code, { as: "teacher", teacherToken: match.teacherToken }));
  const rooms: Room[] = [];
  for (let i = 0; i < players - 1; i++) rooms.push(follow(await client.joinById(match.code, { as: "player", nickname: `Bench ${i + 1}` })));
  const command = (room: typeof teacher, intent: object) => room.request("command", intent, { timeout: 10_000 });
  await command(teacher, { type: "AssignRolesAutomatically" });
  await command(teacher, { type: "StartMatch" });
  await command(teacher, { type: "AdvancePhase" });
  // Half the delegations travel, so the table shows the room and the remote seats.
  for (const [i, room] of rooms.entries()) if (i % 2 === 0) await command(room, { type: "BookTravel", mode: "in-person" });
  return {
    match,
    advance: () => command(teacher, { type: "AdvancePhase" }),
    leave: async () => {
      await Promise.all([teacher, ...rooms].map((room) => room.leave(true).catch(() => undefined)));
    },
  };
}

interface AnimationRate {
  fps: number;
  ms: number;
}

async function measureTable(browser: Browser, server: GameServer): Promise<void> {
  const seated = await fortyPlayerMatch(server);
  const { code } = seated.match;
  // The 40th player: a browser, joined during travel; the map opens.
  const { page: joining, close: closeJoining } = await throttled(browser);
  await joining.goto(`${server.url}join/${code}?e2e=1`);
  await joining.getByLabel("Your nickname").fill("Bench browser");
  await joining.getByRole("button", { name: "Join", exact: true }).click();
  await joining.waitForFunction(`window.__e2e?.screen === "student"`);
  await joining.waitForFunction(`window.__e2e?.ready === true && window.__e2e?.animating === false`, undefined, { timeout: 120_000 });

  // Travel closes: the delegations fly to the venue, then the room opens.
  const trips = joining.evaluate<AnimationRate | null>(framesWhileAnimating);
  await seated.advance();
  const tripsRate = await trips;
  await joining.waitForFunction(tableDrawn, undefined, { timeout: 120_000 });

  // Every further run reloads the student's page: SDK, reconnection, Phaser, the art and the first frame.
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    await joining.goto(`${server.url}play/${code}?e2e=1`, { waitUntil: "commit" });
    await joining.waitForFunction(tableDrawn, undefined, { polling: "raf", timeout: 120_000 });
    times.push(await joining.evaluate<number>("performance.now()"));
  }
  report(`time to a drawn negotiation table (CPU ÷${throttleRate})`, summarise(times), { target: 3000 });

  const rates: number[] = [];
  for (let i = 0; i < runs; i++) {
    await joining.goto(`${server.url}play/${code}?e2e=1&fps=60`);
    await joining.waitForFunction(tableDrawn, undefined, { timeout: 120_000 });
    rates.push(await joining.evaluate<number>(countFrames));
  }
  report(`table drawing continuously, ${players} players (CPU ÷${throttleRate})`, summarise(rates), { unit: "fps" });

  // In class the table draws only after a change: count what it draws while nothing happens.
  await joining.goto(`${server.url}play/${code}?e2e=1`);
  await joining.waitForFunction(tableDrawn, undefined, { timeout: 120_000 });
  await joining.waitForFunction(`window.__e2e?.animating === false`);
  await joining.waitForTimeout(1000);
  const idle = await joining.evaluate<number>(idleFrames);
  report("table frames drawn per second while nothing changes", summarise([idle]), { unit: "fps" });

  // The outcome, the projector's big moment: the verdict lands, gains and losses fly to every seat.
  await seated.advance();
  await joining.waitForFunction(`window.__e2e?.phase === "decision" && window.__e2e?.animating === false`, undefined, { timeout: 120_000 });
  const outcome: AnimationRate[] = [];
  const first = joining.evaluate<AnimationRate | null>(framesWhileAnimating);
  await seated.advance();
  const firstRate = await first;
  if (firstRate) outcome.push(firstRate);
  // The same moment again (a hook of the e2e build replays the last change) for a median.
  for (let i = 1; i < runs; i++) {
    await joining.waitForFunction(`window.__e2e?.animating === false`);
    const again = joining.evaluate<AnimationRate | null>(framesWhileAnimating);
    await joining.evaluate("window.__tableReplay()");
    const rate = await again;
    if (rate) outcome.push(rate);
  }
  if (tripsRate) report(`animating: travel closes, ${players} players (CPU ÷${throttleRate})`, summarise([tripsRate.fps]), { unit: "fps" });
  else console.log("  animating: travel closes — NO ANIMATION SEEN");
  report(`animating: the outcome, ${players} players (CPU ÷${throttleRate})`, summarise(outcome.map((r) => r.fps)), { unit: "fps" });
  console.log(`  (animation frame-rate target: 50 fps or more; outcome animation lasted ${summarise(outcome.map((r) => r.ms)).median.toFixed(0)} ms, travel ${tripsRate?.ms.toFixed(0) ?? "?"} ms)`);
  await closeJoining();
  await seated.leave();
}

export async function benchClient(): Promise<void> {
  console.log(`\nClient (headless Chromium, real server on loopback, medians of ${runs} runs)`);
  const load = () => loadavg().map((x) => x.toFixed(1)).join(" ");
  console.log(`  machine: ${cpus().length} cores, load average ${load()} (1, 5, 15 min) at the start`);
  if (!findChromium()) {
    console.log("  SKIPPED: no Chromium found (install Debian's chromium or set CHROMIUM).");
    return;
  }
  dist = await mkdtemp(path.join(tmpdir(), "rough-consensus-bench-client-"));
  await build({ configFile: path.join(repositoryRoot, "client", "vite.config.ts"), build: { outDir: dist, emptyOutDir: true }, logLevel: "warn" });
  const [server, browser] = await Promise.all([startGameServer(dist), launchChromium()]);
  try {
    await measureBytes(browser, server);
    await measureCatalogs(dist);
    await measureJoinForm(browser, server);
    await measureTable(browser, server);
    console.log(`  load average ${load()} at the end`);
  } finally {
    await browser.close();
    await server.stop();
    await rm(dist, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await benchClient();
}
