// Runs before `npm test` (npm's pretest): in CI, a missing browser fails at once with the
// reason, instead of after the unit and integration tests. Outside CI it says the end-to-end
// tests will be skipped, and the run goes on.
import { requireChromiumInCI } from "./helpers/browser.js";

try {
  requireChromiumInCI();
} catch (e) {
  console.error(`npm test: ${(e as Error).message}`);
  process.exit(1);
}
