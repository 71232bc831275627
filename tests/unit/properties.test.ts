// Property test: long random command sequences from random actors. After every accepted
// command the invariants hold: tokens conserved apart from spending, no negative balance,
// no corridor message or private payoff leaks into another role's view, state stays plain
// JSON, and folding the events again yields the same hash.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fold, hashState, viewFor, type Actor, type Command, type MatchState } from "../../shared/index.js";
import { Match, SYSTEM, TEACHER, defaultScenario, player, seatOf, smallScenario, tokenBalance } from "../helpers/engine.js";

const scenarios = { default: defaultScenario(), small: smallScenario() };

function arbitraryStep(roles: string[], options: string[]) {
  const role = fc.constantFrom(...roles);
  const option = fc.constantFrom(...options, "D1", "D2", "ZZ");
  const text = fc.oneof(fc.constantFrom("", " ", "hello", "x".repeat(600)), fc.string({ maxLength: 40 }));
  const command: fc.Arbitrary<Command> = fc.oneof(
    fc.record({ type: fc.constant("AdvancePhase" as const) }),
    fc.record({ type: fc.constant("Tick" as const) }),
    fc.record({ type: fc.constant("PauseClock" as const) }),
    fc.record({ type: fc.constant("ResumeClock" as const) }),
    fc.record({ type: fc.constant("ExtendClock" as const), seconds: fc.integer({ min: -5, max: 120 }) }),
    fc.record({ type: fc.constant("BookTravel" as const), mode: fc.constantFrom("in-person" as const, "remote" as const), delegates: fc.integer({ min: 0, max: 5 }) }),
    fc.record({ type: fc.constant("OfferFellowship" as const), to: role, programme: fc.boolean(), note: text }),
    fc.record({ type: fc.constant("AcceptFellowship" as const), fellowship: fc.constantFrom("f1", "f2", "f3", "f4", "f5", "f6") }),
    fc.record({ type: fc.constant("DeclineFellowship" as const), fellowship: fc.constantFrom("f1", "f2", "f3") }),
    fc.record({ type: fc.constant("WithdrawFellowship" as const), fellowship: fc.constantFrom("f1", "f2", "f3") }),
    fc.record({ type: fc.constant("GiveGrant" as const), to: role, amount: fc.integer({ min: -1, max: 15 }), note: text }),
    fc.record({ type: fc.constant("BuyBriefing" as const) }),
    fc.record({ type: fc.constant("MakeStatement" as const), text }),
    fc.record({ type: fc.constant("PostRemoteComment" as const), text }),
    fc.record({ type: fc.constant("SendCorridorMessage" as const), to: role, text }),
    fc.record({ type: fc.constant("TableOption" as const), option }),
    fc.record({ type: fc.constant("DeclarePosition" as const), option, stance: fc.constantFrom("support" as const, "live" as const, "object" as const) }),
    fc.record({ type: fc.constant("NameDrafter" as const), table: fc.constant(0), role, seated: fc.boolean() }),
    fc.record({ type: fc.constant("InsertRider" as const), option }),
    fc.record({ type: fc.constant("ObjectToRider" as const) }),
    fc.record({ type: fc.constant("CallConsensus" as const), table: fc.constant(0), option }),
    fc.record({ type: fc.constant("MutePlayer" as const), player: role.map(seatOf), muted: fc.boolean() }),
    fc.record({ type: fc.constant("PushNews" as const), text }),
  );
  const actor: fc.Arbitrary<Actor> = fc.oneof(
    { weight: 1, arbitrary: fc.constant(TEACHER) },
    { weight: 1, arbitrary: fc.constant(SYSTEM) },
    { weight: 8, arbitrary: role.map((r) => player(seatOf(r))) },
  );
  return fc.record({ command, actor, seconds: fc.integer({ min: 0, max: 200 }) });
}

function checkInvariants(state: MatchState, corridorTexts: Map<string, string>) {
  // Tokens: everything held plus everything spent equals everything received.
  for (const t of state.tables) {
    const b = tokenBalance(state, t.index);
    expect(b.held + b.spent).toBe(b.received);
    for (const d of Object.values(t.delegations)) expect(d.tokens).toBeGreaterThanOrEqual(0);
  }
  // Plain JSON.
  expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  // Views: nobody sees another role's corridor talk or private payoffs.
  for (const p of Object.values(state.players)) {
    if (!p.role) continue;
    const role = state.scenario.roles.find((r) => r.id === p.role)!;
    const view = viewFor(state, { kind: "player", id: p.id });
    const json = JSON.stringify(view);
    for (const c of view.tables.flatMap((t) => t.corridor)) {
      expect([c.from, c.to, c.interceptedBy]).toContain(p.role);
    }
    for (const c of state.tables[p.table!]!.corridor) {
      if (c.from !== p.role && c.to !== p.role && c.interceptedBy !== p.role) expect(json).not.toContain(corridorTexts.get(c.id));
    }
    if (state.status !== "ended") {
      for (const d of view.scenario.dossiers) for (const o of d.options) expect([o.payoffs, o.subScores, o.publicInterest]).toEqual([undefined, undefined, undefined]);
      expect(Object.keys(view.briefing!.allPayoffs).every((d) => role.knowledge.seesAllPayoffs.includes(d))).toBe(true);
      expect(view.briefing!.subScores.length).toBe(role.knowledge.seesSubScores.length);
    }
    expect(view.briefing!.role).toBe(p.role);
    expect(json).not.toContain('"rng"');
  }
  const projector = JSON.stringify(viewFor(state, { kind: "projector" }));
  if (state.status !== "ended") expect(projector).not.toContain('"payoffs"');
  for (const t of state.tables) for (const c of t.corridor) expect(projector).not.toContain(`"id":"${c.id}"`);
}

describe.each(Object.entries(scenarios))("random command sequences (%s scenario)", (_name, scenario) => {
  const roles = scenario.roles.map((r) => r.id);
  const options = scenario.dossiers.flatMap((d) => d.options.map((o) => o.id));
  it("keep every invariant after every accepted command", () => {
    fc.assert(
      fc.property(fc.array(arbitraryStep(roles, options), { minLength: 20, maxLength: 150 }), fc.integer({ min: 0, max: 2 ** 31 }), fc.boolean(), (steps, seed, surveillance) => {
        const m = new Match(scenario, { variants: { surveillance } }, seed).seatEveryone().start();
        const corridorTexts = new Map<string, string>();
        for (const step of steps) {
          m.wait(step.seconds);
          const v = m.run(step.command, step.actor);
          if (!v.ok) continue;
          for (const e of v.events) if (e.type === "CorridorMessageSent") corridorTexts.set(e.id, e.text);
          checkInvariants(m.s, corridorTexts);
        }
        expect(hashState(fold(m.events))).toBe(hashState(m.s));
        // Every prefix folds to a valid state too (the replay scrubs through them).
        for (let i = 1; i <= m.events.length; i += Math.max(1, Math.floor(m.events.length / 10))) expect(fold(m.events, i)).not.toBeNull();
      }),
      { numRuns: 60, seed: 20261129 },
    );
  });
});
