// Bad input never crashes the room and never disconnects anyone: wrong types, oversized
// strings, unknown message types, commands in the wrong phase, teacher commands from a
// student, a projector trying to act, and a flood — each answered with a reason, state unchanged.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashState } from "../../shared/replay/hash.js";
import { COMMAND } from "../../shared/protocol/intents.js";
import { BASE, cmd, createMatch, eventually, join, leaveAll, liveState, ok, startServer, type Created, type Device, type TestServer } from "./helpers.js";

let s: TestServer;
let m: Created;
let teacher: Device;
let student: Device;
let other: Device;
let projector: Device;

beforeAll(async () => {
  s = await startServer();
  m = await createMatch({});
  teacher = await join(m.code, { as: "teacher", teacherToken: m.teacherToken }, "teacher");
  student = await join(m.code, { as: "player", nickname: "Ana" }, "ana");
  other = await join(m.code, { as: "player", nickname: "Ben" }, "ben");
  projector = await join(m.code, { as: "projector" }, "projector");
  await ok(teacher, { type: "AssignRolesAutomatically" });
});
afterAll(async () => {
  await leaveAll([teacher, student, other, projector]);
  await s.close();
});

async function unchanged(run: () => Promise<void>): Promise<void> {
  const before = hashState(liveState(s, m.code));
  const events = (await s.app.store.getEvents(m.code)).length;
  await run();
  expect(hashState(liveState(s, m.code))).toBe(before);
  expect((await s.app.store.getEvents(m.code)).length).toBe(events);
  for (const d of [teacher, student, other, projector]) expect(d.room.connection.isOpen, `${d.name} still connected`).toBe(true);
}

const rejected = (code: string) => expect.objectContaining({ ok: false, code, message: expect.any(String) });

describe("bad input", () => {
  it("answers payloads of the wrong shape with bad-payload", async () => {
    await unchanged(async () => {
      expect(await cmd(student, { type: "MakeStatement", text: 42 } as Record<string, unknown>)).toEqual(rejected("bad-payload"));
      expect(await cmd(student, { type: "GiveGrant", to: "USG", amount: "lots" } as Record<string, unknown>)).toEqual(rejected("bad-payload"));
      expect(await cmd(student, { type: "NoSuchCommand" })).toEqual(rejected("bad-payload"));
      expect(await cmd(student, { nothing: true })).toEqual(rejected("bad-payload"));
      expect(await student.room.request(COMMAND, "just a string")).toEqual(rejected("bad-payload"));
      expect(await student.room.request(COMMAND, [1, 2, 3])).toEqual(rejected("bad-payload"));
      expect(await student.room.request(COMMAND, undefined)).toEqual(rejected("bad-payload"));
    });
  });

  it("answers oversized strings with a reason (outer bound, then the engine's limits)", async () => {
    await unchanged(async () => {
      expect(await cmd(student, { type: "MakeStatement", text: "x".repeat(10_000) })).toEqual(rejected("bad-payload"));
      expect(await cmd(teacher, { type: "PushNews", text: "y".repeat(1000) })).toEqual(rejected("text-too-long"));
      expect(await cmd(student, { type: "RenamePlayer", player: student.viewer.kind === "player" ? student.viewer.id : "", nickname: "z".repeat(100) })).toEqual(rejected("nickname-too-long"));
    });
  });

  it("answers unknown message types without disconnecting", async () => {
    await unchanged(async () => {
      const notices = student.notices.length;
      student.room.send("hack-the-planet", { please: true });
      await eventually(() => student.notices.length > notices, 2000, "a notice");
      expect(student.notices.at(-1)).toMatchObject({ code: "unknown-message" });
      await expect(student.room.request("what-is-this", {})).rejects.toThrow(/handler/);
      // A plain send of a bad command gets its reason as a notice.
      student.room.send(COMMAND, { type: "MakeStatement", text: 5 });
      await eventually(() => student.notices.at(-1)?.code === "bad-payload", 2000, "a bad-payload notice");
    });
  });

  it("answers commands in the wrong phase and teacher commands from a student", async () => {
    await unchanged(async () => {
      expect(await cmd(student, { type: "BookTravel", mode: "in-person" })).toEqual(rejected("not-started"));
      expect(await cmd(student, { type: "StartMatch" })).toEqual(rejected("not-teacher"));
      expect(await cmd(student, { type: "PushNews", text: "I am the teacher now" })).toEqual(rejected("not-teacher"));
      expect(await cmd(student, { type: "AdvancePhase" })).toEqual(rejected("not-teacher"));
      expect(await cmd(teacher, { type: "MakeStatement", text: "hello" })).toEqual(rejected("not-started"));
      expect(await cmd(projector, { type: "MakeStatement", text: "hello" })).toEqual(rejected("read-only"));
    });
    await ok(teacher, { type: "StartMatch" });
    await unchanged(async () => {
      expect(await cmd(student, { type: "BookTravel", mode: "in-person" })).toEqual(rejected("phase-closed"));
      expect(await cmd(student, { type: "MakeStatement", text: "too early" })).toEqual(rejected("phase-closed"));
      expect(await cmd(student, { type: "LeaveMatch", player: other.viewer.kind === "player" ? other.viewer.id : "" })).toEqual(rejected("not-your-seat"));
      expect(await cmd(teacher, { type: "ExtendClock", seconds: 99_999 })).toEqual(rejected("bad-duration"));
      expect(await cmd(teacher, { type: "ResumeClock" })).toEqual(rejected("clock-running"));
    });
  });

  it("throttles a flooding client with a reply instead of disconnecting it", async () => {
    await unchanged(async () => {
      const replies = await Promise.all(Array.from({ length: 60 }, () => cmd(other, { type: "StartMatch" })));
      const throttled = replies.filter((r) => !r.ok && r.code === "throttled");
      expect(throttled.length).toBeGreaterThan(20);
      expect(replies.filter((r) => !r.ok && r.code === "not-teacher").length).toBeGreaterThan(5);
    });
    // Others are not affected, and the flooder recovers after a pause.
    expect(await cmd(student, { type: "StartMatch" })).toEqual(rejected("not-teacher"));
    await new Promise((r) => setTimeout(r, 500));
    expect(await cmd(other, { type: "StartMatch" })).toEqual(rejected("not-teacher"));
  });

  it("refuses bad join options with a reason", async () => {
    const { Client } = await import("@colyseus/sdk");
    const c = new Client(BASE);
    await expect(c.joinById(m.code, { as: "teacher", teacherToken: "guess" })).rejects.toThrow(/teacher link is not valid/);
    await expect(c.joinById(m.code, { as: "player", nickname: "   " })).rejects.toThrow(/nickname/);
    await expect(c.joinById(m.code, { as: "player", nickname: "Eve", seatSecret: "not-a-real-secret" })).rejects.toThrow(/seat is not known/);
    await expect(c.joinById(m.code, { as: "wizard" } as never)).rejects.toThrow(/join options/);
    await expect(c.joinById("ZZZZZ", { as: "projector" })).rejects.toThrow();
  });
});
