// The scenario's words in this device's language. The server sends every view with the
// scenario's own texts plus its public translations overlay (shared/scenario/translations.ts)
// and, in a player's own briefing, that role's private notes in each language; this picks the
// device's language, falling back to the scenario's words for anything not translated. Views
// are immutable and share unchanged parts, so the result is memoised by identity: a screen
// that compares parts with === still sees only what changed.
import { localiseDossier, localiseLesson, pick, pickList } from "../../shared/scenario/localise.js";
import type { ScenarioTexts } from "../../shared/scenario/translations.js";
import type { MatchView } from "../../shared/rules/view.js";
import type { ScenarioSummary } from "../../shared/protocol/scenarios.js";

type Scenario = MatchView["scenario"];
type Briefing = NonNullable<MatchView["briefing"]>;


export function localiseScenario(scenario: Scenario, language: string): Scenario {
  const texts: ScenarioTexts | undefined = scenario.translations[language];
  if (!texts) return scenario;
  return {
    ...scenario,
    title: pick(texts.title, scenario.title),
    summary: pick(texts.summary, scenario.summary),
    source: pick(texts.source, scenario.source),
    publicInterest: { name: pick(texts.publicInterest?.name, scenario.publicInterest.name), description: pick(texts.publicInterest?.description, scenario.publicInterest.description) },
    roles: scenario.roles.map((role) => {
      const t = texts.roles?.[role.id];
      if (!t) return role;
      return {
        ...role,
        name: pick(t.name, role.name),
        home: pick(t.home, role.home),
        card: pick(t.card, role.card),
        mandate: pick(t.mandate, role.mandate),
        publicInterestCase: role.publicInterestCase === null ? null : pick(t.publicInterestCase, role.publicInterestCase),
      };
    }),
    dossiers: scenario.dossiers.map((dossier) => localiseDossier(dossier, texts.dossiers?.[dossier.id])),
    houses: scenario.houses.map((house, i) => ({ ...house, name: pick(texts.houses?.[i], house.name) })),
    rider: scenario.rider
      ? {
          ...scenario.rider,
          title: pick(texts.rider?.title, scenario.rider.title),
          options: scenario.rider.options.map((o) => ({ ...o, title: pick(texts.rider?.options?.[o.id]?.title, o.title) })),
        }
      : null,
    whatHappened: pickList(texts.whatHappened, scenario.whatHappened),
    lesson: scenario.lesson ? localiseLesson(scenario.lesson, texts.lesson) : null,
  };
}

export function localiseBriefing(briefing: Briefing, language: string, texts: ScenarioTexts | undefined): Briefing {
  return {
    ...briefing,
    notes: pickList(briefing.notesIn[language], briefing.notes),
    subScores: briefing.subScores.map((s) => ({ ...s, label: pick(texts?.dossiers?.[s.dossier]?.subScoreLabels?.[s.index], s.label) })),
  };
}

const scenarios = new WeakMap<Scenario, Map<string, Scenario>>();
const briefings = new WeakMap<Briefing, Map<string, Briefing>>();
const views = new WeakMap<MatchView, Map<string, MatchView>>();

function memo<K extends object, V>(cache: WeakMap<K, Map<string, V>>, key: K, language: string, make: () => V): V {
  let byLanguage = cache.get(key);
  if (!byLanguage) cache.set(key, (byLanguage = new Map()));
  let value = byLanguage.get(language);
  if (value === undefined) byLanguage.set(language, (value = make()));
  return value;
}

/** The view with the scenario's words (and the viewer's own notes) in `language`. */
export function localiseView(view: MatchView, language: string): MatchView {
  if (!view.scenario.translations[language] && !view.briefing?.notesIn[language]) return view;
  return memo(views, view, language, () => ({
    ...view,
    scenario: memo(scenarios, view.scenario, language, () => localiseScenario(view.scenario, language)),
    briefing: view.briefing ? memo(briefings, view.briefing, language, () => localiseBriefing(view.briefing!, language, view.scenario.translations[language])) : null,
  }));
}

/** A scenario as the setup page lists it, in `language`: title, summary, glossary, houses and role names. */
export function localiseSummary(choice: ScenarioSummary, language: string): ScenarioSummary {
  const texts = choice.texts?.[language];
  if (!texts) return choice;
  const roleName = (name: string) => {
    const id = choice.seats.find((seat) => seat.name === name)?.id;
    return (id && texts.roles?.[id]) ?? name;
  };
  return {
    ...choice,
    title: pick(texts.title, choice.title),
    summary: pick(texts.summary, choice.summary),
    glossary: texts.glossary && texts.glossary.length === choice.glossary.length ? texts.glossary : choice.glossary,
    houses: choice.houses.map((h, i) => ({ ...h, name: pick(texts.houses?.[i], h.name) })),
    seats: choice.seats.map((seat) => ({ ...seat, name: pick(texts.roles?.[seat.id], seat.name) })),
    powers: { listeners: choice.powers.listeners.map(roleName), clauseHolder: choice.powers.clauseHolder === null ? null : roleName(choice.powers.clauseHolder) },
  };
}
