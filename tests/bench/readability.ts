// Readability: the school grade (Flesch–Kincaid, shared/scenario/readability.ts) of every text a
// student reads — each shipped scenario's and the catalog's — as a distribution. The unit test
// (tests/unit/readability.test.ts) holds the default scenario and the catalog to grade 10.
import { loadScenario, scenarioIds } from "../../server/scenarios/index.js";
import { gradeDistribution, playerTexts } from "../../shared/scenario/readability.js";
import { catalogTexts } from "../helpers/player-texts.js";

function line(name: string, texts: { where: string; text: string }[]): void {
  const d = gradeDistribution(texts);
  const order = ["≤3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13+"];
  const buckets = order.filter((k) => d.buckets[k]).map((k) => `${k}: ${d.buckets[k]}`).join(", ");
  console.log(`  ${name}: ${d.graded} graded texts, median grade ${d.median}, p90 ${d.p90}, max ${d.max.grade} (${d.max.where}); ${d.fragments} fragments under 10 words`);
  console.log(`    by grade — ${buckets}`);
}

export function benchReadability(): void {
  console.log("\nReadability (Flesch–Kincaid grade of each player-facing text; target: none above 10)");
  for (const id of scenarioIds()) line(`scenario ${id}`, playerTexts(loadScenario(id)));
  const catalog = catalogTexts();
  line("catalog, student and projector screens", catalog.filter((t) => !t.teacherOnly));
  line("catalog, teacher only", catalog.filter((t) => t.teacherOnly));
}
