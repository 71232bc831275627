// Lesson plans: what a class does in each period and how long each part takes. Every figure a
// teacher sees (the setup page, the teacher's guide) is computed here from the clocks and the
// scenario's own text, never written by hand — so a longer scenario or a changed clock shows
// up in the plan at once, and the unit tests hold every shipped scenario to its periods.
import type { Scenario } from "../scenario/schema.js";

/** A student reads a role card at this pace (a comfortable rate for a 14-year-old reading to act). */
export const READING_WORDS_PER_MINUTE = 150;
/** Time to think after reading, before the next phase asks for a decision. */
export const THINKING_SECONDS = 60;
/**
 * Words the screen adds around a role card's own text (headings such as "Your mandate", the
 * facts line "Income per round: 12 tokens", "Only you can see this"). The catalog test
 * (tests/unit/lesson-plans.test.ts) counts them in the English catalog and keeps this honest.
 */
export const CARD_FRAME_WORDS = 75;

export const PLAN_IDS = ["single-45", "two-lessons", "seminar-90"] as const;
export type PlanId = (typeof PLAN_IDS)[number];

/** The clocks of one round, in seconds. */
export interface PhaseClocks {
  briefing: number;
  travel: number;
  negotiation: number;
  decision: number;
  outcome: number;
}

export type PeriodPart = "join" | "play" | "debrief";

export interface LessonPlan {
  id: PlanId;
  /** The periods on the timetable, in order, and what happens in each. */
  periods: readonly { minutes: number; parts: readonly PeriodPart[] }[];
  /** Minutes for joining, choosing nicknames and dealing roles (the lobby has no clock). */
  joinMinutes: number;
  /** The round's clocks apart from the briefing, which the scenario's text decides. */
  clocks: Omit<PhaseClocks, "briefing">;
  /** The briefing is never shorter than this, however short the cards. */
  briefingAtLeast: number;
  /** The debrief cards this plan shows, by id, or every card; and minutes per card with its questions. */
  debrief: { cards: readonly string[] | "all"; minutesPerCard: number };
  /** The guide tells the teacher to print role cards and hand them out before the lesson. */
  printRoleCardsBeforehand: boolean;
}

/**
 * The debrief cards that carry the essay's point when there is time for only a few: what the
 * essay claims, what the class decided and who gained, where the money went, and who nobody
 * spoke for.
 */
export const SHORT_DEBRIEF = ["argument", "outcomes", "money", "chair"] as const;

export const LESSON_PLANS: Readonly<Record<PlanId, LessonPlan>> = {
  // One period: join, three short rounds, a debrief of the four cards that carry the point.
  "single-45": {
    id: "single-45",
    periods: [{ minutes: 45, parts: ["join", "play", "debrief"] }],
    joinMinutes: 5,
    clocks: { travel: 60, negotiation: 210, decision: 60, outcome: 30 },
    briefingAtLeast: 90,
    debrief: { cards: SHORT_DEBRIEF, minutesPerCard: 2 },
    printRoleCardsBeforehand: false,
  },
  // Play in one period; the next period reopens the match from the recorded matches for the whole debrief.
  "two-lessons": {
    id: "two-lessons",
    periods: [
      { minutes: 45, parts: ["join", "play"] },
      { minutes: 45, parts: ["debrief"] },
    ],
    joinMinutes: 5,
    clocks: { travel: 90, negotiation: 330, decision: 90, outcome: 45 },
    briefingAtLeast: 120,
    debrief: { cards: "all", minutesPerCard: 4 },
    printRoleCardsBeforehand: false,
  },
  // A university seminar: longer negotiation, the whole debrief, role cards read beforehand.
  "seminar-90": {
    id: "seminar-90",
    periods: [{ minutes: 90, parts: ["join", "play", "debrief"] }],
    joinMinutes: 5,
    clocks: { travel: 120, negotiation: 540, decision: 120, outcome: 60 },
    briefingAtLeast: 120,
    debrief: { cards: "all", minutesPerCard: 3 },
    printRoleCardsBeforehand: true,
  },
};

export function isPlanId(id: string): id is PlanId {
  return (PLAN_IDS as readonly string[]).includes(id);
}

/** Words in a text, as a reader counts them (numbers and "A2" are words too). */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/**
 * What one role reads in the briefing of one round: its card (who it is, its mandate, its
 * case for the public, what only it knows) and the round's dossier (the question, each option
 * with its summary).
 */
export function briefingTexts(scenario: Scenario, roleId: string, round: number): string[] {
  const role = scenario.roles.find((r) => r.id === roleId);
  const dossier = scenario.dossiers[round];
  if (!role || !dossier) return [];
  const extra = (role as { publicInterestCase?: string }).publicInterestCase;
  return [
    role.name,
    role.card,
    role.mandate,
    ...(extra ? [extra] : []),
    ...role.knowledge.notes,
    dossier.title,
    dossier.question,
    ...dossier.options.flatMap((o) => [o.title, o.summary]),
  ];
}

/** The longest briefing of the scenario (any role, any round), in words including the screen's own. */
export function longestBriefing(scenario: Scenario): { role: string; round: number; words: number } {
  let longest = { role: scenario.roles[0]?.id ?? "", round: 0, words: 0 };
  for (const role of scenario.roles) {
    scenario.dossiers.forEach((_, round) => {
      const words = briefingTexts(scenario, role.id, round).reduce((sum, text) => sum + wordCount(text), 0) + CARD_FRAME_WORDS;
      if (words > longest.words) longest = { role: role.id, round, words };
    });
  }
  return longest;
}

/** Seconds to read the longest briefing at READING_WORDS_PER_MINUTE and think for THINKING_SECONDS, up to the next 10 s. */
export function readingSeconds(scenario: Scenario): number {
  const seconds = (longestBriefing(scenario).words / READING_WORDS_PER_MINUTE) * 60 + THINKING_SECONDS;
  return Math.ceil(seconds / 10) * 10;
}

/** A plan's clocks for a scenario: the briefing covers the longest card, the rest are the plan's. */
export function planClocks(plan: LessonPlan, reading: number): PhaseClocks {
  return { briefing: Math.max(plan.briefingAtLeast, reading), ...plan.clocks };
}

export function roundSeconds(clocks: PhaseClocks): number {
  return clocks.briefing + clocks.travel + clocks.negotiation + clocks.decision + clocks.outcome;
}

/** Cards a debrief shows, given how many cards the full debrief has. */
export function debriefCardCount(plan: Pick<LessonPlan, "debrief">, allCards: number): number {
  return plan.debrief.cards === "all" ? allCards : plan.debrief.cards.length;
}

export interface PlanTiming {
  rounds: number;
  clocks: PhaseClocks;
  roundSeconds: number;
  /** The clocked play: every round's phases. */
  playSeconds: number;
  debriefCards: number;
  debriefSeconds: number;
  /** Per period: its length, what it holds, and the minutes left for joining and discussion. */
  periods: { minutes: number; parts: readonly PeriodPart[]; clockedSeconds: number; spareSeconds: number }[];
}

/**
 * The timing of a plan for a scenario of `rounds` dossiers whose longest card takes `reading`
 * seconds, with a full debrief of `allCards` cards. `spareSeconds` is what each period leaves
 * once its clocked play and its debrief are done: the time for joining and for discussion.
 */
export function planTiming(plan: LessonPlan, facts: { rounds: number; reading: number; allCards: number }): PlanTiming {
  const clocks = planClocks(plan, facts.reading);
  const perRound = roundSeconds(clocks);
  const playSeconds = perRound * facts.rounds;
  const debriefCards = debriefCardCount(plan, facts.allCards);
  const debriefSeconds = debriefCards * plan.debrief.minutesPerCard * 60;
  const periods = plan.periods.map((p) => {
    const clockedSeconds = (p.parts.includes("play") ? playSeconds : 0) + (p.parts.includes("debrief") ? debriefSeconds : 0);
    return { minutes: p.minutes, parts: p.parts, clockedSeconds, spareSeconds: p.minutes * 60 - clockedSeconds };
  });
  return { rounds: facts.rounds, clocks, roundSeconds: perRound, playSeconds, debriefCards, debriefSeconds, periods };
}
