// A replay-link holder receives nothing a projector would not see. A match is played through the
// SDK with three students under distinctive nicknames, corridor talk, grants and trips with
// notes, and a statement that names a classmate; then every byte a link holder can get —
// the outline, the projector's view and the events around it at every moment, and each refusal —
// is captured and searched for every role's private briefing, every corridor message, every
// seat secret, the teacher's token, the seed and every nickname. With a student's seat secret
// the link opens that role's own view too, and still no one else's secrets; "everything" and
// the record stay the teacher's.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadScenario } from "../../server/scenarios/index.js";
import type { ReplayOutline } from "../../shared/replay/remote.js";
import { BASE, createMatch, devicesByRole, join, leaveAll, liveState, ok, seat, startServer, type Created, type Device, type TestServer } from "./helpers.js";

let s: TestServer;
let m: Created;
const devices: Device[] = [];
const NICKNAMES = ["Zephyrine", "Quillon", "Marisol"];
const corridor = {
  techToUsg: "Psst USG: we will cover your hotel if A2 passes.",
  usgToCss: "Between us, CS-S: the red line is real.",
  cssToTech: "Tell nobody: we may accept your trip after all.",
};
const secrets: { seats: Record<string, string>; seed: number } = { seats: {}, seed: 0 };

beforeAll(async () => {
  s = await startServer();
  m = await createMatch({ classLabel: "Link test", rules: ["R1"], chair: "automatic" });
  const teacher = await join(m.code, { as: "teacher", teacherToken: m.teacherToken }, "teacher");
  devices.push(teacher);
  const students: Device[] = [];
  for (const nickname of NICKNAMES) students.push(await join(m.code, { as: "player", nickname }, nickname));
  devices.push(...students);
  const [zeph, quil, mari] = students as [Device, Device, Device];
  await ok(teacher, { type: "AssignRole", player: seat(zeph).player, table: 0, role: "TECH" });
  await ok(teacher, { type: "AssignRole", player: seat(quil).player, table: 0, role: "USG" });
  await ok(teacher, { type: "AssignRole", player: seat(mari).player, table: 0, role: "CS-S" });
  for (const [i, d] of [zeph, quil, mari].entries()) secrets.seats[NICKNAMES[i]!] = seat(d).seatSecret;
  await ok(teacher, { type: "FillWithBots" });
  await ok(teacher, { type: "StartMatch" });
  const by = devicesByRole(s, m.code, students);
  const advanceTo = async (phase: string) => {
    for (let i = 0; i < 6 && liveState(s, m.code).phase !== phase; i++) await ok(teacher, { type: "AdvancePhase" });
    expect(liveState(s, m.code).phase).toBe(phase);
  };
  await advanceTo("travel");
  await ok(by.TECH!, { type: "OfferFellowship", to: "CS-S", note: "Our treat, Marisol" });
  await ok(by["CS-S"]!, { type: "AcceptFellowship", fellowship: liveState(s, m.code).tables[0]!.fellowships.at(-1)!.id });
  await ok(by.TECH!, { type: "BookTravel", mode: "in-person" });
  await ok(by.USG!, { type: "BookTravel", mode: "in-person" });
  await advanceTo("negotiation");
  await ok(by.TECH!, { type: "SendCorridorMessage", to: "USG", text: corridor.techToUsg });
  await ok(by.USG!, { type: "SendCorridorMessage", to: "CS-S", text: corridor.usgToCss });
  await ok(by["CS-S"]!, { type: "SendCorridorMessage", to: "TECH", text: corridor.cssToTech });
  await ok(by.TECH!, { type: "GiveGrant", to: "CS-S", amount: 1, note: "For Marisol's bus fare" });
  await ok(by.USG!, { type: "MakeStatement", text: "Quillon here: governments must keep a say, and zephyrine agrees." });
  await ok(by.TECH!, { type: "TableOption", option: "A2" });
  await ok(teacher, { type: "PushNews", text: "Breaking: the court has ruled." });
  await advanceTo("decision");
  await ok(by.TECH!, { type: "DeclarePosition", option: "A2", stance: "support" });
  await advanceTo("outcome");
  await ok(teacher, { type: "EndMatch" });
  secrets.seed = (await s.app.store.getHeader(m.code))!.seed;
  await leaveAll(devices.splice(0));
});
afterAll(async () => {
  await leaveAll(devices);
  await s.close();
});

const auth = (token: string, seatSecret?: string) => ({ authorization: `Bearer ${token}`, ...(seatSecret ? { "x-seat-secret": seatSecret } : {}) });

/** Everything a link holder is sent, byte for byte. */
class Capture {
  bytes = "";
  async get(path: string, headers: Record<string, string>): Promise<{ status: number; body: any }> {
    const res = await fetch(`${BASE}${path}`, { headers });
    const text = await res.text();
    this.bytes += `${[...res.headers].map(([k, v]) => `${k}: ${v}`).join("\n")}\n\n${text}\n`;
    return { status: res.status, body: JSON.parse(text) };
  }
}

/** Every moment, as every view the link may open, with the events around it. */
async function watchEverything(capture: Capture, token: string, seatSecret?: string): Promise<ReplayOutline> {
  const outline = await capture.get(`/api/matches/${m.code}/replay`, auth(token, seatSecret));
  expect(outline.status).toBe(200);
  for (const view of outline.body.views as string[]) {
    for (let at = 1; at <= outline.body.length; at++) {
      const moment = await capture.get(`/api/matches/${m.code}/replay/view?at=${at}&view=${view}&text=1`, auth(token, seatSecret));
      expect(moment.status, `${view} at ${at}`).toBe(200);
    }
  }
  return outline.body as ReplayOutline;
}

/** What a link holder must never hold: every role's briefing (except its own seat's), corridor talk it did not hear, secrets, nicknames. */
function leaks(bytes: string, ownRole: string | null, heard: string[] = []): string[] {
  const found: string[] = [];
  for (const role of loadScenario().roles) {
    if (role.id === ownRole) continue;
    for (const note of role.knowledge.notes) if (bytes.includes(note.slice(0, 50))) found.push(`${role.id}'s briefing`);
  }
  for (const [name, text] of Object.entries(corridor)) if (!heard.includes(text) && bytes.includes(text)) found.push(`corridor ${name}`);
  for (const [name, secret] of Object.entries(secrets.seats)) if (bytes.includes(secret)) found.push(`${name}'s seat secret`);
  if (bytes.includes(m.teacherToken)) found.push("the teacher token");
  if (/"(seed|rng)"\s*:/.test(bytes)) found.push("the seed or the generator's state");
  for (const nickname of NICKNAMES) if (bytes.toLowerCase().includes(nickname.toLowerCase())) found.push(`the nickname ${nickname}`);
  return found;
}

describe("a replay link's bytes", () => {
  let link = "";
  beforeAll(async () => {
    const res = await fetch(`${BASE}/api/matches/${m.code}/replay-links`, { method: "POST", headers: auth(m.teacherToken) });
    link = ((await res.json()) as { token: string }).token;
  });

  it("hold nothing a projector would not see: no briefing, no corridor talk, no secret, no nickname", async () => {
    const capture = new Capture();
    const outline = await watchEverything(capture, link);
    expect(outline.views).toEqual(["projector"]);
    expect(outline.length).toBeGreaterThan(30);
    // What is public is there: the statement (its speaker's name replaced), the news, the decision.
    expect(capture.bytes).toContain("governments must keep a say");
    expect(capture.bytes).toContain("Student 2 here");
    expect(capture.bytes).toContain("Breaking: the court has ruled.");
    expect(capture.bytes).toContain('"nickname":"Student 1"');
    // And the link holder cannot widen its view.
    for (const view of ["everything", "role:0:TECH", "role:0:CS-S"]) {
      const refused = await capture.get(`/api/matches/${m.code}/replay/view?at=5&view=${view}`, auth(link));
      expect(refused.status, view).toBe(403);
      expect(refused.body.error.code).toBe("view-not-allowed");
    }
    expect((await capture.get(`/api/matches/${m.code}/record`, auth(link))).status).toBe(404);
    expect((await capture.get(`/api/matches/${m.code}/replay/view?at=5&view=projector`, auth(link, "not-a-seat"))).status).toBe(403);
    expect(leaks(capture.bytes, null)).toEqual([]);
  });

  it("with a student's seat secret, open that role's own view — and no one else's secrets", async () => {
    const capture = new Capture();
    const outline = await watchEverything(capture, link, secrets.seats.Zephyrine);
    expect(outline.views).toEqual(["projector", "role:0:TECH"]);
    expect(outline.seat).toEqual({ table: 0, role: "TECH" });
    // TECH's own briefing and the talk TECH heard are there …
    expect(capture.bytes).toContain(loadScenario().roles.find((r) => r.id === "TECH")!.knowledge.notes[0]!.slice(0, 50));
    expect(capture.bytes).toContain(corridor.techToUsg);
    expect(capture.bytes).toContain(corridor.cssToTech);
    // … nothing else.
    const refused = await capture.get(`/api/matches/${m.code}/replay/view?at=5&view=role:0:USG`, auth(link, secrets.seats.Zephyrine));
    expect(refused.status).toBe(403);
    expect(leaks(capture.bytes, "TECH", [corridor.techToUsg, corridor.cssToTech])).toEqual([]);
  });

  it("show nicknames only when the teacher made the link with them", async () => {
    const res = await fetch(`${BASE}/api/matches/${m.code}/replay-links`, { method: "POST", headers: { ...auth(m.teacherToken), "content-type": "application/json" }, body: JSON.stringify({ nicknames: true }) });
    const named = ((await res.json()) as { token: string; nicknames: boolean }).token;
    const capture = new Capture();
    await capture.get(`/api/matches/${m.code}/replay`, auth(named));
    await capture.get(`/api/matches/${m.code}/replay/view?view=projector`, auth(named));
    expect(capture.bytes).toContain("Zephyrine");
    expect(capture.bytes).not.toContain(corridor.usgToCss);
  });

  it("open only after the match is over, and only the match they were made for", async () => {
    const other = await createMatch({}, m.teacherToken);
    const res = await fetch(`${BASE}/api/matches/${other.code}/replay-links`, { method: "POST", headers: auth(m.teacherToken) });
    const early = ((await res.json()) as { token: string }).token;
    const capture = new Capture();
    const notYet = await capture.get(`/api/matches/${other.code}/replay`, auth(early));
    expect(notYet.status).toBe(409);
    expect(notYet.body.error.code).toBe("replay-not-open");
    expect((await capture.get(`/api/matches/${m.code}/replay`, auth(early))).status).toBe(404);
    expect((await capture.get(`/api/matches/${other.code}/replay`, auth(link))).status).toBe(404);
  });
});
