// Every scenario-specific word lives in the scenario's file: the screens, the debrief and the
// engine take role names, counts, powers, venues and years from the scenario they are given.
// This searches every source file of client/ and shared/ (code, comments, texts, styles) for
// the default scenario's role ids, role names, dossier titles, title and years, and expects
// to find none of them: a hit means another scenario would read the default one's words.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DEFAULT_SCENARIO_ID, loadScenario } from "../../server/scenarios/index.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** Source files below a folder, without build output. */
function sourcesBelow(folder: string): string[] {
  return readdirSync(path.join(root, folder), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|css|html|json|md)$/.test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .filter((f) => !f.startsWith(path.join("client", "dist")));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * What is searched for, each as a pattern: ids as whole words in capitals (as the file spells
 * them), names and titles in any case, years as whole numbers. Short labels are left out: one
 * of them is "CSS", a word the client uses about its style sheets.
 */
function defaultScenarioWords(): { word: string; pattern: RegExp }[] {
  const s = loadScenario(DEFAULT_SCENARIO_ID);
  const text = readFileSync(path.join(root, "server", "scenarios", `${DEFAULT_SCENARIO_ID}.json`), "utf8");
  const years = [...new Set(text.match(/\b(1[89]\d\d|20\d\d)\b/g) ?? [])];
  return [
    ...s.roles.map((r) => ({ word: r.id, pattern: new RegExp(`(?<![\\w-])${escape(r.id)}(?![\\w-])`) })),
    ...[...s.roles.map((r) => r.name), ...s.dossiers.map((d) => d.title), s.title].map((w) => ({ word: w, pattern: new RegExp(escape(w), "i") })),
    ...years.map((y) => ({ word: y, pattern: new RegExp(`\\b${y}\\b`) })),
  ];
}

describe("the default scenario's words", () => {
  it("are searched for: its role ids, role names, dossier titles, title and years", () => {
    const words = defaultScenarioWords().map((w) => w.word);
    expect(words).toEqual(expect.arrayContaining(["TECH", "NGO-N", "US government", "Privacy and surveillance", "2014"]));
    expect(words.length).toBeGreaterThan(25);
  });

  it("are found nowhere in client/ or shared/, only in the scenario's file and the tests", () => {
    const files = [...sourcesBelow("client"), ...sourcesBelow("shared")];
    expect(files.length).toBeGreaterThan(100);
    const words = defaultScenarioWords();
    const hits: string[] = [];
    for (const file of files) {
      const lines = readFileSync(path.join(root, file), "utf8").split("\n");
      lines.forEach((line, i) => {
        for (const { word, pattern } of words) if (pattern.test(line)) hits.push(`${file}:${i + 1}: "${word}" in ${line.trim().slice(0, 120)}`);
      });
    }
    expect(hits).toEqual([]);
  });

  it("would be found if a screen named a role (the search can fail)", () => {
    const words = defaultScenarioWords();
    const planted = 'label: "the US government reads corridor talk", id: "CS-S", lead: "after 2014"';
    expect(words.filter((w) => w.pattern.test(planted)).map((w) => w.word)).toEqual(expect.arrayContaining(["US government", "CS-S", "2014"]));
    // Not a hit: an id inside a longer word or name.
    expect(words.filter((w) => w.pattern.test("TECHNICAL, EUROPE, IPv6, CSS-S-1, 20140")).map((w) => w.word)).toEqual([]);
  });
});
