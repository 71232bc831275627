import { defineConfig } from "vitest/config";

// One runner for all suites. Unit tests run in parallel; integration tests share one
// Colyseus test server per worker, so their files run one after another.
export default defineConfig({
  test: {
    projects: [
      { test: { name: "unit", environment: "node", include: ["tests/unit/**/*.test.ts"] } },
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
