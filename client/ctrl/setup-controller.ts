// The teacher's "new match" form: its state (how many tables, which rule at each, which timer
// preset and custom times, sending or failed), the lesson's length computed from them, and one
// verb that asks the server for a match. The server validates the settings; a refusal comes
// back with its reason and is shown next to the form's button. A new match reuses this
// browser's teacher key, so one key lists every match the teacher opens.
import { LESSON_PLANS, PLAN_IDS, planClocks, planTiming, type LessonPlan, type PlanId, type PlanTiming } from "../../shared/rules/lesson-plans.js";
import { PHASE_IDS, type Timers } from "../../shared/rules/settings.js";
import { DEBRIEF_CARDS } from "../text/debrief-en.js";

/** A lesson plan, or the teacher's own clocks (played with the whole debrief). */
export type TimerPreset = PlanId | "custom";
export const PRESETS: readonly TimerPreset[] = [...PLAN_IDS, "custom"];
export type RuleId = "R1" | "R2" | "R3" | "R4";

export const PHASES = PHASE_IDS;
export const RULES: readonly RuleId[] = ["R1", "R2", "R3", "R4"];

/** Custom clocks: one period as long as it takes, joining first and the whole debrief after. */
const CUSTOM_PLAN: Omit<LessonPlan, "id" | "clocks"> = { periods: [{ minutes: 0, parts: ["join", "play", "debrief"] }], joinMinutes: 5, briefingAtLeast: 10, debrief: { cards: "all", minutesPerCard: 3 }, printRoleCardsBeforehand: false };

export interface ScenarioChoice {
  id: string;
  title: string;
  dossiers: number;
  roles: number;
  /** Seconds the longest role card takes to read and think over (the plans' briefing). */
  readingSeconds: number;
  /** The scenario's own words explained, for the glossary. */
  glossary: { term: string; meaning: string }[];
  default: boolean;
}

export interface SetupState {
  tables: number;
  rules: RuleId[];
  preset: TimerPreset;
  custom: Timers;
  scenarios: ScenarioChoice[];
  scenario: string | null;
  sending: boolean;
  error: string | null;
}

export interface CreatedMatch {
  code: string;
  teacherToken: string;
  links: { join: string; teacher: string; projector: string };
}

export interface SetupSettings {
  classLabel: string;
  tables: number;
  rules: RuleId[];
  timerPreset: TimerPreset;
  timers?: Timers;
  bots: boolean;
  chair: "automatic" | "teacher";
  variants: { surveillance: boolean; lateInsertion: boolean; fellowships: "soft" | "hard" };
}

/** A preset's timing for the chosen scenario, and what the plan asks of the teacher. */
export interface LessonLength extends PlanTiming {
  preset: TimerPreset;
  joinMinutes: number;
  /** Seconds the longest card takes to read and think over, for a custom briefing that is shorter. */
  readingSeconds: number;
  printRoleCardsBeforehand: boolean;
  /** The debrief shows only some cards (a short debrief). */
  shortDebrief: boolean;
}

export class SetupController {
  state: SetupState = { tables: 1, rules: ["R1"], preset: "single-45", custom: planClocks(LESSON_PLANS["single-45"], 120), scenarios: [], scenario: null, sending: false, error: null };

  constructor(
    private readonly onChange: () => void,
    private readonly onCreated: (match: CreatedMatch) => void,
    private readonly apiBase: string,
    /** This browser's teacher key, if it has one. */
    private readonly teacherKey: string | null = null,
  ) {}

  /** Asks which scenarios there are (for the choice and the number of rounds). */
  async loadScenarios(): Promise<void> {
    try {
      const response = await fetch(new URL("api/scenarios", this.apiBase));
      const body = (await response.json()) as { scenarios?: ScenarioChoice[] };
      const scenarios = body.scenarios ?? [];
      this.state = { ...this.state, scenarios, scenario: this.state.scenario ?? scenarios.find((s) => s.default)?.id ?? scenarios[0]?.id ?? null };
    } catch (error) {
      this.state = { ...this.state, error: error instanceof Error ? error.message : String(error) };
    }
    this.onChange();
  }

  setScenario(id: string): void {
    this.state = { ...this.state, scenario: id };
    this.onChange();
  }

  setTables(tables: number): void {
    const count = Math.max(1, Math.min(6, Math.round(tables) || 1));
    const rules = Array.from({ length: count }, (_, i) => this.state.rules[i] ?? this.state.rules.at(-1) ?? "R1");
    this.state = { ...this.state, tables: count, rules };
    this.onChange();
  }

  setRule(table: number, rule: RuleId): void {
    const rules = [...this.state.rules];
    rules[table] = rule;
    this.state = { ...this.state, rules };
    this.onChange();
  }

  setPreset(preset: TimerPreset): void {
    // Custom clocks start from the plan the teacher had chosen, so a small change stays small.
    const from = this.length(this.state.preset);
    const custom = preset === "custom" && this.state.preset !== "custom" && from ? { ...from.clocks } : this.state.custom;
    this.state = { ...this.state, preset, custom };
    this.onChange();
  }

  setCustomTimer(phase: (typeof PHASES)[number], seconds: number): void {
    if (!Number.isFinite(seconds)) return;
    this.state = { ...this.state, custom: { ...this.state.custom, [phase]: Math.round(seconds) } };
    this.onChange();
  }

  /** A preset's length for the chosen scenario, computed from the same functions as the match's clocks; null before the scenarios arrive. */
  length(preset: TimerPreset = this.state.preset): LessonLength | null {
    const scenario = this.state.scenarios.find((s) => s.id === this.state.scenario);
    if (!scenario) return null;
    const facts = { rounds: scenario.dossiers, reading: scenario.readingSeconds, allCards: DEBRIEF_CARDS.length };
    if (preset === "custom") {
      const { briefing, ...clocks } = this.state.custom;
      const plan: LessonPlan = { ...CUSTOM_PLAN, id: "single-45", clocks, briefingAtLeast: briefing };
      const timing = planTiming(plan, { ...facts, reading: 0 });
      const minutes = Math.ceil((timing.playSeconds + timing.debriefSeconds) / 60) + plan.joinMinutes;
      const periods = timing.periods.map((p) => ({ ...p, minutes, spareSeconds: plan.joinMinutes * 60 }));
      return { ...timing, periods, preset, joinMinutes: plan.joinMinutes, readingSeconds: scenario.readingSeconds, printRoleCardsBeforehand: false, shortDebrief: false };
    }
    const plan = LESSON_PLANS[preset];
    return { ...planTiming(plan, facts), preset, joinMinutes: plan.joinMinutes, readingSeconds: scenario.readingSeconds, printRoleCardsBeforehand: plan.printRoleCardsBeforehand, shortDebrief: plan.debrief.cards !== "all" };
  }

  async create(settings: SetupSettings): Promise<void> {
    this.state = { ...this.state, sending: true, error: null };
    this.onChange();
    try {
      let created = await this.#post(settings, this.teacherKey);
      // A key this server does not know (another server's, or a wiped data folder): start a new one.
      if (created.status === 401 && this.teacherKey) created = await this.#post(settings, null);
      const body = created.body;
      if (!created.ok || body.error) throw new Error(body.error?.message ?? `HTTP ${created.status}`);
      this.state = { ...this.state, sending: false };
      this.onChange();
      this.onCreated(body);
    } catch (error) {
      this.state = { ...this.state, sending: false, error: error instanceof Error ? error.message : String(error) };
      this.onChange();
    }
  }

  async #post(settings: SetupSettings, key: string | null) {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (key) headers.authorization = `Bearer ${key}`;
    const response = await fetch(new URL("api/matches", this.apiBase), { method: "POST", headers, body: JSON.stringify({ settings, scenario: this.state.scenario ?? undefined }) });
    const body = (await response.json()) as CreatedMatch & { error?: { message: string } };
    return { ok: response.ok, status: response.status, body };
  }
}
