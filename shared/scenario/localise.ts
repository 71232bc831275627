// The whole scenario in one language, for what the server words itself: the teacher's exports
// (printable summary, spreadsheet) and printables (role cards, guide), which follow the
// teacher's language. The overlay (./translations.ts) gives words only, so ids, numbers and
// every rule of the game come from the original untouched; anything the overlay leaves out, or
// a list it does not give whole, stays in the scenario's own words. Private notes are included:
// these outputs go to the match's teacher only. (Screens localise their views themselves, from
// the public overlay: client/text/scenario-texts.ts.)
import type { Scenario } from "./schema.js";
import type { ScenarioTexts } from "./translations.js";

/** The translation when the overlay gives one, else the scenario's own words. */
export const pick = <T>(translated: T | undefined, original: T): T => translated ?? original;
/** A translated list replaces the original only when it is whole. */
export const pickList = (translated: string[] | undefined, original: string[]): string[] => (translated && translated.length === original.length ? translated : original);

type DossierTexts = NonNullable<ScenarioTexts["dossiers"]>[string];
type LessonTexts = ScenarioTexts["lesson"];

/** The words a dossier has in the scenario and in a view alike (the view's carries no numbers). */
interface DossierWords {
  title: string;
  question: string;
  venue: { city: string; region: string; meeting: string };
  subScoreLabels: string[];
  options: { id: string; title: string; summary: string; subScoreReasons?: string[] }[];
}

/** One dossier in the overlay's words; used here and by the screens (client/text/scenario-texts.ts). */
export function localiseDossier<D extends DossierWords>(dossier: D, t: DossierTexts | undefined): D {
  if (!t) return dossier;
  return {
    ...dossier,
    title: pick(t.title, dossier.title),
    question: pick(t.question, dossier.question),
    venue: { ...dossier.venue, city: pick(t.venue?.city, dossier.venue.city), region: pick(t.venue?.region, dossier.venue.region), meeting: pick(t.venue?.meeting, dossier.venue.meeting) },
    subScoreLabels: pickList(t.subScoreLabels, dossier.subScoreLabels),
    options: dossier.options.map((option) => {
      const o = t.options?.[option.id];
      if (!o) return option;
      return {
        ...option,
        title: pick(o.title, option.title),
        summary: pick(o.summary, option.summary),
        ...(option.subScoreReasons ? { subScoreReasons: pickList(o.subScoreReasons, option.subScoreReasons) } : {}),
      };
    }),
  };
}

type Lesson = NonNullable<Scenario["lesson"]>;

/** The lesson block in the overlay's words; the glossary only whole: it is shown in one language, never mixed. */
export function localiseLesson(lesson: Lesson, t: LessonTexts): Lesson {
  return {
    argument: pickList(t?.argument, lesson.argument),
    objectives: pickList(t?.objectives, lesson.objectives),
    glossary: t?.glossary && t.glossary.length === lesson.glossary.length ? t.glossary.map((g) => ({ term: g.term!, meaning: g.meaning! })) : lesson.glossary,
  };
}

export function localiseScenario(scenario: Scenario, language: string): Scenario {
  const texts = scenario.translations?.[language];
  if (!texts) return scenario;
  return {
    ...scenario,
    title: pick(texts.title, scenario.title),
    summary: pick(texts.summary, scenario.summary),
    source: pick(texts.source, scenario.source),
    publicInterest: { ...scenario.publicInterest, name: pick(texts.publicInterest?.name, scenario.publicInterest.name), description: pick(texts.publicInterest?.description, scenario.publicInterest.description) },
    roles: scenario.roles.map((role) => {
      const t = texts.roles?.[role.id];
      if (!t) return role;
      return {
        ...role,
        name: pick(t.name, role.name),
        home: pick(t.home, role.home),
        card: pick(t.card, role.card),
        mandate: pick(t.mandate, role.mandate),
        ...(role.publicInterestCase === undefined ? {} : { publicInterestCase: pick(t.publicInterestCase, role.publicInterestCase) }),
        knowledge: { ...role.knowledge, notes: pickList(t.notes, role.knowledge.notes) },
      };
    }),
    dossiers: scenario.dossiers.map((dossier) => localiseDossier(dossier, texts.dossiers?.[dossier.id])),
    houses: scenario.houses.map((house, i) => ({ ...house, name: pick(texts.houses?.[i], house.name) })),
    ...(scenario.rider
      ? { rider: { ...scenario.rider, title: pick(texts.rider?.title, scenario.rider.title), options: scenario.rider.options.map((o) => ({ ...o, title: pick(texts.rider?.options?.[o.id]?.title, o.title) })) } }
      : {}),
    consequences: scenario.consequences.map((c, i) => ({ ...c, text: pick(texts.consequences?.[i], c.text) })),
    whatHappened: pickList(texts.whatHappened, scenario.whatHappened),
    ...(scenario.lesson
      ? {
          lesson: localiseLesson(scenario.lesson, texts.lesson),
        }
      : {}),
  };
}
