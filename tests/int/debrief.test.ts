// The debrief and the exports of a played match, through the real server, the real SDK and a
// real SQLite file: every device may fetch the debrief once the match is over (not before),
// the CSV parses with one row per role per round, and pseudonymise removes every nickname.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Debrief } from "../../shared/analysis/debrief.js";
import { CSV_COLUMNS } from "../../shared/analysis/export.js";
import { exportsDe } from "../../server/text/de.js";
import { exportsEn } from "../../server/text/en.js";
import { exportsEs } from "../../server/text/es.js";
import { DEBRIEF, type DebriefReply } from "../../shared/protocol/intents.js";
import { BASE, cmd, createMatch, eventually, held, expectViewsInSync, join, leaveAll, liveState, ok, startServer, type Created, type Device, type TestServer } from "./helpers.js";

/** RFC 4180: fields separated by commas, records by CRLF, quoted fields with "" for a quote. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else if (c === "\r" || c === "\n") throw new Error(`bare line break at ${i}: records must end with CRLF`);
    else field += c;
  }
  if (quoted) throw new Error("unterminated quoted field");
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Nicknames no scenario text or pseudonym could contain by chance. */
const NICKNAMES = ["Zephyrine Q", "Bartholomew, \"Bart\"", "Ximena Ölund"];

let s: TestServer;
let m: Created;
let teacher: Device;
let projector: Device;
let students: Device[];

const get = (path: string, token: string | null = m.teacherToken) => fetch(`${BASE}/api/matches/${m.code}/${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
const askDebrief = (d: Device) => d.room.request(DEBRIEF, {}) as Promise<DebriefReply>;

beforeAll(async () => {
  s = await startServer({ botPace: "instant" });
  m = await createMatch({ classLabel: "Debrief 9c", rules: ["R1"], chair: "automatic", bots: true });
  teacher = await join(m.code, { as: "teacher", teacherToken: m.teacherToken }, "teacher");
  projector = await join(m.code, { as: "projector" }, "projector");
  students = [];
  for (const [i, nickname] of NICKNAMES.entries()) students.push(await join(m.code, { as: "player", nickname }, `student${i + 1}`));
});
afterAll(async () => {
  await leaveAll([teacher, projector, ...(students ?? [])].filter(Boolean));
  await s.close();
});

describe("before the match is over", () => {
  it("refuses the debrief to every device and to the teacher's export routes", async () => {
    for (const d of [students[0]!, teacher, projector]) {
      const reply = await askDebrief(d);
      expect(reply).toMatchObject({ ok: false, code: "debrief-not-open" });
    }
    for (const path of ["debrief", "export.csv", "summary"]) {
      const res = await get(path);
      expect(res.status, path).toBe(409);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("debrief-not-open");
    }
  });
});

describe("after a played match (three students, six bots)", () => {
  beforeAll(async () => {
    await ok(teacher, { type: "AssignRolesAutomatically" });
    await ok(teacher, { type: "StartMatch" });
    const state = () => liveState(s, m.code);
    for (let guard = 0; state().status !== "ended" && guard < 40; guard++) {
      const before = `${state().round}/${state().phase}`;
      await new Promise((r) => setTimeout(r, state().phase === "negotiation" ? 300 : 100));
      await ok(teacher, { type: "AdvancePhase" });
      await eventually(() => `${state().round}/${state().phase}` !== before || state().status === "ended", 3000, "the next phase");
    }
    expect(state().status).toBe("ended");
  });

  it("answers the same debrief to students, teacher and projector, with roles and no nicknames", async () => {
    const replies = await Promise.all([...students, teacher, projector].map(askDebrief));
    const first = replies[0]!;
    expect(first.ok).toBe(true);
    const debrief = (first as { debrief: Debrief }).debrief;
    expect(debrief.matchId).toBe(m.code);
    expect(debrief.tables).toHaveLength(1);
    expect(debrief.tables[0]!.outcomes).toHaveLength(3);
    for (const reply of replies) expect(reply).toEqual(first);
    const text = JSON.stringify(debrief);
    for (const nickname of NICKNAMES) expect(text).not.toContain(nickname.split(" ")[0]);
  });

  it("keeps the debrief the same after the teacher steps through cards", async () => {
    const before = await askDebrief(students[1]!);
    await ok(teacher, { type: "ShowDebriefCard", card: 3 });
    await ok(teacher, { type: "ShowNicknames", shown: true });
    expect(await askDebrief(students[1]!)).toEqual(before);
  });

  it("records the teacher's review of a mark: every device gets the reason, students cannot give it, the exports carry it", async () => {
    const reason = "Agreed with TECH before any trip was offered.";
    const refused = await cmd(students[0]!, { type: "ReviewMark", mark: "m40", setAside: true, reason });
    expect(refused).toMatchObject({ ok: false, code: "not-teacher" });
    expect(await cmd(teacher, { type: "ReviewMark", mark: "m40", setAside: true, reason: "  " })).toMatchObject({ ok: false, code: "mark-reason" });
    await ok(teacher, { type: "ReviewMark", mark: "m40", setAside: true, reason });
    await ok(teacher, { type: "ShowDebriefCard", card: 2, part: 3 });
    // Every device, the projector included, holds the same review and part (its view equals viewFor's).
    await expectViewsInSync(s, m.code, [...students, teacher, projector]);
    for (const d of [...students, projector]) {
      await eventually(() => held(d).view.debrief.setAside.m40?.reason === reason, 3000, "the review on every device");
      expect(held(d).view.debrief.part).toBe(3);
    }
    const body = (await (await get("debrief")).json()) as { debrief: Debrief };
    expect(body.debrief.review).toEqual({ m40: { reason, at: expect.any(Number) } });
    await ok(teacher, { type: "ReviewMark", mark: "m40", setAside: false });
    const restored = (await (await get("debrief")).json()) as { debrief: Debrief };
    expect(restored.debrief.review).toEqual({});
  });

  it("gives the teacher the debrief over HTTP, with who played each role only on request", async () => {
    expect((await get("debrief", null)).status).toBe(401);
    expect((await get("debrief", "not-the-token")).status).toBe(404);
    const hidden = (await (await get("debrief")).json()) as { pseudonymised: boolean; players: { nicknames: string[] }[]; debrief: Debrief };
    expect(hidden.pseudonymised).toBe(true);
    expect(hidden.debrief.tables[0]!.outcomes).toHaveLength(3);
    const hiddenNames = hidden.players.flatMap((p) => p.nicknames);
    expect(hiddenNames.filter((n) => n.startsWith("Student "))).toHaveLength(3);
    for (const nickname of NICKNAMES) expect(JSON.stringify(hidden)).not.toContain(nickname.split(" ")[0]);
    const shown = (await (await get("debrief?pseudonymise=0")).json()) as { pseudonymised: boolean; players: { nicknames: string[] }[] };
    expect(shown.pseudonymised).toBe(false);
    expect(shown.players.flatMap((p) => p.nicknames)).toEqual(expect.arrayContaining(NICKNAMES));
  });

  it("exports a CSV a spreadsheet opens: UTF-8 with BOM, one row per role per round, parsable", async () => {
    const res = await get("export.csv?pseudonymise=0");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="rough-consensus-[A-Z0-9]{5}\.csv"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).slice(1));
    // No ?lang: English headers, in the fixed order of the machine columns.
    expect(rows[0]).toEqual(CSV_COLUMNS.map((column) => exportsEn[`export.csv.${column}`]));
    const body = rows.slice(1);
    const roles = liveState(s, m.code).scenario.roles.map((r) => r.id);
    expect(body).toHaveLength(roles.length * 3);
    for (const row of body) expect(row).toHaveLength(CSV_COLUMNS.length);
    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    const pairs = body.map((r) => `${r[col("round")]}/${r[col("role")]}`);
    expect(new Set(pairs).size).toBe(body.length);
    for (const round of ["1", "2", "3"]) for (const role of roles) expect(pairs).toContain(`${round}/${role}`);
    // The nicknames survive commas, quotes and accents.
    const players = body.map((r) => r[col("players")]).join("|");
    for (const nickname of NICKNAMES) expect(players).toContain(nickname);
  });

  it("pseudonymises the CSV by default and on request: no nickname anywhere", async () => {
    for (const path of ["export.csv", "export.csv?pseudonymise=1"]) {
      const res = await get(path);
      expect(res.headers.get("content-disposition")).toContain("-pseudonymised.csv");
      const text = await res.text();
      for (const nickname of NICKNAMES) expect(text, path).not.toContain(nickname.split(/[ ,]/)[0]);
      const rows = parseCsv(text.replace(/^\uFEFF/, ""));
      const players = rows.slice(1).map((r) => r[CSV_COLUMNS.indexOf("players")]).filter((p) => p && !/^Bot|bot/i.test(p));
      expect(players.join(";")).toMatch(/Student 1/);
    }
  });

  it("prints a one-page summary with a print stylesheet, pseudonymised unless asked otherwise", async () => {
    const res = await get("summary");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await res.text();
    expect(html).toContain("@media print");
    expect(html).toContain("@page");
    expect(html).toContain(m.code);
    expect(html).toContain("Student 1");
    for (const nickname of NICKNAMES) expect(html).not.toContain(nickname.split(/[ ,]/)[0]);
    const named = await (await get("summary?pseudonymise=0")).text();
    expect(named).toContain("Zephyrine Q");
    // Escaped, never raw HTML.
    expect(named).toContain("Bartholomew, &quot;Bart&quot;");
    expect((await get("summary", null)).status).toBe(401);
  });
});

describe("the exports in the teacher's language (?lang=)", () => {
  const headerRow = async (path: string) => parseCsv((await (await get(path)).text()).replace(/^\uFEFF/, ""))[0];

  it("words the spreadsheet's headers in the language asked for, the columns in the same order", async () => {
    const res = await get("export.csv?lang=es");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-language")).toBe("es");
    const rows = parseCsv((await res.text()).replace(/^\uFEFF/, ""));
    expect(rows[0]).toEqual(CSV_COLUMNS.map((column) => exportsEs[`export.csv.${column}`]));
    expect(rows[1]).toHaveLength(CSV_COLUMNS.length);
    expect(rows.slice(1).map((r) => r[CSV_COLUMNS.indexOf("players")]).join(";")).toMatch(/Estudiante 1/);
    // A region finds its language.
    expect(await headerRow("export.csv?lang=de-AT")).toEqual(CSV_COLUMNS.map((column) => exportsDe[`export.csv.${column}`]));
  });

  it("prints the summary in the language asked for, with the scenario's translated words", async () => {
    const res = await get("summary?lang=de");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-language")).toBe("de");
    const html = await res.text();
    expect(html).toContain('<html lang="de">');
    expect(html).toContain(exportsDe["export.title"]);
    const scenario = liveState(s, m.code).scenario;
    expect(html).toContain(scenario.translations!.de!.dossiers![scenario.dossiers[0]!.id]!.title!);
    expect(html).not.toContain(exportsEn["export.outcomes"]);
  });

  it("gives English for a language it does not speak or a malformed one, never an error", async () => {
    // Unknown, empty, markup, repeated (an array) or nested (an object): all read as English.
    for (const lang of ["xx", "", "%3Cscript%3E", "es&lang=fr"].map((l) => `lang=${l}`).concat(["lang[]=es", "lang[a]=es"])) {
      const res = await get(`summary?${lang}`);
      expect(res.status, lang).toBe(200);
      const html = await res.text();
      expect(html, lang).toContain('<html lang="en">');
      expect(html, lang).toContain(exportsEn["export.title"]);
    }
    expect(await headerRow("export.csv?lang=klingon")).toEqual(CSV_COLUMNS.map((column) => exportsEn[`export.csv.${column}`]));
  });
});

describe("a match with two tables under different rules", () => {
  it("compares the tables in the debrief and prints each in the summary", async () => {
    const two = await createMatch({ tables: 2, rules: ["R1", "R3"], chair: "automatic", bots: true });
    const host = await join(two.code, { as: "teacher", teacherToken: two.teacherToken }, "teacher2");
    const student = await join(two.code, { as: "player", nickname: "Ottoline" }, "student-two");
    try {
      await ok(host, { type: "AssignRolesAutomatically" });
      await ok(host, { type: "StartMatch" });
      const state = () => liveState(s, two.code);
      expect(state().tables).toHaveLength(2);
      for (let guard = 0; state().status !== "ended" && guard < 40; guard++) {
        const before = `${state().round}/${state().phase}`;
        await new Promise((r) => setTimeout(r, 100));
        await ok(host, { type: "AdvancePhase" });
        await eventually(() => `${state().round}/${state().phase}` !== before || state().status === "ended", 3000, "the next phase");
      }
      const reply = await askDebrief(student);
      expect(reply.ok).toBe(true);
      const debrief = (reply as { debrief: Debrief }).debrief;
      expect(debrief.compared.map((c) => c.rule)).toEqual(["R1", "R3"]);
      const html = await (await fetch(`${BASE}/api/matches/${two.code}/summary`, { headers: { authorization: `Bearer ${two.teacherToken}` } })).text();
      expect(html).toContain("Table 1 — Rough consensus");
      expect(html).toContain("Table 2 — Token-weighted vote");
      expect(html).not.toContain("Ottoline");
      const csv = parseCsv((await (await fetch(`${BASE}/api/matches/${two.code}/export.csv`, { headers: { authorization: `Bearer ${two.teacherToken}` } })).text()).replace(/^\uFEFF/, ""));
      expect(csv.length - 1).toBe(2 * 3 * state().scenario.roles.length);
    } finally {
      await leaveAll([host, student]);
    }
  });
});
