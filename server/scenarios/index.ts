// Scenario data with private payoffs: server-only. It reaches a browser only through viewFor()
// once a match runs, or as the public facts of scenarioSummary() before one does.
// Two sources: the files shipped in this folder (every teacher sees them), and the files a
// teacher uploaded, kept in the store under that teacher's token hash (only they see them).
// A shipped scenario's texts in other languages may sit in the file (`translations`) or beside
// it, one file per language: translations/<scenario id>/<language>.json (shared/scenario/translations.ts).
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseScenario, ScenarioError, type DecisionRuleId, type Scenario, type StakeholderGroup } from "../../shared/scenario/schema.js";
import { readingSeconds } from "../../shared/rules/lesson-plans.js";
import type { ScenarioSummary } from "../../shared/protocol/scenarios.js";
import type { MatchStore, StoredScenario } from "../store/match-store.js";

const here = dirname(fileURLToPath(import.meta.url));

export const DEFAULT_SCENARIO_ID = "who-runs-the-internet-2014";

/** An uploaded file, as sent: beyond this it is refused before it is read. */
export const SCENARIO_FILE_LIMIT = 128 * 1024;
/**
 * The scenario once validated, as compact JSON. It travels inside the match (the record's first
 * event and the teacher's view), so it must stay well inside a synchronised state's buffer.
 */
export const SCENARIO_JSON_LIMIT = 64 * 1024;
/** Uploaded scenarios one teacher may keep at once. */
export const SCENARIOS_PER_TEACHER = 30;

const cache = new Map<string, Scenario>();

export class UnknownScenario extends Error {
  constructor(readonly id: string) {
    super(`Unknown scenario "${id}".`);
    this.name = "UnknownScenario";
  }
}

/** Reads and validates a shipped scenario file by id; throws a ScenarioError naming the bad field. */
export function loadScenario(id: string = DEFAULT_SCENARIO_ID): Scenario {
  const known = cache.get(id);
  if (known) return known;
  if (!/^[a-z0-9-]{1,64}$/.test(id)) throw new UnknownScenario(id);
  let text: string;
  try {
    text = readFileSync(join(here, `${id}.json`), "utf8");
  } catch {
    throw new UnknownScenario(id);
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

/** The ids of the shipped scenarios, the default first. */
export function scenarioIds(): string[] {
  return readdirSync(here)
    .filter((f) => f.endsWith(".json"))
    .map((f) => f.slice(0, -5))
    .sort((a, b) => Number(b === DEFAULT_SCENARIO_ID) - Number(a === DEFAULT_SCENARIO_ID) || a.localeCompare(b));
}

export function isShipped(id: string): boolean {
  return scenarioIds().includes(id);
}

/**
 * The scenario a match may be opened with: a shipped one, or one this teacher uploaded.
 * Another teacher's upload is as unknown as a scenario that does not exist.
 */
export async function scenarioFor(store: MatchStore, id: string, teacherTokenHash: string | null): Promise<Scenario> {
  if (isShipped(id)) return loadScenario(id);
  const stored = teacherTokenHash ? await store.getScenario(teacherTokenHash, id) : null;
  if (!stored) throw new UnknownScenario(id);
  return parseScenario(JSON.parse(stored.json));
}

/** What is wrong with an uploaded file, for the teacher: a code, a sentence, and each field's problem. */
export interface UploadProblem {
  status: number;
  code: "bad-json" | "bad-scenario" | "too-large" | "scenario-id-taken";
  message: string;
  issues?: { path: string; message: string }[];
}

/** Line and column of a character offset, for "not JSON" messages a teacher can act on. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return `line ${line}, column ${offset - before.lastIndexOf("\n")}`;
}

/**
 * Checks an uploaded scenario file: JSON, the scenario's schema (each field and problem named),
 * an id that is not a shipped scenario's, and a size that fits a match. Returns the scenario as
 * it will be kept, or the problem.
 */
export function checkUpload(text: string, now: number): { ok: true; scenario: Scenario; stored: StoredScenario } | { ok: false; problem: UploadProblem } {
  if (Buffer.byteLength(text, "utf8") > SCENARIO_FILE_LIMIT) {
    return { ok: false, problem: { status: 413, code: "too-large", message: `A scenario file may be at most ${SCENARIO_FILE_LIMIT / 1024} KB.` } };
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    const at = /position (\d+)/.exec(e instanceof Error ? e.message : "");
    const where = at ? ` (${lineAndColumn(text, Number(at[1]))})` : "";
    return { ok: false, problem: { status: 400, code: "bad-json", message: `This file is not valid JSON${where}: check for a missing comma, quote or bracket.` } };
  }
  let scenario: Scenario;
  try {
    scenario = parseScenario(data);
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    const issues = e.problems;
    const shown = issues.slice(0, 5).map((p) => `${p.path}: ${p.message}`).join("; ");
    const more = issues.length > 5 ? `; and ${issues.length - 5} more` : "";
    return { ok: false, problem: { status: 422, code: "bad-scenario", message: `This scenario file has ${issues.length === 1 ? "a problem" : `${issues.length} problems`}: ${shown}${more}.`, issues } };
  }
  if (isShipped(scenario.id)) {
    const issues = [{ path: "id", message: `"${scenario.id}" is the id of a scenario that comes with the game; give yours another id` }];
    return { ok: false, problem: { status: 409, code: "scenario-id-taken", message: `This scenario file has a problem: id: ${issues[0]!.message}.`, issues } };
  }
  const json = JSON.stringify(scenario);
  if (Buffer.byteLength(json, "utf8") > SCENARIO_JSON_LIMIT) {
    return { ok: false, problem: { status: 413, code: "too-large", message: `This scenario is too large for a match: ${Math.ceil(Buffer.byteLength(json, "utf8") / 1024)} KB of data once read, at most ${SCENARIO_JSON_LIMIT / 1024} KB.` } };
  }
  return { ok: true, scenario, stored: { id: scenario.id, title: scenario.title, version: scenario.version, json, uploadedAt: now } };
}

export type { ScenarioSummary } from "../../shared/protocol/scenarios.js";

export function scenarioSummary(scenario: Scenario, origin: ScenarioSummary["origin"], uploadedAt?: number): ScenarioSummary {
  const name = (id: string) => scenario.roles.find((r) => r.id === id)?.name ?? id;
  return {
    id: scenario.id,
    title: scenario.title,
    summary: scenario.summary,
    language: scenario.language,
    dossiers: scenario.dossiers.length,
    roles: scenario.roles.length,
    readingSeconds: readingSeconds(scenario),
    glossary: (scenario.lesson?.glossary ?? []).map((g) => ({ ...g })),
    default: scenario.id === DEFAULT_SCENARIO_ID,
    origin,
    ...(uploadedAt === undefined ? {} : { uploadedAt }),
    rules: [...scenario.rules],
    houses: scenario.houses.map((h) => ({ name: h.name, groups: [...h.groups] })),
    seats: scenario.roles.map((r) => ({ id: r.id, name: r.name, short: r.short, group: r.group, income: r.income, votes: r.abilities.blocVotes })),
    powers: {
      listeners: scenario.roles.filter((r) => r.abilities.surveillance).map((r) => r.name),
      clauseHolder: scenario.rider ? name(scenario.rider.owner) : null,
    },
    texts: Object.fromEntries(
      Object.entries(scenario.translations ?? {}).map(([language, t]) => [
        language,
        {
          ...(t.title ? { title: t.title } : {}),
          ...(t.summary ? { summary: t.summary } : {}),
          ...(t.lesson?.glossary ? { glossary: t.lesson.glossary.map((g) => ({ term: g.term!, meaning: g.meaning! })) } : {}),
          ...(t.houses ? { houses: [...t.houses] } : {}),
          ...(t.roles ? { roles: Object.fromEntries(Object.entries(t.roles).flatMap(([id, r]) => (r.name ? [[id, r.name]] : []))) } : {}),
        },
      ]),
    ),
  };
}

/** The shipped scenarios, then this teacher's uploads (newest first). */
export async function scenarioSummaries(store: MatchStore, teacherTokenHash: string | null): Promise<ScenarioSummary[]> {
  const shipped = scenarioIds().map((id) => scenarioSummary(loadScenario(id), "shipped"));
  if (!teacherTokenHash) return shipped;
  const uploaded = await store.listScenarios(teacherTokenHash);
  return [...shipped, ...uploaded.map(uploadedSummary)];
}

function uploadedSummary(stored: StoredScenario): ScenarioSummary {
  try {
    return scenarioSummary(parseScenario(JSON.parse(stored.json)), "uploaded", stored.uploadedAt);
  } catch (e) {
    const problem = e instanceof ScenarioError ? e.problems.slice(0, 3).map((p) => `${p.path}: ${p.message}`).join("; ") : "the stored file cannot be read";
    return {
      id: stored.id,
      title: stored.title,
      summary: "",
      language: "",
      dossiers: 0,
      roles: 0,
      readingSeconds: 0,
      glossary: [],
      default: false,
      origin: "uploaded",
      uploadedAt: stored.uploadedAt,
      rules: [],
      houses: [],
      seats: [],
      powers: { listeners: [], clauseHolder: null },
      texts: {},
      problem,
    };
  }
}
