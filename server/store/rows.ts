// Row shapes and mappers that the SQLite file and PostgreSQL share: both keep the same columns
// under the same names, so a row reads the same way from either.
import type { StoredScenario } from "./match-store.js";

export interface ScenarioRow {
  id: string;
  title: string;
  version: number;
  json: string;
  uploaded_at: number;
}

export const toStoredScenario = (r: ScenarioRow): StoredScenario => ({ id: r.id, title: r.title, version: r.version, json: r.json, uploadedAt: r.uploaded_at });

/** Tables and rules from the settings JSON (validated when the match was created). */
export function tablesOf(settings: string): { tables: number; rules: string[] } {
  try {
    const s = JSON.parse(settings) as { tables?: unknown; rules?: unknown };
    const tables = typeof s.tables === "number" ? s.tables : 1;
    const rules = Array.isArray(s.rules) ? s.rules.map(String) : ["R1"];
    return { tables, rules: Array.from({ length: tables }, (_, i) => rules[Math.min(i, rules.length - 1)] ?? "R1") };
  } catch {
    return { tables: 1, rules: [] };
  }
}
