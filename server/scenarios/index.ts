// Scenario data with private payoffs: server-only. It reaches a browser only through viewFor().
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseScenario, type Scenario } from "../../shared/scenario/schema.js";

const here = dirname(fileURLToPath(import.meta.url));

export const DEFAULT_SCENARIO_ID = "who-runs-the-internet-2014";

const cache = new Map<string, Scenario>();

/** Reads and validates a scenario file by id; throws a ScenarioError naming the bad field. */
export function loadScenario(id: string = DEFAULT_SCENARIO_ID): Scenario {
  const known = cache.get(id);
  if (known) return known;
  if (!/^[a-z0-9-]{1,64}$/.test(id)) throw new Error(`Unknown scenario "${id}".`);
  let text: string;
  try {
    text = readFileSync(join(here, `${id}.json`), "utf8");
  } catch {
    throw new Error(`Unknown scenario "${id}".`);
  }
  const scenario = parseScenario(JSON.parse(text));
  cache.set(id, scenario);
  return scenario;
}

export function scenarioIds(): string[] {
  return readdirSync(here)
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -5))
    .sort();
}
