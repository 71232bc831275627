// The scenarios GET /api/scenarios lists, as the server sends them and the setup page reads
// them: one shape for both sides. Public facts only.
import type { DecisionRuleId, StakeholderGroup } from "../scenario/schema.js";

/**
 * What the setup page may know before a match exists: the choice, its size (the lesson's
 * length, seats per table), its language, the rules it offers and what those rules are made
 * of (houses, who votes under the multilateral rule), and which roles hold the variants' powers.
 * Public facts only — every one of them is on the projector once a match runs; no payoff,
 * briefing, public-interest score or "what happened" leaves through here.
 */
export interface ScenarioSummary {
  id: string;
  title: string;
  summary: string;
  language: string;
  /** Rounds of a match: one per dossier. */
  dossiers: number;
  /** Seats at one table. */
  roles: number;
  /** Seconds the longest role card takes to read and think over: the lesson plans' briefing clock. */
  readingSeconds: number;
  /** The scenario's own words explained (public): the glossary before a match exists. */
  glossary: { term: string; meaning: string }[];
  default: boolean;
  origin: "shipped" | "uploaded";
  uploadedAt?: number;
  rules: DecisionRuleId[];
  houses: { name: string; groups: StakeholderGroup[] }[];
  /**
   * Every role with its group, income (the token-weighted vote's weight) and votes under the
   * multilateral rule (more than one: it speaks for a bloc) — all on the public role cards.
   */
  seats: { id: string; name: string; short: string; group: StakeholderGroup; income: number; votes: number }[];
  /** The roles that hold the variants' powers: who can read corridor talk, who holds the late clause. */
  powers: { listeners: string[]; clauseHolder: string | null };
  /**
   * The words above in other languages, from the scenario's translations overlay, by language
   * tag: the setup page shows the choice in the teacher's language. Public words only.
   */
  texts: Record<string, ScenarioSummaryTexts>;
  /**
   * An upload that no longer passes the checks of this version of the game (kept as it was):
   * why, so the teacher can fix the file and upload it again. It cannot open a match.
   */
  problem?: string;
}

/** A scenario's summary words in one language; whatever is missing stays in the scenario's own words. */
export interface ScenarioSummaryTexts {
  title?: string;
  summary?: string;
  glossary?: { term: string; meaning: string }[];
  /** The houses' names, in the scenario's order. */
  houses?: string[];
  /** Role names by role id. */
  roles?: Record<string, string>;
}
