// The hostile-input fuzzer, over the real wire. Intents shaped like every command — with
// hostile values mixed in (wrong types, NaN and huge numbers, control and bidi characters,
// megabyte-ish strings, unknown ids) — and arbitrary junk are sent by the teacher, students
// and the projector of a live match; random requests hit every HTTP route with broken
// addresses, strange methods, bodies and tokens. After it all: every answer was a reason (never
// a crash, a disconnection or a stack trace), the stored record is one the rules themselves
// produce, every device's state still matches its viewFor, and no device holds a secret.
//
// Every intent type and every HTTP route is covered (the compiler and the first test check).
//
// Short by default (npm test); `npm run hostile` runs it long (HOSTILE_LONG=1). FUZZ_SEED
// replays a run: the steps come from fast-check's generator with that seed.
import { readdirSync, readFileSync } from "node:fs";
import { join as joinPath } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadScenario } from "../../server/scenarios/index.js";
import { COMMAND, ROOM_REPLY_CODES, type Intent, type Reply } from "../../shared/protocol/intents.js";
import { recheckAll } from "../../shared/replay/check.js";
import { REJECTIONS } from "../../shared/rules/rejections.js";
import { BASE, createMatch, expectViewsInSync, join, leaveAll, liveState, ok, seat, startServer, watchSecrecy, type Created, type Device, type TestServer } from "./helpers.js";

const LONG = process.env.HOSTILE_LONG === "1";
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);
const COMMAND_STEPS = LONG ? 3000 : 160;
const HTTP_REQUESTS = LONG ? 3000 : 250;

const scenario = loadScenario();
const roles = scenario.roles.map((r) => r.id);
const options = scenario.dossiers.flatMap((d) => d.options.map((o) => o.id));
const KNOWN_CODES = new Set<string>([...Object.keys(REJECTIONS), ...Object.keys(ROOM_REPLY_CODES)]);

const hostileText = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
  { weight: 2, arbitrary: fc.constantFrom("", " ", "\u0000", "Ana\u202Eevil", "\u200b\u200b", "\u0301\u0301", "%", "%E0%A4%A", "<script>alert(1)</script>", "=cmd|' /C calc'!A0", "TECH", "A2", "🦊".repeat(40)) },
  { weight: 1, arbitrary: fc.nat({ max: 2500 }).map((n) => "x".repeat(n)) },
);
const hostileNumber = fc.oneof(fc.integer({ min: -3, max: 12 }), fc.integer(), fc.double(), fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 2 ** 53, 1e308));
const role = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...roles) }, { weight: 1, arbitrary: hostileText });
const option = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...options, "D1", "D2") }, { weight: 1, arbitrary: hostileText });
/** "@" is replaced by a real player id of the match when sent. */
const playerRef = fc.oneof({ weight: 4, arbitrary: fc.constant("@") }, { weight: 1, arbitrary: hostileText });
const anyValue = fc.oneof(hostileText, hostileNumber, fc.boolean(), fc.constant(null), fc.anything({ maxDepth: 3 }));
const fellowshipRef = fc.oneof(fc.constantFrom("f1", "f2", "f3", "f10"), hostileText);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

/**
 * Intents near the schema: for every intent type (the compiler checks none is missing), the
 * right type name with values from the edge of what is valid.
 */
const near: { [T in Intent["type"]]: fc.Arbitrary<Record<string, unknown>> } = {
  RenamePlayer: fc.record({ type: fc.constant("RenamePlayer"), player: playerRef, nickname: hostileText }),
  LeaveMatch: fc.record({ type: fc.constant("LeaveMatch"), player: playerRef }),
  RemovePlayer: fc.record({ type: fc.constant("RemovePlayer"), player: playerRef }),
  MutePlayer: fc.record({ type: fc.constant("MutePlayer"), player: playerRef, muted: fc.oneof(fc.boolean(), anyValue) }),
  AssignRolesAutomatically: fc.record({ type: fc.constant("AssignRolesAutomatically") }),
  AssignRole: fc.record({ type: fc.constant("AssignRole"), player: playerRef, table: fc.oneof(fc.integer({ min: -1, max: 6 }), fc.constant(null), hostileNumber), role: fc.oneof(role, fc.constant(null)) }),
  FillWithBots: fc.record({ type: fc.constant("FillWithBots") }),
  StartMatch: fc.record({ type: fc.constant("StartMatch") }),
  AdvancePhase: fc.record({ type: fc.constant("AdvancePhase") }),
  PauseClock: fc.record({ type: fc.constant("PauseClock") }),
  ResumeClock: fc.record({ type: fc.constant("ResumeClock") }),
  ExtendClock: fc.record({ type: fc.constant("ExtendClock"), seconds: hostileNumber }),
  BookTravel: fc.record({ type: fc.constant("BookTravel"), mode: fc.oneof(fc.constantFrom("in-person", "remote"), hostileText), delegates: maybe(hostileNumber) }),
  OfferFellowship: fc.record({ type: fc.constant("OfferFellowship"), to: role, note: maybe(hostileText), expects: maybe(fc.oneof(option, fc.constant(null))), programme: maybe(fc.boolean()) }),
  WithdrawFellowship: fc.record({ type: fc.constant("WithdrawFellowship"), fellowship: fellowshipRef }),
  AcceptFellowship: fc.record({ type: fc.constant("AcceptFellowship"), fellowship: fellowshipRef }),
  DeclineFellowship: fc.record({ type: fc.constant("DeclineFellowship"), fellowship: fellowshipRef }),
  GiveGrant: fc.record({ type: fc.constant("GiveGrant"), to: role, amount: hostileNumber, note: maybe(hostileText) }),
  BuyBriefing: fc.record({ type: fc.constant("BuyBriefing") }),
  MakeStatement: fc.record({ type: fc.constant("MakeStatement"), text: hostileText }),
  PostRemoteComment: fc.record({ type: fc.constant("PostRemoteComment"), text: hostileText }),
  SendCorridorMessage: fc.record({ type: fc.constant("SendCorridorMessage"), to: role, text: hostileText }),
  TableOption: fc.record({ type: fc.constant("TableOption"), option }),
  DeclarePosition: fc.record({ type: fc.constant("DeclarePosition"), option, stance: fc.oneof(fc.constantFrom("support", "live", "object"), hostileText) }),
  NameDrafter: fc.record({ type: fc.constant("NameDrafter"), table: hostileNumber, role, seated: fc.oneof(fc.boolean(), anyValue) }),
  InsertRider: fc.record({ type: fc.constant("InsertRider"), option }),
  ObjectToRider: fc.record({ type: fc.constant("ObjectToRider") }),
  CallConsensus: fc.record({ type: fc.constant("CallConsensus"), table: hostileNumber, option }),
  PushNews: fc.record({ type: fc.constant("PushNews"), text: hostileText }),
  EndMatch: fc.record({ type: fc.constant("EndMatch") }),
  ShowDebriefCard: fc.record({ type: fc.constant("ShowDebriefCard"), card: hostileNumber }),
  ShowNicknames: fc.record({ type: fc.constant("ShowNicknames"), shown: anyValue }),
  ReviewMark: fc.record({ type: fc.constant("ReviewMark"), mark: fc.oneof(fc.constantFrom("m1", "m42", "m9999999999", "m-1", "M1"), hostileText), setAside: fc.oneof(fc.boolean(), anyValue), reason: maybe(hostileText) }),
};
// EndMatch less often than the rest: every step after it in a match is "match-ended" (a fresh
// class opens then, but not at once).
const nearIntent: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  ...Object.entries(near).map(([type, arbitrary]) => ({ weight: type === "EndMatch" || type === "RemovePlayer" || type === "LeaveMatch" ? 1 : 3, arbitrary })),
);
/** Junk: no schema at all. */
const junk = fc.oneof(fc.anything({ maxDepth: 4 }), fc.record({ type: hostileText }), fc.array(anyValue, { maxLength: 5 }));

/** One request: which device of the class sends it (teacher, three students, projector), and what. */
interface Step {
  device: number;
  payload: unknown;
}
const step: fc.Arbitrary<Step> = fc.record({ device: fc.nat({ max: 4 }), payload: fc.oneof({ weight: 9, arbitrary: nearIntent }, { weight: 1, arbitrary: junk }) });

/**
 * Every route of server/http as its source registers it (`router.get("/:code/record", …)`),
 * with the address the fuzzer sends it to; any method is tried on each. The first test below
 * reads the sources, so a new route the fuzzer does not know fails it.
 */
const API_ROUTES: Record<string, string> = {
  "/health": "/api/health",
  "/join-address": "/api/join-address",
  "/scenarios": "/api/scenarios",
  // server/http/scenarios.ts: a teacher's upload by id ("/" there is GET and POST /api/scenarios, tried above).
  "/:id": "/api/scenarios/city-wifi",
  "/": "/api/matches",
  "/import": "/api/matches/import",
  "/:code": "/api/matches/:code",
  "/:code/record": "/api/matches/:code/record",
  "/:code/replay": "/api/matches/:code/replay",
  "/:code/replay/view": "/api/matches/:code/replay/view",
  "/:code/replay-links": "/api/matches/:code/replay-links",
  "/:code/debrief": "/api/matches/:code/debrief",
  "/:code/export.csv": "/api/matches/:code/export.csv",
  "/:code/summary": "/api/matches/:code/summary",
  "/:code/printables": "/api/matches/:code/printables",
  "/:code/reopen": "/api/matches/:code/reopen",
};

let s: TestServer;
const errors: string[] = [];

beforeAll(async () => {
  // Students who left are replaced by newcomers, many over a long run: the join limit per
  // address (tests/int/roster.test.ts) is not what this test is about.
  s = await startServer({ botPace: "instant", roster: { joinBurst: 100_000 } });
  // A server error would be logged with console.error: the fuzzer must cause none.
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void errors.push(args.map(String).join(" ").slice(0, 300)));
});
afterAll(async () => {
  vi.restoreAllMocks();
  await s.close();
});

/** A class of three students, a teacher and a projector; started (bots in the empty seats) or still in the lobby. */
async function openClass(started: boolean): Promise<{ m: Created; devices: Device[]; secrets: string[] }> {
  const m = await createMatch({ classLabel: "Fuzz", chair: "teacher", variants: { surveillance: true, lateInsertion: true, fellowships: "soft" } });
  const teacher = await join(m.code, { as: "teacher", teacherToken: m.teacherToken }, "teacher");
  const students = [];
  for (const nickname of ["Fuzzy", "Wuzzy", "Bear"]) students.push(await join(m.code, { as: "player", nickname }, nickname));
  const projector = await join(m.code, { as: "projector" }, "projector");
  await ok(teacher, { type: "AssignRole", player: seat(students[0]!).player, table: 0, role: "TECH" });
  await ok(teacher, { type: "AssignRole", player: seat(students[1]!).player, table: 0, role: "USG" });
  if (started) {
    await ok(teacher, { type: "FillWithBots" });
    await ok(teacher, { type: "StartMatch" });
  }
  return { m, devices: [teacher, ...students, projector], secrets: students.map((d) => seat(d).seatSecret) };
}

function checkReply(reply: unknown, what: string): void {
  expect(typeof reply, what).toBe("object");
  const r = reply as Reply;
  if (r.ok) return expect(r, what).toEqual({ ok: true });
  expect(KNOWN_CODES.has(r.code), `${what}: unknown code ${r.code}`).toBe(true);
  expect(typeof r.message === "string" && r.message.length > 3, what).toBe(true);
}

describe(`the hostile-input fuzzer (seed ${SEED}, ${LONG ? "long" : "short"})`, () => {
  it("knows every HTTP route the server registers", () => {
    const dir = fileURLToPath(new URL("../../server/http/", import.meta.url));
    const registered = readdirSync(dir)
      .filter((f) => f.endsWith(".ts"))
      .flatMap((f) => [...readFileSync(joinPath(dir, f), "utf8").matchAll(/\b(?:api|router|app)\.(?:get|post|put|patch|delete|all)\(\s*"([^"]+)"/g)].map((m) => m[1]!));
    expect(registered.length).toBeGreaterThan(10);
    expect(registered.filter((path) => !(path in API_ROUTES))).toEqual([]);
  });

  it("answers every command-shaped or junk request with a reason, and the record stays one the rules produce", async () => {
    const steps = fc.sample(step, { seed: SEED, numRuns: COMMAND_STEPS });
    let { m, devices, secrets } = await openClass(true);
    const notes = Object.fromEntries(scenario.roles.map((r) => [r.id, r.knowledge.notes]));
    let monitor = watchSecrecy(s, m.code, devices, notes, () => secrets);
    const matches = [m.code];
    let answered = 0;
    const tally = new Map<string, number>();
    const settle = async () => {
      await expectViewsInSync(s, m.code, devices.filter((d) => d.room.connection.isOpen), 5000);
      expect(monitor.violations).toEqual([]);
    };
    for (const [i, st] of steps.entries()) {
      let device = devices[st.device]!;
      if (!device.room.connection.isOpen) {
        // Its player left or was removed by an earlier step: a newcomer takes its place (an
        // ended match lets no newcomer in; the next class opens below).
        if (liveState(s, m.code).status === "ended" && device.viewer.kind === "player") continue;
        device = await join(m.code, device.viewer.kind === "teacher" ? { as: "teacher", teacherToken: m.teacherToken } : device.viewer.kind === "player" ? { as: "player", nickname: `New ${i}` } : { as: "projector" }, `${device.name}+`);
        devices[st.device] = device;
        monitor.stop();
        monitor = watchSecrecy(s, m.code, devices, notes, () => [...secrets, ...devices.flatMap((d) => (d.sync.state?.seat ? [d.sync.state.seat.seatSecret] : []))]);
      }
      const players = devices.filter((d) => d.viewer.kind === "player");
      const payload = JSON.parse(JSON.stringify(st.payload ?? null, (_k, v) => (v === "@" ? (players[i % players.length]!.viewer as { id: string }).id : v)) ?? "null");
      let reply: unknown;
      try {
        reply = await device.room.request(COMMAND, payload);
      } catch (error) {
        // Only a screen the server was letting go (its player left or was removed, and told so) may go unanswered.
        expect(device.notices.some((n) => n.code === "removed" || n.code === "left"), `step ${i} (seed ${SEED}) ${device.name}: ${String(error)}`).toBe(true);
        continue;
      }
      checkReply(reply, `step ${i} (seed ${SEED}) ${device.name}: ${JSON.stringify(payload).slice(0, 200)}`);
      answered++;
      const code = (reply as Reply).ok ? "ok" : (reply as Reply & { code: string }).code;
      tally.set(code, (tally.get(code) ?? 0) + 1);
      // A throttled device waits its turn, as a person would.
      if (!(reply as Reply).ok && (reply as Reply & { code: string }).code === "throttled") await new Promise((r) => setTimeout(r, 130));
      if (i % 40 === 39) await settle();
      if (s.app.store && (await s.app.store.getHeader(m.code))?.status === "ended" && i % 10 === 0) {
        await settle();
        monitor.stop();
        await leaveAll(devices);
        ({ m, devices, secrets } = await openClass(matches.length % 2 === 0));
        matches.push(m.code);
        monitor = watchSecrecy(s, m.code, devices, notes, () => secrets);
      }
    }
    await settle();
    monitor.stop();
    console.log(`[fuzz] seed ${SEED}: ${answered} requests over ${matches.length} match(es); answers: ${[...tally].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(", ")}`);
    expect(answered).toBeGreaterThan(COMMAND_STEPS * 0.5);
    // The fuzzer reaches the rules, not only the outer checks: some requests pass, many distinct refusals.
    expect(tally.get("ok") ?? 0).toBeGreaterThan(0);
    expect(tally.size).toBeGreaterThan(8);
    for (const code of matches) {
      const check = recheckAll(await s.app.store.getEvents(code));
      expect(check, `the record of ${code}`).toMatchObject({ ok: true });
    }
    expect(errors).toEqual([]);
    await leaveAll(devices);
  }, LONG ? 1_800_000 : 120_000);

  it("answers random requests to every HTTP route with a status below 500 and JSON errors without a stack", async () => {
    const m = await createMatch({ classLabel: "HTTP fuzz" });
    const codes = fc.oneof(fc.constant(m.code), fc.constantFrom("ZZZZZ", "%", "%E0%A4%A", "..%2F..%2Fetc", "%00", "a".repeat(300)), fc.string({ maxLength: 8 }).map(encodeURIComponent));
    const route = fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...Object.values(API_ROUTES)).chain((t) => (t.includes(":code") ? codes.map((c) => t.replace(":code", c)) : fc.constant(t))) },
      fc.constantFrom("/api/", "/api/%", "/%", "/join/%ZZ", "/assets/%"),
      // Colyseus's matchmaker: joining by code stays, opening a match from here does not.
      fc.constantFrom("joinById", "create", "joinOrCreate", "join", "reconnect", "%").chain((method) => codes.map((c) => `/matchmake/${method}/${method === "joinById" || method === "reconnect" ? c : "match"}`)),
    );
    const query = fc.oneof(fc.constant(""), fc.constantFrom("?pseudonymise=0", "?at=NaN&view=everything", "?at=5&view=role:0:TECH&text=1", "?download", "?view=%", "?at=-1"), fc.string({ maxLength: 20 }).map((q) => `?${encodeURIComponent(q)}=%`));
    const token = fc.oneof(fc.constant(m.teacherToken), fc.constant(""), hostileText.map((t) => t.replace(/[^\x21-\x7e]/g, "x").slice(0, 220)));
    const body = fc.oneof(fc.constant(undefined), fc.json({ maxDepth: 4 }), hostileText, fc.constantFrom("{oops", "[".repeat(3000), '{"settings":{"tables":99}}', '{"settings":{}}', JSON.stringify({ format: "rough-consensus-record", formatVersion: 1, rulesVersion: 1, matchId: "X", scenario: { id: "x", version: 1 }, events: [{ seq: 1, at: 1, actor: { kind: "teacher" }, event: { type: "NewsPushed" } }], finalHash: "0" })));
    const request = fc.record({ method: fc.constantFrom("GET", "POST", "DELETE", "PUT", "PATCH", "HEAD"), route, query, token, body, type: fc.constantFrom("application/json", "text/plain", "application/x-www-form-urlencoded", "") });
    const requests = fc.sample(request, { seed: SEED, numRuns: HTTP_REQUESTS });
    for (const [i, r] of requests.entries()) {
      const what = `request ${i} (seed ${SEED}): ${r.method} ${r.route}${r.query}`;
      const headers: Record<string, string> = {};
      if (r.token) headers.authorization = `Bearer ${r.token}`;
      if (r.type) headers["content-type"] = r.type;
      const sendsBody = r.body !== undefined && r.method !== "GET" && r.method !== "HEAD";
      const res = await fetch(`${BASE}${r.route}${r.query}`, { method: r.method, headers, body: sendsBody ? r.body : undefined });
      const text = await res.text();
      if (r.route.startsWith("/matchmake/") && res.status >= 500) {
        // The SDK's own protocol: Colyseus answers with its MATCHMAKE_* codes (520–526), as JSON.
        expect(res.status, what).toBeGreaterThanOrEqual(520);
        expect(res.status, what).toBeLessThanOrEqual(526);
        expect(JSON.parse(text), what).toMatchObject({ code: res.status, error: expect.any(String) });
        continue;
      }
      expect(res.status, `${what} → ${text.slice(0, 200)}`).toBeLessThan(500);
      expect(text, what).not.toMatch(/\bat \S+ \(|node_modules|\/work\/|Error: /);
      if (res.status >= 400 && r.route.startsWith("/api") && r.method !== "HEAD") {
        const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
        expect(typeof parsed.error?.code, what).toBe("string");
        expect(typeof parsed.error?.message, what).toBe("string");
      }
    }
    expect((await fetch(`${BASE}/api/health`)).status).toBe(200);
    expect(errors).toEqual([]);
  }, LONG ? 1_800_000 : 120_000);
});
