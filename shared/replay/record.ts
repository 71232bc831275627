// The match record: an append-only log of accepted events, self-contained (it carries the
// scenario and the seed inside MatchCreated), so any server can replay it.
//
// Wire format (JSON), version 1:
// {
//   "format": "rough-consensus-record", "formatVersion": 1, "rulesVersion": 1,
//   "matchId": "ABCDE", "scenario": { "id": "...", "version": 1 },
//   "events": [ { "seq": 1, "at": 1764377000000, "actor": { "kind": "teacher" }, "event": { "type": "MatchCreated", ... } }, ... ],
//   "finalHash": "0a1b2c3d4e5f60",         // hash of the folded state after the last event
//   "signature": { "algorithm": "HMAC-SHA256", "key": "…", "value": "…" }   // exports only
// }
// The signature is the exporting server's (server/store/signing.ts); finalHash only tells a
// damaged file from a sound one, since anyone can recompute it.
import type { Actor } from "../rules/commands.js";
import type { GameEvent } from "../rules/events.js";
import { applyEvent } from "../rules/evolve.js";
import type { MatchState } from "../rules/types.js";
import { RULES_VERSION } from "../rules/types.js";
import { hashState } from "./hash.js";

export const RECORD_FORMAT = "rough-consensus-record";
export const RECORD_FORMAT_VERSION = 1;

export interface RecordedEvent {
  seq: number;
  at: number;
  actor: Actor;
  event: GameEvent;
}

export interface MatchRecord {
  format: typeof RECORD_FORMAT;
  formatVersion: number;
  rulesVersion: number;
  matchId: string;
  scenario: { id: string; version: number };
  events: RecordedEvent[];
  finalHash: string;
  /** The exporting server's signature; only that server can check it. */
  signature?: RecordSignature;
}

export interface RecordSignature {
  algorithm: "HMAC-SHA256";
  /** Which key signed it (a hash of the key, not the key). */
  key: string;
  value: string;
}

/**
 * How large one match's record may grow: a whole class over two lessons stays far below it,
 * while a flood stops there. Past `events`, students' actions are refused (record-full); the
 * teacher and the clock keep `reserve` more, so a full match can still be ended and debriefed.
 * An import is held to the same bounds, so every exported record can come back.
 */
export const RECORD_BUDGET = {
  events: 20_000,
  reserve: 2_000,
  /** Bytes of recorded events (their JSON). */
  bytes: 8 * 1024 * 1024,
  reserveBytes: 1024 * 1024,
  /** Nesting in an imported file: a record is a few levels deep, a hostile file thousands. */
  depth: 32,
} as const;

/** Folds the first `count` events (all when omitted) into a state, from nothing. */
export function fold(events: readonly GameEvent[], count = events.length): MatchState | null {
  let state: MatchState | null = null;
  const n = Math.min(count, events.length);
  for (let i = 0; i < n; i++) state = applyEvent(state, events[i] as GameEvent);
  return state;
}

export function foldRecord(record: Pick<MatchRecord, "events">, count?: number): MatchState | null {
  return fold(
    record.events.map((e) => e.event),
    count,
  );
}

export function buildRecord(events: RecordedEvent[]): MatchRecord {
  const created = events[0]?.event;
  if (!created || created.type !== "MatchCreated") throw new Error("A match record must start with MatchCreated.");
  const state = foldRecord({ events });
  return {
    format: RECORD_FORMAT,
    formatVersion: RECORD_FORMAT_VERSION,
    rulesVersion: RULES_VERSION,
    matchId: created.matchId,
    scenario: { id: created.scenario.id, version: created.scenario.version },
    events,
    finalHash: hashState(state),
  };
}

/** Why a record cannot be replayed by this version of the game, or null when it can. */
export function incompatibility(record: unknown): string | null {
  if (typeof record !== "object" || record === null) return "This is not a match record.";
  const r = record as Partial<MatchRecord>;
  if (r.format !== RECORD_FORMAT) return "This file is not a Rough Consensus match record.";
  if (r.formatVersion !== RECORD_FORMAT_VERSION) return `This record uses file format ${String(r.formatVersion)}; this server reads format ${RECORD_FORMAT_VERSION}.`;
  if (r.rulesVersion !== RULES_VERSION) return `This record was played under rules version ${String(r.rulesVersion)}; this server plays version ${RULES_VERSION}, so a replay could differ.`;
  if (!Array.isArray(r.events) || r.events.length === 0) return "This record holds no events.";
  return null;
}
