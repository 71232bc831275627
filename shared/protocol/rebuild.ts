// rebuildView(decoded, viewer): the MatchView a client can see, rebuilt from its decoded room
// state (`room.state.toJSON()`). It must equal viewFor(state, viewer) on the server; the
// integration tests check that for every viewer. Pure: no SDK, no DOM.
import type { MatchView, RoundView, TableView, Viewer } from "../rules/view.js";
import type { CorridorMessage, Fellowship, Grant } from "../rules/types.js";
import { SECRET_KEYS, type SeatInfo, type WireMatchState, type WireSecret } from "./state.js";

const parse = <T>(text: string | undefined, fallback: T): T => (text === undefined || text === "" ? fallback : (JSON.parse(text) as T));

/** Values of a private map in the engine's order. */
function ordered<T>(map: Record<string, WireSecret> | undefined): T[] {
  return Object.values(map ?? {})
    .sort((a, b) => a.order - b.order)
    .map((s) => JSON.parse(s.json) as T);
}

const orNull = (n: number): number | null => (n < 0 ? null : n);

/** The seat this device holds, if the server has given it one (players only). */
export function seatOf(decoded: Pick<WireMatchState, "secrets">): SeatInfo | null {
  for (const [key, s] of Object.entries(decoded.secrets ?? {})) if (key.startsWith("seat/")) return JSON.parse(s.json) as SeatInfo;
  return null;
}

/** The viewer's available actions: the one "actions/…" entry its device holds, if any. */
function actionsOf(secrets: Record<string, WireSecret>): MatchView["actions"] {
  for (const [key, s] of Object.entries(secrets)) if (key.startsWith("actions/")) return JSON.parse(s.json) as MatchView["actions"];
  return null;
}

export function rebuildView(decoded: WireMatchState, viewer: Viewer): MatchView {
  const secrets = decoded.secrets ?? {};
  const publicScenario = parse<MatchView["scenario"]>(decoded.scenario, null as never);
  const teacherScenario = secrets[SECRET_KEYS.scenario];
  const players = Object.entries(decoded.players ?? {})
    .sort(([, a], [, b]) => a.order - b.order)
    .map(([id, p]) => ({ id, nickname: p.nickname, kind: p.kind, table: orNull(p.table), role: p.role === "" ? null : p.role, muted: p.muted, present: p.present }));

  const tables: TableView[] = (decoded.tables ?? []).map((t) => ({
    index: t.index,
    rule: t.rule as TableView["rule"],
    delegations: Object.fromEntries(Object.entries(t.delegations ?? {}).map(([role, d]) => [role, { tokens: d.tokens, income: d.income }])),
    rounds: (t.rounds ?? []).map(
      (r): RoundView => ({
        dossier: r.dossier,
        attendance: Object.fromEntries(
          Object.entries(r.attendance ?? {}).map(([role, a]) => {
            const base = { mode: a.mode, delegates: a.delegates, cost: a.cost, defaulted: a.defaulted };
            const paid = r.paidBy?.[role];
            return [role, paid ? { ...base, paidBy: JSON.parse(paid.json) as string | null } : base];
          }),
        ),
        tabled: (r.tabled ?? []).map((x) => ({ option: x.option, by: x.by, at: x.at })),
        positions: Object.fromEntries(Object.entries(r.positions ?? {}).map(([role, p]) => [role, { ...p.stances }])),
        drafting: parse(r.drafting, []),
        remoteCommentsUsed: { ...(r.remoteCommentsUsed ?? {}) },
        rider: parse(r.rider, null),
        consensus: parse(r.consensus, []),
        decision: parse(r.decision, null),
        adoptedPayoffs: parse(r.adoptedPayoffs, null),
      }),
    ),
    statements: (t.statements ?? []).map((s) => ({ id: s.id, role: s.role, player: s.player, kind: s.kind, text: s.text, at: s.at, round: s.round })),
    corridor: ordered<CorridorMessage>(t.corridor),
    fellowships: ordered<Fellowship>(t.fellowships),
    grants: ordered<Grant>(t.grants),
    scores: (t.scores ?? []).map((s) => ({ ...s })),
  }));

  const mine = viewer.kind === "player" ? players.find((p) => p.id === viewer.id) : undefined;
  const me = mine ? { player: mine.id, nickname: mine.nickname, table: mine.table, role: mine.role, muted: mine.muted } : null;
  const briefingSecret = mine && mine.role !== null && mine.table !== null ? secrets[SECRET_KEYS.briefing(mine.table, mine.role)] : undefined;

  return {
    viewer: viewer.kind,
    matchId: decoded.matchId,
    scenario: teacherScenario ? (JSON.parse(teacherScenario.json) as MatchView["scenario"]) : publicScenario,
    settings: parse(decoded.settings, null as never),
    status: decoded.status,
    round: decoded.round,
    phase: decoded.phase as MatchView["phase"],
    clock: { deadline: orNull(decoded.deadline), pausedRemaining: orNull(decoded.pausedRemaining) },
    players,
    news: (decoded.news ?? []).map((n) => ({ id: n.id, text: n.text, at: n.at })),
    tables,
    me,
    briefing: briefingSecret ? (JSON.parse(briefingSecret.json) as MatchView["briefing"]) : null,
    debrief: { card: decoded.debriefCard ?? 0, nicknames: decoded.debriefNicknames ?? false },
    actions: actionsOf(secrets),
  };
}
