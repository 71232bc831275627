// The teacher's "new match" form: its state (how many tables, which rule at each, which timer
// preset and custom times, sending or failed), the lesson's length computed from them, and one
// verb that asks the server for a match. The server validates the settings; a refusal comes
// back with its reason and is shown next to the form's button. A new match reuses this
// browser's teacher key, so one key lists every match the teacher opens.
import { PHASE_IDS, TIMER_PRESETS, type Timers } from "../../shared/rules/settings.js";

export type TimerPreset = "lesson-45" | "lesson-90" | "custom";
export type RuleId = "R1" | "R2" | "R3" | "R4";

export const PHASES = PHASE_IDS;
export const RULES: readonly RuleId[] = ["R1", "R2", "R3", "R4"];

/** Minutes a class needs around the rounds: joining and roles before, the debrief after. */
export const SETUP_MINUTES = 5;
export const DEBRIEF_MINUTES = 10;

export interface ScenarioChoice {
  id: string;
  title: string;
  dossiers: number;
  roles: number;
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

export interface LessonLength {
  /** Seconds of one round: the five phases' clocks. */
  roundSeconds: number;
  rounds: number;
  /** Seconds of all rounds. */
  playSeconds: number;
  /** Minutes with joining and the debrief, rounded up. */
  lessonMinutes: number;
}

export class SetupController {
  state: SetupState = { tables: 1, rules: ["R1"], preset: "lesson-45", custom: { ...TIMER_PRESETS["lesson-45"] }, scenarios: [], scenario: null, sending: false, error: null };

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
    this.state = { ...this.state, preset };
    this.onChange();
  }

  setCustomTimer(phase: (typeof PHASES)[number], seconds: number): void {
    if (!Number.isFinite(seconds)) return;
    this.state = { ...this.state, custom: { ...this.state.custom, [phase]: Math.round(seconds) } };
    this.onChange();
  }

  timers(): Timers {
    return this.state.preset === "custom" ? this.state.custom : TIMER_PRESETS[this.state.preset];
  }

  /** The lesson's length from the clocks and the scenario's rounds: computed, never guessed. */
  length(): LessonLength | null {
    const scenario = this.state.scenarios.find((s) => s.id === this.state.scenario);
    if (!scenario) return null;
    const roundSeconds = PHASES.reduce((sum, phase) => sum + this.timers()[phase], 0);
    const playSeconds = roundSeconds * scenario.dossiers;
    return { roundSeconds, rounds: scenario.dossiers, playSeconds, lessonMinutes: Math.ceil(playSeconds / 60) + SETUP_MINUTES + DEBRIEF_MINUTES };
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
