// What a viewer may do right now, and why not: every answer is the verdict decide() itself
// gives the command a button (or a bot) would send, so no screen and no bot restates a rule.
// Probing never changes the state (decide never does) and reveals nothing the viewer's own
// view does not show: targets are public (roles, options) or the viewer's own (its offers).
import type { Command, CommandType } from "./commands.js";
import { admitter, handle, type Admission } from "./decide.js";
import type { RejectionCode } from "./rejections.js";
import type { MatchState, PlayerId, RoleId, TableState } from "./types.js";

/** Accepted now, or the rejection code decide() would answer. */
export type Availability = { ok: true } | { ok: false; code: RejectionCode };

/**
 * One action of the viewer. `ok` holds when the command would be accepted now for at least
 * one target; otherwise `code` says why (the reason most targets share, or the command's own
 * reason when it has no target to try). `targets` is present for commands that take one, and
 * empty when the action is refused before any target matters (the phase, the seat).
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

/** A command a control would send, for one target. */
type Probe = { target: string; command: Command };

/** Who is asking, looked up once per view. */
interface Asker {
  state: MatchState;
  /** The player's role and table (players only). */
  role: RoleId | null;
  table: TableState | undefined;
}

/**
 * How to ask decide() about one action: a command with nothing to choose, or the targets to
 * try (built only once the action is open at all) and the command asked when there is none.
 * Declared once for all views, so asking costs no new functions.
 */
type Spec = { command: (at: Asker) => Command } | { targets: (at: Asker) => Probe[]; none: Command };

// Placeholder arguments for the parts a person types: any accepted text passes the same checks.
const TEXT = "…";
const ONE_TOKEN = 1;
const EXTEND_SECONDS = 60;

const fixed = (command: Command): Spec => ({ command: () => command });
const optionsNow = (at: Asker) => at.state.scenario.dossiers[at.state.round]?.options.map((o) => o.id) ?? [];
const otherRoles = (at: Asker) => at.state.scenario.roles.map((r) => r.id).filter((id) => id !== at.role);
// Only the viewer's own offers: anyone else's are secret, and so is their existence.
const offersTo = (at: Asker) => (at.table?.fellowships ?? []).filter((f) => f.to === at.role).map((f) => f.id);
const offersFrom = (at: Asker) => (at.table?.fellowships ?? []).filter((f) => f.from === at.role).map((f) => f.id);
const presentPlayers = (at: Asker) => Object.values(at.state.players).filter((p) => p.present);
const probe = (target: string, command: Command): Probe => ({ target, command });

const PLAYER_SPECS: Record<PlayerAction, Spec> = {
  BookTravel: {
    targets: () => [probe("in-person", { type: "BookTravel", mode: "in-person", delegates: 1 }), probe("remote", { type: "BookTravel", mode: "remote" })],
    none: { type: "BookTravel", mode: "remote" },
  },
  OfferFellowship: {
    targets: (at) => {
      // Naming an option is allowed in every variant and required in the hard one.
      const expects = optionsNow(at)[0] ?? null;
      return otherRoles(at).flatMap((to) => [
        probe(to, { type: "OfferFellowship", to, expects, programme: false }),
        probe(`${to}/programme`, { type: "OfferFellowship", to, expects, programme: true }),
      ]);
    },
    none: { type: "OfferFellowship", to: "" },
  },
  WithdrawFellowship: { targets: (at) => offersFrom(at).map((id) => probe(id, { type: "WithdrawFellowship", fellowship: id })), none: { type: "WithdrawFellowship", fellowship: "" } },
  AcceptFellowship: { targets: (at) => offersTo(at).map((id) => probe(id, { type: "AcceptFellowship", fellowship: id })), none: { type: "AcceptFellowship", fellowship: "" } },
  DeclineFellowship: { targets: (at) => offersTo(at).map((id) => probe(id, { type: "DeclineFellowship", fellowship: id })), none: { type: "DeclineFellowship", fellowship: "" } },
  GiveGrant: { targets: (at) => otherRoles(at).map((to) => probe(to, { type: "GiveGrant", to, amount: ONE_TOKEN })), none: { type: "GiveGrant", to: "", amount: ONE_TOKEN } },
  BuyBriefing: fixed({ type: "BuyBriefing" }),
  MakeStatement: fixed({ type: "MakeStatement", text: TEXT }),
  PostRemoteComment: fixed({ type: "PostRemoteComment", text: TEXT }),
  SendCorridorMessage: {
    targets: (at) => otherRoles(at).map((to) => probe(to, { type: "SendCorridorMessage", to, text: TEXT })),
    none: { type: "SendCorridorMessage", to: "", text: TEXT },
  },
  TableOption: { targets: (at) => optionsNow(at).map((option) => probe(option, { type: "TableOption", option })), none: { type: "TableOption", option: "" } },
  DeclarePosition: {
    targets: (at) => optionsNow(at).map((option) => probe(option, { type: "DeclarePosition", option, stance: "support" })),
    none: { type: "DeclarePosition", option: "", stance: "support" },
  },
  InsertRider: {
    targets: (at) => {
      const rider = at.state.scenario.rider;
      return (rider?.options ?? []).filter((o) => o.id !== rider?.none).map((o) => probe(o.id, { type: "InsertRider", option: o.id }));
    },
    none: { type: "InsertRider", option: "" },
  },
  ObjectToRider: fixed({ type: "ObjectToRider" }),
};

const TEACHER_SPECS: Record<TeacherAction, Spec> = {
  AssignRolesAutomatically: fixed({ type: "AssignRolesAutomatically" }),
  // Keeping a player in the seat they hold: accepted whenever the teacher may move players at all.
  AssignRole: {
    targets: (at) => presentPlayers(at).map((p) => probe(p.id, { type: "AssignRole", player: p.id, table: p.table, role: p.role })),
    none: { type: "AssignRole", player: "", table: null, role: null },
  },
  FillWithBots: fixed({ type: "FillWithBots" }),
  RemovePlayer: { targets: (at) => presentPlayers(at).map((p) => probe(p.id, { type: "RemovePlayer", player: p.id })), none: { type: "RemovePlayer", player: "" } },
  MutePlayer: {
    targets: (at) => presentPlayers(at).map((p) => probe(p.id, { type: "MutePlayer", player: p.id, muted: !p.muted })),
    none: { type: "MutePlayer", player: "", muted: true },
  },
  StartMatch: fixed({ type: "StartMatch" }),
  AdvancePhase: fixed({ type: "AdvancePhase" }),
  PauseClock: fixed({ type: "PauseClock" }),
  ResumeClock: fixed({ type: "ResumeClock" }),
  ExtendClock: fixed({ type: "ExtendClock", seconds: EXTEND_SECONDS }),
  PushNews: fixed({ type: "PushNews", text: TEXT }),
  // The button seats an unseated delegation and unseats a seated one.
  NameDrafter: {
    targets: (at) =>
      at.state.tables.flatMap((t) =>
        at.state.scenario.roles.map((r) => probe(`${t.index}/${r.id}`, { type: "NameDrafter", table: t.index, role: r.id, seated: !(t.rounds[at.state.round]?.drafting.includes(r.id) ?? false) })),
      ),
    none: { type: "NameDrafter", table: 0, role: "", seated: true },
  },
  CallConsensus: {
    targets: (at) => at.state.tables.flatMap((t) => optionsNow(at).map((option) => probe(`${t.index}/${option}`, { type: "CallConsensus", table: t.index, option }))),
    none: { type: "CallConsensus", table: 0, option: "" },
  },
  EndMatch: fixed({ type: "EndMatch" }),
  ShowDebriefCard: { command: (at) => ({ type: "ShowDebriefCard", card: at.state.debrief.card }) },
  ShowNicknames: { command: (at) => ({ type: "ShowNicknames", shown: !at.state.debrief.nicknames }) },
};

// One frozen answer per outcome, shared by every view: views are read, never changed.
const YES: Availability = Object.freeze({ ok: true });
const NO = new Map<RejectionCode, Availability>();
function refusal(code: RejectionCode): Availability {
  let a = NO.get(code);
  if (!a) NO.set(code, (a = Object.freeze({ ok: false, code })));
  return a;
}
const answer = (v: { ok: true } | { ok: false; rejection: { code: RejectionCode } }): Availability => (v.ok ? YES : refusal(v.rejection.code));

/** The reason most targets share (the first such in target order on a tie). */
function commonCode(targets: Availability[]): RejectionCode | null {
  const counts = new Map<RejectionCode, number>();
  for (const t of targets) if (!t.ok) counts.set(t.code, (counts.get(t.code) ?? 0) + 1);
  let best: RejectionCode | null = null;
  for (const [code, n] of counts) if (best === null || n > counts.get(best)!) best = code;
  return best;
}

/**
 * decide() in its two steps: admit() checks the giver, the run-sheet and the seat, which read
 * nothing of the arguments, so one admission answers for the whole action; handle() then
 * applies the command's own rules to each target.
 */
function evaluate(at: Asker, admit: (type: CommandType) => Admission, spec: Spec): ActionState {
  if ("command" in spec) {
    const command = spec.command(at);
    const admission = admit(command.type);
    return answer(admission.ok ? handle(command, admission.context) : admission);
  }
  const admission = admit(spec.none.type);
  if (!admission.ok) return { ok: false, code: admission.rejection.code, targets: {} };
  const probes = spec.targets(at);
  if (!probes.length) {
    // Nothing to target: the reason decide gives a target that does not exist (no offer, no clause...).
    const v = handle(spec.none, admission.context);
    return { ok: false, code: v.ok ? "bad-input" : v.rejection.code, targets: {} };
  }
  const targets: Record<string, Availability> = {};
  let open = false;
  for (const p of probes) {
    const a = answer(handle(p.command, admission.context));
    targets[p.target] = a;
    open ||= a.ok;
  }
  return open ? { ok: true, targets } : { ok: false, code: commonCode(Object.values(targets)) ?? "bad-input", targets };
}

/**
 * The actions of a player (its seat's commands) or of the teacher (the dashboard's), each as
 * decide() would answer it now. Only the Tick reads the time, and it is not an action of
 * anyone's, so the probes run at the match's creation time.
 */
export function actionsFor(state: MatchState, viewer: { kind: "player"; id: PlayerId } | { kind: "teacher" }): Actions {
  const player = viewer.kind === "player" ? state.players[viewer.id] : undefined;
  const at: Asker = { state, role: player?.role ?? null, table: player?.table === null || player?.table === undefined ? undefined : state.tables[player.table] };
  const actor = viewer.kind === "player" ? ({ kind: "player", id: viewer.id } as const) : ({ kind: "teacher" } as const);
  const admit = admitter(state, { actor, now: state.createdAt });
  const specs: Record<string, Spec> = viewer.kind === "player" ? PLAYER_SPECS : TEACHER_SPECS;
  const out: Record<string, ActionState> = {};
  for (const name in specs) out[name] = evaluate(at, admit, specs[name]!);
  return out as Actions;
}
