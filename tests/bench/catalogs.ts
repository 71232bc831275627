// What internationalisation costs a phone (gzip): Lingui's runtime, built alone the way the game
// builds it (production, minified), and each language's compiled catalog, a chunk of its own
// that a device fetches only for the language it shows (see client/text/catalog.ts).
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build, type Rolldown } from "vite";
import { report, summarise } from "./measure.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const kb = (bytes: number) => bytes / 1024;
const once = (value: number) => summarise([value]);

export async function measureCatalogs(dist: string): Promise<void> {
  const built = (await build({
    configFile: false,
    logLevel: "warn",
    define: { "process.env.NODE_ENV": JSON.stringify("production") },
    build: { write: false, minify: true, target: "es2022", lib: { entry: path.join(here, "lingui-entry.ts"), formats: ["es"], fileName: "lingui" } },
  })) as Rolldown.RolldownOutput[];
  const code = built.flatMap((output) => output.output).map((chunk) => ("code" in chunk ? chunk.code : "")).join("");
  report("i18n library (Lingui runtime, precompiled messages)", once(kb(gzipSync(code, { level: 9 }).length)), { unit: "KB gzip" });
  const assets = path.join(dist, "assets");
  const catalogs = (await readdir(assets)).filter((file) => /^messages-.+\.js$/.test(file)).sort();
  if (catalogs.length === 0) throw new Error("No messages-<language> chunk in the build: client/vite.config.ts names them.");
  for (const file of catalogs) {
    // The hash after the language may hold a dash too (messages-es-BcODy-il.js).
    const language = /^messages-([a-z]{2}(?:-[A-Z]{2})?)-/.exec(file)?.[1] ?? file;
    report(`catalog ${language} (loaded on demand)`, once(kb(gzipSync(await readFile(path.join(assets, file)), { level: 9 }).length)), { unit: "KB gzip" });
  }
}
