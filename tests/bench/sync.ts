// Sync benchmark: what the server spends to carry one command to a class of 38 devices (a
// teacher, a projector, 36 students on four tables) once a negotiation is well under way —
// apply the events copy-on-write, build each audience's view from the cached parts, diff it
// against what the devices hold and encode the frame — against building every view afresh.
// Also the size of the whole state a late joiner receives. Socket writes are not included
// (npm run load measures the whole server).
import { pack } from "msgpackr";
import { decide, ViewCache, viewFor, type Actor, type Command, type MatchState, type Viewer } from "../../shared/index.js";
import { diff, type DeviceState } from "../../shared/protocol/index.js";
import { evolveShared } from "../../server/rooms/shared-state.js";
import { SYSTEM, T0, TEACHER, defaultScenario, player } from "../helpers/engine.js";
import { measure, report } from "./measure.js";

const TABLES = 4;
const HISTORY = 60;

export function benchSync(): void {
  const scenario = defaultScenario();
  const roles = scenario.roles.map((r) => r.id);
  const seat = (role: string, table: number) => `${role.toLowerCase()}@${table}`;
  let state: MatchState | null = null;
  let now = T0;
  const run = (command: Command, actor: Actor): boolean => {
    const v = decide(state, command, { actor, now });
    if (v.ok) for (const e of v.events) state = evolveShared(state, e);
    return v.ok;
  };
  run({ type: "CreateMatch", matchId: "BENCH", scenario, settings: { tables: TABLES, rules: ["R1", "R2", "R3", "R4"] }, seed: 1 }, SYSTEM);
  for (let t = 0; t < TABLES; t++) {
    for (const role of roles) {
      run({ type: "JoinMatch", playerId: seat(role, t), nickname: `${role} ${t}` }, player(seat(role, t)));
      run({ type: "AssignRole", player: seat(role, t), table: t, role }, TEACHER);
    }
  }
  run({ type: "StartMatch" }, TEACHER);
  run({ type: "AdvancePhase" }, TEACHER);
  for (let t = 0; t < TABLES; t++) for (const role of roles) if (!run({ type: "BookTravel", mode: "in-person" }, player(seat(role, t)))) run({ type: "BookTravel", mode: "remote" }, player(seat(role, t)));
  run({ type: "AdvancePhase" }, TEACHER);
  const inPerson = (t: number) => roles.filter((r) => state!.tables[t]!.rounds[state!.round]!.attendance[r]?.mode === "in-person");
  let n = 0;
  const oneCommand = () => {
    const t = n % TABLES;
    const speakers = inPerson(t);
    const who = speakers[n % speakers.length]!;
    const other = speakers[(n + 1) % speakers.length]!;
    now += 1000;
    const command: Command =
      n % 3 === 0
        ? { type: "SendCorridorMessage", to: other, text: `Between us ${n}: can you live with A2?` }
        : n % 3 === 1
          ? { type: "DeclarePosition", option: ["A1", "A2", "A3"][n % 3]!, stance: "support" }
          : { type: "MakeStatement", text: `Statement ${n}: we should weigh every option with care.` };
    n++;
    run(command, player(seat(who, t)));
  };
  for (let i = 0; i < HISTORY * TABLES; i++) oneCommand();

  const viewers: Viewer[] = [{ kind: "teacher" }, { kind: "projector" }, ...Array.from({ length: TABLES }, (_, t) => roles.map((r): Viewer => ({ kind: "player", id: seat(r, t) }))).flat()];
  const cache = new ViewCache();
  const build = (viewer: Viewer, withCache: boolean): DeviceState => ({ view: viewFor(state!, viewer, withCache ? cache : undefined), online: {}, seat: null });
  let held = viewers.map((v) => build(v, true));
  let bytes = 0;
  /** One command carried to every audience: evolve, build, diff, encode. */
  const carry = (withCache: boolean) => () => {
    oneCommand();
    bytes = 0;
    held = held.map((before, i) => {
      const next = build(viewers[i]!, withCache);
      const ops = diff(before, next);
      if (ops.length) bytes += pack({ n: 1, at: now, ops }).length;
      return next;
    });
  };

  const statements = state!.tables.reduce((sum, t) => sum + t.statements.length, 0);
  console.log(`\nSync (${viewers.length} audiences at ${TABLES} tables, ${statements} statements so far; no sockets)`);
  report("one command to 38 views, cached parts", measure(carry(true), { runs: 60, warmup: 10 }), { target: 1 });
  console.log(`  frames' bytes for that command (all audiences): ${bytes}`);
  report("one command to 38 views, built afresh", measure(carry(false), { runs: 20, warmup: 3 }));
  report("engine alone: decide + copy-on-write evolve", measure(oneCommand, { runs: 60, warmup: 10 }));
  const student = pack({ n: 0, at: now, state: build(viewers[2]!, true) }).length;
  const teacher = pack({ n: 0, at: now, state: build(viewers[0]!, true) }).length;
  console.log(`  whole state on joining: a student ${(student / 1024).toFixed(1)} KB, the teacher ${(teacher / 1024).toFixed(1)} KB (msgpack)`);
}
