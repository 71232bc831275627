// A class of forty, the way a lesson really runs: the teacher's laptop (mirrored, so the
// dashboard must hide every secret until asked), a projector (which must fit 1920×1080 and
// 1280×720 in every phase, with forty nicknames in the lobby and four tables), three students
// on real-size phones (390×844 at scale 3) who must see what is meant for them where they are
// looking, and thirty-seven more students on the Colyseus client over real WebSockets — the
// same protocol as the browser — who join, travel, offer, talk and vote.
import { Client, type Room } from "@colyseus/sdk";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type {} from "../../client/e2e-hooks.js";
import { format } from "../helpers/messages.js";
import { en } from "../../client/text/en.js";
import { COMMAND, type Intent, type Reply } from "../../shared/protocol/intents.js";
import { chromiumMissingMessage, findChromium, findSeriousAxeViolations, launchChromium, openPage, saveScreenshot, screenSizes } from "../helpers/browser.js";
import { fitAfterResize, onScreen, visibleText } from "./classroom-checks.js";
import { startGameServer, type GameServer } from "./game-server.js";
import { readFileSync } from "node:fs";

const chromiumPath = findChromium();
if (!chromiumPath) console.warn(chromiumMissingMessage());

interface ScenarioFile {
  roles: { id: string; name: string; knowledge?: { notes?: string[] } }[];
}
const scenario = JSON.parse(readFileSync(new URL("../../server/scenarios/who-runs-the-internet-2014.json", import.meta.url), "utf8")) as ScenarioFile;
const roleName = (id: string) => scenario.roles.find((r) => r.id === id)?.name ?? id;

const offerNote = "Come to London with us.";
const corridorText = "Between us: A2 keeps your seat at the table.";
const grantNote = "For your outreach programme.";
const secrets = [...scenario.roles.flatMap((r) => r.knowledge?.notes ?? []), offerNote, corridorText, grantNote];

/** Thirty-seven nicknames of every length a class types, up to the 24-character limit. */
const NAMES = ["Ana", "Ben", "Chidi", "Dmitri", "Eun-ji", "Farah", "Gus", "Hana", "Ibrahim", "Jonas", "Kemi", "Luca", "Mei", "Nour", "Oskar", "Priya", "Quinn", "Rafa", "Sana", "Tomás", "Uma", "Vik", "Wen", "Ximena", "Yusuf", "Zoe"];
const sdkNames = Array.from({ length: 37 }, (_, i) => (i % 6 === 5 ? `Magnificent Hippopotamus`.slice(0, 20) + ` ${i}` : i % 4 === 3 ? `${NAMES[i % NAMES.length]} the Brave ${i}` : `${NAMES[i % NAMES.length]} ${i}`));

interface Student {
  page: Page;
  nickname: string;
  role: string;
}

interface Remote {
  nickname: string;
  room: Room;
  table: number;
  role: string;
}

/** The intent as the Colyseus client sends it; a refusal fails the test with the reason. */
async function act(remote: Remote, intent: Intent): Promise<void> {
  const reply = (await remote.room.request(COMMAND, intent)) as Reply;
  if (!reply.ok) throw new Error(`${remote.nickname} (${remote.role}) ${intent.type}: ${reply.code} ${reply.message}`);
}

describe.skipIf(!chromiumPath)("a class of forty on four tables", () => {
  let server: GameServer;
  let browser: Browser;
  let teacher: Page;
  let projector: Page;
  let code = "";
  let teacherKey = "";
  const students = new Map<string, Student>();
  const remotes: Remote[] = [];
  const clients: Client[] = [];

  const student = (role: string) => students.get(role)!;
  const remote = (role: string, table = 0) => {
    const found = remotes.find((r) => r.role === role && r.table === table);
    if (!found) throw new Error(`no remote student plays ${role} at table ${table + 1}`);
    return found;
  };
  const pages = () => [teacher, projector, ...[...students.values()].map((s) => s.page)];
  const waitForPhase = (page: Page, phase: string) => page.waitForFunction((p) => window.__e2e?.phase === p, phase, { timeout: 60_000 });

  async function nextPhase(phase: string): Promise<void> {
    await teacher.getByRole("button", { name: en["host.skip"] }).click();
    await Promise.all(pages().map((page) => waitForPhase(page, phase)));
  }

  /** Every projector screen: fits 1080p (no text under 20 px) and 720p, without scrolling. */
  async function projectorFits(name: string): Promise<void> {
    for (const size of ["projector-720", "projector"] as const) {
      const fit = await fitAfterResize(projector, screenSizes[size], size === "projector" ? 20 : 0);
      await saveScreenshot(projector, `class-${name}`, size);
      expect(fit, `${name} at ${size}`).toEqual({ scrolls: null, small: [], outside: [] });
    }
  }

  /** The mirrored laptop: nothing private in the dashboard's default state. */
  async function dashboardKeepsSecrets(when: string): Promise<void> {
    const text = await visibleText(teacher);
    for (const secret of secrets) expect(text.includes(secret), `dashboard shows "${secret}" during ${when}`).toBe(false);
    expect(await teacher.locator(".payoffs").count(), `a payoff table on the dashboard during ${when}`).toBe(0);
    expect(text).not.toContain(teacherKey);
    // Nor in the address bar, nor in a link's address (the browser shows it on hover).
    const hrefs = await teacher.locator("a[href]").evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    expect([teacher.url(), ...hrefs].filter((address) => address.includes(teacherKey) || address.includes(encodeURIComponent(teacherKey))), `the key in an address during ${when}`).toEqual([]);
  }

  /** A student reading further down the page, not at the top where notices arrive. */
  async function readingLowerDown(page: Page): Promise<void> {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  }

  /** The phase's actions come before the table: on the first screen, above the canvas. */
  async function actionsBeforeTable(page: Page, actions: ReturnType<Page["locator"]>): Promise<void> {
    await page.evaluate(() => window.scrollTo(0, 0));
    const stage = page.locator("#game-container");
    await stage.waitFor();
    const [actionsBox, stageBox] = [await actions.boundingBox(), await stage.boundingBox()];
    expect(actionsBox!.y, "the actions start on the first screen").toBeLessThan(screenSizes.handset.height);
    expect(actionsBox!.y + actionsBox!.height, "the actions end above the table").toBeLessThanOrEqual(stageBox!.y);
    expect(stageBox!.height, "the table leaves room for the actions").toBeLessThanOrEqual(screenSizes.handset.height / 2 + 1);
  }

  /** The newest notice of `kind` is shown and lies inside the phone's screen. */
  async function noticeOnScreen(page: Page, kind: string, text: string): Promise<void> {
    const notice = page.getByTestId(`notice-${kind}`).filter({ hasText: text }).first();
    await notice.waitFor();
    expect(await onScreen(notice), `the ${kind} notice "${text}" is on screen`).toBe(true);
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startGameServer(inject("clientDir")), launchChromium()]);
  });

  afterAll(async () => {
    await Promise.all(remotes.map((r) => r.room.leave(true).catch((error: unknown) => console.warn(`[e2e] ${r.nickname} could not leave:`, error))));
    await browser?.close();
    await server?.stop();
  });

  it("the setup page names every rule in full, explains it, and computes the lesson's length", async () => {
    teacher = (await openPage(browser, "chromebook")).page;
    teacher.setDefaultTimeout(30_000);
    await teacher.goto(`${server.url}?e2e=1`);
    await teacher.getByRole("button", { name: en["landing.teacher.start"] }).click();
    await teacher.getByTestId("plan-single-45").getByText(/^Play .* = \d+ min/).waitFor();
    // Each rule's name is shown whole (nothing cut off) with its one-line explanation.
    for (const rule of ["R1", "R2", "R3", "R4"] as const) {
      const name = teacher.locator(`#rule-name-${rule}`);
      expect(await name.textContent()).toBe(en[`rule.short.${rule}`]);
      expect(await name.evaluate((e) => e.scrollWidth <= e.clientWidth + 1 && e.getBoundingClientRect().width > 0)).toBe(true);
      expect(await teacher.locator(`#rule-explain-${rule}`).isVisible()).toBe(true);
    }
    // Each lesson plan shows its total before it is chosen (tests/e2e/lesson.e2e.test.ts checks the figures).
    for (const plan of ["single-45", "two-lessons", "seminar-90"] as const) expect(await teacher.getByTestId(`plan-${plan}`).isVisible()).toBe(true);
    await teacher.getByLabel(en["setup.timer.custom"]).check();
    for (const phase of ["briefing", "travel", "negotiation", "decision", "outcome"] as const) {
      await teacher.getByLabel(en["setup.timerPhase"].replace("{phase}", en[`phase.${phase}`])).fill("900");
    }
    expect(await teacher.getByTestId("plan-custom").textContent()).toContain("3 rounds of 75 min = 225 min of play");
    await teacher.getByLabel(en["setup.classLabel"]).fill("10B Civics");
    await teacher.getByLabel(en["setup.tables"]).fill("4");
    await teacher.getByLabel(en["setup.tables"]).blur();
    await teacher.getByLabel(en["setup.ruleFor"].replace("{table}", "2").replace("{rule}", en["rule.short.R2"])).check();
    await saveScreenshot(teacher, "class-setup", "chromebook");
    expect(await findSeriousAxeViolations(teacher)).toEqual([]);
    await teacher.getByRole("button", { name: en["setup.create"] }).click();
    await waitForPhase(teacher, "lobby");
    code = ((await teacher.getByTestId("join-code").textContent()) ?? "").trim();
    teacherKey = await teacher.evaluate(() => localStorage.getItem("rough-consensus.matches.teacher") ?? "");
    expect(teacherKey).not.toBe("");
    // The class label is on the dashboard.
    await teacher.getByRole("heading", { level: 1, name: en["host.headingClass"].replace("{label}", "10B Civics").replace("{code}", code) }).waitFor();
  }, 120_000);

  it("the lobby on the projector holds forty nicknames without scrolling", async () => {
    const [opened] = await Promise.all([teacher.context().waitForEvent("page"), teacher.getByTestId("projector-link").click()]);
    projector = opened;
    await projector.setViewportSize(screenSizes.projector);
    await waitForPhase(projector, "lobby");

    for (const [role, nickname] of [["LDC", "Ama"], ["EMG", "Bo"], ["NGO-N", "Cy"]] as const) {
      const { page } = await openPage(browser, "handset");
      page.setDefaultTimeout(30_000);
      await page.goto(`${server.url}join/${code}?e2e=1`);
      // A student who came by the join link sees the join form only.
      expect(await page.getByRole("button", { name: en["landing.teacher.start"] }).isVisible()).toBe(false);
      await page.getByLabel(en["landing.student.nicknameLabel"]).fill(nickname);
      await page.getByRole("button", { name: en["landing.student.join"], exact: true }).click();
      await waitForPhase(page, "lobby");
      students.set(role, { page, nickname, role });
    }
    const base = server.url.slice(0, -1);
    for (const nickname of sdkNames) {
      const client = new Client(base);
      clients.push(client);
      const room = await client.joinById(code, { as: "player", nickname });
      remotes.push({ nickname, room, table: -1, role: "" });
    }
    await projector.getByText(sdkNames.at(-1)!).waitFor();
    await projector.getByRole("heading", { name: format(en["projector.roster"], { count: 40 }) }).waitFor();
    for (const nickname of [...sdkNames, "Ama", "Bo", "Cy"]) {
      // Every nickname is on the wall, whole: "my name is up there".
      const chip = projector.locator(".chip", { hasText: nickname }).first();
      expect(await onScreen(chip), nickname).toBe(true);
      expect(await chip.evaluate((e) => e.scrollWidth <= e.clientWidth + 1 && e.scrollHeight <= e.clientHeight + 1), `${nickname} shown whole`).toBe(true);
    }
    await projectorFits("lobby-40");
    await saveScreenshot(student("LDC").page, "class-lobby", "handset");
  }, 240_000);

  it("the teacher seats three students by hand, deals the rest, and the roles lock at the start", async () => {
    for (const [role, s] of students) {
      await teacher.getByLabel(en["host.assignFor"].replace("{nickname}", s.nickname)).selectOption(`0/${role}`);
      await s.page.waitForFunction((r) => window.__e2e?.role === r, role);
    }
    await teacher.getByRole("button", { name: en["host.assignAuto"] }).click();
    // Who got which seat, from the match record (the teacher's key reads it).
    await expect
      .poll(async () => {
        const res = await fetch(`${server.url}api/matches/${code}/record`, { headers: { authorization: `Bearer ${teacherKey}` } });
        const record = (await res.json()) as { events: { event: { type: string; player?: string; nickname?: string; assignments?: { player: string; table: number | null; role: string | null }[] } }[] };
        const ids = new Map(record.events.filter((e) => e.event.type === "PlayerJoined").map((e) => [e.event.nickname!, e.event.player!]));
        const seats = new Map<string, { table: number; role: string }>();
        for (const e of record.events) for (const a of e.event.assignments ?? []) if (a.role !== null && a.table !== null) seats.set(a.player, { table: a.table, role: a.role });
        for (const r of remotes) Object.assign(r, seats.get(ids.get(r.nickname) ?? "") ?? {});
        return remotes.filter((r) => r.role !== "").length;
      }, { timeout: 20_000 })
      .toBe(37);
    await saveScreenshot(teacher, "class-host-lobby", "chromebook");
    await teacher.getByRole("button", { name: en["host.start"] }).click();
    await Promise.all(pages().map((page) => waitForPhase(page, "briefing")));
    expect(await teacher.locator('select[aria-label^="Role for"]').count()).toBe(0);
    await teacher.getByText(en["host.rolesLocked"]).waitFor();
    await dashboardKeepsSecrets("the briefing");
    await projectorFits("briefing");
    await saveScreenshot(student("LDC").page, "class-briefing", "handset");
  }, 120_000);

  it("a fellowship offer, the teacher's news and the paused clock reach each phone where the student is looking", async () => {
    const ldc = student("LDC").page;
    await readingLowerDown(ldc);
    await act(remote("TECH"), { type: "OfferFellowship", to: "LDC", note: offerNote });
    await noticeOnScreen(ldc, "offer", roleName("TECH"));
    await saveScreenshot(ldc, "class-offer-arrives", "handset");

    for (const s of students.values()) await readingLowerDown(s.page);
    const news = teacher.locator('form[data-control="news"]');
    await news.getByLabel(en["host.newsText"]).fill("Breaking: the US confirms its handover plan.");
    await news.getByRole("button", { name: en["host.newsSend"] }).click();
    for (const s of students.values()) await noticeOnScreen(s.page, "news", "Breaking: the US confirms its handover plan.");
    await projector.getByTestId("projector-news").getByText("Breaking: the US confirms").waitFor();
    await saveScreenshot(student("EMG").page, "class-news-arrives", "handset");

    await teacher.getByRole("button", { name: en["host.pause"] }).click();
    for (const s of students.values()) await noticeOnScreen(s.page, "teacher", en["notice.teacher.paused"]);
    await teacher.getByRole("button", { name: en["host.resume"] }).click();
    await dashboardKeepsSecrets("the briefing, after an offer");
  }, 120_000);

  it("after buying the expert briefing, the role card says the briefing is complete", async () => {
    const ldc = student("LDC").page;
    await ldc.evaluate(() => window.scrollTo(0, 0));
    const card = ldc.getByTestId("role-card");
    expect(await card.getByTestId("briefing-state").textContent()).toBe(en["role.unknownText"]);
    expect(await card.locator(".payoff--unknown").count()).toBeGreaterThan(0);
    await card.getByRole("button", { name: format(en["briefing.buy"], { cost: 1 }) }).click();
    await card.getByTestId("briefing-state").getByText(en["briefing.bought"]).waitFor();
    expect(await card.locator(".payoff--unknown").count()).toBe(0);
    expect((await card.textContent()) ?? "").not.toMatch(/incomplete/i);
    await saveScreenshot(ldc, "class-briefing-bought", "handset");
  }, 60_000);

  it("travel: a role that cannot pay is not offered the trip; after accepting one offer, no other offer waits with Accept", async () => {
    await nextPhase("travel");
    const ldc = student("LDC").page;
    await ldc.getByText(en["travel.needSponsor"]).waitFor();
    expect(await ldc.getByRole("button", { name: en["travel.inPerson"] }).count()).toBe(0);
    for (const role of ["TECH", "USG", "EU", "DNS"]) await act(remote(role), { type: "BookTravel", mode: "in-person" });
    await act(remote("DNS"), { type: "OfferFellowship", to: "LDC", programme: true });
    // The offer notice opens the offer; Accept is right there.
    await ldc.getByTestId("notice-offer").first().getByRole("button", { name: en["notice.open.offer"] }).click();
    await ldc.getByRole("button", { name: en["travel.accept"].replace("{sponsor}", roleName("TECH")) }).click();
    await ldc.getByTestId("travel-status").getByText("in person").waitFor();
    await ldc.getByText(en["travel.alreadyGoing"]).waitFor();
    expect(await ldc.getByRole("button", { name: en["travel.accept"].replace("{sponsor}", roleName("DNS")) }).count()).toBe(0);
    await saveScreenshot(ldc, "class-travel-accepted", "handset");
    await actionsBeforeTable(student("EMG").page, student("EMG").page.locator('section[data-key="travel"]'));
    for (const role of ["EMG", "NGO-N"]) {
      const page = student(role).page;
      await page.getByRole("button", { name: en["travel.inPerson"] }).click();
      await page.getByTestId("travel-status").getByText("in person").waitFor();
    }
    // The dashboard shows who has chosen, table by table, and who is offline.
    await teacher.getByTestId("progress-count-0").getByText(format(en["host.progress.travel"], { done: 7, total: 9 })).waitFor();
    // A student's phone drops off the Wi-Fi: the dashboard says who, where they sit.
    const leaver = remote("IP", 2);
    leaver.room.reconnection.enabled = false; // gone, like a phone out of the Wi-Fi's reach
    await leaver.room.leave(false);
    remotes.splice(remotes.indexOf(leaver), 1);
    await teacher.getByTestId("offline-count").waitFor();
    await teacher.getByTestId("progress-2").locator(".presence--off", { hasText: leaver.nickname }).first().waitFor();
    await saveScreenshot(teacher, "class-host-travel", "chromebook");
    await dashboardKeepsSecrets("travel");
    await projectorFits("travel");
  }, 180_000);

  it("negotiation: the actions come before the table; a private message arrives on screen with a badge, and Reply answers it", async () => {
    await nextPhase("negotiation");
    const emg = student("EMG").page;
    // Actions first: the phase's controls are on the first screen, above the table.
    const actions = emg.getByRole("group", { name: en["negotiation.what"] });
    await actionsBeforeTable(emg, actions);
    expect(await onScreen(actions)).toBe(true);
    await saveScreenshot(emg, "class-negotiation", "handset");

    // The student is reading their role card (opened from their badge), far from the corridor thread.
    await emg.getByRole("button", { name: format(en["student.roleCardLabel"], { short: "EMG", role: roleName("EMG") }) }).click();
    await emg.getByTestId("role-card").evaluate((card) => card.scrollIntoView({ block: "end" }));
    expect(await onScreen(emg.locator("#corridor-heading"))).toBe(false);
    await act(remote("TECH"), { type: "SendCorridorMessage", to: "EMG", text: corridorText });
    await noticeOnScreen(emg, "corridor", corridorText);
    const badge = emg.getByTestId("unread-badge");
    expect(await badge.textContent()).toBe("1");
    expect(await onScreen(badge)).toBe(true);
    // The screen as it is while a message waits unread (the badge, the notice) passes axe too.
    expect(await findSeriousAxeViolations(emg)).toEqual([]);
    await saveScreenshot(emg, "class-corridor-arrives", "handset");
    await emg.getByTestId("notice-corridor").first().getByRole("button", { name: en["notice.open.reply"] }).click();
    const reply = emg.locator('form[data-control="corridor"]');
    expect(await reply.getByLabel(en["negotiation.corridorTo"]).inputValue()).toBe("TECH");
    await reply.getByLabel(en["negotiation.corridorText"]).fill("We will think about it.");
    await reply.getByRole("button", { name: en["negotiation.corridorSend"] }).click();
    await emg.getByText("We will think about it.").first().waitFor();
    expect(await badge.count()).toBe(0);

    await act(remote("EU"), { type: "GiveGrant", to: "NGO-N", amount: 1, note: grantNote });
    await noticeOnScreen(student("NGO-N").page, "grant", grantNote);
    expect(await student("NGO-N").page.getByText("gave you 1 token.").count()).toBeGreaterThan(0);

    // Every option tabled: nobody is offered an empty "Table it".
    for (const [role, option] of [["TECH", "A2"], ["USG", "A1"], ["DNS", "A3"], ["EU", "A4"]] as const) await act(remote(role), { type: "TableOption", option });
    await student("NGO-N").page.getByText(en["table.everythingTabled"]).waitFor();
    expect(await student("NGO-N").page.getByRole("button", { name: en["negotiation.tab.table"] }).count()).toBe(0);
    await saveScreenshot(teacher, "class-host-negotiation", "chromebook");
    await dashboardKeepsSecrets("the negotiation");
    await projectorFits("negotiation");
    expect(await findSeriousAxeViolations(emg)).toEqual([]);
  }, 180_000);

  it("decision and outcome: each blocked option names its own objectors, and a score says why", async () => {
    await nextPhase("decision");
    for (const [role, option, stance] of [["USG", "A1", "support"], ["USG", "A3", "object"], ["USG", "A4", "object"], ["DNS", "A4", "object"], ["TECH", "A2", "support"]] as const) {
      await act(remote(role), { type: "DeclarePosition", option, stance });
    }
    const declare = async (role: string, option: string, stance: "support" | "live" | "object") => {
      const page = student(role).page;
      await page.locator(`fieldset[data-key="${option}"]`).getByLabel(en[`decision.${stance}`], { exact: true }).check();
      await page.locator(`fieldset[data-key="${option}"] .position--${stance}`).first().waitFor();
    };
    await actionsBeforeTable(student("EMG").page, student("EMG").page.locator('section[data-key="decision"]'));
    await declare("EMG", "A2", "object");
    await declare("LDC", "A1", "object");
    await teacher.getByTestId("progress-count-0").waitFor();
    await saveScreenshot(student("EMG").page, "class-decision", "handset");
    await saveScreenshot(teacher, "class-host-decision", "chromebook");
    await dashboardKeepsSecrets("the decision");
    await projectorFits("decision");

    // LDC scrolls down to the last option; the outcome must still open at its heading.
    const ldc = student("LDC").page;
    await ldc.locator('fieldset[data-key="A4"]').scrollIntoViewIfNeeded();
    expect(await ldc.evaluate(() => window.scrollY)).toBeGreaterThan(200);
    await nextPhase("outcome");
    await ldc.getByTestId("adopted").waitFor();
    for (const seen of [ldc.locator("#outcome-heading"), ldc.getByTestId("adopted").first()]) {
      const box = await seen.boundingBox();
      expect(box && box.y >= 0 && box.y + box.height <= 844, "the outcome opens on screen, not above it").toBe(true);
    }
    const how = (await ldc.locator(".outcome__how").first().textContent()) ?? "";
    expect(how).toBe(en["outcome.by.status-quo"].replace("{rule}", en["rule.short.R1"]));
    expect(how[0]).toBe(how[0]!.toUpperCase());
    const why = await ldc.locator(".outcome__why li").allTextContents();
    expect(why.find((line) => line.startsWith("A2"))).toContain("EMG");
    expect(why.find((line) => line.startsWith("A2"))).not.toContain("USG");
    expect(why.find((line) => line.startsWith("A4"))).toMatch(/USG, DNS|DNS, USG/);
    // The score explains itself: Mandate from the adopted option, Standing from tokens and trips.
    const score = ldc.getByTestId("my-score");
    expect(await score.textContent()).toContain("A1");
    expect(await score.textContent()).toMatch(/round in person/);
    await saveScreenshot(ldc, "class-outcome", "handset");
    await projectorFits("outcome");
    await dashboardKeepsSecrets("the outcome");
  }, 180_000);

  it("the next round leaves last round's news behind, and the match ends on the debrief", async () => {
    await nextPhase("briefing");
    expect(await projector.getByTestId("projector-news").count()).toBe(0);
    for (const phase of ["travel", "negotiation", "decision", "outcome", "briefing", "travel", "negotiation", "decision", "outcome"]) await nextPhase(phase);
    await nextPhase("ended");
    // The final scores are a part of the debrief's first card; tests/e2e/debrief asserts that
    // every card and part fits the projector. Here: the big screen turned to it.
    // The stage is what the room sees (the section around it is laid out behind it, zero-sized).
    await projector.getByTestId("debrief-stage").waitFor();
    await saveScreenshot(projector, "class-final-scores", "projector");
    await saveScreenshot(student("LDC").page, "class-final", "handset");
    await saveScreenshot(teacher, "class-host-final", "chromebook");
  }, 300_000);

  it("the teacher key can be shown, saved and used on another computer to open the recorded matches", async () => {
    const panel = teacher.getByTestId("teacher-key");
    await panel.scrollIntoViewIfNeeded();
    // Masked until asked, like every secret on a mirrored laptop.
    expect(await panel.getByTestId("teacher-key-value").textContent()).not.toContain(teacherKey);
    await panel.getByRole("button", { name: en["key.show"] }).click();
    expect(await panel.getByTestId("teacher-key-value").textContent()).toBe(teacherKey);
    await saveScreenshot(teacher, "class-host-key-shown", "chromebook");
    await teacher.evaluate(() => window.dispatchEvent(new Event("blur")));
    await panel.getByRole("button", { name: en["key.show"] }).waitFor();
    // "Save as a file" holds the key and the link to the matches, made on the click (no key in an href shown on hover).
    const [download] = await Promise.all([teacher.waitForEvent("download"), panel.getByRole("button", { name: en["key.save"] }).click()]);
    const file = readFileSync(await download.path(), "utf8");
    expect(file).toContain(teacherKey);
    expect(file).toContain("/matches#token=");
    expect(await panel.getByRole("button", { name: en["key.email"] }).count()).toBe(1); // tests/e2e/replay follows its mailto
    await dashboardKeepsSecrets("the key panel, after saving the key");

    // Another computer: a fresh browser profile with nothing remembered.
    const { page: elsewhere, context } = await openPage(browser, "chromebook");
    await elsewhere.goto(`${server.url}?e2e=1`);
    await elsewhere.getByText(en["landing.teacher.keySummary"]).click();
    await elsewhere.getByLabel(en["landing.teacher.keyLabel"]).fill(teacherKey);
    await elsewhere.getByRole("button", { name: en["landing.teacher.keyOpen"] }).click();
    await elsewhere.getByTestId("matches-table").locator(`[data-code="${code}"]`).waitFor();
    await saveScreenshot(elsewhere, "class-matches-with-key", "chromebook");
    await context.close();
  }, 120_000);
});
