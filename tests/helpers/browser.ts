// Real-browser helpers for the end-to-end tests: Debian's Chromium driven by playwright-core
// (no browser is ever downloaded), screenshots at the three screens a class uses, and an
// axe-core accessibility check. Node-side code only: no DOM types are needed to compile it.
import { accessSync, constants } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

export const defaultChromiumPath = "/usr/bin/chromium";

/**
 * No sandbox (containers, root); no background traffic to Google, which floods a closed
 * network with refused connections; and SwiftShader, because Chromium 130+ no longer falls
 * back to it by itself and WebGL needs it on machines without a GPU.
 */
export const chromiumArgs: readonly string[] = [
  "--no-sandbox",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
];

/**
 * The screens a class uses: a small phone, a common phone at its real pixel density
 * ("handset", 390×844 at device scale 3), a school Chromebook or the teacher's laptop, the
 * projector at 1080p and at 720p.
 */
export const screenSizes = {
  phone: { width: 360, height: 640 },
  handset: { width: 390, height: 844, deviceScaleFactor: 3 },
  chromebook: { width: 1366, height: 768 },
  projector: { width: 1920, height: 1080 },
  "projector-720": { width: 1280, height: 720 },
} as const;

export type ScreenSizeName = keyof typeof screenSizes;
export const screenSizeNames = Object.keys(screenSizes) as ScreenSizeName[];

/** What kind of device a size is, for the contact sheets (one per kind). */
export function deviceKind(size: ScreenSizeName): "phone" | "laptop" | "projector" {
  return size === "phone" || size === "handset" ? "phone" : size === "chromebook" ? "laptop" : "projector";
}

const repositoryRoot = fileURLToPath(new URL("../..", import.meta.url));
export const screenshotDir = path.join(repositoryRoot, "test-output", "screenshots");

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The Chromium to use: $CHROMIUM if set, else /usr/bin/chromium; null when not installed. */
export function findChromium(): string | null {
  const candidate = process.env.CHROMIUM || defaultChromiumPath;
  return isExecutable(candidate) ? candidate : null;
}

/** Whether CI=true (or 1, yes): there the end-to-end tests are required, so a missing browser fails the run. */
export const inCI = (): boolean => /^(1|true|yes)$/i.test(process.env.CI ?? "");

/**
 * In CI, the browser must be there: throws with what is missing and how to install it. Outside
 * CI it only says that the end-to-end tests will be skipped. Called before any e2e test runs.
 */
export function requireChromiumInCI(): void {
  if (findChromium()) return;
  if (inCI()) {
    throw new Error(
      `CI=true and no Chromium: the end-to-end tests are required in CI and cannot run. ${chromiumMissingMessage().replace("[e2e] SKIPPED: no", "No")}`,
    );
  }
  console.warn(chromiumMissingMessage());
}

export function chromiumMissingMessage(): string {
  const looked = process.env.CHROMIUM ? `$CHROMIUM (${process.env.CHROMIUM})` : defaultChromiumPath;
  return (
    `[e2e] SKIPPED: no Chromium found at ${looked}. ` +
    "Install it with scripts/install-chromium.sh (as root) or set CHROMIUM=/path/to/chromium."
  );
}

/**
 * How the browser puts a page's layers on screen. "software" (--disable-gpu-compositing): the
 * pages are composited on the CPU, and only WebGL (the table) goes through SwiftShader. "gpu":
 * Chromium's default, everything through SwiftShader's emulated GPU, one process for all pages.
 * On these GPU-less machines software compositing does the same pages for much less: the
 * classroom file took 96 s and 128 CPU-seconds instead of 128 s and 213 (side by side, quiet
 * machine, 2026-12-01), and its pictures are the same. The end-to-end files use it; the table's
 * file and the client benchmark keep "gpu": the frame strips and frame rates they record were
 * taken that way (in software the first picture of an animation comes later, so a strip shows
 * fewer of its frames).
 */
export type Compositing = "software" | "gpu";

export function compositingArgs(compositing: Compositing): string[] {
  return compositing === "software" ? ["--disable-gpu-compositing"] : [];
}

export async function launchChromium(options: { compositing?: Compositing } = {}): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(chromiumMissingMessage());
  return chromium.launch({ executablePath, args: [...chromiumArgs, ...compositingArgs(options.compositing ?? "software")], timeout: 30_000 });
}

/**
 * A fresh context (own storage, so one context = one player) sized like `size`.
 * `reducedMotion`: the device asks for less motion, as a school laptop with Windows' "Show
 * animations" turned off does (prefers-reduced-motion: reduce).
 */
export async function openPage(
  browser: Browser,
  size: ScreenSizeName,
  options: { reducedMotion?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const phone = deviceKind(size) === "phone";
  const screen: { width: number; height: number; deviceScaleFactor?: number } = screenSizes[size];
  const context = await browser.newContext({
    viewport: { width: screen.width, height: screen.height },
    deviceScaleFactor: screen.deviceScaleFactor ?? 1,
    isMobile: phone,
    hasTouch: phone,
    reducedMotion: options.reducedMotion ? "reduce" : "no-preference",
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return { context, page };
}

export function screenshotPath(name: string, size: ScreenSizeName): string {
  return path.join(screenshotDir, `${name}-${size}.png`);
}

/** Saves test-output/screenshots/<name>-<size>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string, size: ScreenSizeName): Promise<string> {
  await mkdir(screenshotDir, { recursive: true });
  const file = screenshotPath(name, size);
  // From the top, so sticky bars sit where a reader expects them in a full-page picture.
  await page.evaluate("window.scrollTo(0, 0)");
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

// ---- accessibility ----

export interface AxeViolation {
  id: string;
  impact: "serious" | "critical";
  help: string;
  helpUrl: string;
  targets: string[];
}

interface AxeRunSummary {
  violations: { id: string; impact?: string | null; help: string; helpUrl: string; nodes: { target: unknown[] }[] }[];
}

let axeSource: Promise<string> | undefined;

function readAxeSource(): Promise<string> {
  const require = createRequire(import.meta.url);
  axeSource ??= readFile(path.join(path.dirname(require.resolve("axe-core/package.json")), "axe.min.js"), "utf8");
  return axeSource;
}

/**
 * Injects axe-core into the page, checks it against WCAG 2.x A/AA, and returns the serious
 * and critical violations (an empty list means pass). Minor and moderate ones are dropped.
 */
export async function findSeriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  // What a person reads once the screen has settled: a notice fading in (opacity 0 → 1 over
  // 300 ms) has too little contrast halfway through, and axe would report that instant.
  // (A string, as this file compiles without the DOM's types.)
  await page.evaluate("Promise.allSettled(document.getAnimations().filter((a) => a.effect?.getTiming().iterations !== Infinity).map((a) => a.finished)).then(() => true)");
  // Evaluated through the debugging protocol, so a Content-Security-Policy cannot block it.
  await page.evaluate(await readAxeSource());
  const results = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(options: object): Promise<AxeRunSummary> } }).axe;
    const run = await axe.run({
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
      resultTypes: ["violations"],
    });
    return {
      violations: run.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact ?? null,
        help: violation.help,
        helpUrl: violation.helpUrl,
        nodes: violation.nodes.map((node) => ({ target: node.target.map(String) })),
      })),
    };
  });
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact as AxeViolation["impact"],
      help: violation.help,
      helpUrl: violation.helpUrl,
      targets: violation.nodes.map((node) => node.target.join(" ")),
    }));
}
