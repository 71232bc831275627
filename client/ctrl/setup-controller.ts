// The teacher's "new match" form: its state (how many tables, which timer preset, sending
// or failed) and one verb that asks the server for a match. The server validates the
// settings; a refusal comes back with its reason and is shown next to the form's button.
export type TimerPreset = "lesson-45" | "lesson-90" | "custom";
export type RuleId = "R1" | "R2" | "R3" | "R4";

export const PHASES = ["briefing", "travel", "negotiation", "decision", "outcome"] as const;
export const RULES: readonly RuleId[] = ["R1", "R2", "R3", "R4"];

export interface SetupState {
  tables: number;
  preset: TimerPreset;
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
  timers?: Record<(typeof PHASES)[number], number>;
  bots: boolean;
  chair: "automatic" | "teacher";
  variants: { surveillance: boolean; lateInsertion: boolean; fellowships: "soft" | "hard" };
}

export class SetupController {
  state: SetupState = { tables: 1, preset: "lesson-45", sending: false, error: null };

  constructor(
    private readonly onChange: () => void,
    private readonly onCreated: (match: CreatedMatch) => void,
    private readonly apiBase: string,
  ) {}

  setTables(tables: number): void {
    this.state = { ...this.state, tables: Math.max(1, Math.min(6, Math.round(tables) || 1)) };
    this.onChange();
  }

  setPreset(preset: TimerPreset): void {
    this.state = { ...this.state, preset };
    this.onChange();
  }

  async create(settings: SetupSettings): Promise<void> {
    this.state = { ...this.state, sending: true, error: null };
    this.onChange();
    try {
      const response = await fetch(new URL("api/matches", this.apiBase), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ settings }),
      });
      const body = (await response.json()) as CreatedMatch & { error?: { message: string } };
      if (!response.ok || body.error) throw new Error(body.error?.message ?? response.statusText);
      this.state = { ...this.state, sending: false };
      this.onChange();
      this.onCreated(body);
    } catch (error) {
      this.state = { ...this.state, sending: false, error: error instanceof Error ? error.message : String(error) };
      this.onChange();
    }
  }
}
