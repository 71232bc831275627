// evolve(state, event) → next state. A boring exhaustive switch: it never validates (decide
// already did) and never computes a choice (events carry every value it needs).
import type { GameEvent } from "./events.js";
import { ruleOfTable } from "./settings.js";
import type { BotLine, Delegation, MatchState, RoundRecord, TableState } from "./types.js";
import { RULES_VERSION } from "./types.js";

/** The state a match has after its MatchCreated event. */
function created(event: Extract<GameEvent, { type: "MatchCreated" }>): MatchState {
  const tables: TableState[] = [];
  for (let index = 0; index < event.settings.tables; index++) {
    tables.push({
      index,
      rule: ruleOfTable(event.settings, index),
      delegations: Object.fromEntries(event.scenario.roles.map((r) => [r.id, { role: r.id, tokens: 0, income: r.income, spent: 0, received: 0 }])),
      rounds: [],
      fellowships: [],
      grants: [],
      statements: [],
      corridor: [],
      riderUsed: false,
    });
  }
  return {
    rulesVersion: RULES_VERSION,
    matchId: event.matchId,
    createdAt: event.at,
    scenario: event.scenario,
    settings: event.settings,
    rng: event.seed >>> 0,
    status: "lobby",
    round: -1,
    phase: "lobby",
    clock: { deadline: null, pausedRemaining: null },
    players: {},
    tables,
    news: [],
    nextId: 1,
    startedAt: null,
    endedAt: null,
    debrief: { card: 0, nicknames: false },
  };
}

/** A bot's line by code, kept (as its own copy) on what it was said in. */
function keptLine(e: { line?: BotLine }): { line?: BotLine } {
  return e.line ? { line: { ...e.line } } : {};
}

/** Tokens leaving the game (a trip, a briefing): the only way the total in play shrinks. */
function spend(d: Delegation, amount: number): void {
  d.tokens -= amount;
  d.spent += amount;
}

function emptyRound(dossier: string): RoundRecord {
  return {
    dossier,
    attendance: {},
    tabled: [],
    positions: {},
    drafting: [],
    remoteCommentsUsed: {},
    programmeSeatsUsed: {},
    briefingsBought: [],
    rider: null,
    consensus: [],
    decision: null,
  };
}

/**
 * Applies an event to a state the caller owns, in place. Objects from the event are copied,
 * never shared, so the state and the record can never alter each other. fold() uses it on its own copy;
 * evolve() wraps it for callers that keep the previous state.
 */
export function applyEvent(s: MatchState | null, e: GameEvent): MatchState {
  if (e.type === "MatchCreated") return created(e);
  if (!s) throw new Error(`A match record must start with MatchCreated, not ${e.type}.`);
  const table = "table" in e && typeof e.table === "number" ? s.tables[e.table] : undefined;
  const round = table?.rounds[s.round];

  switch (e.type) {
    case "PlayerJoined":
      s.players[e.player] = { id: e.player, nickname: e.nickname, kind: e.kind, table: e.table, role: e.role, joinedAt: e.at, muted: false, present: true };
      if (e.kind === "bot") s.nextId++;
      break;
    case "PlayerRenamed":
      s.players[e.player]!.nickname = e.nickname;
      break;
    case "PlayerLeft":
      s.players[e.player]!.present = false;
      break;
    case "PlayerMuted":
      s.players[e.player]!.muted = e.muted;
      break;
    case "RolesAssigned":
      for (const a of e.assignments) {
        const p = s.players[a.player]!;
        p.table = a.table;
        p.role = a.role;
      }
      s.rng = e.rng;
      break;
    case "MatchStarted":
      s.status = "running";
      s.startedAt = e.at;
      break;
    case "RoundOpened":
      s.round = e.round;
      s.tables.forEach((t, i) => {
        t.rounds[e.round] = emptyRound(e.dossier);
        for (const [role, amount] of Object.entries(e.income[i] ?? {})) {
          const d = t.delegations[role]!;
          d.tokens += amount;
          d.received += amount;
        }
      });
      break;
    case "PhaseChanged":
      s.round = e.round;
      s.phase = e.phase;
      s.clock = { deadline: e.deadline, pausedRemaining: null };
      break;
    case "ClockPaused":
      s.clock = { deadline: null, pausedRemaining: e.remaining };
      break;
    case "ClockResumed":
      s.clock = { deadline: e.deadline, pausedRemaining: null };
      break;
    case "ClockExtended":
      s.clock = { deadline: e.deadline, pausedRemaining: e.remaining };
      break;
    case "TravelBooked": {
      round!.attendance[e.role] = { ...e.attendance };
      spend(table!.delegations[e.role]!, e.attendance.cost);
      break;
    }
    case "FellowshipOffered":
      table!.fellowships.push({ id: e.id, from: e.from, to: e.to, cost: e.cost, programme: e.programme, note: e.note, expects: e.expects, status: "offered", round: s.round, ...keptLine(e) });
      s.nextId++;
      break;
    case "FellowshipWithdrawn":
      table!.fellowships.find((f) => f.id === e.id)!.status = "withdrawn";
      break;
    case "FellowshipDeclined":
      table!.fellowships.find((f) => f.id === e.id)!.status = "declined";
      break;
    case "FellowshipsLapsed":
      for (const f of table!.fellowships) if (e.ids.includes(f.id)) f.status = "lapsed";
      break;
    case "FellowshipAccepted": {
      const f = table!.fellowships.find((x) => x.id === e.id)!;
      f.status = "accepted";
      round!.attendance[f.to] = { ...e.attendance };
      if (f.programme) round!.programmeSeatsUsed[f.from] = (round!.programmeSeatsUsed[f.from] ?? 0) + 1;
      else spend(table!.delegations[f.from]!, f.cost);
      break;
    }
    case "GrantGiven":
      table!.grants.push({ id: e.id, from: e.from, to: e.to, amount: e.amount, note: e.note, round: s.round, at: e.at, ...keptLine(e) });
      table!.delegations[e.from]!.tokens -= e.amount;
      table!.delegations[e.to]!.tokens += e.amount;
      s.nextId++;
      break;
    case "BriefingBought": {
      round!.briefingsBought.push(e.role);
      spend(table!.delegations[e.role]!, e.cost);
      break;
    }
    case "StatementMade":
      table!.statements.push({ id: e.id, role: e.role, player: e.player, kind: e.kind, text: e.text, at: e.at, round: s.round, ...keptLine(e) });
      if (e.kind === "remote") round!.remoteCommentsUsed[e.role] = (round!.remoteCommentsUsed[e.role] ?? 0) + 1;
      s.nextId++;
      break;
    case "CorridorMessageSent":
      table!.corridor.push({ id: e.id, from: e.from, to: e.to, player: e.player, text: e.text, at: e.at, round: s.round, interceptedBy: e.interceptedBy, ...keptLine(e) });
      s.rng = e.rng;
      s.nextId++;
      break;
    case "OptionTabled":
      round!.tabled.push({ option: e.option, by: e.by, at: e.at });
      break;
    case "PositionDeclared":
      (round!.positions[e.role] ??= {})[e.option] = e.stance;
      break;
    case "DrafterNamed":
      round!.drafting = e.seated ? [...new Set([...round!.drafting, e.role])] : round!.drafting.filter((r) => r !== e.role);
      break;
    case "RiderInserted":
      round!.rider = { option: e.option, by: e.by, objectedBy: null };
      table!.riderUsed = true;
      break;
    case "RiderObjected":
      round!.rider!.objectedBy = e.by;
      break;
    case "ConsensusCalled":
      round!.consensus.push({ option: e.option, blockedBy: [...e.blockedBy], noted: [...e.noted], at: e.at });
      break;
    case "DossierDecided":
      table!.rounds[e.round]!.decision = { ...e.decision, tally: { ...e.decision.tally }, blockedBy: [...e.decision.blockedBy] };
      break;
    case "IncomeChanged":
      for (const [role, delta] of Object.entries(e.changes)) {
        const d = table!.delegations[role]!;
        d.income = Math.max(0, d.income + delta);
      }
      break;
    case "NewsPushed":
      s.news.push({ id: e.id, text: e.text, at: e.at });
      s.nextId++;
      break;
    case "MatchEnded":
      s.status = "ended";
      s.phase = "ended";
      s.endedAt = e.at;
      s.clock = { deadline: null, pausedRemaining: null };
      break;
    case "DebriefCardShown":
      s.debrief.card = e.card;
      // Older records carry no part; a part once shown resets with a card shown without one.
      if (e.part !== undefined || s.debrief.part !== undefined) s.debrief.part = e.part ?? 0;
      break;
    case "MarkReviewed":
      if (e.setAside) (s.debrief.setAside ??= {})[e.mark] = { reason: e.reason, at: e.at };
      else if (s.debrief.setAside) delete s.debrief.setAside[e.mark];
      break;
    case "NicknamesShown":
      s.debrief.nicknames = e.shown;
      break;
    default: {
      const unknown: never = e;
      throw new Error(`Unknown event ${(unknown as { type: string }).type}`);
    }
  }
  return s;
}

/** A deep copy of the plain JSON state; the scenario is never changed by play, so it is shared. */
export function cloneState(s: MatchState): MatchState {
  const copy = JSON.parse(JSON.stringify({ ...s, scenario: null })) as MatchState;
  copy.scenario = s.scenario;
  return copy;
}

/** Pure form: returns the next state and leaves `state` untouched. */
export function evolve(state: MatchState | null, event: GameEvent): MatchState {
  return applyEvent(state ? cloneState(state) : null, event);
}
