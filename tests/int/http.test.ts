// The HTTP side as a stranger probes it: every error is JSON with a code and no stack or server
// path, whatever the address (broken percent-encoding included); bodies have limits; an
// unknown teacher token is told so; client mistakes are logged once per address in one line;
// CORS names an origin or says nothing (never `*` with credentials); the built client is served
// with the right caching and the app shell for client routes.
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { BASE, createMatch, startServer, type Created, type TestServer } from "./helpers.js";

let s: TestServer;
let m: Created;
const clientDir = mkdtempSync(join(tmpdir(), "rough-consensus-client-"));

beforeAll(async () => {
  mkdirSync(join(clientDir, "assets"));
  writeFileSync(join(clientDir, "index.html"), "<!doctype html><title>Rough Consensus</title><p>app shell</p>");
  writeFileSync(join(clientDir, "assets", "main-abc123.js"), "console.log('hi')");
  s = await startServer({ clientDir, corsOrigins: ["http://127.0.0.1:8080"] });
  m = await createMatch({ classLabel: "HTTP" });
});
afterAll(async () => {
  await s.close();
  rmSync(clientDir, { recursive: true, force: true });
});

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

/** A GET from another loopback address; resolves with the status. */
function getFrom(localAddress: string, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${BASE}${path}`, { localAddress, headers: auth("x") }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end();
  });
}

/** An error answer as the rules want it: JSON, a code, a message, and nothing of the server's insides. */
async function expectJsonError(res: Response, status: number, code?: string): Promise<void> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  const body = JSON.parse(text) as { error: { code: string; message: string } };
  expect(body.error.code).toMatch(/^[a-z-]+$/);
  if (code) expect(body.error.code).toBe(code);
  expect(body.error.message.length).toBeGreaterThan(5);
  expect(text).not.toMatch(/\bat \S+ \(|node_modules|\/work\/|\/tmp\/|Error:|<html|<pre/i);
}

describe("HTTP errors", () => {
  it("answers a broken percent-encoding in every match route with 400 bad-url, as JSON", async () => {
    const routes: [string, string][] = [
      ["GET", "/api/matches/%/record"],
      ["GET", "/api/matches/%/replay"],
      ["POST", "/api/matches/%/replay-links"],
      ["DELETE", "/api/matches/%"],
      ["GET", "/api/matches/%/debrief"],
      ["GET", "/api/matches/%/export.csv"],
      ["GET", "/api/matches/%/summary"],
      ["GET", "/api/matches/%E0%A4%A/record"],
    ];
    for (const [method, path] of routes) {
      const res = await fetch(`${BASE}${path}`, { method, headers: auth(m.teacherToken) });
      await expectJsonError(res, 400, "bad-url");
    }
  });

  it("answers unknown routes, unknown matches and missing assets with a JSON 404", async () => {
    await expectJsonError(await fetch(`${BASE}/api/nope`), 404, "not-found");
    await expectJsonError(await fetch(`${BASE}/api/matches/ZZZZZ/record`, { headers: auth(m.teacherToken) }), 404, "unknown-match");
    await expectJsonError(await fetch(`${BASE}/api/matches/not-a-code/summary`, { headers: auth(m.teacherToken) }), 404, "unknown-match");
    await expectJsonError(await fetch(`${BASE}/assets/missing-file.js`), 404, "not-found");
    await expectJsonError(await fetch(`${BASE}/api/health`, { method: "PUT" }), 404, "not-found");
  });

  it("limits and checks bodies: too large is 413, not JSON is 400, a list is not settings", async () => {
    const huge = JSON.stringify({ settings: { classLabel: "x".repeat(200_000) } });
    await expectJsonError(await fetch(`${BASE}/api/matches`, { method: "POST", headers: { "content-type": "application/json" }, body: huge }), 413, "too-large");
    await expectJsonError(await fetch(`${BASE}/api/matches`, { method: "POST", headers: { "content-type": "application/json" }, body: "{oops" }), 400, "bad-json");
    await expectJsonError(await fetch(`${BASE}/api/matches`, { method: "POST", headers: { "content-type": "application/json" }, body: "[1,2]" }), 400, "bad-request");
  });

  it("tells an unknown teacher token that it is unknown (401), rather than listing nothing", async () => {
    await expectJsonError(await fetch(`${BASE}/api/matches`, { headers: auth("made-up-token") }), 401, "unknown-token");
    await expectJsonError(await fetch(`${BASE}/api/matches`), 401, "no-token");
    const mine = await fetch(`${BASE}/api/matches`, { headers: auth(m.teacherToken) });
    expect(mine.status).toBe(200);
    // A teacher whose last match was deleted is still a teacher here.
    const other = await createMatch({});
    expect((await fetch(`${BASE}/api/matches/${other.code}`, { method: "DELETE", headers: auth(other.teacherToken) })).status).toBe(200);
    const empty = await fetch(`${BASE}/api/matches`, { headers: auth(other.teacherToken) });
    expect(empty.status).toBe(200);
    expect(((await empty.json()) as { matches: unknown[] }).matches).toEqual([]);
  });

  it("logs a client's broken addresses once, in one line, and never as a server error", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      // A loopback address of its own (all of 127/8 is this machine), so no other test's requests count.
      const from = `127.0.${1 + Math.floor(Math.random() * 250)}.${2 + Math.floor(Math.random() * 250)}`;
      for (let i = 0; i < 5; i++) expect(await getFrom(from, "/api/matches/%/export.csv")).toBe(400);
      const lines = warn.mock.calls.map((c) => c.map(String).join(" "));
      expect(lines.filter((l) => l.includes("bad-url") && l.includes(from))).toHaveLength(1);
      expect(lines.join("\n")).not.toMatch(/\n\s+at /);
      expect(error).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
      error.mockRestore();
    }
  });
});

describe("CORS", () => {
  it("never answers with * and credentials: a strange origin gets no CORS header at all", async () => {
    for (const path of ["/api/health", "/api/matches", "/"]) {
      const res = await fetch(`${BASE}${path}`, { headers: { origin: "http://evil.example" } });
      expect(res.headers.get("access-control-allow-origin"), path).toBeNull();
      expect(res.headers.get("access-control-allow-credentials"), path).toBeNull();
    }
    const plain = await fetch(`${BASE}/api/health`);
    expect(plain.headers.get("access-control-allow-origin")).toBeNull();
    const preflight = await fetch(`${BASE}/matchmake/joinById/match`, { method: "OPTIONS", headers: { origin: "http://evil.example", "access-control-request-method": "POST" } });
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("names a listed origin (the Vite dev client), with credentials", async () => {
    const res = await fetch(`${BASE}/api/health`, { headers: { origin: "http://127.0.0.1:8080" } });
    expect(res.headers.get("access-control-allow-origin")).toBe("http://127.0.0.1:8080");
    expect(res.headers.get("access-control-allow-credentials")).toBe("true");
    expect(res.headers.get("vary")).toMatch(/origin/i);
  });
});

describe("the built client", () => {
  it("serves files with their caching, the app shell for client routes, and HEAD", async () => {
    const asset = await fetch(`${BASE}/assets/main-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toContain("immutable");
    for (const path of ["/", "/join/ABCDE", "/teacher/ABCDE", "/replay/ABCDE", "/matches", "/%"]) {
      const page = await fetch(`${BASE}${path}`);
      expect(page.status, path).toBe(200);
      expect(page.headers.get("content-type"), path).toMatch(/text\/html/);
      expect(page.headers.get("cache-control"), path).toBe("no-cache");
      expect(await page.text(), path).toContain("app shell");
    }
    const head = await fetch(`${BASE}/join/ABCDE`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("x-powered-by")).toBeNull();
  });
});

describe("secrets in the HTTP code", () => {
  it("compares token hashes only in constant time (no === or !== on a hash)", () => {
    const root = fileURLToPath(new URL("../../server", import.meta.url));
    const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : n.endsWith(".ts") ? [join(dir, n)] : []));
    const offenders = files(root).flatMap((f) =>
      readFileSync(f, "utf8")
        .split("\n")
        .map((line, i) => ({ line, at: `${f}:${i + 1}` }))
        .filter(({ line }) => /[Hh]ash\w*\s*[!=]==|[!=]==\s*\w*[Hh]ash\b/.test(line) && !/finalHash|hashState|\.length|[!=]==\s*(undefined|null)\b/.test(line)),
    );
    expect(offenders.map((o) => `${o.at}: ${o.line.trim()}`)).toEqual([]);
  });
});
