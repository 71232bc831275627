// End-to-end tests only: real Chromium against the real game server and the built client.
// Run with `npm run test:e2e`. Two files at a time, each with its own browser and its own game
// server on a free port (game-server.ts), so no file sees another's pages, matches or data.
// Why two on a 2-core machine: one browser's pages all draw through that browser's single GPU
// process (SwiftShader, software WebGL, and the compositor), which keeps about one core busy
// while the rest of the browser waits on it — one file at a time left the second core mostly
// idle (measured: the classroom file alone used 1.1 cores on average, 0.8 of them in its GPU
// process). The browsers composite in software (launchChromium in tests/helpers/browser.ts),
// which takes a third of that work away.
// Browsers are slow on the 2-core test machines, hence the generous timeouts.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    root: new URL("../..", import.meta.url).pathname,
    include: ["tests/e2e/**/*.e2e.test.ts"],
    // contact-sheets.ts first: its teardown runs last, once every screenshot is taken.
    globalSetup: ["tests/e2e/contact-sheets.ts", "tests/e2e/global-setup.ts"],
    environment: "node",
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
  },
});
