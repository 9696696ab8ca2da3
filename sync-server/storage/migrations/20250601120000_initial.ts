/**
 * Initial schema: documents with their commit-order `seq` and indexed scope columns, the people
 * tables (teams, users, devices, tokens, enrolment codes), the quarantine (C4) and the append-only
 * audit trail. One migration, two dialects, kept side by side so a reader can diff them.
 */
import type { Migration } from './index';

const ROLES = `'coordinator', 'worker', 'helper', 'kiosk'`;

const sqlite = `
CREATE TABLE documents (
  collection TEXT NOT NULL,
  id TEXT NOT NULL,
  seq INTEGER NOT NULL UNIQUE,
  data TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  write_id TEXT NOT NULL,
  server_updated_at TEXT NOT NULL,
  server_updated_by TEXT NOT NULL,
  team_id TEXT,
  client_id TEXT,
  case_id TEXT,
  assigned_to TEXT,
  created_by TEXT,
  PRIMARY KEY (collection, id)
);
CREATE INDEX documents_collection_seq ON documents (collection, seq);
CREATE INDEX documents_team ON documents (collection, team_id);
CREATE INDEX documents_case ON documents (case_id);
CREATE INDEX documents_client ON documents (client_id);

CREATE TABLE teams (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL);
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  email TEXT UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN (${ROLES})),
  password_hash TEXT,
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);
CREATE TABLE user_teams (
  user_id TEXT NOT NULL REFERENCES users (id),
  team_id TEXT NOT NULL REFERENCES teams (id),
  PRIMARY KEY (user_id, team_id)
);
CREATE TABLE devices (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  user_id TEXT NOT NULL REFERENCES users (id),
  app_version TEXT,
  last_sync_at TEXT,
  unsynced_backlog INTEGER,
  revoked_at TEXT,
  created_at TEXT NOT NULL
);
CREATE TABLE tokens (
  hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  device_id TEXT NOT NULL REFERENCES devices (id),
  expires_at TEXT NOT NULL,
  revoked_at TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX tokens_user ON tokens (user_id);
CREATE INDEX tokens_device ON tokens (device_id);
CREATE TABLE enrolment_codes (
  hash TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT,
  created_at TEXT NOT NULL
);
CREATE TABLE quarantine (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  collection TEXT NOT NULL,
  document_id TEXT NOT NULL,
  write_id TEXT NOT NULL,
  document TEXT NOT NULL,
  code TEXT NOT NULL,
  reason TEXT NOT NULL,
  author_id TEXT NOT NULL,
  device_id TEXT,
  at TEXT NOT NULL,
  UNIQUE (collection, document_id, write_id)
);
CREATE INDEX quarantine_author ON quarantine (author_id, at);
CREATE TABLE audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id TEXT NOT NULL,
  device_id TEXT,
  collection TEXT NOT NULL,
  document_id TEXT NOT NULL,
  write_id TEXT NOT NULL,
  action TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'audit is append-only'); END;
`;

const postgres = `
CREATE SEQUENCE documents_seq AS BIGINT;
CREATE TABLE documents (
  collection TEXT NOT NULL,
  id TEXT NOT NULL,
  seq BIGINT NOT NULL UNIQUE,
  data JSONB NOT NULL,
  deleted BOOLEAN NOT NULL DEFAULT FALSE,
  write_id TEXT NOT NULL,
  server_updated_at TIMESTAMPTZ NOT NULL,
  server_updated_by TEXT NOT NULL,
  team_id TEXT,
  client_id TEXT,
  case_id TEXT,
  assigned_to TEXT,
  created_by TEXT,
  PRIMARY KEY (collection, id)
);
CREATE INDEX documents_collection_seq ON documents (collection, seq);
CREATE INDEX documents_team ON documents (collection, team_id);
CREATE INDEX documents_case ON documents (case_id);
CREATE INDEX documents_client ON documents (client_id);

CREATE TABLE teams (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, created_at TIMESTAMPTZ NOT NULL);
CREATE TABLE users (
  id TEXT PRIMARY KEY,
  email TEXT UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN (${ROLES})),
  password_hash TEXT,
  active BOOLEAN NOT NULL DEFAULT TRUE,
  created_at TIMESTAMPTZ NOT NULL
);
CREATE TABLE user_teams (
  user_id TEXT NOT NULL REFERENCES users (id),
  team_id TEXT NOT NULL REFERENCES teams (id),
  PRIMARY KEY (user_id, team_id)
);
CREATE TABLE devices (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  user_id TEXT NOT NULL REFERENCES users (id),
  app_version TEXT,
  last_sync_at TIMESTAMPTZ,
  unsynced_backlog INTEGER,
  revoked_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ NOT NULL
);
CREATE TABLE tokens (
  hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  device_id TEXT NOT NULL REFERENCES devices (id),
  expires_at TIMESTAMPTZ NOT NULL,
  revoked_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX tokens_user ON tokens (user_id);
CREATE INDEX tokens_device ON tokens (device_id);
CREATE TABLE enrolment_codes (
  hash TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL,
  used_at TIMESTAMPTZ,
  created_at TIMESTAMPTZ NOT NULL
);
CREATE TABLE quarantine (
  id BIGSERIAL PRIMARY KEY,
  collection TEXT NOT NULL,
  document_id TEXT NOT NULL,
  write_id TEXT NOT NULL,
  document JSONB NOT NULL,
  code TEXT NOT NULL,
  reason TEXT NOT NULL,
  author_id TEXT NOT NULL,
  device_id TEXT,
  at TIMESTAMPTZ NOT NULL,
  UNIQUE (collection, document_id, write_id)
);
CREATE INDEX quarantine_author ON quarantine (author_id, at);
CREATE TABLE audit (
  id BIGSERIAL PRIMARY KEY,
  user_id TEXT NOT NULL,
  device_id TEXT,
  collection TEXT NOT NULL,
  document_id TEXT NOT NULL,
  write_id TEXT NOT NULL,
  action TEXT NOT NULL,
  at TIMESTAMPTZ NOT NULL
);
CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit is append-only';
END
$$;
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit FOR EACH ROW EXECUTE FUNCTION audit_append_only();
`;

export const initial: Migration = { id: '20250601120000_initial', sqlite, postgres };
