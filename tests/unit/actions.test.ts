// The view's available actions: given a match, when a viewer looks, then each control is
// enabled exactly when decide() would accept its command, with decide's reason when not.
import { describe, expect, it } from "vitest";
import { decide, viewFor, type Actions, type Command, type MatchView } from "../../shared/index.js";
import { Match, T0, TEACHER, defaultScenario, player, seatOf } from "../helpers/engine.js";

const actionsOf = (m: Match, role: string): Actions => viewFor(m.s, { kind: "player", id: seatOf(role) }).actions!;
const teacherActions = (m: Match): Actions => viewFor(m.s, { kind: "teacher" }).actions!;

/** In negotiation: TECH, USG, EU and NGO-N travelled; the others take part remotely. */
function inNegotiation(settings = {}) {
  const m = new Match(defaultScenario(), settings).seatEveryone().start().skipTo("travel");
  for (const r of ["TECH", "USG", "EU", "NGO-N"]) m.as(r, { type: "BookTravel", mode: "in-person" });
  return m.skipTo("negotiation");
}

/** In the decision: A2 and A3 tabled, NGO-N named to the drafting group by the teacher. */
function inDecision(settings = {}) {
  const m = inNegotiation(settings);
  m.as("TECH", { type: "TableOption", option: "A2" });
  m.as("EU", { type: "TableOption", option: "A3" });
  m.ok({ type: "NameDrafter", table: 0, role: "NGO-N", seated: true });
  return m.skipTo("decision");
}

describe("available actions in the lobby", () => {
  it("a seated student can do nothing yet, and is told the match has not started", () => {
    const m = new Match().seatEveryone(["TECH", "USG"]);
    const a = actionsOf(m, "TECH");
    expect(a.BookTravel).toMatchObject({ ok: false, code: "not-started" });
    expect(a.MakeStatement).toEqual({ ok: false, code: "not-started" });
    expect(a.TableOption).toEqual({ ok: false, code: "not-started", targets: {} });
  });
  it("the teacher may start, fill seats and move players, but not run a clock", () => {
    const a = teacherActions(new Match().seatEveryone(["TECH", "USG"]));
    expect(a.StartMatch).toEqual({ ok: true });
    expect(a.FillWithBots).toEqual({ ok: true });
    expect(a.AssignRole?.targets).toEqual({ tech: { ok: true }, usg: { ok: true } });
    expect(a.PauseClock).toEqual({ ok: false, code: "not-started" });
    expect(a.ShowDebriefCard).toEqual({ ok: false, code: "debrief-not-open" });
  });
  it("with nobody seated, starting is refused with the reason", () => {
    expect(teacherActions(new Match()).StartMatch).toEqual({ ok: false, code: "nobody-to-start" });
  });
  it("the projector, a spectator and a replay's role view get no actions", () => {
    const m = new Match().seatEveryone(["TECH"]);
    expect(viewFor(m.s, { kind: "projector" }).actions).toBeNull();
    expect(viewFor(m.s, { kind: "spectator" }).actions).toBeNull();
    expect(viewFor(m.s, { kind: "role", table: 0, role: "TECH" }).actions).toBeNull();
  });
});

describe("available actions during travel", () => {
  const travel = () => new Match().seatEveryone().start().skipTo("travel");
  it("a role that cannot pay its own trip may only take part remotely", () => {
    const a = actionsOf(travel(), "LDC");
    expect(a.BookTravel).toEqual({ ok: true, targets: { "in-person": { ok: false, code: "cannot-travel-alone" }, remote: { ok: true } } });
  });
  it("a rich role may go in person, offer fellowships to others but not to itself", () => {
    const a = actionsOf(travel(), "TECH");
    expect(a.BookTravel?.targets?.["in-person"]).toEqual({ ok: true });
    expect(a.OfferFellowship?.targets?.["CS-S"]).toEqual({ ok: true });
    expect(a.OfferFellowship?.targets).not.toHaveProperty("TECH");
    expect(a.OfferFellowship?.targets?.["CS-S/programme"]).toEqual({ ok: false, code: "no-programme-seats" });
  });
  it("only the programme's runner has programme seats to offer", () => {
    const a = actionsOf(travel(), "DNS");
    expect(a.OfferFellowship?.targets?.["CS-S/programme"]).toEqual({ ok: true });
  });
  it("a guest can answer an offer addressed to it; others never learn of the offer", () => {
    const m = travel();
    m.as("TECH", { type: "OfferFellowship", to: "CS-S" });
    expect(actionsOf(m, "CS-S").AcceptFellowship).toEqual({ ok: true, targets: { f1: { ok: true } } });
    expect(actionsOf(m, "TECH").WithdrawFellowship).toEqual({ ok: true, targets: { f1: { ok: true } } });
    expect(actionsOf(m, "TECH").AcceptFellowship).toEqual({ ok: false, code: "unknown-offer", targets: {} });
    expect(JSON.stringify(actionsOf(m, "USG"))).not.toContain("f1");
    m.as("CS-S", { type: "AcceptFellowship", fellowship: "f1" });
    expect(actionsOf(m, "CS-S").AcceptFellowship).toEqual({ ok: false, code: "offer-closed", targets: { f1: { ok: false, code: "offer-closed" } } });
  });
  it("a role with no tokens can give no grant, and says why", () => {
    const m = travel();
    m.as("CS-S", { type: "GiveGrant", to: "LDC", amount: 1 });
    expect(actionsOf(m, "CS-S").GiveGrant).toMatchObject({ ok: false, code: "not-enough-tokens" });
  });
  it("nothing of the negotiation is open yet", () => {
    const a = actionsOf(travel(), "TECH");
    expect(a.MakeStatement).toEqual({ ok: false, code: "phase-closed" });
    expect(a.TableOption).toMatchObject({ ok: false, code: "phase-closed" });
  });
});

describe("available actions during negotiation", () => {
  it("in the room: speak, table, talk in the corridor with those in the room only", () => {
    const a = actionsOf(inNegotiation(), "TECH");
    expect(a.MakeStatement).toEqual({ ok: true });
    expect(a.PostRemoteComment).toEqual({ ok: false, code: "not-remote" });
    expect(a.TableOption?.targets?.A2).toEqual({ ok: true });
    expect(a.SendCorridorMessage?.targets?.["NGO-N"]).toEqual({ ok: true });
    expect(a.SendCorridorMessage?.targets?.LDC).toEqual({ ok: false, code: "recipient-not-in-room" });
  });
  it("remote: written comments only, corridor closed for every recipient", () => {
    const a = actionsOf(inNegotiation(), "CS-S");
    expect(a.PostRemoteComment).toEqual({ ok: true });
    expect(a.MakeStatement).toEqual({ ok: false, code: "not-in-room" });
    expect(a.SendCorridorMessage).toMatchObject({ ok: false, code: "not-in-room" });
    expect(a.TableOption).toMatchObject({ ok: false, code: "not-in-room" });
  });
  it("a muted delegate may not speak but may still table an option", () => {
    const m = inNegotiation();
    m.ok({ type: "MutePlayer", player: "tech", muted: true });
    const a = actionsOf(m, "TECH");
    expect(a.MakeStatement).toEqual({ ok: false, code: "muted" });
    expect(a.TableOption?.ok).toBe(true);
  });
  it("positions can be declared on tabled options only", () => {
    const m = inNegotiation();
    m.as("TECH", { type: "TableOption", option: "A2" });
    const a = actionsOf(m, "CS-S");
    expect(a.DeclarePosition?.targets?.A2).toEqual({ ok: true });
    expect(a.DeclarePosition?.targets?.A3).toEqual({ ok: false, code: "not-tabled" });
  });
  it("the teacher may name drafters among those in the room only", () => {
    const a = teacherActions(inNegotiation());
    expect(a.NameDrafter?.targets?.["0/NGO-N"]).toEqual({ ok: true });
    expect(a.NameDrafter?.targets?.["0/LDC"]).toEqual({ ok: false, code: "not-in-room" });
    expect(a.CallConsensus).toMatchObject({ ok: false, code: "phase-closed" });
  });
});

describe("available actions during the decision", () => {
  it("only the rider's owner may insert its clause, and only when late insertion is on", () => {
    const m = inDecision();
    expect(actionsOf(m, "IP").InsertRider).toMatchObject({ ok: true, targets: { D1: { ok: true } } });
    expect(actionsOf(m, "TECH").InsertRider).toMatchObject({ ok: false, code: "no-rider" });
    expect(actionsOf(inDecision({ variants: { lateInsertion: false } }), "IP").InsertRider).toMatchObject({ ok: false, code: "rider-off" });
  });
  it("once a clause is in, drafters may object to it and others are told why not", () => {
    const m = inDecision();
    expect(actionsOf(m, "NGO-N").ObjectToRider).toEqual({ ok: false, code: "no-rider-pending" });
    m.as("IP", { type: "InsertRider", option: "D1" });
    expect(actionsOf(m, "NGO-N").ObjectToRider).toEqual({ ok: true });
    expect(actionsOf(m, "USG").ObjectToRider).toEqual({ ok: false, code: "not-drafter" });
    expect(actionsOf(m, "IP").InsertRider).toMatchObject({ ok: false, code: "rider-used" });
  });
  it("a teacher chair may call consensus on tabled options of a rough-consensus table", () => {
    const a = teacherActions(inDecision({ chair: "teacher" }));
    expect(a.CallConsensus?.targets?.["0/A2"]).toEqual({ ok: true });
    expect(a.CallConsensus?.targets?.["0/A1"]).toEqual({ ok: false, code: "not-tabled" });
    expect(teacherActions(inDecision()).CallConsensus).toMatchObject({ ok: false, code: "chair-automatic" });
    expect(teacherActions(inDecision({ chair: "teacher", rules: ["R3"] })).CallConsensus).toMatchObject({ ok: false, code: "wrong-rule" });
  });
});

describe("available actions after the end", () => {
  it("the teacher leads the debrief; nothing else moves", () => {
    const m = new Match().seatEveryone(["TECH"]).start();
    m.ok({ type: "EndMatch" });
    const a = teacherActions(m);
    expect(a.ShowDebriefCard).toEqual({ ok: true });
    expect(a.ShowNicknames).toEqual({ ok: true });
    expect(a.AdvancePhase).toEqual({ ok: false, code: "match-ended" });
    expect(actionsOf(m, "TECH").GiveGrant).toMatchObject({ ok: false, code: "match-ended" });
  });
});

describe("every action agrees with decide", () => {
  // Rebuilds, from the view alone, the command each target stands for, and asks decide.
  function commandFor(view: MatchView, name: string, target: string): Command | null {
    const [a, b] = target.split("/");
    switch (name) {
      case "BookTravel":
        return target === "remote" ? { type: "BookTravel", mode: "remote" } : { type: "BookTravel", mode: "in-person", delegates: 1 };
      case "OfferFellowship":
        return { type: "OfferFellowship", to: a!, expects: view.scenario.dossiers[view.round]?.options[0]?.id ?? null, programme: b === "programme" };
      case "GiveGrant":
        return { type: "GiveGrant", to: target, amount: 1 };
      case "SendCorridorMessage":
        return { type: "SendCorridorMessage", to: target, text: "Hello" };
      case "TableOption":
        return { type: "TableOption", option: target };
      case "DeclarePosition":
        return { type: "DeclarePosition", option: target, stance: "object" };
      case "InsertRider":
        return { type: "InsertRider", option: target };
      case "AcceptFellowship":
      case "DeclineFellowship":
      case "WithdrawFellowship":
        return { type: name, fellowship: target };
      default:
        return null;
    }
  }
  it("at every moment of a played round, for every seat", () => {
    const m = inDecision();
    m.as("IP", { type: "InsertRider", option: "D1" });
    for (const role of m.scenario.roles.map((r) => r.id)) {
      const view = viewFor(m.s, { kind: "player", id: seatOf(role) });
      for (const [name, action] of Object.entries(view.actions!)) {
        for (const [target, expected] of Object.entries(action.targets ?? {})) {
          const command = commandFor(view, name, target);
          if (!command) continue;
          const v = decide(m.s, command, { actor: player(seatOf(role)), now: T0 });
          expect(v.ok ? { ok: true } : { ok: false, code: v.rejection.code }, `${role} ${name} ${target}`).toEqual(expected);
        }
      }
    }
    expect(decide(m.s, { type: "ObjectToRider" }, { actor: player("ngo-n"), now: T0 }).ok).toBe(viewFor(m.s, { kind: "player", id: "ngo-n" }).actions!.ObjectToRider!.ok);
    expect(decide(m.s, { type: "AdvancePhase" }, { actor: TEACHER, now: T0 }).ok).toBe(true);
  });
});
