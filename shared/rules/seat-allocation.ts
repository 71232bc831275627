// Where players sit: every role filled once before any is doubled, spread across tables, and
// bots for seats nobody holds. Pure lookups over the state; the handlers turn them into events.
import type { GameEvent } from "./events.js";
import { presentPlayers } from "./helpers.js";
import type { MatchState, RoleId } from "./types.js";

export type SeatKey = `${number}/${RoleId}`;
const keyOf = (table: number, role: RoleId): SeatKey => `${table}/${role}`;

/** Present players per seat (table × role), counted in one pass. */
export function seatCounts(state: MatchState): Map<SeatKey, number> {
  const counts = new Map<SeatKey, number>();
  for (const p of presentPlayers(state)) {
    if (p.table !== null && p.role !== null) counts.set(keyOf(p.table, p.role), (counts.get(keyOf(p.table, p.role)) ?? 0) + 1);
  }
  return counts;
}

/** Counts a player into a seat (for allocating several players one after another). */
export function takeSeat(counts: Map<SeatKey, number>, table: number, role: RoleId): void {
  counts.set(keyOf(table, role), (counts.get(keyOf(table, role)) ?? 0) + 1);
}

/** Where the next unseated player goes: the emptiest role, then the emptiest table; null when every delegation is full. */
export function nextSeat(state: MatchState, counts: Map<SeatKey, number>): { table: number; role: RoleId } | null {
  let best: { table: number; role: RoleId; key: number[] } | null = null;
  for (const t of state.tables) {
    const tableTotal = state.scenario.roles.reduce((a, r) => a + (counts.get(keyOf(t.index, r.id)) ?? 0), 0);
    for (const [ri, r] of state.scenario.roles.entries()) {
      const n = counts.get(keyOf(t.index, r.id)) ?? 0;
      if (n >= r.maxDelegates) continue;
      const key = [n, tableTotal, t.index, ri];
      if (!best || compareKeys(key, best.key) < 0) best = { table: t.index, role: r.id, key };
    }
  }
  return best && { table: best.table, role: best.role };
}

function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return 0;
}

/** A bot player for every seat (table × role) that no present player holds. */
export function botsForEmptySeats(state: MatchState, now: number): Extract<GameEvent, { type: "PlayerJoined" }>[] {
  const events: Extract<GameEvent, { type: "PlayerJoined" }>[] = [];
  const counts = seatCounts(state);
  let id = state.nextId;
  for (const table of state.tables) {
    for (const role of state.scenario.roles) {
      if ((counts.get(keyOf(table.index, role.id)) ?? 0) > 0) continue;
      const nickname = `Bot ${role.short}${state.tables.length > 1 ? ` ${table.index + 1}` : ""}`;
      events.push({ type: "PlayerJoined", player: `bot${id++}`, nickname, kind: "bot", table: table.index, role: role.id, at: now });
    }
  }
  return events;
}

/**
 * A seat filled after travel closed (a late joiner, a bot, a teacher's move) takes part
 * remotely for the rest of the round instead of being stuck as absent.
 */
export function joinRoundRemotely(state: MatchState, seats: { table: number | null; role: RoleId | null }[]): GameEvent[] {
  if (state.status !== "running" || !(state.phase === "negotiation" || state.phase === "decision")) return [];
  const done = new Set<SeatKey>();
  const events: GameEvent[] = [];
  for (const { table, role } of seats) {
    if (table === null || role === null || done.has(keyOf(table, role))) continue;
    done.add(keyOf(table, role));
    if (state.tables[table]?.rounds[state.round]?.attendance[role]?.mode !== "absent") continue;
    events.push({ type: "TravelBooked", table, role, attendance: { mode: "remote", delegates: 1, paidBy: null, cost: 0, defaulted: true }, defaulted: true });
  }
  return events;
}
