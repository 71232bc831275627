// `npm run demo`: starts the game server and a match played by bots only, on short timers,
// so a teacher can watch a whole match on the projector before class. It prints the links and
// keeps serving after the end so the debrief and the replay can be opened. Ctrl+C stops it.
// Environment: PORT (2567), DATA_DIR (./data), DEMO_RULE (R1..R4), DEMO_TABLES (1).
import { Client } from "@colyseus/sdk";
import { createApp } from "../server/app.js";
import { COMMAND, type Reply } from "../shared/protocol/intents.js";
import { SYNC, SYNC_AGAIN, SyncReceiver, type SyncFrame } from "../shared/protocol/sync.js";
import type { DecisionRuleId } from "../shared/scenario/schema.js";

const port = Number(process.env.PORT ?? 2567);
const rule = (["R1", "R2", "R3", "R4"].includes(process.env.DEMO_RULE ?? "") ? process.env.DEMO_RULE : "R1") as DecisionRuleId;
const tables = Math.max(1, Math.min(6, Number(process.env.DEMO_TABLES ?? 1)));

const { server, dataDir } = createApp({ botPace: "quick" });
await server.listen(port);
const base = `http://localhost:${port}`;

const res = await fetch(`${base}/api/matches`, {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({
    settings: {
      classLabel: "Bots demo",
      tables,
      rules: [rule, "R2", "R3", "R4"].slice(0, tables),
      timerPreset: "custom",
      timers: { briefing: 15, travel: 30, negotiation: 60, decision: 30, outcome: 15 },
      bots: true,
    },
  }),
});
if (res.status !== 201) {
  console.error(`Could not create the demo match: ${res.status} ${await res.text()}`);
  process.exit(1);
}
const { code, teacherToken, links } = (await res.json()) as { code: string; teacherToken: string; links: { join: string; teacher: string; projector: string } };
const teacher = await new Client(base).joinById(code, { as: "teacher", teacherToken });
// The teacher's view, kept from the sync frames: print each phase as the bots play through it.
let last = "";
const held = new SyncReceiver();
teacher.onMessage(SYNC, (frame: SyncFrame) => {
  if (!held.receive(frame, Date.now())) return teacher.send(SYNC_AGAIN);
  const s = held.state!.view;
  const now = `${s.status} ${s.round + 1} ${s.phase}`;
  if (now === last) return;
  last = now;
  console.log(s.status === "ended" ? "The demo match is over: open the teacher link for the debrief." : `  round ${s.round + 1}: ${s.phase}`);
});
const reply = (await teacher.request(COMMAND, { type: "StartMatch" })) as Reply;
if (!reply.ok) {
  console.error(`Could not start the demo: ${reply.message}`);
  process.exit(1);
}

console.log(`A bots-only match is running (rule ${rule}, ${tables} table${tables > 1 ? "s" : ""}; about 8 minutes).
  Projector: ${links.projector}
  Teacher:   ${links.teacher}
  Data:      ${dataDir}
Press Ctrl+C to stop.`);

