// The start page and the table preview in real Chromium, at a phone, a Chromebook and a
// projector: the join form works, nothing serious fails axe, Phaser loads only on demand
// and draws the table. Screenshots land in test-output/screenshots/ for a human to look at.
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// The type import also brings in the declaration of window.__e2e.
import type { E2eHooks } from "../../client/e2e-hooks.js";
import { tableLayout, seatPositions, tableCentre, type Point } from "../../client/scenes/table-layout.js";
import { en } from "../../client/text/en.js";
import { ui } from "../../client/ui/palette.js";
import {
  chromiumMissingMessage,
  findChromium,
  findSeriousAxeViolations,
  launchChromium,
  openPage,
  saveScreenshot,
  screenSizeNames,
  type ScreenSizeName,
} from "../helpers/browser.js";
import { serveFolder, type StaticServer } from "./static-server.js";

const repositoryRoot = fileURLToPath(new URL("../..", import.meta.url));
const builtClient = path.join(repositoryRoot, "test-output", "e2e-client");
/** Channel difference allowed between a drawn colour and the palette (antialiasing, gamma). */
const colourTolerance = 8;

const chromiumPath = findChromium();
if (!chromiumPath) console.warn(chromiumMissingMessage());

describe.skipIf(!chromiumPath)("the client in Chromium", () => {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    await build({
      configFile: path.join(repositoryRoot, "client", "vite.config.ts"),
      build: { outDir: builtClient, emptyOutDir: true },
      logLevel: "warn",
    });
    server = await serveFolder(builtClient);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens the built client with ?e2e=1 plus `query`; collects script errors on the way. */
  async function open(size: ScreenSizeName, query = "") {
    if (!browser || !server) throw new Error("beforeAll did not finish");
    const { context, page } = await openPage(browser, size);
    const errors: string[] = [];
    const requests: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    page.on("request", (request) => requests.push(request.url()));
    await page.goto(`${server.url}?e2e=1${query}`);
    return { page, errors, requests, close: () => context.close() };
  }

  describe.each(screenSizeNames)("on a %s screen", (size) => {
    it("shows a join form a student can fill in, without loading Phaser", async () => {
      const { page, errors, requests, close } = await open(size);
      try {
        await page.getByRole("heading", { level: 1, name: en["app.title"] }).waitFor();
        const codeField = page.getByLabel(en["landing.student.codeLabel"]);
        await codeField.fill("ab12");
        expect(await codeField.inputValue()).toBe("ab12");
        expect(await page.getByRole("button", { name: en["landing.student.join"], exact: true }).isVisible()).toBe(true);
        expect(await page.getByRole("button", { name: en["landing.teacher.start"] }).isVisible()).toBe(true);
        expect(await fitsWidth(page)).toBe(true);

        await page.waitForLoadState("networkidle");
        await saveScreenshot(page, "landing", size);
        expect(requests.filter((url) => /phaser/i.test(url))).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });

    it("has no serious or critical accessibility violations", async () => {
      const { page, close } = await open(size);
      try {
        await page.getByLabel(en["landing.student.codeLabel"]).waitFor();
        expect(await findSeriousAxeViolations(page)).toEqual([]);
      } finally {
        await close();
      }
    });

    it("draws the round table with its seats at ?scene=table", async () => {
      const { page, errors, close } = await open(size, "&scene=table");
      try {
        await page.waitForFunction(() => window.__e2e?.ready === true);
        const hooks = await page.evaluate(() => window.__e2e);
        expect(hooks).toMatchObject<E2eHooks>({ scene: "Table", seats: tableLayout.seats.count });
        // SwiftShader should give WebGL even without a GPU; Canvas still draws, so only warn.
        if (hooks?.renderer !== "WebGL") console.warn(`[e2e] Phaser fell back to ${hooks?.renderer}`);
        expect(await fitsWidth(page)).toBe(true);
        await saveScreenshot(page, "table", size);

        const firstSeat = seatPositions()[0]!;
        const centre = tableCentre();
        const drawn = await coloursAt(page, {
          stage: { x: 1, y: 1 },
          table: { x: centre.x + tableLayout.table.radius / 2, y: centre.y },
          seat: { x: firstSeat.x + tableLayout.seats.radius * 0.6, y: firstSeat.y },
        });
        expect(closeTo(drawn.stage, ui.stage), `stage ${drawn.stage}`).toBe(true);
        expect(closeTo(drawn.table, ui.table), `table ${drawn.table}`).toBe(true);
        expect(closeTo(drawn.seat, ui.seat), `seat ${drawn.seat}`).toBe(true);
        expect(await findSeriousAxeViolations(page)).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    });
  });

  it("opens the table after a student joins with a code, and goes back", async () => {
    const { page, errors, close } = await open("phone");
    try {
      await page.getByLabel(en["landing.student.codeLabel"]).fill("ab 12");
      await page.getByRole("button", { name: en["landing.student.join"], exact: true }).click();
      await page.waitForFunction(() => window.__e2e?.ready === true);
      expect(new URL(page.url()).searchParams.get("scene")).toBe("table");
      expect(await page.getByRole("heading", { level: 1, name: en["table.heading"] }).isVisible()).toBe(true);

      await page.getByRole("button", { name: en["game.back"] }).click();
      await page.getByLabel(en["landing.student.codeLabel"]).waitFor();
      // Phaser removes its canvas on the frame after destroy(), not at once.
      await page.locator("canvas").waitFor({ state: "detached" });
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it("asks for the code when Join is pressed with an empty field", async () => {
    const { page, close } = await open("phone");
    try {
      await page.getByRole("button", { name: en["landing.student.join"], exact: true }).click();
      const codeField = page.getByLabel(en["landing.student.codeLabel"]);
      expect(await codeField.getAttribute("aria-invalid")).toBe("true");
      expect(await page.getByText(en["landing.student.codeMissing"]).isVisible()).toBe(true);
      expect(await codeField.evaluate((field) => field === document.activeElement)).toBe(true);
      await saveScreenshot(page, "landing-code-missing", "phone");
    } finally {
      await close();
    }
  });
});

/** No sideways scrolling: the page is no wider than the screen. */
function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

/**
 * Reads what Chromium actually composited at points given in world units: screenshots the
 * canvas and decodes the PNG in the page, which works without preserveDrawingBuffer.
 */
async function coloursAt<Name extends string>(
  page: Page,
  points: Record<Name, Point>,
): Promise<Record<Name, [number, number, number]>> {
  const canvas = page.locator("canvas");
  const png = (await canvas.screenshot()).toString("base64");
  const fractions = Object.fromEntries(
    Object.entries<Point>(points).map(([name, point]) => [
      name,
      { x: point.x / tableLayout.world.width, y: point.y / tableLayout.world.height },
    ]),
  );
  return page.evaluate(
    async ({ png, fractions }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${png}`;
      await image.decode();
      const scratch = document.createElement("canvas");
      scratch.width = image.naturalWidth;
      scratch.height = image.naturalHeight;
      const context = scratch.getContext("2d");
      if (!context) throw new Error("no 2D context");
      context.drawImage(image, 0, 0);
      const result: Record<string, [number, number, number]> = {};
      for (const [name, fraction] of Object.entries(fractions)) {
        const x = Math.floor(fraction.x * (scratch.width - 1));
        const y = Math.floor(fraction.y * (scratch.height - 1));
        const [red = 0, green = 0, blue = 0] = context.getImageData(x, y, 1, 1).data;
        result[name] = [red, green, blue];
      }
      return result;
    },
    { png, fractions },
  ) as Promise<Record<Name, [number, number, number]>>;
}

function closeTo(rgb: readonly number[], hex: string): boolean {
  const expected = [1, 3, 5].map((start) => Number.parseInt(hex.slice(start, start + 2), 16));
  return expected.every((channel, index) => Math.abs(channel - (rgb[index] ?? -1)) <= colourTolerance);
}
