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
      const { page } = await openPage(browser, "handset");
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

    // What the bots did, read from the match record.
    const botIds = new Set(joined.map((e) => e.event.player));
    const botRoles = new Set(joined.map((e) => e.event.role));
    type Recorded = { type: string; role?: string; by?: string; from?: string; to?: string; player?: string; id?: string };
    const recorded = async () => (await record()).events.map((e) => e.event as Recorded);
    /** A bot's own act at the table: a statement, a tabled option, a position, corridor talk or a grant. */
    const botAct = (e: Recorded) =>
      (["StatementMade", "PositionDeclared", "CorridorMessageSent"].includes(e.type) && botIds.has(e.player)) ||
      (e.type === "OptionTabled" && botRoles.has(e.by)) ||
      (e.type === "GrantGiven" && botRoles.has(e.from));
    const thisRound = (events: Recorded[]) => events.slice(events.map((e) => e.type).lastIndexOf("RoundOpened"));
    /** Every bot has chosen how to attend this round: booked a trip, or accepted a sponsor's. */
    const botsTravelled = (events: Recorded[]) => {
      const round = thisRound(events);
      const guests = new Map(round.filter((e) => e.type === "FellowshipOffered").map((e) => [e.id, e.to]));
      return [...botRoles].every((role) => round.some((e) => (e.type === "TravelBooked" && e.role === role) || (e.type === "FellowshipAccepted" && guests.get(e.id) === role)));
    };
    /** Waits until the record shows `what` (the bots act at their own pace; the test waits on what they did, not on time). */
    const waitForRecord = async (what: string, done: (events: Recorded[]) => boolean) => {
      const end = Date.now() + 60_000;
      while (!done(await recorded())) {
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
        await teacher.waitForTimeout(250);
      }
    };

    // The teacher moves the match on once the bots have chosen their trips, and once they have
    // acted at the table in the negotiation; the other phases pass at the teacher's pace.
    for (let round = 0; round < 3; round++) {
      for (const phase of PHASES) {
        if (round === 0 && phase === "briefing") continue;
        // `phase` is the one the click opens; the wait is for the one it closes.
        const before = await phaseOf(teacher);
        if (before === "travel") await waitForRecord(`the bots' trips in round ${round + 1}`, botsTravelled);
        if (before === "negotiation") await waitForRecord(`a bot acting in round ${round + 1}`, (events) => thisRound(events).some(botAct));
        await teacher.getByRole("button", { name: en["host.skip"] }).click();
        await teacher.waitForFunction((b) => window.__e2e?.phase !== b, before, { timeout: 30_000 });
      }
    }
    await teacher.getByRole("button", { name: en["host.skip"] }).click();
    for (const page of [teacher, ...students]) await waitForPhase(page, "ended");
    await saveScreenshot(students[0]!, "bots-class-final", "handset");
    await saveScreenshot(teacher, "bots-class-final-host", "chromebook");

    // The bots acted in every round: statements, tabled options, positions, corridor talk or grants.
    let round = -1;
    const active = new Set<number>();
    for (const e of await recorded()) {
      if (e.type === "RoundOpened") round++;
      if (botAct(e)) active.add(round);
    }
    expect([...active].sort()).toEqual([0, 1, 2]);
    const events = await recorded();
    expect(events.filter((e) => e.type === "DossierDecided")).toHaveLength(3);
  }, 420_000);
});
