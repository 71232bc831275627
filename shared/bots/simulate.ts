// A whole bots-only match, headless: every bot acts on its own viewFor, through decide and
// applyEvent, on a fixed clock that jumps to each deadline and ticks. Same inputs → same record.
import type { DecisionRuleId, Scenario } from "../scenario/schema.js";
import { decide } from "../rules/decide.js";
import type { Actor, Command } from "../rules/commands.js";
import type { GameEvent } from "../rules/events.js";
import type { RecordedEvent } from "../replay/record.js";
import { applyEvent } from "../rules/evolve.js";
import type { RejectionCode } from "../rules/rejections.js";
import type { SettingsInput } from "../rules/settings.js";
import type { MatchState, PlayerId, RoleId } from "../rules/types.js";
import { viewFor } from "../rules/view.js";
import { nextRandom, shuffle } from "../random/rng.js";
import { createBot, type BotMemory } from "./memory.js";
import { nextIntent, type BotIntent } from "./policy.js";
import { scenarioProfiles, type BotProfile } from "./profiles.js";

export interface SimulationOptions {
  scenario: Scenario;
  seed: number;
  /** The rule of the (single) table; ignored when settings.rules is given. */
  rule?: DecisionRuleId;
  settings?: SettingsInput;
  /** Temperament overrides by role id, over the scenario's own (scenarioProfiles). */
  profiles?: Readonly<Record<RoleId, Partial<BotProfile>>>;
  /** Scales every role's capture tendency (scenarioProfiles); 1 by default. */
  temptation?: number;
  /** The automatic chair names in-person roles that tabled an option to the drafting group. */
  nameDrafters?: boolean;
  /** Epoch ms of the match's creation. */
  start?: number;
  /** Safety valve: intents a bot may send in one phase. */
  maxIntentsPerPhase?: number;
}

export interface BotAction {
  player: PlayerId;
  role: RoleId;
  table: number;
  round: number;
  phase: string;
  intent: BotIntent;
  accepted: boolean;
  rejection: RejectionCode | null;
}

export interface SimulationResult {
  state: MatchState;
  events: GameEvent[];
  /** The same events as a match record holds them: numbered, with the time and who acted. */
  recorded: RecordedEvent[];
  actions: BotAction[];
  /** Each bot's memory at the end (its drawn strategy included), by player id. */
  bots: Record<PlayerId, BotMemory>;
}

export const SIMULATION_START = Date.UTC(2026, 0, 5, 9, 0, 0);

const TEACHER: Actor = { kind: "teacher" };
const SYSTEM: Actor = { kind: "system" };

export function simulateMatch(options: SimulationOptions): SimulationResult {
  const { scenario, seed } = options;
  const settings: SettingsInput = options.settings ?? { rules: [options.rule ?? "R1"], bots: true, chair: "automatic" };
  const maxIntents = options.maxIntentsPerPhase ?? 40;
  let state: MatchState | null = null;
  let now = options.start ?? SIMULATION_START;
  const events: GameEvent[] = [];
  const recorded: RecordedEvent[] = [];
  const actions: BotAction[] = [];

  const run = (command: Command, actor: Actor) => {
    const verdict = decide(state, command, { actor, now });
    if (verdict.ok) {
      for (const e of verdict.events) {
        state = applyEvent(state, e);
        events.push(e);
        recorded.push({ seq: recorded.length + 1, at: now, actor, event: e });
      }
    }
    return verdict;
  };
  // A bot that had nothing to do is not asked again until the match has changed (it would say the same).
  const quietAt: Record<PlayerId, number> = {};
  const must = (command: Command, actor: Actor) => {
    const verdict = run(command, actor);
    if (!verdict.ok) throw new Error(`Simulation setup: ${command.type} was rejected (${verdict.rejection.code}).`);
  };
  const current = (): MatchState => state as unknown as MatchState;

  must({ type: "CreateMatch", matchId: `SIM${seed >>> 0}`, scenario, settings, seed }, SYSTEM);
  must({ type: "FillWithBots" }, TEACHER);
  const bots: Record<PlayerId, BotMemory> = {};
  const temperaments = scenarioProfiles(scenario, { temptation: options.temptation });
  for (const p of Object.values(current().players)) {
    const role = scenario.roles.find((r) => r.id === p.role);
    if (!role) continue;
    bots[p.id] = createBot(role, `${seed}/${p.table}`, { ...temperaments[role.id], ...options.profiles?.[role.id] });
  }
  must({ type: "StartMatch" }, TEACHER);

  let order = (seed ^ 0x5bd1e995) >>> 0;
  const ids = Object.keys(bots).sort();
  for (let guard = 0; guard < 1000 && current().status === "running"; guard++) {
    const s = current();
    if (options.nameDrafters !== false && s.phase === "decision") nameDrafters(s, run);
    const sent: Record<PlayerId, number> = {};
    for (let pass = 0; pass < maxIntents; pass++) {
      const shuffled = shuffle(ids, order);
      order = shuffled.state;
      let acted = false;
      for (const id of shuffled.items) {
        if ((sent[id] ?? 0) >= maxIntents || quietAt[id] === events.length) continue;
        const step = nextIntent(viewFor(current(), { kind: "player", id }), bots[id]!);
        bots[id] = step.memory;
        if (!step.intent) {
          quietAt[id] = events.length;
          continue;
        }
        acted = true;
        sent[id] = (sent[id] ?? 0) + 1;
        const before = current();
        const verdict = run(step.intent, { kind: "player", id });
        const player = before.players[id]!;
        actions.push({
          player: id,
          role: player.role ?? "",
          table: player.table ?? 0,
          round: before.round,
          phase: before.phase,
          intent: step.intent,
          accepted: verdict.ok,
          rejection: verdict.ok ? null : verdict.rejection.code,
        });
        // A second of table time per action, never past the deadline.
        const deadline = current().clock.deadline;
        if (deadline !== null && now + 1000 < deadline) now += 1000;
      }
      if (!acted) break;
    }
    const deadline = current().clock.deadline;
    if (deadline === null) break;
    now = Math.max(now, deadline);
    const tick = run({ type: "Tick" }, SYSTEM);
    if (!tick.ok) throw new Error(`Simulation: the clock tick was rejected (${tick.rejection.code}).`);
    order = nextRandom(order).state;
  }
  return { state: current(), events, recorded, actions, bots };
}

/** The automatic chair's drafting group: in-person roles that tabled an option, in tabling order, up to three. */
function nameDrafters(state: MatchState, run: (c: Command, a: Actor) => unknown): void {
  for (const table of state.tables) {
    const round = table.rounds[state.round];
    if (!round || round.drafting.length > 0) continue;
    const drafters = [...new Set(round.tabled.map((t) => t.by))].filter((r) => round.attendance[r]?.mode === "in-person").slice(0, 3);
    for (const role of drafters) run({ type: "NameDrafter", table: table.index, role, seated: true }, TEACHER);
  }
}
