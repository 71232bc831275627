// Lesson plans against the timetable: the 45-minute plan really fits a 45-minute period, every
// plan gives time to read the longest role card of every shipped scenario, and the clocks of
// matches recorded before the plans are kept so those records still replay.
import { describe, expect, it } from "vitest";
import { loadScenario, scenarioIds } from "../../server/scenarios/index.js";
import {
  CARD_FRAME_WORDS,
  LESSON_PLANS,
  PLAN_IDS,
  READING_WORDS_PER_MINUTE,
  SHORT_DEBRIEF,
  planTiming,
  readingSeconds,
  timersOf,
  wordCount,
} from "../../shared/index.js";
import { en } from "../../client/text/en.js";
import { DEBRIEF_CARDS } from "../../client/text/debrief-en.js";
import { debriefCards } from "../../client/debrief/parts.js";
import type { Scenario } from "../../shared/scenario/schema.js";

const shipped = scenarioIds().map((id) => loadScenario(id));
const words = (texts: (string | undefined)[]) => texts.reduce((sum, t) => sum + (t ? wordCount(t) : 0), 0);

/** The words one role reads in one round's briefing, counted here from the scenario itself. */
function briefingWords(scenario: Scenario, roleIndex: number, round: number): number {
  const role = scenario.roles[roleIndex]!;
  const dossier = scenario.dossiers[round]!;
  const own = [role.name, role.card, role.mandate, (role as { publicInterestCase?: string }).publicInterestCase, ...role.knowledge.notes];
  const options = dossier.options.flatMap((o) => [o.title, o.summary]);
  return words([...own, dossier.title, dossier.question, ...options]) + CARD_FRAME_WORDS;
}

function longestCard(scenario: Scenario): number {
  return Math.max(...scenario.roles.flatMap((_, r) => scenario.dossiers.map((_, d) => briefingWords(scenario, r, d))));
}

describe("the 45-minute lesson", () => {
  it.each(shipped.map((s) => [s.id, s] as const))("%s: clocked play and the short debrief leave at least 10 minutes of 45 for joining and discussion", (_id, scenario) => {
    const plan = LESSON_PLANS["single-45"];
    const timing = planTiming(plan, { rounds: scenario.dossiers.length, reading: readingSeconds(scenario), allCards: DEBRIEF_CARDS.length });
    const clocks = timersOf({ timerPreset: "single-45" }, scenario);
    const play = scenario.dossiers.length * (clocks.briefing + clocks.travel + clocks.negotiation + clocks.decision + clocks.outcome);
    expect(timing.playSeconds).toBe(play);
    const debrief = SHORT_DEBRIEF.length * plan.debrief.minutesPerCard * 60;
    expect(timing.debriefSeconds).toBe(debrief);
    expect(plan.periods).toEqual([{ minutes: 45, parts: ["join", "play", "debrief"] }]);
    expect(45 * 60 - play - debrief).toBeGreaterThanOrEqual(10 * 60);
    expect(timing.periods[0]!.spareSeconds).toBe(45 * 60 - play - debrief);
  });

  it("its short debrief is three or four cards, the essay's argument first", () => {
    expect(SHORT_DEBRIEF.length).toBeGreaterThanOrEqual(3);
    expect(SHORT_DEBRIEF.length).toBeLessThanOrEqual(4);
    expect(SHORT_DEBRIEF[0]).toBe("argument");
  });
});

describe("the other plans fit their periods", () => {
  it.each(shipped.map((s) => [s.id, s] as const))("%s: two lessons (join and play, then the whole debrief) and a 90-minute seminar", (_id, scenario) => {
    const facts = { rounds: scenario.dossiers.length, reading: readingSeconds(scenario), allCards: DEBRIEF_CARDS.length };
    const two = planTiming(LESSON_PLANS["two-lessons"], facts);
    expect(two.periods.map((p) => p.parts)).toEqual([["join", "play"], ["debrief"]]);
    expect(two.debriefCards).toBe(DEBRIEF_CARDS.length);
    for (const period of two.periods) expect(period.spareSeconds, `lesson ${period.parts.join("+")}`).toBeGreaterThanOrEqual(5 * 60);
    const seminar = planTiming(LESSON_PLANS["seminar-90"], facts);
    expect(seminar.periods[0]!.minutes).toBe(90);
    expect(seminar.debriefCards).toBe(DEBRIEF_CARDS.length);
    expect(seminar.periods[0]!.spareSeconds).toBeGreaterThanOrEqual(10 * 60);
  });
});

describe("the debrief's cards at one table and at several", () => {
  it("skips \"tables compared\" when the match had one table: there is nothing to compare", () => {
    expect(debriefCards("all", 1)).toEqual(DEBRIEF_CARDS.filter((card) => card !== "tables"));
    expect(debriefCards("all", 2)).toEqual([...DEBRIEF_CARDS]);
    expect(debriefCards("all", 2).at(-1)).toBe("tables");
  });

  it("keeps every short debrief whole and in the debrief's order, whatever the number of tables", () => {
    for (const tables of [1, 2, 6]) expect(debriefCards(SHORT_DEBRIEF, tables)).toEqual([...SHORT_DEBRIEF]);
    // A plan that named the comparison gets it only where there are tables to compare.
    expect(debriefCards(["outcomes", "tables"], 1)).toEqual(["outcomes"]);
    expect(debriefCards(["outcomes", "tables"], 3)).toEqual(["outcomes", "tables"]);
  });
});

describe("time to read", () => {
  it.each(shipped.flatMap((s) => PLAN_IDS.map((p) => [s.id, p, s] as const)))("%s, %s: the briefing covers the longest role card at 150 words a minute plus 60 s", (_id, planId, scenario) => {
    const needed = (longestCard(scenario) / READING_WORDS_PER_MINUTE) * 60 + 60;
    const { briefing } = timersOf({ timerPreset: planId }, scenario);
    expect(briefing).toBeGreaterThanOrEqual(needed);
    expect(briefing).toBeLessThan(needed + 60); // covers it, without wasting a class's minute
  });

  it("the default scenario's longest card is read in minutes, not the old 60 seconds", () => {
    const scenario = loadScenario();
    expect(longestCard(scenario)).toBeGreaterThan(150);
    expect(readingSeconds(scenario)).toBeGreaterThan(120);
  });

  it("the words the screen adds around a role card are counted within CARD_FRAME_WORDS", () => {
    // What the role card and the briefing table print besides the scenario's text (client/ui/role-card.ts).
    const frame = [
      en["role.card"],
      en["role.you"],
      en["role.group.civil-society"],
      en["role.income"].replace(/\{[^]*\}/, "12 tokens"),
      en["role.travel.sponsor"],
      en["role.delegates"].replace(/\{[^]*\}/, "Up to 4 delegates"),
      en["role.mandate"],
      en["role.knowledge"],
      en["briefing.private"],
      en["briefing.heading"].replace("{dossier}", ""),
      en["briefing.private"],
      en["briefing.option"],
      en["briefing.payoff"],
      en["role.unknown"],
      en["role.unknownText"],
    ];
    expect(words(frame)).toBeLessThanOrEqual(CARD_FRAME_WORDS);
  });
});

describe("matches recorded before the plans", () => {
  it("keep their clocks, so their records replay and pass the import check unchanged", () => {
    const scenario = loadScenario();
    expect(timersOf({ timerPreset: "lesson-45" }, scenario)).toEqual({ briefing: 60, travel: 90, negotiation: 300, decision: 90, outcome: 45 });
    expect(timersOf({ timerPreset: "lesson-90" }, scenario)).toEqual({ briefing: 120, travel: 180, negotiation: 900, decision: 180, outcome: 90 });
  });
  it("custom clocks are the teacher's own", () => {
    const timers = { briefing: 200, travel: 30, negotiation: 400, decision: 60, outcome: 20 };
    expect(timersOf({ timerPreset: "custom", timers }, loadScenario())).toEqual(timers);
  });
});
