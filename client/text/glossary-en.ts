// The game's own words in English, explained for a 14-year-old: the terms of the rules, the
// screens and the debrief's measures. A scenario's words (IANA, root zone…) come with the
// scenario (Scenario.lesson.glossary); both lists show in the glossary on every screen
// (client/ui/glossary.ts) and in the teacher's guide. Kept short: the glossary fits one
// projector screen. The readability test grades every meaning here.

export interface GlossaryEntry {
  term: string;
  meaning: string;
}

export const GAME_GLOSSARY: readonly GlossaryEntry[] = [
  { term: "Rough consensus", meaning: "The chair sees that most people agree and nobody in the room keeps objecting. There is no vote." },
  { term: "Stakeholder", meaning: "Anyone who can win or lose from a decision." },
  { term: "Mandate", meaning: "What the people who sent you want you to win. Your score counts it." },
  { term: "Delegate", meaning: "One person sent to a meeting to speak for a role." },
  { term: "Token", meaning: "The game's money. You spend it on trips, briefings and help for others." },
  { term: "Fellowship", meaning: "A paid trip: a rich role pays for a poorer one to come to the meeting." },
  { term: "Corridor talk", meaning: "Private words between two delegates who are in the same room." },
  { term: "Public interest", meaning: "What is good for everyone a decision affects, also those with no seat at the table." },
  { term: "Dossier", meaning: "One question the meeting must decide, with its options." },
  { term: "Drafting group", meaning: "The few delegates who write the final text. They can object to a clause." },
  { term: "Objection", meaning: "Saying no to an option. Under rough consensus, one objection in the room can stop it." },
  { term: "House", meaning: "Under the houses rule, each of three groups votes on its own: governments, business, or civil society." },
  { term: "Bloc", meaning: "A group of countries that vote together." },
  { term: "Capture", meaning: "When a group that makes rules ends up serving those who pay it, not the public." },
  { term: "Banzhaf index", meaning: "Voting power: how often one voter could change the result by changing their vote." },
  { term: "Gini", meaning: "How unequal gains are, from 0 (all the same) to 1 (one role gets it all)." },
  { term: "Spearman", meaning: "Whether two rankings go together, from −1 to 1. Near 1: the richer roles gained more." },
];
