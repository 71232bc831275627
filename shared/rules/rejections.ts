// Every way a command can be refused: a stable wire code, the values that explain it
// (`params`: a trip's cost and the tokens held, a length limit…) and an English sentence for
// logs and API users. Screens never read the sentence: they show the code's message in their
// own language, filled with the params (client/text, "rejection.<code>").

export const REJECTIONS = {
  "match-exists": "This match has already been created.",
  "no-match": "There is no match yet.",
  "bad-settings": "These match settings are not valid.",
  "bad-input": "That request is not valid.",
  "not-teacher": "Only the teacher can do that.",
  "system-only": "Only the game's own clock can do that.",
  "unknown-player": "That player is not in this match.",
  "not-your-seat": "You can only do that for yourself.",
  "nickname-empty": "Please type a nickname.",
  "nickname-too-long": "That nickname is too long (24 characters at most).",
  "nickname-characters": "A nickname can use letters, digits, punctuation, symbols and spaces — only characters that show on screen.",
  "no-role": "You do not have a role yet. Wait for the teacher to give you one.",
  "unknown-role": "There is no such role in this scenario.",
  "unknown-table": "There is no such table in this match.",
  "delegation-full": "That delegation already has as many delegates as it can take.",
  "no-seats-left": "Every seat is taken.",
  "nobody-to-start": "Nobody has a role yet. Assign roles or add bots first.",
  "already-started": "The match has already started.",
  "not-started": "The match has not started yet.",
  "match-ended": "The match is over.",
  "phase-closed": "That cannot be done in this phase.",
  "clock-not-due": "The clock has not run out yet.",
  "clock-paused": "The clock is paused.",
  "clock-running": "The clock is already running.",
  "bad-duration": "Choose a number of seconds between 1 and 1800.",
  "too-many-delegates": "Your delegation cannot send that many people.",
  "cannot-travel-alone": "Your role cannot pay for its own trip. You need a sponsor, or take part remotely.",
  "not-enough-tokens": "You do not have enough tokens for that.",
  "already-booked": "Your delegation has already travelled this round.",
  "self-offer": "You cannot sponsor yourself.",
  "already-attending": "That delegation is already attending in person.",
  "offer-pending": "You already have an open offer to that delegation.",
  "no-programme-seats": "Your fellowship programme has no seats left this round.",
  "unknown-offer": "There is no such fellowship offer.",
  "offer-closed": "That offer is no longer open.",
  "not-your-offer": "That offer is not addressed to you.",
  "expectation-required": "In this match, a fellowship must name the option you expect your guest to support.",
  "bad-amount": "Give a whole number of tokens, at least 1.",
  "self-grant": "You cannot give tokens to yourself.",
  "nothing-to-learn": "Your briefing is already complete. An expert would tell you nothing new.",
  "already-briefed": "You have already bought the briefing for this dossier.",
  "text-empty": "Please write something first.",
  "text-too-long": "That message is too long.",
  "muted": "The teacher has muted you for now.",
  "not-in-room": "Only delegates who are in the room in person can do that.",
  "not-remote": "Only remote participants post written comments. In the room, speak on the floor.",
  "not-attending": "Your delegation is not taking part in this round.",
  "comments-used": "You have used all your written comments for this round.",
  "recipient-not-in-room": "That delegation is not in the room, so you cannot talk in the corridor.",
  "self-message": "You cannot send a message to yourself.",
  "unknown-option": "That is not one of this dossier's options.",
  "already-tabled": "That option is already on the table.",
  "not-tabled": "That option has not been put on the table.",
  "no-rider": "Your role has no clause to insert.",
  "rider-off": "Late insertion is switched off in this match.",
  "rider-used": "The clause has already been used.",
  "no-rider-pending": "There is no inserted clause to object to.",
  "not-drafter": "Only members of the drafting group can do that.",
  "wrong-rule": "That table does not decide by rough consensus.",
  "chair-automatic": "This match has an automatic chair.",
  "already-decided": "This dossier has already been decided.",
  "news-empty": "Please write the news item first.",
  "debrief-not-open": "The debrief opens when the match is over.",
  "unknown-card": "There is no such debrief card.",
  "unknown-mark": "There is no such mark in this debrief.",
  "mark-reason": "Say why you set this mark aside: the class will read your reason.",
} as const;

export type RejectionCode = keyof typeof REJECTIONS;

/** Values a refusal carries; which ones each code may carry is listed in REJECTION_PARAMS. */
export type RejectionParams = Readonly<Record<string, string | number>>;

export interface Rejection {
  code: RejectionCode;
  /** English, for logs and API users; screens use code + params. */
  message: string;
  params?: RejectionParams;
}

/**
 * The codes that carry values, and what they are. A value that chooses between wordings is a
 * word from a fixed list (`need`, `problem`, `kind`), so each language writes its own sentence.
 *   not-enough-tokens   need: "trip" | "guestTrip" (cost, have) · "grant" (have) · "sponsor"
 *   too-many-delegates  max
 *   text-too-long, nickname-too-long   max
 *   nickname-characters problem: "hidden" (kind, character: "U+200B", name) · "markFirst" (character) · "tooManyMarks"
 *   bad-input           problem: "seatTaken"
 *   bad-settings        field, problem (English: settings are a teacher's or a script's, checked by the setup form first)
 */
export const REJECTION_PARAMS = {
  "not-enough-tokens": ["need", "cost", "have"],
  "too-many-delegates": ["max"],
  "text-too-long": ["max"],
  "nickname-too-long": ["max"],
  "nickname-characters": ["problem", "kind", "character", "name"],
  "bad-input": ["problem"],
  "bad-settings": ["field", "problem"],
} as const satisfies Partial<Record<RejectionCode, readonly string[]>>;

/** The English sentence's second half, built from the values. */
function englishDetail(code: RejectionCode, p: RejectionParams): string {
  switch (code) {
    case "not-enough-tokens":
      if (p.need === "trip") return `(The trip costs ${p.cost}; you have ${p.have}.)`;
      if (p.need === "guestTrip") return `(A trip for them costs ${p.cost}; you have ${p.have}.)`;
      if (p.need === "sponsor") return "Your sponsor can no longer pay for the trip.";
      return `(You have ${p.have}.)`;
    case "too-many-delegates":
      return `(At most ${p.max}.)`;
    case "text-too-long":
    case "nickname-too-long":
      return `(${p.max} characters at most.)`;
    case "nickname-characters":
      if (p.problem === "hidden") return `It contains ${p.name}, which does not show on screen.`;
      if (p.problem === "markFirst") return `It starts a word with a combining mark (${p.character}), which needs a letter to sit on.`;
      return "It piles too many accents on one letter.";
    case "bad-input":
      return p.problem === "seatTaken" ? "That seat is already taken." : "";
    case "bad-settings":
      return `${p.field}: ${p.problem}`;
    default:
      return "";
  }
}

export function reject(code: RejectionCode, params?: RejectionParams): Rejection {
  if (!params) return { code, message: REJECTIONS[code] };
  const detail = englishDetail(code, params);
  return { code, message: detail ? `${REJECTIONS[code]} ${detail}` : REJECTIONS[code], params };
}
