// The decision: delegations declare positions on tabled options; the chair names the drafting
// group; the rider's owner may slip a clause in, which a drafter may strike; a teacher chair
// calls consensus at rough-consensus tables. As the decision closes, each table decides by its
// rule and the adopted option's consequences for later rounds follow.
import { applyRule } from "../decision-rules.js";
import type { GameEvent } from "../events.js";
import { roleOf } from "../helpers.js";
import type { MatchState, RoleId, Stance } from "../types.js";
import { no, ok, type Handlers } from "./context.js";

const STANCES: readonly Stance[] = ["support", "live", "object"];

export const DECISION: Handlers<"DeclarePosition" | "NameDrafter" | "InsertRider" | "ObjectToRider" | "CallConsensus"> = {
  DeclarePosition: {
    by: "seat",
    decide: (command, { now, seat }) => {
      const { round, mode, dossier } = seat;
      if (round.decision) return no("already-decided");
      if (mode !== "in-person" && mode !== "remote") return no("not-attending");
      if (!dossier.options.some((o) => o.id === command.option)) return no("unknown-option");
      if (!round.tabled.some((x) => x.option === command.option)) return no("not-tabled");
      if (!STANCES.includes(command.stance)) return no("bad-input");
      return ok({ type: "PositionDeclared", table: seat.table.index, role: seat.role.id, option: command.option, stance: command.stance, player: seat.player.id, at: now });
    },
  },

  NameDrafter: {
    by: "teacher",
    decide: (command, { state }) => {
      const table = state.tables[command.table];
      if (!table) return no("unknown-table");
      const round = table.rounds[state.round];
      if (!roleOf(state.scenario, command.role)) return no("unknown-role");
      if (command.seated && round?.attendance[command.role]?.mode !== "in-person") return no("not-in-room");
      return ok({ type: "DrafterNamed", table: command.table, role: command.role, seated: command.seated === true });
    },
  },

  InsertRider: {
    by: "seat",
    decide: (command, { state, seat }) => {
      const rider = state.scenario.rider;
      if (!rider || rider.owner !== seat.role.id || !seat.role.abilities.rider) return no("no-rider");
      if (!state.settings.variants.lateInsertion) return no("rider-off");
      if (seat.round.decision) return no("already-decided");
      if (seat.table.riderUsed) return no("rider-used");
      if (command.option === rider.none || !rider.options.some((o) => o.id === command.option)) return no("unknown-option");
      return ok({ type: "RiderInserted", table: seat.table.index, option: command.option, by: seat.role.id });
    },
  },

  ObjectToRider: {
    by: "seat",
    decide: (_command, { seat }) => {
      const { round, role } = seat;
      if (!round.rider || round.rider.objectedBy) return no("no-rider-pending");
      if (round.decision) return no("already-decided");
      if (!round.drafting.includes(role.id)) return no("not-drafter");
      return ok({ type: "RiderObjected", table: seat.table.index, by: role.id });
    },
  },

  CallConsensus: {
    by: "teacher",
    decide: (command, { state, now }) => {
      const table = state.tables[command.table];
      if (!table) return no("unknown-table");
      if (table.rule !== "R1") return no("wrong-rule");
      if (state.settings.chair !== "teacher") return no("chair-automatic");
      const round = table.rounds[state.round];
      if (!round) return no("not-started");
      if (round.decision) return no("already-decided");
      if (!round.tabled.some((t) => t.option === command.option)) return no("not-tabled");
      // A sustained objection from the room blocks; a remote one is noted, not counted.
      const objecting = (mode: string) =>
        state.scenario.roles.filter((r) => round.attendance[r.id]?.mode === mode && round.positions[r.id]?.[command.option] === "object").map((r) => r.id);
      const blockedBy = objecting("in-person");
      const events: GameEvent[] = [{ type: "ConsensusCalled", table: table.index, option: command.option, blockedBy, noted: objecting("remote"), at: now }];
      if (!blockedBy.length) {
        const rider = riderOutcome(state, round.rider, command.option === state.scenario.dossiers[state.round]?.statusQuo);
        events.push({ type: "DossierDecided", table: table.index, round: state.round, decision: { rule: "R1", adopted: command.option, by: "consensus", tally: {}, blockedBy: [], rider } });
      }
      return ok(...events);
    },
  },
};

/** The clause that goes into the adopted text: an inserted rider nobody struck, unless the status quo stands. */
export function riderOutcome(state: MatchState, rider: { option: string; objectedBy: RoleId | null } | null, statusQuoStands: boolean): string | null {
  if (!rider || rider.objectedBy || statusQuoStands) return null;
  return state.scenario.rider ? rider.option : null;
}

/** Income changes for later rounds that the adopted option brings, if there are later rounds. */
export function consequences(state: MatchState, table: number, adopted: string): GameEvent[] {
  const dossier = state.scenario.dossiers[state.round];
  if (!dossier || state.round >= state.scenario.dossiers.length - 1) return [];
  return state.scenario.consequences
    .filter((c) => c.dossier === dossier.id && c.option === adopted)
    .map((c) => ({ type: "IncomeChanged", table, changes: c.incomeDelta, reason: c.text }) as const);
}

/**
 * Run-sheet hook, as the negotiation closes: the automatic chair forms the drafting group,
 * every delegation in the room that tabled an option. (A teacher chair names drafters by hand.)
 */
export function chairNamesDrafters(state: MatchState): GameEvent[] {
  if (state.settings.chair !== "automatic") return [];
  const events: GameEvent[] = [];
  for (const table of state.tables) {
    const round = table.rounds[state.round];
    if (!round) continue;
    const authors = [...new Set(round.tabled.map((t) => t.by))];
    for (const role of authors) {
      if (round.attendance[role]?.mode === "in-person" && !round.drafting.includes(role)) events.push({ type: "DrafterNamed", table: table.index, role, seated: true });
    }
  }
  return events;
}

/** Run-sheet hook, as the decision closes: each table's rule applied to its recorded positions; a chair's earlier call already decided. */
export function decideTables(state: MatchState): GameEvent[] {
  const dossier = state.scenario.dossiers[state.round];
  if (!dossier) return [];
  const events: GameEvent[] = [];
  for (const table of state.tables) {
    const round = table.rounds[state.round];
    if (!round || round.decision) continue;
    const attendance = Object.fromEntries(state.scenario.roles.map((r) => [r.id, round.attendance[r.id]?.mode ?? "absent"]));
    const tabled = round.tabled.map((t) => t.option);
    let result = applyRule(table.rule, { scenario: state.scenario, dossier, tabled, positions: round.positions, attendance });
    if (table.rule === "R1" && state.settings.chair === "teacher") {
      // With a human chair only a declared consensus carries; otherwise the status quo stands.
      const blockers = round.consensus.flatMap((c) => c.blockedBy);
      result = { adopted: dossier.statusQuo, by: "status-quo", tally: result.tally, blockedBy: [...new Set(blockers)] };
    }
    const rider = riderOutcome(state, round.rider, result.adopted === dossier.statusQuo);
    events.push({ type: "DossierDecided", table: table.index, round: state.round, decision: { rule: table.rule, ...result, rider } });
    events.push(...consequences(state, table.index, result.adopted));
  }
  return events;
}
