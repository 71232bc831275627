// Builds the client once into client/dist before any end-to-end test file runs; the game
// server started by each file serves it, as `npm start` would.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";

const repositoryRoot = fileURLToPath(new URL("../..", import.meta.url));

export default async function setup(): Promise<void> {
  await build({ configFile: path.join(repositoryRoot, "client", "vite.config.ts"), logLevel: "warn" });
}
