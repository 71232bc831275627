// The record store for several server processes: one PostgreSQL database every process
// reaches (DATABASE_URL=postgres://…), through the `pg` client's connection pool.
// Invariants, the same as the SQLite file's: a command's events are appended in one
// transaction or not at all, numbered 1, 2, 3 … per match without gaps; an append that names
// the last sequence number it knows is refused (AppendConflict) when another writer got there
// first, so two rooms of one match can never interleave their events; an import is one
// transaction. The schema is created and upgraded by postgres-migrations.ts at start-up.
import pg from "pg";
import { buildRecord, type MatchRecord, type RecordedEvent } from "../../shared/replay/record.js";
import { AppendConflict, type ImportOrigin, type MatchHeader, type MatchStatus, type MatchStore, type MatchSummary, type NewEvent, type ReplayLink, type StoredScenario } from "./match-store.js";
import { MIGRATIONS } from "./postgres-migrations.js";
import { tablesOf, toStoredScenario, type ScenarioRow } from "./rows.js";

/** Any 64-bit constant: every process takes this advisory lock while it migrates. */
const MIGRATION_LOCK = 7_262_019_015;

/** BIGINT (and COUNT) come back as text by default; every number here fits a JS number. */
const INT8 = 20;
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format ?? "text")) as typeof pg.types.getTypeParser,
};

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
  last_seq: number;
  last_event_at: number | null;
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

const HEADER_COLUMNS = "code, created_at, class_label, settings, scenario_id, scenario_version, rules_version, seed, status, started_at, ended_at, teacher_token_hash, imported";
const headerValues = (h: MatchHeader) => [h.code, h.createdAt, h.classLabel, h.settings, h.scenarioId, h.scenarioVersion, h.rulesVersion, h.seed, h.status, h.startedAt, h.endedAt, h.teacherTokenHash, h.imported ?? null];
const ADD_TEACHER = "INSERT INTO teachers (token_hash, created_at) VALUES ($1, $2) ON CONFLICT (token_hash) DO NOTHING";

export interface PostgresStoreOptions {
  /** Connections this process keeps at most (default: DATABASE_POOL_SIZE or 10). */
  poolSize?: number;
}

export class PostgresMatchStore implements MatchStore {
  private pool: pg.Pool;
  /** Resolves once the schema is current; every method waits for it. */
  readonly ready: Promise<void>;

  constructor(connectionString: string, options: PostgresStoreOptions = {}) {
    this.pool = new pg.Pool({ connectionString, max: options.poolSize ?? Number(process.env.DATABASE_POOL_SIZE ?? 10), types, application_name: "rough-consensus" });
    // An idle connection that the database drops (a restart, a failover) must not crash
    // the game server; the pool opens a new one for the next query.
    this.pool.on("error", (err) => console.error("[postgres] idle connection lost:", err.message));
    this.ready = this.migrate();
    // Every method awaits `ready` and reports a failure to its caller; this only keeps a
    // failure from also surfacing as an unhandled rejection before anyone asked.
    this.ready.catch(() => {});
  }

  /** Where the store points, without the password (for start-up messages). */
  static describe(connectionString: string): string {
    try {
      const u = new URL(connectionString);
      u.password = u.password ? "***" : "";
      return u.toString();
    } catch {
      return "(unparseable DATABASE_URL)";
    }
  }

  private async migrate(): Promise<void> {
    await this.transaction(async (c) => {
      await c.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
      await c.query("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)");
      const done = new Set((await c.query<{ version: number }>("SELECT version FROM schema_migrations")).rows.map((r) => r.version));
      const newest = Math.max(0, ...done);
      const known = MIGRATIONS.at(-1)?.version ?? 0;
      if (newest > known) {
        throw new Error(`The database's schema is version ${newest}, newer than this server knows (${known}): upgrade this server before pointing it at that database.`);
      }
      for (const m of MIGRATIONS) {
        if (done.has(m.version)) continue;
        await c.query(m.sql);
        await c.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)", [m.version, m.name, Date.now()]);
      }
    }, false);
  }

  /** Runs `work` in one transaction on one connection: COMMIT on success, ROLLBACK on any error. */
  private async transaction<T>(work: (c: pg.PoolClient) => Promise<T>, waitReady = true): Promise<T> {
    if (waitReady) await this.ready;
    const c = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await c.query("BEGIN");
      const result = await work(c);
      await c.query("COMMIT");
      return result;
    } catch (err) {
      try {
        await c.query("ROLLBACK");
      } catch (rollback) {
        // The connection itself broke: the caller gets the original error, and the pool
        // destroys this connection instead of handing it out again.
        broken = rollback as Error;
      }
      throw err;
    } finally {
      c.release(broken);
    }
  }

  private async query<R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<pg.QueryResult<R>> {
    await this.ready;
    return this.pool.query<R>(text, values);
  }

  async createMatch(h: MatchHeader): Promise<void> {
    await this.transaction(async (c) => {
      await c.query(`INSERT INTO matches (${HEADER_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`, headerValues(h));
      await c.query(ADD_TEACHER, [h.teacherTokenHash, h.createdAt]);
    });
  }

  async appendEvents(code: string, events: readonly NewEvent[], expectedLast?: number): Promise<number[]> {
    if (!events.length) return [];
    const actors = events.map((e) => JSON.stringify(e.actor));
    const bodies = events.map((e) => JSON.stringify(e.event));
    return this.transaction(async (c) => {
      // The UPDATE locks the match's row until COMMIT: appends to one match queue up here,
      // and the numbering can neither skip nor repeat.
      const bumped = await c.query<{ last_seq: number }>(
        `UPDATE matches SET last_seq = last_seq + $2, last_event_at = $3
         WHERE code = $1 AND ($4::integer IS NULL OR last_seq = $4::integer) RETURNING last_seq`,
        [code, events.length, events.at(-1)!.at, expectedLast ?? null],
      );
      if (!bumped.rowCount) {
        const found = await c.query<{ last_seq: number }>("SELECT last_seq FROM matches WHERE code = $1", [code]);
        if (!found.rowCount) throw new Error(`There is no match ${code} to append events to.`);
        throw new AppendConflict(code, expectedLast!, found.rows[0]!.last_seq);
      }
      const last = bumped.rows[0]!.last_seq;
      const seqs = events.map((_, i) => last - events.length + 1 + i);
      await c.query(
        `INSERT INTO events (match, seq, at, actor, event)
         SELECT $1, s, a, ac, ev FROM unnest($2::integer[], $3::bigint[], $4::text[], $5::text[]) AS t(s, a, ac, ev)`,
        [code, seqs, events.map((e) => e.at), actors, bodies],
      );
      return seqs;
    });
  }

  async getHeader(code: string): Promise<MatchHeader | null> {
    const { rows } = await this.query<HeaderRow>("SELECT * FROM matches WHERE code = $1", [code]);
    return rows[0] ? toHeader(rows[0]) : null;
  }

  async listMatches(filter: { teacherTokenHash?: string; status?: readonly MatchStatus[] } = {}): Promise<MatchSummary[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.teacherTokenHash !== undefined) {
      params.push(filter.teacherTokenHash);
      where.push(`teacher_token_hash = $${params.length}`);
    }
    if (filter.status?.length) {
      params.push([...filter.status]);
      where.push(`status = ANY($${params.length}::text[])`);
    }
    // COLLATE "C": the same byte order as the SQLite file, whatever the database's locale.
    const { rows } = await this.query<HeaderRow>(
      `SELECT * FROM matches ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY created_at DESC, code COLLATE "C"`,
      params,
    );
    return rows.map((r) => {
      const { teacherTokenHash: _t, settings: _s, ...rest } = toHeader(r);
      return { ...rest, events: r.last_seq, lastEventAt: r.last_event_at, ...tablesOf(r.settings) };
    });
  }

  async getEvents(code: string, page?: { after: number; limit: number }): Promise<RecordedEvent[]> {
    const { rows } = page
      ? await this.query<{ seq: number; at: number; actor: string; event: string }>("SELECT seq, at, actor, event FROM events WHERE match = $1 AND seq > $2 ORDER BY seq LIMIT $3", [code, page.after, page.limit])
      : await this.query<{ seq: number; at: number; actor: string; event: string }>("SELECT seq, at, actor, event FROM events WHERE match = $1 ORDER BY seq", [code]);
    return rows.map((r) => ({ seq: r.seq, at: r.at, actor: JSON.parse(r.actor), event: JSON.parse(r.event) }));
  }

  async getRecord(code: string): Promise<MatchRecord | null> {
    const events = await this.getEvents(code);
    return events.length ? buildRecord(events) : null;
  }

  async setStatus(code: string, status: MatchStatus, at: number): Promise<void> {
    const column = status === "running" ? ", started_at = COALESCE(started_at, $3)" : status === "ended" ? ", ended_at = $3" : "";
    await this.query(`UPDATE matches SET status = $2${column} WHERE code = $1`, column ? [code, status, at] : [code, status]);
  }

  async importMatch(h: MatchHeader, events: readonly RecordedEvent[]): Promise<void> {
    await this.transaction(async (c) => {
      await c.query(`INSERT INTO matches (${HEADER_COLUMNS}, last_seq, last_event_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`, [
        ...headerValues(h),
        events.length,
        events.at(-1)?.at ?? null,
      ]);
      await c.query(ADD_TEACHER, [h.teacherTokenHash, h.createdAt]);
      // In slices, so a long record stays within the protocol's parameter limits.
      for (let from = 0; from < events.length; from += 5000) {
        const slice = events.slice(from, from + 5000);
        await c.query(
          `INSERT INTO events (match, seq, at, actor, event)
           SELECT $1, s, a, ac, ev FROM unnest($2::integer[], $3::bigint[], $4::text[], $5::text[]) AS t(s, a, ac, ev)`,
          [h.code, slice.map((_, i) => from + i + 1), slice.map((e) => e.at), slice.map((e) => JSON.stringify(e.actor)), slice.map((e) => JSON.stringify(e.event))],
        );
      }
    });
  }

  async saveReplayLink(code: string, tokenHash: string, at: number, options: { nicknames?: boolean } = {}): Promise<void> {
    await this.query("INSERT INTO replay_links (token_hash, match, created_at, nicknames) VALUES ($1, $2, $3, $4)", [tokenHash, code, at, options.nicknames === true]);
  }

  async replayLink(tokenHash: string): Promise<ReplayLink | null> {
    const { rows } = await this.query<{ match: string; nicknames: boolean }>("SELECT match, nicknames FROM replay_links WHERE token_hash = $1", [tokenHash]);
    return rows[0] ? { match: rows[0].match, nicknames: rows[0].nicknames } : null;
  }

  async addTeacher(tokenHash: string, at: number): Promise<void> {
    await this.query(ADD_TEACHER, [tokenHash, at]);
  }

  async isTeacher(tokenHash: string): Promise<boolean> {
    const { rowCount } = await this.query("SELECT 1 FROM teachers WHERE token_hash = $1", [tokenHash]);
    return (rowCount ?? 0) > 0;
  }

  async replayLinkMatch(tokenHash: string): Promise<string | null> {
    const { rows } = await this.query<{ match: string }>("SELECT match FROM replay_links WHERE token_hash = $1", [tokenHash]);
    return rows[0]?.match ?? null;
  }

  async deleteMatch(code: string): Promise<boolean> {
    // Events, seats and replay links go with the match (ON DELETE CASCADE), in one statement.
    const r = await this.query("DELETE FROM matches WHERE code = $1", [code]);
    return (r.rowCount ?? 0) > 0;
  }

  async hasMatch(code: string): Promise<boolean> {
    const { rowCount } = await this.query("SELECT 1 FROM matches WHERE code = $1", [code]);
    return (rowCount ?? 0) > 0;
  }

  async saveScenario(teacherTokenHash: string, s: StoredScenario): Promise<void> {
    await this.query(
      `INSERT INTO teacher_scenarios (teacher_token_hash, id, title, version, json, uploaded_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (teacher_token_hash, id) DO UPDATE SET title = EXCLUDED.title, version = EXCLUDED.version, json = EXCLUDED.json, uploaded_at = EXCLUDED.uploaded_at`,
      [teacherTokenHash, s.id, s.title, s.version, s.json, s.uploadedAt],
    );
  }

  async listScenarios(teacherTokenHash: string): Promise<StoredScenario[]> {
    // COLLATE "C": the same order as the SQLite file.
    const { rows } = await this.query<ScenarioRow>(
      `SELECT id, title, version, json, uploaded_at FROM teacher_scenarios WHERE teacher_token_hash = $1 ORDER BY uploaded_at DESC, id COLLATE "C"`,
      [teacherTokenHash],
    );
    return rows.map(toStoredScenario);
  }

  async getScenario(teacherTokenHash: string, id: string): Promise<StoredScenario | null> {
    const { rows } = await this.query<ScenarioRow>("SELECT id, title, version, json, uploaded_at FROM teacher_scenarios WHERE teacher_token_hash = $1 AND id = $2", [teacherTokenHash, id]);
    return rows[0] ? toStoredScenario(rows[0]) : null;
  }

  async deleteScenario(teacherTokenHash: string, id: string): Promise<boolean> {
    const r = await this.query("DELETE FROM teacher_scenarios WHERE teacher_token_hash = $1 AND id = $2", [teacherTokenHash, id]);
    return (r.rowCount ?? 0) > 0;
  }

  async saveSeat(code: string, player: string, secretHash: string): Promise<void> {
    await this.query(
      "INSERT INTO seats (match, player, secret_hash) VALUES ($1, $2, $3) ON CONFLICT (match, player) DO UPDATE SET secret_hash = EXCLUDED.secret_hash",
      [code, player, secretHash],
    );
  }

  async revokeSeat(code: string, player: string): Promise<void> {
    await this.query("DELETE FROM seats WHERE match = $1 AND player = $2", [code, player]);
  }

  async getSeats(code: string): Promise<Map<string, string>> {
    const { rows } = await this.query<{ player: string; secret_hash: string }>("SELECT player, secret_hash FROM seats WHERE match = $1", [code]);
    return new Map(rows.map((r) => [r.player, r.secret_hash]));
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }
}
