// What the setup page may know about the scenarios before a match exists: titles and sizes,
// so it can offer the choice and compute the lesson's length (rounds × phase timers). Public
// facts only — no payoff, briefing or score leaves through here.
import { readingSeconds } from "../shared/rules/lesson-plans.js";
import { DEFAULT_SCENARIO_ID, loadScenario, scenarioIds } from "./scenarios/index.js";

export interface ScenarioSummary {
  id: string;
  title: string;
  summary: string;
  /** Rounds of a match: one per dossier. */
  dossiers: number;
  /** Seats at one table. */
  roles: number;
  /** Seconds the longest role card takes to read and think over: the plans' briefing clock. */
  readingSeconds: number;
  /** The scenario's own words explained (public): the glossary before a match exists. */
  glossary: { term: string; meaning: string }[];
  default: boolean;
}

export function scenarioSummaries(): ScenarioSummary[] {
  return scenarioIds().map((id) => {
    const scenario = loadScenario(id);
    return { id, title: scenario.title, summary: scenario.summary, dossiers: scenario.dossiers.length, roles: scenario.roles.length, readingSeconds: readingSeconds(scenario), glossary: scenario.lesson?.glossary ?? [], default: id === DEFAULT_SCENARIO_ID };
  });
}
