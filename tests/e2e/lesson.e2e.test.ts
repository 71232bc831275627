// The lesson around the game, in real Chromium against the real server: the setup page shows
// every lesson plan with its length and contents before the teacher picks one (the figures
// recomputed here from the engine's own plans and the scenario on the server), and each
// decision rule with one line and an example.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { en } from "../../client/text/en.js";
import { DEBRIEF_CARDS } from "../../client/text/debrief-en.js";
import { loadScenario } from "../../server/scenarios/index.js";
import { LESSON_PLANS, PLAN_IDS, planTiming, readingSeconds } from "../../shared/rules/lesson-plans.js";
import { chromiumMissingMessage, findChromium, findSeriousAxeViolations, launchChromium, openPage, saveScreenshot, type ScreenSizeName } from "../helpers/browser.js";
import { startGameServer, type GameServer } from "./game-server.js";

const chromiumPath = findChromium();
if (!chromiumPath) console.warn(chromiumMissingMessage());

/** "26 min", "8 min 50 s", "45 s": the setup page's way of writing a duration. */
function duration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds % 60);
  if (!m) return `${s} s`;
  return s ? `${m} min ${s} s` : `${m} min`;
}

describe.skipIf(!chromiumPath)("the lesson: plans, rules, printables, glossary", () => {
  let server: GameServer;
  let browser: Browser;
  const pages: Page[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startGameServer(inject("clientDir")), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(size: ScreenSizeName, path = ""): Promise<Page> {
    const { page } = await openPage(browser, size);
    page.setDefaultTimeout(30_000);
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    pages.push(page);
    await page.goto(`${server.url}${path}${path.includes("?") ? "&" : "?"}e2e=1`);
    return page;
  }

  it("the setup page shows each plan's total length and contents, computed for the chosen scenario", async () => {
    const teacher = await open("chromebook", "setup");
    await teacher.getByRole("heading", { name: en["setup.heading"] }).waitFor();
    const scenario = loadScenario();
    const facts = { rounds: scenario.dossiers.length, reading: readingSeconds(scenario), allCards: DEBRIEF_CARDS.length };
    for (const id of PLAN_IDS) {
      const timing = planTiming(LESSON_PLANS[id], facts);
      const plan = teacher.getByTestId(`plan-${id}`);
      const total = en["plan.total"].replace("{play}", duration(timing.playSeconds)).replace("{debrief}", duration(timing.debriefSeconds)).replace("{total}", duration(timing.playSeconds + timing.debriefSeconds));
      await plan.getByText(total).waitFor();
      expect(await plan.isVisible()).toBe(true);
      const text = (await plan.textContent()) ?? "";
      // What fills the period: the rounds of play at the plan's clocks, the debrief's cards, the time left.
      expect(text).toContain(`${timing.rounds} rounds of ${duration(timing.roundSeconds)} = ${duration(timing.playSeconds)} of play`);
      expect(text).toContain(`${timing.debriefCards} cards`);
      expect(text).toContain(en["plan.briefing"].replace("{briefing}", duration(timing.clocks.briefing)).replace("{reading}", duration(facts.reading)));
      for (const [i, period] of timing.periods.entries()) {
        const spare = period.parts.includes("join") ? period.spareSeconds - LESSON_PLANS[id].joinMinutes * 60 : period.spareSeconds;
        expect(spare, `${id}, period ${i + 1}`).toBeGreaterThanOrEqual(0);
        expect(text).toContain(duration(spare));
      }
    }
    // The 45-minute plan names the short debrief; the two-lesson plan the second lesson; the seminar the printed cards.
    expect(await teacher.getByTestId("plan-single-45").textContent()).toContain("a short debrief of the 4 cards that carry the point");
    expect(await teacher.getByTestId("plan-two-lessons").textContent()).toContain("Lesson 2 (45 min):");
    expect(await teacher.getByTestId("plan-seminar-90").textContent()).toContain(en["plan.printBeforehand"]);
    // Each rule: its name, one line on what it does, and an example.
    for (const rule of ["R1", "R2", "R3", "R4"] as const) {
      const explained = teacher.locator(`#rule-explain-${rule}`);
      expect(await explained.isVisible()).toBe(true);
      expect(await explained.textContent()).toBe(`${en[`rule.explain.${rule}`]} ${en[`rule.example.${rule}`]}`);
    }
    // Custom clocks start from the chosen plan and recompute as the teacher types.
    await teacher.getByLabel(en["setup.timer.custom"]).check();
    const briefing = teacher.getByLabel(en["setup.timerPhase"].replace("{phase}", en["phase.briefing"]));
    expect(Number(await briefing.inputValue())).toBe(planTiming(LESSON_PLANS["single-45"], facts).clocks.briefing);
    await briefing.fill("60");
    await teacher.getByTestId("plan-custom").getByText(en["plan.briefingShort"].split(". ").at(-1)!, { exact: false }).waitFor();
    await teacher.getByLabel(en["setup.timer.single-45"]).check();
    await saveScreenshot(teacher, "lesson-setup-plans", "chromebook");
    expect(await findSeriousAxeViolations(teacher)).toEqual([]);
    const phone = await open("handset", "setup");
    await phone.getByTestId("plan-two-lessons").waitFor();
    expect(await phone.locator("#rule-explain-R2").isVisible()).toBe(true);
    await saveScreenshot(phone, "lesson-setup-plans", "handset");
  });
});
