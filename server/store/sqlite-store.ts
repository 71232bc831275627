// The embedded default record store: one SQLite file (node:sqlite, nothing to install).
// Every command's events go in one transaction, so a record never holds half a command.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { buildRecord, type MatchRecord, type RecordedEvent } from "../../shared/replay/record.js";
import { AppendConflict, type ImportOrigin, type MatchHeader, type MatchStatus, type MatchStore, type MatchSummary, type NewEvent, type ReplayLink, type StoredScenario } from "./match-store.js";
import { tablesOf, toStoredScenario, type ScenarioRow } from "./rows.js";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS matches (
  code TEXT PRIMARY KEY,
  created_at INTEGER NOT NULL,
  class_label TEXT NOT NULL DEFAULT '',
  settings TEXT NOT NULL,
  scenario_id TEXT NOT NULL,
  scenario_version INTEGER NOT NULL,
  rules_version INTEGER NOT NULL,
  seed INTEGER NOT NULL,
  status TEXT NOT NULL,
  started_at INTEGER,
  ended_at INTEGER,
  teacher_token_hash TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS matches_by_token ON matches (teacher_token_hash, created_at);
CREATE TABLE IF NOT EXISTS events (
  match TEXT NOT NULL REFERENCES matches(code) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  event TEXT NOT NULL,
  PRIMARY KEY (match, seq)
);
CREATE TABLE IF NOT EXISTS seats (
  match TEXT NOT NULL REFERENCES matches(code) ON DELETE CASCADE,
  player TEXT NOT NULL,
  secret_hash TEXT NOT NULL,
  PRIMARY KEY (match, player)
);
CREATE TABLE IF NOT EXISTS teachers (
  token_hash TEXT PRIMARY KEY,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS teacher_scenarios (
  teacher_token_hash TEXT NOT NULL,
  id TEXT NOT NULL,
  title TEXT NOT NULL,
  version INTEGER NOT NULL,
  json TEXT NOT NULL,
  uploaded_at INTEGER NOT NULL,
  PRIMARY KEY (teacher_token_hash, id)
);
CREATE TABLE IF NOT EXISTS replay_links (
  token_hash TEXT PRIMARY KEY,
  match TEXT NOT NULL REFERENCES matches(code) ON DELETE CASCADE,
  created_at INTEGER NOT NULL
);
`;

interface HeaderRow {
  code: string;
  created_at: number;
  class_label: string;
  settings: string;
  scenario_id: string;
  scenario_version: number;
  rules_version: number;
  seed: number;
  status: MatchStatus;
  started_at: number | null;
  ended_at: number | null;
  teacher_token_hash: string;
  imported: ImportOrigin | null;
}

function toHeader(r: HeaderRow): MatchHeader {
  return {
    ...(r.imported ? { imported: r.imported } : {}),
    code: r.code,
    createdAt: r.created_at,
    classLabel: r.class_label,
    settings: r.settings,
    scenarioId: r.scenario_id,
    scenarioVersion: r.scenario_version,
    rulesVersion: r.rules_version,
    seed: r.seed,
    status: r.status,
    startedAt: r.started_at,
    endedAt: r.ended_at,
    teacherTokenHash: r.teacher_token_hash,
  };
}

export class SqliteMatchStore implements MatchStore {
  private db: DatabaseSync;

  constructor(readonly file: string) {
    if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
    this.db = new DatabaseSync(file);
    this.db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;");
    this.db.exec(SCHEMA);
    // Columns added after the first release, for files made before them.
    this.addColumn("matches", "imported", "TEXT");
    this.addColumn("replay_links", "nicknames", "INTEGER NOT NULL DEFAULT 0");
    // Files from before the teachers table: every token that made a match is a teacher.
    this.db.exec("INSERT OR IGNORE INTO teachers (token_hash, created_at) SELECT teacher_token_hash, MIN(created_at) FROM matches GROUP BY teacher_token_hash");
  }

  private addColumn(table: string, column: string, type: string): void {
    const columns = this.db.prepare(`PRAGMA table_info(${table})`).all() as unknown as { name: string }[];
    if (!columns.some((c) => c.name === column)) this.db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
  }

  async createMatch(h: MatchHeader): Promise<void> {
    this.insertHeader(h);
  }

  private insertHeader(h: MatchHeader): void {
    this.db
      .prepare(
        `INSERT INTO matches (code, created_at, class_label, settings, scenario_id, scenario_version, rules_version, seed, status, started_at, ended_at, teacher_token_hash, imported)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(h.code, h.createdAt, h.classLabel, h.settings, h.scenarioId, h.scenarioVersion, h.rulesVersion, h.seed, h.status, h.startedAt, h.endedAt, h.teacherTokenHash, h.imported ?? null);
    this.db.prepare("INSERT OR IGNORE INTO teachers (token_hash, created_at) VALUES (?, ?)").run(h.teacherTokenHash, h.createdAt);
  }

  async appendEvents(code: string, events: readonly NewEvent[], expectedLast?: number): Promise<number[]> {
    if (!events.length) return [];
    const seqs: number[] = [];
    this.db.exec("BEGIN IMMEDIATE");
    try {
      const last = this.db.prepare("SELECT COALESCE(MAX(seq), 0) AS last FROM events WHERE match = ?").get(code) as unknown as { last: number };
      if (expectedLast !== undefined && last.last !== expectedLast) throw new AppendConflict(code, expectedLast, last.last);
      const insert = this.db.prepare("INSERT INTO events (match, seq, at, actor, event) VALUES (?, ?, ?, ?, ?)");
      let seq = last.last;
      for (const e of events) {
        seq += 1;
        insert.run(code, seq, e.at, JSON.stringify(e.actor), JSON.stringify(e.event));
        seqs.push(seq);
      }
      this.db.exec("COMMIT");
    } catch (err) {
      this.db.exec("ROLLBACK");
      throw err;
    }
    return seqs;
  }

  async getHeader(code: string): Promise<MatchHeader | null> {
    const row = this.db.prepare("SELECT * FROM matches WHERE code = ?").get(code) as unknown as HeaderRow | undefined;
    return row ? toHeader(row) : null;
  }

  async listMatches(filter: { teacherTokenHash?: string; status?: readonly MatchStatus[] } = {}): Promise<MatchSummary[]> {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (filter.teacherTokenHash !== undefined) {
      where.push("m.teacher_token_hash = ?");
      params.push(filter.teacherTokenHash);
    }
    if (filter.status?.length) {
      where.push(`m.status IN (${filter.status.map(() => "?").join(", ")})`);
      params.push(...filter.status);
    }
    const rows = this.db
      .prepare(
        `SELECT m.*, (SELECT COUNT(*) FROM events e WHERE e.match = m.code) AS events,
                (SELECT MAX(at) FROM events e WHERE e.match = m.code) AS last_event_at
         FROM matches m ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
         ORDER BY m.created_at DESC, m.code`,
      )
      .all(...params) as unknown as (HeaderRow & { events: number; last_event_at: number | null })[];
    return rows.map((r) => {
      const { teacherTokenHash: _t, settings: _s, ...rest } = toHeader(r);
      return { ...rest, events: r.events, lastEventAt: r.last_event_at, ...tablesOf(r.settings) };
    });
  }

  async getEvents(code: string, page?: { after: number; limit: number }): Promise<RecordedEvent[]> {
    const rows = (
      page
        ? this.db.prepare("SELECT seq, at, actor, event FROM events WHERE match = ? AND seq > ? ORDER BY seq LIMIT ?").all(code, page.after, page.limit)
        : this.db.prepare("SELECT seq, at, actor, event FROM events WHERE match = ? ORDER BY seq").all(code)
    ) as unknown as {
      seq: number;
      at: number;
      actor: string;
      event: string;
    }[];
    return rows.map((r) => ({ seq: r.seq, at: r.at, actor: JSON.parse(r.actor), event: JSON.parse(r.event) }));
  }

  async getRecord(code: string): Promise<MatchRecord | null> {
    const events = await this.getEvents(code);
    return events.length ? buildRecord(events) : null;
  }

  async setStatus(code: string, status: MatchStatus, at: number): Promise<void> {
    const column = status === "running" ? ", started_at = COALESCE(started_at, ?)" : status === "ended" ? ", ended_at = ?" : "";
    const params: (string | number)[] = [status];
    if (column) params.push(at);
    params.push(code);
    this.db.prepare(`UPDATE matches SET status = ?${column} WHERE code = ?`).run(...params);
  }

  async importMatch(h: MatchHeader, events: readonly RecordedEvent[]): Promise<void> {
    this.db.exec("BEGIN IMMEDIATE");
    try {
      // No await inside the transaction: nothing else may run between BEGIN and COMMIT.
      this.insertHeader(h);
      const insert = this.db.prepare("INSERT INTO events (match, seq, at, actor, event) VALUES (?, ?, ?, ?, ?)");
      events.forEach((e, i) => insert.run(h.code, i + 1, e.at, JSON.stringify(e.actor), JSON.stringify(e.event)));
      this.db.exec("COMMIT");
    } catch (err) {
      this.db.exec("ROLLBACK");
      throw err;
    }
  }

  async saveReplayLink(code: string, tokenHash: string, at: number, options: { nicknames?: boolean } = {}): Promise<void> {
    this.db.prepare("INSERT INTO replay_links (token_hash, match, created_at, nicknames) VALUES (?, ?, ?, ?)").run(tokenHash, code, at, options.nicknames ? 1 : 0);
  }

  async replayLink(tokenHash: string): Promise<ReplayLink | null> {
    const row = this.db.prepare("SELECT match, nicknames FROM replay_links WHERE token_hash = ?").get(tokenHash) as unknown as { match: string; nicknames: number } | undefined;
    return row ? { match: row.match, nicknames: row.nicknames === 1 } : null;
  }

  async replayLinkMatch(tokenHash: string): Promise<string | null> {
    const row = this.db.prepare("SELECT match FROM replay_links WHERE token_hash = ?").get(tokenHash) as unknown as { match: string } | undefined;
    return row?.match ?? null;
  }

  async deleteMatch(code: string): Promise<boolean> {
    this.db.exec("BEGIN IMMEDIATE");
    try {
      this.db.prepare("DELETE FROM replay_links WHERE match = ?").run(code);
      this.db.prepare("DELETE FROM events WHERE match = ?").run(code);
      this.db.prepare("DELETE FROM seats WHERE match = ?").run(code);
      const r = this.db.prepare("DELETE FROM matches WHERE code = ?").run(code);
      this.db.exec("COMMIT");
      return Number(r.changes) > 0;
    } catch (err) {
      this.db.exec("ROLLBACK");
      throw err;
    }
  }

  async addTeacher(tokenHash: string, at: number): Promise<void> {
    this.db.prepare("INSERT OR IGNORE INTO teachers (token_hash, created_at) VALUES (?, ?)").run(tokenHash, at);
  }

  async isTeacher(tokenHash: string): Promise<boolean> {
    return this.db.prepare("SELECT 1 FROM teachers WHERE token_hash = ?").get(tokenHash) !== undefined;
  }

  async hasMatch(code: string): Promise<boolean> {
    return this.db.prepare("SELECT 1 FROM matches WHERE code = ?").get(code) !== undefined;
  }

  async saveScenario(teacherTokenHash: string, s: StoredScenario): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO teacher_scenarios (teacher_token_hash, id, title, version, json, uploaded_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (teacher_token_hash, id) DO UPDATE SET title = excluded.title, version = excluded.version, json = excluded.json, uploaded_at = excluded.uploaded_at`,
      )
      .run(teacherTokenHash, s.id, s.title, s.version, s.json, s.uploadedAt);
  }

  async listScenarios(teacherTokenHash: string): Promise<StoredScenario[]> {
    const rows = this.db
      .prepare("SELECT id, title, version, json, uploaded_at FROM teacher_scenarios WHERE teacher_token_hash = ? ORDER BY uploaded_at DESC, id")
      .all(teacherTokenHash) as unknown as ScenarioRow[];
    return rows.map(toStoredScenario);
  }

  async getScenario(teacherTokenHash: string, id: string): Promise<StoredScenario | null> {
    const row = this.db.prepare("SELECT id, title, version, json, uploaded_at FROM teacher_scenarios WHERE teacher_token_hash = ? AND id = ?").get(teacherTokenHash, id) as unknown as ScenarioRow | undefined;
    return row ? toStoredScenario(row) : null;
  }

  async deleteScenario(teacherTokenHash: string, id: string): Promise<boolean> {
    const r = this.db.prepare("DELETE FROM teacher_scenarios WHERE teacher_token_hash = ? AND id = ?").run(teacherTokenHash, id);
    return Number(r.changes) > 0;
  }

  async saveSeat(code: string, player: string, secretHash: string): Promise<void> {
    this.db.prepare("INSERT OR REPLACE INTO seats (match, player, secret_hash) VALUES (?, ?, ?)").run(code, player, secretHash);
  }

  async revokeSeat(code: string, player: string): Promise<void> {
    this.db.prepare("DELETE FROM seats WHERE match = ? AND player = ?").run(code, player);
  }

  async getSeats(code: string): Promise<Map<string, string>> {
    const rows = this.db.prepare("SELECT player, secret_hash FROM seats WHERE match = ?").all(code) as unknown as { player: string; secret_hash: string }[];
    return new Map(rows.map((r) => [r.player, r.secret_hash]));
  }

  async close(): Promise<void> {
    if (this.db.isOpen) this.db.close();
  }
}
