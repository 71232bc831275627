// End-to-end tests only: real Chromium against the real game server and the built client.
// Run with `npm run test:e2e`. Browsers are slow on the 2-core test machines, hence the
// generous timeouts and one file at a time.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    root: new URL("../..", import.meta.url).pathname,
    include: ["tests/e2e/**/*.e2e.test.ts"],
    // contact-sheets.ts first: its teardown runs last, once every screenshot is taken.
    globalSetup: ["tests/e2e/contact-sheets.ts", "tests/e2e/global-setup.ts"],
    environment: "node",
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
  },
});
