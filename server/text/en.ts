// The English words of the teacher's exports (the printable summary and the spreadsheet), the
// reference for the other languages: each of ./es.ts, ./pt-BR.ts, ./fr.ts, ./de.ts has exactly
// these keys (typed, and checked by tests/unit/catalog.test.ts), filling the same values.
// ICU MessageFormat, as in the game's own catalogs (client/text): write ’ rather than ' before a
// brace. Words the game's screens already say (rule names, stances, "Follow the money") are not
// here: ./words.ts takes them from the game's catalogs, so the page and the screens agree.

export const exportsEn = {
  "export.title": "Rough Consensus — match summary",
  "export.match": "Match {code}",
  "export.tableNumber": "Table {table}",
  "export.table": "Table",
  "export.pseudonymised": "Nicknames replaced by pseudonyms.",
  "export.named": "Contains students’ nicknames: do not publish.",
  "export.outcomes": "What was decided",
  "export.adopted": "Adopted",
  "export.publicInterest": "For the public (0–10)",
  "export.best": "Best for the public",
  "export.gap": "Gap",
  "export.notDecided": "not decided",
  "export.scores": "Scores",
  "export.players": "Played by",
  "export.nobody": "nobody",
  "export.income": "Budget",
  "export.correlation": "Starting budget vs final score (Spearman)",
  "export.gini": "inequality of payoffs (Gini)",
  "export.legend": "● in the room · ◐ remote · ○ absent. Why not: $ could not pay, S no sponsor, ✗ turned down a paid trip, ? did not answer an offer, – stayed away, ∅ nobody played.",
  "export.voice": "voice / people",
  "export.more": "… and {count} more: see the spreadsheet (CSV).",
  "export.noMarks": "No role moved toward its sponsor’s option against its own people’s interest.",
  "export.measure":
    "Marked only when a role declared a stance, then a warmer one on an option its sponsor had declared for, after money covering that round, while an option better for its own people could still pass.",
  "export.compare": "With money: {funded} moved toward their sponsor’s option. With no money involved: {unfunded} made the same kind of move.",
  "export.countOf": "{moved} of {units}",
  "export.setAside": "Set aside by the teacher: “{reason}”",
  "export.power": "Voting power (Banzhaf)",
  "export.compared": "Tables compared",
  "export.rule": "Rule",
  "export.markedMoves": "Marked moves",
  "export.budgetVsScore": "Budget vs score",
  "export.roundShort": "R{round}",
  "export.mark": "Round {round}: {role} went from “{before}” to “{after}” on {option}, the option of its sponsor {funders}; {option} was worth {payoff} to its people while {better} could still pass.",
  "export.grant": "{from} gave {to} {amount, plural, one {# token} other {# tokens}}",
  "export.programme": "{from}’s fellowship programme brought {to} to {city}",
  "export.trip": "{from} paid {to}’s trip to {city} ({amount, plural, one {# token} other {# tokens}})",
  "export.expecting": "expecting {option}",

  // The spreadsheet: a header per column, in the fixed order of CSV_COLUMNS
  // (shared/analysis/export.ts), and the words inside its cells.
  "export.csv.table": "Table",
  "export.csv.rule": "Rule",
  "export.csv.round": "Round",
  "export.csv.dossier": "Dossier",
  "export.csv.role": "Role",
  "export.csv.role_name": "Role name",
  "export.csv.players": "Players",
  "export.csv.attendance": "Attendance",
  "export.csv.delegates": "Delegates",
  "export.csv.paid_by": "Trip paid by",
  "export.csv.why_not_in_room": "Why not in the room",
  "export.csv.tokens_when_travel_closed": "Tokens when travel closed",
  "export.csv.tokens_after_decision": "Tokens after the decision",
  "export.csv.positions": "Stances declared",
  "export.csv.adopted": "Adopted option",
  "export.csv.payoff": "Payoff",
  "export.csv.capture_marks": "Moves toward a sponsor’s option",
  "export.csv.mark": "moved toward {option} (from “{before}” to “{after}”), the option of its sponsor {funders}",
  "export.csv.setAside": "{mark} [set aside by the teacher: {reason}]",
  "export.student": "Student {number}",
} as const;

export type ExportMessages = Record<keyof typeof exportsEn, string>;
