// The debrief in real browsers. A match is played to the end through the real SDK: five
// students, one of them (CS-S) on a 390×844 phone at device scale 3, whose seat a second
// device (the SDK) shares to act; in round 1 DNS's fellowship programme brings CS-S and TECH
// pays LDC's trip, and both guests warm to A2 while A3 could still pass — two marked moves.
// The teacher then leads the whole debrief from the host page by the UI alone: reviews the
// marks before the class sees them and sets one aside with a reason, steps through every part
// of every card. The projector must fit 1920×1080 and 1280×720 without scrolling, with no text
// under 20 px at 1080p and no overlapping money labels; the phone follows card by card and
// never tells its student "the flag is on you"; the class re-weighs the public interest on the
// projector and a phone. Screenshots of every part; axe scans; the exports are pseudonymised
// and the summary prints to exactly one A4 page, even for a crowded match.
import { readFile } from "node:fs/promises";
import { Client, type Room } from "@colyseus/sdk";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type {} from "../../client/e2e-hooks.js";
import { en } from "../../client/text/en.js";
import { debriefCards } from "../../client/debrief/parts.js";
import { debriefEn } from "../../client/text/debrief-en.js";
import { LANGUAGES } from "../../client/text/languages.js";
import { summaryHtml } from "../../server/http/exports.js";
import { debrief } from "../../shared/analysis/debrief.js";
import { Match, player } from "../helpers/engine.js";
import { format } from "../helpers/messages.js";
import { follow, viewOf } from "../helpers/sync-client.js";
import { chromiumMissingMessage, findChromium, findSeriousAxeViolations, launchChromium, openPage, saveScreenshot } from "../helpers/browser.js";
import { startGameServer, type GameServer } from "./game-server.js";

const chromiumPath = findChromium();
if (!chromiumPath) console.warn(chromiumMissingMessage());

/** Nicknames that appear nowhere else: the projector must not show them unless allowed. */
const PHONE_STUDENT = "Zephyrine";
const SDK_STUDENTS = { TECH: "Bastien", DNS: "Quillon", EU: "Ottilie", LDC: "Marisol" } as const;
const NICKNAMES = [PHONE_STUDENT, ...Object.values(SDK_STUDENTS)];
const REASON = "LDC had agreed to back A2 before any trip was offered.";

const state = (room: Room) => viewOf(room);

/** Polls until `fn` gives a value (a condition on state that arrives over the network). */
async function until<T>(what: string, fn: () => T | undefined | false, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = fn();
    if (value !== undefined && value !== false) return value as T;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** What a person at the back of the room would see wrong on the projector's current part. */
interface StageCheck {
  card: string | null;
  part: string | null;
  kind: string | null;
  /** How far the page or the card's body would need to scroll (0 = it fits). */
  pageScroll: number;
  bodyOverflow: number;
  /** Visible text under 20 px, with its size. */
  small: string[];
  /** Pairs of money-flow labels that overlap. */
  overlaps: string[];
}

function checkStage(page: Page): Promise<StageCheck> {
  return page.evaluate(() => {
    const section = document.querySelector('[data-testid="debrief"]')!;
    const stage = document.querySelector('[data-testid="debrief-stage"]')!;
    const body = stage.querySelector('[data-testid="debrief-body"]') as HTMLElement;
    const small: string[] = [];
    const walker = document.createTreeWalker(stage, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el: Element = n.parentElement!;
      if (!n.textContent?.trim() || el.closest(".visually-hidden")) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      let px = parseFloat(getComputedStyle(el).fontSize);
      if (el instanceof SVGGraphicsElement) px *= el.getScreenCTM()?.a ?? 1;
      if (px < 20) small.push(`${px.toFixed(1)}px “${n.textContent.trim().slice(0, 40)}”`);
    }
    const labels = [...stage.querySelectorAll('figure[data-key^="money-"] svg text')].map((t) => ({ text: t.textContent ?? "", box: t.getBoundingClientRect() }));
    const overlaps: string[] = [];
    labels.forEach((a, i) =>
      labels.slice(i + 1).forEach((b) => {
        const apart = a.box.right <= b.box.left || b.box.right <= a.box.left || a.box.bottom <= b.box.top || b.box.bottom <= a.box.top;
        if (!apart) overlaps.push(`${a.text} / ${b.text}`);
      }),
    );
    const root = document.scrollingElement!;
    return {
      card: section.getAttribute("data-card"),
      part: section.getAttribute("data-part"),
      kind: section.getAttribute("data-part-kind"),
      pageScroll: Math.max(root.scrollHeight - innerHeight, root.scrollWidth - innerWidth),
      bodyOverflow: body ? Math.max(body.scrollHeight - body.clientHeight, body.scrollWidth - body.clientWidth) : -1,
      small,
      overlaps,
    };
  });
}

describe.skipIf(!chromiumPath)("the debrief, led by the teacher", () => {
  let server: GameServer;
  let browser: Browser;
  let code = "";
  let token = "";
  const rooms: Room[] = [];
  const contexts: BrowserContext[] = [];
  const errors: string[] = [];
  let host: Page;
  let projector: Page;
  let phone: Page;
  let teacher: Room;

  function watch(page: Page, label: string): void {
    page.setDefaultTimeout(30_000);
    page.on("pageerror", (error) => errors.push(`${label}: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`${label}: ${message.text()}`);
    });
  }

  async function open(size: "chromebook" | "projector", path: string, label: string): Promise<Page> {
    const { context, page } = await openPage(browser, size);
    contexts.push(context);
    watch(page, label);
    const [where = "", hash] = path.split("#");
    await page.goto(`${server.url}${where}?e2e=1${hash ? `#${hash}` : ""}`);
    return page;
  }

  /** Every screen shows `card`, part `part`, with the analysis loaded. */
  async function shown(page: Page, card: string, part: number): Promise<void> {
    await page.locator(`[data-testid="debrief"][data-card="${card}"][data-part="${part}"] [data-testid="debrief-body"]`).first().waitFor({ timeout: 20_000 });
  }

  const where = (page: Page) => page.locator('[data-testid="debrief"]').evaluate((s) => ({ card: s.getAttribute("data-card")!, part: Number(s.getAttribute("data-part")) }));
  const partsOnProjector = () => projector.locator(".debrief__dots li").count();

  // One table: every card but "tables compared", which has nothing to compare.
  const DEBRIEF_CARDS = debriefCards("all", 1);

  /** The teacher opens a card from the host's card list (its first part). */
  async function goToCard(card: string): Promise<void> {
    const index = DEBRIEF_CARDS.indexOf(card as (typeof DEBRIEF_CARDS)[number]);
    expect(index, `${card} is a card of this debrief`).toBeGreaterThanOrEqual(0);
    const list = host.locator(".debrief__all");
    if (!(await list.evaluate((d) => (d as HTMLDetailsElement).open))) await list.locator("summary").click();
    const title = debriefEn[`debrief.${DEBRIEF_CARDS[index]!}.title`];
    await host.getByRole("button", { name: debriefEn["debrief.goTo"].replace("{number}", String(index + 1)).replace("{title}", title) }).click();
    await Promise.all([shown(host, card, 0), shown(projector, card, 0), shown(phone, card, 0)]);
  }

  /** The teacher presses Next until the projector shows a part of `kind` of the current card. */
  async function nextTo(kind: string): Promise<void> {
    for (let i = 0; i < 12; i++) {
      if ((await projector.locator('[data-testid="debrief"]').getAttribute("data-part-kind")) === kind) return;
      const before = await where(host);
      await host.getByTestId("debrief-next").click();
      await Promise.all([shown(projector, before.card, before.part + 1), shown(phone, before.card, before.part + 1)]);
    }
    throw new Error(`no ${kind} part on this card`);
  }

  beforeAll(async () => {
    process.env.BOT_PACE = "instant";
    server = await startGameServer(inject("clientDir"));
    browser = await launchChromium();
    const created = await fetch(`${server.url}api/matches`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ settings: { classLabel: "Debrief e2e", rules: ["R1"], chair: "automatic", bots: false, timerPreset: "two-lessons" } }),
    });
    ({ code, teacherToken: token } = (await created.json()) as { code: string; teacherToken: string });
    const sdk = async (options: object) => follow(await new Client(server.url.replace(/\/$/, "")).joinById(code, options));
    teacher = await sdk({ as: "teacher", teacherToken: token });
    rooms.push(teacher);
    // The phone: 390×844 at device scale 3, a touch screen, joined by the form.
    const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true });
    contexts.push(phoneContext);
    phone = await phoneContext.newPage();
    watch(phone, "phone");
    await phone.goto(`${server.url}join/${code}?e2e=1`);
    await phone.getByLabel(en["landing.student.nicknameLabel"]).fill(PHONE_STUDENT);
    await phone.getByRole("button", { name: en["landing.student.join"], exact: true }).click();
    await phone.waitForFunction(() => window.__e2e?.phase === "lobby");
    // A second device of the phone's seat (its seat secret, as a student's laptop would use) acts for it.
    const seatSecret = await phone.evaluate((c) => localStorage.getItem(`rough-consensus.${c}.seat`), code);
    expect(seatSecret).toBeTruthy();
    const s: Record<string, Room> = { "CS-S": await sdk({ as: "player", nickname: PHONE_STUDENT, seatSecret }) };
    rooms.push(s["CS-S"]!);
    // The phone is told its seat was opened elsewhere; it is the student's own laptop: OK.
    await phone.getByTestId("seat-taken-over").getByRole("button", { name: en["notice.dismiss"] }).click();
    await phone.getByTestId("seat-taken-over").waitFor({ state: "detached" });
    for (const [role, nickname] of Object.entries(SDK_STUDENTS)) {
      s[role] = await sdk({ as: "player", nickname });
      rooms.push(s[role]!);
    }
    const act = async (room: Room, intent: object) => {
      const reply = (await room.request("command", intent)) as { ok: boolean; message?: string };
      if (!reply.ok) throw new Error(`${JSON.stringify(intent)}: ${reply.message}`);
    };
    const idOf = (nickname: string) => until(nickname, () => state(teacher).players.find((p) => p.nickname === nickname)?.id);
    await act(teacher, { type: "AssignRole", player: await idOf(PHONE_STUDENT), table: 0, role: "CS-S" });
    for (const [role, nickname] of Object.entries(SDK_STUDENTS)) await act(teacher, { type: "AssignRole", player: await idOf(nickname), table: 0, role });
    await act(teacher, { type: "StartMatch" });
    const step = async () => {
      const before = `${state(teacher).status}/${state(teacher).phase}`;
      await act(teacher, { type: "AdvancePhase" });
      await until(`the step after ${before}`, () => `${state(teacher).status}/${state(teacher).phase}` !== before);
    };
    const advanceTo = async (target: string) => {
      for (let i = 0; i < 8 && state(teacher).phase !== target; i++) await step();
      expect(state(teacher).phase).toBe(target);
    };
    const offerFrom = (room: Room, from: string) =>
      until(`an offer from ${from}`, () => (state(room).tables[0]?.fellowships ?? []).find((f) => f.from === from && f.status === "offered"));
    // Round 1, London: DNS's programme brings CS-S; TECH pays LDC's trip, expecting A2.
    await advanceTo("travel");
    for (const role of ["TECH", "DNS", "EU"]) await act(s[role]!, { type: "BookTravel", mode: "in-person", delegates: 1 });
    await act(s.DNS!, { type: "OfferFellowship", to: "CS-S", programme: true, note: "Our fellowship brings new voices." });
    await act(s["CS-S"]!, { type: "AcceptFellowship", fellowship: (await offerFrom(s["CS-S"]!, "DNS")).id });
    await act(s.TECH!, { type: "OfferFellowship", to: "LDC", expects: "A2", note: "We hope you will back a stable Internet." });
    await act(s.LDC!, { type: "AcceptFellowship", fellowship: (await offerFrom(s.LDC!, "TECH")).id });
    await advanceTo("negotiation");
    await act(s.TECH!, { type: "TableOption", option: "A2" });
    await act(s.EU!, { type: "TableOption", option: "A3" });
    await act(s.DNS!, { type: "DeclarePosition", option: "A2", stance: "support" });
    await act(s.TECH!, { type: "DeclarePosition", option: "A2", stance: "support" });
    await act(s.EU!, { type: "DeclarePosition", option: "A3", stance: "support" });
    await act(s["CS-S"]!, { type: "DeclarePosition", option: "A2", stance: "object" });
    await act(s.LDC!, { type: "DeclarePosition", option: "A2", stance: "object" });
    await act(s.DNS!, { type: "SendCorridorMessage", to: "CS-S", text: "Remember who brought you here." });
    // While A3 (better for both guests) can still pass, they warm to their sponsors' A2: two marks.
    await act(s["CS-S"]!, { type: "DeclarePosition", option: "A2", stance: "live" });
    await act(s.LDC!, { type: "DeclarePosition", option: "A2", stance: "support" });
    // EU, with no money involved, also warms to A2 — its own best option: not the same kind of move.
    await act(s.EU!, { type: "DeclarePosition", option: "A2", stance: "object" });
    await act(s.EU!, { type: "DeclarePosition", option: "A2", stance: "live" });
    await act(s.DNS!, { type: "DeclarePosition", option: "A3", stance: "object" });
    // Round 2, São Paulo: TECH gives EU a grant; EU keeps to B3.
    await advanceTo("travel");
    for (const role of ["TECH", "EU"]) await act(s[role]!, { type: "BookTravel", mode: "in-person", delegates: 1 });
    await advanceTo("negotiation");
    await act(s.TECH!, { type: "GiveGrant", to: "EU", amount: 2, note: "For your privacy office" });
    await act(s.EU!, { type: "TableOption", option: "B3" });
    await act(s.EU!, { type: "DeclarePosition", option: "B3", stance: "support" });
    for (let i = 0; i < 20 && state(teacher).status !== "ended"; i++) await step();
    expect(state(teacher).status).toBe("ended");
    host = await open("chromebook", `teacher/${code}#token=${token}`, "host");
    projector = await open("projector", `projector/${code}`, "projector");
    // The debrief opens on "The argument" (the two-lesson plan shows every card); the marks are on later cards.
    await Promise.all([shown(host, "argument", 0), shown(projector, "argument", 0), shown(phone, "argument", 0)]);
    await goToCard("outcomes");
  }, 240_000);

  afterAll(async () => {
    // Cleanup: a room the server already closed has nothing left to leave, so failures are expected here.
    await Promise.allSettled(rooms.map((r) => r.leave(true)));
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await server?.stop();
  });

  async function projectorHasNoNicknames(when: string): Promise<void> {
    const html = await projector.content();
    for (const nickname of NICKNAMES) expect(html, `${when}: the projector shows ${nickname}`).not.toContain(nickname);
  }

  it("lets the teacher review the marks before the class sees them, and set one aside with a reason", async () => {
    const markText = (role: string) => debriefEn["debrief.money.markTitle"].replace("{role}", role).replace("{option}", "A2");
    // Closed by default: the laptop may be mirrored on the wall.
    const open = host.getByTestId("debrief-review-open");
    await expect(open.textContent()).resolves.toBe(format(debriefEn["debrief.review.open"], { count: 2 }));
    expect(await host.locator("body").innerText()).not.toContain(markText("LDC"));
    expect(await projector.locator("body").innerText()).not.toContain(markText("LDC"));
    await open.click();
    const review = host.getByTestId("debrief-review");
    await expect(review.innerText()).resolves.toContain(markText("CSS"));
    const ldcId = await review.locator("li[data-key]").filter({ hasText: markText("LDC") }).getAttribute("data-key");
    const ldc = host.getByTestId(`review-${ldcId}`);
    await expect(ldc.innerText()).resolves.toContain("TECH paid LDC's trip to London in round 1.");
    await saveScreenshot(host, "debrief-review", "chromebook");
    await ldc.getByRole("button", { name: debriefEn["debrief.review.setAside"] }).click();
    await ldc.getByLabel(debriefEn["debrief.review.reason"]).fill(REASON);
    await ldc.getByRole("button", { name: debriefEn["debrief.review.confirm"] }).click();
    await ldc.getByText(debriefEn["debrief.review.isAside"].replace("{reason}", REASON)).waitFor();
    // The review closes itself at the next step, and the class has still seen no mark.
    await host.getByTestId("debrief-next").click();
    await Promise.all([shown(projector, "outcomes", 1), shown(phone, "outcomes", 1)]);
    await host.getByTestId("debrief-review-open").waitFor();
    await host.getByTestId("debrief-previous").click();
    await Promise.all([shown(host, "outcomes", 0), shown(projector, "outcomes", 0), shown(phone, "outcomes", 0)]);
  });

  it("steps through every part of every card; each fits 1920×1080 with no text under 20 px, and the phone follows", async () => {
    await goToCard(DEBRIEF_CARDS[0]!);
    for (const [index, card] of DEBRIEF_CARDS.entries()) {
      let parts = 1;
      for (let part = 0; part < parts; part++) {
        if (index > 0 || part > 0) await host.getByTestId("debrief-next").click();
        await Promise.all([shown(host, card, part), shown(projector, card, part), shown(phone, card, part)]);
        parts = await partsOnProjector();
        const check = await checkStage(projector);
        const label = `${card} part ${part + 1} (${check.kind})`;
        expect(check.pageScroll, `${label}: the projector page scrolls`).toBeLessThanOrEqual(0);
        expect(check.bodyOverflow, `${label}: the card's body overflows`).toBeLessThanOrEqual(1);
        expect(check.small, `${label}: text under 20 px`).toEqual([]);
        expect(check.overlaps, `${label}: money labels overlap`).toEqual([]);
        // The phone: same card, its part title on the first screen, nothing wider than the phone.
        await expect(phone.locator("#debrief-card-title").textContent()).resolves.toBe(debriefEn[`debrief.${card}.title`]);
        const phoneFits = await phone.evaluate(() => {
          const title = document.querySelector('[data-testid="debrief-part-title"]')!.getBoundingClientRect();
          return { onScreen: title.top >= 0 && title.bottom <= innerHeight, wider: document.scrollingElement!.scrollWidth - innerWidth };
        });
        expect(phoneFits, label).toEqual({ onScreen: true, wider: 0 });
        expect(await phone.locator("body").innerText(), label).not.toMatch(/flag is on you/i);
        expect(await projector.getByTestId("debrief-mine").count()).toBe(0);
        await projectorHasNoNicknames(label);
        if (part === 0 || check.kind === "marks" || check.kind === "dossier") {
          const violations = [...(await findSeriousAxeViolations(projector)), ...(await findSeriousAxeViolations(phone))];
          expect(violations, `${label}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
        }
        await saveScreenshot(projector, `debrief-${index + 1}-${card}-${part + 1}-${check.kind}`, "projector");
        await saveScreenshot(phone, `debrief-${index + 1}-${card}-${part + 1}-${check.kind}`, "phone");
      }
    }
    await saveScreenshot(host, "debrief-host", "chromebook");
    // The keyboard and a presenter's clicker step back and forth too, pressed quickly: each step
    // counts from the step asked for, not from what the laptop shows yet (a press that came
    // before the teacher's page had the last patch once stepped from the part the class had
    // left). Next on the very last part does nothing (it once jumped to that card's first part).
    const last = await where(host);
    const lastIndex = DEBRIEF_CARDS.indexOf(last.card as (typeof DEBRIEF_CARDS)[number]);
    expect(lastIndex, "the teacher is on the last card").toBe(DEBRIEF_CARDS.length - 1);
    expect(last.part, "the last card has parts to step back through").toBeGreaterThan(0);
    await host.keyboard.press("ArrowRight");
    await host.keyboard.press("PageUp");
    await host.keyboard.press("PageUp");
    if (last.part >= 2) await shown(projector, last.card, last.part - 2);
    else {
      // Two steps back from part 2: the previous card, at its last part.
      const before = DEBRIEF_CARDS[lastIndex - 1]!;
      await projector.locator(`[data-testid="debrief"][data-card="${before}"] [data-testid="debrief-body"]`).first().waitFor({ timeout: 20_000 });
      expect((await where(projector)).part, `${before}: Page Up twice from ${last.card} part 2 lands on its last part`).toBe((await partsOnProjector()) - 1);
    }
    await host.keyboard.press("ArrowRight");
    await host.keyboard.press("PageDown");
    await Promise.all([shown(projector, last.card, last.part), shown(host, last.card, last.part), shown(phone, last.card, last.part)]);
  }, 600_000);

  it("fits a 1280×720 projector too, part by part", async () => {
    await projector.setViewportSize({ width: 1280, height: 720 });
    try {
      await goToCard(DEBRIEF_CARDS[0]!);
      for (const [index, card] of DEBRIEF_CARDS.entries()) {
        let parts = 1;
        for (let part = 0; part < parts; part++) {
          if (index > 0 || part > 0) await host.getByTestId("debrief-next").click();
          await Promise.all([shown(host, card, part), shown(projector, card, part)]);
          parts = await partsOnProjector();
          const check = await checkStage(projector);
          expect(check.pageScroll, `720p ${card} part ${part + 1}: the page scrolls`).toBeLessThanOrEqual(0);
          expect(check.bodyOverflow, `720p ${card} part ${part + 1}: the body overflows`).toBeLessThanOrEqual(1);
          expect(check.overlaps).toEqual([]);
          await saveScreenshot(projector, `debrief-720p-${index + 1}-${card}-${part + 1}-${check.kind}`, "projector");
        }
      }
    } finally {
      await projector.setViewportSize({ width: 1920, height: 1080 });
    }
  }, 600_000);

  it("follows the money: each mark with why it is marked, the teacher's reason for the one set aside, and the comparison with the unfunded", async () => {
    await goToCard("money");
    await nextTo("marks");
    const marks = projector.getByTestId("debrief-mark");
    await expect(marks.count()).resolves.toBe(2);
    const css = marks.filter({ hasText: debriefEn["debrief.money.markTitle"].replace("{role}", "CSS").replace("{option}", "A2") });
    await expect(css.innerText()).resolves.toContain(debriefEn["debrief.money.why"]);
    await expect(css.innerText()).resolves.toContain("DNS's fellowship programme brought CSS to London in round 1.");
    await expect(css.innerText()).resolves.toContain("A2 was worth −1 to CSS's people; A3 (+2) could still pass.");
    const ldc = marks.filter({ hasText: debriefEn["debrief.money.markAside"].replace("{role}", "LDC").replace("{option}", "A2") });
    await expect(ldc.innerText()).resolves.toContain(REASON);
    await expect(ldc.innerText()).resolves.not.toContain(debriefEn["debrief.money.why"]);
    // Funded: CS-S and LDC in round 1, EU in round 2 (one mark left standing). Unfunded: EU in round 1.
    const compare = projector.getByTestId("debrief-compare");
    await expect(compare.innerText()).resolves.toContain("1 / 3");
    await expect(compare.innerText()).resolves.toContain("0 / 1");
    // The student whose move is marked reads it as a fact for the discussion, never a verdict.
    const mine = phone.getByTestId("debrief-mine");
    await expect(mine.innerText()).resolves.toContain("One of the moves the class will look at is yours: on A2");
    expect(await phone.locator("body").innerText()).not.toMatch(/flag is on you|you are marked|captured/i);
    await saveScreenshot(projector, "debrief-marks-reviewed", "projector");
    await saveScreenshot(phone, "debrief-marks-reviewed", "phone");
    // Restored, the mark is back on every screen, and the count with it.
    await host.getByTestId("debrief-review-open").click();
    const id = (await host.locator('[data-testid^="restore-"]').getAttribute("data-testid"))!.replace("restore-", "");
    await host.getByTestId(`restore-${id}`).click();
    await projector.locator('[data-testid="debrief-mark"]:not(.debrief__mark--aside)').nth(1).waitFor();
    await expect(compare.innerText()).resolves.toContain("2 / 3");
    // … and set aside again, for the exports below.
    await host.getByTestId(`set-aside-${id}`).click();
    await host.getByTestId(`reason-${id}`).fill(REASON);
    await host.getByTestId(`confirm-${id}`).click();
    await compare.getByText("1 / 3").waitFor();
    await host.getByTestId("debrief-review-close").click();
  });

  it("shows the reasons behind the public-interest scores, and the class can re-weigh them on the projector and a phone", async () => {
    await goToCard("chair");
    await expect(projector.locator(".debrief__reason").first().innerText()).resolves.toBe("The people who already run the system keep doing it, so little can break.");
    const best = projector.getByTestId("weigh-best");
    await expect(best.innerText()).resolves.toContain("A3");
    // Inclusion of the Global South counts three times: an intergovernmental body (A4) comes out best.
    await projector.getByTestId("weight-2").fill("3");
    await expect(best.innerText()).resolves.toContain("A4");
    await saveScreenshot(projector, "debrief-weights", "projector");
    const check = await checkStage(projector);
    expect([check.pageScroll, check.small]).toEqual([0, []]);
    // On a phone, stability counting three times makes ICANN's own community (A2) best.
    await phone.getByTestId("weight-0").fill("3");
    await expect(phone.getByTestId("weigh-best").innerText()).resolves.toContain("A2");
    await expect(phone.getByTestId("debrief-mine").innerText()).resolves.toContain("Your card's case for the public");
    await saveScreenshot(phone, "debrief-weights", "phone");
    // Every role's own case for the public, on the next part.
    await nextTo("cases");
    await expect(projector.locator(".debrief__cases li").count()).resolves.toBe(9);
  });

  it("shows nicknames only while the teacher allows it", async () => {
    await goToCard("room");
    await projectorHasNoNicknames("before the switch");
    await host.getByTestId("debrief-names").click();
    await projector.getByText(SDK_STUDENTS.DNS, { exact: false }).first().waitFor();
    await saveScreenshot(projector, "debrief-nicknames", "projector");
    await host.getByTestId("debrief-names").click();
    await projector.waitForFunction((names) => !names.some((n) => document.body.innerHTML.includes(n)), NICKNAMES);
    await projectorHasNoNicknames("after hiding them again");
  });

  it("passes an accessibility scan on the teacher's page with the review open", async () => {
    await host.getByTestId("debrief-review-open").click();
    const violations = await findSeriousAxeViolations(host);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
    await host.getByTestId("debrief-review-close").click();
  });

  it("exports a pseudonymised CSV, and a summary that prints to one A4 page in the game's own words", async () => {
    expect(await host.getByTestId("debrief-pseudonymise").isChecked()).toBe(true);
    const [download] = await Promise.all([host.waitForEvent("download"), host.getByTestId("debrief-csv").click()]);
    expect(download.suggestedFilename()).toBe(`rough-consensus-${code}-pseudonymised.csv`);
    const csv = await readFile((await download.path())!, "utf8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain("Student 1");
    expect(csv).toContain(`[set aside by the teacher: ${REASON}]`);
    for (const nickname of NICKNAMES) expect(csv).not.toContain(nickname);
    const [summary] = await Promise.all([host.context().waitForEvent("page"), host.getByTestId("debrief-summary").click()]);
    await summary.waitForURL(/^blob:/);
    await summary.waitForLoadState();
    const text = await summary.locator("body").innerText();
    expect(text).toContain(code);
    expect(text).toContain(REASON);
    for (const nickname of NICKNAMES) expect(text).not.toContain(nickname);
    expectGameWords(text);
    expect(await pagesWhenPrinted(summary)).toBe(1);
    await summary.setViewportSize({ width: 794, height: 1123 });
    await summary.emulateMedia({ media: "print" });
    await saveScreenshot(summary, "debrief-summary-print", "chromebook");
    await summary.close();
  });

  it("prints a crowded match's summary on one page too, in every language: many payments and marks, long nicknames, two tables", async () => {
    const page = await browser.newPage();
    try {
      for (const tables of [1, 2]) {
        const match = crowdedMatch(tables);
        // German and French run longest: each language must still fit its page.
        for (const { code: language } of LANGUAGES) {
          const html = summaryHtml(match, false, { [match.debrief.tables[0]!.marks[0]!.id]: { reason: "A long reason the teacher wrote for the class to read, explaining why.", at: 0 } }, language);
          await page.setContent(html);
          if (language === "en") expectGameWords(await page.locator("body").innerText());
          expect(await pagesWhenPrinted(page), `${tables} table(s) in ${language}`).toBe(1);
        }
      }
      // German, the longest, as it prints: one table, an A4 page at 96 dpi.
      await page.setContent(summaryHtml(crowdedMatch(1), false, {}, "de"));
      await page.setViewportSize({ width: 794, height: 1123 });
      await page.emulateMedia({ media: "print" });
      await saveScreenshot(page, "debrief-summary-crowded-print-de", "chromebook");
    } finally {
      await page.close();
    }
  });

  it("logs no errors in any page", () => {
    expect(errors).toEqual([]);
  });
});

/** The summary uses the names on the game's screens, never the data's codes. */
function expectGameWords(text: string): void {
  expect(text).not.toMatch(/\bNGO-N\b|\bCS-S\b|status-quo|“live”/);
  expect(text.replaceAll("can live with it", "")).not.toMatch(/\blive\b/);
}

/** Prints the page to PDF as Chromium would on A4 and counts the pages. */
async function pagesWhenPrinted(page: Page): Promise<number> {
  const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true, printBackground: true });
  return pdf.toString("latin1").match(/\/Type\s*\/Page\b/g)?.length ?? 0;
}

/** A match with more than a class usually makes: ten payments, several marks, 24-character nicknames. */
function crowdedMatch(tables: number) {
  const m = new Match(undefined, { tables, rules: tables > 1 ? ["R1", "R3"] : ["R1"] });
  for (let t = 0; t < tables; t++) {
    for (const role of ["TECH", "USG", "EU", "DNS", "IP", "EMG", "NGO-N", "LDC", "CS-S"]) {
      const id = t === 0 ? role.toLowerCase() : `${role.toLowerCase()}@${t}`;
      m.ok({ type: "JoinMatch", playerId: id, nickname: `Maximilianna-Ottoline ${t}${role.length}` }, player(id));
      m.ok({ type: "AssignRole", player: id, table: t, role });
    }
  }
  m.start();
  const as = (role: string, t: number, command: Parameters<Match["ok"]>[0]) => m.ok(command, player(t === 0 ? role.toLowerCase() : `${role.toLowerCase()}@${t}`));
  for (let round = 0; round < 3; round++) {
    m.skipTo("travel", round);
    for (let t = 0; t < tables; t++) {
      for (const r of ["TECH", "USG", "EU", "DNS"]) as(r, t, { type: "BookTravel", mode: "in-person" });
      as("TECH", t, { type: "OfferFellowship", to: "CS-S", note: "A very long note about why this trip matters so much to us all, really" });
      as("USG", t, { type: "OfferFellowship", to: "LDC", note: "Come and see how stable the Internet can be when it is left alone" });
    }
    for (let t = 0; t < tables; t++) {
      const offers = m.s.tables[t]!.fellowships.filter((f) => f.status === "offered");
      for (const f of offers) as(f.to, t, { type: "AcceptFellowship", fellowship: f.id });
    }
    m.skipTo("negotiation", round);
    const d = m.s.scenario.dossiers[round]!;
    const [a, b] = [d.options[1]!.id, d.options[2]!.id];
    for (let t = 0; t < tables; t++) {
      as("TECH", t, { type: "TableOption", option: a });
      as("EU", t, { type: "TableOption", option: b });
      as("TECH", t, { type: "DeclarePosition", option: a, stance: "support" });
      as("USG", t, { type: "DeclarePosition", option: a, stance: "support" });
      for (const r of ["CS-S", "LDC"]) {
        as(r, t, { type: "DeclarePosition", option: a, stance: "object" });
        as("TECH", t, { type: "GiveGrant", to: r, amount: 1, note: "A small thank-you for listening to our case this afternoon" });
        as(r, t, { type: "DeclarePosition", option: a, stance: "live" });
        as(r, t, { type: "DeclarePosition", option: a, stance: "support" });
      }
    }
  }
  m.skipTo("outcome", 2);
  m.ok({ type: "EndMatch" });
  const events = m.events;
  return {
    header: { code: "CROWD", createdAt: m.now, classLabel: "A class with a very long label for its summary", settings: "{}", scenarioId: "who-runs-the-internet-2014", scenarioVersion: 2, rulesVersion: 1, seed: 7, status: "ended" as const, startedAt: m.now, endedAt: m.now, teacherTokenHash: "" },
    events,
    debrief: debrief(events),
  };
}

