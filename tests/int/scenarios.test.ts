// Scenarios over HTTP, as a teacher uses them: the list a setup page gets (public facts only),
// uploading a file (refused with the field named, or kept under that teacher's key), opening a
// match with it (nobody else can), playing it to the end with bots, and deleting it.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MatchRecord } from "../../shared/replay/record.js";
import { BASE, createMatch, eventually, join, leaveAll, liveState, ok, serverRoom, startServer, watchSecrecy, type Device, type TestServer } from "./helpers.js";

let s: TestServer;
const open: Device[] = [];

beforeAll(async () => {
  s = await startServer({ botPace: "instant" });
});
afterAll(async () => {
  await leaveAll(open);
  await s.close();
});

const shippedFile = (name: string) => readFileSync(new URL(`../../server/scenarios/${name}.json`, import.meta.url), "utf8");
const fixtureText = readFileSync(new URL("../fixtures/five-roles.json", import.meta.url), "utf8");
const fixture = JSON.parse(fixtureText) as { id: string; title: string; roles: { id: string; card: string; knowledge?: { notes?: string[] } }[]; dossiers: { options: { payoffs: Record<string, number> }[] }[] };
const auth = (token: string) => ({ authorization: `Bearer ${token}` });

async function upload(body: string, token?: string): Promise<{ status: number; body: Record<string, unknown> & { error?: { code: string; message: string; issues?: { path: string; message: string }[] } } }> {
  const res = await fetch(`${BASE}/api/scenarios`, { method: "POST", headers: { "content-type": "application/json", ...(token ? auth(token) : {}) }, body });
  return { status: res.status, body: (await res.json()) as never };
}

async function list(token?: string): Promise<{ status: number; scenarios: { id: string; origin: string; title: string; roles: number }[]; text: string }> {
  const res = await fetch(`${BASE}/api/scenarios`, { headers: token ? auth(token) : {} });
  const text = await res.text();
  return { status: res.status, scenarios: res.ok ? (JSON.parse(text) as { scenarios: never[] }).scenarios : [], text };
}

/** Texts only a match's own players or the debrief may see. */
function privateTexts(file: string): string[] {
  const s = JSON.parse(file) as { roles: { knowledge?: { notes?: string[] } }[]; whatHappened?: string[]; consequences?: { text: string }[] };
  return [...s.roles.flatMap((r) => r.knowledge?.notes ?? []), ...(s.whatHappened ?? []), ...(s.consequences ?? []).map((c) => c.text)];
}

describe("the scenario list", () => {
  it("offers every shipped scenario, the default first, with what the setup page needs and nothing private", async () => {
    const { status, scenarios, text } = await list();
    expect(status).toBe(200);
    expect(scenarios[0]).toMatchObject({ id: "who-runs-the-internet-2014", default: true, origin: "shipped", roles: 9, dossiers: 3, language: "en" });
    expect(scenarios.length).toBeGreaterThanOrEqual(2);
    expect(scenarios.every((x) => x.origin === "shipped")).toBe(true);
    for (const key of ["payoffs", "subScores", "knowledge", "whatHappened", "publicInterest\"", "consequences", "card\"", "mandate"]) expect(text).not.toContain(key);
    for (const x of scenarios) for (const secret of privateTexts(shippedFile(x.id))) expect(text).not.toContain(secret);
  });

  it("describes what the rules are made of: houses, governments' votes, seats and who holds the variants' powers", async () => {
    const { scenarios } = await list();
    const d = scenarios[0] as unknown as { houses: { name: string }[]; seats: { group: string; votes: number; income: number }[]; powers: { listeners: string[]; clauseHolder: string | null }; rules: string[] };
    expect(d.houses).toHaveLength(3);
    expect(d.seats).toHaveLength(9);
    expect(d.seats.filter((x) => x.group === "government").length).toBeGreaterThan(1);
    expect(d.seats.every((x) => x.votes >= 1 && x.income >= 0)).toBe(true);
    expect(d.powers.listeners).toHaveLength(1);
    expect(d.powers.clauseHolder).toEqual(expect.any(String));
    expect(d.rules).toEqual(["R1", "R2", "R3", "R4"]);
  });
});

describe("uploading a scenario", () => {
  it("refuses a file that is not JSON, saying where", async () => {
    const { status, body } = await upload('{\n  "id": "x",\n  "title": "Missing comma"\n  "version": 1\n}');
    expect(status).toBe(400);
    expect(body.error?.code).toBe("bad-json");
    expect(body.error?.message).toMatch(/line 4, column 3/);
  });

  it("refuses a file with a wrong field, naming the field and the problem, and keeps nothing", async () => {
    const bad = JSON.parse(fixtureText) as typeof fixture & { roles: { income: unknown }[] };
    delete bad.dossiers[0]!.options[1]!.payoffs.UNI;
    bad.roles[2]!.income = -4;
    const { status, body } = await upload(JSON.stringify(bad));
    expect(status).toBe(422);
    expect(body.error?.code).toBe("bad-scenario");
    expect(body.error?.issues).toEqual(
      expect.arrayContaining([
        { path: "dossiers[0].options[1].payoffs.UNI", message: "missing the payoff for role UNI" },
        { path: "roles[2].income", message: expect.stringMatching(/>=0|at least 0|too small/i) },
      ]),
    );
    expect(body.error?.message).toContain("dossiers[0].options[1].payoffs.UNI: missing the payoff for role UNI");
    expect(body).not.toHaveProperty("teacherToken");
  });

  it("refuses a file that takes a shipped scenario's id, an empty body and an oversized file", async () => {
    const taken = await upload(shippedFile("who-runs-the-internet-2014"));
    expect(taken.status).toBe(409);
    expect(taken.body.error).toMatchObject({ code: "scenario-id-taken", issues: [{ path: "id", message: expect.stringContaining("comes with the game") }] });
    expect((await upload("  ")).body.error?.code).toBe("bad-scenario");
    const huge = await upload(JSON.stringify({ ...fixture, source: "x".repeat(200 * 1024) }));
    expect(huge.status).toBe(413);
    expect(huge.body.error?.message).toMatch(/at most 128 KB/);
  });

  it("keeps a good file under a new teacher key, lists it for that teacher only, and warns of unknown fields", async () => {
    const withTypo = { ...fixture, sumary: "typo" };
    const first = await upload(JSON.stringify(withTypo));
    expect(first.status).toBe(201);
    const token = first.body.teacherToken as string;
    expect(token).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(first.body.scenario).toMatchObject({ id: "city-wifi", origin: "uploaded", roles: 5, dossiers: 2 });
    expect(first.body.warnings).toEqual([{ path: "sumary", message: "is not a field of the scenario format and was ignored" }]);
    expect(first.body.replaced).toBe(false);

    const mine = await list(token);
    expect(mine.scenarios.map((x) => `${x.origin}:${x.id}`)).toContain("uploaded:city-wifi");
    for (const secret of [fixture.roles[0]!.card]) expect(mine.text).not.toContain(secret);
    expect((await list()).scenarios.map((x) => x.id)).not.toContain("city-wifi");
    const other = await createMatch({});
    expect((await list(other.teacherToken)).scenarios.map((x) => x.id)).not.toContain("city-wifi");
    expect((await list("not-a-known-token")).status).toBe(401);

    // The same id again replaces it, for this teacher.
    const again = await upload(JSON.stringify({ ...fixture, title: "City Wi-Fi, revised" }), token);
    expect(again.status).toBe(201);
    expect(again.body.replaced).toBe(true);
    expect(again.body.teacherToken).toBe(token);
    expect((await list(token)).scenarios.filter((x) => x.id === "city-wifi").map((x) => x.title)).toEqual(["City Wi-Fi, revised"]);
  });
});

describe("a match with an uploaded scenario", () => {
  it("opens only with the teacher's key, plays to the end with bots, keeps its secrets, and outlives the upload", async () => {
    const { body } = await upload(fixtureText);
    const token = body.teacherToken as string;
    // Without the key, or with another teacher's, the scenario does not exist.
    const anon = await fetch(`${BASE}/api/matches`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ scenario: "city-wifi" }) });
    expect(anon.status).toBe(400);
    expect(((await anon.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: "unknown-scenario", message: expect.stringContaining("teacher token") });
    const other = await createMatch({});
    const stranger = await fetch(`${BASE}/api/matches`, { method: "POST", headers: { "content-type": "application/json", ...auth(other.teacherToken) }, body: JSON.stringify({ scenario: "city-wifi" }) });
    expect(stranger.status).toBe(400);

    const res = await fetch(`${BASE}/api/matches`, { method: "POST", headers: { "content-type": "application/json", ...auth(token) }, body: JSON.stringify({ scenario: "city-wifi", settings: { bots: true, rules: ["R2"] } }) });
    expect(res.status).toBe(201);
    const { code } = (await res.json()) as { code: string };
    expect(liveState(s, code).scenario.id).toBe("city-wifi");
    // The list of the teacher's matches names the scenario.
    const matches = (await (await fetch(`${BASE}/api/matches`, { headers: auth(token) })).json()) as { matches: { code: string; scenarioId: string }[] };
    expect(matches.matches.find((m) => m.code === code)?.scenarioId).toBe("city-wifi");

    const teacher = await join(code, { as: "teacher", teacherToken: token }, "teacher");
    const projector = await join(code, { as: "projector" }, "projector");
    const students = await Promise.all(["Ana", "Ben"].map((n) => join(code, { as: "player", nickname: n }, n)));
    open.push(teacher, projector, ...students);
    const notes = Object.fromEntries(fixture.roles.map((r) => [r.id, r.knowledge?.notes ?? []]));
    const monitor = watchSecrecy(s, code, [teacher, projector, ...students], notes, () => []);

    // The scenario can be deleted now: the match carries its own copy (in its record).
    expect((await fetch(`${BASE}/api/scenarios/city-wifi`, { method: "DELETE", headers: auth(token) })).status).toBe(200);
    expect((await fetch(`${BASE}/api/scenarios/city-wifi`, { method: "DELETE", headers: auth(token) })).status).toBe(404);
    expect((await list(token)).scenarios.map((x) => x.id)).not.toContain("city-wifi");

    await ok(teacher, { type: "AssignRolesAutomatically" });
    await ok(teacher, { type: "StartMatch" });
    const state = () => liveState(s, code);
    for (let guard = 0; state().status !== "ended" && guard < 30; guard++) {
      const before = `${state().round}/${state().phase}`;
      await eventually(() => serverRoom(s, code).botsIdle, 10_000, `the bots to finish ${before}`);
      if (state().phase === "travel") for (const st of students) await ok(st, { type: "BookTravel", mode: "remote" });
      await ok(teacher, { type: "AdvancePhase" });
      await eventually(() => `${state().round}/${state().phase}` !== before || state().status === "ended", 3000, "the next phase");
    }
    expect(state().status).toBe("ended");
    expect(state().tables[0]!.rounds.map((r) => r.decision?.adopted)).toHaveLength(2);
    monitor.stop();
    expect(monitor.violations).toEqual([]);
    expect(monitor.checks).toBeGreaterThan(10);

    const record = (await (await fetch(`${BASE}/api/matches/${code}/record`, { headers: auth(token) })).json()) as MatchRecord;
    const created = record.events[0]!.event as { type: string; scenario: { id: string; title: string } };
    expect(created).toMatchObject({ type: "MatchCreated", scenario: { id: "city-wifi", title: fixture.title } });
    const debrief = await fetch(`${BASE}/api/matches/${code}/debrief`, { headers: auth(token) });
    expect(debrief.status).toBe(200);
  }, 60_000);

  it("a shipped scenario cannot be deleted, and deleting needs the key", async () => {
    const { teacherToken } = await createMatch({});
    expect((await fetch(`${BASE}/api/scenarios/who-runs-the-internet-2014`, { method: "DELETE", headers: auth(teacherToken) })).status).toBe(403);
    expect((await fetch(`${BASE}/api/scenarios/city-wifi`, { method: "DELETE" })).status).toBe(401);
  });
});
