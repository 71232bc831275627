// Screens and bots never restate a rule of the game: they read the view's available actions
// (decide's own answers) and the engine's shared helpers. This searches client/ and
// shared/bots/ for the re-implementations that once lived there: who may insert a clause or
// object to it, when consensus may be called, the trip cost, delegates counted by hand, and
// every government given one vote whatever its bloc.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name === "dist") continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) yield* sources(full);
    else if (name.endsWith(".ts")) yield full;
  }
}

/** Lines of code (comments left out) in the screens and the bots, with where they are. */
const lines = ["client", "shared/bots"].flatMap((dir) =>
  [...sources(path.join(root, dir))].flatMap((file) =>
    readFileSync(file, "utf8")
      .split("\n")
      .map((text, i) => ({ where: `${path.relative(root, file)}:${i + 1}`, text: text.replace(/\/\/.*$/, "") }))
      .filter((l) => !/^\s*(\*|\/\*)/.test(l.text)),
  ),
);

/** Restated rules, each with the engine's own place for it. */
const RESTATED: { rule: string; pattern: RegExp }[] = [
  { rule: "who may insert the clause (InsertRider's availability)", pattern: /rider\.owner|variants\.lateInsertion|riderUsed|abilities\.rider|\bme\.rider\b/ },
  { rule: "who may still object to a clause (ObjectToRider's availability)", pattern: /!\s*[\w?.]*objectedBy/ },
  { rule: "when consensus may be called (CallConsensus's availability)", pattern: /settings\.chair\s*[!=]==|chair\s*[!=]==\s*"(teacher|automatic)"/ },
  { rule: "the trip cost (travelCost in shared/rules/helpers.ts)", pattern: /homeRegionCost|costPerDelegate/ },
  { rule: "delegates of a seat (delegatesOf in shared/rules/helpers.ts)", pattern: /\.filter\(\(?\w+\)?\s*=>\s*\w+\.present\s*&&\s*\w+\.table\s*===/ },
  { rule: "a government's votes (blocVotes on the public role card)", pattern: /blocVotes:\s*1\b/ },
];

describe("no screen and no bot restates a rule", () => {
  it("reads the screens and the bots", () => {
    expect(lines.some((l) => l.where.startsWith("client/ui/student-actions.ts"))).toBe(true);
    expect(lines.some((l) => l.where.startsWith("shared/bots/policy.ts"))).toBe(true);
  });

  it.each(RESTATED)("$rule is asked of the engine, not re-checked", ({ pattern }) => {
    expect(lines.filter((l) => pattern.test(l.text)).map((l) => `${l.where}: ${l.text.trim()}`)).toEqual([]);
  });

  it("delegatesOf is written once, in shared/rules/helpers.ts", () => {
    const definitions = ["client", "shared", "server"].flatMap((dir) =>
      [...sources(path.join(root, dir))].filter((file) => /function delegatesOf\b|\bdelegatesOf\s*=\s*(\(|function)/.test(readFileSync(file, "utf8"))).map((f) => path.relative(root, f)),
    );
    expect(definitions).toEqual(["shared/rules/helpers.ts"]);
  });

  it("would notice a restated rule", () => {
    // The patterns find what the screens and bots once held.
    const once = [
      'const owner = role.rider && view.settings.variants.lateInsertion && rider.owner === role.id;',
      "pending && drafter && !pending.objectedBy ? button() : null",
      'const chairing = view.phase === "decision" && table.rule === "R1" && view.settings.chair === "teacher";',
      "return role.home === seat.dossier.venue.region ? travel.homeRegionCost : travel.costPerDelegate;",
      "view.players.filter((p) => p.present && p.table === table && p.role === role)",
      "abilities: { blocVotes: 1, programmeSeats: 0 }",
    ];
    RESTATED.forEach(({ pattern }, i) => expect(pattern.test(once[i]!), RESTATED[i]!.rule).toBe(true));
  });
});
