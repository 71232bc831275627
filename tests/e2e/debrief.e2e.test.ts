// The debrief in real browsers: a match is played to the end quickly through the real SDK
// (two students, six instant bots, one student in Chromium on a phone), then the teacher leads
// the whole debrief from the host page by the UI alone; the projector and the phone follow
// card by card. Screenshots of every card at projector and phone sizes, an axe scan, the
// projector never shows a nickname while they are hidden, and the exports are pseudonymised.
import { readFile } from "node:fs/promises";
import { Client, type Room } from "@colyseus/sdk";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type {} from "../../client/e2e-hooks.js";
import { en } from "../../client/text/en.js";
import { DEBRIEF_CARDS, debriefEn } from "../../client/text/debrief-en.js";
import { follow, heldBy, viewOf } from "../helpers/sync-client.js";
import { chromiumMissingMessage, findChromium, findSeriousAxeViolations, launchChromium, openPage, saveScreenshot, type ScreenSizeName } from "../helpers/browser.js";
import { startGameServer, type GameServer } from "./game-server.js";

const chromiumPath = findChromium();
if (!chromiumPath) console.warn(chromiumMissingMessage());

/** Nicknames that appear nowhere else: the projector must not show them unless allowed. */
const BROWSER_STUDENT = "Zephyrine";
const SDK_STUDENTS = { DNS: "Quillon", "CS-S": "Marisol" } as const;
const NICKNAMES = [BROWSER_STUDENT, ...Object.values(SDK_STUDENTS)];

const state = (room: Room) => viewOf(room);

async function until<T>(what: string, fn: () => T | undefined | false, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = fn();
    if (value !== undefined && value !== false) return value as T;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
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

  async function open(size: ScreenSizeName, path: string, label: string): Promise<Page> {
    const { context, page } = await openPage(browser, size);
    contexts.push(context);
    page.setDefaultTimeout(30_000);
    page.on("pageerror", (error) => errors.push(`${label}: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`${label}: ${message.text()}`);
    });
    const [where = "", hash] = path.split("#");
    await page.goto(`${server.url}${where}${where.includes("?") ? "&" : "?"}e2e=1${hash ? `#${hash}` : ""}`);
    return page;
  }

  const cardShown = (page: Page, card: string) => page.locator(`[data-testid="debrief"][data-card="${card}"] .debrief__body`).waitFor({ timeout: 20_000 });

  beforeAll(async () => {
    process.env.BOT_PACE = "instant";
    server = await startGameServer(inject("clientDir"));
    browser = await launchChromium();
    const created = await fetch(`${server.url}api/matches`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ settings: { classLabel: "Debrief e2e", rules: ["R1"], chair: "automatic", bots: true } }),
    });
    ({ code, teacherToken: token } = (await created.json()) as { code: string; teacherToken: string });
    const sdk = async (options: object) => follow(await new Client(server.url.replace(/\/$/, "")).joinById(code, options));
    const teacher = await sdk({ as: "teacher", teacherToken: token });
    rooms.push(teacher);
    // One student on a phone in Chromium, joined by the form; two more through the SDK.
    phone = await open("phone", `join/${code}`, "phone");
    await phone.getByLabel(en["landing.student.nicknameLabel"]).fill(BROWSER_STUDENT);
    await phone.getByRole("button", { name: en["landing.student.join"], exact: true }).click();
    await phone.waitForFunction(() => window.__e2e?.phase === "lobby");
    const students: Record<string, Room> = {};
    for (const [role, nickname] of Object.entries(SDK_STUDENTS)) {
      const room = await sdk({ as: "player", nickname });
      students[role] = room;
      rooms.push(room);
    }
    const act = async (room: Room, intent: object) => {
      const reply = (await room.request("command", intent)) as { ok: boolean; message?: string };
      if (!reply.ok) throw new Error(`${JSON.stringify(intent)}: ${reply.message}`);
    };
    const idOf = (nickname: string) => until(nickname, () => heldBy(teacher)?.view.players.find((p) => p.nickname === nickname)?.id);
    await act(teacher, { type: "AssignRole", player: await idOf(BROWSER_STUDENT), table: 0, role: "NGO-N" });
    for (const [role, nickname] of Object.entries(SDK_STUDENTS)) await act(teacher, { type: "AssignRole", player: await idOf(nickname), table: 0, role });
    await act(teacher, { type: "StartMatch" });
    const phase = () => state(teacher).phase;
    const advanceTo = async (target: string) => {
      for (let i = 0; i < 8 && phase() !== target; i++) {
        const before = phase();
        await act(teacher, { type: "AdvancePhase" });
        await until(`after ${before}`, () => phase() !== before);
      }
      expect(phase()).toBe(target);
    };
    // Round 1: DNS pays Global-South civil society's trip; after the money it supports A2, DNS's favourite.
    await advanceTo("travel");
    await act(students.DNS!, { type: "BookTravel", mode: "in-person", delegates: 1 });
    await act(students.DNS!, { type: "OfferFellowship", to: "CS-S", note: "We would love to hear from you." });
    const offer = await until("the offer", () => heldBy(students["CS-S"]!)?.view.tables[0]?.fellowships.find((f) => f.from === "DNS" && f.status === "offered"));
    await act(students["CS-S"]!, { type: "AcceptFellowship", fellowship: offer.id });
    await advanceTo("negotiation");
    // A2 goes on the table: CS-S tables it, unless a bot (acting at once) was first.
    const tabling = (await students["CS-S"]!.request("command", { type: "TableOption", option: "A2" })) as { ok: boolean; code?: string };
    expect(tabling.ok || tabling.code === "already-tabled", JSON.stringify(tabling)).toBe(true);
    await advanceTo("decision");
    await act(students["CS-S"]!, { type: "DeclarePosition", option: "A2", stance: "support" });
    await act(students.DNS!, { type: "DeclarePosition", option: "A2", stance: "support" });
    for (let i = 0; i < 20 && state(teacher).status !== "ended"; i++) {
      const before = `${state(teacher).status}/${phase()}`;
      await new Promise((r) => setTimeout(r, 120));
      await act(teacher, { type: "AdvancePhase" });
      await until("the next phase", () => `${state(teacher).status}/${phase()}` !== before);
    }
    expect(state(teacher).status).toBe("ended");
    host = await open("chromebook", `teacher/${code}#token=${token}`, "host");
    projector = await open("projector", `projector/${code}`, "projector");
  }, 180_000);

  afterAll(async () => {
    // Cleanup tolerates a room the server already closed and a context already gone with the browser.
    await Promise.all(rooms.map((r) => r.leave(true).catch(() => undefined)));
    await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
    await browser?.close();
    await server?.stop();
  });

  async function projectorHasNoNicknames(when: string): Promise<void> {
    const html = await projector.content();
    for (const nickname of NICKNAMES) expect(html, `${when}: the projector shows ${nickname}`).not.toContain(nickname);
  }

  it("shows every card on the host, the projector and the phone as the teacher steps through them", async () => {
    for (const [index, card] of DEBRIEF_CARDS.entries()) {
      if (index > 0) await host.getByTestId("debrief-next").click();
      await Promise.all([cardShown(host, card), cardShown(projector, card), cardShown(phone, card)]);
      await expect(projector.locator("#debrief-card-title").textContent()).resolves.toBe(debriefEn[`debrief.${card}.title`]);
      await expect(phone.locator("#debrief-card-title").textContent()).resolves.toBe(debriefEn[`debrief.${card}.title`]);
      // A screen reader on the phone hears the new card.
      if (index > 0) await phone.waitForFunction((title) => document.querySelector('[data-testid="announcer"]')?.textContent?.includes(title), debriefEn[`debrief.${card}.title`]);
      // The student's own facts are on the phone, never on the projector.
      expect(await projector.getByTestId("debrief-mine").count()).toBe(0);
      if (card === "outcomes") {
        // The student's own role is marked in the chart; the projector marks nobody's.
        expect(await phone.locator(".chart__mine").count()).toBe(1);
        expect(await projector.locator(".chart__mine").count()).toBe(0);
      }
      await projectorHasNoNicknames(`card ${card}`);
      const violations = [...(await findSeriousAxeViolations(projector)), ...(await findSeriousAxeViolations(phone))];
      expect(violations, `${card}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
      await saveScreenshot(projector, `debrief-${card}`, "projector");
      await saveScreenshot(phone, `debrief-${card}`, "phone");
      if (card === "outcomes" || card === "money") await saveScreenshot(host, `debrief-host-${card}`, "chromebook");
    }
    // Back one card, and the keyboard works too.
    await host.getByTestId("debrief-previous").click();
    await cardShown(projector, DEBRIEF_CARDS.at(-2)!);
    await host.keyboard.press("ArrowRight");
    await cardShown(projector, DEBRIEF_CARDS.at(-1)!);
  }, 300_000);

  it("adds the student's own facts on the phone, and marks the capture after the money", async () => {
    await host.locator(".debrief__all summary").click();
    await host.getByRole("button", { name: debriefEn["debrief.goTo"].replace("{number}", "3").replace("{title}", debriefEn["debrief.money.title"]) }).click();
    await Promise.all([cardShown(projector, "money"), cardShown(phone, "money")]);
    const mine = phone.getByTestId("debrief-mine");
    await expect(mine.textContent()).resolves.toContain(debriefEn["debrief.yours"]);
    // DNS paid CS-S's trip: the flow diagram names both, and the flag is shown.
    const money = await projector.locator('[data-testid="debrief"] .debrief__body').textContent();
    expect(money).toContain("DNS");
    expect(money).toContain("CSS");
    expect(await projector.locator(".debrief__flags li").count()).toBeGreaterThan(0);
    // Every chart is an image with a label, and its words are one click away.
    const charts = projector.locator('.chart svg[role="img"]');
    expect(await charts.count()).toBeGreaterThan(0);
    for (const label of await charts.evaluateAll((svgs) => svgs.map((s) => s.getAttribute("aria-label") ?? ""))) expect(label.length).toBeGreaterThan(20);
    await projector.locator(".chart__words summary").first().click();
    await expect(projector.locator(".chart__words li").first().isVisible()).resolves.toBe(true);
  });

  it("shows nicknames only while the teacher allows it", async () => {
    await projectorHasNoNicknames("before the switch");
    await host.getByTestId("debrief-names").click();
    await projector.getByText(SDK_STUDENTS.DNS, { exact: false }).first().waitFor();
    await saveScreenshot(projector, "debrief-nicknames", "projector");
    await host.getByTestId("debrief-names").click();
    await projector.waitForFunction((names) => !names.some((n) => document.body.innerHTML.includes(n)), NICKNAMES);
    await projectorHasNoNicknames("after hiding them again");
  });

  it("passes an accessibility scan on every screen of the debrief", async () => {
    for (const [page, name] of [
      [host, "host"],
      [projector, "projector"],
      [phone, "phone"],
    ] as const) {
      const violations = await findSeriousAxeViolations(page);
      expect(violations, `${name}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
    }
  });

  it("exports a pseudonymised CSV and summary from the host page", async () => {
    expect(await host.getByTestId("debrief-pseudonymise").isChecked()).toBe(true);
    const [download] = await Promise.all([host.waitForEvent("download"), host.getByTestId("debrief-csv").click()]);
    expect(download.suggestedFilename()).toBe(`rough-consensus-${code}-pseudonymised.csv`);
    const csv = await readFile((await download.path())!, "utf8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain("Student 1");
    for (const nickname of NICKNAMES) expect(csv).not.toContain(nickname);
    const [summary] = await Promise.all([host.context().waitForEvent("page"), host.getByTestId("debrief-summary").click()]);
    await summary.waitForURL(/^blob:/);
    await summary.waitForLoadState();
    const html = await summary.content();
    expect(html).toContain(code);
    for (const nickname of NICKNAMES) expect(html).not.toContain(nickname);
    await summary.setViewportSize({ width: 1366, height: 768 });
    await summary.emulateMedia({ media: "print" });
    await saveScreenshot(summary, "debrief-summary-print", "chromebook");
    await summary.close();
  });

  it("logs no errors in any page", () => {
    expect(errors).toEqual([]);
  });
});
