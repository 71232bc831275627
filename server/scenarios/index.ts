// Scenario data with private payoffs: server-only. It reaches a browser only through viewFor().
// A scenario's texts in other languages may sit in the file (`translations`) or beside it, one
// file per language: translations/<scenario id>/<language>.json (shared/scenario/translations.ts).
import { existsSync, readFileSync, readdirSync } from "node:fs";
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
  const data = JSON.parse(text) as Record<string, unknown>;
  const scenario = parseScenario(data.translations === undefined ? { ...data, ...translationsOf(id) } : data);
  cache.set(id, scenario);
  return scenario;
}

/** The overlay files beside a scenario, by language; validated with the scenario itself. */
function translationsOf(id: string): { translations?: Record<string, unknown> } {
  const folder = join(here, "translations", id);
  if (!existsSync(folder)) return {};
  const files = readdirSync(folder).filter((f) => f.endsWith(".json"));
  return { translations: Object.fromEntries(files.map((f) => [f.slice(0, -5), JSON.parse(readFileSync(join(folder, f), "utf8")) as unknown])) };
}

export function scenarioIds(): string[] {
  return readdirSync(here)
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -5))
    .sort();
}
