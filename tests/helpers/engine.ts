// A small given-when-then harness over the pure engine: a fixed clock, fixed seed, and one
// player per role whose id is the role id in lower case ("tech", "cs-s", ...).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadScenario } from "../../server/scenarios/index.js";
import {
  applyEvent,
  decide,
  parseScenario,
  type Actor,
  type Command,
  type GameEvent,
  type MatchState,
  type RecordedEvent,
  type RejectionCode,
  type Scenario,
  type SettingsInput,
  type Verdict,
} from "../../shared/index.js";

export const T0 = Date.UTC(2026, 10, 29, 9, 0, 0);
export const TEACHER: Actor = { kind: "teacher" };
export const SYSTEM: Actor = { kind: "system" };
export const player = (id: string): Actor => ({ kind: "player", id });
export const seatOf = (role: string) => role.toLowerCase();

export function defaultScenario(): Scenario {
  return loadScenario();
}

export function smallScenario(): Scenario {
  const path = fileURLToPath(new URL("../fixtures/five-roles.json", import.meta.url));
  return parseScenario(JSON.parse(readFileSync(path, "utf8")));
}

export class Match {
  state: MatchState | null = null;
  events: GameEvent[] = [];
  now = T0;
  /** Commands that were accepted, with their actor and time, for replays of the same match. */
  log: { command: Command; actor: Actor; now: number }[] = [];
  /** The events as the server records them: numbered, with the time and who acted. */
  recorded: RecordedEvent[] = [];

  constructor(
    readonly scenario: Scenario = defaultScenario(),
    settings: SettingsInput = {},
    seed = 7,
  ) {
    this.ok({ type: "CreateMatch", matchId: "TEST1", scenario, settings, seed }, SYSTEM);
  }

  get s(): MatchState {
    if (!this.state) throw new Error("no match");
    return this.state;
  }

  /** Runs a command; applies its events when accepted. Returns the verdict. */
  run(command: Command, actor: Actor = TEACHER): Verdict {
    const verdict = decide(this.state, command, { actor, now: this.now });
    if (verdict.ok) {
      for (const e of verdict.events) {
        this.state = applyEvent(this.state, e);
        this.events.push(e);
        this.recorded.push({ seq: this.recorded.length + 1, at: this.now, actor, event: e });
      }
      this.log.push({ command, actor, now: this.now });
    }
    return verdict;
  }

  ok(command: Command, actor: Actor = TEACHER): GameEvent[] {
    const v = this.run(command, actor);
    if (!v.ok) throw new Error(`${command.type} was rejected: ${v.rejection.code} — ${v.rejection.message}`);
    return v.events;
  }

  rejected(command: Command, actor: Actor = TEACHER): RejectionCode {
    const v = this.run(command, actor);
    if (v.ok) throw new Error(`${command.type} was accepted: ${v.events.map((e) => e.type).join(", ")}`);
    return v.rejection.code;
  }

  as(role: string, command: Command): GameEvent[] {
    return this.ok(command, player(seatOf(role)));
  }

  rejectedAs(role: string, command: Command): RejectionCode {
    return this.rejected(command, player(seatOf(role)));
  }

  /** One player per role at table 0 (and more tables when asked), each seated by hand. */
  seatEveryone(roles: readonly string[] = this.scenario.roles.map((r) => r.id), table = 0): this {
    for (const role of roles) {
      const id = table === 0 ? seatOf(role) : `${seatOf(role)}@${table}`;
      this.ok({ type: "JoinMatch", playerId: id, nickname: `${role} player` }, player(id));
      this.ok({ type: "AssignRole", player: id, table, role });
    }
    return this;
  }

  start(): this {
    this.ok({ type: "StartMatch" });
    return this;
  }

  /** Skips phases (as the teacher) until the match is in `phase` of round `round`. */
  skipTo(phase: MatchState["phase"], round = this.s.round < 0 ? 0 : this.s.round): this {
    for (let guard = 0; guard < 50; guard++) {
      if (this.s.phase === phase && this.s.round === round) return this;
      this.wait(1);
      this.ok({ type: "AdvancePhase" });
    }
    throw new Error(`never reached ${phase} of round ${round}`);
  }

  wait(seconds: number): this {
    this.now += seconds * 1000;
    return this;
  }

  tokens(role: string, table = 0): number {
    return this.s.tables[table]!.delegations[role]!.tokens;
  }

  round(table = 0) {
    return this.s.tables[table]!.rounds[this.s.round]!;
  }
}

/** Total tokens in play plus everything spent out of the game: must equal all income received. */
export function tokenBalance(state: MatchState, table = 0): { held: number; spent: number; received: number } {
  const ds = Object.values(state.tables[table]!.delegations);
  return {
    held: ds.reduce((a, d) => a + d.tokens, 0),
    spent: ds.reduce((a, d) => a + d.spent, 0),
    received: ds.reduce((a, d) => a + d.received, 0),
  };
}
