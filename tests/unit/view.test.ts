// viewFor for every role, the teacher, the projector and a spectator: who sees what.
import { describe, expect, it } from "vitest";
import { viewFor, type MatchView } from "../../shared/index.js";
import { Match, defaultScenario, player, seatOf } from "../helpers/engine.js";

/** Round A in negotiation, with a fellowship, a grant and corridor talk between TECH and NGO-N. */
function scene() {
  const m = new Match(defaultScenario(), { variants: { surveillance: true } }, 3).seatEveryone().start().skipTo("travel");
  m.as("TECH", { type: "BookTravel", mode: "in-person" });
  m.as("NGO-N", { type: "BookTravel", mode: "in-person" });
  m.as("TECH", { type: "OfferFellowship", to: "CS-S", note: "Come to London" });
  m.as("CS-S", { type: "AcceptFellowship", fellowship: "f1" });
  m.skipTo("negotiation");
  m.as("TECH", { type: "GiveGrant", to: "NGO-N", amount: 2, note: "Core funding" });
  m.as("TECH", { type: "SendCorridorMessage", to: "NGO-N", text: "SECRET-CORRIDOR-TEXT" });
  m.as("TECH", { type: "MakeStatement", text: "PUBLIC-FLOOR-TEXT" });
  m.ok({ type: "JoinMatch", playerId: "spec", nickname: "Watcher" }, player("spec"));
  m.ok({ type: "AssignRole", player: "spec", table: null, role: null });
  return m;
}

const payoffNumbersOf = (v: MatchView) => v.scenario.dossiers.flatMap((d) => d.options.filter((o) => o.payoffs));

describe("viewFor during play", () => {
  const m = scene();
  const roles = m.scenario.roles.map((r) => r.id);

  it.each(roles)("the %s delegate sees its own briefing and no one else's", (role) => {
    const v = viewFor(m.s, { kind: "player", id: seatOf(role) });
    const card = m.scenario.roles.find((r) => r.id === role)!;
    expect(v.me).toMatchObject({ role, table: 0 });
    expect(v.briefing!.role).toBe(role);
    expect(v.briefing!.notes).toEqual(card.knowledge.notes);
    for (const d of m.scenario.dossiers) {
      for (const o of d.options) {
        const hidden = card.knowledge.hiddenPayoffs.some((h) => h.dossier === d.id && h.option === o.id);
        expect(v.briefing!.payoffs[d.id]![o.id]).toBe(hidden ? null : o.payoffs[role]);
      }
    }
    expect(Object.keys(v.briefing!.allPayoffs)).toEqual(card.knowledge.seesAllPayoffs);
    expect(payoffNumbersOf(v)).toEqual([]);
    // Other roles' notes never appear.
    const json = JSON.stringify(v);
    for (const other of m.scenario.roles) if (other.id !== role) for (const note of other.knowledge.notes) if (!card.knowledge.notes.includes(note)) expect(json).not.toContain(note);
    expect(json).not.toContain('"rng"');
    expect(json).not.toContain('"seed"');
  });

  it("corridor talk reaches only its two ends (and, under surveillance, the listener of a message it intercepted)", () => {
    // Seed 3: the first message's draw misses, the second's reaches USG, the listening role.
    const talk = new Match(defaultScenario(), { variants: { surveillance: true } }, 3).seatEveryone().start().skipTo("travel");
    for (const r of ["TECH", "NGO-N", "EU"]) talk.as(r, { type: "BookTravel", mode: "in-person" });
    talk.skipTo("negotiation");
    talk.as("TECH", { type: "SendCorridorMessage", to: "NGO-N", text: "UNHEARD-TO-NGO" });
    talk.as("TECH", { type: "SendCorridorMessage", to: "EU", text: "OVERHEARD-TO-EU" });
    expect(talk.s.tables[0]!.corridor.map((c) => c.interceptedBy)).toEqual([null, "USG"]);
    const readers = (text: string) => roles.filter((role) => JSON.stringify(viewFor(talk.s, { kind: "player", id: seatOf(role) })).includes(text));
    expect(readers("UNHEARD-TO-NGO")).toEqual(["TECH", "NGO-N"]);
    expect(readers("OVERHEARD-TO-EU")).toEqual(["TECH", "USG", "EU"]);
  });

  it("fellowships and grants are seen by the two parties only, until the end", () => {
    const see = (role: string) => viewFor(m.s, { kind: "player", id: seatOf(role) }).tables[0]!;
    expect(see("CS-S").fellowships).toHaveLength(1);
    expect(see("TECH").grants).toHaveLength(1);
    expect(see("NGO-N").grants).toHaveLength(1);
    expect(see("USG").fellowships).toHaveLength(0);
    expect(see("USG").grants).toHaveLength(0);
    expect(see("USG").rounds[0]!.attendance["CS-S"]).not.toHaveProperty("paidBy");
    expect(see("CS-S").rounds[0]!.attendance["CS-S"]).toHaveProperty("paidBy", "TECH");
  });

  it("DNS knows the stability score of each oversight option, and nothing else of the public interest", () => {
    const v = viewFor(m.s, { kind: "player", id: "dns" });
    expect(v.briefing!.subScores).toEqual([{ dossier: "A", index: 0, label: "Stability", values: { A1: 9, A2: 9, A3: 6, A4: 7 } }]);
  });

  it("the projector and a spectator see the public part only", () => {
    for (const viewer of [{ kind: "projector" as const }, { kind: "spectator" as const }, { kind: "player" as const, id: "spec" }]) {
      const v = viewFor(m.s, viewer);
      const json = JSON.stringify(v);
      expect(v.briefing).toBeNull();
      expect(payoffNumbersOf(v)).toEqual([]);
      expect(json).not.toContain("SECRET-CORRIDOR-TEXT");
      expect(json).toContain("PUBLIC-FLOOR-TEXT");
      expect(v.tables[0]!.fellowships).toEqual([]);
      expect(v.tables[0]!.grants).toEqual([]);
      for (const r of m.scenario.roles) for (const note of r.knowledge.notes) expect(json).not.toContain(note);
    }
  });

  it("the teacher sees everything except the generator", () => {
    const v = viewFor(m.s, { kind: "teacher" });
    const json = JSON.stringify(v);
    expect(json).toContain("SECRET-CORRIDOR-TEXT");
    expect(v.tables[0]!.fellowships).toHaveLength(1);
    expect(v.tables[0]!.grants).toHaveLength(1);
    expect(v.scenario.dossiers[0]!.options[0]).toMatchObject({ payoffs: expect.any(Object), publicInterest: 4.5 });
    expect(json).not.toContain('"rng"');
  });
});

describe("viewFor after a decision and at the end", () => {
  it("the adopted option's payoffs become public; the rest stay hidden until the end", () => {
    const m = scene();
    m.as("TECH", { type: "TableOption", option: "A2" });
    m.as("TECH", { type: "DeclarePosition", option: "A2", stance: "support" });
    m.skipTo("outcome");
    const v = viewFor(m.s, { kind: "projector" });
    expect(v.tables[0]!.rounds[0]!.adoptedPayoffs).toMatchObject({ USG: 3, "CS-S": -1 });
    expect(payoffNumbersOf(v)).toEqual([]);
    m.ok({ type: "EndMatch" });
    const after = viewFor(m.s, { kind: "projector" });
    expect(payoffNumbersOf(after)).toHaveLength(12);
    expect(after.tables[0]!.fellowships).toHaveLength(1);
    expect(after.scenario.whatHappened.length).toBeGreaterThan(0);
    expect(JSON.stringify(after)).not.toContain("SECRET-CORRIDOR-TEXT");
  });
});
