// A whole class through the real SDK: a teacher, nine students and a projector play all three
// dossiers under rough consensus with fellowships, a grant, corridor talk, remote comments and
// the clock controls. While they play, every device's decoded state is checked after every
// patch for data it may not hold; at the end the record folds to the live state's hash.
// The match is played once, before the tests (each step checked as it goes); every test then
// reads its results, so any one of them can run alone and in any order.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadScenario } from "../../server/scenarios/index.js";
import { foldRecord, type MatchRecord } from "../../shared/replay/record.js";
import { hashState } from "../../shared/replay/hash.js";
import {
  BASE,
  cmd,
  createMatch,
  devicesByRole,
  eventually,
  held,
  expectViewsInSync,
  join,
  leaveAll,
  liveState,
  ok,
  seat,
  startServer,
  watchSecrecy,
  type Created,
  type Device,
  type SecrecyMonitor,
  type TestServer,
} from "./helpers.js";

const scenario = loadScenario();
const notes = Object.fromEntries(scenario.roles.map((r) => [r.id, r.knowledge.notes]));

let s: TestServer;
let m: Created;
let teacher: Device;
let projector: Device;
let students: Device[];
let all: Device[];
let by: Record<string, Device>;
let monitor: SecrecyMonitor;
let liveHashAtEnd = "";
let eventsAtEnd = 0;

beforeAll(async () => {
  s = await startServer();
  await playWholeMatch();
}, 120_000);
afterAll(async () => {
  monitor?.stop();
  await leaveAll(all ?? []);
  await s.close();
});

const phase = () => liveState(s, m.code).phase;
async function advanceTo(target: string) {
  for (let i = 0; i < 6 && phase() !== target; i++) await ok(teacher, { type: "AdvancePhase" });
  expect(phase()).toBe(target);
}
const say = (from: string, to: string, n: number) => `corridor ${from} to ${to} number ${n}: keep this between us`;

/** The match the tests below read: three dossiers with fellowships, a grant, corridor talk, remote comments and the clock controls. */
async function playWholeMatch(): Promise<void> {
  m = await createMatch({ classLabel: "Class 9b", rules: ["R1"], chair: "automatic" });
  expect(m.code).toMatch(/^[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{5}$/);
  teacher = await join(m.code, { as: "teacher", teacherToken: m.teacherToken }, "teacher");
  projector = await join(m.code, { as: "projector" }, "projector");
  students = [];
  for (let i = 1; i <= 9; i++) students.push(await join(m.code, { as: "player", nickname: ` Student ${i} ` }, `student${i}`));
  all = [teacher, projector, ...students];
  monitor = watchSecrecy(s, m.code, all, notes, () => students.map((d) => seat(d)?.seatSecret ?? "none"));
  await expectViewsInSync(s, m.code, all);
  expect(held(teacher).view.players.find((p) => students[0]!.viewer.kind === "player" && p.id === students[0]!.viewer.id)?.nickname).toBe("Student 1");

  await ok(teacher, { type: "AssignRolesAutomatically" });
  by = devicesByRole(s, m.code, students);
  expect(Object.keys(by).sort()).toEqual(scenario.roles.map((r) => r.id).sort());
  await ok(teacher, { type: "StartMatch" });
  await expectViewsInSync(s, m.code, all);

  // ---- Round 1 (dossier A, in Europe) ----
  expect(phase()).toBe("briefing");
  await ok(by.DNS!, { type: "OfferFellowship", to: "CS-S", programme: true, note: "Our programme pays your trip" });
  await ok(by.TECH!, { type: "OfferFellowship", to: "LDC", note: "We would love to see you there", expects: "A2" });
  await advanceTo("travel");
  const fellowships = liveState(s, m.code).tables[0]!.fellowships;
  await ok(by["CS-S"]!, { type: "AcceptFellowship", fellowship: fellowships.find((f) => f.to === "CS-S")!.id });
  await ok(by.LDC!, { type: "AcceptFellowship", fellowship: fellowships.find((f) => f.to === "LDC")!.id });
  await ok(by.TECH!, { type: "BookTravel", mode: "in-person", delegates: 2 });
  for (const role of ["USG", "EU", "DNS", "IP", "EMG"]) await ok(by[role]!, { type: "BookTravel", mode: "in-person" });
  await ok(by["NGO-N"]!, { type: "BookTravel", mode: "remote" });
  await expectViewsInSync(s, m.code, all);

  await advanceTo("negotiation");
  await ok(by.TECH!, { type: "GiveGrant", to: "NGO-N", amount: 3, note: "For your good work" });
  await ok(by.TECH!, { type: "SendCorridorMessage", to: "USG", text: say("TECH", "USG", 1) });
  await ok(by.USG!, { type: "SendCorridorMessage", to: "TECH", text: say("USG", "TECH", 2) });
  await ok(by.EU!, { type: "SendCorridorMessage", to: "EMG", text: say("EU", "EMG", 3) });
  await ok(by.USG!, { type: "MakeStatement", text: "We want the private sector to lead." });
  await ok(by["NGO-N"]!, { type: "PostRemoteComment", text: "Remember the users who are not here." });
  await ok(by.USG!, { type: "TableOption", option: "A2" });
  await ok(by.EU!, { type: "TableOption", option: "A3" });
  await ok(teacher, { type: "PushNews", text: "Breaking: a new report on surveillance is out." });
  await expectViewsInSync(s, m.code, all);

  await advanceTo("decision");
  for (const role of ["TECH", "USG", "DNS", "IP", "LDC"]) await ok(by[role]!, { type: "DeclarePosition", option: "A2", stance: "support" });
  for (const role of ["EU", "EMG", "CS-S"]) await ok(by[role]!, { type: "DeclarePosition", option: "A2", stance: "live" });
  await ok(by.EU!, { type: "DeclarePosition", option: "A3", stance: "support" });
  await ok(by.USG!, { type: "DeclarePosition", option: "A3", stance: "object" });
  await ok(by["NGO-N"]!, { type: "DeclarePosition", option: "A2", stance: "object" }); // remote: noted, not counted
  await advanceTo("outcome");
  const r1 = liveState(s, m.code).tables[0]!.rounds[0]!.decision!;
  expect(r1).toMatchObject({ rule: "R1", adopted: "A2", by: "consensus" });
  await expectViewsInSync(s, m.code, all);

  // ---- Round 2 (dossier B): the clock controls ----
  await ok(teacher, { type: "AdvancePhase" });
  expect(liveState(s, m.code).round).toBe(1);
  await ok(teacher, { type: "PauseClock" });
  // The projector is another socket: its frame may land just after the teacher's reply.
  await eventually(() => held(projector).view.clock.deadline === null, 2000, "the projector shows the clock paused");
  await ok(teacher, { type: "ExtendClock", seconds: 30 });
  await ok(teacher, { type: "ResumeClock" });
  await expectViewsInSync(s, m.code, [teacher, projector]);
  expect(held(projector).view.clock.deadline).toBeGreaterThan(Date.now());
  await advanceTo("travel");
  await ok(by.TECH!, { type: "OfferFellowship", to: "CS-S", note: "Come to Latin America" });
  for (const role of ["TECH", "USG", "EU"]) await ok(by[role]!, { type: "BookTravel", mode: "in-person" });
  await ok(by["CS-S"]!, { type: "BookTravel", mode: "remote" });
  await advanceTo("negotiation");
  await ok(by.EU!, { type: "TableOption", option: "B2" });
  await ok(by["CS-S"]!, { type: "PostRemoteComment", text: "Data protection matters to us too." });
  await ok(by.TECH!, { type: "SendCorridorMessage", to: "EU", text: say("TECH", "EU", 4) });
  await advanceTo("decision");
  for (const role of ["TECH", "USG", "EU"]) await ok(by[role]!, { type: "DeclarePosition", option: "B2", stance: role === "USG" ? "live" : "support" });
  await advanceTo("outcome");
  expect(liveState(s, m.code).tables[0]!.rounds[1]!.decision).toMatchObject({ adopted: "B2", by: "consensus" });
  await expectViewsInSync(s, m.code, all);

  // ---- Round 3 (dossier C): nothing tabled, the status quo stands ----
  await ok(teacher, { type: "AdvancePhase" });
  await advanceTo("negotiation");
  // Nobody travelled this round: IP takes part remotely, so it may not speak on the floor but may comment.
  expect(await cmd(by.IP!, { type: "MakeStatement", text: "Taxes hurt creators." })).toMatchObject({ ok: false, code: "not-in-room" });
  await ok(by.IP!, { type: "PostRemoteComment", text: "Taxes hurt creators." });
  await advanceTo("decision");
  await advanceTo("outcome");
  expect(liveState(s, m.code).tables[0]!.rounds[2]!.decision).toMatchObject({ adopted: "C1", by: "status-quo" });
  await ok(teacher, { type: "AdvancePhase" });
  expect(liveState(s, m.code).status).toBe("ended");
  await expectViewsInSync(s, m.code, all);
  liveHashAtEnd = hashState(liveState(s, m.code));
  eventsAtEnd = (await s.app.store.getEvents(m.code)).length;
}

describe("a full match with a teacher, nine students and a projector", () => {
  it("plays all three dossiers with fellowships, a grant, corridor talk and remote comments", () => {
    const table = liveState(s, m.code).tables[0]!;
    expect(table.rounds.map((r) => r.decision && [r.decision.adopted, r.decision.by])).toEqual([
      ["A2", "consensus"],
      ["B2", "consensus"],
      ["C1", "status-quo"],
    ]);
    expect(table.statements.map((x) => [x.role, x.kind])).toEqual([
      ["USG", "floor"],
      ["NGO-N", "remote"],
      ["CS-S", "remote"],
      ["IP", "remote"],
    ]);
    // Nobody was disconnected on the way.
    for (const d of all) expect(d.room.connection.isOpen, d.name).toBe(true);
    // After the end the debrief is public: the projector now sees the payoffs and every grant.
    const pub = held(projector).view.scenario;
    expect(pub.dossiers[0]!.options[0]!.payoffs).toBeDefined();
    expect(held(projector).view.tables[0]!.grants).toHaveLength(1);
  });

  it("kept every secret on the wire: no device ever decoded another role's private data", () => {
    expect(monitor.checks).toBeGreaterThan(all.length * 20);
    expect(monitor.violations).toEqual([]);
    // And the positive side: private data did reach those entitled to it.
    const tech = JSON.stringify(held(by.TECH!));
    expect(tech).toContain(say("USG", "TECH", 2).slice(0, 30));
    expect(tech).toContain(notes.TECH![0]!.slice(0, 40));
    expect(JSON.stringify(held(teacher))).toContain(say("EU", "EMG", 3).slice(0, 30));
    expect(JSON.stringify(held(projector))).not.toContain("corridor ");
  });

  it("recorded every event: the record folds to the live state's hash", async () => {
    const res = await fetch(`${BASE}/api/matches/${m.code}/record`, { headers: { authorization: `Bearer ${m.teacherToken}` } });
    expect(res.status).toBe(200);
    const record = (await res.json()) as MatchRecord;
    expect(record.format).toBe("rough-consensus-record");
    expect(record.events).toHaveLength(eventsAtEnd);
    expect(record.events.map((e) => e.seq)).toEqual(record.events.map((_, i) => i + 1));
    expect(record.events[0]!.event.type).toBe("MatchCreated");
    expect(record.events.some((e) => e.actor.kind === "player")).toBe(true);
    expect(hashState(foldRecord(record))).toBe(liveHashAtEnd);
    expect(record.finalHash).toBe(liveHashAtEnd);
    const header = await s.app.store.getHeader(m.code);
    expect(header).toMatchObject({ status: "ended", classLabel: "Class 9b" });
    expect(header!.startedAt).not.toBeNull();
    expect(header!.endedAt).not.toBeNull();
    // The record never holds a seat secret or the teacher token.
    const text = JSON.stringify(record);
    expect(text).not.toContain(m.teacherToken);
    for (const d of students) expect(text).not.toContain(seat(d).seatSecret);
    // A wrong token sees nothing.
    const other = await fetch(`${BASE}/api/matches/${m.code}/record`, { headers: { authorization: "Bearer not-the-token" } });
    expect(other.status).toBe(404);
  });
});
