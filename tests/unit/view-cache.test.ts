// A view built with a ViewCache over copy-on-write states (as the room builds them) is the
// view built afresh, for every viewer after every command of random matches at two tables;
// a part the command did not touch keeps its identity; and what the cache assumes of
// decide() holds: no statement, corridor message, grant or news item changes what anyone may do.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decide, ViewCache, viewFor, type Actor, type Command, type MatchState, type Viewer } from "../../shared/index.js";
import { actionsFor } from "../../shared/rules/actions.js";
import { evolveShared } from "../../server/rooms/shared-state.js";
import { SYSTEM, T0, TEACHER, defaultScenario, player } from "../helpers/engine.js";

const scenario = defaultScenario();
const roles = scenario.roles.map((r) => r.id);
const seat = (role: string, table: number) => `${role.toLowerCase()}@${table}`;

function setup(): { state: MatchState; now: number } {
  let state: MatchState | null = null;
  const run = (command: Command, actor: Actor) => {
    const v = decide(state, command, { actor, now: T0 });
    if (!v.ok) throw new Error(`${command.type}: ${v.rejection.code}`);
    for (const e of v.events) state = evolveShared(state, e);
  };
  run({ type: "CreateMatch", matchId: "CACHE", scenario, settings: { tables: 2, rules: ["R1", "R3"], variants: { surveillance: true } }, seed: 3 }, SYSTEM);
  for (const table of [0, 1]) {
    for (const role of roles) {
      run({ type: "JoinMatch", playerId: seat(role, table), nickname: `${role} ${table}` }, player(seat(role, table)));
      run({ type: "AssignRole", player: seat(role, table), table, role }, TEACHER);
    }
  }
  run({ type: "JoinMatch", playerId: "late", nickname: "Late" }, player("late"));
  run({ type: "StartMatch" }, TEACHER);
  return { state: state!, now: T0 };
}

const step = () => {
  const role = fc.constantFrom(...roles);
  const option = fc.constantFrom("A1", "A2", "A3", "B1", "B2", "C1", "C2");
  const text = fc.constantFrom("hello", "we should talk", "");
  const command: fc.Arbitrary<Command> = fc.oneof(
    { weight: 3, arbitrary: fc.record({ type: fc.constant("AdvancePhase" as const) }) },
    fc.record({ type: fc.constant("BookTravel" as const), mode: fc.constantFrom("in-person" as const, "remote" as const) }),
    fc.record({ type: fc.constant("OfferFellowship" as const), to: role, programme: fc.boolean() }),
    fc.record({ type: fc.constant("AcceptFellowship" as const), fellowship: fc.constantFrom("f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8") }),
    fc.record({ type: fc.constant("GiveGrant" as const), to: role, amount: fc.integer({ min: 1, max: 3 }) }),
    fc.record({ type: fc.constant("BuyBriefing" as const) }),
    fc.record({ type: fc.constant("MakeStatement" as const), text }),
    fc.record({ type: fc.constant("PostRemoteComment" as const), text }),
    fc.record({ type: fc.constant("SendCorridorMessage" as const), to: role, text }),
    fc.record({ type: fc.constant("TableOption" as const), option }),
    fc.record({ type: fc.constant("DeclarePosition" as const), option, stance: fc.constantFrom("support" as const, "live" as const, "object" as const) }),
    fc.record({ type: fc.constant("InsertRider" as const), option: fc.constantFrom("R1", "R2", "X") }),
    fc.record({ type: fc.constant("ObjectToRider" as const) }),
    fc.record({ type: fc.constant("PauseClock" as const) }),
    fc.record({ type: fc.constant("ResumeClock" as const) }),
    fc.record({ type: fc.constant("PushNews" as const), text }),
    fc.record({ type: fc.constant("MutePlayer" as const), player: role.map((r) => seat(r, 0)), muted: fc.boolean() }),
    fc.record({ type: fc.constant("ShowDebriefCard" as const), card: fc.integer({ min: 0, max: 7 }) }),
    fc.record({ type: fc.constant("ShowNicknames" as const), shown: fc.boolean() }),
    fc.record({ type: fc.constant("RenamePlayer" as const), player: role.map((r) => seat(r, 1)), nickname: text }),
  );
  const actor: fc.Arbitrary<Actor> = fc.oneof({ weight: 1, arbitrary: fc.constant(TEACHER) }, { weight: 6, arbitrary: fc.tuple(role, fc.constantFrom(0, 1)).map(([r, t]) => player(seat(r, t))) });
  return fc.record({ command, actor, seconds: fc.integer({ min: 0, max: 100 }) });
};

const viewers: Viewer[] = [
  { kind: "teacher" },
  { kind: "projector" },
  { kind: "player", id: "late" },
  ...[0, 1].flatMap((t) => roles.map((r): Viewer => ({ kind: "player", id: seat(r, t) }))),
  { kind: "role", table: 1, role: "USG" },
];

/** The same state with nothing said or given: no statements, corridor talk, grants or news, other ids and generator. */
function withoutTalk(state: MatchState): MatchState {
  return {
    ...state,
    news: [],
    nextId: state.nextId + 1000,
    rng: (state.rng ^ 0x5bd1e995) >>> 0,
    tables: state.tables.map((t) => ({ ...t, statements: [], corridor: [], grants: [] })),
  };
}

const actors: ({ kind: "teacher" } | { kind: "player"; id: string })[] = [{ kind: "teacher" }, { kind: "player", id: seat("TECH", 0) }, { kind: "player", id: seat("CS-S", 1) }, { kind: "player", id: seat("USG", 1) }];

describe("views built with a cache", () => {
  it("equal the views built afresh, for every viewer after every command", () => {
    fc.assert(
      fc.property(fc.array(step(), { minLength: 20, maxLength: 80 }), (steps) => {
        let { state, now } = setup();
        const cache = new ViewCache();
        // Every run ends the match, so the views after the end (everything revealed) are checked too.
        for (const { command, actor, seconds } of [...steps, { command: { type: "EndMatch" } as Command, actor: TEACHER, seconds: 1 }, { command: { type: "ShowDebriefCard", card: 2 } as Command, actor: TEACHER, seconds: 1 }]) {
          now += seconds * 1000;
          const v = decide(state, command, { actor, now });
          if (!v.ok) continue;
          for (const e of v.events) state = evolveShared(state, e);
          for (const viewer of viewers) expect(viewFor(state, viewer, cache)).toEqual(viewFor(state, viewer));
          // What the cache assumes of decide(): talk, grants, news, ids and the generator never change a verdict.
          const silent = withoutTalk(state);
          for (const viewer of actors) expect(actionsFor(silent, viewer), `${JSON.stringify(viewer)} after ${command.type}`).toEqual(actionsFor(state, viewer));
        }
      }),
      { numRuns: 15, seed: 17 },
    );
  }, 120_000);

  it("reuse every part the command did not touch", () => {
    let { state } = setup();
    const cache = new ViewCache();
    const run = (command: Command, actor: Actor) => {
      const v = decide(state, command, { actor, now: T0 });
      if (!v.ok) throw new Error(`${command.type}: ${v.rejection.code}`);
      for (const e of v.events) state = evolveShared(state, e);
    };
    run({ type: "AdvancePhase" }, TEACHER);
    for (const t of [0, 1]) run({ type: "BookTravel", mode: "in-person" }, player(seat("TECH", t)));
    run({ type: "AdvancePhase" }, TEACHER);
    const usg: Viewer = { kind: "player", id: seat("USG", 1) };
    const before = viewFor(state, usg, cache);
    run({ type: "MakeStatement", text: "At table zero." }, player(seat("TECH", 0)));
    const after = viewFor(state, usg, cache);
    expect(after.tables[0]!.statements).toHaveLength(1);
    expect(after.tables[0]).not.toBe(before.tables[0]);
    for (const k of ["tables", "scenario", "players", "news", "briefing", "settings", "clock"] as const) if (k !== "tables") expect(after[k]).toBe(before[k]);
    expect(after.tables[1]).toBe(before.tables[1]);
    expect(after.tables[0]!.rounds).toEqual(before.tables[0]!.rounds);
    expect(after.tables[0]!.rounds[0]).toBe(before.tables[0]!.rounds[0]);
  });
});
