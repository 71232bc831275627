// The start page in real Chromium against the real server, at a phone, a Chromebook and a
// projector: the join form works without loading Phaser or the network chunk, nothing
// serious fails axe, and a wrong or missing code gets a plain answer beside the field.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { en } from "../../client/text/en.js";
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
import { startGameServer, type GameServer } from "./game-server.js";

const chromiumPath = findChromium();
if (!chromiumPath) console.warn(chromiumMissingMessage());

describe.skipIf(!chromiumPath)("the start page in Chromium", () => {
  let server: GameServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startGameServer(inject("clientDir")), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** Opens `path` with ?e2e=1; collects script errors and requested URLs on the way. */
  async function open(size: ScreenSizeName, path = "") {
    if (!browser || !server) throw new Error("beforeAll did not finish");
    const { context, page } = await openPage(browser, size);
    const errors: string[] = [];
    const requests: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    page.on("request", (request) => requests.push(request.url()));
    await page.goto(`${server.url}${path}?e2e=1`);
    return { page, errors, requests, close: () => context.close() };
  }

  describe.each(screenSizeNames)("on a %s screen", (size) => {
    it("shows a join form a student can fill in, without loading Phaser or the network code", async () => {
      const { page, errors, requests, close } = await open(size);
      try {
        await page.getByRole("heading", { level: 1, name: en["app.title"] }).waitFor();
        const codeField = page.getByLabel(en["landing.student.codeLabel"]);
        await codeField.fill("ab12");
        expect(await codeField.inputValue()).toBe("ab12");
        expect(await page.getByLabel(en["landing.student.nicknameLabel"]).inputValue()).not.toBe("");
        expect(await page.getByRole("button", { name: en["landing.student.join"], exact: true }).isVisible()).toBe(true);
        expect(await page.getByRole("button", { name: en["landing.teacher.start"] }).isVisible()).toBe(true);
        expect(await fitsWidth(page)).toBe(true);

        await page.waitForLoadState("networkidle");
        await saveScreenshot(page, "landing", size);
        expect(requests.filter((url) => /phaser|colyseus|match-screens/i.test(url))).toEqual([]);
        expect(errors).toEqual([]);
        expect(await findSeriousAxeViolations(page)).toEqual([]);
      } finally {
        await close();
      }
    });
  });

  it("fills the code from a /join/CODE link", async () => {
    const { page, close } = await open("phone", "join/abcde");
    try {
      await page.getByLabel(en["landing.student.codeLabel"]).waitFor();
      expect(await page.getByLabel(en["landing.student.codeLabel"]).inputValue()).toBe("ABCDE");
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

  it("says plainly when no class has that code", async () => {
    const { page, errors, close } = await open("phone");
    try {
      await page.getByLabel(en["landing.student.codeLabel"]).fill("ZZZZZ");
      await page.getByRole("button", { name: en["landing.student.join"], exact: true }).click();
      await page.getByText(en["landing.student.unknownCode"]).waitFor();
      expect(await page.getByLabel(en["landing.student.codeLabel"]).getAttribute("aria-invalid")).toBe("true");
      await saveScreenshot(page, "landing-unknown-code", "phone");
      expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
    } finally {
      await close();
    }
  });
});

/** No sideways scrolling: the page is no wider than the screen. */
function fitsWidth(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}
