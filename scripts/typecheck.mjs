// Type-checks every part of the project, each under its own rules: shared/ with neither DOM nor
// Node types (so the game stays pure), the tests and the server with Node, the client with the
// DOM, the browser tests with both. The parts are checked side by side, as many at once as the
// machine has cores, and each keeps its compiler state in node_modules/.cache/typecheck, so a
// second run only re-reads what changed. Any error fails the whole check.
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");
const cache = path.join(root, "node_modules", ".cache", "typecheck");
// Longest first, so the last one to start is a short one.
const PROJECTS = ["tests/tsconfig.json", "client/tsconfig.json", "tests/e2e/tsconfig.json", "shared/tsconfig.json"];

mkdirSync(cache, { recursive: true });

function check(project) {
  const buildInfo = path.join(cache, `${project.replace(/[\\/]/g, "-")}.tsbuildinfo`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsc, "-p", project, "--incremental", "--tsBuildInfoFile", buildInfo], { cwd: root });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (code) => resolve({ project, ok: code === 0, output }));
  });
}

const queue = [...PROJECTS];
const results = [];
const workers = Array.from({ length: Math.min(availableParallelism(), PROJECTS.length) }, async () => {
  for (let project = queue.shift(); project; project = queue.shift()) {
    const result = await check(project);
    results.push(result);
    console.log(`${result.ok ? "ok    " : "FAILED"} tsc -p ${project}`);
    if (!result.ok) process.stdout.write(result.output);
  }
});
await Promise.all(workers);
if (results.some((r) => !r.ok)) process.exit(1);
