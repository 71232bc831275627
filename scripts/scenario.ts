// The scenario check for authors (docs/writing-scenarios.md):
//   npm run scenario -- check [FILE.json | shipped-id …] [--games 200] [--seed 1] [--workers 2]
// With no file it checks every shipped scenario. For each: validates the file as an upload is
// validated (each field and problem named; exit code 1 when one does not pass), lists fields
// the format ignores, prints what the data predicts (the option money, one role one voice and
// the public interest would pick; voting power under each rule), plays `--games` bot games
// under each rule the scenario offers and a quarter as many with nobody open to money, and
// prints the balance figures with warnings: a rule that always deadlocks, the same outcome in
// every game, marks that never or always fire, a dominant strategy, and each balance target
// met or missed.
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkUpload, scenarioIds } from "../server/scenarios/index.js";
import { powerIndices } from "../shared/analysis/power.js";
import { lintScenario, type LintWarning } from "../shared/scenario/lint.js";
import { parseScenario, unknownFields, type DecisionRuleId, type Scenario } from "../shared/scenario/schema.js";
import { fix, pct, playGames, ruleFigures, textTable, type RuleFigures } from "./balance-games.js";

const shippedDir = fileURLToPath(new URL("../server/scenarios/", import.meta.url));

interface Args {
  files: string[];
  games: number;
  seed: number;
  workers: number;
}

/** The balance targets (docs/writing-scenarios.md, README "Balance"). */
const TARGETS = { marked: [0.3, 0.7], decisive: [0.05, 0.25], strategy: [0.2, 0.8] } as const;
/** A strategy needs this many uses under a rule before its rate is judged. */
const MIN_USES = 20;

function parseArgs(argv: string[]): Args {
  const [command, ...rest] = argv;
  if (command !== "check") throw new Error("Usage: npm run scenario -- check [FILE.json | shipped-id …] [--games N] [--seed S] [--workers N]");
  const args: Args = { files: [], games: 200, seed: 1, workers: Math.min(2, availableParallelism()) };
  for (let i = 0; i < rest.length; i++) {
    const [flag, value] = [rest[i]!, rest[i + 1]];
    const num = () => {
      const n = Number(value);
      if (!Number.isFinite(n)) throw new Error(`${flag} needs a number.`);
      i++;
      return Math.floor(n);
    };
    if (flag === "--games") args.games = Math.max(1, num());
    else if (flag === "--seed") args.seed = num();
    else if (flag === "--workers") args.workers = Math.max(1, num());
    else if (flag.startsWith("--")) throw new Error(`Unknown option ${flag}. Use --games N, --seed S, --workers N.`);
    else args.files.push(flag.endsWith(".json") ? flag : path.join(shippedDir, `${flag}.json`));
  }
  if (!args.files.length) args.files = scenarioIds().map((id) => path.join(shippedDir, `${id}.json`));
  return args;
}

/** Reads and validates a file as the upload does. Null (with the problems printed) when it does not pass. */
function readChecked(file: string, out: string[], warnings: LintWarning[]): Scenario | null {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    out.push(`Cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
    return null;
  }
  const checked = checkUpload(text, Date.now());
  const shipped = path.resolve(path.dirname(file)) === path.resolve(shippedDir);
  if (!checked.ok && checked.problem.code !== "scenario-id-taken") {
    out.push(`NOT VALID: ${checked.problem.message}`);
    for (const issue of checked.problem.issues ?? []) out.push(`  ${issue.path}: ${issue.message}`);
    return null;
  }
  const data: unknown = JSON.parse(text.replace(/^\uFEFF/, ""));
  if (!checked.ok && !shipped) warnings.push({ path: "id", message: `"${(data as { id: string }).id}" is the id of a scenario that comes with the game: an upload with it is refused, so give yours another id.` });
  for (const field of unknownFields(data)) warnings.push({ path: field, message: "is not a field of the scenario format and is ignored (a typo?)" });
  return checked.ok ? checked.scenario : parseScenario(data);
}

function predictionsTable(s: Scenario, lint: ReturnType<typeof lintScenario>): string {
  const rows: string[][] = [["dossier", "status quo", "money (token-weighted)", "one role, one voice", "public interest"]];
  s.dossiers.forEach((d, i) => {
    const p = lint.predictions[i]!;
    rows.push([`${d.id} ${d.title}`, p.statusQuo, p.tokenWeighted, p.oneRoleOneVoice, p.publicInterest]);
  });
  return textTable(rows);
}

function powerTable(s: Scenario): string {
  const rules = s.rules.filter((r) => r !== "R1");
  const rows: (string | number)[][] = [["rule", ...s.roles.map((r) => r.id)]];
  for (const rule of rules) {
    const power = powerIndices(rule, s).banzhaf;
    rows.push([rule, ...s.roles.map((r) => fix(power[r.id] ?? 0, 3))]);
  }
  return textTable(rows);
}

/** The most frequent options of a dossier under a rule, e.g. "A2 58%, A3 42%". */
function commonest(f: RuleFigures, dossier: number): string {
  return Object.entries(f.adopted[dossier]!)
    .filter(([, x]) => x > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([o, x]) => `${o} ${pct(x)}`)
    .join(", ");
}

function gamesTable(s: Scenario, figures: RuleFigures[], calm: Map<DecisionRuleId, RuleFigures>): string {
  const rows: string[][] = [["rule", ...s.dossiers.map((d) => d.id), "nothing passed", "marked", "changed an outcome", "marked, nobody open to money"]];
  for (const f of figures) {
    const deadlocks = s.dossiers.map((d, i) => `${d.id} ${pct(f.deadlocked[i]!)}`).join(" ");
    rows.push([f.rule, ...s.dossiers.map((_, i) => commonest(f, i)), deadlocks, pct(f.marked), pct(f.decisive), pct(calm.get(f.rule)?.marked ?? NaN)]);
  }
  return textTable(rows);
}

function strategiesTable(figures: RuleFigures[]): string {
  const names = [...new Set(figures.flatMap((f) => f.strategies.map((x) => x.strategy)))].sort();
  const rows: string[][] = [["strategy: beats its role's average in", ...figures.map((f) => f.rule)]];
  for (const name of names) rows.push([name, ...figures.map((f) => f.strategies.find((x) => x.strategy === name)).map((x) => (x ? `${pct(x.beatsAverage)} of ${x.used}` : "–"))]);
  return textTable(rows);
}

/** What the games say is wrong, and each target met or missed. */
function gameWarnings(s: Scenario, figures: RuleFigures[], calm: Map<DecisionRuleId, RuleFigures>): { warnings: LintWarning[]; targets: string[] } {
  const warnings: LintWarning[] = [];
  const targets: string[] = [];
  const within = (x: number, [low, high]: readonly [number, number]) => x >= low && x <= high;
  const mark = (ok: boolean) => (ok ? "met   " : "MISSED");
  for (const f of figures) {
    if (f.allDeadlocked === 1) warnings.push({ path: "rules", message: `Under ${f.rule} nothing passed on any dossier in any game: the rule always deadlocks and the status quo always stands.` });
    else
      s.dossiers.forEach((d, i) => {
        if (f.deadlocked[i] === 1) warnings.push({ path: `dossiers[${i}]`, message: `Under ${f.rule} nothing passed on "${d.title}" in any game: the status quo (${d.statusQuo}) always stands there.` });
      });
    if (f.varied === 0 && f.games > 1) warnings.push({ message: `Under ${f.rule} every game adopted the same options: nothing the players do changes the outcome.` });
    if (f.marked === 0) warnings.push({ message: `Under ${f.rule} no move was ever marked: no role was won over by money, so the capture lesson has nothing to show.` });
    if (f.marked === 1) warnings.push({ message: `Under ${f.rule} a move was marked in every game: capture is a certainty, not a temptation.` });
    for (const x of f.strategies) {
      if (x.used < MIN_USES) continue;
      if (x.beatsAverage > TARGETS.strategy[1]) warnings.push({ message: `Under ${f.rule} "${x.strategy}" beats its role's average in ${pct(x.beatsAverage)} of ${x.used} games: a dominant strategy.` });
      if (x.beatsAverage < TARGETS.strategy[0]) warnings.push({ message: `Under ${f.rule} "${x.strategy}" beats its role's average in only ${pct(x.beatsAverage)} of ${x.used} games: nobody should play it.` });
    }
    const calmMarked = calm.get(f.rule)?.marked ?? 0;
    if (calmMarked > 0) warnings.push({ message: `Under ${f.rule} moves were marked in ${pct(calmMarked)} of games even with nobody open to money: the debrief would accuse roles that were not won over.` });
    const strategiesOk = f.strategies.filter((x) => x.used >= MIN_USES).every((x) => within(x.beatsAverage, TARGETS.strategy));
    targets.push(
      `${f.rule}: ${mark(within(f.marked, TARGETS.marked))} marked in 30–70% of games (${pct(f.marked)}) · ${mark(within(f.decisive, TARGETS.decisive))} a marked move changed an outcome in 5–25% (${pct(f.decisive)}) · ${mark(strategiesOk)} every strategy beats its role's average in 20–80% · ${mark(calmMarked === 0)} no mark with nobody open to money (${pct(calmMarked)})`,
    );
  }
  const outcomes = new Set(figures.map((f) => s.dossiers.map((_, i) => commonest(f, i).split(" ")[0]).join(",")));
  const disagree = figures.length < 2 || outcomes.size > 1;
  if (!disagree) warnings.push({ path: "rules", message: "Every rule gives the same most common outcome on every dossier: comparing the rules in the debrief will show nothing." });
  targets.push(`all: ${mark(disagree)} the rules disagree on some dossier`);
  return { warnings, targets };
}

async function checkOne(file: string, args: Args): Promise<boolean> {
  const out: string[] = [];
  const warnings: LintWarning[] = [];
  const relative = path.relative(process.cwd(), file).startsWith("..") ? path.resolve(file) : path.relative(process.cwd(), file);
  out.push(`\n############ Scenario check: ${relative}`);
  const scenario = readChecked(file, out, warnings);
  if (!scenario) {
    console.log(out.join("\n"));
    return false;
  }
  out.push(`"${scenario.title}" (${scenario.id}, version ${scenario.version}, language ${scenario.language}): ${scenario.roles.length} roles, ${scenario.dossiers.length} dossiers, rules ${scenario.rules.join(" ")}`);
  out.push("Valid: every field passes the checks an upload gets.");
  const lint = lintScenario(scenario);
  warnings.push(...lint.warnings);
  out.push("\nWhat the data predicts (no game played): the option each way of counting would pick");
  out.push(predictionsTable(scenario, lint));
  if (scenario.rules.some((r) => r !== "R1")) {
    out.push("\nVoting power (normalised Banzhaf, every role present; under R1 everyone in the room holds the same veto)");
    out.push(powerTable(scenario));
  }
  const jobs = (games: number) => scenario.rules.flatMap((rule) => Array.from({ length: games }, (_, i) => ({ rule, seed: args.seed + i })));
  const calmGames = Math.max(1, Math.round(args.games / 4));
  const started = performance.now();
  const [played, calmPlayed] = [await playGames(file, jobs(args.games), 1, args.workers), await playGames(file, jobs(calmGames), 0, args.workers)];
  const seconds = (performance.now() - started) / 1000;
  const figures = scenario.rules.map((rule) => ruleFigures(scenario, rule, played.filter((g) => g.rule === rule)));
  const calm = new Map(scenario.rules.map((rule) => [rule, ruleFigures(scenario, rule, calmPlayed.filter((g) => g.rule === rule))]));
  out.push(`\nBot games: ${args.games} per rule (seeds ${args.seed}…${args.seed + args.games - 1}), and ${calmGames} per rule with nobody open to money (--temptation 0)`);
  out.push(gamesTable(scenario, figures, calm));
  out.push("");
  out.push(strategiesTable(figures));
  const judged = gameWarnings(scenario, figures, calm);
  warnings.push(...judged.warnings);
  out.push("\nBalance targets (docs/writing-scenarios.md)");
  out.push(...judged.targets.map((t) => `  ${t}`));
  out.push(`\nWarnings: ${warnings.length ? warnings.length : "none"}`);
  for (const w of warnings) out.push(`  - ${w.path ? `${w.path}: ` : ""}${w.message}`);
  out.push(`\n${played.length + calmPlayed.length} games in ${seconds.toFixed(1)} s. Full figures: npm run balance -- --scenario ${relative.startsWith("server/scenarios/") ? scenario.id : relative} --games 1000`);
  console.log(out.join("\n"));
  return true;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  let valid = true;
  for (const file of args.files) valid = (await checkOne(file, args)) && valid;
  if (!valid) process.exitCode = 1;
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
