/**
 * Revocation and scope bookkeeping (sync.md A3, A4):
 *
 * - `access_epoch`: one counter that database triggers bump whenever a token, a device or a user is
 *   revoked, a user's role changes or their teams change, whichever process made the change (a server
 *   instance, the admin CLI, a script). Live streams watch it (SQLite: a cheap poll; PostgreSQL: the
 *   same triggers also NOTIFY the change channel) and re-check their token and scope at once.
 * - `scope_snapshots`: the cases and clients a worker's scope held when a pull checkpoint was issued,
 *   addressed by a fingerprint that the checkpoint carries, so the next pull can tell what entered the
 *   scope (sent with its history) and what left it (sent as a removal).
 */
import type { Migration } from './index';

const sqlite = `
CREATE TABLE access_epoch (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL);
INSERT INTO access_epoch (id, n) VALUES (1, 0);
CREATE TRIGGER access_epoch_token AFTER UPDATE OF revoked_at ON tokens
  WHEN OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL
  BEGIN UPDATE access_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER access_epoch_token_delete AFTER DELETE ON tokens
  BEGIN UPDATE access_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER access_epoch_device AFTER UPDATE OF revoked_at ON devices
  WHEN OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL
  BEGIN UPDATE access_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER access_epoch_device_user AFTER UPDATE OF user_id ON devices
  WHEN OLD.user_id IS NOT NEW.user_id
  BEGIN UPDATE access_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER access_epoch_user AFTER UPDATE OF active, role ON users
  WHEN OLD.active IS NOT NEW.active OR OLD.role IS NOT NEW.role
  BEGIN UPDATE access_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER access_epoch_team_add AFTER INSERT ON user_teams
  BEGIN UPDATE access_epoch SET n = n + 1 WHERE id = 1; END;
CREATE TRIGGER access_epoch_team_remove AFTER DELETE ON user_teams
  BEGIN UPDATE access_epoch SET n = n + 1 WHERE id = 1; END;

CREATE TABLE scope_snapshots (
  fingerprint TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  case_ids TEXT NOT NULL,
  client_ids TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX scope_snapshots_user ON scope_snapshots (user_id, created_at);
CREATE INDEX quarantine_device ON quarantine (device_id, collection, id);
`;

const postgres = `
CREATE TABLE access_epoch (id INTEGER PRIMARY KEY CHECK (id = 1), n BIGINT NOT NULL);
INSERT INTO access_epoch (id, n) VALUES (1, 0);
CREATE FUNCTION access_epoch_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE access_epoch SET n = n + 1 WHERE id = 1;
  PERFORM pg_notify(
    CASE WHEN TG_TABLE_SCHEMA = 'public' THEN 'resonance_changes' ELSE 'resonance_changes_' || TG_TABLE_SCHEMA END,
    '{"access":true}');
  RETURN NULL;
END
$$;
CREATE TRIGGER access_epoch_token AFTER UPDATE OF revoked_at ON tokens FOR EACH ROW
  WHEN (OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL) EXECUTE FUNCTION access_epoch_bump();
CREATE TRIGGER access_epoch_token_delete AFTER DELETE ON tokens FOR EACH ROW EXECUTE FUNCTION access_epoch_bump();
CREATE TRIGGER access_epoch_device AFTER UPDATE OF revoked_at ON devices FOR EACH ROW
  WHEN (OLD.revoked_at IS NULL AND NEW.revoked_at IS NOT NULL) EXECUTE FUNCTION access_epoch_bump();
CREATE TRIGGER access_epoch_device_user AFTER UPDATE OF user_id ON devices FOR EACH ROW
  WHEN (OLD.user_id IS DISTINCT FROM NEW.user_id) EXECUTE FUNCTION access_epoch_bump();
CREATE TRIGGER access_epoch_user AFTER UPDATE OF active, role ON users FOR EACH ROW
  WHEN (OLD.active IS DISTINCT FROM NEW.active OR OLD.role IS DISTINCT FROM NEW.role) EXECUTE FUNCTION access_epoch_bump();
CREATE TRIGGER access_epoch_team AFTER INSERT OR DELETE ON user_teams FOR EACH ROW EXECUTE FUNCTION access_epoch_bump();

CREATE TABLE scope_snapshots (
  fingerprint TEXT PRIMARY KEY,
  user_id TEXT NOT NULL,
  case_ids JSONB NOT NULL,
  client_ids JSONB NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX scope_snapshots_user ON scope_snapshots (user_id, created_at);
CREATE INDEX quarantine_device ON quarantine (device_id, collection, id);
`;

export const accessEpoch: Migration = { id: '20261129033000_access_epoch', sqlite, postgres };
