// The teacher's "new match" form: its state (which scenario, how many tables, which rule at
// each, which timer preset and custom times, sending or failed), the lesson's length computed
// from them, and the verbs that ask the server for a match or take a scenario file the teacher
// uploads. The server validates both; a refusal comes back with its reason (and, for a file,
// each field and its problem) and is shown beside the control. A new match and an upload reuse
// this browser's teacher key, so one key lists every match and every scenario of the teacher;
// an upload without a key gets one, which the page then keeps.
import { LESSON_PLANS, PLAN_IDS, planClocks, planTiming, type LessonPlan, type PlanId, type PlanTiming } from "../../shared/rules/lesson-plans.js";
import { PHASE_IDS, type Timers } from "../../shared/rules/settings.js";
import { debriefCards } from "../debrief/parts.js";
import type { ScenarioSummary } from "../../shared/protocol/scenarios.js";

/** A lesson plan, or the teacher's own clocks (played with the whole debrief). */
export type TimerPreset = PlanId | "custom";
export const PRESETS: readonly TimerPreset[] = [...PLAN_IDS, "custom"];
export type RuleId = "R1" | "R2" | "R3" | "R4";

export const PHASES = PHASE_IDS;
export const RULES: readonly RuleId[] = ["R1", "R2", "R3", "R4"];

/** Custom clocks: one period as long as it takes, joining first and the whole debrief after. */
const CUSTOM_PLAN: Omit<LessonPlan, "id" | "clocks"> = { periods: [{ minutes: 0, parts: ["join", "play", "debrief"] }], joinMinutes: 5, briefingAtLeast: 10, debrief: { cards: "all", minutesPerCard: 3 }, printRoleCardsBeforehand: false };

/** A scenario as GET /api/scenarios lists it: public facts only. */
export type ScenarioChoice = ScenarioSummary;

export interface UploadIssue {
  path: string;
  message: string;
}

/** Where the teacher's last scenario upload stands. */
export type UploadState =
  | { status: "idle" }
  | { status: "sending"; file: string }
  | { status: "done"; title: string; roles: number; dossiers: number; replaced: boolean; warnings: UploadIssue[] }
  | { status: "failed"; file: string; reason: string; issues: UploadIssue[] }
  | { status: "removed"; title: string };

export interface SetupState {
  tables: number;
  rules: RuleId[];
  preset: TimerPreset;
  custom: Timers;
  scenarios: ScenarioChoice[];
  scenario: string | null;
  upload: UploadState;
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
  state: SetupState = {
    tables: 1,
    rules: ["R1"],
    preset: "single-45",
    custom: planClocks(LESSON_PLANS["single-45"], 120),
    scenarios: [],
    scenario: null,
    upload: { status: "idle" },
    sending: false,
    error: null,
  };
  #key: string | null;

  constructor(
    private readonly onChange: () => void,
    private readonly onCreated: (match: CreatedMatch) => void,
    private readonly apiBase: string,
    /** This browser's teacher key, if it has one. */
    teacherKey: string | null = null,
    /** Keeps a teacher key the server gave this browser (an upload before any match). */
    private readonly onKey: (key: string) => void = () => {},
  ) {
    this.#key = teacherKey;
  }

  /** The scenario chosen now, with its public facts. */
  chosen(): ScenarioChoice | null {
    return this.state.scenarios.find((s) => s.id === this.state.scenario) ?? null;
  }

  /** The rules the chosen scenario offers (all four until the list has arrived). */
  offeredRules(): readonly RuleId[] {
    const offered = this.chosen()?.rules;
    return offered?.length ? RULES.filter((r) => offered.includes(r)) : RULES;
  }

  /** Asks which scenarios there are: the shipped ones and, with the teacher key, the teacher's uploads. */
  async loadScenarios(select?: string): Promise<void> {
    try {
      let response = await fetch(new URL("api/scenarios", this.apiBase), { headers: this.#auth(this.#key) });
      // A key this server does not know (another server's, or a wiped data folder): list the shipped ones.
      if (response.status === 401 && this.#key) response = await fetch(new URL("api/scenarios", this.apiBase));
      const body = (await response.json()) as { scenarios?: ScenarioChoice[]; error?: { message: string } };
      if (!response.ok) throw new Error(body.error?.message ?? `HTTP ${response.status}`);
      const scenarios = body.scenarios ?? [];
      const usable = (id: string | null | undefined) => (id && scenarios.some((s) => s.id === id && !s.problem) ? id : null);
      const scenario = usable(select) ?? usable(this.state.scenario) ?? scenarios.find((s) => s.default)?.id ?? scenarios[0]?.id ?? null;
      this.state = { ...this.state, scenarios, scenario };
      this.#keepRulesOffered();
    } catch (error) {
      this.state = { ...this.state, error: error instanceof Error ? error.message : String(error) };
    }
    this.onChange();
  }

  setScenario(id: string): void {
    this.state = { ...this.state, scenario: id };
    this.#keepRulesOffered();
    this.onChange();
  }

  /**
   * Sends a scenario file to the server. Kept: it joins the list, chosen, with the fields the
   * format ignored named. Refused: the reason and every field's problem, and nothing changes.
   */
  async upload(file: { name: string; text(): Promise<string> }): Promise<void> {
    this.state = { ...this.state, upload: { status: "sending", file: file.name } };
    this.onChange();
    try {
      const text = await file.text();
      let sent = await this.#postScenario(text, this.#key);
      if (sent.status === 401 && this.#key) sent = await this.#postScenario(text, null);
      const body = sent.body;
      if (!sent.ok || body.error || !body.scenario) {
        this.state = { ...this.state, upload: { status: "failed", file: file.name, reason: body.error?.message ?? `HTTP ${sent.status}`, issues: body.error?.issues ?? [] } };
        this.onChange();
        return;
      }
      if (body.teacherToken && body.teacherToken !== this.#key) {
        this.#key = body.teacherToken;
        this.onKey(body.teacherToken);
      }
      const { title, roles, dossiers } = body.scenario;
      this.state = { ...this.state, upload: { status: "done", title, roles, dossiers, replaced: body.replaced === true, warnings: body.warnings ?? [] } };
      await this.loadScenarios(body.scenario.id);
    } catch (error) {
      this.state = { ...this.state, upload: { status: "failed", file: file.name, reason: error instanceof Error ? error.message : String(error), issues: [] } };
      this.onChange();
    }
  }

  /** Removes one of the teacher's uploads from the server (matches already played keep their copy). */
  async removeUpload(id: string): Promise<void> {
    const scenario = this.state.scenarios.find((s) => s.id === id && s.origin === "uploaded");
    if (!scenario || !this.#key) return;
    const response = await fetch(new URL(`api/scenarios/${encodeURIComponent(id)}`, this.apiBase), { method: "DELETE", headers: this.#auth(this.#key) });
    if (!response.ok) {
      const body = (await response.json()) as { error?: { message: string } };
      this.state = { ...this.state, upload: { status: "failed", file: scenario.title, reason: body.error?.message ?? `HTTP ${response.status}`, issues: [] } };
      this.onChange();
      return;
    }
    this.state = { ...this.state, upload: { status: "removed", title: scenario.title }, scenario: this.state.scenario === id ? null : this.state.scenario };
    await this.loadScenarios();
  }

  setTables(tables: number): void {
    const count = Math.max(1, Math.min(6, Math.round(tables) || 1));
    const rules = Array.from({ length: count }, (_, i) => this.state.rules[i] ?? this.state.rules.at(-1) ?? "R1");
    this.state = { ...this.state, tables: count, rules };
    this.#keepRulesOffered();
    this.onChange();
  }

  /** Every table's rule is one the chosen scenario offers. */
  #keepRulesOffered(): void {
    const offered = this.offeredRules();
    if (this.state.rules.every((r) => offered.includes(r))) return;
    this.state = { ...this.state, rules: this.state.rules.map((r) => (offered.includes(r) ? r : offered[0]!)) };
  }

  #auth(key: string | null): Record<string, string> {
    return key ? { authorization: `Bearer ${key}` } : {};
  }

  async #postScenario(text: string, key: string | null) {
    const response = await fetch(new URL("api/scenarios", this.apiBase), { method: "POST", headers: { "content-type": "application/json", ...this.#auth(key) }, body: text });
    const body = (await response.json()) as {
      scenario?: ScenarioChoice;
      replaced?: boolean;
      warnings?: UploadIssue[];
      teacherToken?: string;
      error?: { message: string; issues?: UploadIssue[] };
    };
    return { ok: response.ok, status: response.status, body };
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
    const facts = { rounds: scenario.dossiers, reading: scenario.readingSeconds, allCards: debriefCards("all", this.state.tables).length };
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
      let created = await this.#post(settings, this.#key);
      // A key this server does not know (another server's, or a wiped data folder): start a new one.
      if (created.status === 401 && this.#key) created = await this.#post(settings, null);
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
