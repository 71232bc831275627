#!/usr/bin/env node
// `npm start`: builds the web client when client/dist is missing or older than its sources,
// then runs the game server (server/index.ts through tsx) on PORT (default 2567).
// Set SKIP_CLIENT_BUILD=1 to serve whatever is there. `--demo` (npm run demo) runs
// scripts/demo.ts instead: the same server with a bots-only match already started.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "client", "dist", "index.html");
const sources = ["client", "shared", "assets"].map((d) => join(root, d));
const skip = new Set(["dist", "node_modules", ".vite"]);

function newest(dir) {
  let latest = 0;
  if (!existsSync(dir)) return latest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skip.has(entry.name) || entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

function clientNeedsBuild() {
  if (!existsSync(dist)) return "client/dist is missing";
  const built = statSync(dist).mtimeMs;
  return sources.some((d) => newest(d) > built) ? "the client sources changed since the last build" : null;
}

const scripts = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).scripts ?? {};
const npm = process.env.npm_execpath;
const reason = process.env.SKIP_CLIENT_BUILD ? null : clientNeedsBuild();
if (reason && scripts["build:client"]) {
  console.log(`Building the client (${reason})...`);
  const result = npm
    ? spawnSync(process.execPath, [npm, "run", "build:client"], { cwd: root, stdio: "inherit" })
    : spawnSync("npm", ["run", "build:client"], { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
  if (result.status !== 0) console.warn("The client build failed; the server starts anyway and shows a notice instead of the game.");
} else if (reason) {
  console.warn(`Not building the client (${reason}): package.json has no "build:client" script.`);
}

const entry = process.argv.includes("--demo") ? join(root, "scripts", "demo.ts") : join(root, "server", "index.ts");
const server = spawn(process.execPath, ["--import", "tsx", entry], { cwd: root, stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
