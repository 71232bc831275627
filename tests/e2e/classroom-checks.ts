// Checks for how a classroom sees the screens, run inside the page: a projector page fits its
// screen (no scrolling, every word inside the viewport and, at 1080p, at least 20 px), an
// element is where a person looks (inside the viewport, not merely in the DOM), and the text a
// person can see on a page. Shared by the classroom end-to-end tests.
import type { Locator, Page } from "playwright-core";

export interface FitReport {
  /** The page scrolls (either way). */
  scrolls: string | null;
  /** Text smaller than the minimum, as "text (size px)". */
  small: string[];
  /** Text that lies outside the viewport, or under the floating Glossary button, as "text (where)". */
  outside: string[];
}

/**
 * Does the page fit its viewport as a projector must? `minFontPx` applies to every visible
 * text; text in visually-hidden helpers (1×1 px clip for screen readers) is not seen and not
 * counted.
 */
export function projectorFit(page: Page, minFontPx: number): Promise<FitReport> {
  return page.evaluate((min) => {
    const root = document.documentElement;
    const scrolls = root.scrollHeight > window.innerHeight + 1 || root.scrollWidth > window.innerWidth + 1 ? `${root.scrollWidth}×${root.scrollHeight} in ${window.innerWidth}×${window.innerHeight}` : null;
    const small: string[] = [];
    const outside: string[] = [];
    // The floating Glossary button: a text under it cannot be read from the back of the room.
    const button = document.querySelector("[data-testid='glossary-button']")?.getBoundingClientRect();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? "").trim();
      const element = node.parentElement;
      if (!text || !element) continue;
      const style = getComputedStyle(element);
      if (style.visibility === "hidden" || element.closest("[hidden]") || element.closest("[aria-hidden='true']:not(.badge__mark)")) continue;
      // Screen-reader-only text sits in a 1×1 px clipped box: not seen, so not measured.
      const holder = element.getBoundingClientRect();
      if (holder.width <= 1 || holder.height <= 1) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const box = range.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue; // not rendered
      const label = text.slice(0, 40);
      const size = parseFloat(style.fontSize);
      if (size + 0.01 < min) small.push(`${label} (${size.toFixed(1)} px)`);
      if (box.top < -1 || box.left < -1 || box.bottom > window.innerHeight + 1 || box.right > window.innerWidth + 1) outside.push(`${label} (${Math.round(box.left)},${Math.round(box.top)}–${Math.round(box.right)},${Math.round(box.bottom)})`);
      else if (button && !element.closest("[data-testid='glossary-button']") && [...range.getClientRects()].some((r) => r.right > button.left + 1 && r.left < button.right - 1 && r.bottom > button.top + 1 && r.top < button.bottom - 1)) outside.push(`${label} (under the Glossary button)`);
    }
    return { scrolls, small, outside };
  }, minFontPx);
}

/**
 * Resizes the projector's page to `size` and reports how it fits there (`minFontPx` as in
 * projectorFit): measured after each of the next frames until the report is clean, for up to
 * `withinMs`, so a screen that refits a frame or two after the resize event is not failed for
 * being measured in between — and one that never fits fails with what the last frame showed.
 */
export async function fitAfterResize(page: Page, size: { width: number; height: number }, minFontPx: number, withinMs = 5_000): Promise<FitReport> {
  await page.setViewportSize(size);
  const deadline = Date.now() + withinMs;
  for (;;) {
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const report = await projectorFit(page, minFontPx);
    const clean = report.scrolls === null && report.small.length === 0 && report.outside.length === 0;
    if (clean || Date.now() > deadline) return report;
  }
}

/**
 * The projector's type scale (--projector-fit, client/ui/projector-fit.ts) as it stands once the
 * page has handled its resize to `size`: read in a resize listener added after the page's own,
 * so right after the page's refit and before any later render could help. (The resize event
 * can come a few frames after setViewportSize returns; it is waited for, not guessed.)
 */
export async function fitRightAfterResize(page: Page, size: { width: number; height: number }): Promise<number> {
  await page.evaluate(() => {
    const seen = ((window as unknown as { __resizes?: { height: number; fit: number }[] }).__resizes ??= []);
    seen.length = 0;
    if ((window as unknown as { __resizeWatched?: boolean }).__resizeWatched) return;
    (window as unknown as { __resizeWatched?: boolean }).__resizeWatched = true;
    window.addEventListener("resize", () => seen.push({ height: window.innerHeight, fit: Number(document.documentElement.style.getPropertyValue("--projector-fit") || 1) }));
  });
  await page.setViewportSize(size);
  const fit = await page.waitForFunction(
    (height) => (window as unknown as { __resizes: { height: number; fit: number }[] }).__resizes.find((r) => r.height === height)?.fit,
    size.height,
  );
  return (await fit.jsonValue()) as number;
}

/** The element is rendered and lies entirely inside the viewport right now. */
export async function onScreen(locator: Locator): Promise<boolean> {
  if (!(await locator.isVisible())) return false;
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && box.top >= -1 && box.left >= -1 && box.bottom <= window.innerHeight + 1 && box.right <= window.innerWidth + 1;
  });
}

/** The words a person can see or select on the page (rendered text and form values). */
export function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const values = [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("input, textarea")].map((field) => field.value);
    return `${document.body.innerText}\n${values.join("\n")}`;
  });
}
