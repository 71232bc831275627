// Recordings across servers: a short match played through the SDK is exported (plain and
// pseudonymised, signed by the server), imported again on the same server ("verified"), the
// server goes away, and a fresh server with an empty DATA_DIR — where the teacher first opens a
// match, as importing is a teacher's action — imports the file as a new ended match ("checked":
// another server's signature means nothing there), whose record folds to the same final hash.
// Files from another version or edited by hand are refused with their reason and store
// nothing. Replay links open one replay without the teacher token; a wrong link opens nothing.
import { afterAll, describe, expect, it } from "vitest";
import { foldRecord, type MatchRecord } from "../../shared/replay/record.js";
import { hashState } from "../../shared/replay/hash.js";
import { openRecord } from "../../shared/replay/timeline.js";
import { recheckAll } from "../../shared/replay/check.js";
import { BASE, createMatch, join, leaveAll, liveState, ok, seat, startServer, type Device, type TestServer } from "./helpers.js";

let s: TestServer | undefined;
const devices: Device[] = [];

afterAll(async () => {
  await leaveAll(devices);
  await s?.close();
});

const auth = (token: string) => ({ authorization: `Bearer ${token}` });
const corridor = "Between us: A2 keeps the lights on.";

async function api(path: string, init: RequestInit = {}): Promise<{ status: number; body: any }> {
  let res: Response;
  try {
    res = await fetch(`${BASE}${path}`, init);
  } catch {
    // fetch may reuse a kept-alive socket of the server that was just shut down: once more.
    res = await fetch(`${BASE}${path}`, init);
  }
  return { status: res.status, body: await res.json() };
}

/** A short match: two students in person, corridor talk, a statement, a tabled option, one decision, the end. */
async function playShortMatch(server: TestServer) {
  const m = await createMatch({ classLabel: "Class 10c", rules: ["R2"], chair: "automatic" });
  const teacher = await join(m.code, { as: "teacher", teacherToken: m.teacherToken }, "teacher");
  const ana = await join(m.code, { as: "player", nickname: "Ana" }, "Ana");
  const ben = await join(m.code, { as: "player", nickname: "Ben" }, "Ben");
  devices.push(teacher, ana, ben);
  await ok(teacher, { type: "AssignRole", player: seat(ana).player, table: 0, role: "TECH" });
  await ok(teacher, { type: "AssignRole", player: seat(ben).player, table: 0, role: "USG" });
  await ok(teacher, { type: "FillWithBots" });
  await ok(teacher, { type: "StartMatch" });
  const advanceTo = async (phase: string) => {
    for (let i = 0; i < 6 && liveState(server, m.code).phase !== phase; i++) await ok(teacher, { type: "AdvancePhase" });
    expect(liveState(server, m.code).phase).toBe(phase);
  };
  await advanceTo("travel");
  await ok(ana, { type: "BookTravel", mode: "in-person" });
  await ok(ben, { type: "BookTravel", mode: "in-person" });
  await advanceTo("negotiation");
  await ok(ana, { type: "SendCorridorMessage", to: "USG", text: corridor });
  await ok(ben, { type: "MakeStatement", text: "Governments must keep a say." });
  await ok(ana, { type: "TableOption", option: "A2" });
  await advanceTo("decision");
  await ok(ana, { type: "DeclarePosition", option: "A2", stance: "support" });
  await ok(ben, { type: "DeclarePosition", option: "A2", stance: "support" });
  await advanceTo("outcome");
  await ok(teacher, { type: "EndMatch" });
  expect(liveState(server, m.code).status).toBe("ended");
  const liveHash = hashState(liveState(server, m.code));
  await leaveAll(devices.splice(0));
  return { ...m, liveHash };
}

describe("export, import on a fresh server, replay links", () => {
  let exported: MatchRecord;
  let pseudonymised: MatchRecord;
  let liveHash = "";
  let token = "";
  let code = "";

  it("lists the played match with its class, tables, rules, length and status, and exports it", async () => {
    s = await startServer();
    const played = await playShortMatch(s);
    liveHash = played.liveHash;
    const list = await api("/api/matches", { headers: auth(played.teacherToken) });
    expect(list.status).toBe(200);
    expect(list.body.matches).toEqual([
      expect.objectContaining({ code: played.code, classLabel: "Class 10c", tables: 1, rules: ["R2"], status: "ended", live: expect.any(Boolean) }),
    ]);
    expect(list.body.matches[0].events).toBeGreaterThan(10);
    expect(list.body.matches[0].durationMs).toBeGreaterThanOrEqual(0);
    expect(list.body.matches[0].links.replay).toContain(`/replay/${played.code}`);

    const plain = await api(`/api/matches/${played.code}/record?download`, { headers: auth(played.teacherToken) });
    expect(plain.status).toBe(200);
    exported = plain.body;
    expect(exported.finalHash).toBe(liveHash);
    expect(hashState(foldRecord(exported))).toBe(liveHash);
    expect(JSON.stringify(exported)).toContain('"nickname":"Ana"');
    expect(exported.signature).toMatchObject({ algorithm: "HMAC-SHA256", key: expect.stringMatching(/^[0-9a-f]{16}$/), value: expect.stringMatching(/^[0-9a-f]{64}$/) });
    // What the server recorded is exactly what its rules produce, command by command.
    expect(recheckAll(exported.events)).toMatchObject({ ok: true });

    const pseudo = await api(`/api/matches/${played.code}/record?pseudonymise=1`, { headers: auth(played.teacherToken) });
    pseudonymised = pseudo.body;
    const text = JSON.stringify(pseudonymised);
    expect(text).not.toContain('"nickname":"Ana"');
    expect(text).toContain('"nickname":"Student 1"');
    expect(text).toContain(corridor); // what students wrote stays: only names are replaced
    expect(openRecord(pseudonymised).ok).toBe(true);
    expect(hashState(foldRecord(pseudonymised))).toBe(pseudonymised.finalHash);

    // Back on the server that signed it, the file is "verified"; re-indented by an editor, still.
    const back = await api("/api/matches/import", { method: "POST", headers: auth(played.teacherToken), body: JSON.stringify(exported, null, 2) });
    expect(back.status).toBe(201);
    expect(back.body).toMatchObject({ imported: "verified", events: exported.events.length });
    const listed = (await api("/api/matches", { headers: auth(played.teacherToken) })).body.matches;
    expect(listed.find((m: { code: string }) => m.code === back.body.code)).toMatchObject({ imported: "verified", status: "ended" });

    await s.close();
    s = undefined;
  }, 60_000);

  it("imports the file on a fresh server as a new ended match that replays to the same final hash", async () => {
    s = await startServer(); // a new temporary DATA_DIR: nothing of the first server
    const anonymous = await api("/api/matches/import", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(exported) });
    expect(anonymous.status).toBe(401);
    // Importing is a teacher's action: on this server, the teacher has opened a match first.
    token = (await createMatch({ classLabel: "Next year" })).teacherToken;
    const res = await api("/api/matches/import", { method: "POST", headers: { "content-type": "application/json", ...auth(token) }, body: JSON.stringify(exported) });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ events: exported.events.length, finalHash: liveHash, importedFrom: exported.matchId, imported: "checked" });
    expect(res.body).not.toHaveProperty("teacherToken");
    code = res.body.code;
    expect(code).not.toBe(""); // a fresh code on this server

    const list = await api("/api/matches", { headers: auth(token) });
    expect(list.body.matches.find((m: { code: string }) => m.code === code)).toEqual(expect.objectContaining({ code, status: "ended", classLabel: "Class 10c", rules: ["R2"], events: exported.events.length, imported: "checked" }));

    const again = await api(`/api/matches/${code}/record`, { headers: auth(token) });
    expect(again.body.finalHash).toBe(liveHash);
    expect(hashState(foldRecord(again.body))).toBe(liveHash);
    expect(again.body.events).toEqual(exported.events);

    // The same teacher imports the pseudonymised copy too: it joins their list.
    const second = await api("/api/matches/import", { method: "POST", headers: { "content-type": "application/json", ...auth(token) }, body: JSON.stringify(pseudonymised) });
    expect(second.status).toBe(201);
    expect((await api("/api/matches", { headers: auth(token) })).body.matches).toHaveLength(3);
  });

  it("refuses a file from another version, an edited file and a foreign file with their reason, storing nothing", async () => {
    const post = (body: unknown) => api("/api/matches/import", { method: "POST", headers: { "content-type": "application/json", ...auth(token) }, body: JSON.stringify(body) });
    const newer = await post({ ...exported, rulesVersion: 99 });
    expect(newer.status).toBe(422);
    expect(newer.body.error).toMatchObject({ code: "bad-record", message: expect.stringContaining("rules version 99") });

    const format = await post({ ...exported, formatVersion: 2 });
    expect(format.status).toBe(422);
    expect(format.body.error.message).toMatch(/file format 2/);

    const edited = structuredClone(exported);
    const said = edited.events.find((e) => e.event.type === "StatementMade")!.event as { text: string };
    said.text = "Governments must step aside.";
    const tampered = await post(edited);
    expect(tampered.status).toBe(422);
    expect(tampered.body.error.message).toMatch(/edited or damaged/);
    // With its final hash recomputed, the words pass the rules — but not as this server's own
    // record: it is only "checked", and never "verified", whoever signed it before.
    const rehashed = { ...edited, finalHash: hashState(foldRecord(edited)) };
    const recomputed = await post(rehashed);
    expect(recomputed.status).toBe(201);
    expect(recomputed.body.imported).toBe("checked");

    const foreign = await post({ hello: "world" });
    expect(foreign.status).toBe(422);
    expect(foreign.body.error.message).toMatch(/not a Rough Consensus match record/);

    const notJson = await api("/api/matches/import", { method: "POST", headers: auth(token), body: "{oops" });
    expect(notJson.status).toBe(400);
    expect((await api("/api/matches", { headers: auth(token) })).body.matches).toHaveLength(4);
  });

  it("opens a replay with the teacher token or a replay link, and with nothing else", async () => {
    const teacherView = await api(`/api/matches/${code}/replay`, { headers: auth(token) });
    expect(teacherView.status).toBe(200);
    expect(teacherView.body).toMatchObject({ access: "teacher", imported: "checked" });
    expect(teacherView.body).not.toHaveProperty("record"); // the teacher's browser fetches /record

    const link = await api(`/api/matches/${code}/replay-links`, { method: "POST", headers: auth(token) });
    expect(link.status).toBe(201);
    expect(link.body.token.length).toBeGreaterThanOrEqual(22);
    expect(link.body.link).toMatch(new RegExp(`/replay/${code}#replay=`));
    expect((await api(`/api/matches/${code}/replay-links`, { method: "POST" })).status).toBe(401);

    const student = await api(`/api/matches/${code}/replay`, { headers: auth(link.body.token) });
    expect(student.status).toBe(200);
    expect(student.body).toMatchObject({ access: "link", length: exported.events.length, views: ["projector"], nicknames: false });
    expect(student.body).not.toHaveProperty("record"); // a link holder never gets the record
    const end = await api(`/api/matches/${code}/replay/view?at=${exported.events.length}&view=projector`, { headers: auth(link.body.token) });
    expect(end.status).toBe(200);
    expect(end.body.view.status).toBe("ended");
    // A replay link is no teacher token: it lists nothing, exports nothing, deletes nothing.
    expect(await api("/api/matches", { headers: auth(link.body.token) })).toMatchObject({ status: 401, body: { error: { code: "unknown-token" } } });
    expect((await api(`/api/matches/${code}/record`, { headers: auth(link.body.token) })).status).toBe(404);
    expect((await api(`/api/matches/${code}`, { method: "DELETE", headers: auth(link.body.token) })).status).toBe(404);

    expect((await api(`/api/matches/${code}/replay`, { headers: auth("not-the-link") })).status).toBe(404);
    expect((await api(`/api/matches/${code}/replay`)).status).toBe(401);
    const other = (await api("/api/matches", { headers: auth(token) })).body.matches.find((m: { code: string }) => m.code !== code).code;
    expect((await api(`/api/matches/${other}/replay`, { headers: auth(link.body.token) })).status).toBe(404);

    // Deleting the match ends its links too.
    expect((await api(`/api/matches/${code}`, { method: "DELETE", headers: auth(token) })).status).toBe(200);
    expect((await api(`/api/matches/${code}/replay`, { headers: auth(link.body.token) })).status).toBe(404);
  });
});
