// Writes the golden records in tests/fixtures/golden/ from scripted matches. Run it only when
// the rules change on purpose (and bump RULES_VERSION): `npx tsx tests/helpers/make-golden.ts`.
import { writeFileSync } from "node:fs";
import { buildRecord, type GameEvent, type RecordedEvent } from "../../shared/index.js";
import { T0 } from "./engine.js";
import { longMatchEvents } from "./long-match.js";
import { scriptedMatch } from "./scripted-match.js";

function recordOf(events: GameEvent[]) {
  const recorded: RecordedEvent[] = events.map((event, i) => ({ seq: i + 1, at: T0 + i * 1000, actor: { kind: "system" }, event }));
  return buildRecord(recorded);
}

const dir = new URL("../fixtures/golden/", import.meta.url);
writeFileSync(new URL("scripted-match.json", dir), JSON.stringify(recordOf(scriptedMatch().events), null, 1) + "\n");
writeFileSync(new URL("long-match-2000.json", dir), JSON.stringify(recordOf(longMatchEvents(2000))) + "\n");
console.log("golden records written");
