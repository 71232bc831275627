// The match record behind one small interface: an append-only event log per match plus a
// header row. The room never talks SQL. Two implementations answer alike (checked by
// tests/int/store-contract.test.ts): the SQLite file (one process) and PostgreSQL (several
// processes sharing one database).
import type { Actor } from "../../shared/rules/commands.js";
import type { GameEvent } from "../../shared/rules/events.js";
import type { MatchRecord, RecordedEvent } from "../../shared/replay/record.js";

export type MatchStatus = "lobby" | "running" | "ended";

export interface MatchHeader {
  /** The join code; also the match id inside the record. */
  code: string;
  createdAt: number;
  classLabel: string;
  /** The validated settings as JSON text. */
  settings: string;
  scenarioId: string;
  scenarioVersion: number;
  rulesVersion: number;
  seed: number;
  status: MatchStatus;
  startedAt: number | null;
  endedAt: number | null;
  /** sha-256 (hex) of the teacher token; the token itself is never stored. */
  teacherTokenHash: string;
  /**
   * Set for an imported record: "verified" when it carried this server's signature (every word
   * as recorded here), "checked" when it came from elsewhere and only passed the rules' check.
   */
  imported?: ImportOrigin;
}

export type ImportOrigin = "verified" | "checked";

/**
 * A scenario a teacher uploaded, kept under their token's hash: only that teacher lists it or
 * opens matches with it. `json` is the scenario as validated on upload (with its private
 * payoffs), so it never leaves the server except inside a match, through viewFor.
 */
export interface StoredScenario {
  /** The scenario's own id (from the file); one per teacher, a new upload replaces it. */
  id: string;
  title: string;
  version: number;
  json: string;
  uploadedAt: number;
}

/** A replay link as stored: the match it opens and whether it shows nicknames. */
export interface ReplayLink {
  match: string;
  /** false (the default): students appear as "Student 1", "Student 2" … */
  nicknames: boolean;
}

export interface MatchSummary extends Omit<MatchHeader, "teacherTokenHash" | "settings"> {
  events: number;
  lastEventAt: number | null;
  /** From the settings: how many tables, and the decision rule of each. */
  tables: number;
  rules: string[];
}

export interface NewEvent {
  at: number;
  actor: Actor;
  event: GameEvent;
}

/**
 * appendEvents was told the last sequence number its caller knew, and another writer has
 * appended since: the caller's copy of the match is stale (another process holds the match
 * now) and must not write. Nothing was appended.
 */
export class AppendConflict extends Error {
  constructor(
    readonly code: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`Match ${code} has moved on: expected its last event to be #${expected}, the record has #${actual}.`);
    this.name = "AppendConflict";
  }
}

export interface MatchStore {
  /** Creates the header row; fails if the code is already taken. */
  createMatch(header: MatchHeader): Promise<void>;
  /**
   * Appends events after the last recorded one, atomically; returns their sequence numbers
   * (1, 2, 3 … per match, no gaps). With `expectedLast`, refuses with AppendConflict unless
   * the record's last event is still that one: a live room passes the last number it holds,
   * so a second copy of the match (a process wrongly thought dead) can never interleave.
   */
  appendEvents(code: string, events: readonly NewEvent[], expectedLast?: number): Promise<number[]>;
  getHeader(code: string): Promise<MatchHeader | null>;
  /** Matches created with this teacher token hash, newest first; all matches when omitted. */
  listMatches(filter?: { teacherTokenHash?: string; status?: readonly MatchStatus[] }): Promise<MatchSummary[]>;
  /** The events in order; with `page`, only those after seq `after`, at most `limit` of them. */
  getEvents(code: string, page?: { after: number; limit: number }): Promise<RecordedEvent[]>;
  /** The exportable record (shared/replay/record.ts format), or null for an unknown code. */
  getRecord(code: string): Promise<MatchRecord | null>;
  setStatus(code: string, status: MatchStatus, at: number): Promise<void>;
  deleteMatch(code: string): Promise<boolean>;
  /** Stores a whole recorded match (an imported file) under `header.code`, in one transaction. */
  importMatch(header: MatchHeader, events: readonly RecordedEvent[]): Promise<void>;
  /** A replay link: the hash of a token that opens this match's replay without the teacher token. */
  saveReplayLink(code: string, tokenHash: string, at: number, options?: { nicknames?: boolean }): Promise<void>;
  /** The match a replay-link token (hashed) opens, or null. */
  replayLinkMatch(tokenHash: string): Promise<string | null>;
  /** The replay link a token (hashed) is, or null. */
  replayLink(tokenHash: string): Promise<ReplayLink | null>;
  /** Remembers a teacher token (by hash) when its first match is made or imported. */
  addTeacher(tokenHash: string, at: number): Promise<void>;
  /** Whether a teacher token (by hash) is known here, even after its last match was deleted. */
  isTeacher(tokenHash: string): Promise<boolean>;
  /** Whether any match, live or recorded, already uses this code. */
  hasMatch(code: string): Promise<boolean>;
  /** Keeps a teacher's uploaded scenario, replacing the one with the same id (their own only). */
  saveScenario(teacherTokenHash: string, scenario: StoredScenario): Promise<void>;
  /** A teacher's uploaded scenarios, newest upload first. */
  listScenarios(teacherTokenHash: string): Promise<StoredScenario[]>;
  /** One of this teacher's uploaded scenarios, or null (another teacher's is null too). */
  getScenario(teacherTokenHash: string, id: string): Promise<StoredScenario | null>;
  deleteScenario(teacherTokenHash: string, id: string): Promise<boolean>;
  /** Seat secrets (hashed) so that students can reclaim their seat, even after a restart. */
  saveSeat(code: string, player: string, secretHash: string): Promise<void>;
  revokeSeat(code: string, player: string): Promise<void>;
  getSeats(code: string): Promise<Map<string, string>>;
  close(): Promise<void>;
}
