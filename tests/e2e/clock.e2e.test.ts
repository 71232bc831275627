// A phone whose clock is five minutes slow still counts down to the server's deadline: the
// connection learns the server's time from every frame it receives (clockOffset) and the
// phase bar draws the time left from it. Without that the phone would show five minutes too
// many — or, with a fast clock, a phase already over.
import { Client } from "@colyseus/sdk";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type {} from "../../client/e2e-hooks.js";
import { en } from "../../client/text/en.js";
import { COMMAND, type Intent, type Reply } from "../../shared/protocol/intents.js";
import { chromiumMissingMessage, findChromium, launchChromium, openPage } from "../helpers/browser.js";
import { follow, heldBy } from "../helpers/sync-client.js";
import { startGameServer, type GameServer } from "./game-server.js";

const chromiumPath = findChromium();
if (!chromiumPath) console.warn(chromiumMissingMessage());

const SLOW_MS = 5 * 60_000;

/** "m:ss" as the phase bar writes it, in milliseconds. */
function clockMs(text: string): number {
  const match = /(\d+):(\d\d)/.exec(text);
  if (!match) throw new Error(`no time in "${text}"`);
  return (Number(match[1]) * 60 + Number(match[2])) * 1000;
}

describe.skipIf(!chromiumPath)("a phone with a wrong clock", () => {
  let server: GameServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startGameServer(inject("clientDir")), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("counts down to the server's deadline, not to its own clock", async () => {
    const base = server.url.replace(/\/$/, "");
    const created = await fetch(`${base}/api/matches`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ settings: { classLabel: "Clock", timerPreset: "custom", timers: { briefing: 600, travel: 600, negotiation: 600, decision: 600, outcome: 600 } } }),
    });
    const { code, teacherToken } = (await created.json()) as { code: string; teacherToken: string };
    const teacher = follow(await new Client(base).joinById(code, { as: "teacher", teacherToken }));
    const act = async (intent: Intent) => expect((await teacher.request(COMMAND, intent)) as Reply).toEqual({ ok: true });

    const { context, page } = await openPage(browser, "phone");
    try {
      // The phone's own clock runs five minutes behind the server's.
      await page.addInitScript((slow) => {
        const real = Date.now.bind(Date);
        Date.now = () => real() - slow;
      }, SLOW_MS);
      await page.goto(`${server.url}join/${code}?e2e=1`);
      await page.getByLabel(en["landing.student.nicknameLabel"]).fill("Slow clock");
      await page.getByRole("button", { name: en["landing.student.join"], exact: true }).click();
      await page.waitForFunction(() => window.__e2e?.phase === "lobby");
      expect(await page.evaluate(() => Date.now())).toBeLessThan(Date.now() - SLOW_MS + 60_000);

      await act({ type: "AssignRolesAutomatically" });
      await act({ type: "StartMatch" });
      await page.waitForFunction(() => window.__e2e?.phase === "briefing");
      const clock = page.getByTestId("clock").first();
      await clock.waitFor();
      const deadline = heldBy(teacher)!.view.clock.deadline!;
      const shown = clockMs((await clock.textContent()) ?? "");
      // The server's own count (this test runs on the server's clock), to within the
      // once-a-second redraw and the trip of a frame.
      expect(Math.abs(shown - (deadline - Date.now()))).toBeLessThan(3000);
      expect(shown).toBeLessThanOrEqual(600_000);
    } finally {
      await context.close();
      await teacher.leave(true);
    }
  });
});
