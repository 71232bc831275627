// The rule check of imported records (shared/replay/check.ts): every record the engine really
// produces passes — scripted, long, bots under every rule and variant — and every forgery the
// security probe used is refused with the event it failed at and why. A checksum cannot do
// this: each forged record below also gets a freshly recomputed finalHash.
import { describe, expect, it } from "vitest";
import { recheck, recheckAll } from "../../shared/replay/check.js";
import { buildRecord, type RecordedEvent } from "../../shared/replay/record.js";
import { simulateMatch } from "../../shared/bots/simulate.js";
import type { GameEvent } from "../../shared/rules/events.js";
import { defaultScenario, Match, player, TEACHER } from "../helpers/engine.js";
import { longMatchRecorded } from "../helpers/long-match.js";
import { scriptedMatch } from "../helpers/scripted-match.js";

const scripted = () => scriptedMatch().recorded;

/** A forged copy, renumbered; most forgeries also fold without complaint, so a recomputed checksum would pass them. */
function forged(events: RecordedEvent[]): RecordedEvent[] {
  return events.map((e, i) => ({ ...structuredClone(e), seq: i + 1 }));
}

function refusal(events: RecordedEvent[]): { at: number; reason: string } {
  const result = recheckAll(events);
  if (result.ok) throw new Error("the forgery was accepted");
  return result;
}

function findIndex(events: RecordedEvent[], type: GameEvent["type"], from = 0): number {
  const i = events.findIndex((e, k) => k >= from && e.event.type === type);
  if (i < 0) throw new Error(`no ${type} in the record`);
  return i;
}

describe("records the engine produced", () => {
  it("accepts the scripted match and a long one, whole", () => {
    expect(recheckAll(scripted()).ok).toBe(true);
    expect(recheckAll(longMatchRecorded(3000)).ok).toBe(true);
  });

  it("accepts bots-only matches under every rule and variant, with several tables", () => {
    const scenario = defaultScenario();
    const settings = [
      { rules: ["R1"], bots: true, chair: "automatic" },
      { rules: ["R2"], bots: true, chair: "automatic", variants: { surveillance: true, lateInsertion: true, fellowships: "hard" } },
      { rules: ["R3", "R4"], tables: 2, bots: true, chair: "automatic" },
      { rules: ["R1"], bots: true, chair: "teacher" },
    ] as const;
    for (const [i, s] of settings.entries()) {
      for (const seed of [1, 2]) {
        const result = simulateMatch({ scenario, seed: seed * 7 + i, settings: structuredClone(s) as never });
        const check = recheckAll(result.recorded);
        expect(check, `settings ${i}, seed ${seed}`).toMatchObject({ ok: true });
      }
    }
  }, 60_000);

  it("checks in slices, so a server can do other work between them", () => {
    const events = longMatchRecorded(1200);
    const run = recheck(events, 100);
    let slices = 0;
    let step = run.next();
    while (!step.done) {
      slices++;
      expect(step.value).toBeGreaterThan(0);
      step = run.next();
    }
    expect(step.value.ok).toBe(true);
    expect(slices).toBeGreaterThanOrEqual(10);
  });
});

describe("forgeries the rules refuse", () => {
  it("a grant of 1,000 tokens that the giver never had", () => {
    const events = forged(scripted());
    const i = findIndex(events, "GrantGiven");
    (events[i]!.event as Extract<GameEvent, { type: "GrantGiven" }>).amount = 1000;
    // It folds (a balance goes negative) and gets a matching final hash: a checksum would accept it.
    expect(buildRecord(events).finalHash).toMatch(/^[0-9a-f]{14}$/);
    expect(refusal(events)).toMatchObject({ at: i + 1, reason: expect.stringMatching(/GrantGiven.*enough tokens/) });
  });

  it("a grant of −50", () => {
    const events = forged(scripted());
    const i = findIndex(events, "GrantGiven");
    (events[i]!.event as Extract<GameEvent, { type: "GrantGiven" }>).amount = -50;
    expect(refusal(events)).toMatchObject({ at: i + 1, reason: expect.stringMatching(/whole number of tokens/) });
  });

  it("a record followed by a second copy of itself (a second MatchCreated)", () => {
    const once = scripted();
    const events = forged([...once, ...once]);
    expect(refusal(events)).toMatchObject({ at: once.length + 1, reason: expect.stringMatching(/created once/) });
  });

  it("anything after MatchEnded but the debrief", () => {
    const base = scripted();
    const last = base.at(-1)!;
    expect(last.event.type).toBe("MatchEnded");
    const copies = forged([...base, ...Array.from({ length: 5 }, () => last)]);
    expect(refusal(copies)).toMatchObject({ at: base.length + 1, reason: expect.stringMatching(/over/) });
    const news = forged([...base, { seq: 0, at: last.at, actor: TEACHER, event: { type: "NewsPushed", id: "n99", text: "Rewritten history", at: last.at } }]);
    expect(refusal(news)).toMatchObject({ at: base.length + 1 });
    // The debrief the teacher leads afterwards is fine.
    const card = forged([...base, { seq: 0, at: last.at + 1000, actor: TEACHER, event: { type: "DebriefCardShown", card: 2 } }]);
    expect(recheckAll(card).ok).toBe(true);
  });

  it("an actor that was not entitled: a grant from a role by a player who does not hold it", () => {
    const events = forged(scripted());
    const i = findIndex(events, "GrantGiven");
    events[i]!.actor = player("cs-s");
    expect(refusal(events)).toMatchObject({ at: i + 1 });
  });

  it("a teacher's action by a student, and a student's statement put in another's mouth", () => {
    const m = new Match().seatEveryone().start();
    m.ok({ type: "PushNews", text: "The court has ruled." });
    const news = forged(m.recorded);
    const n = findIndex(news, "NewsPushed");
    news[n]!.actor = player("tech");
    expect(refusal(news)).toMatchObject({ at: n + 1, reason: expect.stringMatching(/Only the teacher/) });

    const said = forged(scripted());
    const s = findIndex(said, "StatementMade");
    const statement = said[s]!.event as Extract<GameEvent, { type: "StatementMade" }>;
    statement.role = statement.role === "USG" ? "TECH" : "USG";
    expect(refusal(said)).toMatchObject({ at: s + 1 });
  });

  it("a trip nobody paid for: balances may never go below zero", () => {
    const events = forged(scripted());
    const i = findIndex(events, "TravelBooked");
    const booked = events[i]!.event as Extract<GameEvent, { type: "TravelBooked" }>;
    booked.attendance = { ...booked.attendance, cost: 0 };
    expect(refusal(events)).toMatchObject({ at: i + 1 });
  });

  it("a bot that a student slipped in, and a player who joins twice", () => {
    const m = new Match();
    m.ok({ type: "JoinMatch", playerId: "ana", nickname: "Ana" }, player("ana"));
    const events = forged(m.recorded);
    const joined = events[1]!.event as Extract<GameEvent, { type: "PlayerJoined" }>;
    joined.kind = "bot";
    expect(refusal(events)).toMatchObject({ at: 2 });
    const twice = forged([...m.recorded, m.recorded[1]!]);
    expect(refusal(twice)).toMatchObject({ at: 3, reason: expect.stringMatching(/already taken/) });
  });

  it("a clock that ran out before its time", () => {
    // The teacher skipped the briefing after a second; the forgery says the clock did.
    const events = forged(scripted());
    const skip = events.findIndex((e) => e.event.type === "PhaseChanged" && e.event.reason === "teacher" && e.event.phase === "travel");
    expect(skip).toBeGreaterThan(0);
    events[skip]!.actor = { kind: "system" };
    (events[skip]!.event as Extract<GameEvent, { type: "PhaseChanged" }>).reason = "clock";
    expect(refusal(events)).toMatchObject({ at: skip + 1, reason: expect.stringMatching(/clock has not run out/i) });
  });

  it("a gap or a repeat in the numbering, a missing actor, a missing time", () => {
    const gap = scripted().map((e) => ({ ...e }));
    gap[5]!.seq = 99;
    expect(refusal(gap)).toMatchObject({ at: 6, reason: expect.stringMatching(/numbered/) });
    const noActor = scripted().map((e) => ({ ...e }));
    (noActor[3] as { actor: unknown }).actor = { kind: "wizard" };
    expect(refusal(noActor)).toMatchObject({ at: 4, reason: expect.stringMatching(/actor/) });
    const noTime = scripted().map((e) => ({ ...e }));
    (noTime[3] as { at: unknown }).at = "yesterday";
    expect(refusal(noTime)).toMatchObject({ at: 4, reason: expect.stringMatching(/time/) });
  });

  it("one event of a command removed or changed (the others no longer fit)", () => {
    const events = scripted();
    const start = findIndex(events, "MatchStarted");
    // StartMatch produced MatchStarted, RoundOpened and PhaseChanged together.
    const cut = forged([...events.slice(0, start + 1), ...events.slice(start + 2)]);
    expect(refusal(cut)).toMatchObject({ at: start + 1 });
  });
});
