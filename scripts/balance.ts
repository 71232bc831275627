// Balance report: plays bots-only matches headless under each decision rule and prints how
// often each option is adopted, how often the debrief marks a move toward a sponsor's option
// (its own measure, shared/analysis/capture.ts) and how often a marked move changed an
// outcome, the same kind of move by roles with no money involved, who gains, Mandate and
// Standing per role, and how often each strategy comes out ahead.
//   npm run balance -- --games 1000 [--seed 1] [--rule R2] [--scenario id|file.json] [--workers 2] [--temptation 1]
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { loadScenario, DEFAULT_SCENARIO_ID } from "../server/scenarios/index.js";
import { debrief } from "../shared/analysis/debrief.js";
import { scenarioProfiles, simulateMatch, type BotProfile } from "../shared/bots/index.js";
import { applyRule, parseScenario, scoresOf, type DecisionRuleId, type RoleId, type Scenario } from "../shared/index.js";

interface Args {
  games: number;
  seed: number;
  rules: DecisionRuleId[];
  scenario: string;
  workers: number;
  temptation: number;
}

/** One game boiled down to what the report needs (small, so workers can send it back). */
interface GameSummary {
  rule: DecisionRuleId;
  adopted: (string | null)[];
  marks: { recipient: RoleId; funders: RoleId[]; decisive: boolean }[];
  /** The comparison: roles with money covering a round and roles with none, and how many moved. */
  funded: { units: number; moved: number };
  unfunded: { units: number; moved: number };
  roles: Record<RoleId, { payoff: number; mandate: number; standing: number; total: number; strategies: string[] }>;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { games: 200, seed: 1, rules: ["R1", "R2", "R3", "R4"], scenario: DEFAULT_SCENARIO_ID, workers: Math.min(2, availableParallelism()), temptation: 1 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], argv[i + 1]];
    const num = () => {
      const n = Number(value);
      if (!Number.isFinite(n)) throw new Error(`${flag} needs a number.`);
      i++;
      return n;
    };
    if (flag === "--games") args.games = Math.max(1, Math.floor(num()));
    else if (flag === "--seed") args.seed = Math.floor(num());
    else if (flag === "--workers") args.workers = Math.max(1, Math.floor(num()));
    else if (flag === "--temptation") args.temptation = num();
    else if (flag === "--scenario") (args.scenario = value ?? args.scenario), i++;
    else if (flag === "--rule") {
      const rules = (value ?? "").split(",").map((r) => r.trim().toUpperCase());
      if (!rules.every((r) => ["R1", "R2", "R3", "R4"].includes(r))) throw new Error("--rule takes R1, R2, R3 or R4 (or a list: R1,R3).");
      args.rules = rules as DecisionRuleId[];
      i++;
    } else throw new Error(`Unknown option ${flag}. Use --games N, --seed S, --rule R1, --scenario id, --workers N, --temptation x.`);
  }
  return args;
}

/** A scenario by id (server/scenarios) or from a JSON file (e.g. tests/fixtures/five-roles.json). */
function scenarioOf(ref: string): Scenario {
  return ref.endsWith(".json") ? parseScenario(JSON.parse(readFileSync(ref, "utf8"))) : loadScenario(ref);
}

function playOne(scenario: Scenario, rule: DecisionRuleId, seed: number, profiles: Record<RoleId, Partial<BotProfile>>): GameSummary {
  const sim = simulateMatch({ scenario, rule, seed, profiles });
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
  return { rule, adopted: table.rounds.map((x) => x.decision?.adopted ?? null), marks, funded, unfunded, roles };
}

function runBatch(scenarioRef: string, jobs: { rule: DecisionRuleId; seed: number }[], temptation: number): GameSummary[] {
  const scenario = scenarioOf(scenarioRef);
  // Every role's temperament, derived from its data and the file's overrides, with --temptation applied to all.
  const profiles = scenarioProfiles(scenario, { temptation });
  return jobs.map((j) => playOne(scenario, j.rule, j.seed, profiles));
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(0)}%` : "–");
const fix = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "–");
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

function table(rows: (string | number)[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => String(r[c] ?? "").length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? String(cell).padEnd(widths[c]!) : String(cell).padStart(widths[c]!))).join("  ")).join("\n");
}

function report(scenario: Scenario, rule: DecisionRuleId, games: GameSummary[]): string {
  const out: string[] = [];
  const n = games.length;
  out.push(`\n=== ${rule} — ${n} games ===`);
  scenario.dossiers.forEach((d, i) => {
    const counts = d.options.map((o) => `${o.id} ${pct(games.filter((g) => g.adopted[i] === o.id).length, n)}`);
    out.push(`${d.id} ${d.title}: ${counts.join("  ")}`);
  });
  const withMark = games.filter((g) => g.marks.length > 0).length;
  const marks = games.flatMap((g) => g.marks);
  const decisiveGames = games.filter((g) => g.marks.some((m) => m.decisive)).length;
  out.push(`Capture: a move was marked in ${pct(withMark, n)} of games (${fix(marks.length / n, 2)} marks a game); a marked move changed an outcome in ${pct(decisiveGames, n)} of games.`);
  const sum = (k: "funded" | "unfunded") => games.reduce((a, g) => ({ units: a.units + g[k].units, moved: a.moved + g[k].moved }), { units: 0, moved: 0 });
  const funded = sum("funded");
  const unfunded = sum("unfunded");
  out.push(`  roles with money that round: ${funded.moved} of ${funded.units} moved toward their sponsor's option (${pct(funded.moved, funded.units)}); roles with no money involved: ${unfunded.moved} of ${unfunded.units} made the same kind of move (${pct(unfunded.moved, unfunded.units)}).`);
  const byRecipient = new Map<string, number>();
  for (const m of marks) byRecipient.set(m.recipient, (byRecipient.get(m.recipient) ?? 0) + 1);
  const byFunder = new Map<string, number>();
  for (const m of marks) for (const f of m.funders) byFunder.set(f, (byFunder.get(f) ?? 0) + 1);
  const list = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${fix(v / n, 2)}`).join(", ");
  out.push(`  marks a game by mover: ${list(byRecipient) || "none"}; by funder: ${list(byFunder) || "none"}`);
  const roleRows: (string | number)[][] = [["role", "income", "payoff", "Mandate", "Standing", "total"]];
  const roleMean: Record<RoleId, number> = {};
  for (const role of scenario.roles) {
    const xs = games.map((g) => g.roles[role.id]!);
    roleMean[role.id] = mean(xs.map((x) => x.total));
    roleRows.push([role.id, role.income, fix(mean(xs.map((x) => x.payoff)), 2), fix(mean(xs.map((x) => x.mandate))), fix(mean(xs.map((x) => x.standing))), fix(roleMean[role.id]!)]);
  }
  out.push(table(roleRows));
  // A strategy "wins" a game when the seat using it beats its own role's average score under this rule;
  // the game's winner is the seat furthest above its role's average.
  const uses = new Map<string, { n: number; above: number; delta: number[]; gameWins: number }>();
  let winners = 0;
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
    if (best) winners++;
  }
  const rows: (string | number)[][] = [["strategy", "used", "beats role average", "mean gain", "seat tops the game"]];
  for (const [s, u] of [...uses.entries()].sort(([a], [b]) => a.localeCompare(b))) rows.push([s, u.n, pct(u.above, u.n), fix(mean(u.delta), 2), pct(u.gameWins, winners)]);
  out.push(table(rows));
  return out.join("\n");
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const scenario = scenarioOf(args.scenario);
  const jobs = args.rules.flatMap((rule) => Array.from({ length: args.games }, (_, i) => ({ rule, seed: args.seed + i })));
  const started = performance.now();
  let results: GameSummary[];
  if (args.workers <= 1) results = runBatch(args.scenario, jobs, args.temptation);
  else {
    const slices = Array.from({ length: args.workers }, (_, w) => jobs.filter((_, i) => i % args.workers === w));
    const parts = await Promise.all(
      slices.map(
        (slice) =>
          new Promise<GameSummary[]>((resolve, reject) => {
            const worker = new Worker(new URL(import.meta.url), { workerData: { scenario: args.scenario, jobs: slice, temptation: args.temptation } });
            worker.once("message", resolve);
            worker.once("error", reject);
          }),
      ),
    );
    results = parts.flat();
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`Rough Consensus balance report — scenario ${scenario.id}, seeds ${args.seed}…${args.seed + args.games - 1}, temptation ×${args.temptation}`);
  for (const rule of args.rules) console.log(report(scenario, rule, results.filter((g) => g.rule === rule)));
  console.log(`\n${jobs.length} games in ${seconds.toFixed(1)} s (${((seconds * 1000) / jobs.length).toFixed(1)} ms a game, ${args.workers} worker${args.workers > 1 ? "s" : ""}).`);
}

if (isMainThread) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
} else {
  const data = workerData as { scenario: string; jobs: { rule: DecisionRuleId; seed: number }[]; temptation: number };
  parentPort!.postMessage(runBatch(data.scenario, data.jobs, data.temptation));
}
