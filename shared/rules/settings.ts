// Match settings chosen by the teacher at creation, validated here so that the server, the
// client form and the engine agree on one shape and one set of defaults.
import { z } from "zod";
import { DecisionRuleId, type Scenario } from "../scenario/schema.js";
import { LESSON_PLANS, PLAN_IDS, planClocks, readingSeconds } from "./lesson-plans.js";

export const PHASE_IDS = ["briefing", "travel", "negotiation", "decision", "outcome"] as const;
export type RoundPhase = (typeof PHASE_IDS)[number];

const Seconds = z.number().int().min(10, "must be at least 10 seconds").max(3600, "must be at most an hour");

export const TimersSchema = z.object({
  briefing: Seconds,
  travel: Seconds,
  negotiation: Seconds,
  decision: Seconds,
  outcome: Seconds,
});
export type Timers = z.infer<typeof TimersSchema>;

/**
 * The clocks of matches recorded before the lesson plans (shared/rules/lesson-plans.ts): kept
 * exactly as they were so those records replay and pass the import check, never offered on
 * the setup page (their "45-minute lesson" played 29 minutes and left no time to read).
 */
export const LEGACY_PRESETS = {
  "lesson-45": { briefing: 60, travel: 90, negotiation: 300, decision: 90, outcome: 45 },
  "lesson-90": { briefing: 120, travel: 180, negotiation: 900, decision: 180, outcome: 90 },
} as const satisfies Record<string, Timers>;

/** What the teacher picks: a lesson plan, custom clocks, or (from old records and scripts) a legacy preset. */
export const TIMER_PRESET_IDS = [...PLAN_IDS, "custom", "lesson-45", "lesson-90"] as const;
export type TimerPreset = (typeof TIMER_PRESET_IDS)[number];

export const VariantsSchema = z.object({
  /** The roles with abilities.surveillance read a sample of corridor talk. */
  surveillance: z.boolean().default(false),
  /** The rider owner may slip a clause into an adopted text. */
  lateInsertion: z.boolean().default(true),
  /** hard: a fellowship offer names the option the sponsor expects its guest to support. */
  fellowships: z.enum(["soft", "hard"]).default("soft"),
});
export type Variants = z.infer<typeof VariantsSchema>;

export const SettingsSchema = z
  .object({
    classLabel: z.string().trim().max(60, "must be at most 60 characters").default(""),
    tables: z.number().int().min(1, "must be at least 1").max(6, "must be at most 6").default(1),
    /** One decision rule per table; a shorter list repeats its last rule. */
    rules: z.array(DecisionRuleId).min(1).max(6).default(["R1"]),
    timerPreset: z.enum(TIMER_PRESET_IDS).default("single-45"),
    timers: TimersSchema.optional(),
    variants: VariantsSchema.default({ surveillance: false, lateInsertion: true, fellowships: "soft" }),
    bots: z.boolean().default(false),
    /** What a student who joins after the start becomes. */
    lateJoiners: z.enum(["delegate", "spectator"]).default("delegate"),
    /** Who chairs rough-consensus tables: the teacher calls consensus, or the automatic chair does at the deadline. */
    chair: z.enum(["teacher", "automatic"]).default("automatic"),
  })
  .superRefine((s, ctx) => {
    if (s.timerPreset === "custom" && !s.timers) {
      ctx.addIssue({ code: "custom", path: ["timers"], message: "custom timers need a value for every phase" });
    }
  });
export type SettingsInput = z.input<typeof SettingsSchema>;
export type Settings = z.infer<typeof SettingsSchema>;

/**
 * The clocks of a match. A plan's briefing is computed from the scenario's own text (the
 * longest role card at 150 words a minute, plus a minute to think), so it depends only on
 * data in the record and a replay reproduces every deadline.
 */
export function timersOf(settings: Pick<Settings, "timerPreset" | "timers">, scenario: Scenario): Timers {
  const preset = settings.timerPreset;
  if (preset === "custom") return settings.timers ?? planClocks(LESSON_PLANS["single-45"], readingSeconds(scenario));
  if (preset === "lesson-45" || preset === "lesson-90") return { ...LEGACY_PRESETS[preset] };
  return planClocks(LESSON_PLANS[preset], readingSeconds(scenario));
}

export function ruleOfTable(settings: Settings, table: number): DecisionRuleId {
  return settings.rules[Math.min(table, settings.rules.length - 1)] ?? "R1";
}
