// One class, four languages, one match: the teacher and the projector in Spanish, three
// students in Brazilian Portuguese (from the phone's own language), French (chosen on the join
// form) and German (an Austrian phone: same language, another region), bots in the other seats
// at a quick pace. Every screen is photographed on the phones (390×844) and on the projector
// (1920×1080), and each shows its own language where the person looks: the phase, the dossier
// from the scenario's translations, what the bots say in the room, the debrief; the projector
// fits its screen in every phase.
// The teacher's spreadsheet and printable summary come in Spanish, the teacher's language.
import { readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type {} from "../../client/e2e-hooks.js";
import { general as de } from "../../client/text/de/general.js";
import { glossary as frGlossary } from "../../client/text/fr/glossary.js";
import { en } from "../../client/text/en.js";
import { debrief as deDebrief } from "../../client/text/de/debrief.js";
import { general as es } from "../../client/text/es/general.js";
import { debrief as esDebrief } from "../../client/text/es/debrief.js";
import { general as fr } from "../../client/text/fr/general.js";
import { debrief as frDebrief } from "../../client/text/fr/debrief.js";
import { general as pt } from "../../client/text/pt-BR/general.js";
import { debrief as ptDebrief } from "../../client/text/pt-BR/debrief.js";
import { loadScenario } from "../../server/scenarios/index.js";
import { exportsEs } from "../../server/text/es.js";
import { CSV_COLUMNS } from "../../shared/analysis/export.js";
import { chromiumMissingMessage, findChromium, launchChromium, saveScreenshot, screenshotPath, screenSizes, type ScreenSizeName } from "../helpers/browser.js";
import { format } from "../helpers/messages.js";
import { projectorFit } from "./classroom-checks.js";
import { startGameServer, type GameServer } from "./game-server.js";

const chromiumPath = findChromium();
if (!chromiumPath) console.warn(chromiumMissingMessage());

const PHASES = ["briefing", "travel", "negotiation", "decision", "outcome"] as const;
type Phase = (typeof PHASES)[number] | "lobby" | "ended";

interface Speaker {
  /** The language the screen must show. */
  language: "es" | "pt-BR" | "fr" | "de";
  text: Readonly<Record<string, string>>;
  debriefTitle: string;
}
const SPANISH: Speaker = { language: "es", text: es, debriefTitle: esDebrief["debrief.argument.title"] };
const STUDENTS = [
  { nickname: "Ana", locale: "pt-BR", choose: null, speaker: { language: "pt-BR", text: pt, debriefTitle: ptDebrief["debrief.argument.title"] } },
  { nickname: "Bastien", locale: "en-GB", choose: "fr", speaker: { language: "fr", text: fr, debriefTitle: frDebrief["debrief.argument.title"] } },
  { nickname: "Clara", locale: "de-AT", choose: null, speaker: { language: "de", text: de, debriefTitle: deDebrief["debrief.argument.title"] } },
] as const satisfies readonly { nickname: string; locale: string; choose: string | null; speaker: Speaker }[];

const scenario = loadScenario();

describe.skipIf(!chromiumPath)("one match in four languages", () => {
  let server: GameServer;
  let browser: Browser;
  let teacher: Page;
  let projector: Page;
  const phones: { page: Page; speaker: Speaker; nickname: string }[] = [];
  const errors: string[] = [];

  /** A device whose browser prefers `locale` (navigator.languages), at a classroom size. */
  async function device(size: ScreenSizeName, locale: string, who: string): Promise<Page> {
    const screen: { width: number; height: number; deviceScaleFactor?: number } = screenSizes[size];
    const phone = size === "handset" || size === "phone";
    const context = await browser.newContext({ viewport: { width: screen.width, height: screen.height }, deviceScaleFactor: screen.deviceScaleFactor ?? 1, isMobile: phone, hasTouch: phone, locale });
    const page = await context.newPage();
    // Generous: a full-page picture of a long phone page at scale 3 is slow on a loaded machine.
    page.setDefaultTimeout(90_000);
    page.on("pageerror", (error) => errors.push(`${who}: ${error.message}`));
    return page;
  }

  const waitForPhase = (page: Page, phase: Phase) => page.waitForFunction((p) => window.__e2e?.phase === p, phase, { timeout: 60_000 });
  const phaseOf = (page: Page) => page.evaluate(() => window.__e2e?.phase ?? "");

  /** The page is in `speaker`'s language: the html lang, and the phase name in the phase bar while the match runs. */
  async function speaks(page: Page, speaker: Speaker, phase: Phase, label: string): Promise<void> {
    expect(await page.evaluate(() => document.documentElement.lang), label).toBe(speaker.language);
    if (phase === "ended" || phase === "lobby") return;
    await expect(page.getByTestId("phase").first().textContent(), label).resolves.toBe(speaker.text[`phase.${phase}`]);
  }

  /** The dossier of this round as the scenario's translation names it, visible on the page. */
  async function showsDossier(page: Page, speaker: Speaker, round: number, label: string): Promise<void> {
    const dossier = scenario.dossiers[round]!;
    const title = scenario.translations?.[speaker.language]?.dossiers?.[dossier.id]?.title;
    expect(title, `${speaker.language} has a title for dossier ${dossier.id}`).toBeTruthy();
    await expect(page.getByText(title!, { exact: false }).first().isVisible(), label).resolves.toBe(true);
  }

  /** Every way a bot may word a floor statement or remote comment in `speaker`'s language in this round, with the scenario's names in that language. */
  function botStatement(speaker: Speaker, round: number): RegExp {
    const texts = scenario.translations?.[speaker.language];
    const dossier = scenario.dossiers[round]!;
    const escape = (words: string) => words.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const either = (names: string[]) => `(?:${names.map(escape).join("|")})`;
    const options = either(dossier.options.map((o) => texts?.dossiers?.[dossier.id]?.options?.[o.id]?.title ?? o.title));
    const roles = either(scenario.roles.map((r) => texts?.roles?.[r.id]?.name ?? r.name));
    const lines = Object.entries(speaker.text).filter(([key]) => /^bot\.(floor|remote)\./.test(key));
    expect(lines.length, `${speaker.language} words the bots' statements`).toBeGreaterThan(0);
    return new RegExp(`^(?:${lines.map(([, text]) => escape(text).replace(/\\\{option\\\}/g, options).replace(/\\\{(constituency|sponsor)\\\}/g, roles)).join("|")})$`);
  }

  /** A bot's statement on the page, worded in the page's language and on screen where the person looks (a phone scrolls to its feed; the projector never scrolls). */
  async function showsBotStatement(page: Page, selector: string, speaker: Speaker, round: number, label: string, scroll: boolean): Promise<void> {
    const said = page.locator(selector).first();
    await said.waitFor({ state: "visible", timeout: 90_000 });
    if (scroll) await said.scrollIntoViewIfNeeded();
    expect((await said.innerText()).trim(), label).toMatch(botStatement(speaker, round));
    const onScreen = await said.evaluate((el) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight && box.left >= 0 && box.right <= window.innerWidth;
    });
    expect(onScreen, `${label}: the statement is on screen`).toBe(true);
  }

  async function projectorFits(label: string): Promise<void> {
    const fit = await projectorFit(projector, 20);
    expect({ scrolls: fit.scrolls, small: fit.small, outside: fit.outside }, label).toEqual({ scrolls: null, small: [], outside: [] });
  }

  beforeAll(async () => {
    process.env.BOT_PACE = "quick";
    [server, browser] = await Promise.all([startGameServer(inject("clientDir")), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("the teacher sets up in Spanish, chosen with the picker, and the projector follows", async () => {
    teacher = await device("chromebook", "en-US", "teacher");
    await teacher.goto(`${server.url}?e2e=1`);
    // An English laptop: the teacher picks Spanish at the foot of the start page.
    await teacher.getByLabel("Language").selectOption("es");
    await teacher.getByRole("heading", { name: es["landing.student.heading"] }).waitFor();
    // The floating Glossary button lives outside the screens: it follows the picker too.
    await expect(teacher.getByTestId("glossary-button").textContent()).resolves.toBe(es["glossary.open"]);
    await teacher.getByRole("button", { name: es["landing.teacher.start"] }).click();
    await teacher.getByRole("heading", { name: es["setup.heading"] }).waitFor();
    await teacher.getByLabel(es["setup.bots"]).check();
    await teacher.getByLabel(es["setup.timer.custom"]).check();
    for (const phase of PHASES) await teacher.getByLabel(format(es["setup.timerPhase"], { phase: es[`phase.${phase}`] }, "es")).fill("900");
    await saveScreenshot(teacher, "languages-setup-es", "chromebook");
    await teacher.getByRole("button", { name: es["setup.create"] }).click();
    await waitForPhase(teacher, "lobby");
    await speaks(teacher, SPANISH, "lobby", "dashboard");
    const code = ((await teacher.getByTestId("join-code").textContent()) ?? "").trim();

    // The projector is another computer: it knows the teacher's language from the link alone.
    await speaks(teacher, SPANISH, "lobby", "dashboard");
    await teacher.getByRole("heading", { name: es["host.lobbyHeading"] }).waitFor();
    const link = await teacher.getByTestId("projector-link").getAttribute("href");
    await expect(teacher.getByTestId("projector-link").textContent()).resolves.toBe(es["host.projector"]);
    expect(link).toContain("lang=es");
    projector = await device("projector", "en-US", "projector");
    await projector.goto(link!);
    await waitForPhase(projector, "lobby");
    await speaks(projector, SPANISH, "lobby", "projector");
    await projector.getByText(es["projector.join"]).first().waitFor();
    await expect(projector.getByTestId("language-picker").isVisible()).resolves.toBe(false);

    for (const student of STUDENTS) {
      const page = await device("handset", student.locale, student.nickname);
      await page.goto(`${server.url}join/${code}?e2e=1`);
      if (student.choose) await page.getByTestId("language-picker").selectOption(student.choose);
      const text = student.speaker.text;
      // The join form in the student's language, before anything else is done.
      await page.getByLabel(text["landing.student.nicknameLabel"]).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(student.speaker.language);
      await saveScreenshot(page, `languages-join-${student.speaker.language}`, "handset");
      await page.getByLabel(text["landing.student.nicknameLabel"]).fill(student.nickname);
      await page.getByRole("button", { name: text["landing.student.join"], exact: true }).click();
      await waitForPhase(page, "lobby");
      await page.getByText(format(text["lobby.heading"], { nickname: student.nickname }, student.speaker.language)).waitFor();
      await speaks(page, student.speaker, "lobby", `${student.nickname} in the lobby`);
      await saveScreenshot(page, `languages-lobby-${student.speaker.language}`, "handset");
      phones.push({ page, speaker: student.speaker, nickname: student.nickname });
    }
    await projector.getByText("Clara", { exact: true }).first().waitFor();
    await projectorFits("projector, lobby");
    await saveScreenshot(projector, "languages-lobby-es", "projector");
  }, 300_000);

  it("plays every round with each screen in its own language, the scenario's words included", async () => {
    await teacher.getByRole("button", { name: es["host.assignAuto"] }).click();
    for (const { page } of phones) await page.waitForFunction(() => typeof window.__e2e?.role === "string" && window.__e2e.role !== "");
    await teacher.getByRole("button", { name: es["host.start"] }).click();
    for (let round = 0; round < scenario.dossiers.length; round++) {
      for (const phase of PHASES) {
        for (const page of [teacher, projector, ...phones.map((p) => p.page)]) await waitForPhase(page, phase);
        const where = `round ${round + 1}, ${phase}`;
        await speaks(teacher, SPANISH, phase, `dashboard, ${where}`);
        await speaks(projector, SPANISH, phase, `projector, ${where}`);
        await projectorFits(`projector, ${where}`);
        // The projector's phase bar names the dossier; a phone introduces it in the briefing.
        await showsDossier(projector, SPANISH, round, `projector, ${where}`);
        if (round === 0) await saveScreenshot(projector, `languages-${phase}-es`, "projector");
        for (const { page, speaker, nickname } of phones) {
          await speaks(page, speaker, phase, `${nickname}, ${where}`);
          if (phase === "briefing") await showsDossier(page, speaker, round, `${nickname}, ${where}`);
          if (round === 0) await saveScreenshot(page, `languages-${phase}-${speaker.language}`, "handset");
        }
        if (phase === "briefing" && round === 0) {
          // The role card: the role's own name and mandate from the scenario's translation.
          for (const { page, speaker, nickname } of phones) {
            const role = (await page.evaluate(() => window.__e2e?.role ?? "")) as string;
            const texts = scenario.translations?.[speaker.language]?.roles?.[role];
            expect(texts?.name, `${nickname}'s role ${role} is translated`).toBeTruthy();
            const card = page.getByTestId("role-card");
            await expect(card.getByRole("heading", { name: speaker.text["role.card"] }).isVisible(), nickname).resolves.toBe(true);
            await expect(card.innerText(), `${nickname} reads the role card in ${speaker.language}`).resolves.toContain(texts!.mandate!);
          }
        }
        if (phase === "negotiation" && round === 0) {
          // The bots speak in the room: the projector's statements list shows it in Spanish and a
          // German phone's feed in German, each with the option's and delegation's names in its language.
          await showsBotStatement(projector, ".projector-said__text", SPANISH, round, "projector, a bot's statement", false);
          const clara = phones.find((p) => p.nickname === "Clara")!;
          await showsBotStatement(clara.page, ".feed__text", clara.speaker, round, "Clara's phone, a bot's statement", true);
          await saveScreenshot(projector, "languages-bot-statement-es", "projector");
          await saveScreenshot(clara.page, "languages-bot-statement-de", "handset");
        }
        // The teacher moves on; with quick bots the phases close at the teacher's pace.
        const before = await phaseOf(teacher);
        await teacher.getByRole("button", { name: es["host.skip"] }).click();
        await teacher.waitForFunction((b) => window.__e2e?.phase !== b, before, { timeout: 30_000 });
      }
    }
  }, 900_000);

  it("reaches the debrief, each screen in its own language", async () => {
    for (const page of [teacher, projector, ...phones.map((p) => p.page)]) await waitForPhase(page, "ended");
    await projector.getByRole("heading", { name: SPANISH.debriefTitle }).waitFor();
    await speaks(projector, SPANISH, "ended", "projector, debrief");
    await projectorFits("projector, debrief");
    await saveScreenshot(projector, "languages-debrief-es", "projector");
    await saveScreenshot(teacher, "languages-debrief-es", "chromebook");
    for (const { page, speaker, nickname } of phones) {
      await page.getByRole("heading", { name: speaker.debriefTitle }).first().waitFor();
      await speaks(page, speaker, "ended", `${nickname}, debrief`);
      await saveScreenshot(page, `languages-debrief-${speaker.language}`, "handset");
    }
  }, 300_000);

  it("the teacher's spreadsheet and printable summary are in Spanish, the scenario's words too", async () => {
    // The spreadsheet: Spanish headers in the fixed column order, Spanish role names and pseudonyms.
    const [download] = await Promise.all([teacher.waitForEvent("download"), teacher.getByTestId("debrief-csv").click()]);
    const csv = (await readFile((await download.path())!, "utf8")).replace(/^\uFEFF/, "");
    const [header] = csv.split("\r\n");
    expect(header!.split(",")).toEqual(CSV_COLUMNS.map((column) => exportsEs[`export.csv.${column}`]));
    const spanish = scenario.translations!.es!;
    for (const role of scenario.roles) expect(csv).toContain(spanish.roles![role.id]!.name!);
    expect(csv).toContain(format(exportsEs["export.student"], { number: 1 }, "es"));
    expect(csv).not.toContain("Student 1");

    // The printable summary: the page's language, its headings, the dossiers and what happened.
    const [summary] = await Promise.all([teacher.context().waitForEvent("page"), teacher.getByTestId("debrief-summary").click()]);
    await summary.waitForURL(/^blob:/);
    await summary.waitForLoadState();
    expect(await summary.evaluate(() => document.documentElement.lang)).toBe("es");
    await summary.getByRole("heading", { name: exportsEs["export.title"] }).waitFor();
    await expect(summary.getByRole("heading", { name: exportsEs["export.outcomes"] }).isVisible()).resolves.toBe(true);
    await expect(summary.getByRole("heading", { name: esDebrief["debrief.money.title"] }).isVisible()).resolves.toBe(true);
    const text = await summary.locator("body").innerText();
    for (const dossier of scenario.dossiers) expect(text).toContain(spanish.dossiers![dossier.id]!.title!);
    expect(text).toContain(spanish.whatHappened![0]!);
    for (const english of ["What was decided", "Played by", "Follow the money", "What really happened", "Student 1"]) expect(text).not.toContain(english);
    // One A4 page, as it prints; photographed at A4 (96 dpi) with the print stylesheet.
    const pdf = await summary.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true });
    expect(pdf.toString("latin1").match(/\/Type\s*\/Page\b/g)?.length ?? 0).toBe(1);
    await summary.setViewportSize({ width: 794, height: 1123 });
    await summary.emulateMedia({ media: "print" });
    await saveScreenshot(summary, "languages-summary-print-es", "chromebook");
    await summary.close();
    expect(errors).toEqual([]);
  }, 120_000);
});

// The second shipped scenario has its own translations: a French phone reads its role card,
// private notes included, in French, and the glossary's words too.
describe.skipIf(!chromiumPath)("the net-neutrality scenario on a French phone", () => {
  const second = loadScenario("whose-internet-net-neutrality");
  let server: GameServer;
  let browser: Browser;
  const errors: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startGameServer(inject("clientDir")), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows the role card of that scenario in French", async () => {
    const open = async (size: ScreenSizeName, locale: string, who: string) => {
      const screen: { width: number; height: number; deviceScaleFactor?: number } = screenSizes[size];
      const phone = size === "handset";
      const context = await browser.newContext({ viewport: { width: screen.width, height: screen.height }, deviceScaleFactor: screen.deviceScaleFactor ?? 1, isMobile: phone, hasTouch: phone, locale });
      const page = await context.newPage();
      page.setDefaultTimeout(60_000);
      page.on("pageerror", (error) => errors.push(`${who}: ${error.message}`));
      return page;
    };
    const teacher = await open("chromebook", "en-US", "teacher");
    await teacher.goto(`${server.url}?e2e=1`);
    await teacher.getByRole("button", { name: en["landing.teacher.start"] }).click();
    await teacher.getByLabel(en["setup.scenario"], { exact: true }).selectOption(second.id);
    await teacher.getByTestId("scenario-about").filter({ hasText: second.summary }).waitFor();
    await teacher.getByRole("button", { name: en["setup.create"] }).click();
    await teacher.waitForFunction(() => window.__e2e?.phase === "lobby");
    const code = ((await teacher.getByTestId("join-code").textContent()) ?? "").trim();

    const phone = await open("handset", "fr-FR", "phone");
    await phone.goto(`${server.url}join/${code}?e2e=1`);
    await phone.getByLabel(fr["landing.student.nicknameLabel"]).fill("Bastien");
    await phone.getByRole("button", { name: fr["landing.student.join"], exact: true }).click();
    await phone.waitForFunction(() => window.__e2e?.phase === "lobby");
    await teacher.getByText("Bastien", { exact: true }).first().waitFor();
    await teacher.getByRole("button", { name: en["host.assignAuto"] }).click();
    await teacher.getByRole("button", { name: en["host.start"] }).click();
    await phone.waitForFunction(() => window.__e2e?.phase === "briefing");

    const role = (await phone.evaluate(() => window.__e2e?.role ?? "")) as string;
    const texts = second.translations?.fr?.roles?.[role];
    expect(texts?.card, `role ${role} has a French card`).toBeTruthy();
    const card = phone.getByTestId("role-card");
    await card.getByRole("heading", { name: fr["role.card"] }).waitFor();
    const shown = await card.innerText();
    for (const line of [texts!.name!, texts!.card!, texts!.mandate!, ...(texts!.notes ?? [])]) expect(shown, `the role card says, in French: ${line}`).toContain(line);
    const english = second.roles.find((r) => r.id === role)!;
    expect(shown).not.toContain(english.mandate);
    // The card is where the student looks: its mandate on screen once scrolled to, nothing wider than the phone.
    await card.getByText(texts!.mandate!, { exact: false }).first().scrollIntoViewIfNeeded();
    await expect(card.getByText(texts!.mandate!, { exact: false }).first().isVisible()).resolves.toBe(true);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await saveScreenshot(phone, "languages-net-neutrality-briefing-fr", "handset");
    // And the phone's screen as the student sees it, scrolled to the mandate and the private notes: a picture of the viewport.
    await card.getByRole("heading", { name: fr["role.mandate"] }).evaluate((heading) => heading.scrollIntoView({ block: "center" }));
    await phone.screenshot({ path: screenshotPath("languages-net-neutrality-role-card-fr", "handset") });

    // The glossary explains the game's words in French.
    await phone.getByTestId("glossary-button").click();
    const glossary = phone.getByTestId("glossary");
    await glossary.getByText(frGlossary["glossary.meaning.rough-consensus"]).waitFor();
    await expect(glossary.getByText(frGlossary["glossary.term.rough-consensus"], { exact: true }).isVisible()).resolves.toBe(true);
    await saveScreenshot(phone, "languages-net-neutrality-glossary-fr", "handset");
    expect(errors).toEqual([]);
  }, 300_000);
});
