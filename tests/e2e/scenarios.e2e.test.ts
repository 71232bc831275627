// Scenarios as a teacher meets them on the setup page, in real Chromium against the real server:
// - the second shipped scenario is picked from the list (its own description, seat count, rule
//   explanations and variant holders shown), played to the end with bots in the empty seats and
//   one student on a phone, and debriefed with that scenario's own roles and history;
// - a third scenario is uploaded from a file: a file that is not JSON and a file with bad fields
//   are refused with the line or the fields named and nothing kept; a good one is kept on the
//   server under the teacher's key (listed again after a reload, never for another browser),
//   chosen, and opens a match. The list a browser receives holds no payoff and no private text.
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type {} from "../../client/e2e-hooks.js";
import { en } from "../../client/text/en.js";
import { DEBRIEF_CARDS, debriefEn } from "../../client/text/debrief-en.js";
import { chromiumMissingMessage, findChromium, findSeriousAxeViolations, launchChromium, openPage, saveScreenshot } from "../helpers/browser.js";
import { startGameServer, type GameServer } from "./game-server.js";

const chromiumPath = findChromium();
if (!chromiumPath) console.warn(chromiumMissingMessage());

interface ScenarioFile {
  id: string;
  title: string;
  summary: string;
  roles: { id: string; name: string; income: number; group: string; abilities?: { blocVotes?: number; surveillance?: boolean }; knowledge?: { notes?: string[] } }[];
  dossiers: { id: string; title: string; options: { payoffs: Record<string, number> }[] }[];
  rider?: { owner: string };
  whatHappened?: string[];
  [key: string]: unknown;
}

const readJson = (relative: string) => JSON.parse(readFileSync(new URL(relative, import.meta.url), "utf8")) as ScenarioFile;
const SECOND = readJson("../../server/scenarios/whose-internet-net-neutrality.json");
const DEFAULT = readJson("../../server/scenarios/who-runs-the-internet-2014.json");
const THIRD = readJson("../fixtures/five-roles.json");
const PHASES = ["briefing", "travel", "negotiation", "decision", "outcome"] as const;

/** A catalog message with its placeholders filled (plural blocks by their "other" form). */
function message(key: keyof typeof en | keyof typeof debriefEn, params: Record<string, string | number> = {}): string {
  let text: string = key in en ? en[key as keyof typeof en] : debriefEn[key as keyof typeof debriefEn];
  text = text.replace(/\{(\w+), plural, one \{([^}]*)\} other \{([^}]*)\}\}/g, (_, name: string, one: string, other: string) => (params[name] === 1 ? one : other).replaceAll("#", String(params[name])));
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

describe.skipIf(!chromiumPath)("scenarios a teacher chooses and uploads", () => {
  let server: GameServer;
  let browser: Browser;
  const errors: string[] = [];

  async function open(size: "chromebook" | "handset" | "projector", path: string, label: string): Promise<Page> {
    const { page } = await openPage(browser, size);
    page.setDefaultTimeout(30_000);
    page.on("pageerror", (error) => errors.push(`${label}: ${error.message}`));
    await page.goto(`${server.url}${path}${path.includes("?") ? "&" : "?"}e2e=1`);
    return page;
  }

  async function setupPage(label: string): Promise<Page> {
    const teacher = await open("chromebook", "", label);
    await teacher.getByRole("button", { name: en["landing.teacher.start"] }).click();
    await teacher.getByRole("heading", { name: en["setup.heading"] }).waitFor();
    await teacher.getByTestId("scenario-about").waitFor();
    return teacher;
  }

  const choices = (page: Page) => page.getByLabel(en["setup.scenario"], { exact: true }).locator("option").evaluateAll((options) => options.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? "" })));

  beforeAll(async () => {
    // Bots act at once, so the test waits on what they did rather than on their pace.
    process.env.BOT_PACE = "instant";
    [server, browser] = await Promise.all([startGameServer(inject("clientDir")), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("plays the second shipped scenario, picked on the setup page, to the debrief with bots in the empty seats", async () => {
    const teacher = await setupPage("teacher");
    const scenario = teacher.getByLabel(en["setup.scenario"], { exact: true });
    await scenario.selectOption(SECOND.id);
    // The choice shows the scenario's own description and size, and the rules and variants read its roles.
    const about = teacher.getByTestId("scenario-about");
    await about.filter({ hasText: SECOND.summary }).waitFor();
    expect(await about.textContent()).toContain(message("setup.scenarioFacts", { roles: SECOND.roles.length, rounds: SECOND.dossiers.length, language: "English" }));
    await expect(teacher.locator("#tables-hint").textContent()).resolves.toBe(message("setup.tablesHint", { roles: SECOND.roles.length }));
    const bloc = SECOND.roles.find((r) => (r.abilities?.blocVotes ?? 1) > 1)!;
    await expect(teacher.locator("#rule-explain-R4").textContent()).resolves.toContain(message("rule.bloc", { name: bloc.name, votes: bloc.abilities!.blocVotes! }));
    const listener = SECOND.roles.find((r) => r.abilities?.surveillance)!;
    const owner = SECOND.roles.find((r) => r.id === SECOND.rider!.owner)!;
    await expect(teacher.getByLabel(message("setup.surveillance", { roles: listener.name })).isVisible()).resolves.toBe(true);
    await expect(teacher.getByLabel(message("setup.lateInsertion", { role: owner.name })).isChecked()).resolves.toBe(true);
    const setupText = (await teacher.locator("#game-screen").textContent()) ?? "";
    const defaultOnly = DEFAULT.roles.map((r) => r.name).filter((name) => !SECOND.roles.some((r) => r.name === name));
    for (const name of defaultOnly) expect(setupText, `the setup page names ${name}`).not.toContain(name);
    await saveScreenshot(teacher, "scenario-second-setup", "chromebook");

    await teacher.getByRole("radio", { name: en["rule.short.R4"] }).check();
    await teacher.getByLabel(message("setup.surveillance", { roles: listener.name })).check();
    await teacher.getByLabel(en["setup.bots"]).check();
    await teacher.getByLabel(en["setup.timer.custom"]).check();
    for (const phase of PHASES) await teacher.getByLabel(message("setup.timerPhase", { phase: en[`phase.${phase}`] })).fill("900");
    await teacher.getByRole("button", { name: en["setup.create"] }).click();
    await teacher.waitForFunction(() => window.__e2e?.phase === "lobby");
    const code = ((await teacher.getByTestId("join-code").textContent()) ?? "").trim();

    // One student on a phone; the bots take the other seven.
    const phone = await open("handset", `join/${code}`, "phone");
    await phone.getByLabel(en["landing.student.nicknameLabel"]).fill("Ife");
    await phone.getByRole("button", { name: en["landing.student.join"], exact: true }).click();
    await phone.waitForFunction(() => window.__e2e?.phase === "lobby");
    await teacher.getByText("Ife", { exact: true }).first().waitFor();
    await teacher.getByRole("button", { name: en["host.assignAuto"] }).click();
    const role = await phone.waitForFunction(() => (typeof window.__e2e?.role === "string" && window.__e2e.role !== "" ? window.__e2e.role : null)).then((r) => r.jsonValue());
    expect(SECOND.roles.map((r) => r.id)).toContain(role);
    await teacher.getByRole("button", { name: en["host.start"] }).click();
    await phone.waitForFunction(() => window.__e2e?.phase === "briefing");

    const token = await teacher.evaluate((c) => localStorage.getItem(`rough-consensus.${c}.teacher`) ?? "", code);
    type Recorded = { type: string; role?: string; kind?: string; player?: string; by?: string; decision?: { adopted: string } };
    const recorded = async () => ((await (await fetch(`${server.url}api/matches/${code}/record`, { headers: { authorization: `Bearer ${token}` } })).json()) as { events: { event: Recorded }[] }).events.map((e) => e.event);
    const bots = (await recorded()).filter((e) => e.type === "PlayerJoined" && e.kind === "bot");
    expect(bots.map((e) => e.role).sort()).toEqual(SECOND.roles.map((r) => r.id).filter((id) => id !== role).sort());
    const botRoles = new Set(bots.map((e) => e.role));
    const thisRound = (events: Recorded[]) => events.slice(events.map((e) => e.type).lastIndexOf("RoundOpened"));
    /** Waits until the record shows `what`: the bots act on their own, the test waits on what they did. */
    const waitForRecord = async (what: string, done: (events: Recorded[]) => boolean) => {
      const end = Date.now() + 60_000;
      while (!done(await recorded())) {
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
        await teacher.waitForTimeout(250);
      }
    };
    for (let round = 0; round < SECOND.dossiers.length; round++) {
      for (const phase of PHASES) {
        if (round === 0 && phase === "briefing") continue;
        const before = await teacher.evaluate(() => window.__e2e?.phase ?? "");
        if (before === "travel") await waitForRecord(`the bots' trips in round ${round + 1}`, (events) => thisRound(events).some((e) => e.type === "TravelBooked" && botRoles.has(e.role)));
        if (before === "negotiation") await waitForRecord(`a bot tabling in round ${round + 1}`, (events) => thisRound(events).some((e) => e.type === "OptionTabled" && botRoles.has(e.by)));
        if (before === "decision") await waitForRecord(`the bots' positions in round ${round + 1}`, (events) => thisRound(events).some((e) => e.type === "PositionDeclared"));
        await teacher.getByRole("button", { name: en["host.skip"] }).click();
        await teacher.waitForFunction((b) => window.__e2e?.phase !== b, before, { timeout: 30_000 });
      }
    }
    await teacher.getByRole("button", { name: en["host.skip"] }).click();
    await Promise.all([teacher, phone].map((page) => page.waitForFunction(() => window.__e2e?.phase === "ended")));
    const decided = (await recorded()).filter((e) => e.type === "DossierDecided").map((e) => e.decision!.adopted);
    expect(decided).toHaveLength(SECOND.dossiers.length);
    decided.forEach((option, i) => expect(option.startsWith(SECOND.dossiers[i]!.id)).toBe(true));

    // The debrief, led from the host page: its first card, then "What really happened" from this scenario's file.
    const shown = (page: Page, card: string) => page.locator(`[data-testid="debrief"][data-card="${card}"] [data-testid="debrief-body"]`).first().waitFor({ timeout: 30_000 });
    await Promise.all([shown(teacher, DEBRIEF_CARDS[0]), shown(phone, DEBRIEF_CARDS[0])]);
    const list = teacher.locator(".debrief__all");
    if (!(await list.evaluate((d) => (d as HTMLDetailsElement).open))) await list.locator("summary").click();
    const history = DEBRIEF_CARDS.indexOf("history");
    await teacher.getByRole("button", { name: message("debrief.goTo", { number: history + 1, title: debriefEn["debrief.history.title"] }) }).click();
    await Promise.all([shown(teacher, "history"), shown(phone, "history")]);
    const seen: string[] = [];
    for (let part = 0; part < 8; part++) {
      seen.push((await teacher.locator('[data-testid="debrief"]').textContent()) ?? "");
      if (seen.join(" ").includes(SECOND.whatHappened![0]!.slice(0, 60))) break;
      await teacher.getByTestId("debrief-next").click();
      await shown(teacher, "history");
    }
    const debriefText = seen.join(" ");
    expect(debriefText).toContain(SECOND.whatHappened![0]!.slice(0, 60));
    for (const word of [...defaultOnly, DEFAULT.title, "2014"]) expect(debriefText, `the debrief says "${word}"`).not.toContain(word);
    await saveScreenshot(teacher, "scenario-second-debrief-history", "chromebook");
    await saveScreenshot(phone, "scenario-second-debrief-history", "handset");
  }, 420_000);

  it("uploads a third scenario from a file: bad files refused with the line or the fields named, a good one kept under the teacher's key and used for a match", async () => {
    const teacher = await setupPage("teacher");
    const listed = await choices(teacher);
    expect(listed.map((c) => c.value)).toEqual([DEFAULT.id, SECOND.id]);
    const upload = teacher.getByLabel(en["setup.upload"]);
    const status = teacher.getByTestId("upload-status");

    // Not JSON: refused with where the mistake is.
    await upload.setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from('{\n  "id": "x",\n  "title": "Missing comma"\n  "version": 1\n}') });
    await status.filter({ hasText: "broken.json" }).waitFor();
    expect(await status.getAttribute("role")).toBe("alert");
    expect(await status.textContent()).toMatch(/not valid JSON \(line 4, column \d+\)/);
    expect(await status.isVisible()).toBe(true);

    // Valid JSON, bad fields: each field and its problem named, nothing kept.
    const bad = structuredClone(THIRD);
    bad.roles[1]!.income = 500;
    bad.rules = ["R5"];
    await upload.setInputFiles({ name: "bad-fields.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(bad, null, 2)) });
    await status.filter({ hasText: "bad-fields.json" }).waitFor();
    const issues = await status.locator("li").allTextContents();
    expect(await status.textContent()).toContain(message("setup.uploadFailedFields", { file: "bad-fields.json", count: 2 }));
    expect(issues).toEqual(["roles[1].income: must be at most 100", 'rules[0]: must be one of "R1", "R2", "R3", "R4"']);
    await saveScreenshot(teacher, "scenario-upload-refused", "chromebook");
    expect((await choices(teacher)).map((c) => c.value)).toEqual([DEFAULT.id, SECOND.id]);

    // A good file, with one field the format does not know: kept, chosen, the field listed as ignored.
    const listResponse = teacher.waitForResponse((r) => r.url().endsWith("/api/scenarios") && r.request().method() === "GET");
    await upload.setInputFiles({ name: "city-wifi.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ ...THIRD, sumary: "a typo" }, null, 2)) });
    await status.filter({ hasText: THIRD.title }).waitFor();
    expect(await status.getAttribute("role")).toBe("status");
    expect(await status.textContent()).toContain(message("setup.uploaded", { title: THIRD.title, roles: THIRD.roles.length, rounds: THIRD.dossiers.length }));
    expect(await status.locator("li").allTextContents()).toEqual(["sumary"]);
    await expect(status.textContent()).resolves.toContain(en["setup.uploadWarnings"]);
    // What the browser was sent about it: public facts only.
    const sent = await (await listResponse).text();
    for (const secret of ["payoffs", "subScores", "knowledge", "seesAllPayoffs", "hiddenPayoffs"]) expect(sent).not.toContain(secret);
    expect(await teacher.getByLabel(en["setup.scenario"], { exact: true }).inputValue()).toBe(THIRD.id);
    await expect(teacher.getByTestId("scenario-about").textContent()).resolves.toContain(THIRD.summary);
    await expect(teacher.locator("#tables-hint").textContent()).resolves.toBe(message("setup.tablesHint", { roles: THIRD.roles.length }));
    await saveScreenshot(teacher, "scenario-uploaded", "chromebook");

    // Kept on the server under this browser's teacher key: listed again after a reload.
    const key = await teacher.evaluate(() => localStorage.getItem("rough-consensus.matches.teacher"));
    expect(key).toMatch(/\S{20,}/);
    await teacher.goto(`${server.url}?e2e=1`);
    await teacher.getByRole("button", { name: en["landing.teacher.start"] }).click();
    await teacher.getByTestId("scenario-about").waitFor();
    await teacher.waitForFunction((id) => [...document.querySelectorAll('select[name="scenario"] option')].some((o) => (o as HTMLOptionElement).value === id), THIRD.id);
    // Another teacher's browser does not see it.
    const stranger = await setupPage("another teacher");
    expect((await choices(stranger)).map((c) => c.value)).toEqual([DEFAULT.id, SECOND.id]);
    await stranger.close();

    // It opens a match: the lobby seats its roles.
    await teacher.getByLabel(en["setup.scenario"], { exact: true }).selectOption(THIRD.id);
    await teacher.getByLabel(en["setup.bots"]).check();
    await teacher.getByRole("button", { name: en["setup.create"] }).click();
    await teacher.waitForFunction(() => window.__e2e?.phase === "lobby");
    const code = ((await teacher.getByTestId("join-code").textContent()) ?? "").trim();
    const token = await teacher.evaluate((c) => localStorage.getItem(`rough-consensus.${c}.teacher`) ?? "", code);
    const record = (await (await fetch(`${server.url}api/matches/${code}/record`, { headers: { authorization: `Bearer ${token}` } })).json()) as { events: { event: { type: string; scenario?: { id: string; roles: unknown[] } } }[] };
    const created = record.events.find((e) => e.event.type === "MatchCreated")?.event;
    expect(created?.scenario?.id).toBe(THIRD.id);
    expect(created?.scenario?.roles).toHaveLength(THIRD.roles.length);

    // Removed from the server on request.
    await teacher.goto(`${server.url}?e2e=1`);
    await teacher.getByRole("button", { name: en["landing.teacher.start"] }).click();
    await teacher.getByTestId("scenario-about").waitFor();
    await teacher.getByLabel(en["setup.scenario"], { exact: true }).selectOption(THIRD.id);
    await teacher.getByRole("button", { name: message("setup.removeUpload", { title: THIRD.title }) }).click();
    await status.filter({ hasText: message("setup.removed", { title: THIRD.title }) }).waitFor();
    expect((await choices(teacher)).map((c) => c.value)).toEqual([DEFAULT.id, SECOND.id]);
    const violations = await findSeriousAxeViolations(teacher);
    expect(violations, JSON.stringify(violations, null, 1)).toEqual([]);
  }, 240_000);

  it("logs no errors in any page", () => {
    expect(errors).toEqual([]);
  });
});
