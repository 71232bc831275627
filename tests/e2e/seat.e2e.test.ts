// A seat opened on a second device: the phone that holds it is told, where the student looks
// (a warning at the top of a 390×844 phone at scale 3), and keeps playing. A seat
// secret is the only key to a seat, so a classmate who read it off a phone could sit there
// unseen; the notice makes that visible. Screenshot: test-output/screenshots/seat-taken-over-handset.png.
import { Client } from "@colyseus/sdk";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type {} from "../../client/e2e-hooks.js";
import { en } from "../../client/text/en.js";
import { chromiumMissingMessage, findChromium, launchChromium, openPage, saveScreenshot } from "../helpers/browser.js";
import { startGameServer, type GameServer } from "./game-server.js";

const chromiumPath = findChromium();
if (!chromiumPath) console.warn(chromiumMissingMessage());

describe.skipIf(!chromiumPath)("a seat opened on a second device", () => {
  let server: GameServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startGameServer(inject("clientDir")), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("warns the phone that holds it, on screen, and the phone stays in the match", async () => {
    const base = server.url.replace(/\/$/, "");
    const created = await fetch(`${base}/api/matches`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ settings: { classLabel: "Seats" } }) });
    const { code } = (await created.json()) as { code: string };
    const { context, page } = await openPage(browser, "handset");
    const other = new Client(base);
    try {
      await page.goto(`${server.url}join/${code}?e2e=1`);
      await page.getByLabel(en["landing.student.nicknameLabel"]).fill("Ana");
      await page.getByRole("button", { name: en["landing.student.join"], exact: true }).click();
      await page.waitForFunction(() => window.__e2e?.phase === "lobby");
      await expect(page.getByTestId("seat-taken-over").count()).resolves.toBe(0);

      // The phone keeps its seat secret in its own storage; someone else uses it on another device.
      const secret = await page.evaluate((c) => Object.entries(localStorage).find(([k]) => k.endsWith(`${c}.seat`))?.[1] ?? null, code);
      expect(secret).toBeTruthy();
      const laptop = await other.joinById(code, { as: "player", nickname: "Ana", seatSecret: secret! });

      const banner = page.getByTestId("seat-taken-over");
      await banner.waitFor({ state: "visible" });
      expect(await banner.textContent()).toBe(en["connection.takenOver"]);
      expect(await banner.getAttribute("role")).toBe("alert");
      // Where the student looks: on the first screen, without scrolling.
      const box = (await banner.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(page.viewportSize()!.height);
      const fontPx = await banner.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(fontPx).toBeGreaterThanOrEqual(16);
      await saveScreenshot(page, "seat-taken-over", "handset");
      // Still in the match: the phone's lobby is on screen, not a closed seat.
      expect(await page.evaluate(() => window.__e2e?.phase)).toBe("lobby");
      await laptop.leave(true);
    } finally {
      await context.close();
    }
  });
});
