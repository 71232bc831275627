// The game's own words in English, explained for a 14-year-old: the terms of the rules, the
// screens and the debrief's measures. A scenario's words (IANA, root zone…) come with the
// scenario (Scenario.lesson.glossary, translated by its overlay); both lists show in the
// glossary on every screen (client/ui/glossary.ts) and in the teacher's guide. Kept short: the
// glossary fits one projector screen. The readability test grades every English meaning here;
// each other language has the same keys in <code>/glossary.ts (the catalog test).

export interface GlossaryEntry {
  term: string;
  meaning: string;
}

/** The game's terms, in the order the glossary lists them: each has glossary.term.<id> and glossary.meaning.<id>. */
export const GAME_TERMS = ["rough-consensus", "stakeholder", "mandate", "delegate", "token", "fellowship", "corridor-talk", "public-interest", "dossier", "drafting-group", "objection", "house", "bloc", "capture", "banzhaf", "gini", "spearman"] as const;
export type GameTerm = (typeof GAME_TERMS)[number];

export const glossaryEn = {
  "glossary.term.rough-consensus": "Rough consensus",
  "glossary.meaning.rough-consensus": "The chair sees that most people agree and nobody in the room keeps objecting. There is no vote.",
  "glossary.term.stakeholder": "Stakeholder",
  "glossary.meaning.stakeholder": "Anyone who can win or lose from a decision.",
  "glossary.term.mandate": "Mandate",
  "glossary.meaning.mandate": "What the people who sent you want you to win. Your score counts it.",
  "glossary.term.delegate": "Delegate",
  "glossary.meaning.delegate": "One person sent to a meeting to speak for a role.",
  "glossary.term.token": "Token",
  "glossary.meaning.token": "The game's money. You spend it on trips, briefings and help for others.",
  "glossary.term.fellowship": "Fellowship",
  "glossary.meaning.fellowship": "A paid trip: a rich role pays for a poorer one to come to the meeting.",
  "glossary.term.corridor-talk": "Corridor talk",
  "glossary.meaning.corridor-talk": "Private words between two delegates who are in the same room.",
  "glossary.term.public-interest": "Public interest",
  "glossary.meaning.public-interest": "What is good for everyone a decision affects, also those with no seat at the table.",
  "glossary.term.dossier": "Dossier",
  "glossary.meaning.dossier": "One question the meeting must decide, with its options.",
  "glossary.term.drafting-group": "Drafting group",
  "glossary.meaning.drafting-group": "The few delegates who write the final text. They can object to a clause.",
  "glossary.term.objection": "Objection",
  "glossary.meaning.objection": "Saying no to an option. Under rough consensus, one objection in the room can stop it.",
  "glossary.term.house": "House",
  "glossary.meaning.house": "Under the houses rule, each of three groups votes on its own: governments, business, or civil society.",
  "glossary.term.bloc": "Bloc",
  "glossary.meaning.bloc": "A group of countries that vote together.",
  "glossary.term.capture": "Capture",
  "glossary.meaning.capture": "When a group that makes rules ends up serving those who pay it, not the public.",
  "glossary.term.banzhaf": "Banzhaf index",
  "glossary.meaning.banzhaf": "Voting power: how often one voter could change the result by changing their vote.",
  "glossary.term.gini": "Gini",
  "glossary.meaning.gini": "How unequal gains are, from 0 (all the same) to 1 (one role gets it all).",
  "glossary.term.spearman": "Spearman",
  "glossary.meaning.spearman": "Whether two rankings go together, from −1 to 1. Near 1: the richer roles gained more.",
} as const;

