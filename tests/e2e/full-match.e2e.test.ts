// A whole lesson in real browsers against the real server: a teacher opens a match from the
// setup form, nine students join by link on their own devices (separate browser contexts),
// the projector follows; they play the first dossier through every phase by the UI alone,
// one student reloads mid-negotiation and is back in the same seat, the teacher runs the
// clock to the final scores. The projector must never show a secret at any point, and it fits
// 1920×1080 and 1280×720 in every phase; the teacher's dashboard (a mirrored laptop) shows no
// secret until the teacher reveals it.
import { readFileSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
// The type import also brings in the declaration of window.__e2e.
import type {} from "../../client/e2e-hooks.js";
import { en } from "../../client/text/en.js";
import { rejectionsEn } from "../../client/text/rejections-en.js";
import {
  chromiumMissingMessage,
  findChromium,
  findSeriousAxeViolations,
  launchChromium,
  openPage,
  saveScreenshot,
  type ScreenSizeName,
  screenSizes,
} from "../helpers/browser.js";
import { fitAfterResize, fitRightAfterResize, visibleText } from "./classroom-checks.js";
import { startGameServer, type GameServer } from "./game-server.js";

const chromiumPath = findChromium();
if (!chromiumPath) console.warn(chromiumMissingMessage());

interface ScenarioFile {
  roles: { id: string; name: string; knowledge?: { notes?: string[] } }[];
}
const scenario = JSON.parse(readFileSync(new URL("../../server/scenarios/who-runs-the-internet-2014.json", import.meta.url), "utf8")) as ScenarioFile;
const roleName = (id: string) => scenario.roles.find((r) => r.id === id)?.name ?? id;

const corridorText = "Glad you could come. A2 keeps things stable.";
const grantNote = "For your digital inclusion plan";
const fellowshipNote = "We would love to hear from you.";
/** Text that only some devices may see: briefing notes, corridor talk, fellowship and grant notes. */
const secrets = [...scenario.roles.flatMap((r) => r.knowledge?.notes ?? []), "Your accountants know", corridorText, grantNote, fellowshipNote];

interface Seat {
  page: Page;
  context: BrowserContext;
  size: ScreenSizeName;
  nickname: string;
  errors: string[];
}

const phaseTimeout = 60_000;

async function waitForPhase(page: Page, phase: string): Promise<void> {
  await page.waitForFunction((p) => window.__e2e?.phase === p, phase, { timeout: phaseTimeout });
}

describe.skipIf(!chromiumPath)("a full match with a teacher, nine students and a projector", () => {
  let server: GameServer;
  let browser: Browser;
  let teacher: Page;
  let projector: Page;
  let code = "";
  const students: Seat[] = [];
  const byRole = new Map<string, Seat>();
  const pageErrors: string[] = [];

  const seat = (role: string): Seat => {
    const found = byRole.get(role);
    if (!found) throw new Error(`nobody plays ${role}`);
    return found;
  };
  /** A phone-sized student, for phone screenshots. */
  const phoneSeat = (preferred: string): Seat => (seat(preferred).size !== "chromebook" ? seat(preferred) : (students.find((s) => s.size === "handset") as Seat));

  async function open(size: ScreenSizeName, path: string, label: string, options: { reducedMotion?: boolean } = {}) {
    const { context, page } = await openPage(browser, size, options);
    page.setDefaultTimeout(30_000);
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(`${label}: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`${label}: ${message.text()}`);
    });
    await page.goto(`${server.url}${path}${path.includes("?") ? "&" : "?"}e2e=1`);
    return { context, page, errors };
  }

  async function everyoneIn(phase: string): Promise<void> {
    await Promise.all([teacher, projector, ...students.map((s) => s.page)].map((page) => waitForPhase(page, phase)));
  }

  async function nextPhase(phase: string): Promise<void> {
    await teacher.getByRole("button", { name: en["host.skip"] }).click();
    await everyoneIn(phase);
  }

  /** The projector shows no secret: no briefing note, corridor text, private note or payoff table. */
  async function expectProjectorKeepsSecrets(when: string): Promise<void> {
    const text = await projector.evaluate(() => document.body.innerText + " " + document.body.textContent);
    for (const secret of secrets) expect(text.includes(secret), `projector shows "${secret}" during ${when}`).toBe(false);
    expect(await projector.locator(".payoffs, .teacher-only, .private").count(), `private panels on the projector during ${when}`).toBe(0);
  }

  /**
   * The projector fits 1920×1080 with no text under 20 px, and 1280×720, without scrolling;
   * a screenshot of each. The page is resized, so the same screen is measured at both sizes.
   */
  async function expectProjectorFits(name: string): Promise<void> {
    for (const size of ["projector-720", "projector"] as const) {
      const fit = await fitAfterResize(projector, screenSizes[size], size === "projector" ? 20 : 0);
      await saveScreenshot(projector, name, size);
      expect(fit, `${name} at ${size}`).toEqual({ scrolls: null, small: [], outside: [] });
    }
  }

  /** The teacher's laptop may be mirrored: no secret in the dashboard's default state. */
  async function expectDashboardKeepsSecrets(when: string): Promise<void> {
    const text = await visibleText(teacher);
    for (const secret of secrets) expect(text.includes(secret), `dashboard shows "${secret}" during ${when}`).toBe(false);
    expect(await teacher.locator(".payoffs").count(), `payoff table on the dashboard during ${when}`).toBe(0);
  }

  async function expectNoSeriousAxe(page: Page, name: string): Promise<void> {
    const violations = await findSeriousAxeViolations(page);
    expect(violations, `${name}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startGameServer(inject("clientDir")), launchChromium()]);
  });

  afterEach(async (context) => {
    if (context.task.result?.state !== "fail") return;
    // Leave a picture of every screen for whoever reads the failure.
    const name = `failed-${context.task.name.slice(0, 30).replace(/\W+/g, "-")}`;
    await Promise.all([
      teacher && saveScreenshot(teacher, `${name}-teacher`, "chromebook"),
      projector && saveScreenshot(projector, `${name}-projector`, "projector"),
      ...students.filter(Boolean).map((s, i) => saveScreenshot(s.page, `${name}-student${i + 1}`, s.size)),
    ]).catch(() => undefined);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("lets a teacher open a match from the setup form", async () => {
    const opened = await open("chromebook", "", "teacher");
    teacher = opened.page;
    pageErrors.push(...opened.errors);
    teacher.on("pageerror", (error) => pageErrors.push(`teacher: ${error.message}`));
    await teacher.getByRole("button", { name: en["landing.teacher.start"] }).click();
    await teacher.getByRole("heading", { name: en["setup.heading"] }).waitFor();
    // Long custom clocks: the teacher moves the match on, not a slow test machine.
    await teacher.getByLabel(en["setup.timer.custom"]).check();
    for (const phase of ["briefing", "travel", "negotiation", "decision", "outcome"] as const) {
      await teacher.getByLabel(en["setup.timerPhase"].replace("{phase}", en[`phase.${phase}`])).fill("900");
    }
    await saveScreenshot(teacher, "setup", "chromebook");
    await teacher.getByRole("button", { name: en["setup.create"] }).click();
    await waitForPhase(teacher, "lobby");
    code = ((await teacher.getByTestId("join-code").textContent()) ?? "").trim();
    expect(code).toMatch(/^[A-Z0-9]{4,8}$/);
    // The QR code is drawn once its image is made: wait for it rather than look at one instant.
    await teacher.getByRole("img", { name: en["host.qr"].replace("{code}", code) }).waitFor();

    // The projector runs from a school laptop with animations turned off (prefers-reduced-motion):
    // it must fit its screen all the same, with no animation's re-renders to refit it after a
    // resize (the 720 → 1080 switch in expectProjectorFits once left its text at 17.7 px).
    const big = await open("projector", `projector/${code}`, "projector", { reducedMotion: true });
    projector = big.page;
    projector.on("pageerror", (error) => pageErrors.push(`projector: ${error.message}`));
    await waitForPhase(projector, "lobby");
  }, 120_000);

  it("lets nine students join by link with a nickname", async () => {
    for (let batch = 0; batch < 9; batch += 3) {
      await Promise.all(
        [0, 1, 2].map(async (offset) => {
          const index = batch + offset;
          // A Chromebook, three phones at their real density (390×844 at scale 3), five small phones.
          const size: ScreenSizeName = index === 0 ? "chromebook" : index <= 3 ? "handset" : "phone";
          const { context, page, errors } = await open(size, `join/${code}`, `student ${index + 1}`);
          const nickname = `Student ${index + 1}`;
          await page.getByLabel(en["landing.student.nicknameLabel"]).fill(nickname);
          if (index === 1) {
            expect(await page.getByLabel(en["landing.student.codeLabel"]).inputValue()).toBe(code);
            await expectNoSeriousAxe(page, "join form");
            await saveScreenshot(page, "join", "handset");
          }
          await page.getByRole("button", { name: en["landing.student.join"], exact: true }).click();
          await waitForPhase(page, "lobby");
          students[index] = { page, context, size, nickname, errors };
        }),
      );
    }
    await saveScreenshot(students[1]!.page, "lobby", "handset");
    await projector.getByText("Student 9").waitFor();
    await expectProjectorFits("lobby");
    // The page opened on the laptop's smaller screen, then moved to the projector: the lobby
    // needs a smaller type scale at 720 lines, and is back at its full size as soon as the
    // window is 1080 lines tall — not one notch per render, which left the text small for
    // seconds on a projector with nothing animating.
    expect(await fitRightAfterResize(projector, screenSizes["projector-720"])).toBeLessThan(1);
    expect(await fitRightAfterResize(projector, screenSizes.projector)).toBe(1);
    await teacher.getByText("Student 9").waitFor();
    await saveScreenshot(teacher, "host-lobby", "chromebook");
    await expectProjectorKeepsSecrets("the lobby");
  }, 180_000);

  it("deals roles, starts, and shows each student a private role card", async () => {
    await teacher.getByRole("button", { name: en["host.assignAuto"] }).click();
    for (const s of students) await s.page.waitForFunction(() => typeof window.__e2e?.role === "string" && window.__e2e.role !== "");
    for (const s of students) byRole.set((await s.page.evaluate(() => window.__e2e?.role)) as string, s);
    expect([...byRole.keys()].sort()).toEqual(scenario.roles.map((r) => r.id).sort());

    await teacher.getByRole("button", { name: en["host.start"] }).click();
    await everyoneIn("briefing");
    const ldc = phoneSeat("LDC");
    await ldc.page.getByTestId("role-card").waitFor();
    await saveScreenshot(ldc.page, "briefing-role-card", ldc.size);
    await saveScreenshot(seat("TECH").page, "briefing-tech", seat("TECH").size);
    await expectProjectorFits("briefing");
    await saveScreenshot(teacher, "host-briefing", "chromebook");
    await expectDashboardKeepsSecrets("the briefing");
    await expectNoSeriousAxe(ldc.page, "role card");
    // Each card carries its own notes and nobody else's.
    const techNote = scenario.roles.find((r) => r.id === "TECH")?.knowledge?.notes?.[0] ?? "";
    expect(await seat("TECH").page.getByText(techNote).count()).toBe(1);
    expect(await seat("LDC").page.getByText(techNote).count()).toBe(0);
    await expectProjectorKeepsSecrets("the briefing");
  }, 180_000);

  it("runs travel: trips, a refusal shown beside its button, fellowships offered and accepted", async () => {
    await nextPhase("travel");
    const travelStatus = (role: string) => seat(role).page.getByTestId("travel-status");

    // CS-S cannot pay for itself: no "Go in person" to press, and the reason in its place.
    await seat("CS-S").page.getByText(en["travel.needSponsor"]).waitFor();
    expect(await seat("CS-S").page.getByRole("button", { name: en["travel.inPerson"] }).count()).toBe(0);

    await seat("TECH").page.getByLabel(en["travel.delegates"]).selectOption("2");
    await seat("TECH").page.getByRole("button", { name: en["travel.inPerson"] }).click();
    await travelStatus("TECH").getByText("in person").waitFor();
    const techOffer = seat("TECH").page.locator('form[data-control="offer"]');
    // Soft fellowships (this match's setting) write no strings down: no expected option to name.
    expect(await techOffer.getByLabel(en["travel.offerExpects"]).count()).toBe(0);
    await techOffer.getByLabel(en["travel.offerTo"]).selectOption("LDC");
    await techOffer.getByLabel(en["travel.offerNote"]).fill(fellowshipNote);
    await techOffer.getByRole("button", { name: en["travel.offerSend"] }).click();

    const accept = seat("LDC").page.getByRole("button", { name: en["travel.accept"].replace("{sponsor}", roleName("TECH")) });
    await accept.waitFor();
    await saveScreenshot(phoneSeat("LDC").page, "travel-offer", phoneSeat("LDC").size);
    expect(await seat("LDC").page.getByText(en["travel.expects"].split(":")[0]!).count()).toBe(0);
    await accept.click();
    await travelStatus("LDC").getByText("in person").waitFor();

    const dnsOffer = seat("DNS").page.locator('form[data-control="offer"]');
    await dnsOffer.getByLabel(en["travel.offerTo"]).selectOption("CS-S");
    await dnsOffer.getByLabel(en["travel.programme"]).check();
    await dnsOffer.getByRole("button", { name: en["travel.offerSend"] }).click();
    await seat("CS-S").page.getByRole("button", { name: en["travel.accept"].replace("{sponsor}", roleName("DNS")) }).click();
    await travelStatus("CS-S").getByText("in person").waitFor();

    for (const role of ["USG", "EU", "DNS", "NGO-N", "EMG"]) {
      await seat(role).page.getByRole("button", { name: en["travel.inPerson"] }).click();
      await travelStatus(role).getByText("in person").waitFor();
    }
    await seat("IP").page.getByRole("button", { name: en["travel.remote"] }).click();
    await travelStatus("IP").getByText("remotely").waitFor();

    await saveScreenshot(phoneSeat("EMG").page, "travel", phoneSeat("EMG").size);
    await expectProjectorFits("travel");
    await saveScreenshot(teacher, "host-travel", "chromebook");
    await expectProjectorKeepsSecrets("travel");
    await expectDashboardKeepsSecrets("travel");
  }, 180_000);

  it("runs the negotiation at the table: tabling, corridor talk, grants, statements, comments", async () => {
    await nextPhase("negotiation");
    await Promise.all([projector, ...students.map((s) => s.page)].map((page) => page.waitForFunction(() => window.__e2e?.ready === true, undefined, { timeout: 90_000 })));

    /** Opens one of the negotiation's actions on a student's screen. */
    const openTab = (role: string, tab: "speak" | "comment" | "corridor" | "table" | "grant") => seat(role).page.getByRole("button", { name: en[`negotiation.tab.${tab}`], exact: true }).click();
    const tableIt = async (role: string, option: string) => {
      await openTab(role, "table");
      const form = seat(role).page.locator('form[data-control="table-option"]');
      await form.getByLabel(en["negotiation.tableOption"]).selectOption(option);
      await form.getByRole("button", { name: en["negotiation.tableSend"] }).click();
    };
    await tableIt("TECH", "A2");
    await seat("TECH").page.locator(".tabled").getByText("A2").first().waitFor();
    await tableIt("EMG", "A3");
    await seat("EMG").page.locator(".tabled").getByText("A3").first().waitFor();
    // A grant bigger than the purse is refused in plain words, next to the form.
    await openTab("NGO-N", "grant");
    const tooBig = seat("NGO-N").page.locator('form[data-control="grant"]');
    await tooBig.getByLabel(en["negotiation.grantAmount"], { exact: true }).fill("50");
    await tooBig.getByRole("button", { name: en["negotiation.grantSend"] }).click();
    await tooBig.locator(".error").getByText(rejectionsEn["rejection.not-enough-tokens"]).waitFor();

    await openTab("TECH", "corridor");
    const corridor = seat("TECH").page.locator('form[data-control="corridor"]');
    await corridor.getByLabel(en["negotiation.corridorTo"]).selectOption("LDC");
    await corridor.getByLabel(en["negotiation.corridorText"]).fill(corridorText);
    await corridor.getByRole("button", { name: en["negotiation.corridorSend"] }).click();
    await seat("LDC").page.getByText(corridorText).first().waitFor();

    await openTab("USG", "grant");
    const grant = seat("USG").page.locator('form[data-control="grant"]');
    await grant.getByLabel(en["negotiation.grantTo"]).selectOption("EMG");
    await grant.getByLabel(en["negotiation.grantAmount"], { exact: true }).fill("2");
    await grant.getByLabel(en["negotiation.grantNote"]).fill(grantNote);
    await grant.getByRole("button", { name: en["negotiation.grantSend"] }).click();
    await seat("EMG").page.getByText(grantNote).first().waitFor();

    await openTab("IP", "comment");
    const comment = seat("IP").page.locator('form[data-control="remote"]');
    await comment.getByLabel(en["negotiation.commentLabel"]).fill("Creators need a voice in this too.");
    await comment.getByRole("button", { name: en["negotiation.remoteSend"] }).click();
    await openTab("EMG", "speak");
    const floor = seat("EMG").page.locator('form[data-control="floor"]');
    await floor.getByLabel(en["negotiation.messageLabel"]).fill("An independent authority would include the South.");
    await floor.getByRole("button", { name: en["negotiation.floorSend"] }).click();
    await projector.getByText("An independent authority would include the South.", { exact: true }).waitFor();
    await projector.getByText("Creators need a voice in this too.", { exact: true }).waitFor();

    await saveScreenshot(phoneSeat("EMG").page, "negotiation", phoneSeat("EMG").size);
    await saveScreenshot(seat("TECH").page, "negotiation-tech", seat("TECH").size);
    await expectProjectorFits("negotiation");
    await saveScreenshot(teacher, "host-negotiation", "chromebook");
    await expectDashboardKeepsSecrets("the negotiation");
    // The teacher can still see everything, on purpose; it hides again when the window loses focus.
    await teacher.getByTestId("reveal-secrets").click();
    await teacher.getByText(corridorText).first().waitFor();
    expect(await teacher.locator(".payoffs").count()).toBe(1);
    await saveScreenshot(teacher, "host-teacher-only-shown", "chromebook");
    await teacher.evaluate(() => window.dispatchEvent(new Event("blur")));
    await teacher.getByTestId("reveal-secrets").waitFor();
    await expectDashboardKeepsSecrets("the negotiation, once the details hid themselves");
    await expectNoSeriousAxe(phoneSeat("EMG").page, "negotiation");
    await expectProjectorKeepsSecrets("the negotiation");
  }, 240_000);

  it("puts a student who reloads mid-negotiation back in the same seat with the same view", async () => {
    const eu = seat("EU");
    const before = await eu.page.evaluate(() => ({ player: window.__e2e?.player, role: window.__e2e?.role }));
    const tokensBefore = await eu.page.getByTestId("my-tokens").textContent();
    const feedBefore = await eu.page.locator(".feed").innerText();
    await eu.page.reload();
    await waitForPhase(eu.page, "negotiation");
    await eu.page.waitForFunction(() => window.__e2e?.ready === true, undefined, { timeout: 90_000 });
    expect(await eu.page.evaluate(() => ({ player: window.__e2e?.player, role: window.__e2e?.role }))).toEqual(before);
    expect(await eu.page.getByTestId("my-tokens").textContent()).toBe(tokensBefore);
    expect(await eu.page.locator(".feed").innerText()).toBe(feedBefore);
    // Still nine players: the reload took the old seat, it did not make a new one.
    await teacher.waitForFunction(() => document.querySelectorAll('[data-testid="roster"] tbody tr').length === 9);
    await saveScreenshot(eu.page, "negotiation-after-reload", eu.size);
  }, 120_000);

  it("records every position in the decision phase", async () => {
    await nextPhase("decision");
    const declare = async (role: string, option: string, stance: "support" | "live" | "object") => {
      const page = seat(role).page;
      const short = role === "NGO-N" ? "NGO" : role === "CS-S" ? "CSS" : role;
      await page.locator(`fieldset[data-key="${option}"]`).getByLabel(en[`decision.${stance}`], { exact: true }).check();
      await page.locator(`fieldset[data-key="${option}"] .position--${stance}`).getByText(`${short}:`).waitFor();
    };
    for (const role of ["USG", "TECH", "DNS", "EU", "NGO-N"]) await declare(role, "A2", "support");
    for (const role of ["LDC", "CS-S", "EMG"]) await declare(role, "A2", "live");
    await declare("EMG", "A3", "support");
    await declare("DNS", "A3", "object");
    await saveScreenshot(phoneSeat("EMG").page, "decision", phoneSeat("EMG").size);
    await expectProjectorFits("decision");
    await saveScreenshot(teacher, "host-decision", "chromebook");
    await expectDashboardKeepsSecrets("the decision");
    await expectNoSeriousAxe(phoneSeat("EMG").page, "decision");
    await expectProjectorKeepsSecrets("the decision");
  }, 180_000);

  it("reveals the outcome with each student's own payoff and score", async () => {
    await nextPhase("outcome");
    for (const s of students) await s.page.getByTestId("adopted").getByText("A2").waitFor();
    await projector.getByTestId("adopted").getByText("A2").waitFor();
    expect(await seat("TECH").page.getByTestId("my-payoff").textContent()).toContain("good");
    expect(await seat("TECH").page.getByTestId("my-score").isVisible()).toBe(true);
    await saveScreenshot(phoneSeat("LDC").page, "outcome", phoneSeat("LDC").size);
    await expectProjectorFits("outcome");
    await saveScreenshot(teacher, "host-outcome", "chromebook");
    await expectDashboardKeepsSecrets("the outcome");
    await expectNoSeriousAxe(phoneSeat("LDC").page, "outcome");
    await expectProjectorKeepsSecrets("the outcome");
  }, 120_000);

  it("lets the teacher run the clock through two more dossiers to the final scores", async () => {
    for (let round = 1; round <= 2; round++) {
      await nextPhase("briefing");
      if (round === 1) {
        await teacher.getByRole("button", { name: en["host.pause"] }).click();
        await teacher.getByRole("button", { name: en["host.resume"] }).waitFor();
        await projector.getByTestId("clock").getByText(en["clock.paused"]).waitFor();
        await teacher.getByRole("button", { name: en["host.resume"] }).click();
        await teacher.getByRole("button", { name: en["host.pause"] }).waitFor();
        const news = teacher.locator('form[data-control="news"]');
        await news.getByLabel(en["host.newsText"]).fill("The US confirms its handover plan.");
        await news.getByRole("button", { name: en["host.newsSend"] }).click();
      }
      await nextPhase("travel");
      await nextPhase("negotiation");
      await expectProjectorKeepsSecrets(`round ${round + 1}`);
      await nextPhase("decision");
      await nextPhase("outcome");
    }
    await nextPhase("ended");
    for (const s of students) await s.page.getByRole("heading", { name: en["ended.heading"] }).waitFor();
    await saveScreenshot(phoneSeat("CS-S").page, "final-scores", phoneSeat("CS-S").size);
    await saveScreenshot(seat("TECH").page, "final-scores-tech", seat("TECH").size);
    // The final scores are a part of the debrief's first card; tests/e2e/debrief asserts that
    // every card and part fits the projector.
    // The stage is what the room sees (the section around it is laid out behind it, zero-sized).
    await projector.getByTestId("debrief-stage").waitFor();
    await saveScreenshot(projector, "final-scores", "projector");
    await saveScreenshot(teacher, "host-final", "chromebook");
    await expectNoSeriousAxe(phoneSeat("CS-S").page, "final scores");
    // After the end the debrief reveals more, but never a role's own briefing notes or corridor talk.
    await expectProjectorKeepsSecrets("the final scores");
    const all = [...pageErrors, ...students.flatMap((s) => s.errors)];
    expect(all).toEqual([]);
  }, 300_000);
});
