// Given-when-then helpers for the engine's rule tests (one test file per handler module):
// matches set up in a named state, and a rejection check that also proves nothing changed.
import { expect } from "vitest";
import type { Command, RejectionCode } from "../../../shared/index.js";
import { Match, TEACHER, defaultScenario, player, seatOf } from "../../helpers/engine.js";

/** Then: the command is refused with `code`, and the state is exactly as before. */
export function expectRejected(m: Match, command: Command, code: RejectionCode, actor = TEACHER) {
  const before = JSON.stringify(m.state);
  expect(m.rejected(command, actor)).toBe(code);
  expect(JSON.stringify(m.state)).toBe(before);
}

/** Then: the command from the delegate of `role` is refused with `code`, and nothing changed. */
export function expectRejectedAs(m: Match, role: string, command: Command, code: RejectionCode) {
  expectRejected(m, command, code, player(seatOf(role)));
}

export const types = (events: { type: string }[]) => events.map((e) => e.type);

/** Given a match with everyone seated, in the travel phase of round A. */
export const inTravel = (settings = {}) => new Match(defaultScenario(), settings).seatEveryone().start().skipTo("travel");

/** Given the negotiation of round A: TECH, USG, EU and NGO-N travelled; the others take part remotely. */
export function inNegotiation(settings = {}) {
  const m = inTravel(settings);
  for (const r of ["TECH", "USG", "EU", "NGO-N"]) m.as(r, { type: "BookTravel", mode: "in-person" });
  return m.skipTo("negotiation");
}

/** Given the decision of round A: TECH tabled A2, EU tabled A3, the teacher seated NGO-N among the drafters. */
export function inDecision(settings = {}) {
  const m = inNegotiation(settings);
  m.as("TECH", { type: "TableOption", option: "A2" });
  m.as("EU", { type: "TableOption", option: "A3" });
  m.ok({ type: "NameDrafter", table: 0, role: "NGO-N", seated: true });
  return m.skipTo("decision");
}
