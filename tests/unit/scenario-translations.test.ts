// A scenario's translations overlay: words by id and never a number; unknown ids and lists of
// the wrong length are refused with the path named; a role's private notes in another language
// reach only that role; the client shows the scenario in the device's language and falls back
// to the scenario's own words for anything untranslated.
import { describe, expect, it } from "vitest";
import { localiseView } from "../../client/text/scenario-texts.js";
import { parseScenario, ScenarioError, viewFor } from "../../shared/index.js";
import { defaultScenario, Match, player, seatOf, smallScenario } from "../helpers/engine.js";
import { LANGUAGES } from "../../client/text/languages.js";
import { loadScenario, scenarioIds, scenarioSummary } from "../../server/scenarios/index.js";
import { localiseSummary } from "../../client/text/scenario-texts.js";
import { localiseScenario } from "../../shared/scenario/localise.js";
import { printablesFor } from "../../shared/scenario/printables.js";
import { SettingsSchema } from "../../shared/rules/settings.js";

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

function problemsOf(data: unknown): string[] {
  try {
    parseScenario(data);
  } catch (e) {
    if (e instanceof ScenarioError) return e.problems.map((p) => `${p.path}: ${p.message}`);
    throw e;
  }
  return [];
}

/** The default scenario with a small Spanish overlay written here (not the shipped one). */
function withSpanish() {
  const data = clone(defaultScenario()) as ReturnType<typeof defaultScenario> & { translations?: unknown };
  const tech = data.roles.find((r) => r.id === "TECH")!;
  const ngo = data.roles.find((r) => r.id === "NGO-N")!;
  const dossier = data.dossiers[0]!;
  data.translations = {
    es: {
      title: "¿Quién gobierna Internet? (prueba)",
      roles: {
        TECH: { name: "Grandes plataformas (prueba)", notes: tech.knowledge.notes.map((_, i) => `Nota privada de TECH ${i + 1}`) },
        "NGO-N": { notes: ngo.knowledge.notes.map((_, i) => `Nota privada de NGO-N ${i + 1}`) },
      },
      dossiers: { [dossier.id]: { title: "Tema de prueba", options: { [dossier.options[0]!.id]: { title: "Opción de prueba" } } } },
    },
  };
  return parseScenario(data);
}

describe("a scenario's translations", () => {
  it("an English-only scenario still loads and is shown as it is", () => {
    const scenario = smallScenario();
    expect(scenario.translations).toBeUndefined();
    const match = new Match(scenario).seatEveryone().start();
    const view = viewFor(match.s, player(seatOf(scenario.roles[0]!.id)) as { kind: "player"; id: string });
    expect(view.scenario.translations).toEqual({});
    expect(localiseView(view, "es")).toBe(view);
  });

  it("refuses an unknown role, dossier or option, naming the path", () => {
    const data = clone(defaultScenario()) as Record<string, unknown>;
    data.translations = { es: { roles: { NOBODY: { name: "Nadie" } }, dossiers: { ZZ: { title: "x" }, [defaultScenario().dossiers[0]!.id]: { options: { Q9: { title: "x" } } } } } };
    const problems = problemsOf(data);
    expect(problems).toContainEqual(expect.stringMatching(/^translations\.es\.roles\.NOBODY: unknown role "NOBODY"/));
    expect(problems).toContainEqual(expect.stringMatching(/^translations\.es\.dossiers\.ZZ: unknown dossier "ZZ"/));
    expect(problems).toContainEqual(expect.stringMatching(/^translations\.es\.dossiers\.\w+\.options\.Q9: unknown option "Q9"/));
  });

  it("refuses numbers (they exist once, in the scenario) and lists of the wrong length", () => {
    const data = clone(defaultScenario()) as Record<string, unknown>;
    const first = defaultScenario().dossiers[0]!;
    data.translations = { fr: { roles: { TECH: { income: 99 } }, dossiers: { [first.id]: { options: { [first.options[0]!.id]: { payoffs: { TECH: 3 } } } } } } };
    const numbers = problemsOf(data);
    expect(numbers).toContainEqual(expect.stringMatching(/^translations\.fr\.roles\.TECH: .*income/));
    expect(numbers).toContainEqual(expect.stringMatching(/^translations\.fr\.dossiers\.\w+\.options\.\w+: .*payoffs/));
    data.translations = { fr: { dossiers: { [first.id]: { subScoreLabels: ["un"] } }, roles: { TECH: { notes: [] } } }, "pt-br": { title: "x" } };
    const lists = problemsOf(data);
    expect(lists).toContainEqual(expect.stringMatching(/^translations\.fr\.dossiers\.\w+\.subScoreLabels: must have 4 labels/));
    expect(lists).toContainEqual(expect.stringMatching(/^translations\.fr\.roles\.TECH\.notes: must have 2 notes/));
    expect(lists).toContainEqual(expect.stringMatching(/^translations\.pt-br: must be a language tag/));
  });

  // Every shipped scenario, in every language the game speaks: each text a student or the
  // projector reads has its translation, so no screen falls back to English in a class that
  // plays in Spanish. A new scenario (or a new language) fails here until it is translated.
  for (const id of scenarioIds()) {
    it(`the shipped scenario "${id}" is translated whole into every language the game speaks`, () => {
      const scenario = loadScenario(id);
      const languages = LANGUAGES.map((l) => l.code).filter((code) => code !== scenario.language);
      expect(Object.keys(scenario.translations ?? {}).sort()).toEqual([...languages].sort());
      for (const language of languages) {
        const texts = scenario.translations![language]!;
        expect(Object.keys(texts).sort(), language).toEqual(
          ["consequences", "dossiers", "houses", "publicInterest", "roles", "source", "summary", "title", "whatHappened", ...(scenario.rider ? ["rider"] : []), ...(scenario.lesson ? ["lesson"] : [])].sort(),
        );
        expect(Object.keys(texts.publicInterest!).sort()).toEqual(["description", "name"]);
        expect(Object.keys(texts.roles ?? {}).sort(), `${language} roles`).toEqual(scenario.roles.map((r) => r.id).sort());
        for (const role of scenario.roles) {
          const expected = ["card", "home", "mandate", "name", ...(role.knowledge.notes.length ? ["notes"] : []), ...(role.publicInterestCase ? ["publicInterestCase"] : [])];
          expect(Object.keys(texts.roles![role.id]!).sort(), `${language} ${role.id}`).toEqual(expected.sort());
        }
        expect(Object.keys(texts.dossiers ?? {}).sort(), `${language} dossiers`).toEqual(scenario.dossiers.map((d) => d.id).sort());
        for (const dossier of scenario.dossiers) {
          const d = texts.dossiers![dossier.id]!;
          expect(Object.keys(d).sort(), `${language} ${dossier.id}`).toEqual(["options", "question", "subScoreLabels", "title", "venue"]);
          expect(Object.keys(d.venue!).sort()).toEqual(["city", "meeting", "region"]);
          expect(Object.keys(d.options ?? {}).sort()).toEqual(dossier.options.map((o) => o.id).sort());
          for (const o of dossier.options) expect(Object.keys(d.options![o.id]!).sort(), `${language} ${o.id}`).toEqual(["summary", "title", ...(o.subScoreReasons ? ["subScoreReasons"] : [])].sort());
        }
        if (scenario.rider) {
          expect(texts.rider?.title).toBeTruthy();
          expect(Object.keys(texts.rider?.options ?? {}).sort()).toEqual(scenario.rider.options.map((o) => o.id).sort());
        }
        if (scenario.lesson) {
          expect(texts.lesson?.argument, `${language} lesson`).toHaveLength(scenario.lesson.argument.length);
          expect(texts.lesson?.objectives).toHaveLength(scenario.lesson.objectives.length);
          expect(texts.lesson?.glossary).toHaveLength(scenario.lesson.glossary.length);
        }
        // Lengths are checked by the scenario's own validation; here only that nothing is left out.
        expect(texts.whatHappened).toHaveLength(scenario.whatHappened.length);
        expect(texts.consequences).toHaveLength(scenario.consequences.length);
        expect(texts.houses).toHaveLength(scenario.houses.length);
      }
    });
  }

  it("sends a role's private notes in other languages to that role only", () => {
    const match = new Match(withSpanish()).seatEveryone().start();
    const tech = viewFor(match.s, player(seatOf("TECH")) as { kind: "player"; id: string });
    const ngo = viewFor(match.s, player(seatOf("NGO-N")) as { kind: "player"; id: string });
    const projector = viewFor(match.s, { kind: "projector" });
    expect(tech.briefing?.notesIn.es?.[0]).toBe("Nota privada de TECH 1");
    expect(JSON.stringify(ngo)).not.toContain("Nota privada de TECH");
    expect(JSON.stringify(projector)).not.toContain("Nota privada");
    expect(projector.scenario.translations.es?.roles?.TECH).toEqual({ name: "Grandes plataformas (prueba)" });
  });

  it("shows the scenario in the device's language, the untranslated parts in the scenario's own words", () => {
    const scenario = withSpanish();
    const match = new Match(scenario).seatEveryone().start();
    const view = viewFor(match.s, player(seatOf("TECH")) as { kind: "player"; id: string });
    const es = localiseView(view, "es");
    expect(es.scenario.title).toBe("¿Quién gobierna Internet? (prueba)");
    expect(es.scenario.roles.find((r) => r.id === "TECH")?.name).toBe("Grandes plataformas (prueba)");
    expect(es.scenario.roles.find((r) => r.id === "EU")?.name).toBe(scenario.roles.find((r) => r.id === "EU")?.name);
    expect(es.scenario.dossiers[0]?.title).toBe("Tema de prueba");
    expect(es.scenario.dossiers[0]?.options[0]?.title).toBe("Opción de prueba");
    expect(es.scenario.dossiers[0]?.options[1]?.title).toBe(scenario.dossiers[0]?.options[1]?.title);
    expect(es.briefing?.notes[0]).toBe("Nota privada de TECH 1");
    // The same view and language give the same object: screens compare parts with ===.
    expect(localiseView(view, "es")).toBe(es);
    expect(localiseView(view, "en")).toBe(view);
  });
  it("refuses a lesson overlay of the wrong length, or one for a scenario without a lesson", () => {
    const data = clone(defaultScenario()) as Record<string, unknown>;
    data.translations = { de: { lesson: { argument: ["Nur ein Satz."], glossary: [{ term: "DNS", meaning: "Das Adressbuch des Internets." }] } } };
    const problems = problemsOf(data);
    expect(problems).toContainEqual(expect.stringMatching(/^translations\.de\.lesson\.argument: must have \d+ sentences/));
    expect(problems).toContainEqual(expect.stringMatching(/^translations\.de\.lesson\.glossary: must have \d+ glossary entries/));
    // A term without its meaning (or the reverse) would show half a glossary entry.
    data.translations = { de: { lesson: { glossary: [{ term: "DNS" }] } } };
    expect(problemsOf(data)).toContainEqual(expect.stringMatching(/^translations\.de\.lesson\.glossary\[0\]\.meaning: is missing/));
    const bare = clone(defaultScenario()) as Record<string, unknown>;
    delete bare.lesson;
    bare.translations = { de: { lesson: { objectives: ["Etwas lernen."] } } };
    expect(problemsOf(bare)).toContainEqual(expect.stringMatching(/^translations\.de\.lesson: this scenario has no lesson/));
  });

  it("shows the lesson (argument, objectives, glossary) in the device's language", () => {
    const scenario = defaultScenario();
    const match = new Match(scenario).seatEveryone().start();
    const view = viewFor(match.s, { kind: "projector" });
    const de = localiseView(view, "de").scenario.lesson!;
    expect(de.argument).toEqual(scenario.translations!.de!.lesson!.argument);
    expect(de.objectives).toEqual(scenario.translations!.de!.lesson!.objectives);
    expect(de.glossary.map((g) => g.term)).toContain("Root-Zone");
    expect(localiseView(view, "en").scenario.lesson).toEqual(scenario.lesson);
  });

  it("prints role cards and the guide in the teacher's language, private notes included", () => {
    for (const id of scenarioIds()) {
      const scenario = loadScenario(id);
      // As GET /api/matches/:code/printables?lang=es builds them.
      const es = printablesFor("ABCDE", localiseScenario(scenario, "es"), SettingsSchema.parse({}));
      const t = scenario.translations!.es!;
      expect(es.scenario.title).toBe(t.title);
      expect(es.scenario.dossiers.map((d) => d.question)).toEqual(scenario.dossiers.map((d) => t.dossiers![d.id]!.question));
      for (const card of es.roleCards) {
        expect(card.name).toBe(t.roles![card.id]!.name);
        expect(card.mandate).toBe(t.roles![card.id]!.mandate);
        expect(card.secret.notes).toEqual(t.roles![card.id]!.notes ?? []);
        for (const title of card.secret.seesAllPayoffsOn) expect(Object.values(t.dossiers!).map((d) => d.title)).toContain(title);
      }
      if (scenario.lesson) {
        expect(es.scenario.lesson?.argument).toEqual(t.lesson!.argument);
        expect(es.scenario.lesson?.objectives).toEqual(t.lesson!.objectives);
        expect(es.scenario.lesson?.glossary).toEqual(t.lesson!.glossary);
      }
      expect(localiseScenario(scenario, "en")).toBe(scenario);
    }
  });

  it("lists each shipped scenario on the setup page in the teacher's language", () => {
    for (const id of scenarioIds()) {
      const scenario = loadScenario(id);
      const pt = localiseSummary(scenarioSummary(scenario, "shipped"), "pt-BR");
      const t = scenario.translations!["pt-BR"]!;
      expect(pt.title).toBe(t.title);
      expect(pt.summary).toBe(t.summary);
      expect(pt.houses.map((h) => h.name)).toEqual(t.houses);
      expect(pt.seats.map((s) => s.name)).toEqual(scenario.roles.map((r) => t.roles![r.id]!.name));
      if (scenario.rider) expect(pt.powers.clauseHolder).toBe(t.roles![scenario.rider.owner]!.name);
      if (scenario.lesson) expect(pt.glossary).toEqual(t.lesson!.glossary);
    }
  });
});
