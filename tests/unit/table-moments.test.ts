// The table's moments, read from real views of a real match: given what happened, the table
// for each viewer finds the moments it animates and tells screen readers, and never one the
// viewer's view does not hold (who paid a trip, who gave a grant).
import { describe, expect, it } from "vitest";
import { viewFor, type Viewer } from "../../shared/index.js";
import { tableModelOf, type TableModel } from "../../client/scenes/table-model.js";
import { momentsBetween, type Moment } from "../../client/scenes/table-moments.js";
import { Match, defaultScenario, seatOf } from "../helpers/engine.js";

const projector: Viewer = { kind: "projector" };
const as = (role: string): Viewer => ({ kind: "player", id: seatOf(role) });

function modelOf(m: Match, viewer: Viewer): TableModel {
  const model = tableModelOf(viewFor(m.s, viewer), 0);
  if (!model) throw new Error("no table model");
  return model;
}

/** The moments `viewer`'s table finds when `step` happens to the match. */
function momentsOf(m: Match, viewer: Viewer, step: () => void): Moment[] {
  const before = modelOf(m, viewer);
  step();
  return momentsBetween(before, modelOf(m, viewer));
}

const kinds = (moments: Moment[]) => moments.map((x) => x.kind);

function inTravel(): Match {
  return new Match(defaultScenario(), {}, 7).seatEveryone().start().skipTo("travel");
}

describe("the table's model", () => {
  it("shows the map in the briefing and travel, the room from the negotiation on, and nothing in the lobby", () => {
    const m = new Match(defaultScenario(), {}, 7).seatEveryone();
    expect(tableModelOf(viewFor(m.s, projector), 0)).toBeNull();
    m.start();
    expect(modelOf(m, projector).screen).toBe("map");
    m.skipTo("travel");
    expect(modelOf(m, projector).screen).toBe("map");
    m.skipTo("negotiation");
    expect(modelOf(m, projector)).toMatchObject({ screen: "room", venue: { city: "London" } });
  });

  it("knows who paid a sponsored trip only for those involved", () => {
    const m = inTravel();
    m.as("DNS", { type: "OfferFellowship", to: "CS-S", note: "Come" });
    m.as("CS-S", { type: "AcceptFellowship", fellowship: "f1" });
    const seat = (viewer: Viewer) => modelOf(m, viewer).seats.find((s) => s.role === "CS-S");
    expect(seat(as("CS-S"))).toMatchObject({ mode: "in-person", paidBy: "DNS" });
    expect(seat(as("DNS"))).toMatchObject({ mode: "in-person", paidBy: "DNS" });
    expect(seat(projector)).toMatchObject({ mode: "in-person", paidBy: undefined });
    expect(seat(as("TECH"))?.paidBy).toBeUndefined();
  });
});

describe("moments during travel", () => {
  it("a self-paid trip: the traveller's table says who paid and what it cost; the projector sees a trip and a balance", () => {
    const m = inTravel();
    const mine = momentsOf(m, as("TECH"), () => m.as("TECH", { type: "BookTravel", mode: "in-person", delegates: 2 }));
    expect(mine).toEqual([{ kind: "trip-booked", role: "TECH", mode: "in-person", sponsor: null, selfPaid: true, cost: 4 }]);
    const m2 = inTravel();
    const seen = momentsOf(m2, projector, () => m2.as("TECH", { type: "BookTravel", mode: "in-person", delegates: 2 }));
    expect(seen).toEqual([
      { kind: "trip-booked", role: "TECH", mode: "in-person", sponsor: null, selfPaid: false, cost: 4 },
      { kind: "balances", changes: [{ role: "TECH", from: 12, to: 8 }] },
    ]);
  });

  it("a sponsored trip names the sponsor only to the two parties", () => {
    const m = inTravel();
    m.as("DNS", { type: "OfferFellowship", to: "CS-S", note: "Come" });
    const accept = () => m.as("CS-S", { type: "AcceptFellowship", fellowship: "f1" });
    const before = { dns: modelOf(m, as("DNS")), projector: modelOf(m, projector), tech: modelOf(m, as("TECH")) };
    accept();
    const forDns = momentsBetween(before.dns, modelOf(m, as("DNS")));
    expect(forDns).toEqual([{ kind: "trip-booked", role: "CS-S", mode: "in-person", sponsor: "DNS", selfPaid: false, cost: 2 }]);
    for (const [who, was, viewer] of [["projector", before.projector, projector], ["TECH", before.tech, as("TECH")]] as const) {
      const moments = momentsBetween(was, modelOf(m, viewer));
      expect(moments, who).toEqual([
        { kind: "trip-booked", role: "CS-S", mode: "in-person", sponsor: null, selfPaid: false, cost: 2 },
        { kind: "balances", changes: [{ role: "DNS", from: 7, to: 5 }] },
      ]);
      expect(JSON.stringify(moments)).not.toContain('"sponsor":"DNS"');
    }
  });

  it("travel closing tells who flies in, who joins by video and who stays away", () => {
    const m = new Match(defaultScenario(), {}, 7).seatEveryone(["TECH", "USG", "EU", "DNS", "IP", "EMG", "NGO-N", "CS-S"]).start().skipTo("travel");
    m.as("TECH", { type: "BookTravel", mode: "in-person" });
    m.as("EU", { type: "BookTravel", mode: "remote" });
    const moments = momentsOf(m, projector, () => m.skipTo("negotiation"));
    const closed = moments.find((x) => x.kind === "travel-closed");
    expect(closed).toMatchObject({ kind: "travel-closed", city: "London", inPerson: ["TECH"], absent: ["LDC"] });
    // Seats nobody booked join by video when someone holds them.
    expect(closed && "remote" in closed ? closed.remote : []).toEqual(["USG", "EU", "DNS", "IP", "EMG", "NGO-N", "CS-S"]);
  });
});

describe("moments during the negotiation, the decision and the outcome", () => {
  function inNegotiation(): Match {
    const m = inTravel();
    for (const role of ["TECH", "USG", "DNS", "EMG", "NGO-N"]) m.as(role, { type: "BookTravel", mode: "in-person" });
    m.as("EU", { type: "BookTravel", mode: "remote" });
    return m.skipTo("negotiation");
  }

  it("a grant: coins move seat to seat for the parties; the projector sees balances move, not a gift", () => {
    const m = inNegotiation();
    const before = { tech: modelOf(m, as("TECH")), ngo: modelOf(m, as("NGO-N")), projector: modelOf(m, projector) };
    m.as("TECH", { type: "GiveGrant", to: "NGO-N", amount: 3, note: "core" });
    for (const [was, viewer] of [[before.tech, as("TECH")], [before.ngo, as("NGO-N")]] as const) {
      expect(momentsBetween(was, modelOf(m, viewer))).toEqual([{ kind: "grant", id: expect.any(String), from: "TECH", to: "NGO-N", amount: 3 }]);
    }
    expect(momentsBetween(before.projector, modelOf(m, projector))).toEqual([
      { kind: "balances", changes: [{ role: "TECH", from: 10, to: 7 }, { role: "NGO-N", from: 2, to: 5 }] },
    ]);
  });

  it("voices, tabled options and the drafting group", () => {
    const m = inNegotiation();
    expect(momentsOf(m, projector, () => m.as("USG", { type: "MakeStatement", text: "Hold the root" }))).toEqual([{ kind: "floor", role: "USG", text: "Hold the root" }]);
    expect(momentsOf(m, projector, () => m.as("EU", { type: "PostRemoteComment", text: "From Brussels" }))).toEqual([{ kind: "remote-comment", role: "EU", text: "From Brussels" }]);
    // The same words again are a new voice.
    expect(kinds(momentsOf(m, projector, () => m.as("USG", { type: "MakeStatement", text: "Hold the root" })))).toEqual(["floor"]);
    expect(momentsOf(m, projector, () => m.as("TECH", { type: "TableOption", option: "A2" }))).toEqual([{ kind: "tabled", option: "A2", title: expect.any(String), by: "TECH" }]);
    expect(momentsOf(m, projector, () => m.ok({ type: "NameDrafter", table: 0, role: "USG", seated: true }))).toEqual([{ kind: "drafting", joined: ["USG"], left: [], members: ["USG"] }]);
  });

  it("positions turn face up, then the verdict and what it means for every seat", () => {
    const m = inNegotiation();
    m.as("TECH", { type: "TableOption", option: "A2" });
    m.skipTo("decision");
    const declared = momentsOf(m, projector, () => {
      m.as("TECH", { type: "DeclarePosition", option: "A2", stance: "support" });
      m.as("NGO-N", { type: "DeclarePosition", option: "A2", stance: "live" });
    });
    expect(declared).toEqual([
      {
        kind: "positions",
        declared: [
          { role: "TECH", option: "A2", stance: "support" },
          { role: "NGO-N", option: "A2", stance: "live" },
        ],
      },
    ]);
    const outcome = momentsOf(m, projector, () => m.skipTo("outcome"));
    expect(kinds(outcome)).toEqual(["verdict", "payoffs"]);
    expect(outcome[0]).toMatchObject({ kind: "verdict", adopted: "A2", by: "consensus", rule: "R1" });
    const payoffs = outcome[1];
    expect(payoffs?.kind === "payoffs" && payoffs.payoffs.length).toBe(9);
  });

  it("a new round opens on the map with every delegation's income", () => {
    const m = inNegotiation();
    m.skipTo("outcome");
    const moments = momentsOf(m, projector, () => m.skipTo("briefing", 1));
    expect(moments[0]).toMatchObject({ kind: "round-opened", round: 1, city: "São Paulo" });
    const income = moments[0]?.kind === "round-opened" ? moments[0].income : [];
    expect(income.find((x) => x.role === "TECH")).toEqual({ role: "TECH", amount: 12 });
  });

  it("a page that opens mid-round replays nothing", () => {
    const m = inNegotiation();
    expect(momentsBetween(null, modelOf(m, projector))).toEqual([]);
  });
});
