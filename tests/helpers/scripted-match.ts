// The scripted match of tests/unit/full-match.test.ts, shared with the golden records.
import { Match, SYSTEM } from "./engine.js";

export function scriptedMatch(): Match {
  const m = new Match().seatEveryone().start();

  // Round A, London (ICANN 50). Trips cost 2 per delegate, 1 for Europeans.
  m.skipTo("travel");
  m.as("TECH", { type: "BookTravel", mode: "in-person", delegates: 2 }); // TECH 12 → 8
  m.as("TECH", { type: "OfferFellowship", to: "LDC", note: "We would love to hear from you." });
  m.as("LDC", { type: "AcceptFellowship", fellowship: "f1" }); // TECH 8 → 6
  m.as("DNS", { type: "OfferFellowship", to: "CS-S", programme: true });
  m.as("CS-S", { type: "AcceptFellowship", fellowship: "f2" }); // free: the programme pays
  m.as("USG", { type: "BookTravel", mode: "in-person" }); // USG 10 → 8
  m.as("EU", { type: "BookTravel", mode: "in-person" }); // EU 8 → 7
  m.as("DNS", { type: "BookTravel", mode: "in-person" }); // DNS 7 → 5
  m.as("NGO-N", { type: "BookTravel", mode: "in-person" }); // NGO-N 3 → 2
  m.as("EMG", { type: "BookTravel", mode: "in-person" }); // EMG 4 → 2
  m.as("IP", { type: "BookTravel", mode: "remote" });
  m.skipTo("negotiation");
  m.as("TECH", { type: "TableOption", option: "A2" });
  m.as("EMG", { type: "TableOption", option: "A3" });
  m.as("TECH", { type: "SendCorridorMessage", to: "LDC", text: "Glad you could come. A2 keeps things stable." });
  m.as("USG", { type: "GiveGrant", to: "EMG", amount: 2, note: "For your digital inclusion plan" }); // USG 8 → 6, EMG 2 → 4
  m.as("IP", { type: "PostRemoteComment", text: "Creators need a voice in this too." });
  m.as("EMG", { type: "MakeStatement", text: "An independent authority would include the South." });
  for (const r of ["USG", "TECH", "DNS", "EU", "NGO-N"]) m.as(r, { type: "DeclarePosition", option: "A2", stance: "support" });
  m.as("LDC", { type: "DeclarePosition", option: "A2", stance: "live" });
  m.as("CS-S", { type: "DeclarePosition", option: "A2", stance: "live" });
  m.as("EMG", { type: "DeclarePosition", option: "A2", stance: "live" });
  m.as("EMG", { type: "DeclarePosition", option: "A3", stance: "support" });
  m.as("DNS", { type: "DeclarePosition", option: "A3", stance: "object" });
  m.skipTo("outcome"); // A3 is blocked by DNS; A2 carries by consensus.

  // Round B, São Paulo (NETmundial). Latin America is home for EMG only.
  m.skipTo("travel", 1);
  for (const r of ["TECH", "USG", "EU", "EMG"]) m.as(r, { type: "BookTravel", mode: "in-person" }); // TECH 18→16, USG 16→14, EU 15→13, EMG 8→7
  m.as("NGO-N", { type: "BookTravel", mode: "remote" });
  m.skipTo("negotiation", 1);
  m.as("TECH", { type: "TableOption", option: "B1" });
  m.as("EU", { type: "TableOption", option: "B3" });
  m.as("TECH", { type: "DeclarePosition", option: "B1", stance: "support" });
  m.as("USG", { type: "DeclarePosition", option: "B1", stance: "support" });
  m.as("EU", { type: "DeclarePosition", option: "B1", stance: "object" });
  m.as("EU", { type: "DeclarePosition", option: "B3", stance: "support" });
  m.as("TECH", { type: "DeclarePosition", option: "B3", stance: "object" });
  m.skipTo("outcome", 1); // Both blocked: the status quo B1 stands, and TECH's income rises to 13.

  // Round C, Paris (OECD).
  m.skipTo("travel", 2);
  for (const r of ["TECH", "USG", "IP"]) m.as(r, { type: "BookTravel", mode: "in-person" }); // TECH 29→27, USG 24→22, IP 18→16
  m.as("EU", { type: "BookTravel", mode: "in-person" }); // EU 21→20
  m.as("NGO-N", { type: "BookTravel", mode: "in-person" }); // NGO-N 2+3+3=8 → 7
  m.skipTo("negotiation", 2);
  m.as("TECH", { type: "TableOption", option: "C2" });
  m.ok({ type: "NameDrafter", table: 0, role: "EU", seated: true });
  for (const r of ["EU", "USG", "NGO-N"]) m.as(r, { type: "DeclarePosition", option: "C2", stance: "support" });
  for (const r of ["TECH", "IP"]) m.as(r, { type: "DeclarePosition", option: "C2", stance: "live" });
  m.as("EMG", { type: "DeclarePosition", option: "C2", stance: "object" }); // remote: noted, not counted
  m.skipTo("decision", 2);
  m.as("IP", { type: "InsertRider", option: "D1" }); // nobody in the drafting group objects
  m.skipTo("outcome", 2);
  m.wait(45);
  m.ok({ type: "Tick" }, SYSTEM);
  return m;
}
