// The English message catalog: every word a player, teacher or screen reader meets comes
// from here, so another language is a new file with the same keys, not a code change.
// Placeholders look like {name} and are filled by `format` in ./catalog.ts.

export const en = {
  "app.title": "Rough Consensus",
  "app.tagline": "Who really decides how the Internet is run? Negotiate it with your class.",

  "landing.student.heading": "Join your class",
  "landing.student.codeLabel": "Class code",
  "landing.student.codeHint": "Type the code your teacher shows on the board.",
  "landing.student.join": "Join",
  "landing.student.codeMissing": "Type the class code first.",
  "landing.student.joining": "Joining class {code}…",

  "landing.teacher.heading": "For teachers",
  "landing.teacher.intro": "Open a match, show the code on the projector and let the class join from any device.",
  "landing.teacher.start": "Start a match",
  "landing.teacher.starting": "Opening a new match…",

  "game.loading": "Loading the table…",
  "game.loadFailed": "The table could not be loaded. Check the connection and try again.",
  "game.back": "Back to the start page",

  "table.heading": "The negotiating table",
  "table.seatNumber": "{number}",
  "table.placeholder": "Nine seats around one table. The roles arrive when a match starts.",
} as const;

export type MessageKey = keyof typeof en;
