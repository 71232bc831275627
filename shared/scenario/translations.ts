// A scenario's texts in other languages: an optional overlay, `translations: { es: {…} }`,
// that names roles, dossiers and options by id and gives only words — never a number, so the
// payoffs, incomes and scores exist once. Anything left out stays in the scenario's own
// language; a scenario with no overlay is played in its own words everywhere. Lists (a role's
// notes, the sub-score labels, what really happened, the lesson's sentences, objectives and
// glossary) are translated whole, item for item.
import { z } from "zod";

const Text = z.string().trim().min(1, "must not be empty");

/** A BCP 47 tag as the game uses them: "es", "pt-BR". */
const LANGUAGE_TAG = /^[a-z]{2}(-[A-Z]{2})?$/;

const RoleTexts = z
  .object({
    name: Text,
    home: Text,
    card: Text,
    mandate: Text,
    publicInterestCase: Text,
    /** Private: reaches only this role's own screens (viewFor). */
    notes: z.array(Text),
  })
  .partial()
  .strict();

const OptionTexts = z.object({ title: Text, summary: Text, subScoreReasons: z.array(Text) }).partial().strict();

const DossierTexts = z
  .object({
    title: Text,
    question: Text,
    venue: z.object({ city: Text, region: Text, meeting: Text }).partial().strict(),
    subScoreLabels: z.array(Text),
    options: z.record(z.string(), OptionTexts),
  })
  .partial()
  .strict();

export const ScenarioTextsSchema = z
  .object({
    title: Text,
    summary: Text,
    source: Text,
    publicInterest: z.object({ name: Text, description: Text }).partial().strict(),
    roles: z.record(z.string(), RoleTexts),
    dossiers: z.record(z.string(), DossierTexts),
    rider: z.object({ title: Text, options: z.record(z.string(), z.object({ title: Text }).strict()) }).partial().strict(),
    /** The houses' names, in the scenario's order. */
    houses: z.array(Text),
    /** Each consequence's text, in the scenario's order. */
    consequences: z.array(Text),
    whatHappened: z.array(Text),
    /** The lesson block (public): its lists translated whole, item for item, glossary terms included. */
    lesson: z
      .object({ argument: z.array(Text), objectives: z.array(Text), glossary: z.array(z.object({ term: Text, meaning: Text }).strict()) })
      .partial()
      .strict(),
  })
  .partial()
  .strict();
export type ScenarioTexts = z.infer<typeof ScenarioTextsSchema>;

// Keys are checked in translationProblems, so a bad tag is named with the reason.
export const TranslationsSchema = z.record(z.string(), ScenarioTextsSchema);
export type Translations = z.infer<typeof TranslationsSchema>;

/** What the overlay is checked against: the scenario's ids and the lengths of its lists. */
interface Shape {
  roles: { id: string; knowledge: { notes: string[] } }[];
  dossiers: { id: string; subScoreLabels: string[]; options: { id: string; subScoreReasons?: string[] | undefined }[] }[];
  rider?: { options: { id: string }[] } | undefined;
  houses: unknown[];
  consequences: unknown[];
  whatHappened: string[];
  lesson?: { argument: string[]; objectives: string[]; glossary: unknown[] } | undefined;
  translations?: Translations | undefined;
}

export interface Problem {
  path: (string | number)[];
  message: string;
}

/** Every id the overlay names must exist, and every list must match the original's length. */
export function translationProblems(s: Shape): Problem[] {
  const problems: Problem[] = [];
  const count = (path: (string | number)[], given: unknown[] | undefined, expected: number, what: string) => {
    if (given && given.length !== expected) problems.push({ path, message: `must have ${expected} ${what}, as the original has (it has ${given.length})` });
  };
  for (const [language, texts] of Object.entries(s.translations ?? {})) {
    const at = (...rest: (string | number)[]) => ["translations", language, ...rest];
    if (!LANGUAGE_TAG.test(language)) problems.push({ path: at(), message: 'must be a language tag such as "es" or "pt-BR"' });
    for (const [roleId, role] of Object.entries(texts.roles ?? {})) {
      const original = s.roles.find((r) => r.id === roleId);
      if (!original) problems.push({ path: at("roles", roleId), message: `unknown role "${roleId}"` });
      else count(at("roles", roleId, "notes"), role.notes, original.knowledge.notes.length, "notes");
    }
    for (const [dossierId, dossier] of Object.entries(texts.dossiers ?? {})) {
      const original = s.dossiers.find((d) => d.id === dossierId);
      if (!original) {
        problems.push({ path: at("dossiers", dossierId), message: `unknown dossier "${dossierId}"` });
        continue;
      }
      count(at("dossiers", dossierId, "subScoreLabels"), dossier.subScoreLabels, original.subScoreLabels.length, "labels");
      for (const [optionId, option] of Object.entries(dossier.options ?? {})) {
        const originalOption = original.options.find((o) => o.id === optionId);
        if (!originalOption) problems.push({ path: at("dossiers", dossierId, "options", optionId), message: `unknown option "${optionId}" in dossier "${dossierId}"` });
        else if (option.subScoreReasons) count(at("dossiers", dossierId, "options", optionId, "subScoreReasons"), option.subScoreReasons, originalOption.subScoreReasons?.length ?? 0, "reasons");
      }
    }
    if (texts.rider) {
      if (!s.rider) problems.push({ path: at("rider"), message: "this scenario has no rider" });
      else {
        for (const optionId of Object.keys(texts.rider.options ?? {})) {
          if (!s.rider.options.some((o) => o.id === optionId)) problems.push({ path: at("rider", "options", optionId), message: `unknown rider option "${optionId}"` });
        }
      }
    }
    count(at("houses"), texts.houses, s.houses.length, "house names");
    count(at("consequences"), texts.consequences, s.consequences.length, "consequence texts");
    count(at("whatHappened"), texts.whatHappened, s.whatHappened.length, "paragraphs");
    if (texts.lesson) {
      if (!s.lesson) problems.push({ path: at("lesson"), message: "this scenario has no lesson" });
      else {
        count(at("lesson", "argument"), texts.lesson.argument, s.lesson.argument.length, "sentences");
        count(at("lesson", "objectives"), texts.lesson.objectives, s.lesson.objectives.length, "objectives");
        count(at("lesson", "glossary"), texts.lesson.glossary, s.lesson.glossary.length, "glossary entries");
      }
    }
  }
  return problems;
}

/**
 * The overlay as every screen may see it: without any role's private notes, and without what
 * the debrief reveals (the reasons behind the public-interest scores, what really happened)
 * until `reveal`. A role's own notes travel with its own briefing (shared/rules/view.ts).
 */
export function publicTranslations(translations: Translations | undefined, reveal: boolean): Translations {
  const out: Translations = {};
  for (const [language, texts] of Object.entries(translations ?? {})) {
    const { roles, dossiers, whatHappened, ...rest } = texts;
    out[language] = {
      ...rest,
      ...(roles ? { roles: Object.fromEntries(Object.entries(roles).map(([id, { notes: _private, ...role }]) => [id, role])) } : {}),
      ...(dossiers
        ? {
            dossiers: Object.fromEntries(
              Object.entries(dossiers).map(([id, dossier]) => [
                id,
                {
                  ...dossier,
                  ...(dossier.options ? { options: Object.fromEntries(Object.entries(dossier.options).map(([optionId, { subScoreReasons, ...option }]) => [optionId, reveal && subScoreReasons ? { ...option, subScoreReasons } : option])) } : {}),
                },
              ]),
            ),
          }
        : {}),
      ...(reveal && whatHappened ? { whatHappened } : {}),
    };
  }
  return out;
}

/** One role's private notes in every language the overlay has them in. */
export function notesByLanguage(translations: Translations | undefined, role: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [language, texts] of Object.entries(translations ?? {})) {
    const notes = texts.roles?.[role]?.notes;
    if (notes) out[language] = [...notes];
  }
  return out;
}
