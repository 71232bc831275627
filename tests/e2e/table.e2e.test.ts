// The table as the class sees it, in Chromium against the real server: a projector at
// 1920×1080 and a student's phone (390×844 at device pixel ratio 3) watch one round that the
// test scripts through the real SDK — trips booked at the delegation's own cost, on a
// sponsor's ticket and on the video link, travel closing, a grant, a statement from the floor
// and a comment from the wall, options tabled, the drafting group, positions turning face up,
// the verdict and its gains and losses — then the next round's incomes. For each it checks
// that the fact reached screen readers in words, keeps a screenshot of each phase on both
// screens and a frame-by-frame strip of each animation (test-output/screenshots/table-*),
// and that the table is sharp, readable on the projector, secret-keeping and still when idle.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type {} from "../../client/e2e-hooks.js";
import { en } from "../../client/text/en.js";
import { chromiumMissingMessage, findChromium, launchChromium, saveScreenshot } from "../helpers/browser.js";
import { startGameServer, type GameServer } from "./game-server.js";
import { captureFrames, command, createMatch, eventually, framesWhileIdle, joinAs, leave, saveFrame, saveStrip, tableState, teacherView, waitForSaid, waitForStill, type Device } from "./table-match.js";

const chromiumPath = findChromium();
if (!chromiumPath) console.warn(chromiumMissingMessage());

/** Animation speed in the pictures (?slowmo=N makes them N times slower; 1 is as in class). */
const slowmo = 1;
const longTimers = { briefing: 3600, travel: 3600, negotiation: 3600, decision: 3600, outcome: 3600 };
const statement = "We need a stable root. Let ICANN's community hold it.";
const remoteComment = "From Brussels: no deal without data protection.";

describe.skipIf(!chromiumPath)("the table: map, money, voices, drafting, decision and outcome", () => {
  let server: GameServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let projector: Page;
  let phone: Page;
  let teacher: Device;
  const roles = new Map<string, Device>();
  const errors: string[] = [];

  const as = (role: string): Device => {
    const d = roles.get(role);
    if (!d) throw new Error(`nobody scripted plays ${role}`);
    return d;
  };

  async function open(kind: "projector" | "phone", path: string): Promise<Page> {
    const context = await browser.newContext(
      kind === "projector"
        ? { viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 }
        : { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
    );
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    page.on("pageerror", (error) => errors.push(`${kind}: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`${kind}: ${message.text()}`);
    });
    await page.goto(`${server.url}${path}${path.includes("?") ? "&" : "?"}e2e=1&slowmo=${slowmo}`);
    return page;
  }

  /** Plays `trigger` and keeps the frames of the animation it starts on each page. */
  async function animation(name: string, trigger: () => Promise<unknown>, pages: { page: Page; device: "projector" | "phone" }[]): Promise<void> {
    const before = await Promise.all(pages.map(async ({ page }) => (await tableState(page)).said.length));
    let done = false;
    const triggered = trigger().finally(() => (done = true));
    await Promise.all(
      pages.map(async ({ page, device }, i) => {
        const frames = await captureFrames(page, before[i] ?? 0, () => done, device === "phone" ? 6 : 10);
        expect(frames.length, `${name} on the ${device}: frames`).toBeGreaterThan(0);
        await saveStrip(browser, frames, `table-frames-${name}-${device}`, device === "phone" ? 260 : 300);
      }),
    );
    await triggered;
    for (const { page } of pages) await waitForStill(page);
  }

  async function picture(name: string): Promise<void> {
    await Promise.all([waitForStill(projector), waitForStill(phone)]);
    await saveScreenshot(projector, `table-${name}`, "projector");
    await saveFrame(await phone.locator("#game-container").screenshot(), `table-${name}-phone-table`);
    await saveScreenshot(phone, `table-${name}`, "phone");
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([startGameServer(inject("clientDir")), launchChromium({ compositing: "gpu" })]);
  });

  afterAll(async () => {
    await leave([teacher, ...roles.values()].filter(Boolean));
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  it("plays a round on the projector and a phone, in pictures and in words", async () => {
    const { code, teacherToken } = await createMatch(server.url, { tables: 1, rules: ["R1"], chair: "automatic", timerPreset: "custom", timers: longTimers });
    teacher = await joinAs(server.url, code, { as: "teacher", teacherToken }, "teacher");
    // LDC has nobody: it will be absent. DNS is a scripted delegate plus the student on the phone.
    for (const role of ["TECH", "USG", "EU", "DNS", "IP", "EMG", "NGO-N", "CS-S"]) roles.set(role, await joinAs(server.url, code, { as: "player", nickname: `Delegate ${role}` }, role));
    projector = await open("projector", `projector/${code}`);
    phone = await open("phone", `join/${code}`);
    await phone.getByLabel(en["landing.student.nicknameLabel"]).fill("Phone");
    await phone.getByRole("button", { name: en["landing.student.join"], exact: true }).click();
    const phonePlayer = await eventually(() => teacherView(teacher).players.find((p) => p.nickname === "Phone")?.id, "the phone's player");
    for (const [role, device] of roles) await command(teacher, { type: "AssignRole", player: device.player as string, table: 0, role });
    await command(teacher, { type: "AssignRole", player: phonePlayer, table: 0, role: "DNS" });
    await command(teacher, { type: "StartMatch" });

    // Briefing: the map of round 1.
    for (const page of [projector, phone]) await page.waitForFunction(() => window.__e2e?.tableScreen === "map" && window.__e2e?.ready === true, undefined, { timeout: 90_000 });
    await picture("1-briefing");
    expect(await framesWhileIdle(projector), "projector frames while nothing changes").toBe(0);
    expect(await framesWhileIdle(phone), "phone frames while nothing changes").toBe(0);

    // Travel: tickets, paid by the delegation itself, by a sponsor, or a video link.
    await command(teacher, { type: "AdvancePhase" });
    await animation("ticket-self-paid", () => command(as("TECH"), { type: "BookTravel", mode: "in-person", delegates: 2 }), [
      { page: projector, device: "projector" },
      { page: phone, device: "phone" },
    ]);
    for (const role of ["USG", "DNS", "IP", "EMG"]) await command(as(role), { type: "BookTravel", mode: "in-person" });
    for (const role of ["EU", "NGO-N"]) await command(as(role), { type: "BookTravel", mode: "remote" });
    await command(as("DNS"), { type: "OfferFellowship", to: "CS-S", note: "Come to London." });
    const offerId = await eventually(() => teacherView(teacher).tables[0]?.fellowships.find((f) => f.to === "CS-S" && f.status === "offered")?.id, "the fellowship offer");
    await waitForSaid(projector, "European Union will join by video link");
    await animation("ticket-sponsored", () => command(as("CS-S"), { type: "AcceptFellowship", fellowship: offerId }), [
      { page: projector, device: "projector" },
      { page: phone, device: "phone" },
    ]);
    await picture("2-travel");

    // Travel closes: the delegations fly in, the video links reach out, LDC stays home.
    await animation("travel-closes", () => command(teacher, { type: "AdvancePhase" }), [
      { page: projector, device: "projector" },
      { page: phone, device: "phone" },
    ]);
    for (const page of [projector, phone]) await page.waitForFunction(() => window.__e2e?.tableScreen === "room");
    await picture("3-negotiation-room");

    // Money moving: a grant from DNS to CS-S. The phone (DNS) sees whom it went to; the projector sees balances move.
    await animation("grant", () => command(as("DNS"), { type: "GiveGrant", to: "CS-S", amount: 2, note: "For your inclusion plan" }), [
      { page: projector, device: "projector" },
      { page: phone, device: "phone" },
    ]);
    // Voices: the floor, then the wall.
    await animation("floor", () => command(as("USG"), { type: "MakeStatement", text: statement }), [{ page: projector, device: "projector" }]);
    await animation("remote-comment", () => command(as("EU"), { type: "PostRemoteComment", text: remoteComment }), [{ page: projector, device: "projector" }]);
    await animation("tabled", () => command(as("TECH"), { type: "TableOption", option: "A2" }), [{ page: projector, device: "projector" }]);
    await command(as("EMG"), { type: "TableOption", option: "A3" });
    await animation("drafting", () => command(teacher, { type: "NameDrafter", table: 0, role: "USG", seated: true }).then(() => command(teacher, { type: "NameDrafter", table: 0, role: "DNS", seated: true })), [
      { page: projector, device: "projector" },
      { page: phone, device: "phone" },
    ]);
    await picture("4-negotiation");

    // Decision: positions turn face up.
    await command(teacher, { type: "AdvancePhase" });
    await animation(
      "positions",
      async () => {
        for (const [role, stance] of [["USG", "support"], ["TECH", "support"], ["DNS", "support"], ["IP", "live"], ["EMG", "live"], ["EU", "support"], ["CS-S", "live"]] as const) await command(as(role), { type: "DeclarePosition", option: "A2", stance });
        for (const [role, stance] of [["USG", "object"], ["EMG", "support"], ["CS-S", "support"], ["TECH", "object"]] as const) await command(as(role), { type: "DeclarePosition", option: "A3", stance });
      },
      [{ page: projector, device: "projector" }],
    );
    await picture("5-decision");

    // Outcome: the verdict, and what it means for every seat.
    await animation("outcome", () => command(teacher, { type: "AdvancePhase" }), [
      { page: projector, device: "projector" },
      { page: phone, device: "phone" },
    ]);
    await picture("6-outcome");

    // The next round: back to the map, incomes fall into the wallets.
    await animation("next-round", () => command(teacher, { type: "AdvancePhase" }), [{ page: projector, device: "projector" }]);
    await picture("7-round-2-briefing");

    // Every animated fact reached screen readers, in words a student knows.
    const projectorSaid = (await tableState(projector)).said.join("\n");
    const phoneSaid = (await tableState(phone)).said.join("\n");
    for (const words of [
      "Big Tech platforms will fly to London.",
      "European Union will join by video link.",
      "Travel closes. Flying to London:",
      "Staying away: Least-developed-country government",
      "Tokens changed:",
      `US government has the floor: “${statement}”`,
      `European Union, on the video link: “${remoteComment}”`,
      "Big Tech platforms puts A2 on the table",
      "The drafting group gathers:",
      "Positions face up:",
      "US government objects to A3",
      "Verdict under Rough consensus: A2",
      "What A2 means for each delegation:",
      "Round 2 opens in São Paulo.",
    ]) expect(projectorSaid, `the projector's table said "${words}"`).toContain(words);
    for (const words of ["ICANN and the domain industry books a trip to London and pays 2 tokens itself.", "Global-South civil society flies to London on a ticket paid by ICANN and the domain industry.", "ICANN and the domain industry gives Global-South civil society 2 tokens.", "What A2 means for each delegation:"]) {
      expect(phoneSaid, `the phone's table said "${words}"`).toContain(words);
    }
    // Who paid whose trip and who gave whom tokens stays with those involved until the end.
    expect(projectorSaid).not.toContain("paid by ICANN");
    expect(projectorSaid).not.toContain("gives Global-South civil society");
    expect(await projector.locator("#game-container").getAttribute("aria-label")).not.toContain("ICANN and the domain industry by");

    // Sharp on the phone: one canvas pixel per device pixel.
    const phoneCanvas = (await tableState(phone)).canvas;
    expect(phoneCanvas?.pixelRatio).toBe(3);
    expect(phoneCanvas?.width).toBe(Math.round((phoneCanvas?.cssWidth ?? 0) * 3));
    // Readable from the back of the room: no canvas text under 20 px on the 1080p projector.
    const smallest = (await tableState(projector)).smallestTextPx ?? 0;
    expect(smallest, "smallest canvas text on the projector, CSS px").toBeGreaterThanOrEqual(20);
    // And still when nothing moves.
    expect(await framesWhileIdle(projector)).toBe(0);
    expect(errors).toEqual([]);
  }, 900_000);
});
