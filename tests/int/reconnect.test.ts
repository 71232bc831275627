// Seats survive: a dropped connection comes back to the same seat (and the teacher sees who
// is away meanwhile); a reload reconnects with the reconnection token; a lost token is
// replaced by code + nickname + seat secret; a server restart resumes the match from its record.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client } from "@colyseus/sdk";
import { resumeMatches } from "../../server/app.js";
import { hashState } from "../../shared/replay/hash.js";
import { BASE, cmd, createMatch, eventually, expectViewsInSync, held, join, leaveAll, liveState, ok, seat, serverRoom, startServer, track, type Created, type Device, type TestServer } from "./helpers.js";

let s: TestServer;
let m: Created;
let teacher: Device;
let ana: Device;
let ben: Device;
const open: Device[] = [];
const idOf = (d: Device) => (d.viewer.kind === "player" ? d.viewer.id : "");

beforeAll(async () => {
  s = await startServer();
  m = await createMatch({});
  teacher = await join(m.code, { as: "teacher", teacherToken: m.teacherToken }, "teacher");
  ana = await join(m.code, { as: "player", nickname: "Ana" }, "ana");
  ben = await join(m.code, { as: "player", nickname: "Ben" }, "ben");
  open.push(teacher, ana, ben);
  await ok(teacher, { type: "AssignRolesAutomatically" });
  await ok(teacher, { type: "StartMatch" });
});
afterAll(async () => {
  await leaveAll(open);
  await s.close();
});

describe("seats survive", () => {
  it("a dropped connection reconnects to the same seat; the teacher sees it away meanwhile", async () => {
    Object.assign(ana.room.reconnection, { minUptime: 0, minDelay: 400, maxDelay: 400, backoff: () => 400 });
    const back = new Promise<void>((resolve) => ana.room.onReconnect(() => resolve()));
    const sessionId = ana.room.sessionId;
    ana.room.connection.close(); // like a phone going to sleep: no consent, the SDK retries
    await eventually(() => held(teacher).online[idOf(ana)] === false, 2000, "teacher sees Ana away");
    await back;
    await eventually(() => held(teacher).online[idOf(ana)] === true, 2000, "teacher sees Ana back");
    expect(ana.room.sessionId).toBe(sessionId);
    await expectViewsInSync(s, m.code, [ana, teacher]);
    expect(seat(ana).player).toBe(idOf(ana));
    await ok(teacher, { type: "AdvancePhase" }); // → travel
    await ok(ana, { type: "BookTravel", mode: "remote" });
  });

  it("a reload reconnects with the stored reconnection token", async () => {
    const token = ben.room.reconnectionToken;
    ben.room.reconnection.enabled = false;
    ben.room.connection.close();
    await eventually(() => held(teacher).online[idOf(ben)] === false, 2000, "teacher sees Ben away");
    const room = await new Client(BASE).reconnect(token);
    const reloaded = track("ben reloaded", room, ben.viewer);
    open.push(reloaded);
    await expectViewsInSync(s, m.code, [reloaded]);
    expect(held(reloaded).seat?.player).toBe(idOf(ben));
    expect((await cmd(reloaded, { type: "BookTravel", mode: "remote" })).ok).toBe(true);
    ben = reloaded;
  });

  it("a lost token is replaced by code + nickname + seat secret", async () => {
    const secret = seat(ana);
    await ana.room.leave(true);
    await eventually(() => held(teacher).online[idOf(ana)] === false, 2000, "teacher sees Ana gone");
    const again = await join(m.code, { as: "player", nickname: secret.nickname, seatSecret: secret.seatSecret }, "ana again");
    open.push(again);
    expect(idOf(again)).toBe(idOf(ana));
    expect(Object.keys(liveState(s, m.code).players)).toHaveLength(2); // no new seat
    await expectViewsInSync(s, m.code, [again, teacher]);
    await eventually(() => held(teacher).online[idOf(ana)] === true, 2000, "teacher sees Ana back");
    ana = again;
  });

  it("a server restart resumes the match from its record, and everyone rejoins their seat", async () => {
    await ok(teacher, { type: "AdvancePhase" }); // → negotiation
    await ok(teacher, { type: "PushNews", text: "Before the restart" });
    const before = hashState(liveState(s, m.code));
    const secrets = [seat(ana), seat(ben)];
    await serverRoom(s, m.code).disconnect(); // the process goes away; the record stays "running"
    await eventually(() => !s.t.getRoomById(m.code) || undefined, 3000, "room gone");
    expect((await s.app.store.getHeader(m.code))?.status).toBe("running");

    expect(await resumeMatches(s.app.store)).toContain(m.code);
    expect(hashState(liveState(s, m.code))).toBe(before);

    const t2 = await join(m.code, { as: "teacher", teacherToken: m.teacherToken }, "teacher after restart");
    const a2 = await join(m.code, { as: "player", nickname: "Ana", seatSecret: secrets[0]!.seatSecret }, "ana after restart");
    const b2 = await join(m.code, { as: "player", nickname: "Ben", seatSecret: secrets[1]!.seatSecret }, "ben after restart");
    open.push(t2, a2, b2);
    expect([idOf(a2), idOf(b2)]).toEqual([secrets[0]!.player, secrets[1]!.player]);
    await expectViewsInSync(s, m.code, [t2, a2, b2]);
    await ok(t2, { type: "AdvancePhase" }); // play goes on
    expect(liveState(s, m.code).phase).toBe("decision");
    await expectViewsInSync(s, m.code, [t2, a2, b2]);
  });
});

describe("removal", () => {
  it("a removed player is told, disconnected, and their seat secret no longer opens the seat", async () => {
    const m2 = await createMatch({});
    const t = await join(m2.code, { as: "teacher", teacherToken: m2.teacherToken }, "teacher");
    const zoe = await join(m2.code, { as: "player", nickname: "Zoe" }, "zoe");
    open.push(t, zoe);
    const secret = seat(zoe).seatSecret;
    const left = new Promise<number>((resolve) => zoe.room.onLeave((code) => resolve(code)));
    await ok(t, { type: "RemovePlayer", player: idOf(zoe) });
    expect(await left).toBe(4000);
    expect(zoe.notices.map((n) => n.code)).toContain("removed");
    await expect(join(m2.code, { as: "player", nickname: "Zoe", seatSecret: secret })).rejects.toThrow(/seat is not known/);
    await eventually(() => held(t).view.players.find((p) => p.id === idOf(zoe))?.present === false, 2000, "the teacher sees Zoe gone");
  });
});
