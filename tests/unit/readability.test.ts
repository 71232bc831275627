// The words students read are plain: every text of the default scenario that reaches a
// student or the projector reads at school grade 10 or below (Flesch–Kincaid), and so does
// every student-facing message of the catalog; a short fragment (a title, a label) has no
// word of five syllables or more unless the glossary explains it. The grade itself is checked
// against texts whose difficulty is not in doubt.
import { describe, expect, it } from "vitest";
import { loadScenario, scenarioIds } from "../../server/scenarios/index.js";
import { GRADED_WORDS, gradeDistribution, playerTexts, readability, syllables } from "../../shared/scenario/readability.js";
import { catalogTexts, GAME_GLOSSARY } from "../helpers/player-texts.js";

const MAX_GRADE = 10;

describe("the readability grade", () => {
  it("counts syllables the way a reader says them", () => {
    expect(["cat", "table", "people", "government", "mandate", "DNS", "ICANN", "A2", "2014", "governance", "intergovernmental"].map(syllables)).toEqual([1, 2, 2, 3, 2, 3, 2, 2, 2, 3, 6]);
  });

  it("tells a plain text from a hard one", () => {
    const plain = readability("The cat sat on the mat. It was warm there, and the dog did not mind at all.");
    const hard = readability("Notwithstanding considerable institutional heterogeneity, multistakeholder governance arrangements systematically privilege organisationally sophisticated participants with substantial resources.");
    expect(plain.grade).toBeLessThan(3);
    expect(hard.grade).toBeGreaterThan(18);
    expect(hard.hardWords).toContain("multistakeholder");
  });

  it("does not grade a fragment of a few words", () => {
    expect(readability("Keep US oversight").grade).toBeNull();
    expect(readability("Keep US oversight").words).toBeLessThan(GRADED_WORDS);
  });
});

describe("the default scenario reads at grade 10 or below", () => {
  const scenario = loadScenario();
  const texts = playerTexts(scenario);
  const glossary = [...(scenario.lesson?.glossary ?? []), ...GAME_GLOSSARY].map((g) => g.term.toLowerCase());

  it("has its lesson: the argument, objectives and a glossary", () => {
    expect(scenario.lesson?.argument.length).toBeGreaterThanOrEqual(3);
    expect(scenario.lesson?.glossary.map((g) => g.term)).toEqual(expect.arrayContaining(["IANA", "Root zone", "Multistakeholder", "Intergovernmental"]));
  });

  it.each(texts.map((t) => [t.where, t.text] as const))("%s", (_where, text) => {
    const r = readability(text);
    if (r.grade !== null) expect(r.grade, text).toBeLessThanOrEqual(MAX_GRADE);
    else {
      // A fragment: any long word in it is one the glossary explains.
      const long = r.hardWords.filter((w) => syllables(w) >= 5 && !glossary.some((term) => term === w || `${term}s` === w || w.startsWith(term.slice(0, -1))));
      expect(long, text).toEqual([]);
    }
  });

  it("the hardest strings were rewritten: the A2 summary and the USG and CS-S mandates", () => {
    for (const where of ["dossiers.A.A2.summary", "roles.USG.mandate", "roles.CS-S.mandate"]) {
      const text = texts.find((t) => t.where === where)!.text;
      const r = readability(text);
      expect(r.hardWords.filter((w) => syllables(w) >= 5), `${where}: ${text}`).toEqual([]);
    }
  });
});

describe("the catalog", () => {
  const texts = catalogTexts().filter((t) => !t.teacherOnly);
  it.each(texts.filter((t) => readability(t.text).grade !== null).map((t) => [t.where, t.text] as const))("%s reads at grade 10 or below", (_where, text) => {
    expect(readability(text).grade, text).toBeLessThanOrEqual(MAX_GRADE);
  });

  it("every shipped scenario and the catalog have a distribution to print", () => {
    for (const id of scenarioIds()) expect(gradeDistribution(playerTexts(loadScenario(id))).graded).toBeGreaterThan(10);
    expect(gradeDistribution(texts).graded).toBeGreaterThan(50);
  });
});
