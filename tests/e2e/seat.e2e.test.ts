// A seat and its screens, on a 390×844 phone at scale 3. When the seat is opened on a second
// device the phone that holds it is warned where the student looks, and keeps playing: a seat
// secret is the only key to a seat, so a classmate who read it off a phone could sit there
// unseen. When the seat ends — left from one of its screens, or the teacher took the student
// out — the phone says which and stops, rather than looking connected. Screenshots:
// test-output/screenshots/seat-{taken-over,left,removed}-handset.png.
import { Client } from "@colyseus/sdk";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type {} from "../../client/e2e-hooks.js";
import { en } from "../../client/text/en.js";
import { COMMAND, type Intent } from "../../shared/protocol/intents.js";
import { follow, heldBy } from "../helpers/sync-client.js";
import { chromiumMissingMessage, findChromium, launchChromium, openPage, saveScreenshot } from "../helpers/browser.js";
import { startGameServer, type GameServer } from "./game-server.js";

const chromiumPath = findChromium();
if (!chromiumPath) console.warn(chromiumMissingMessage());

async function until(what: string, check: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe.skipIf(!chromiumPath)("a seat and its screens", () => {
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
      // The warning, and OK to put it away once read (it is often the student's own laptop).
      expect(await banner.textContent()).toBe(`${en["connection.takenOver"]} ${en["notice.dismiss"]}`);
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

  it("tells the phone when its seat ends — left from another screen, or the teacher took the student out — and stops there", async () => {
    const base = server.url.replace(/\/$/, "");
    const created = await fetch(`${base}/api/matches`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ settings: { classLabel: "Seats" } }) });
    const { code, teacherToken } = (await created.json()) as { code: string; teacherToken: string };
    const teacher = await new Client(base).joinById(code, { as: "teacher", teacherToken });
    try {
      for (const how of ["left", "removed"] as const) {
        const { context, page } = await openPage(browser, "handset");
        try {
          await page.goto(`${server.url}join/${code}?e2e=1`);
          await page.getByLabel(en["landing.student.nicknameLabel"]).fill(how === "left" ? "Bea" : "Cy");
          await page.getByRole("button", { name: en["landing.student.join"], exact: true }).click();
          await page.waitForFunction(() => window.__e2e?.phase === "lobby");
          const secret = await page.evaluate((c) => Object.entries(localStorage).find(([k]) => k.endsWith(`${c}.seat`))?.[1] ?? null, code);
          const other = follow(await new Client(base).joinById(code, { as: "player", nickname: "x", seatSecret: secret! }));
          // The second screen learns the seat's player id from its own state.
          await until("the second screen's state", () => heldBy(other)?.seat !== undefined && heldBy(other)?.seat !== null);
          const id = heldBy(other)!.seat!.player;
          if (how === "left") expect(await other.request(COMMAND, { type: "LeaveMatch", player: id } satisfies Intent)).toEqual({ ok: true });
          else expect(await teacher.request(COMMAND, { type: "RemovePlayer", player: id } satisfies Intent)).toEqual({ ok: true });

          const banner = page.getByTestId("seat-closed");
          await banner.waitFor({ state: "visible" });
          expect(await banner.textContent()).toBe(en[how === "left" ? "connection.left" : "connection.removed"]);
          const box = (await banner.boundingBox())!;
          expect(box.y + box.height).toBeLessThanOrEqual(page.viewportSize()!.height);
          // The seat is gone for this phone: it forgets the secret rather than joining as someone new.
          expect(await page.evaluate((c) => Object.keys(localStorage).some((k) => k.endsWith(`${c}.seat`)), code)).toBe(false);
          await saveScreenshot(page, `seat-${how}`, "handset");
        } finally {
          await context.close();
        }
      }
    } finally {
      await teacher.leave(true);
    }
  });
});
