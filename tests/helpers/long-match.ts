// Builds a long, realistic match record for benchmarks and replay tests: nine players talk,
// trade and take positions over three rounds until the record holds the wanted number of events.
import type { Command, GameEvent, RecordedEvent } from "../../shared/index.js";
import { Match, SYSTEM } from "./engine.js";

export function longMatchEvents(target = 10_000): GameEvent[] {
  return buildLongMatch(target).events;
}

function buildLongMatch(target: number): Match {
  const m = new Match().seatEveryone().start();
  const roles = m.scenario.roles.map((r) => r.id);
  const travellers = ["TECH", "USG", "EU", "DNS", "IP", "NGO-N"];
  const rounds = m.scenario.dossiers.length;
  const perRound = Math.ceil((target - 60) / rounds);
  for (let round = 0; round < rounds; round++) {
    m.skipTo("travel", round);
    for (const r of travellers) m.as(r, { type: "BookTravel", mode: "in-person" });
    m.as("TECH", { type: "OfferFellowship", to: "CS-S" });
    m.as("CS-S", { type: "AcceptFellowship", fellowship: m.s.tables[0]!.fellowships.at(-1)!.id });
    m.skipTo("negotiation", round);
    const options = m.scenario.dossiers[round]!.options.map((o) => o.id);
    for (const o of options) m.as("TECH", { type: "TableOption", option: o });
    const start = m.events.length;
    for (let i = 0; m.events.length - start < perRound && m.events.length < target - 20; i++) {
      m.wait(1);
      const who = travellers[i % travellers.length]!;
      const other = travellers[(i + 1) % travellers.length]!;
      const commands: Command[] = [
        { type: "MakeStatement", text: `Statement ${i}: we should think about everyone who is not in this room.` },
        { type: "SendCorridorMessage", to: other, text: `Corridor ${i}: can we count on you?` },
        { type: "DeclarePosition", option: options[i % options.length]!, stance: (["support", "live", "object"] as const)[i % 3]! },
        { type: "GiveGrant", to: roles[(i + 3) % roles.length] === who ? "CS-S" : roles[(i + 3) % roles.length]!, amount: 1, note: "" },
      ];
      const command = commands[i % commands.length]!;
      if (!m.run(command, { kind: "player", id: who.toLowerCase() }).ok) m.as(who, commands[0]!);
    }
    m.skipTo("outcome", round);
  }
  m.wait(60);
  m.ok({ type: "Tick" }, SYSTEM);
  return m;
}

/** The same long match as the server records it: numbered events with the time and who acted. */
export function longMatchRecorded(target = 10_000): RecordedEvent[] {
  return buildLongMatch(target).recorded;
}
