// Bots-only games for the balance report (`npm run balance`) and the scenario check
// (`npm run scenario -- check`): plays matches headless, one table each, every seat a bot with
// the temperament its role's data gives it (shared/bots/profiles.ts) and `temptation` scaling
// every role's capture tendency; boils each game down to what the reports need; and sums a
// rule's games into figures. Games are spread over worker threads; the same seeds give the
// same figures on every run.
import { readFileSync } from "node:fs";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { loadScenario } from "../server/scenarios/index.js";
import { debrief } from "../shared/analysis/debrief.js";
import { scenarioProfiles, simulateMatch } from "../shared/bots/index.js";
import { applyRule, parseScenario, scoresOf, type DecisionRuleId, type RoleId, type Scenario } from "../shared/index.js";

/** One game boiled down to what the report needs (small, so workers can send it back). */
export interface GameSummary {
  rule: DecisionRuleId;
  adopted: (string | null)[];
  /** Per dossier: whether nothing passed and the status quo stood for want of agreement. */
  deadlocked: boolean[];
  marks: { recipient: RoleId; funders: RoleId[]; decisive: boolean }[];
  /** The comparison: roles with money covering a round and roles with none, and how many moved. */
  funded: { units: number; moved: number };
  unfunded: { units: number; moved: number };
  roles: Record<RoleId, { payoff: number; mandate: number; standing: number; total: number; strategies: string[] }>;
}

export interface Job {
  rule: DecisionRuleId;
  seed: number;
}

/** A scenario by id (server/scenarios) or from a JSON file (e.g. tests/fixtures/five-roles.json). */
export function scenarioOf(ref: string): Scenario {
  return ref.endsWith(".json") ? parseScenario(JSON.parse(readFileSync(ref, "utf8"))) : loadScenario(ref);
}

export function playOne(scenario: Scenario, rule: DecisionRuleId, seed: number, temptation: number): GameSummary {
  const sim = simulateMatch({ scenario, rule, seed, temptation });
  const table = sim.state.tables[0]!;
  const analysed = debrief(sim.events);
  const report = analysed.tables[0]!;
  const marks = report.marks.map((m) => {
    // Decisive: would the dossier have gone another way had the mover kept the stance it declared before the move?
    const round = table.rounds[m.round]!;
    const dossier = scenario.dossiers[m.round]!;
    const attendance = Object.fromEntries(scenario.roles.map((r) => [r.id, round.attendance[r.id]?.mode ?? "absent"]));
    const positions = { ...round.positions, [m.role]: { ...round.positions[m.role], [m.option]: m.before.stance } };
    const counterfactual = applyRule(rule, { scenario, dossier, tabled: round.tabled.map((t) => t.option), positions, attendance }).adopted;
    return { recipient: m.role, funders: m.funders.map((f) => f.role), decisive: counterfactual !== round.decision?.adopted };
  });
  const roles: GameSummary["roles"] = {};
  for (const s of scoresOf(sim.state, table)) roles[s.role] = { payoff: s.mandatePoints, mandate: s.mandate, standing: s.standing, total: s.total, strategies: [] };
  for (const bot of Object.values(sim.bots)) {
    const r = roles[bot.role];
    if (!r) continue;
    const role = scenario.roles.find((x) => x.id === bot.role)!;
    if (bot.profile.patronRate > 0) r.strategies.push(bot.strategy.patron ? "patron: funds swing voters" : "patron: funds nobody");
    const offers = table.fellowships.filter((f) => f.to === bot.role && f.status !== "lapsed" && f.status !== "withdrawn");
    if (offers.length) r.strategies.push(offers.some((f) => f.status === "accepted") ? "guest: accepts a fellowship" : "guest: declines every offer");
    const funded = table.fellowships.some((f) => f.to === bot.role && f.status === "accepted") || table.grants.some((g) => g.to === bot.role);
    if (funded) r.strategies.push(report.marks.some((m) => m.role === bot.role) ? "funded: moves toward the funder" : "funded: stays independent");
    if (role.canTravelAlone && bot.profile.patronRate === 0) {
      const inPerson = table.rounds.filter((x) => x.attendance[bot.role]?.mode === "in-person" && x.attendance[bot.role]?.paidBy === bot.role).length;
      r.strategies.push(inPerson === table.rounds.length ? "travel: every round at own cost" : "travel: saves on some trips");
    }
    if (role.knowledge.hiddenPayoffs.length) r.strategies.push(bot.strategy.buysBriefing ? "briefing: buys it" : "briefing: plays blind");
  }
  const { funded, unfunded } = analysed.comparison;
  return {
    rule,
    adopted: table.rounds.map((x) => x.decision?.adopted ?? null),
    deadlocked: table.rounds.map((x) => x.decision?.by === "status-quo"),
    marks,
    funded,
    unfunded,
    roles,
  };
}

function runBatch(scenarioRef: string, jobs: Job[], temptation: number): GameSummary[] {
  const scenario = scenarioOf(scenarioRef);
  return jobs.map((j) => playOne(scenario, j.rule, j.seed, temptation));
}

/** Plays every job, spread over `workers` threads (1: in this thread). */
export async function playGames(scenarioRef: string, jobs: Job[], temptation: number, workers: number): Promise<GameSummary[]> {
  if (workers <= 1) return runBatch(scenarioRef, jobs, temptation);
  const slices = Array.from({ length: workers }, (_, w) => jobs.filter((_, i) => i % workers === w)).filter((s) => s.length);
  const parts = await Promise.all(
    slices.map(
      (slice) =>
        new Promise<GameSummary[]>((resolve, reject) => {
          const worker = new Worker(new URL(import.meta.url), { workerData: { balanceGames: true, scenario: scenarioRef, jobs: slice, temptation } });
          worker.once("message", resolve);
          worker.once("error", reject);
        }),
    ),
  );
  return parts.flat();
}

/** What a rule's games add up to. */
export interface RuleFigures {
  rule: DecisionRuleId;
  games: number;
  /** Per dossier, per option id: share of games adopting it. */
  adopted: Record<string, number>[];
  /** Per dossier: share of games in which nothing passed. */
  deadlocked: number[];
  /** Share of games in which every dossier deadlocked. */
  allDeadlocked: number;
  /** Share of games in which some adopted option differs from the most common outcome of the games. */
  varied: number;
  /** Share of games with at least one marked move, and marks per game. */
  marked: number;
  marksPerGame: number;
  /** Share of games in which a marked move changed an outcome. */
  decisive: number;
  funded: { units: number; moved: number };
  unfunded: { units: number; moved: number };
  moversPerGame: Map<RoleId, number>;
  fundersPerGame: Map<RoleId, number>;
  roles: { role: RoleId; income: number; payoff: number; mandate: number; standing: number; total: number }[];
  /** How often a seat playing each strategy beat its role's average score under this rule. */
  strategies: { strategy: string; used: number; beatsAverage: number; meanGain: number; topsGame: number }[];
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
const share = (n: number, d: number) => (d ? n / d : NaN);

export function ruleFigures(scenario: Scenario, rule: DecisionRuleId, games: GameSummary[]): RuleFigures {
  const n = games.length;
  const adopted = scenario.dossiers.map((d, i) => Object.fromEntries(d.options.map((o) => [o.id, share(games.filter((g) => g.adopted[i] === o.id).length, n)])));
  const deadlocked = scenario.dossiers.map((_, i) => share(games.filter((g) => g.deadlocked[i]).length, n));
  const outcome = (g: GameSummary) => g.adopted.join(",");
  const counts = new Map<string, number>();
  for (const g of games) counts.set(outcome(g), (counts.get(outcome(g)) ?? 0) + 1);
  const commonest = Math.max(0, ...counts.values());
  const marks = games.flatMap((g) => g.marks);
  const sum = (k: "funded" | "unfunded") => games.reduce((a, g) => ({ units: a.units + g[k].units, moved: a.moved + g[k].moved }), { units: 0, moved: 0 });
  const perGame = (ids: RoleId[]) => {
    const m = new Map<RoleId, number>();
    for (const id of ids) m.set(id, (m.get(id) ?? 0) + 1 / n);
    return m;
  };
  const roleMean: Record<RoleId, number> = {};
  const roles = scenario.roles.map((role) => {
    const xs = games.map((g) => g.roles[role.id]!);
    roleMean[role.id] = mean(xs.map((x) => x.total));
    return { role: role.id, income: role.income, payoff: mean(xs.map((x) => x.payoff)), mandate: mean(xs.map((x) => x.mandate)), standing: mean(xs.map((x) => x.standing)), total: roleMean[role.id]! };
  });
  // A strategy "wins" a game when the seat using it beats its own role's average score under this rule;
  // the game's winner is the seat furthest above its role's average.
  const uses = new Map<string, { n: number; above: number; delta: number[]; gameWins: number }>();
  for (const g of games) {
    let best: { role: RoleId; delta: number } | null = null;
    for (const [role, r] of Object.entries(g.roles)) {
      const delta = r.total - roleMean[role]!;
      if (!best || delta > best.delta) best = { role, delta };
    }
    for (const [role, r] of Object.entries(g.roles)) {
      const delta = r.total - roleMean[role]!;
      for (const s of r.strategies) {
        const u = uses.get(s) ?? { n: 0, above: 0, delta: [], gameWins: 0 };
        u.n++;
        if (delta > 0) u.above++;
        u.delta.push(delta);
        if (best?.role === role) u.gameWins++;
        uses.set(s, u);
      }
    }
  }
  return {
    rule,
    games: n,
    adopted,
    deadlocked,
    allDeadlocked: share(games.filter((g) => g.deadlocked.every(Boolean)).length, n),
    varied: share(n - commonest, n),
    marked: share(games.filter((g) => g.marks.length > 0).length, n),
    marksPerGame: share(marks.length, n),
    decisive: share(games.filter((g) => g.marks.some((m) => m.decisive)).length, n),
    funded: sum("funded"),
    unfunded: sum("unfunded"),
    moversPerGame: perGame(marks.map((m) => m.recipient)),
    fundersPerGame: perGame(marks.flatMap((m) => m.funders)),
    roles,
    strategies: [...uses.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([strategy, u]) => ({ strategy, used: u.n, beatsAverage: share(u.above, u.n), meanGain: mean(u.delta), topsGame: share(u.gameWins, n) })),
  };
}

export const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(0)}%` : "–");
export const fix = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "–");

export function textTable(rows: (string | number)[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => String(r[c] ?? "").length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]!) : String(cell).padStart(widths[c]!))).join("  ")).join("\n");
}

/** A rule's figures as the balance report prints them. */
export function ruleReport(scenario: Scenario, f: RuleFigures): string {
  const out: string[] = [];
  out.push(`\n=== ${f.rule} — ${f.games} games ===`);
  scenario.dossiers.forEach((d, i) => {
    const counts = d.options.map((o) => `${o.id} ${pct(f.adopted[i]![o.id]!)}`);
    out.push(`${d.id} ${d.title}: ${counts.join("  ")}  (nothing passed: ${pct(f.deadlocked[i]!)})`);
  });
  out.push(`Capture: a move was marked in ${pct(f.marked)} of games (${fix(f.marksPerGame, 2)} marks a game); a marked move changed an outcome in ${pct(f.decisive)} of games.`);
  out.push(
    `  roles with money that round: ${f.funded.moved} of ${f.funded.units} moved toward their sponsor's option (${pct(share(f.funded.moved, f.funded.units))}); roles with no money involved: ${f.unfunded.moved} of ${f.unfunded.units} made the same kind of move (${pct(share(f.unfunded.moved, f.unfunded.units))}).`,
  );
  const list = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${fix(v, 2)}`).join(", ");
  out.push(`  marks a game by mover: ${list(f.moversPerGame) || "none"}; by funder: ${list(f.fundersPerGame) || "none"}`);
  out.push(textTable([["role", "income", "payoff", "Mandate", "Standing", "total"], ...f.roles.map((r) => [r.role, r.income, fix(r.payoff, 2), fix(r.mandate), fix(r.standing), fix(r.total)])]));
  out.push(textTable([["strategy", "used", "beats role average", "mean gain", "seat tops the game"], ...f.strategies.map((s) => [s.strategy, s.used, pct(s.beatsAverage), fix(s.meanGain, 2), pct(s.topsGame)])]));
  return out.join("\n");
}

if (!isMainThread && (workerData as { balanceGames?: boolean } | null)?.balanceGames) {
  const data = workerData as { scenario: string; jobs: Job[]; temptation: number };
  parentPort!.postMessage(runBatch(data.scenario, data.jobs, data.temptation));
}
