// The lesson around the game, in real Chromium against the real server: the setup page shows
// every lesson plan with its length and contents before the teacher picks one (the figures
// recomputed here from the engine's own plans and the scenario on the server), and each
// decision rule with one line and an example.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Client, type Room } from "@colyseus/sdk";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { en } from "../../client/text/en.js";
import { debriefCards } from "../../client/debrief/parts.js";
import { debriefEn } from "../../client/text/debrief-en.js";
import { loadScenario } from "../../server/scenarios/index.js";
import { LESSON_PLANS, PLAN_IDS, planTiming, readingSeconds } from "../../shared/rules/lesson-plans.js";
import { chromiumMissingMessage, findChromium, findSeriousAxeViolations, launchChromium, openPage, saveScreenshot, screenshotDir, type ScreenSizeName } from "../helpers/browser.js";
import { follow, viewOf } from "../helpers/sync-client.js";
import { projectorFit } from "./classroom-checks.js";
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

/** Polls a condition on state that arrives over the network, with a limit (never a fixed sleep). */
async function until<T>(what: string, fn: () => T | undefined | false, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = fn();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error(`Waited ${ms} ms for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The debrief card and part a screen shows, once its evidence has arrived. */
/** (A busy machine may take a while: the dashboard loads the table, the server analyses the record.) */
async function shown(page: Page, card: string, part: number): Promise<void> {
  await page.locator(`[data-testid="debrief"][data-card="${card}"][data-part="${part}"] [data-testid="debrief-body"]`).first().waitFor({ timeout: 60_000 });
}

// These matches have one table: their full debrief has no "tables compared" card.
const ONE_TABLE_CARDS = debriefCards("all", 1).length;

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

  const pageErrors: string[] = [];

  async function open(size: ScreenSizeName, where = "", hash = ""): Promise<Page> {
    const { page } = await openPage(browser, size);
    page.setDefaultTimeout(30_000);
    page.on("pageerror", (error) => pageErrors.push(`${where}: ${error.message}`));
    pages.push(page);
    await page.goto(`${server.url}${where}${where.includes("?") ? "&" : "?"}e2e=1${hash}`);
    return page;
  }

  /** A match opened over HTTP as a teacher's browser would, with its teacher token. */
  async function createMatch(settings: Record<string, unknown>): Promise<{ code: string; token: string }> {
    const response = await fetch(`${server.url}api/matches`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ settings }) });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { code: string; teacherToken: string };
    return { code: body.code, token: body.teacherToken };
  }

  /** Pages in a PDF made by Chromium: its page objects ("/Type /Page", not "/Pages"). */
  const pdfPages = (pdf: Buffer) => pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
  const pdfDir = path.join(screenshotDir, "..", "printables");

  it("the setup page shows each plan's total length and contents, computed for the chosen scenario", async () => {
    const teacher = await open("chromebook", "setup");
    await teacher.getByRole("heading", { name: en["setup.heading"] }).waitFor();
    const scenario = loadScenario();
    const facts = { rounds: scenario.dossiers.length, reading: readingSeconds(scenario), allCards: ONE_TABLE_CARDS };
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
    // Each rule: its name, one line on what it does in the chosen scenario (tests/e2e/scenarios
    // checks the scenario's houses and blocs in it), and an example.
    for (const rule of ["R1", "R2", "R3", "R4"] as const) {
      const explained = teacher.locator(`#rule-explain-${rule}`);
      expect(await explained.isVisible()).toBe(true);
      const text = (await explained.textContent()) ?? "";
      expect(text.endsWith(` ${en[`rule.example.${rule}`]}`), text).toBe(true);
      expect(text.length).toBeGreaterThan(en[`rule.example.${rule}`].length + 40);
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
    // The plans and the rules' explanations follow the scenarios from the server.
    await phone.getByTestId("plan-two-lessons").getByText(/^Play .* = /).waitFor();
    await phone.locator("#rule-explain-R2").waitFor();
    expect(await phone.locator("#rule-explain-R2").isVisible()).toBe(true);
    await saveScreenshot(phone, "lesson-setup-plans", "handset");
  });

  it("role cards print from the browser, two to an A4 page, what only each role knows boxed; only the match's teacher gets them", async () => {
    const scenario = loadScenario();
    const { code, token } = await createMatch({ classLabel: "9A", timerPreset: "two-lessons" });
    // A browser without the teacher token gets a reason, and no card.
    const stranger = await open("chromebook", `print/${code}?part=roles`);
    await stranger.getByRole("alert").waitFor();
    expect(await stranger.getByTestId("role-cards").count()).toBe(0);
    const teacher = await open("chromebook", `print/${code}?part=roles`, `#token=${encodeURIComponent(token)}`);
    await teacher.getByTestId("role-cards").waitFor();
    expect(await teacher.locator(".role-print").count()).toBe(scenario.roles.length);
    for (const role of scenario.roles) {
      const card = teacher.getByTestId(`role-print-${role.id}`);
      expect(await card.getByRole("heading", { level: 2 }).textContent()).toContain(role.name);
      expect(await card.textContent()).toContain(role.mandate);
      // What only this role knows sits in the marked box, and nowhere else on its card.
      if (role.knowledge.notes.length) {
        const secret = card.getByTestId("role-secret");
        expect(await secret.textContent()).toContain(en["print.secretHeading"]);
        for (const note of role.knowledge.notes) expect(await secret.textContent()).toContain(note);
      }
    }
    await saveScreenshot(teacher, "lesson-role-cards", "chromebook");
    await teacher.emulateMedia({ media: "print" });
    // Each card is half the printable height of an A4 page (277 mm), and nothing on it is cut off.
    const boxes = await teacher.locator(".role-print").evaluateAll((cards) => cards.map((c) => ({ height: c.getBoundingClientRect().height, cut: c.scrollHeight > c.clientHeight + 1, id: c.getAttribute("data-key") })));
    const halfPage = (277 / 2 / 25.4) * 96;
    for (const box of boxes) {
      expect(Math.abs(box.height - halfPage), `${box.id} height`).toBeLessThan(2);
      expect(box.cut, `${box.id} is cut off`).toBe(false);
    }
    const pdf = await teacher.pdf({ preferCSSPageSize: true, printBackground: true });
    await mkdir(pdfDir, { recursive: true });
    await writeFile(path.join(pdfDir, "role-cards.pdf"), pdf);
    expect(pdfPages(pdf)).toBe(Math.ceil(scenario.roles.length / 2));

    // In the teacher's language, from the picker: the scenario's translation, still two cards to a page.
    await teacher.emulateMedia({ media: "screen" });
    for (const language of ["de", "fr"] as const) {
      const texts = scenario.translations![language]!.roles!;
      await teacher.getByTestId("language-picker").selectOption(language);
      const first = scenario.roles[0]!;
      await teacher.getByTestId(`role-print-${first.id}`).getByRole("heading", { level: 2, name: texts[first.id]!.name! }).waitFor();
      for (const role of scenario.roles) {
        const card = teacher.getByTestId(`role-print-${role.id}`);
        expect(await card.textContent(), `${role.id} in ${language}`).toContain(texts[role.id]!.mandate!);
        if (role.knowledge.notes.length) expect(await card.getByTestId("role-secret").textContent()).toContain(texts[role.id]!.notes![0]!);
      }
      await teacher.emulateMedia({ media: "print" });
      const fits = await teacher.locator(".role-print").evaluateAll((cards) => cards.map((c) => ({ height: c.getBoundingClientRect().height, cut: c.scrollHeight > c.clientHeight + 1, id: c.getAttribute("data-key") })));
      for (const box of fits) {
        expect(Math.abs(box.height - halfPage), `${box.id} height in ${language}`).toBeLessThan(2);
        expect(box.cut, `${box.id} is cut off in ${language}`).toBe(false);
      }
      expect(pdfPages(await teacher.pdf({ preferCSSPageSize: true, printBackground: true })), language).toBe(Math.ceil(scenario.roles.length / 2));
      await saveScreenshot(teacher, `lesson-role-cards-print-${language}`, "chromebook");
      await teacher.emulateMedia({ media: "screen" });
    }
  });

  it("the teacher's guide prints whole: objectives, the argument with its source, the plan's timing, what to say, debrief questions, what happened, a glossary", async () => {
    const scenario = loadScenario();
    const lesson = scenario.lesson!;
    const { code, token } = await createMatch({ classLabel: "9A", timerPreset: "two-lessons" });
    const teacher = await open("chromebook", `print/${code}?part=guide`, `#token=${encodeURIComponent(token)}`);
    const guide = teacher.getByTestId("guide");
    await guide.waitFor();
    const text = async (id: string) => (await teacher.getByTestId(`guide-${id}`).textContent()) ?? "";
    for (const objective of lesson.objectives) expect(await text("objectives")).toContain(objective);
    for (const sentence of lesson.argument) expect(await text("argument")).toContain(sentence);
    expect(await text("argument")).toContain(scenario.source);
    const timing = planTiming(LESSON_PLANS["two-lessons"], { rounds: scenario.dossiers.length, reading: readingSeconds(scenario), allCards: ONE_TABLE_CARDS });
    expect(await text("timing")).toContain(en["setup.timer.two-lessons"]);
    expect(await text("timing")).toContain("Lesson 2 (45 min):");
    expect(await text("timing")).toContain(`${timing.rounds} rounds of ${duration(timing.roundSeconds)} = ${duration(timing.playSeconds)} of play`);
    expect(await teacher.getByTestId("guide-script").locator("dt").count()).toBe(7);
    expect(await text("debrief")).toContain(debriefEn["debrief.outcomes.q1"]);
    for (const line of scenario.whatHappened) expect(await text("history")).toContain(line);
    for (const entry of lesson.glossary) expect(await text("glossary")).toContain(entry.meaning);
    await saveScreenshot(teacher, "lesson-guide", "chromebook");
    await teacher.emulateMedia({ media: "print" });
    // Nothing is cut off: no element of the guide is narrower or shorter than its content, and none clips it.
    const cut = await guide.evaluate((root) =>
      [root, ...root.querySelectorAll("*")].filter((e) => {
        const style = getComputedStyle(e);
        return e.scrollWidth > e.clientWidth + 1 || (style.overflow !== "visible" && e.scrollHeight > e.clientHeight + 1);
      }).map((e) => `${e.tagName}.${e.className}: ${(e.textContent ?? "").slice(0, 40)}`),
    );
    expect(cut).toEqual([]);
    expect(await teacher.getByTestId("role-cards").isVisible()).toBe(false);
    const pdf = await teacher.pdf({ preferCSSPageSize: true, printBackground: true });
    await mkdir(pdfDir, { recursive: true });
    await writeFile(path.join(pdfDir, "teachers-guide.pdf"), pdf);
    expect(pdfPages(pdf)).toBeGreaterThanOrEqual(2);
    expect(pdfPages(pdf)).toBeLessThanOrEqual(8);
  });

  it("the glossary opens from the start page on a phone and from the projector, where it fits one screen", async () => {
    const { code } = await createMatch({ classLabel: "9A" });
    const scenario = loadScenario();
    // The start page (a phone), the projector, and the setup page all have the button.
    const phone = await open("handset", "");
    await phone.getByTestId("glossary-button").click();
    const dialog = phone.getByTestId("glossary");
    await dialog.getByText("IANA", { exact: true }).waitFor();
    expect(await dialog.getByText(en["glossary.game"]).isVisible()).toBe(true);
    await saveScreenshot(phone, "lesson-glossary", "handset");
    await dialog.getByRole("button", { name: en["glossary.close"] }).click();
    expect(await dialog.isVisible()).toBe(false);

    const projector = await open("projector", `projector/${code}`);
    await projector.locator('.game-screen[data-screen="projector"]').waitFor();
    await projector.getByTestId("glossary-button").click();
    const big = projector.getByTestId("glossary");
    await big.getByText(scenario.lesson!.glossary[0]!.term, { exact: true }).waitFor();
    const fit = await projectorFit(projector, 20);
    expect(fit).toEqual({ scrolls: null, small: [], outside: [] });
    await saveScreenshot(projector, "lesson-glossary", "projector");
    expect(pageErrors).toEqual([]);
  });

  it("a two-lesson match: played in one lesson, debriefed in the next from the matches list, the teacher stepping the cards on the projector", async () => {
    const scenario = loadScenario();
    const lesson = scenario.lesson!;
    // The same data folder for both lessons; a new server process for the second, as on another day.
    const dataDir = await mkdtemp(path.join(tmpdir(), "rough-consensus-lessons-"));
    const env = { DATA_DIR: dataDir, BOT_PACE: "instant" };
    let code = "";
    let token = "";
    const first = await startGameServer(inject("clientDir"), { env });
    const rooms: Room[] = [];
    try {
      const created = await fetch(`${first.url}api/matches`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ settings: { classLabel: "10C", timerPreset: "two-lessons", bots: true } }) });
      ({ code, teacherToken: token } = (await created.json()) as { code: string; teacherToken: string });
      const teacherRoom = follow(await new Client(first.url.replace(/\/$/, "")).joinById(code, { as: "teacher", teacherToken: token }));
      rooms.push(teacherRoom);
      const act = async (intent: object) => {
        const reply = (await teacherRoom.request("command", intent)) as { ok: boolean; message?: string };
        if (!reply.ok) throw new Error(`${JSON.stringify(intent)}: ${reply.message}`);
      };
      const { page: phone } = await openPage(browser, "handset");
      pages.push(phone);
      phone.setDefaultTimeout(30_000);
      await phone.goto(`${first.url}join/${code}?e2e=1`);
      await phone.getByLabel(en["landing.student.nicknameLabel"]).fill("Noor");
      await phone.getByRole("button", { name: en["landing.student.join"], exact: true }).click();
      await phone.waitForFunction(() => window.__e2e?.phase === "lobby");
      const { page: projector } = await openPage(browser, "projector");
      pages.push(projector);
      projector.setDefaultTimeout(30_000);
      await projector.goto(`${first.url}projector/${code}?e2e=1`);
      const noor = await until("Noor in the lobby", () => viewOf(teacherRoom).players.find((p) => p.nickname === "Noor")?.id);
      await act({ type: "AssignRole", player: noor, table: 0, role: "CS-S" });
      await act({ type: "StartMatch" });
      await until("the briefing", () => viewOf(teacherRoom).phase === "briefing");
      // A term in the question on the big screen opens the glossary at that term.
      const term = projector.locator(".projector-question .term", { hasText: "IANA" });
      await term.waitFor({ state: "attached" });
      await saveScreenshot(projector, "lesson-briefing-terms", "projector");
      await term.click();
      const entry = projector.locator("#glossary-iana");
      await entry.waitFor();
      expect(await entry.getAttribute("class")).toContain("glossary__entry--shown");
      expect(await entry.textContent()).toContain(lesson.glossary.find((g) => g.term === "IANA")!.meaning);
      await projector.getByTestId("glossary").getByRole("button", { name: en["glossary.close"] }).click();
      // While the class reads, the big screen says how this table decides, with an example; it still fits.
      const rules = projector.getByTestId("projector-rules");
      expect(await rules.innerText()).toContain(en["rule.explain.R1"]);
      expect(await rules.innerText()).toContain(en["rule.example.R1"]);
      expect(await projectorFit(projector, 20)).toEqual({ scrolls: null, small: [], outside: [] });
      await saveScreenshot(projector, "lesson-rules", "projector");
      // The teacher moves the match on, phase by phase, to its end; the bots play the empty seats.
      for (let i = 0; i < 20 && viewOf(teacherRoom).status !== "ended"; i++) {
        const before = `${viewOf(teacherRoom).status}/${viewOf(teacherRoom).round}/${viewOf(teacherRoom).phase}`;
        await act({ type: "AdvancePhase" });
        await until(`the step after ${before}`, () => `${viewOf(teacherRoom).status}/${viewOf(teacherRoom).round}/${viewOf(teacherRoom).phase}` !== before);
      }
      expect(viewOf(teacherRoom).status).toBe("ended");
      // The debrief opens on "The argument": the essay's claim in the scenario's words, with its source.
      await Promise.all([shown(projector, "argument", 0), shown(phone, "argument", 0)]);
      for (const page of [projector, phone]) {
        const argument = page.getByTestId("debrief-argument");
        expect(await argument.isVisible()).toBe(true);
        for (const sentence of lesson.argument) expect((await argument.innerText()).replace(/\s+/g, " ")).toContain(sentence);
        expect(await argument.innerText()).toContain(scenario.source);
      }
      expect(await projectorFit(projector, 20)).toEqual({ scrolls: null, small: [], outside: [] });
      await saveScreenshot(projector, "lesson-argument", "projector");
      await saveScreenshot(phone, "lesson-argument", "handset");
    } finally {
      await Promise.allSettled(rooms.map((r) => r.leave(true)));
      await first.stop();
    }

    // The next lesson: the room is gone with the old process; the recorded matches reopen it.
    const second = await startGameServer(inject("clientDir"), { env });
    try {
      const { page: teacher } = await openPage(browser, "chromebook");
      pages.push(teacher);
      teacher.setDefaultTimeout(30_000);
      await teacher.goto(`${second.url}matches?e2e=1#token=${encodeURIComponent(token)}`);
      await teacher.getByRole("button", { name: en["matches.debriefFor"].replace("{code}", code) }).click();
      // The dashboard opens at once; its table and debrief load after (so not the page's "load" event).
      const refused = teacher.getByTestId("matches-notice");
      await Promise.race([
        teacher.waitForURL(new RegExp(`/teacher/${code}`), { waitUntil: "commit" }),
        refused.waitFor().then(async () => {
          throw new Error(`The matches page refused: ${await refused.textContent()}\n${second.output().slice(-2000)}`);
        }),
      ]);
      await shown(teacher, "argument", 0).catch(async (error: unknown) => {
        await teacher.screenshot({ path: path.join(pdfDir, "..", "lesson-debrief-later-failure.png") });
        throw new Error(`${String(error)}\n${await teacher.locator("body").innerText()}\n${second.output().slice(-1500)}`);
      });
      const { page: projector } = await openPage(browser, "projector");
      pages.push(projector);
      projector.setDefaultTimeout(30_000);
      await projector.goto(`${second.url}projector/${code}?e2e=1`);
      await shown(projector, "argument", 0);
      expect(await projectorFit(projector, 20)).toEqual({ scrolls: null, small: [], outside: [] });
      // The teacher steps: the questions of the first card, then the next card; the projector follows each step.
      await teacher.getByTestId("debrief-next").click();
      await shown(projector, "argument", 1);
      expect(await projector.locator(".debrief__questions").innerText()).toContain(debriefEn["debrief.argument.q1"]);
      await teacher.getByTestId("debrief-next").click();
      await shown(projector, "outcomes", 0);
      expect(await projector.locator("#debrief-card-title").textContent()).toBe(debriefEn["debrief.outcomes.title"]);
      expect(await projectorFit(projector, 20)).toEqual({ scrolls: null, small: [], outside: [] });
      await teacher.getByTestId("debrief-previous").click();
      await shown(projector, "argument", 1);
      await saveScreenshot(projector, "lesson-debrief-later", "projector");
      await saveScreenshot(teacher, "lesson-debrief-later", "chromebook");
    } finally {
      await second.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
    expect(pageErrors).toEqual([]);
  }, 300_000);
});
