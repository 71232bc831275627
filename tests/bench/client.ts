// Client benchmarks (`npm run bench:client`; benchClient() for `npm run bench`): bytes of
// JavaScript before the join form is usable and in total (gzip), the table's art, time to a
// usable join form and to a drawn negotiation table in headless Chromium with 4× CPU
// throttling, and in a 40-player match, with that throttle and without it: the table's frame
// rate while it animates (travel closing, the outcome), while drawing continuously, and while
// nothing changes (why both: measureTable).
// Medians of several runs against the real server on loopback. BENCH_PROFILE=DIR writes the
// page's CPU profile of the travel and outcome animations (an unminified build) to DIR.
// For work on the travel animation: BENCH_ONLY=travel measures only that (five fresh
// matches; BENCH_THROTTLE=1 without the throttle, BENCH_SIZE=projector on another screen), BENCH_FRAMES=1 prints each run's frame gaps in order and the CPU time Chromium's
// processes spent on it (steadier than frame rates on a loaded machine), and BENCH_TRACE=PREFIX writes
// a Chrome trace of each run (every process: the GPU process is where the stalls were).
//
// Read the frame gaps with this in mind: headless Chromium with SwiftShader composites the page
// only when its DOM repaints (the phase clock, once a second), not for the WebGL canvas alone,
// and the canvas's queued frames are rendered at that moment — so about a second of table
// frames is paid as one stall of 100–250 ms in the GPU process (SkiaOutputSurfaceImplOnGpu::
// SwapBuffers in the trace), and those stalls grow with the table's GPU work per frame.
// On a projector-sized page (BENCH_SIZE=projector) the page is composited at every frame, and
// composing 1920×1080 in SwiftShader costs the GPU process about 60 ms of CPU a frame, so it
// animates at 5–15 fps on these GPU-less machines while the table's own drawing takes 0.1–2 ms
// a frame (gl.finish() after each frame): that figure measures the machine's compositor.
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { Client, type Room } from "@colyseus/sdk";
import { follow } from "../helpers/sync-client.js";
import type { Browser, CDPSession, Page } from "playwright-core";
import { build } from "vite";
import { findChromium, launchChromium, openPage, screenSizeNames, type ScreenSizeName } from "../helpers/browser.js";
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

/** How a measurement names its CPU: throttled like a slow phone, or this machine as it is. */
const cpuLabel = (rate: number) => (rate === 1 ? "no throttling" : `CPU ÷${rate}`);

async function throttled(browser: Browser, size: ScreenSizeName = "phone", rate = throttleRate): Promise<{ page: Page; cdp: CDPSession; close: () => Promise<void> }> {
  const { context, page } = await openPage(browser, size);
  const cdp = await context.newCDPSession(page);
  if (rate !== 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate });
  page.setDefaultTimeout(120_000);
  return { page, cdp, close: () => context.close() };
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
  // A device fetches one language's messages: the budget counts every chunk but the other languages'.
  let total = 0;
  let everyChunk = 0;
  let largestCatalog = 0;
  for (const file of await readdir(path.join(dist, "assets"))) {
    if (!file.endsWith(".js")) continue;
    const size = await gzipSizeOf(path.join(dist, "assets", file));
    everyChunk += size;
    if (/^messages-/.test(file)) largestCatalog = Math.max(largestCatalog, size);
    else total += size;
  }
  total += largestCatalog;
  let phaser = 0;
  for (const file of await readdir(path.join(dist, "assets"))) if (file.startsWith("phaser") && file.endsWith(".js")) phaser += await gzipSizeOf(path.join(dist, "assets", file));
  let table = 0;
  for (const file of await readdir(path.join(dist, "assets"))) if (file.startsWith("start-game") && file.endsWith(".js")) table += await gzipSizeOf(path.join(dist, "assets", file));
  const once = (t: number) => summarise([t]);
  report(`JS before the join form is usable (${scripts.size} files)`, once(kb(before)), { target: 150, unit: "KB gzip" });
  report("JS a device can fetch in all (Phaser and one language included)", once(kb(total)), { target: 600, unit: "KB gzip" });
  report("  every chunk of the build (all five languages)", once(kb(everyChunk)), { unit: "KB gzip" });
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
  let last = 0;
  const gaps = [];
  const deadline = performance.now() + 60000;
  const step = (now) => {
    const animating = window.__e2e && window.__e2e.animating === true;
    if (animating && first === null && loop()) { first = loop().frame; start = now; last = now; }
    if (first !== null) { gaps.push(now - last); last = now; }
    if (!animating && first !== null) { window.__frameGaps = gaps.map(Math.round); resolve({ fps: ((loop().frame - first) * 1000) / (now - start), ms: now - start, gaps: [...gaps].sort((a, b) => b - a).slice(0, 5).map(Math.round) }); return; }
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

/** BENCH_PROFILE=DIR: the page's CPU profile of each animation, for Chrome's profiler. */
const profileDir = process.env.BENCH_PROFILE;
async function profileStart(cdp: CDPSession): Promise<void> {
  if (!profileDir) return;
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  await cdp.send("Profiler.start");
}
async function profileStop(cdp: CDPSession, name: string): Promise<void> {
  if (!profileDir) return;
  const { profile } = await cdp.send("Profiler.stop");
  await mkdir(profileDir, { recursive: true });
  await writeFile(path.join(profileDir, `${name}.cpuprofile`), JSON.stringify(profile));
}

interface AnimationRate {
  fps: number;
  ms: number;
  /** The five longest frames, ms: where a stall, rather than a steady cost, lost the frames. */
  gaps: number[];
}

/**
 * CPU time (ms) so far of this benchmark's own Chromium, by process type (gpu-process,
 * renderer, browser), read from /proc: unlike frame gaps it hardly moves with the machine's
 * load, so it shows whether a change made the table cheaper to draw. Linux only; {} elsewhere.
 */
async function chromiumCpu(): Promise<Record<string, number>> {
  const ticks = 100; // USER_HZ on Linux
  const procs: { pid: number; ppid: number; type: string; cpu: number }[] = [];
  let entries: string[] = [];
  try {
    entries = await readdir("/proc");
  } catch {
    return {};
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const cmdline = await readFile(`/proc/${entry}/cmdline`, "utf8");
      const type = /--type=([a-z-]+)/.exec(cmdline)?.[1] ?? (/chrom/.test(cmdline) ? "browser" : "other");
      procs.push({ pid: Number(entry), ppid: Number(fields[1]), type, cpu: ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks });
    } catch {
      // The process ended while we read it.
    }
  }
  const ours = new Set([process.pid]);
  const totals: Record<string, number> = {};
  // Descendants of this process only (other Chromiums on a shared machine are not ours).
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of procs) if (!ours.has(p.pid) && ours.has(p.ppid)) (ours.add(p.pid), (grew = true));
  }
  for (const p of procs) if (ours.has(p.pid) && p.pid !== process.pid && p.type !== "other") totals[p.type] = (totals[p.type] ?? 0) + p.cpu;
  return totals;
}

/** A 40-player match whose 40th player is a browser page (throttled by `rate`), on the travel map. */
async function matchWithBrowser(browser: Browser, server: GameServer, rate: number) {
  const seated = await fortyPlayerMatch(server);
  const page = await throttled(browser, travelPage, rate);
  await page.page.goto(`${server.url}join/${seated.match.code}?e2e=1`);
  await page.page.getByLabel("Your nickname").fill("Bench browser");
  await page.page.getByRole("button", { name: "Join", exact: true }).click();
  await page.page.waitForFunction(`window.__e2e?.screen === "student"`);
  await page.page.waitForFunction(`window.__e2e?.ready === true && window.__e2e?.animating === false`, undefined, { timeout: 120_000 });
  return { seated, ...page };
}

/** Travel closes: the delegations fly to the venue, then the room opens (a fresh page and match each run). */
async function travelCloses(browser: Browser, server: GameServer, last: boolean, rate: number) {
  const match = await matchWithBrowser(browser, server, rate);
  const trips = match.page.evaluate<AnimationRate | null>(framesWhileAnimating);
  const tracing = process.env.BENCH_TRACE ? `${process.env.BENCH_TRACE}-${Date.now()}.json` : null;
  if (tracing) await browser.startTracing(match.page, { path: tracing, screenshots: false, categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "disabled-by-default-devtools.timeline.frame", "gpu", "viz", "cc", "blink", "v8", "toplevel", "benchmark", "renderer.scheduler"] });
  await profileStart(match.cdp);
  const cpuBefore = process.env.BENCH_FRAMES ? await chromiumCpu() : {};
  await match.seated.advance();
  const trip = await trips;
  const cpuAfter = process.env.BENCH_FRAMES ? await chromiumCpu() : {};
  if (tracing) await browser.stopTracing();
  await profileStop(match.cdp, `travel-${rate}`);
  if (process.env.BENCH_FRAMES) {
    const cpu = Object.entries(cpuAfter).map(([type, ms]) => `${type} ${(ms - (cpuBefore[type] ?? 0)).toFixed(0)}`).join(", ");
    console.log(`  travel closing (${cpuLabel(rate)}): ${trip?.fps.toFixed(1)} fps over ${trip?.ms.toFixed(0)} ms; Chromium CPU ms: ${cpu}; frame gaps (ms) in order: ${JSON.stringify(await match.page.evaluate("window.__frameGaps"))}`);
  }
  await match.page.waitForFunction(tableDrawn, undefined, { timeout: 120_000 });
  if (!last) {
    await match.close();
    await match.seated.leave();
  }
  return { match, rate: trip };
}

const travelRuns = 5;
/** The page the travel animation is measured on: a phone (BENCH_SIZE=handset or projector for the others). */
const travelPage: ScreenSizeName = screenSizeNames.find((name) => name === process.env.BENCH_SIZE) ?? "phone";

/**
 * The table in a 40-player match, its page throttled by `rate`. With the throttle (4, a phone
 * slower than this machine) and without (1, this machine as it is), because on Linux Chromium
 * throttles by making the page's main thread spin: at 4 the page burns about 2.5 s of CPU in a
 * 3.7 s animation instead of 0.55 s, on a 2-core machine where the software GPU process that
 * draws every frame needs the other core. The throttled frame rates measure that contention
 * as much as the table.
 */
async function measureTable(browser: Browser, server: GameServer, rate: number): Promise<void> {
  const cpu = cpuLabel(rate);
  const trips: AnimationRate[] = [];
  let match: Awaited<ReturnType<typeof matchWithBrowser>> | null = null;
  for (let i = 0; i < travelRuns; i++) {
    const run = await travelCloses(browser, server, i === travelRuns - 1, rate);
    if (run.rate) trips.push(run.rate);
    match = run.match;
  }
  const { seated, page: joining, cdp, close: closeJoining } = match!;
  const { code } = seated.match;

  // Every further run reloads the student's page: SDK, reconnection, Phaser, the art and the first frame.
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    await joining.goto(`${server.url}play/${code}?e2e=1`, { waitUntil: "commit" });
    await joining.waitForFunction(tableDrawn, undefined, { polling: "raf", timeout: 120_000 });
    times.push(await joining.evaluate<number>("performance.now()"));
  }
  report(`time to a drawn negotiation table (${cpu})`, summarise(times), rate === throttleRate ? { target: 3000 } : {});

  const rates: number[] = [];
  for (let i = 0; i < runs; i++) {
    await joining.goto(`${server.url}play/${code}?e2e=1&fps=60`);
    await joining.waitForFunction(tableDrawn, undefined, { timeout: 120_000 });
    rates.push(await joining.evaluate<number>(countFrames));
  }
  report(`table drawing continuously, ${players} players (${cpu})`, summarise(rates), { unit: "fps" });

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
  await profileStart(cdp);
  await seated.advance();
  const firstRate = await first;
  await profileStop(cdp, `outcome-${rate}`);
  if (firstRate) outcome.push(firstRate);
  // The same moment again (a hook of the e2e build replays the last change) for a median.
  for (let i = 1; i < runs; i++) {
    await joining.waitForFunction(`window.__e2e?.animating === false`);
    const again = joining.evaluate<AnimationRate | null>(framesWhileAnimating);
    await joining.evaluate("window.__tableReplay()");
    const replayed = await again;
    if (replayed) outcome.push(replayed);
  }
  if (trips.length) report(`animating: travel closes, ${players} players (${cpu})`, summarise(trips.map((r) => r.fps)), { unit: "fps" });
  else console.log("  animating: travel closes — NO ANIMATION SEEN");
  report(`animating: the outcome, ${players} players (${cpu})`, summarise(outcome.map((r) => r.fps)), { unit: "fps" });
  console.log(`  (animation frame-rate target: 50 fps or more; outcome animation lasted ${summarise(outcome.map((r) => r.ms)).median.toFixed(0)} ms, travel ${trips.length ? summarise(trips.map((r) => r.ms)).median.toFixed(0) : "?"} ms)`);
  console.log(`  (longest frames, ms: travel, first time ${trips[0]?.gaps.join(", ") ?? "?"}; the outcome, first time ${outcome[0]?.gaps.join(", ") ?? "?"})`);
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
  await build({ configFile: path.join(repositoryRoot, "client", "vite.config.ts"), build: { outDir: dist, emptyOutDir: true, ...(profileDir ? { minify: false } : {}) }, logLevel: "warn" });
  // Every player of every match joins from loopback: one network address, far more new players a
  // minute than a school's (the join limit per address is for those).
  const [server, browser] = await Promise.all([startGameServer(dist, { env: { JOIN_BURST: "2000", JOINS_PER_MINUTE: "2000" } }), launchChromium({ compositing: "gpu" })]);
  try {
    if (process.env.BENCH_ONLY === "travel") {
      const rate = Number(process.env.BENCH_THROTTLE ?? throttleRate);
      for (let i = 0; i < travelRuns; i++) await travelCloses(browser, server, false, rate);
      return;
    }
    await measureBytes(browser, server);
    await measureCatalogs(dist);
    await measureJoinForm(browser, server);
    await measureTable(browser, server, throttleRate);
    await measureTable(browser, server, 1);
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
