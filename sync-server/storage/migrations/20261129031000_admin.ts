/**
 * Coordinator management: an append-only trail of admin actions (who did what to whom, when, from
 * which device), the organisation's settings (key/value, e.g. idleLockMinutes), and an index so a
 * client's audit trail is read by document id without scanning the whole audit table.
 */
import type { Migration } from './index';

const sqlite = `
CREATE INDEX audit_document ON audit (document_id, id);
CREATE TABLE admin_audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  actor_id TEXT NOT NULL,
  device_id TEXT,
  action TEXT NOT NULL,
  target_type TEXT NOT NULL,
  target_id TEXT NOT NULL,
  detail TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE TRIGGER admin_audit_no_update BEFORE UPDATE ON admin_audit BEGIN SELECT RAISE(ABORT, 'admin_audit is append-only'); END;
CREATE TRIGGER admin_audit_no_delete BEFORE DELETE ON admin_audit BEGIN SELECT RAISE(ABORT, 'admin_audit is append-only'); END;
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TEXT NOT NULL);
`;

const postgres = `
CREATE INDEX audit_document ON audit (document_id, id);
CREATE TABLE admin_audit (
  id BIGSERIAL PRIMARY KEY,
  actor_id TEXT NOT NULL,
  device_id TEXT,
  action TEXT NOT NULL,
  target_type TEXT NOT NULL,
  target_id TEXT NOT NULL,
  detail JSONB NOT NULL,
  at TIMESTAMPTZ NOT NULL
);
CREATE TRIGGER admin_audit_append_only BEFORE UPDATE OR DELETE ON admin_audit FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL, updated_at TIMESTAMPTZ NOT NULL);
`;

export const admin: Migration = { id: '20261129031000_admin', sqlite, postgres };
