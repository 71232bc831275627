// Every way the engine can refuse a command has a given-when-then test: each rejection code
// appears in an expectation of one of this folder's test files. Read from the sources, so it
// does not depend on which tests ran before it, or in which order.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { REJECTIONS, type RejectionCode } from "../../../shared/index.js";

const folder = fileURLToPath(new URL(".", import.meta.url));
const expectations = readdirSync(folder)
  .filter((f) => f.endsWith(".test.ts") && f !== "rejections.test.ts")
  .flatMap((f) => readFileSync(folder + f, "utf8").split("\n"))
  .filter((line) => /\bexpect/.test(line));

describe("coverage of the rejections", () => {
  it("every rejection code is expected by a rule test", () => {
    const missing = (Object.keys(REJECTIONS) as RejectionCode[]).filter((code) => !expectations.some((line) => line.includes(`"${code}"`)));
    expect(missing, `rejection codes without a test: ${missing.join(", ")}`).toEqual([]);
  });
});
