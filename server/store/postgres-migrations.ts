// The PostgreSQL schema as an ordered list of migrations. Invariant: a migration, once
// released, is never edited — a change is a new entry with the next version. Every server
// process applies the missing ones at start-up, in one transaction under an advisory lock,
// so several processes starting at once migrate the database exactly once.
//
// The tables hold the same record as the SQLite file (server/store/sqlite-store.ts); the
// store contract suite (tests/int/store-contract.test.ts) checks both answer alike.
// Times are epoch milliseconds (BIGINT); actor and event are JSON text exactly as the engine
// wrote them (TEXT rather than JSONB: JSONB refuses "\u0000" and reorders keys).

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "matches, events, seats and replay links",
    sql: `
CREATE TABLE matches (
  code TEXT PRIMARY KEY,
  created_at BIGINT NOT NULL,
  class_label TEXT NOT NULL DEFAULT '',
  settings TEXT NOT NULL,
  scenario_id TEXT NOT NULL,
  scenario_version INTEGER NOT NULL,
  rules_version INTEGER NOT NULL,
  seed BIGINT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('lobby', 'running', 'ended')),
  started_at BIGINT,
  ended_at BIGINT,
  teacher_token_hash TEXT NOT NULL,
  -- Kept by appendEvents in the same transaction as the events: the sequence number of the
  -- last event (events are numbered 1, 2, 3 ... without gaps) and when it happened.
  last_seq INTEGER NOT NULL DEFAULT 0,
  last_event_at BIGINT
);
CREATE INDEX matches_by_token ON matches (teacher_token_hash, created_at DESC);
CREATE INDEX matches_open ON matches (status) WHERE status <> 'ended';

CREATE TABLE events (
  match TEXT NOT NULL REFERENCES matches(code) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  at BIGINT NOT NULL,
  actor TEXT NOT NULL,
  event TEXT NOT NULL,
  PRIMARY KEY (match, seq)
);

CREATE TABLE seats (
  match TEXT NOT NULL REFERENCES matches(code) ON DELETE CASCADE,
  player TEXT NOT NULL,
  secret_hash TEXT NOT NULL,
  PRIMARY KEY (match, player)
);

CREATE TABLE replay_links (
  token_hash TEXT PRIMARY KEY,
  match TEXT NOT NULL REFERENCES matches(code) ON DELETE CASCADE,
  created_at BIGINT NOT NULL
);
CREATE INDEX replay_links_by_match ON replay_links (match);
`,
  },
  {
    version: 2,
    name: "teachers, imported records, replay links with or without nicknames",
    sql: `
CREATE TABLE teachers (
  token_hash TEXT PRIMARY KEY,
  created_at BIGINT NOT NULL
);
INSERT INTO teachers (token_hash, created_at)
  SELECT teacher_token_hash, MIN(created_at) FROM matches GROUP BY teacher_token_hash;
-- 'verified': the file carried this server's signature; 'checked': from elsewhere, it passed the rules.
ALTER TABLE matches ADD COLUMN imported TEXT CHECK (imported IN ('verified', 'checked'));
ALTER TABLE replay_links ADD COLUMN nicknames BOOLEAN NOT NULL DEFAULT FALSE;
`,
  },
  {
    version: 3,
    name: "scenarios teachers uploaded",
    sql: `
-- One row per teacher and scenario id: the validated scenario file as JSON text (TEXT, not
-- JSONB, for the same reasons as events). A new upload with the same id replaces the row.
CREATE TABLE teacher_scenarios (
  teacher_token_hash TEXT NOT NULL,
  id TEXT NOT NULL,
  title TEXT NOT NULL,
  version INTEGER NOT NULL,
  json TEXT NOT NULL,
  uploaded_at BIGINT NOT NULL,
  PRIMARY KEY (teacher_token_hash, id)
);
`,
  },
];
