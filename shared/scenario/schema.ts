// The shape of a scenario, validated when it loads. Shapes only: the values with secrets
// (payoffs, public-interest scores) live in server/scenarios and never in a browser bundle.
import { z } from "zod";
import { translationProblems, TranslationsSchema } from "./translations.js";

const Id = z.string().regex(/^[A-Z][A-Z0-9-]{0,15}$/, "must be 1–16 capital letters, digits or dashes, starting with a letter");
const Text = z.string().trim().min(1, "must not be empty");
/** Texts drawn on seats, buttons and headings: short enough for a phone and the projector. */
const Name = (max: number) => Text.max(max, `must be at most ${max} characters (it is shown on small screens)`);
/** Paragraphs on cards and in the debrief. */
const Paragraph = (max: number) => Text.max(max, `must be at most ${max} characters`);
const Chance = z.number().min(0, "must be between 0 and 1").max(1, "must be between 0 and 1");
const Payoff = z.number().int("must be a whole number").min(-3, "must be at least −3").max(3, "must be at most +3");

export const StakeholderGroup = z.enum(["government", "private", "technical", "civil-society"]);
export type StakeholderGroup = z.infer<typeof StakeholderGroup>;

export const DecisionRuleId = z.enum(["R1", "R2", "R3", "R4"]);
export type DecisionRuleId = z.infer<typeof DecisionRuleId>;

/**
 * Optional per-role overrides of the bots' temperaments. Every field left out is derived from
 * the role's own data (shared/bots/profiles.ts, docs/writing-scenarios.md); bots are players
 * like any other and these numbers never change a rule.
 */
export const BotTemperamentSchema = z
  .object({
    susceptibility: Chance,
    captureTendency: Chance,
    grantWeight: z.number().min(0).max(2),
    patronRate: Chance,
    maxFellowships: z.number().int().min(0).max(5),
    grantSize: z.number().int().min(1).max(20),
    reserve: z.number().int().min(0).max(50),
    presence: z.tuple([z.number().min(0).max(20), z.number().min(0).max(20)]).refine(([low, high]) => low <= high, "must be [low, high] with low ≤ high"),
    briefingRate: Chance,
    objectGap: z.number().int().min(0).max(6),
    riderObjection: Chance,
    /**
     * No longer read: a bot names the option it expects exactly when the fellowships variant asks
     * every sponsor to (hard), as a student's form does. Still accepted so files that set it load.
     */
    explicitStrings: Chance,
    talkativeness: z.number().int().min(0).max(5),
  })
  .partial()
  .strict();
export type BotTemperament = z.infer<typeof BotTemperamentSchema>;

export const RoleSchema = z.object({
  id: Id,
  name: Name(48),
  short: z.string().trim().min(1).max(6, "must be at most 6 characters (it is drawn on small seats)"),
  /**
   * The picture on the role's seat, by name from the game's art (assets/table/emblem-NAME.svg);
   * left out, or a name the art does not have, the seat wears its stakeholder group's emblem.
   */
  emblem: z.string().regex(/^[a-z0-9-]{1,32}$/, "must be an emblem's name: lowercase letters, digits and dashes").optional(),
  group: StakeholderGroup,
  income: z.number().int().min(0).max(100),
  home: Name(60),
  maxDelegates: z.number().int().min(1).max(10),
  /** false: this role cannot pay its own travel and attends in person only with a fellowship. */
  canTravelAlone: z.boolean(),
  /** Design weight for voice-share charts: the share of the world this role speaks for. */
  population: z.number().min(0).max(1),
  card: Paragraph(400),
  mandate: Paragraph(300),
  /** The role's own best case that what it wants serves the public, not only itself (on its card). */
  publicInterestCase: Paragraph(400).optional(),
  knowledge: z
    .object({
      /** Private facts shown on this role's card only. */
      notes: z.array(Paragraph(400)).max(8).default([]),
      /** Dossiers on which this role sees every role's payoffs. */
      seesAllPayoffs: z.array(Id).default([]),
      /** Public-interest sub-scores this role knows, by dossier and sub-score index. */
      seesSubScores: z.array(z.object({ dossier: Id, index: z.number().int().min(0).max(3) })).default([]),
      /** Own payoffs shown as unknown until this role buys a briefing for that dossier. */
      hiddenPayoffs: z.array(z.object({ dossier: Id, option: Id })).default([]),
    })
    .default({ notes: [], seesAllPayoffs: [], seesSubScores: [], hiddenPayoffs: [] }),
  abilities: z
    .object({
      /** Sponsored seats per round this role may give without paying (a fellowship programme). */
      programmeSeats: z.number().int().min(0).max(5).default(0),
      /** May insert the scenario's rider into a final text (the late-insertion variant). */
      rider: z.boolean().default(false),
      /** Reads a sample of corridor talk (the surveillance variant). */
      surveillance: z.boolean().default(false),
      /** Under the multilateral rule, how many votes this government casts (a bloc). */
      blocVotes: z.number().int().min(1).max(10).default(1),
    })
    .default({ programmeSeats: 0, rider: false, surveillance: false, blocVotes: 1 }),
});
export type Role = z.infer<typeof RoleSchema>;

export const OptionSchema = z.object({
  id: Id,
  title: Name(100),
  summary: Paragraph(300),
  payoffs: z.record(z.string(), Payoff),
  /** Public-interest sub-scores 0–10, in the order of the dossier's subScoreLabels. */
  subScores: z.array(z.number().min(0).max(10)).length(4, "must have exactly 4 sub-scores"),
  /** Why each sub-score is what it is, in the same order: shown in the debrief beside the score. */
  subScoreReasons: z.array(Paragraph(200)).length(4, "must give exactly 4 reasons, one per sub-score").optional(),
});
export type Option = z.infer<typeof OptionSchema>;

export const DossierSchema = z.object({
  id: Id,
  title: Name(80),
  question: Paragraph(300),
  venue: z.object({ city: Name(40), region: Name(60), meeting: Name(60) }),
  subScoreLabels: z.array(Name(40)).length(4),
  statusQuo: Id,
  options: z.array(OptionSchema).min(2, "needs at least 2 options").max(6, "may have at most 6 options"),
});
export type Dossier = z.infer<typeof DossierSchema>;

export const RiderSchema = z.object({
  owner: Id,
  title: Name(100),
  none: Id,
  options: z.array(
    z.object({ id: Id, title: Name(120), payoffs: z.record(z.string(), Payoff), publicInterest: z.number().min(0).max(10) }),
  ),
});

export const ConsequenceSchema = z.object({
  dossier: Id,
  option: Id,
  /** Change of income per round for later rounds, by role. */
  incomeDelta: z.record(z.string(), z.number().int().min(-20).max(20)),
  text: Paragraph(300),
});

/**
 * The lesson around a scenario, in plain words: the argument the scenario stages (a few short
 * sentences, shown as the first debrief card "The argument" with the scenario's `source`),
 * what students should take away (the teacher's guide), and the words a student may not know
 * (the glossary on every screen). Public: nothing here is a secret of any role.
 */
export const LessonSchema = z.object({
  argument: z.array(Text).min(2, "needs at least 2 sentences").max(6, "at most 6 sentences: the card must fit one screen"),
  objectives: z.array(Text).min(1).max(6),
  glossary: z.array(z.object({ term: z.string().trim().min(1).max(40), meaning: Text })).max(40).default([]),
});
export type Lesson = z.infer<typeof LessonSchema>;

export const ScenarioSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,64}$/, "must be lowercase letters, digits and dashes"),
    version: z.number().int().min(1),
    title: Name(80),
    summary: Paragraph(400),
    source: Paragraph(1000),
    /** The language the scenario's texts are written in (a BCP 47 tag such as "en" or "pt-BR"). */
    language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as "en", "fr" or "pt-BR"').default("en"),
    roles: z.array(RoleSchema).min(2, "needs at least 2 roles").max(20, "may have at most 20 roles"),
    publicInterest: z.object({ name: Name(80), description: Paragraph(400) }),
    dossiers: z.array(DossierSchema).min(1).max(6),
    travel: z.object({
      costPerDelegate: z.number().int().min(0),
      homeRegionCost: z.number().int().min(0),
    }),
    briefingCost: z.number().int().min(0),
    remoteCommentsPerRound: z.number().int().min(0).max(20),
    rules: z.array(DecisionRuleId).min(1),
    /** R2: which stakeholder groups sit in which house. */
    houses: z.array(z.object({ name: Name(60), groups: z.array(StakeholderGroup).min(1) })).min(2),
    scoring: z.object({
      mandatePerPoint: z.number().min(0),
      standingPerToken: z.number().min(0),
      standingPerRoundInPerson: z.number().min(0),
      standingPerDraftingSeat: z.number().min(0),
    }),
    rider: RiderSchema.optional(),
    consequences: z.array(ConsequenceSchema).default([]),
    whatHappened: z.array(Paragraph(600)).max(8).default([]),
    /** The scenario's words in other languages, by language tag: ./translations.ts. */
    translations: TranslationsSchema.optional(),
    /** What the lesson teaches with this scenario: public, shown in the debrief, the glossary and the teacher's guide. */
    lesson: LessonSchema.optional(),
    /** Bot temperaments by role id, overriding what is derived from each role's data. */
    bots: z.record(z.string(), BotTemperamentSchema).default({}),
  })
  .superRefine((s, ctx) => {
    const roleIds = new Set<string>();
    s.roles.forEach((r, i) => {
      if (roleIds.has(r.id)) ctx.addIssue({ code: "custom", path: ["roles", i, "id"], message: `duplicate role id "${r.id}"` });
      roleIds.add(r.id);
    });
    const dossierIds = new Set<string>();
    const optionIds = new Map<string, Set<string>>();
    s.dossiers.forEach((d, di) => {
      if (dossierIds.has(d.id)) ctx.addIssue({ code: "custom", path: ["dossiers", di, "id"], message: `duplicate dossier id "${d.id}"` });
      dossierIds.add(d.id);
      const ids = new Set<string>();
      d.options.forEach((o, oi) => {
        if (ids.has(o.id)) ctx.addIssue({ code: "custom", path: ["dossiers", di, "options", oi, "id"], message: `duplicate option id "${o.id}"` });
        ids.add(o.id);
        for (const r of roleIds) {
          if (!(r in o.payoffs)) ctx.addIssue({ code: "custom", path: ["dossiers", di, "options", oi, "payoffs", r], message: `missing the payoff for role ${r}` });
        }
        for (const k of Object.keys(o.payoffs)) {
          if (!roleIds.has(k)) ctx.addIssue({ code: "custom", path: ["dossiers", di, "options", oi, "payoffs", k], message: `names an unknown role "${k}"` });
        }
      });
      optionIds.set(d.id, ids);
      if (!ids.has(d.statusQuo)) ctx.addIssue({ code: "custom", path: ["dossiers", di, "statusQuo"], message: `"${d.statusQuo}" is not one of this dossier's options` });
    });
    s.roles.forEach((r, ri) => {
      r.knowledge.seesAllPayoffs.forEach((d, k) => {
        if (!dossierIds.has(d)) ctx.addIssue({ code: "custom", path: ["roles", ri, "knowledge", "seesAllPayoffs", k], message: `unknown dossier "${d}"` });
      });
      r.knowledge.seesSubScores.forEach((x, k) => {
        if (!dossierIds.has(x.dossier)) ctx.addIssue({ code: "custom", path: ["roles", ri, "knowledge", "seesSubScores", k, "dossier"], message: `unknown dossier "${x.dossier}"` });
      });
      r.knowledge.hiddenPayoffs.forEach((x, k) => {
        if (!optionIds.get(x.dossier)?.has(x.option))
          ctx.addIssue({ code: "custom", path: ["roles", ri, "knowledge", "hiddenPayoffs", k], message: `unknown option "${x.dossier}/${x.option}"` });
      });
    });
    const housed = new Set(s.houses.flatMap((h) => h.groups));
    s.roles.forEach((r, ri) => {
      if (!housed.has(r.group)) ctx.addIssue({ code: "custom", path: ["roles", ri, "group"], message: `group "${r.group}" sits in no house` });
    });
    if (s.rider) {
      if (!roleIds.has(s.rider.owner)) ctx.addIssue({ code: "custom", path: ["rider", "owner"], message: `unknown role "${s.rider.owner}"` });
      if (!s.rider.options.some((o) => o.id === s.rider!.none)) ctx.addIssue({ code: "custom", path: ["rider", "none"], message: "is not one of the rider's options" });
      s.rider.options.forEach((o, oi) => {
        for (const k of Object.keys(o.payoffs)) {
          if (!roleIds.has(k)) ctx.addIssue({ code: "custom", path: ["rider", "options", oi, "payoffs", k], message: `names an unknown role "${k}"` });
        }
      });
    }
    for (const problem of translationProblems(s)) ctx.addIssue({ code: "custom", path: problem.path, message: problem.message });
    for (const k of Object.keys(s.bots)) {
      if (!roleIds.has(k)) ctx.addIssue({ code: "custom", path: ["bots", k], message: `names an unknown role "${k}"` });
    }
    s.consequences.forEach((c, ci) => {
      if (!optionIds.get(c.dossier)?.has(c.option)) ctx.addIssue({ code: "custom", path: ["consequences", ci], message: `unknown option "${c.dossier}/${c.option}"` });
      for (const k of Object.keys(c.incomeDelta)) {
        if (!roleIds.has(k)) ctx.addIssue({ code: "custom", path: ["consequences", ci, "incomeDelta", k], message: `names an unknown role "${k}"` });
      }
    });
  });
export type Scenario = z.infer<typeof ScenarioSchema>;

export class ScenarioError extends Error {
  constructor(
    message: string,
    readonly problems: { path: string; message: string }[],
  ) {
    super(message);
    this.name = "ScenarioError";
  }
}

function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, p) => (typeof p === "number" ? `${acc}[${p}]` : acc ? `${acc}.${String(p)}` : String(p)), "");
}

const KINDS: Record<string, string> = { string: "a text in quotes", number: "a number", int: "a whole number", boolean: "true or false", object: "an object { … }", array: "a list [ … ]" };
const kindOf = (x: unknown) => (x === null ? "null" : Array.isArray(x) ? "a list" : typeof x === "string" ? "a text" : typeof x === "object" ? "an object" : `${typeof x === "number" ? "a number" : typeof x === "boolean" ? String(x) : typeof x}`);

/**
 * The validator's problems in words an author can act on ("must be at most 100", "is missing
 * (a number is needed)") wherever the schema above did not write its own message.
 */
function plainIssue(issue: z.core.$ZodRawIssue): string | undefined {
  const limit = (n: unknown) => String(n);
  switch (issue.code) {
    case "too_big":
      if (issue.origin === "string") return `must be at most ${limit(issue.maximum)} characters`;
      if (issue.origin === "array") return `may have at most ${limit(issue.maximum)} items`;
      return issue.inclusive === false ? `must be below ${limit(issue.maximum)}` : `must be at most ${limit(issue.maximum)}`;
    case "too_small":
      if (issue.origin === "string") return Number(issue.minimum) <= 1 ? "must not be empty" : `must be at least ${limit(issue.minimum)} characters`;
      if (issue.origin === "array") return issue.exact ? `must have exactly ${limit(issue.minimum)} items` : `needs at least ${limit(issue.minimum)} items`;
      return issue.inclusive === false ? `must be above ${limit(issue.minimum)}` : `must be at least ${limit(issue.minimum)}`;
    case "invalid_type": {
      const wanted = KINDS[issue.expected] ?? issue.expected;
      return issue.input === undefined ? `is missing (${wanted} is needed)` : `must be ${wanted}, not ${kindOf(issue.input)}`;
    }
    case "invalid_value": {
      const values = issue.values.map((v) => JSON.stringify(v)).join(", ");
      return issue.input === undefined ? `is missing (one of ${values})` : `must be one of ${values}`;
    }
    case "unrecognized_keys":
      return `has ${issue.keys.length === 1 ? "a field" : "fields"} the format does not know: ${issue.keys.join(", ")}`;
    default:
      return undefined;
  }
}

/** Validates unknown data as a scenario; throws a ScenarioError naming each field and its problem. */
export function parseScenario(data: unknown): Scenario {
  const result = ScenarioSchema.safeParse(data, { error: plainIssue });
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => ({ path: pathText(i.path) || "(scenario)", message: i.message }));
  throw new ScenarioError(`Invalid scenario: ${problems.map((p) => `${p.path}: ${p.message}`).join("; ")}`, problems);
}

/** The public-interest score of an option: the mean of its sub-scores. */
export function publicInterest(option: Pick<Option, "subScores">): number {
  return option.subScores.reduce((a, b) => a + b, 0) / option.subScores.length;
}

/**
 * Fields of a scenario file that the format does not know (a typo such as "sumary", or a field
 * of a newer version): the validator ignores them, so an author is told. Found by walking the
 * file beside what validation kept, since validation drops every key it does not know.
 */
export function unknownFields(data: unknown): string[] {
  const result = ScenarioSchema.safeParse(data);
  if (!result.success) return [];
  const found: string[] = [];
  const walk = (raw: unknown, kept: unknown, path: PropertyKey[]) => {
    if (Array.isArray(raw) && Array.isArray(kept)) raw.forEach((x, i) => walk(x, kept[i], [...path, i]));
    else if (raw && typeof raw === "object" && kept && typeof kept === "object" && !Array.isArray(raw)) {
      for (const [k, v] of Object.entries(raw)) {
        if (k in kept) walk(v, (kept as Record<string, unknown>)[k], [...path, k]);
        else found.push(pathText([...path, k]));
      }
    }
  };
  walk(data, result.data, []);
  return found;
}
