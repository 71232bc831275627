// Builds the client once, into a private temporary folder, before any end-to-end test file
// runs; each file's game server serves that build (inject("clientDir")). Private, because
// other sessions may rebuild client/dist at any moment on a shared machine.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import type { TestProject } from "vitest/node";
import { requireChromiumInCI } from "../helpers/browser.js";

declare module "vitest" {
  export interface ProvidedContext {
    clientDir: string;
  }
}

const repositoryRoot = fileURLToPath(new URL("../..", import.meta.url));

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // In CI a missing browser fails the run here, before anything is built, instead of every file skipping.
  requireChromiumInCI();
  const clientDir = await mkdtemp(path.join(tmpdir(), "rough-consensus-client-"));
  await build({ configFile: path.join(repositoryRoot, "client", "vite.config.ts"), build: { outDir: clientDir, emptyOutDir: true }, logLevel: "warn" });
  project.provide("clientDir", clientDir);
  return () => rm(clientDir, { recursive: true, force: true });
}
