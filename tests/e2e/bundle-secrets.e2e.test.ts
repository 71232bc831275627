// The built client must not carry scenario data: whatever is bundled reaches every
// student's browser. Searches every file of the build for the scenario files' private texts
// (briefing notes, what happened, consequences), a role card as a canary for the whole file,
// and for anything shaped like a payoff table.
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, inject, it } from "vitest";

const scenariosDir = fileURLToPath(new URL("../../server/scenarios/", import.meta.url));

interface ScenarioFile {
  summary: string;
  roles: { card: string; knowledge?: { notes?: string[] } }[];
  whatHappened?: string[];
  consequences?: { text: string }[];
}

async function filesBelow(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

async function scenarioSecrets(): Promise<string[]> {
  const secrets: string[] = ["Your accountants know"];
  for (const file of await readdir(scenariosDir)) {
    if (!file.endsWith(".json")) continue;
    const scenario = JSON.parse(await readFile(path.join(scenariosDir, file), "utf8")) as ScenarioFile;
    secrets.push(...scenario.roles.flatMap((r) => r.knowledge?.notes ?? []));
    secrets.push(...(scenario.whatHappened ?? []), ...(scenario.consequences ?? []).map((c) => c.text));
    // Public once a match runs, but never in the bundle: finding it means the file was bundled.
    secrets.push(scenario.summary, scenario.roles[0]?.card ?? "");
  }
  return secrets.filter((s) => s.length > 0);
}

describe("the client bundle", () => {
  it("contains no scenario secrets and no payoff table", async () => {
    const clientDir = inject("clientDir");
    const files = await filesBelow(clientDir);
    expect(files.some((f) => f.endsWith("index.html"))).toBe(true);
    expect(files.filter((f) => f.endsWith(".json")), "JSON files in the build").toEqual([]);
    const secrets = await scenarioSecrets();
    expect(secrets.length).toBeGreaterThan(10);
    const payoffTable = /payoffs["']?\s*:\s*\{\s*["']?[A-Z][A-Z0-9-]*["']?\s*:\s*-?\d/;
    for (const file of files) {
      const text = await readFile(file, "utf8");
      for (const secret of secrets) expect(text.includes(secret), `${path.relative(clientDir, file)} contains "${secret.slice(0, 60)}"`).toBe(false);
      expect(payoffTable.test(text), `${path.relative(clientDir, file)} contains a payoff table`).toBe(false);
    }
  });
});
