// Checks that dependencies point one way (STYLE.md): shared/ imports nothing outside itself
// except pure packages, and no Node built-ins; client/ never imports server/. The compiler
// already refuses DOM and Node types in shared/ (shared/tsconfig.json); this catches imports.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve, dirname } from "node:path";

const root = resolve(dirname(new URL(import.meta.url).pathname), "..");
const SHARED_PACKAGES = new Set(["zod"]);
const importPattern = /(?:^|\s)(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name === "dist") continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(ts|mts|js|mjs)$/.test(name)) yield path;
  }
}

const problems = [];
function check(folder, allow) {
  const base = join(root, folder);
  for (const file of files(base)) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(importPattern)) {
      const spec = m[1] ?? m[2];
      const why = allow(spec, file);
      if (why) problems.push(`${relative(root, file)}: imports "${spec}" — ${why}`);
    }
  }
}

check("shared", (spec, file) => {
  if (spec.startsWith("node:")) return "shared/ may not use Node APIs";
  if (spec.startsWith(".")) {
    const target = resolve(dirname(file), spec);
    return target.startsWith(join(root, "shared")) ? null : "shared/ may only import from shared/";
  }
  const pkg = spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0];
  return SHARED_PACKAGES.has(pkg) ? null : `shared/ may only use pure packages (${[...SHARED_PACKAGES].join(", ")})`;
});

check("client", (spec, file) => {
  if (spec.startsWith(".")) {
    const target = resolve(dirname(file), spec);
    if (target.startsWith(join(root, "server"))) return "client/ may not import server/ (scenario secrets live there)";
  }
  // Build configuration runs in Node, not in the browser.
  if (spec.startsWith("node:") && !/\.config\.[mc]?[jt]s$/.test(file)) return "client/ runs in browsers";
  return null;
});

if (problems.length) {
  console.error(`Dependency direction violated:\n  ${problems.join("\n  ")}`);
  process.exit(1);
}
console.log("Dependency direction holds: shared/ is pure, client/ does not reach into server/.");
