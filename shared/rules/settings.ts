// Match settings chosen by the teacher at creation, validated here so that the server, the
// client form and the engine agree on one shape and one set of defaults.
import { z } from "zod";
import { DecisionRuleId } from "../scenario/schema.js";

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

/** Timer presets in seconds: three rounds plus setup and debrief fit the lesson. */
export const TIMER_PRESETS = {
  "lesson-45": { briefing: 60, travel: 90, negotiation: 300, decision: 90, outcome: 45 },
  "lesson-90": { briefing: 120, travel: 180, negotiation: 900, decision: 180, outcome: 90 },
} as const satisfies Record<string, Timers>;
export type TimerPreset = keyof typeof TIMER_PRESETS;

export const VariantsSchema = z.object({
  /** USG reads a sample of corridor talk. */
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
    timerPreset: z.enum(["lesson-45", "lesson-90", "custom"]).default("lesson-45"),
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

export function timersOf(settings: Settings): Timers {
  return settings.timerPreset === "custom" && settings.timers ? settings.timers : TIMER_PRESETS[settings.timerPreset === "custom" ? "lesson-45" : settings.timerPreset];
}

export function ruleOfTable(settings: Settings, table: number): DecisionRuleId {
  return settings.rules[Math.min(table, settings.rules.length - 1)] ?? "R1";
}
