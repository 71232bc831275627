import { defineConfig } from "vitest/config";
import { messagesPlugin } from "./scripts/messages-plugin.js";

// One runner for the unit and integration suites, side by side. Each integration file boots
// its own Colyseus server on a free loopback port with its own data folder (tests/int/helpers.ts;
// the multi-process tests start their own Redis and PostgreSQL the same way), so integration
// files run in parallel with each other and with the unit files. Workers: vitest's default is
// one fewer than the cores — a single worker on the 2-core test machines, which ran every file
// one after another; many integration files mostly wait (on spawned servers, sockets, timers),
// so one more worker than cores keeps both cores busy (vitest's VITEST_MAX_WORKERS overrides it).
// Timeouts are generous on purpose: they catch a hang, not slowness — the test machines are
// shared, 2-core and often loaded 10–20 deep, where a 0.3 s test can take 6 s. Speed is
// measured by `npm run bench` and `npm run load`, never by a test's timeout.
export default defineConfig({
  test: {
    maxWorkers: 3,
    projects: [
      // The message catalogs are compiled by the same plugin as in the browser build.
      { plugins: [messagesPlugin()], test: { name: "unit", environment: "node", include: ["tests/unit/**/*.test.ts"], testTimeout: 60_000 } },
      {
        test: {
          name: "int",
          environment: "node",
          include: ["tests/int/**/*.test.ts"],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
