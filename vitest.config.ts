import { defineConfig } from "vitest/config";
import { messagesPlugin } from "./scripts/messages-plugin.js";

// One runner for all suites. Unit tests run in parallel; integration tests share one
// Colyseus test server per worker, so their files run one after another. Timeouts are
// generous on purpose: they catch a hang, not slowness — the test machines are shared, 2-core
// and often loaded 10–20 deep, where a 0.3 s test can take 6 s. Speed is measured by
// `npm run bench` and `npm run load`, never by a test's timeout.
export default defineConfig({
  test: {
    projects: [
      // The message catalogs are compiled by the same plugin as in the browser build.
      { plugins: [messagesPlugin()], test: { name: "unit", environment: "node", include: ["tests/unit/**/*.test.ts"], testTimeout: 60_000 } },
      {
        test: {
          name: "int",
          environment: "node",
          include: ["tests/int/**/*.test.ts"],
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
