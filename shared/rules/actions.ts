// What a viewer may do right now, and why not: every answer is the verdict decide() itself
// gives the command a button (or a bot) would send, so no screen and no bot restates a rule.
// Probing never changes the state (decide never does) and reveals nothing the viewer's own
// view does not show: targets are public (roles, options) or the viewer's own (its offers).
import type { Command, CommandType, Meta } from "./commands.js";
import { decide } from "./decide.js";
import type { RejectionCode } from "./rejections.js";
import type { MatchState, PlayerId, RoleId } from "./types.js";

/** Accepted now, or the rejection code decide() would answer. */
export type Availability = { ok: true } | { ok: false; code: RejectionCode };

/**
 * One action of the viewer. `ok` holds when the command would be accepted now for at least
 * one target; otherwise `code` says why (the reason most targets share, or the command's own
 * reason when it has no target to try). `targets` is present for commands that take one.
 */
export type ActionState = Availability & { targets?: Record<string, Availability> };

/** The player commands a seat can give in play (what a student's screen and a bot act with). */
export const PLAYER_ACTIONS = [
  "BookTravel",
  "OfferFellowship",
  "WithdrawFellowship",
  "AcceptFellowship",
  "DeclineFellowship",
  "GiveGrant",
  "BuyBriefing",
  "MakeStatement",
  "PostRemoteComment",
  "SendCorridorMessage",
  "TableOption",
  "DeclarePosition",
  "InsertRider",
  "ObjectToRider",
] as const satisfies readonly CommandType[];
export type PlayerAction = (typeof PLAYER_ACTIONS)[number];

/** The commands of the teacher's dashboard. */
export const TEACHER_ACTIONS = [
  "AssignRolesAutomatically",
  "AssignRole",
  "FillWithBots",
  "RemovePlayer",
  "MutePlayer",
  "StartMatch",
  "AdvancePhase",
  "PauseClock",
  "ResumeClock",
  "ExtendClock",
  "PushNews",
  "NameDrafter",
  "CallConsensus",
  "EndMatch",
  "ShowDebriefCard",
  "ShowNicknames",
] as const satisfies readonly CommandType[];
export type TeacherAction = (typeof TEACHER_ACTIONS)[number];

export type PlayerActions = Record<PlayerAction, ActionState>;
export type TeacherActions = Record<TeacherAction, ActionState>;
/** A player's or the teacher's actions; null for those who only watch (projector, spectator, a replay's role). */
export type Actions = Partial<PlayerActions & TeacherActions>;

/** A probe: the command a control would send, keyed by its target ("" when it has none). */
type Probe = { target: string; command: Command };

// Placeholder arguments for the parts a person types: any accepted text passes the same checks.
const TEXT = "…";
const ONE_TOKEN = 1;
const EXTEND_SECONDS = 60;

function playerProbes(state: MatchState, me: PlayerId): Record<PlayerAction, Probe[] | Command> {
  const player = state.players[me];
  const myRole = player?.role ?? null;
  const table = player?.table === null || player?.table === undefined ? undefined : state.tables[player.table];
  const dossier = state.scenario.dossiers[state.round];
  const options = dossier?.options.map((o) => o.id) ?? [];
  const others: RoleId[] = state.scenario.roles.map((r) => r.id).filter((id) => id !== myRole);
  // Only the viewer's own offers: anyone else's are secret, and so is their existence.
  const offers = (table?.fellowships ?? []).filter((f) => f.from === myRole || f.to === myRole);
  const incoming = offers.filter((f) => f.to === myRole).map((f) => f.id);
  const outgoing = offers.filter((f) => f.from === myRole).map((f) => f.id);
  // Naming an option is allowed in every variant and required in the hard one.
  const expects = options[0] ?? null;
  const each = <T extends string>(targets: readonly T[], command: (t: T) => Command): Probe[] => targets.map((target) => ({ target, command: command(target) }));
  return {
    BookTravel: [
      { target: "in-person", command: { type: "BookTravel", mode: "in-person", delegates: 1 } },
      { target: "remote", command: { type: "BookTravel", mode: "remote" } },
    ],
    OfferFellowship: [
      ...each(others, (to) => ({ type: "OfferFellowship", to, expects, programme: false })),
      ...each(others, (to) => ({ type: "OfferFellowship", to, expects, programme: true })).map((p) => ({ ...p, target: `${p.target}/programme` })),
    ],
    WithdrawFellowship: each(outgoing, (fellowship) => ({ type: "WithdrawFellowship", fellowship })),
    AcceptFellowship: each(incoming, (fellowship) => ({ type: "AcceptFellowship", fellowship })),
    DeclineFellowship: each(incoming, (fellowship) => ({ type: "DeclineFellowship", fellowship })),
    GiveGrant: each(others, (to) => ({ type: "GiveGrant", to, amount: ONE_TOKEN })),
    BuyBriefing: { type: "BuyBriefing" },
    MakeStatement: { type: "MakeStatement", text: TEXT },
    PostRemoteComment: { type: "PostRemoteComment", text: TEXT },
    SendCorridorMessage: each(others, (to) => ({ type: "SendCorridorMessage", to, text: TEXT })),
    TableOption: each(options, (option) => ({ type: "TableOption", option })),
    DeclarePosition: each(options, (option) => ({ type: "DeclarePosition", option, stance: "support" })),
    InsertRider: each(state.scenario.rider?.options.map((o) => o.id).filter((id) => id !== state.scenario.rider?.none) ?? [], (option) => ({ type: "InsertRider", option })),
    ObjectToRider: { type: "ObjectToRider" },
  };
}

function teacherProbes(state: MatchState): Record<TeacherAction, Probe[] | Command> {
  const dossier = state.scenario.dossiers[state.round];
  const present = Object.values(state.players).filter((p) => p.present);
  const each = <T>(targets: readonly T[], key: (t: T) => string, command: (t: T) => Command): Probe[] => targets.map((t) => ({ target: key(t), command: command(t) }));
  const seats = state.tables.flatMap((t) => state.scenario.roles.map((r) => ({ table: t.index, role: r.id, seated: t.rounds[state.round]?.drafting.includes(r.id) ?? false })));
  const calls = state.tables.flatMap((t) => (dossier?.options ?? []).map((o) => ({ table: t.index, option: o.id })));
  return {
    AssignRolesAutomatically: { type: "AssignRolesAutomatically" },
    // Keeping a player in the seat they hold: accepted whenever the teacher may move players at all.
    AssignRole: each(present, (p) => p.id, (p) => ({ type: "AssignRole", player: p.id, table: p.table, role: p.role })),
    FillWithBots: { type: "FillWithBots" },
    RemovePlayer: each(present, (p) => p.id, (p) => ({ type: "RemovePlayer", player: p.id })),
    MutePlayer: each(present, (p) => p.id, (p) => ({ type: "MutePlayer", player: p.id, muted: !p.muted })),
    StartMatch: { type: "StartMatch" },
    AdvancePhase: { type: "AdvancePhase" },
    PauseClock: { type: "PauseClock" },
    ResumeClock: { type: "ResumeClock" },
    ExtendClock: { type: "ExtendClock", seconds: EXTEND_SECONDS },
    PushNews: { type: "PushNews", text: TEXT },
    // The button seats an unseated delegation and unseats a seated one.
    NameDrafter: each(seats, (s) => `${s.table}/${s.role}`, (s) => ({ type: "NameDrafter", table: s.table, role: s.role, seated: !s.seated })),
    CallConsensus: each(calls, (c) => `${c.table}/${c.option}`, (c) => ({ type: "CallConsensus", table: c.table, option: c.option })),
    EndMatch: { type: "EndMatch" },
    ShowDebriefCard: { type: "ShowDebriefCard", card: state.debrief.card },
    ShowNicknames: { type: "ShowNicknames", shown: !state.debrief.nicknames },
  };
}

/**
 * Codes decide() gives before it reads a command's arguments: who may give it, whether the
 * stage of the match allows it, and the giver's seat (decide's fixed order). One probe with
 * any target then answers for all targets.
 */
const BEFORE_ARGUMENTS: ReadonlySet<RejectionCode> = new Set<RejectionCode>([
  "not-teacher",
  "not-started",
  "already-started",
  "phase-closed",
  "match-ended",
  "debrief-not-open",
  "not-your-seat",
  "unknown-player",
  "no-role",
]);

function verdictOf(state: MatchState, command: Command, meta: Meta): Availability {
  const v = decide(state, command, meta);
  return v.ok ? { ok: true } : { ok: false, code: v.rejection.code };
}

/** The reason most targets share (the first such in target order on a tie). */
function commonCode(targets: Availability[]): RejectionCode | null {
  const counts = new Map<RejectionCode, number>();
  for (const t of targets) if (!t.ok) counts.set(t.code, (counts.get(t.code) ?? 0) + 1);
  let best: RejectionCode | null = null;
  for (const [code, n] of counts) if (best === null || n > counts.get(best)!) best = code;
  return best;
}

function evaluate(state: MatchState, spec: Probe[] | Command, meta: Meta, emptyProbe: Command): ActionState {
  if (!Array.isArray(spec)) return verdictOf(state, spec, meta);
  if (!spec.length) {
    // Nothing to target: the reason decide gives a target that does not exist (a closed phase, no offer...).
    const v = verdictOf(state, emptyProbe, meta);
    return { ok: false, code: v.ok ? "bad-input" : v.code, targets: {} };
  }
  const targets: Record<string, Availability> = {};
  const first = verdictOf(state, spec[0]!.command, meta);
  if (!first.ok && BEFORE_ARGUMENTS.has(first.code)) {
    // Refused before any argument was read: every target gets the same answer.
    for (const p of spec) targets[p.target] = first;
    return { ...first, targets };
  }
  for (const p of spec) targets[p.target] = verdictOf(state, p.command, meta);
  const all = Object.values(targets);
  if (all.some((t) => t.ok)) return { ok: true, targets };
  return { ok: false, code: commonCode(all) ?? "bad-input", targets };
}

/** The command asked with a target that does not exist, for a targeted command with no target to try. */
const EMPTY_TARGET: Partial<Record<CommandType, Command>> = {
  OfferFellowship: { type: "OfferFellowship", to: "" },
  WithdrawFellowship: { type: "WithdrawFellowship", fellowship: "" },
  AcceptFellowship: { type: "AcceptFellowship", fellowship: "" },
  DeclineFellowship: { type: "DeclineFellowship", fellowship: "" },
  GiveGrant: { type: "GiveGrant", to: "", amount: ONE_TOKEN },
  SendCorridorMessage: { type: "SendCorridorMessage", to: "", text: TEXT },
  TableOption: { type: "TableOption", option: "" },
  DeclarePosition: { type: "DeclarePosition", option: "", stance: "support" },
  InsertRider: { type: "InsertRider", option: "" },
  CallConsensus: { type: "CallConsensus", table: 0, option: "" },
  NameDrafter: { type: "NameDrafter", table: 0, role: "", seated: true },
  AssignRole: { type: "AssignRole", player: "", table: null, role: null },
  RemovePlayer: { type: "RemovePlayer", player: "" },
  MutePlayer: { type: "MutePlayer", player: "", muted: true },
};

/**
 * The actions of a player (its seat's commands) or of the teacher (the dashboard's), each as
 * decide() would answer it now. Only the Tick reads the time, and it is not an action of
 * anyone's, so the probes run at the match's creation time.
 */
export function actionsFor(state: MatchState, viewer: { kind: "player"; id: PlayerId } | { kind: "teacher" }): Actions {
  const meta: Meta = viewer.kind === "player" ? { actor: { kind: "player", id: viewer.id }, now: state.createdAt } : { actor: { kind: "teacher" }, now: state.createdAt };
  const probes: Record<string, Probe[] | Command> = viewer.kind === "player" ? playerProbes(state, viewer.id) : teacherProbes(state);
  const out: Record<string, ActionState> = {};
  for (const [name, spec] of Object.entries(probes)) out[name] = evaluate(state, spec, meta, EMPTY_TARGET[name as CommandType] ?? ({ type: name } as Command));
  return out as Actions;
}
