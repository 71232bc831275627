// Every command's handler, one module per concept. decide() looks a command up here after the
// run-sheet has let it through; a command without a handler does not compile.
import type { CommandType } from "../commands.js";
import { CLOCK } from "./clock.js";
import type { Handlers } from "./context.js";
import { DEBRIEF } from "./debrief.js";
import { DECISION } from "./decision.js";
import { FLOOR } from "./floor.js";
import { MATCH } from "./match.js";
import { MONEY } from "./money.js";
import { SEATING } from "./seating.js";
import { TRAVEL } from "./travel.js";

export const HANDLERS: Handlers<Exclude<CommandType, "CreateMatch">> = {
  ...SEATING,
  ...MATCH,
  ...CLOCK,
  ...TRAVEL,
  ...MONEY,
  ...FLOOR,
  ...DECISION,
  ...DEBRIEF,
};
