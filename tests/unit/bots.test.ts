// Bots: deterministic for a seed, blind to everything their seat may not see, and able to
// play whole matches under every rule without a crash or a stall.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, expectTypeOf, it } from "vitest";
import { debrief } from "../../shared/analysis/debrief.js";
import {
  BOT_LINES_EN,
  createBot,
  nextIntent,
  paceDelay,
  PACE_MS,
  pickLine,
  scenarioProfiles,
  simulateMatch,
  votingPower,
  type BotMemory,
  type SimulationResult,
} from "../../shared/bots/index.js";
import {
  applyEvent,
  cloneState,
  decide,
  hashState,
  LIMITS,
  REJECTIONS,
  viewFor,
  type Command,
  type DecisionRuleId,
  type GameEvent,
  type MatchState,
  type MatchView,
  type Scenario,
} from "../../shared/index.js";
import { loadScenario, scenarioIds } from "../../server/scenarios/index.js";
import { Match, defaultScenario, smallScenario } from "../helpers/engine.js";

const RULES: DecisionRuleId[] = ["R1", "R2", "R3", "R4"];
const ACTING_PHASES = ["briefing", "travel", "negotiation", "decision"] as const;
/** Whole simulated matches take a few dozen milliseconds each; allow for a busy machine. */
const SLOW = 240_000;

function play(rule: DecisionRuleId, seed: number, scenario: Scenario = defaultScenario()): SimulationResult {
  return simulateMatch({ scenario, rule, seed });
}

/** The state after the first `count` events of a record. */
function stateAt(events: readonly GameEvent[], count: number): MatchState {
  let s: MatchState | null = null;
  for (const e of events.slice(0, count)) s = applyEvent(s, e);
  return s!;
}

/** A fresh bot for every seat: a valid memory at any moment of a match. */
function botsFor(state: MatchState, seed: number): Record<string, BotMemory> {
  const bots: Record<string, BotMemory> = {};
  for (const p of Object.values(state.players)) {
    const role = state.scenario.roles.find((r) => r.id === p.role)!;
    bots[p.id] = createBot(role, seed, scenarioProfiles(state.scenario)[role.id]);
  }
  return bots;
}

/**
 * Everything a seat must not know, changed: other roles' payoffs on undecided dossiers (except
 * where this role reads all payoffs), public-interest scores, rider payoffs, other roles'
 * fellowships, grants and corridor talk, and the match's own generator.
 */
function perturbSecrets(state: MatchState, role: string): MatchState {
  const s = cloneState(state);
  const me = s.scenario.roles.find((r) => r.id === role)!;
  const scenario: Scenario = JSON.parse(JSON.stringify(s.scenario)) as Scenario;
  scenario.dossiers.forEach((d, i) => {
    const decided = s.tables.some((t) => t.rounds[i]?.decision);
    for (const o of d.options) {
      o.subScores = o.subScores.map((x, k) => (me.knowledge.seesSubScores.some((v) => v.dossier === d.id && v.index === k) ? x : 10 - x));
      if (decided || me.knowledge.seesAllPayoffs.includes(d.id)) continue;
      for (const r of Object.keys(o.payoffs)) if (r !== role) o.payoffs[r] = -(o.payoffs[r] ?? 0);
    }
  });
  for (const o of scenario.rider?.options ?? []) for (const r of Object.keys(o.payoffs)) if (r !== role) o.payoffs[r] = 3;
  s.scenario = scenario;
  s.rng = (s.rng ^ 0xdeadbeef) >>> 0;
  for (const t of s.tables) {
    t.corridor = t.corridor.map((c) => (c.from === role || c.to === role || c.interceptedBy === role ? c : { ...c, text: "a secret deal" }));
    t.fellowships = t.fellowships.filter((f) => f.from === role || f.to === role || f.status === "accepted");
    t.grants = t.grants.map((g) => (g.from === role || g.to === role ? g : { ...g, note: "hush money" }));
  }
  return s;
}

/** Fields of a view a bot may read but must not be steered by: names, ids, free texts of others. */
function perturbNoise(view: MatchView): MatchView {
  const v = JSON.parse(JSON.stringify(view)) as MatchView;
  v.matchId = "ELSEWHERE";
  v.settings.classLabel = "another class";
  v.players = v.players.map((p) => ({ ...p, nickname: `someone ${p.id}` }));
  if (v.me) v.me = { ...v.me, nickname: "renamed" };
  v.news = [{ id: "n0", text: "Breaking: nothing happened.", at: 0 }];
  for (const t of v.tables) t.statements = t.statements.map((s) => ({ ...s, text: "blah" }));
  return v;
}

describe("bots are deterministic for a seed", () => {
  it("replays the same match, event for event, from the same seed", () => {
    const a = play("R2", 11);
    const b = play("R2", 11);
    expect(b.events).toEqual(a.events);
    expect(hashState(b.state)).toBe(hashState(a.state));
  });

  it("plays differently from a different seed", () => {
    const a = play("R2", 11);
    const b = play("R2", 12);
    expect(JSON.stringify(b.events)).not.toBe(JSON.stringify(a.events));
  });

  it("gives the same intent and memory for the same view and memory", () => {
    const run = play("R1", 5);
    const state = stateAt(run.events, Math.floor(run.events.length / 2));
    for (const [id, memory] of Object.entries(botsFor(state, 5))) {
      const view = viewFor(state, { kind: "player", id });
      expect(nextIntent(view, memory)).toEqual(nextIntent(view, memory));
    }
  });

  it("draws its strategy from its seed: same seed, same strategy; many seeds, both strategies", () => {
    const tech = { id: "TECH" };
    const temperament = scenarioProfiles(defaultScenario()).TECH;
    expect(createBot(tech, 3, temperament)).toEqual(createBot(tech, 3, temperament));
    const patrons = new Set(Array.from({ length: 40 }, (_, i) => createBot(tech, i, temperament).strategy.patron));
    expect(patrons).toEqual(new Set([true, false]));
  });
});

describe("bots never see more than their role may see", () => {
  it("takes a MatchView (what viewFor gives a seat) and nothing else", () => {
    expectTypeOf(nextIntent).parameter(0).toEqualTypeOf<MatchView>();
    expectTypeOf(nextIntent).parameters.toEqualTypeOf<[MatchView, BotMemory]>();
  });

  it("has no way to reach the match state: only the simulation runner touches it", () => {
    const dir = fileURLToPath(new URL("../../shared/bots/", import.meta.url));
    const files = readdirSync(dir).filter((f) => f.endsWith(".ts") && f !== "simulate.ts" && f !== "index.ts");
    expect(files).toContain("policy.ts");
    for (const file of files) {
      const source = readFileSync(dir + file, "utf8");
      expect(source, file).not.toMatch(/\bMatchState\b|\bviewFor\b|\bdecide\b|\bapplyEvent\b|\bevolve\b|Math\.random|Date\.now/);
    }
  });

  it("decides the same when every secret of other seats is changed in the match state", () => {
    const run = play("R2", 21);
    let checked = 0;
    // Sample moments across the whole match: each phase of each round.
    const moments = run.events.flatMap((e, i) => (e.type === "PhaseChanged" ? [i + 1, i + 6, i + 15] : []));
    for (const count of moments) {
      if (count > run.events.length) continue;
      const state = stateAt(run.events, count);
      for (const [id, memory] of Object.entries(botsFor(state, 21))) {
        const role = state.players[id]!.role!;
        const honest = nextIntent(viewFor(state, { kind: "player", id }), memory);
        const blind = nextIntent(viewFor(perturbSecrets(state, role), { kind: "player", id }), memory);
        expect(blind).toEqual(honest);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  }, SLOW);

  it("decides the same when names, ids and other people's words are changed in its view", () => {
    const run = play("R1", 8);
    const moments = run.events.flatMap((e, i) => (e.type === "PhaseChanged" ? [i + 4] : []));
    for (const count of moments) {
      const state = stateAt(run.events, Math.min(count, run.events.length));
      for (const [id, memory] of Object.entries(botsFor(state, 8))) {
        const view = viewFor(state, { kind: "player", id });
        expect(nextIntent(perturbNoise(view), memory).intent).toEqual(nextIntent(view, memory).intent);
      }
    }
  });

  it("does not change the view it is given", () => {
    const run = play("R3", 2);
    const state = stateAt(run.events, Math.floor(run.events.length / 3));
    for (const [id, memory] of Object.entries(botsFor(state, 2))) {
      const view = viewFor(state, { kind: "player", id });
      const before = JSON.stringify(view);
      nextIntent(view, memory);
      expect(JSON.stringify(view)).toBe(before);
    }
  });

  it("stays quiet with a view that holds no seat (projector, lobby, ended match)", () => {
    const run = play("R1", 3);
    const memory = createBot({ id: "TECH" }, 1, scenarioProfiles(defaultScenario()).TECH);
    expect(nextIntent(viewFor(stateAt(run.events, Math.floor(run.events.length / 2)), { kind: "projector" }), memory).intent).toBeNull();
    expect(nextIntent(viewFor(stateAt(run.events, 3), { kind: "player", id: "bot1" }), memory).intent).toBeNull();
    expect(nextIntent(viewFor(run.state, { kind: "player", id: "bot1" }), memory).intent).toBeNull();
  });
});

describe("a bots-only match", () => {
  const cases = [
    ...RULES.map((rule) => ({ name: `the default scenario under ${rule}`, rule, scenario: defaultScenario })),
    ...RULES.map((rule) => ({ name: `the five-role scenario under ${rule}`, rule, scenario: smallScenario })),
  ];

  it.each(cases)("plays $name to the end, every intent accepted or politely refused, no phase idle", ({ rule, scenario }) => {
    for (const seed of [1, 2, 3]) {
      const sc = scenario();
      const run = play(rule, seed, sc);
      const ended = run.events.at(-1);
      expect(ended).toMatchObject({ type: "MatchEnded", reason: "finished" });
      const table = run.state.tables[0]!;
      expect(table.rounds.map((r) => r.decision !== null)).toEqual(sc.dossiers.map(() => true));
      for (const a of run.actions) {
        if (!a.accepted) expect(Object.keys(REJECTIONS)).toContain(a.rejection);
      }
      // Every phase in which a delegation can act sees bots acting; the outcome phase is for reading.
      for (let round = 0; round < sc.dossiers.length; round++) {
        for (const phase of ACTING_PHASES) {
          expect(run.actions.some((a) => a.accepted && a.round === round && a.phase === phase), `${rule} seed ${seed}: round ${round} ${phase}`).toBe(true);
        }
      }
    }
  }, SLOW);

  it("answers stale or out-of-turn intents with a rejection, never a crash", () => {
    // Each bot is asked on a view from an earlier phase, and its intent is judged against the present.
    const run = play("R2", 4);
    const phases = run.events.flatMap((e, i) => (e.type === "PhaseChanged" ? [i + 1] : []));
    const codes = new Set<string>();
    for (let k = 1; k < phases.length; k++) {
      const stale = stateAt(run.events, phases[k - 1]!);
      const present = stateAt(run.events, phases[k]!);
      for (const [id, memory] of Object.entries(botsFor(stale, 4))) {
        const { intent } = nextIntent(viewFor(stale, { kind: "player", id }), memory);
        if (!intent) continue;
        const verdict = (() => {
          try {
            return decideFor(present, intent, id);
          } catch (e) {
            return { crashed: String(e) };
          }
        })();
        expect(verdict).not.toHaveProperty("crashed");
        if ("rejection" in verdict) codes.add(verdict.rejection.code);
      }
    }
    expect(codes.size).toBeGreaterThan(0);
    for (const code of codes) expect(Object.keys(REJECTIONS)).toContain(code);
  }, SLOW);

  it("keeps every text within the engine's limits", () => {
    const run = play("R1", 9);
    for (const a of run.actions) {
      const i = a.intent;
      if (i.type === "MakeStatement") expect(i.text.length).toBeLessThanOrEqual(LIMITS.statement);
      if (i.type === "PostRemoteComment") expect(i.text.length).toBeLessThanOrEqual(LIMITS.remoteComment);
      if (i.type === "SendCorridorMessage") expect(i.text.length).toBeLessThanOrEqual(LIMITS.corridor);
      if ((i.type === "OfferFellowship" || i.type === "GiveGrant") && i.note) expect(i.note.length).toBeLessThanOrEqual(LIMITS.note);
    }
    expect(run.actions.some((a) => a.intent.type === "MakeStatement")).toBe(true);
  });
});

describe("temperaments come from a role's data, for any scenario", () => {
  const shipped = () => scenarioIds().map((id) => loadScenario(id));

  it("gives every role of every shipped scenario and the fixture a temperament: the rich fund, the poor are tempted, more the poorer", () => {
    for (const scenario of [...shipped(), smallScenario()]) {
      const profiles = scenarioProfiles(scenario);
      expect(Object.keys(profiles).sort()).toEqual(scenario.roles.map((r) => r.id).sort());
      const richest = scenario.roles.reduce((a, r) => (r.income > a.income ? r : a));
      expect(profiles[richest.id]!.patronRate, `${scenario.id}: ${richest.id} funds`).toBeGreaterThan(0);
      const tempted = scenario.roles.filter((r) => r.income < 3 * scenario.travel.costPerDelegate && !scenario.bots[r.id]?.captureTendency);
      for (const a of tempted)
        for (const b of tempted) if (a.income < b.income) expect(profiles[a.id]!.susceptibility, `${scenario.id}: ${a.id} is poorer than ${b.id}`).toBeGreaterThanOrEqual(profiles[b.id]!.susceptibility);
      expect(profiles[richest.id]!.captureTendency).toBeLessThan(Math.max(...tempted.map((r) => profiles[r.id]!.captureTendency)));
    }
  });

  it("takes the file's overrides over what is derived, and --temptation scales every role of every scenario", () => {
    const scenario = loadScenario("whose-internet-net-neutrality");
    const south = Object.entries(scenario.bots).find(([, t]) => t.captureTendency !== undefined)!;
    expect(scenarioProfiles(scenario)[south[0]]!.captureTendency).toBe(south[1].captureTendency);
    const without = { ...scenario, bots: {} };
    expect(scenarioProfiles(without)[south[0]]!.captureTendency).not.toBe(south[1].captureTendency);
    for (const s of [...shipped(), smallScenario()]) {
      expect(Object.values(scenarioProfiles(s, { temptation: 0 })).map((p) => p.captureTendency)).toEqual(s.roles.map(() => 0));
      const doubled = scenarioProfiles(s, { temptation: 2 });
      for (const [id, p] of Object.entries(scenarioProfiles(s))) expect(doubled[id]!.captureTendency).toBeCloseTo(Math.min(1, 2 * p.captureTendency), 9);
    }
  });

  it("marks nobody in the second scenario when nobody can be won over, under every rule", () => {
    const scenario = loadScenario("whose-internet-net-neutrality");
    for (const rule of RULES) for (let seed = 0; seed < 4; seed++) expect(debrief(simulateMatch({ scenario, rule, seed, temptation: 0 }).events).tables[0]!.marks).toEqual([]);
  }, SLOW);
});

describe("capture is a tendency, not a certainty", () => {
  it("is never flagged when no bot can be won over, and flagged in some games but not all at the default temptation", () => {
    const scenario = defaultScenario();
    const incorruptible = Object.fromEntries(scenario.roles.map((r) => [r.id, { captureTendency: 0 }]));
    let flaggedDefault = 0;
    const games = 16;
    for (let seed = 0; seed < games; seed++) {
      const clean = simulateMatch({ scenario, rule: "R2", seed, profiles: incorruptible });
      expect(debrief(clean.events).tables[0]!.marks).toEqual([]);
      if (debrief(play("R2", seed, scenario).events).tables[0]!.marks.length > 0) flaggedDefault++;
    }
    expect(flaggedDefault).toBeGreaterThan(0);
    expect(flaggedDefault).toBeLessThan(games);
  }, SLOW);

  it("makes a won-over guest support its funder's option even against its own payoff", () => {
    const scenario = defaultScenario();
    const pliant = Object.fromEntries(scenario.roles.map((r) => [r.id, { captureTendency: 1, susceptibility: 1 }]));
    const marks = [1, 2, 3].flatMap((seed) => debrief(simulateMatch({ scenario, rule: "R2", seed, profiles: pliant }).events).tables[0]!.marks);
    expect(marks.length).toBeGreaterThan(0);
    for (const m of marks) for (const b of m.better) expect(m.payoff).toBeLessThan(b.payoff);
  }, SLOW);
});

describe("fellowship offers follow the variant, as a student's form does", () => {
  const offersOf = (fellowships: "soft" | "hard", rule: DecisionRuleId, seed: number) => {
    const run = simulateMatch({ scenario: defaultScenario(), seed, settings: { rules: [rule], bots: true, chair: "automatic", variants: { surveillance: false, lateInsertion: true, fellowships } } });
    return { run, offers: run.events.filter((e): e is Extract<GameEvent, { type: "FellowshipOffered" }> => e.type === "FellowshipOffered") };
  };

  it("never names an expected option in the soft variant (no strings written down), so the debrief reads none", () => {
    let offers = 0;
    for (const rule of ["R1", "R2"] as const) {
      for (const seed of [1, 2, 3, 4]) {
        const { run, offers: soft } = offersOf("soft", rule, seed);
        offers += soft.length;
        for (const o of soft) expect(o, `${rule} seed ${seed}: offer ${o.id}`).toMatchObject({ expects: null });
        for (const m of debrief(run.events).tables[0]!.money) expect(m.payment.expects).toBeNull();
      }
    }
    // Bots did offer fellowships: the rule was tested, not skipped.
    expect(offers).toBeGreaterThan(0);
  }, SLOW);

  it("always names one in the hard variant, where the form asks every sponsor to", () => {
    let offers = 0;
    for (const seed of [1, 2]) {
      const { offers: hard } = offersOf("hard", "R2", seed);
      offers += hard.length;
      for (const o of hard) expect(o.expects, `seed ${seed}: offer ${o.id}`).not.toBeNull();
    }
    expect(offers).toBeGreaterThan(0);
  }, SLOW);
});

describe("bots weigh votes as the rule does", () => {
  it("under the multilateral rule, a government speaking for a bloc counts its bloc votes", () => {
    const governments = defaultScenario().roles.filter((r) => r.group === "government").map((r) => r.id);
    const powerOf = (scenario: Scenario, role: string) => {
      const m = new Match(scenario, { rules: ["R4"] }).seatEveryone().start();
      return votingPower(viewFor(m.s, { kind: "player", id: "ldc" }), "R4", governments, role);
    };
    // One state, one vote: every government weighs the same.
    expect(powerOf(defaultScenario(), "LDC")).toBeCloseTo(powerOf(defaultScenario(), "EMG"));
    // LDC speaking for a bloc of three outweighs EMG's single vote.
    const bloc = defaultScenario();
    bloc.roles = bloc.roles.map((r) => (r.id === "LDC" ? { ...r, abilities: { ...r.abilities, blocVotes: 3 } } : r));
    expect(powerOf(bloc, "LDC")).toBeGreaterThan(powerOf(bloc, "EMG"));
  });
});

describe("pace and lines", () => {
  it("waits a human-like, seeded time live and nothing in a simulation", () => {
    const a = paceDelay({ type: "MakeStatement" }, 42);
    expect(paceDelay({ type: "MakeStatement" }, 42)).toEqual(a);
    const [low, high] = PACE_MS.MakeStatement;
    expect(a.ms).toBeGreaterThanOrEqual(low);
    expect(a.ms).toBeLessThanOrEqual(high);
    expect(paceDelay({ type: "MakeStatement" }, 42, "instant")).toEqual({ ms: 0, rng: 42 });
    const delays = new Set(Array.from({ length: 10 }, (_, i) => paceDelay({ type: "DeclarePosition" }, i).ms));
    expect(delays.size).toBeGreaterThan(1);
  });

  it("says its corridor lines by code as well: the line's English is the text, the option one of that round's, seen only where the message is", () => {
    const said: { event: Extract<GameEvent, { type: "CorridorMessageSent" }>; run: SimulationResult }[] = [];
    for (let seed = 1; said.length < 3 && seed <= 12; seed++) {
      const run = play("R1", seed);
      for (const e of run.events) if (e.type === "CorridorMessageSent") said.push({ event: e, run });
    }
    expect(said.length, "bots talk in the corridor").toBeGreaterThan(0);
    for (const { event, run } of said) {
      const line = event.line!;
      expect(line, event.text).toBeDefined();
      const round = run.state.tables[0]!.corridor.find((c) => c.id === event.id)!.round;
      const option = run.state.scenario.dossiers[round]!.options.find((o) => o.id === line.option);
      expect(option, `${line.option} is an option of round ${round + 1}`).toBeDefined();
      expect(event.text).toBe(BOT_LINES_EN[line.key][line.variant]!.replace("{option}", option!.title));
      // Every seat's view holds the line exactly where it holds the message.
      for (const seat of Object.keys(run.state.players)) {
        const view = viewFor(run.state, { kind: "player", id: seat });
        const heard = view.tables.flatMap((t) => t.corridor).find((c) => c.id === event.id);
        const role = run.state.players[seat]!.role;
        expect(Boolean(heard), `${seat} hears ${event.id}`).toBe(role === event.from || role === event.to || role === event.interceptedBy);
        if (heard) expect(heard.line).toEqual(line);
      }
      expect(JSON.stringify(viewFor(run.state, { kind: "projector" }))).not.toContain(event.id);
    }
  }, SLOW);

  it("refuses a corridor line by code from a person: only bots speak from the catalog", () => {
    const m = new Match().seatEveryone(["TECH", "EU"]).start().skipTo("travel");
    m.as("TECH", { type: "BookTravel", mode: "in-person" });
    m.as("EU", { type: "BookTravel", mode: "in-person" });
    m.skipTo("negotiation");
    const option = m.s.scenario.dossiers[0]!.options[0]!.id;
    expect(m.rejectedAs("TECH", { type: "SendCorridorMessage", to: "EU", text: "Hello", line: { key: "corridor.ask", variant: 0, option } })).toBe("bad-input");
    expect(m.as("TECH", { type: "SendCorridorMessage", to: "EU", text: "Hello" })).toMatchObject([{ type: "CorridorMessageSent", text: "Hello" }]);
  });

  it("fills every line of the catalog, picking a variant with the bot's generator", () => {
    for (const key of Object.keys(BOT_LINES_EN) as (keyof typeof BOT_LINES_EN)[]) {
      const { text } = pickLine(key, { option: "X", constituency: "Y", sponsor: "Z", city: "C", dossier: "D" }, 7);
      expect(text).not.toMatch(/\{\w+\}/);
      expect(text.length).toBeGreaterThan(0);
    }
  });
});

function decideFor(state: MatchState, intent: Command, id: string) {
  return decide(state, intent, { actor: { kind: "player", id }, now: state.clock.deadline ?? 0 });
}
