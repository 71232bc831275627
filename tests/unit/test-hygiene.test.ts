// Tests that cannot fail, or that wait instead of checking, are found here by reading the test
// sources (unit, integration, end-to-end and their helpers) with the TypeScript parser:
// - no step's failure swallowed by `.catch(() => undefined)` (or `{}`, `null`): only cleanup in
//   afterAll/afterEach, a `finally` block or a cleanup helper may tolerate a failure, and only
//   with a comment saying why;
// - no fixed sleep over a second (`waitForTimeout(n)`, `new Promise((r) => setTimeout(r, n))`):
//   a test waits on recorded events or state instead.
// Benchmarks and the load test (tests/bench, tests/load) measure over time windows on purpose
// and are not tests, so they are not read. And in CI, end-to-end tests are required: a missing
// browser fails `npm test` at once (its pretest, tests/preflight.ts) instead of skipping.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const READ = ["tests/unit", "tests/int", "tests/e2e", "tests/helpers"];
/** The longest fixed wait a test may hold, in milliseconds. */
const LONGEST_SLEEP = 1000;
/** Helpers that exist to clean up after tests (leaving rooms, stopping servers). */
const CLEANUP_HELPER = /^(leave|stop|close|cleanup|dispose|teardown|shutdown)/i;

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* sources(full);
    else if (name.endsWith(".ts")) yield full;
  }
}

interface Finding {
  where: string;
  what: string;
}

/** Whether a `.catch(handler)` throws the failure away: a handler that does nothing or returns nothing useful. */
function swallows(handler: ts.Expression | undefined): boolean {
  if (!handler || !(ts.isArrowFunction(handler) || ts.isFunctionExpression(handler))) return false;
  const body = handler.body;
  if (ts.isBlock(body)) return body.statements.length === 0;
  const b = ts.isParenthesizedExpression(body) ? body.expression : body;
  if (ts.isIdentifier(b) && b.text === "undefined") return true;
  if (ts.isVoidExpression(b)) return true;
  if (b.kind === ts.SyntaxKind.NullKeyword) return true;
  if (ts.isObjectLiteralExpression(b) && b.properties.length === 0) return true;
  return ts.isArrayLiteralExpression(b) && b.elements.length === 0;
}

/** Cleanup: inside afterAll/afterEach, a finally block, or a cleanup helper. */
function inCleanup(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node; n; n = n.parent) {
    const parent: ts.Node | undefined = n.parent;
    if (parent && ts.isTryStatement(parent) && parent.finallyBlock === n) return true;
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && /^after(All|Each)$/.test(n.expression.text)) return true;
    if ((ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n)) && n.name && CLEANUP_HELPER.test(n.name.getText())) return true;
    if (ts.isPropertyAssignment(n) && CLEANUP_HELPER.test(n.name.getText())) return true;
  }
  return false;
}

/** A comment on the line, or in the three lines above it, or in the doc comment of the enclosing function. */
function explained(node: ts.Node, file: ts.SourceFile, lines: string[]): boolean {
  const line = file.getLineAndCharacterOfPosition(node.getStart(file)).line;
  for (let l = Math.max(0, line - 3); l <= line; l++) if (/\/\/|\/\*|^\s*\*/.test(lines[l] ?? "")) return true;
  for (let n: ts.Node | undefined = node; n; n = n.parent) {
    if (ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n)) return (ts.getLeadingCommentRanges(file.text, n.getFullStart()) ?? []).length > 0;
  }
  return false;
}

/** The longest value an expression can take, when it is made of numbers (and consts holding numbers); null when unknown. */
function longest(expr: ts.Expression, consts: Map<string, ts.Expression>, depth = 0): number | null {
  if (depth > 5) return null;
  if (ts.isNumericLiteral(expr)) return Number(expr.text.replace(/_/g, ""));
  if (ts.isParenthesizedExpression(expr)) return longest(expr.expression, consts, depth + 1);
  if (ts.isConditionalExpression(expr)) {
    const a = longest(expr.whenTrue, consts, depth + 1);
    const b = longest(expr.whenFalse, consts, depth + 1);
    return a === null || b === null ? null : Math.max(a, b);
  }
  if (ts.isBinaryExpression(expr)) {
    const op = expr.operatorToken.kind;
    const b = longest(expr.right, consts, depth + 1);
    // a % b stays below b, whatever a is (times and counters are never negative here).
    if (op === ts.SyntaxKind.PercentToken) return b === null ? null : b - 1;
    const a = longest(expr.left, consts, depth + 1);
    if (a === null || b === null) return null;
    if (op === ts.SyntaxKind.AsteriskToken) return a * b;
    if (op === ts.SyntaxKind.PlusToken) return a + b;
    return null;
  }
  // Math.random() is below 1.
  if (ts.isCallExpression(expr) && expr.getText() === "Math.random()") return 1;
  if (ts.isIdentifier(expr) && consts.has(expr.text)) return longest(consts.get(expr.text)!, consts, depth + 1);
  return null;
}

/** `setTimeout(resolve, n)` inside `new Promise((resolve) => …)`: a sleep of n. */
function sleepsOnPromise(call: ts.CallExpression): boolean {
  const [first] = call.arguments;
  if (!first || !ts.isIdentifier(first)) return false;
  for (let n: ts.Node | undefined = call.parent; n; n = n.parent) {
    if ((ts.isArrowFunction(n) || ts.isFunctionExpression(n)) && n.parent && ts.isNewExpression(n.parent) && n.parent.expression.getText() === "Promise") {
      return n.parameters[0]?.name.getText() === first.text;
    }
  }
  return false;
}

const inspected = new Map<string, Finding[]>();

/** What one source file holds, read once. */
function findingsOf(file: string): Finding[] {
  let found = inspected.get(file);
  if (!found) inspected.set(file, (found = inspect(file)));
  return found;
}

function inspect(file: string): Finding[] {
  const text = readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const lines = text.split("\n");
  const relative = path.relative(root, file);
  const where = (node: ts.Node) => `${relative}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}`;
  const consts = new Map<string, ts.Expression>();
  const findings: Finding[] = [];
  const collect = (node: ts.Node): void => {
    // Names holding a number: consts, and parameters by their default (a polling interval's, say).
    if ((ts.isVariableDeclaration(node) || ts.isParameter(node)) && ts.isIdentifier(node.name) && node.initializer) consts.set(node.name.text, node.initializer);
    ts.forEachChild(node, collect);
  };
  collect(source);
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      if (method === "catch" && swallows(node.arguments[0])) {
        if (!inCleanup(node)) findings.push({ where: where(node), what: "a step's failure is swallowed by .catch(); let it fail the test (or assert the refusal)" });
        else if (!explained(node, source, lines)) findings.push({ where: where(node), what: "cleanup tolerates a failure without a comment saying why" });
      }
      if (method === "waitForTimeout") {
        const ms = node.arguments[0] ? longest(node.arguments[0], consts) : null;
        if (ms === null || ms > LONGEST_SLEEP) findings.push({ where: where(node), what: `a fixed wait of ${ms ?? "an unknown time"} ms; wait on events or state instead` });
      }
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "setTimeout" && sleepsOnPromise(node)) {
      const ms = node.arguments[1] ? longest(node.arguments[1], consts) : 0;
      if (ms === null || ms > LONGEST_SLEEP) findings.push({ where: where(node), what: `a fixed sleep of ${ms ?? "an unknown time"} ms; wait on events or state instead` });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

describe("the test sources", () => {
  const files = READ.flatMap((dir) => [...sources(path.join(root, dir))]);

  it("are all read (every suite, with its helpers)", () => {
    for (const dir of READ) expect(files.some((f) => f.startsWith(path.join(root, dir) + path.sep)), dir).toBe(true);
    expect(files.length).toBeGreaterThan(30);
  });

  // Reading every source takes a few seconds on a busy machine; the limits only catch a stall.
  it("never swallow a step's failure, and tolerate a cleanup's failure only with a reason", { timeout: 60_000 }, () => {
    const found = files.flatMap(findingsOf).filter((f) => f.what.includes("catch") || f.what.includes("cleanup"));
    expect(found.map((f) => `${f.where}: ${f.what}`)).toEqual([]);
  });

  it("hold no fixed sleep over a second", { timeout: 60_000 }, () => {
    const found = files.flatMap(findingsOf).filter((f) => f.what.includes("fixed"));
    expect(found.map((f) => `${f.where}: ${f.what}`)).toEqual([]);
  });
});

describe("the hygiene check itself", () => {
  // It must find what it looks for: a swallowed step, an unexplained cleanup and long sleeps.
  it("finds each kind of problem in a sample", { timeout: 60_000 }, async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const dir = mkdtempSync(path.join(tmpdir(), "hygiene-"));
    const sample = path.join(dir, "sample.test.ts");
    writeFileSync(
      sample,
      [
        'it("x", async () => {',
        "  await step().catch(() => undefined);",
        "  await page.waitForTimeout(phase === 1 ? 6000 : 500);",
        "  await new Promise((r) => setTimeout(r, 2_500));",
        "  await new Promise((r) => setTimeout(r, 200));",
        "  await new Promise((r) => setTimeout(r, 350 + (n % 300)));",
        "  await new Promise((r) => setTimeout(r, 800 + Math.random() * 1200));",
        "});",
        "afterAll(async () => {",
        "  await room.leave().catch(() => {});",
        "});",
        "afterEach(async () => {",
        "  // the page may be gone already",
        "  await shot().catch(() => undefined);",
        "});",
      ].join("\n"),
    );
    try {
      expect(inspect(sample).map((f) => f.what.split(";")[0])).toEqual([
        "a step's failure is swallowed by .catch()",
        "a fixed wait of 6000 ms",
        "a fixed sleep of 2500 ms",
        "a fixed sleep of 2000 ms",
        "cleanup tolerates a failure without a comment saying why",
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the end-to-end tests in CI", () => {
  const preflight = (env: Record<string, string>) =>
    spawnSync(process.execPath, ["--import", "tsx", path.join(root, "tests", "preflight.ts")], { cwd: root, env: { ...process.env, ...env }, encoding: "utf8", timeout: 60_000 });

  it("fail npm test at once, saying why, when CI=true and there is no Chromium", { timeout: 60_000 }, () => {
    const run = preflight({ CI: "true", CHROMIUM: "/nonexistent/chromium" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("CI=true and no Chromium: the end-to-end tests are required in CI");
    expect(run.stderr).toContain("scripts/install-chromium.sh");
  });

  it("are only skipped, with a warning, outside CI", { timeout: 60_000 }, () => {
    const run = preflight({ CI: "", CHROMIUM: "/nonexistent/chromium" });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain("SKIPPED");
  });
});
