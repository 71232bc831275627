// The wire through the real server: every device keeps exactly its own view from whole
// states and patches; a burst of commands costs one frame or two per device, not one per
// command; a student coming back costs the other students and the projector nothing, and a
// newcomer costs them one small patch; a device that lost its place gets the whole state
// again; and a phone with a wrong clock still counts down to the server's deadline.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadScenario } from "../../server/scenarios/index.js";
import { DEBRIEF } from "../../shared/protocol/intents.js";
import type { PatchOp } from "../../shared/protocol/patch.js";
import { ManualClock } from "../helpers/manual-clock.js";
import { createMatch, eventually, expectViewsInSync, held, join, leaveAll, liveState, ok, seat, startServer, watchSecrecy, type Device, type TestServer } from "./helpers.js";

const scenario = loadScenario();
const notes = Object.fromEntries(scenario.roles.map((r) => [r.id, r.knowledge.notes]));
const clock = new ManualClock();
let s: TestServer;
const open: Device[] = [];

beforeAll(async () => {
  s = await startServer({ clock });
});
afterAll(async () => {
  await leaveAll(open);
  await s.close();
});

const opsSince = (d: Device, from: number): PatchOp[] => d.frames.slice(from).flatMap((f) => ("ops" in f ? f.ops : []));
const bytes = (x: unknown) => Buffer.byteLength(JSON.stringify(x));

async function classOf(students: number) {
  const m = await createMatch({ tables: 2, rules: ["R1", "R3"] });
  const teacher = await join(m.code, { as: "teacher", teacherToken: m.teacherToken }, "teacher");
  const projector = await join(m.code, { as: "projector" }, "projector");
  const kids: Device[] = [];
  for (let i = 0; i < students; i++) kids.push(await join(m.code, { as: "player", nickname: `Kid ${i + 1}` }, `kid${i + 1}`));
  open.push(teacher, projector, ...kids);
  return { m, teacher, projector, kids, all: [teacher, projector, ...kids] };
}

describe("the sync of views", () => {
  it("patches a burst of commands into a frame or two per device, each device holding exactly its view", async () => {
    const { m, teacher, projector, kids, all } = await classOf(4);
    const monitor = watchSecrecy(s, m.code, all, notes, () => kids.map((d) => seat(d).seatSecret));
    await ok(teacher, { type: "AssignRolesAutomatically" });
    await ok(teacher, { type: "StartMatch" });
    await expectViewsInSync(s, m.code, all);
    const before = all.map((d) => d.frames.length);
    // Ten news items at once: the room applies them one by one, the views carry them together.
    await Promise.all(Array.from({ length: 10 }, (_, i) => ok(teacher, { type: "PushNews", text: `Breaking news ${i + 1}` })));
    await expectViewsInSync(s, m.code, all);
    expect(held(projector).view.news).toHaveLength(10);
    all.forEach((d, i) => expect(d.frames.length - before[i]!, `${d.name}'s frames for ten commands`).toBeLessThanOrEqual(3));
    monitor.stop();
    expect(monitor.violations).toEqual([]);
    expect(monitor.checks).toBeGreaterThanOrEqual(all.length * 3);
  });

  it("costs the others nothing when a student comes back, and one small patch when a newcomer joins", async () => {
    const { m, teacher, projector, kids, all } = await classOf(3);
    await ok(teacher, { type: "AssignRolesAutomatically" });
    await expectViewsInSync(s, m.code, all);
    const [ana, ben] = kids as [Device, Device];
    const benSeat = seat(ben);
    const mark = all.map((d) => d.frames.length);
    // Ben's phone loses its tab and takes the seat back with the seat secret.
    await ben.room.leave(true);
    await eventually(() => held(teacher).online[benSeat.player] === false, 2000, "the teacher sees Ben away");
    const back = await join(m.code, { as: "player", nickname: benSeat.nickname, seatSecret: benSeat.seatSecret }, "ben again");
    open.push(back);
    await eventually(() => held(teacher).online[benSeat.player] === true, 2000, "the teacher sees Ben back");
    // A round trip on each socket: whatever the room sent them before has arrived.
    for (const d of [projector, ana, kids[2]!]) await d.room.request(DEBRIEF, {});
    expect(back.frames[0]).toMatchObject({ state: expect.anything() });
    expect(held(back).seat?.player).toBe(benSeat.player);
    // The projector and the other students got nothing for it; the teacher only who is online.
    for (const [i, d] of [projector, ana, kids[2]!].entries()) expect(d.frames.length, `${d.name}'s frames`).toBe(mark[[1, 2, 4][i]!]);
    expect(opsSince(teacher, mark[0]!).every((op) => op[0][0] === "online")).toBe(true);

    // A newcomer: everyone's list of players grows by one, in one small patch.
    const marks = [projector, ana].map((d) => d.frames.length);
    const cy = await join(m.code, { as: "player", nickname: "Cy" }, "cy");
    open.push(cy);
    await expectViewsInSync(s, m.code, [projector, ana, cy, teacher]);
    [projector, ana].forEach((d, i) => {
      const ops = opsSince(d, marks[i]!);
      expect(ops.every((op) => op[0][0] === "view" && op[0][1] === "players"), `${d.name} got only the new player`).toBe(true);
      expect(bytes(ops)).toBeLessThan(400);
    });
    // The newcomer's own first state is the whole view at once.
    expect(cy.frames[0]).toMatchObject({ state: expect.anything() });
    expect(bytes(cy.frames[0])).toBeLessThan(bytes(held(cy)) + 100);
  });

  it("gives a device that lost its place the whole state again", async () => {
    const { m, teacher, kids } = await classOf(1);
    const [kid] = kids as [Device];
    // The device believes it is far ahead: the next patch does not follow, so it asks again.
    kid.sync.receive({ n: 999, at: clock.now(), state: held(kid) }, Date.now());
    await ok(teacher, { type: "PushNews", text: "Did you get this?" });
    await eventually(() => kid.broken > 0 || undefined, 2000, "a frame that does not apply");
    await expectViewsInSync(s, m.code, [kid]);
    expect(held(kid).view.news.map((n) => n.text)).toContain("Did you get this?");
  });

  it("counts down to the server's deadline on a phone whose clock is five minutes slow", async () => {
    const m = await createMatch({ timerPreset: "custom", timers: { briefing: 90, travel: 60, negotiation: 300, decision: 60, outcome: 30 } });
    const teacher = await join(m.code, { as: "teacher", teacherToken: m.teacherToken }, "teacher");
    const slow = () => Date.now() - 5 * 60_000;
    const phone = await join(m.code, { as: "player", nickname: "Slow clock" }, "slow phone", slow);
    open.push(teacher, phone);
    await ok(teacher, { type: "AssignRolesAutomatically" });
    await ok(teacher, { type: "StartMatch" });
    await eventually(() => held(phone).view.clock.deadline ?? undefined, 2000, "a deadline on the phone");
    clock.advance(20_000); // the room's time moves on; the phone has a frame or two to learn from
    await ok(teacher, { type: "PushNews", text: "Twenty seconds later" });
    await eventually(() => held(phone).view.news.length > 0 || undefined, 2000, "the news on the phone");
    const deadline = held(phone).view.clock.deadline!;
    // What the phone's countdown shows (session.now() = local clock + offset), against the truth.
    const shown = deadline - (slow() + phone.sync.clockOffset);
    expect(deadline).toBe(liveState(s, m.code).clock.deadline);
    const truth = deadline - clock.now();
    expect(truth).toBe(70_000);
    expect(Math.abs(shown - truth)).toBeLessThan(1000);
    // Without the offset it would be five minutes off.
    expect(deadline - slow() - truth).toBeGreaterThan(4 * 60_000);
  });
});
