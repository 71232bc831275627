// Balance report: plays bots-only matches headless under each decision rule and prints how
// often each option is adopted, how often the debrief marks a move toward a sponsor's option
// (its own measure, shared/analysis/capture.ts) and how often a marked move changed an
// outcome, the same kind of move by roles with no money involved, who gains, Mandate and
// Standing per role, and how often each strategy comes out ahead (scripts/balance-games.ts).
//   npm run balance -- --games 1000 [--seed 1] [--rule R2] [--scenario id|file.json] [--workers 2] [--temptation 1]
import { availableParallelism } from "node:os";
import { DEFAULT_SCENARIO_ID } from "../server/scenarios/index.js";
import type { DecisionRuleId } from "../shared/index.js";
import { playGames, ruleFigures, ruleReport, scenarioOf } from "./balance-games.js";

interface Args {
  games: number;
  seed: number;
  rules: DecisionRuleId[];
  scenario: string;
  workers: number;
  temptation: number;
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

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const scenario = scenarioOf(args.scenario);
  const rules = args.rules.filter((r) => scenario.rules.includes(r));
  const jobs = rules.flatMap((rule) => Array.from({ length: args.games }, (_, i) => ({ rule, seed: args.seed + i })));
  const started = performance.now();
  const results = await playGames(args.scenario, jobs, args.temptation, args.workers);
  const seconds = (performance.now() - started) / 1000;
  console.log(`Rough Consensus balance report — scenario ${scenario.id}, seeds ${args.seed}…${args.seed + args.games - 1}, temptation ×${args.temptation}`);
  for (const rule of rules) console.log(ruleReport(scenario, ruleFigures(scenario, rule, results.filter((g) => g.rule === rule))));
  console.log(`\n${jobs.length} games in ${seconds.toFixed(1)} s (${((seconds * 1000) / jobs.length).toFixed(1)} ms a game, ${args.workers} worker${args.workers > 1 ? "s" : ""}).`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
