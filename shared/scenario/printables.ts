// What the teacher prints before a lesson, built from the scenario data and the match's
// settings — never written by hand per scenario. Invariant: this is the one place that decides
// what a printout holds. Role cards carry each role's private notes (what only that role knows),
// so they go only to the match's teacher (GET /api/matches/:code/printables); no card carries
// a payoff, which a student sees on screen during the briefing. The guide holds nothing private.
import type { Settings } from "../rules/settings.js";
import { ruleOfTable, timersOf } from "../rules/settings.js";
import { readingSeconds } from "../rules/lesson-plans.js";
import type { Lesson, Scenario, StakeholderGroup } from "./schema.js";

export interface PrintableRoleCard {
  id: string;
  name: string;
  short: string;
  group: StakeholderGroup;
  home: string;
  income: number;
  maxDelegates: number;
  canTravelAlone: boolean;
  card: string;
  mandate: string;
  publicInterestCase: string | null;
  /** What only this role knows: its private notes, and the dossiers whose every payoff it sees. */
  secret: { notes: string[]; seesAllPayoffsOn: string[] };
}

export interface Printables {
  code: string;
  classLabel: string;
  scenario: {
    id: string;
    title: string;
    summary: string;
    source: string;
    lesson: Lesson | null;
    publicInterest: { name: string; description: string };
    dossiers: { id: string; title: string; question: string; meeting: string; options: { id: string; title: string; summary: string }[] }[];
    whatHappened: string[];
    houses: { name: string; groups: StakeholderGroup[] }[];
  };
  roleCards: PrintableRoleCard[];
  /** The plan the teacher chose, the match's clocks and the facts its timing is computed from. */
  plan: { preset: Settings["timerPreset"]; timers: ReturnType<typeof timersOf>; rounds: number; readingSeconds: number; tables: number; rules: string[] };
}

export function printablesFor(code: string, scenario: Scenario, settings: Settings): Printables {
  const dossierTitle = (id: string) => scenario.dossiers.find((d) => d.id === id)?.title ?? id;
  return {
    code,
    classLabel: settings.classLabel,
    scenario: {
      id: scenario.id,
      title: scenario.title,
      summary: scenario.summary,
      source: scenario.source,
      lesson: scenario.lesson ?? null,
      publicInterest: { ...scenario.publicInterest },
      dossiers: scenario.dossiers.map((d) => ({ id: d.id, title: d.title, question: d.question, meeting: d.venue.meeting, options: d.options.map((o) => ({ id: o.id, title: o.title, summary: o.summary })) })),
      whatHappened: [...scenario.whatHappened],
      houses: scenario.houses.map((h) => ({ name: h.name, groups: [...h.groups] })),
    },
    roleCards: scenario.roles.map((r) => ({
      id: r.id,
      name: r.name,
      short: r.short,
      group: r.group,
      home: r.home,
      income: r.income,
      maxDelegates: r.maxDelegates,
      canTravelAlone: r.canTravelAlone,
      card: r.card,
      mandate: r.mandate,
      publicInterestCase: (r as { publicInterestCase?: string }).publicInterestCase ?? null,
      secret: { notes: [...r.knowledge.notes], seesAllPayoffsOn: r.knowledge.seesAllPayoffs.map(dossierTitle) },
    })),
    plan: {
      preset: settings.timerPreset,
      timers: timersOf(settings, scenario),
      rounds: scenario.dossiers.length,
      readingSeconds: readingSeconds(scenario),
      tables: settings.tables,
      rules: Array.from({ length: settings.tables }, (_, i) => ruleOfTable(settings, i)),
    },
  };
}
