// Migration 1: users, keys, rate counters, projects, sessions, events (+ full-text index), tags, posts, handoffs.
import type { Migration } from './types.js';

const common = (t: { bigint: string; serial: string; real: string; tsv: string }) => [
  `CREATE TABLE users (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    created_at ${t.bigint} NOT NULL
  )`,
  `CREATE TABLE api_keys (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    prefix TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE,
    rate_limit_per_minute INTEGER NOT NULL,
    created_at ${t.bigint} NOT NULL,
    last_used_at ${t.bigint},
    expires_at ${t.bigint},
    revoked_at ${t.bigint}
  )`,
  `CREATE INDEX api_keys_prefix ON api_keys(prefix)`,
  `CREATE INDEX api_keys_user ON api_keys(user_id)`,
  `CREATE TABLE rate_counters (
    key_id TEXT NOT NULL,
    window_start ${t.bigint} NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (key_id, window_start)
  )`,
  `CREATE TABLE projects (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    slug TEXT NOT NULL,
    name TEXT NOT NULL,
    cwd TEXT,
    last_session_id TEXT,
    last_session_at ${t.bigint},
    last_session_source TEXT,
    created_at ${t.bigint} NOT NULL,
    updated_at ${t.bigint} NOT NULL,
    UNIQUE (user_id, slug)
  )`,
  `CREATE TABLE sessions (
    pk ${t.serial},
    id TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    project_id TEXT REFERENCES projects(id) ON DELETE SET NULL,
    title TEXT,
    status TEXT NOT NULL,
    source TEXT NOT NULL,
    visibility TEXT NOT NULL,
    share_slug TEXT NOT NULL UNIQUE,
    starred INTEGER NOT NULL DEFAULT 0,
    archived INTEGER NOT NULL DEFAULT 0,
    cwd TEXT,
    git_branch TEXT,
    parent_session_id TEXT,
    meta TEXT NOT NULL,
    turn_info TEXT NOT NULL,
    sidechain_info TEXT NOT NULL,
    started_at ${t.bigint},
    ended_at ${t.bigint},
    duration_ms ${t.bigint} NOT NULL DEFAULT 0,
    activity_at ${t.bigint} NOT NULL,
    event_count INTEGER NOT NULL DEFAULT 0,
    tokens_input ${t.bigint} NOT NULL DEFAULT 0,
    tokens_output ${t.bigint} NOT NULL DEFAULT 0,
    tokens_cache_read ${t.bigint} NOT NULL DEFAULT 0,
    tokens_cache_write ${t.bigint} NOT NULL DEFAULT 0,
    cost_usd ${t.real},
    turns INTEGER NOT NULL DEFAULT 0,
    prompts INTEGER NOT NULL DEFAULT 0,
    messages INTEGER NOT NULL DEFAULT 0,
    tool_calls INTEGER NOT NULL DEFAULT 0,
    tool_errors INTEGER NOT NULL DEFAULT 0,
    tools TEXT NOT NULL,
    files_touched TEXT NOT NULL,
    created_at ${t.bigint} NOT NULL,
    updated_at ${t.bigint} NOT NULL,
    UNIQUE (user_id, id)
  )`,
  `CREATE INDEX sessions_user_activity ON sessions(user_id, activity_at, pk)`,
  `CREATE INDEX sessions_project ON sessions(project_id, activity_at)`,
  `CREATE INDEX sessions_public ON sessions(visibility, activity_at)`,
  `CREATE TABLE events (
    id ${t.serial},
    session_pk ${t.bigint} NOT NULL REFERENCES sessions(pk) ON DELETE CASCADE,
    uuid TEXT NOT NULL,
    seq INTEGER NOT NULL,
    turn_index INTEGER NOT NULL,
    agent_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    payload TEXT NOT NULL,
    truncated_from INTEGER,
    UNIQUE (session_pk, uuid)
  )`,
  `CREATE INDEX events_order ON events(session_pk, agent_id, seq)`,
  // Search documents: the prompts and replies of one write (a push, or one appended batch), so a term that is in
  // every event still costs one match per batch, not per event.
  `CREATE TABLE search_docs (
    id ${t.serial},
    session_pk ${t.bigint} NOT NULL REFERENCES sessions(pk) ON DELETE CASCADE${t.tsv}
  )`,
  `CREATE INDEX search_docs_session ON search_docs(session_pk)`,
  `CREATE TABLE session_tags (
    session_pk ${t.bigint} NOT NULL REFERENCES sessions(pk) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (session_pk, tag)
  )`,
  `CREATE INDEX session_tags_tag ON session_tags(tag, session_pk)`,
  `CREATE TABLE posts (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    title TEXT,
    visibility TEXT NOT NULL,
    share_slug TEXT NOT NULL UNIQUE,
    created_at ${t.bigint} NOT NULL,
    updated_at ${t.bigint} NOT NULL
  )`,
  `CREATE INDEX posts_user ON posts(user_id, updated_at)`,
  `CREATE TABLE post_sessions (
    post_id TEXT NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
    session_pk ${t.bigint} NOT NULL REFERENCES sessions(pk) ON DELETE CASCADE,
    added_at ${t.bigint} NOT NULL,
    PRIMARY KEY (post_id, session_pk)
  )`,
  `CREATE INDEX post_sessions_session ON post_sessions(session_pk)`,
  `CREATE TABLE handoffs (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
    session_id TEXT NOT NULL,
    title TEXT,
    frontmatter TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at ${t.bigint} NOT NULL
  )`,
  `CREATE INDEX handoffs_user ON handoffs(user_id, created_at)`,
  `CREATE INDEX handoffs_project ON handoffs(project_id, created_at)`,
];

export const migration0001: Migration = {
  version: 1,
  name: 'init',
  sqlite: [
    ...common({ bigint: 'INTEGER', serial: 'INTEGER PRIMARY KEY', real: 'REAL', tsv: '' }),
    // Contentless (the text is in the events' payloads already); rowid = search_docs.id.
    `CREATE VIRTUAL TABLE search_fts USING fts5(text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2')`,
    `CREATE TRIGGER search_docs_delete AFTER DELETE ON search_docs BEGIN
       DELETE FROM search_fts WHERE rowid = old.id;
     END`,
  ],
  postgres: [
    // 'simple' (no stemming) matches SQLite's unicode61 tokenizer, so both engines find the same sessions.
    ...common({
      bigint: 'BIGINT',
      serial: 'BIGSERIAL PRIMARY KEY',
      real: 'DOUBLE PRECISION',
      tsv: ',\n    tsv tsvector NOT NULL',
    }),
    `CREATE INDEX search_docs_tsv ON search_docs USING GIN (tsv)`,
  ],
};
