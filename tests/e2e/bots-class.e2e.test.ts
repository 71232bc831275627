// A small class in real browsers: three students and six bots. The teacher switches "bots take
// the empty seats" on in the setup form; three students join by link; the bots fill the other
// six seats at the start and play through the same protocol as people; the teacher moves the
// match on to the final scores, which every student's screen shows.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type {} from "../../client/e2e-hooks.js";
import { en } from "../../client/text/en.js";
import { chromiumMissingMessage, findChromium, launchChromium, openPage, saveScreenshot } from "../helpers/browser.js";
import { startGameServer, type GameServer } from "./game-server.js";

const chromiumPath = findChromium();
if (!chromiumPath) console.warn(chromiumMissingMessage());

const PHASES = ["briefing", "travel", "negotiation", "decision", "outcome"] as const;

describe.skipIf(!chromiumPath)("three students and six bots", () => {
  let server: GameServer;
  let browser: Browser;
  let teacher: Page;
  const students: Page[] = [];
  let code = "";

  const phaseOf = (page: Page) => page.evaluate(() => window.__e2e?.phase ?? "");
  const waitForPhase = (page: Page, phase: string) => page.waitForFunction((p) => window.__e2e?.phase === p, phase, { timeout: 60_000 });

  beforeAll(async () => {
    // Bots think ten times faster than people, so the test does not wait on their pace.
    process.env.BOT_PACE = "quick";
    [server, browser] = await Promise.all([startGameServer(inject("clientDir")), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("plays a whole match to the final scores, the bots taking part in every round", async () => {
    teacher = (await openPage(browser, "chromebook")).page;
    teacher.setDefaultTimeout(30_000);
    await teacher.goto(`${server.url}?e2e=1`);
    await teacher.getByRole("button", { name: en["landing.teacher.start"] }).click();
    await teacher.getByRole("heading", { name: en["setup.heading"] }).waitFor();
    await teacher.getByLabel(en["setup.bots"]).check();
    await teacher.getByLabel(en["setup.timer.custom"]).check();
    for (const phase of PHASES) await teacher.getByLabel(en["setup.timerPhase"].replace("{phase}", en[`phase.${phase}`])).fill("900");
    await teacher.getByRole("button", { name: en["setup.create"] }).click();
    await waitForPhase(teacher, "lobby");
    code = ((await teacher.getByTestId("join-code").textContent()) ?? "").trim();

    for (const nickname of ["Ana", "Ben", "Cy"]) {
      const { page } = await openPage(browser, "phone");
      page.setDefaultTimeout(30_000);
      await page.goto(`${server.url}join/${code}?e2e=1`);
      await page.getByLabel(en["landing.student.nicknameLabel"]).fill(nickname);
      await page.getByRole("button", { name: en["landing.student.join"], exact: true }).click();
      await waitForPhase(page, "lobby");
      students.push(page);
    }
    await teacher.getByText("Cy", { exact: true }).first().waitFor();
    await teacher.getByRole("button", { name: en["host.assignAuto"] }).click();
    for (const page of students) await page.waitForFunction(() => typeof window.__e2e?.role === "string" && window.__e2e.role !== "");
    await teacher.getByRole("button", { name: en["host.start"] }).click();
    for (const page of [teacher, ...students]) await waitForPhase(page, "briefing");

    // Six bots now hold the empty seats.
    const record = async () => {
      const token = await teacher.evaluate((c) => localStorage.getItem(`rough-consensus.${c}.teacher`) ?? "", code);
      const res = await fetch(`${server.url}api/matches/${code}/record`, { headers: { authorization: `Bearer ${token}` } });
      return (await res.json()) as { events: { event: { type: string; kind?: string; role?: string; player?: string } }[] };
    };
    const joined = (await record()).events.filter((e) => e.event.type === "PlayerJoined" && e.event.kind === "bot");
    expect(joined).toHaveLength(6);

    // The teacher moves the match on; the bots get a few seconds in each phase.
    for (let round = 0; round < 3; round++) {
      for (const phase of PHASES) {
        if (round === 0 && phase === "briefing") continue;
        await teacher.waitForTimeout(phase === "negotiation" || phase === "travel" ? 6000 : 2500);
        const before = await phaseOf(teacher);
        await teacher.getByRole("button", { name: en["host.skip"] }).click();
        await teacher.waitForFunction((b) => window.__e2e?.phase !== b, before, { timeout: 30_000 });
      }
    }
    await teacher.waitForTimeout(2500);
    await teacher.getByRole("button", { name: en["host.skip"] }).click();
    for (const page of [teacher, ...students]) await waitForPhase(page, "ended");
    await saveScreenshot(students[0]!, "bots-class-final", "phone");
    await saveScreenshot(teacher, "bots-class-final-host", "chromebook");

    // The bots acted in every round: statements, tabled options or positions in the record.
    const events = (await record()).events.map((e) => e.event);
    const botIds = new Set(joined.map((e) => e.event.player));
    const botRoles = new Set(joined.map((e) => e.event.role));
    let round = -1;
    const active = new Set<number>();
    for (const e of events) {
      if (e.type === "RoundOpened") round++;
      const by = (e as { role?: string; by?: string; from?: string; player?: string });
      if (["StatementMade", "OptionTabled", "PositionDeclared", "TravelBooked", "CorridorMessageSent", "GrantGiven"].includes(e.type)) {
        if ((by.player && botIds.has(by.player)) || (e.type === "OptionTabled" && botRoles.has(by.by)) || (e.type === "GrantGiven" && botRoles.has(by.from))) active.add(round);
      }
    }
    expect([...active].sort()).toEqual([0, 1, 2]);
    expect(events.filter((e) => e.type === "DossierDecided")).toHaveLength(3);
  }, 420_000);
});
