/**
 * SQLite people tables: teams, users, devices, tokens, enrolment codes, and reads of the quarantine
 * and audit trail. Token and code values never reach this file, only their SHA-256 hashes.
 */
import type Database from 'better-sqlite3';
import { newId } from '#shared/lib/ids';
import type { Role } from '#shared/domain/roles';
import type { CollectionName } from '#shared/schemas/index';
import { DuplicateError, type AccountStore, type AdminAuditRecord, type AuditRecord, type DeviceRecord, type QuarantineRecord, type UserRecord } from '../types';

interface UserRow {
  id: string;
  email: string | null;
  name: string;
  role: string;
  password_hash: string | null;
  active: number;
  created_at: string;
  team_ids: string;
}

interface DeviceRow {
  id: string;
  name: string;
  user_id: string;
  app_version: string | null;
  last_sync_at: string | null;
  unsynced_backlog: number | null;
  revoked_at: string | null;
  created_at: string;
}

const USER_SELECT = `SELECT u.*, (SELECT json_group_array(team_id) FROM user_teams WHERE user_id = u.id) AS team_ids FROM users u`;

function toUser(row: UserRow): UserRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    passwordHash: row.password_hash,
    active: row.active !== 0,
    teamIds: (JSON.parse(row.team_ids) as string[]).sort(),
    createdAt: row.created_at,
  };
}

function toDevice(row: DeviceRow): DeviceRecord {
  return {
    id: row.id,
    name: row.name,
    userId: row.user_id,
    appVersion: row.app_version,
    lastSyncAt: row.last_sync_at,
    unsyncedBacklog: row.unsynced_backlog,
    revoked: row.revoked_at !== null,
    createdAt: row.created_at,
  };
}

interface AuditRow {
  user_id: string;
  device_id: string | null;
  collection: string;
  document_id: string;
  write_id: string;
  action: string;
  at: string;
}

function toAudit(r: AuditRow): AuditRecord {
  return {
    userId: r.user_id,
    deviceId: r.device_id,
    collection: r.collection,
    documentId: r.document_id,
    writeId: r.write_id,
    action: r.action as AuditRecord['action'],
    at: r.at,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && (error as { code: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}

const now = (): string => new Date().toISOString();

export function createSqliteAccounts(db: Database.Database): AccountStore {
  // The row type is declared by the caller from its SQL; TypeScript cannot check SQL, so T is an assertion.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters
  const one = <T>(sql: string, ...params: unknown[]): T | undefined => db.prepare<unknown[], T>(sql).get(...params);
  const all = <T>(sql: string, ...params: unknown[]): T[] => db.prepare<unknown[], T>(sql).all(...params);
  const run = (sql: string, ...params: unknown[]): number => db.prepare(sql).run(...params).changes;
  const userBy = (where: string, value: string): UserRecord | null => {
    const row = one<UserRow>(`${USER_SELECT} WHERE ${where}`, value);
    return row ? toUser(row) : null;
  };

  return {
    createTeam(name, id) {
      const team = { id: id ?? newId(), name };
      try {
        run('INSERT INTO teams (id, name, created_at) VALUES (?, ?, ?)', team.id, name, now());
      } catch (error) {
        if (isUniqueViolation(error)) return Promise.reject(new DuplicateError(`A team called "${name}" already exists.`));
        throw error;
      }
      return Promise.resolve(team);
    },
    findTeamByName(name) {
      return Promise.resolve(one<{ id: string; name: string }>('SELECT id, name FROM teams WHERE name = ?', name) ?? null);
    },
    listTeams() {
      return Promise.resolve(all<{ id: string; name: string }>('SELECT id, name FROM teams ORDER BY name'));
    },
    createUser(user) {
      const id = user.id ?? newId();
      const email = user.email?.trim().toLowerCase() ?? null;
      try {
        db.transaction(() => {
          run('INSERT INTO users (id, email, name, role, password_hash, active, created_at) VALUES (?, ?, ?, ?, ?, 1, ?)', id, email, user.name, user.role, user.passwordHash, now());
          for (const teamId of user.teamIds) run('INSERT INTO user_teams (user_id, team_id) VALUES (?, ?)', id, teamId);
        })();
      } catch (error) {
        if (isUniqueViolation(error)) return Promise.reject(new DuplicateError(`A user with the email ${email ?? ''} already exists.`));
        throw error;
      }
      const created = userBy('u.id = ?', id);
      if (!created) throw new Error('user vanished after insert');
      return Promise.resolve(created);
    },
    findUserByEmail(email) {
      return Promise.resolve(userBy('u.email = ?', email.trim().toLowerCase()));
    },
    findUserById(id) {
      return Promise.resolve(userBy('u.id = ?', id));
    },
    listUsers() {
      return Promise.resolve(all<UserRow>(`${USER_SELECT} ORDER BY u.name`).map(toUser));
    },
    setUserActive(id, active) {
      run('UPDATE users SET active = ? WHERE id = ?', active ? 1 : 0, id);
      return Promise.resolve();
    },
    updateUser(id, changes) {
      try {
        db.transaction(() => {
          if (changes.role) run('UPDATE users SET role = ? WHERE id = ?', changes.role, id);
          if (changes.teamIds) {
            run('DELETE FROM user_teams WHERE user_id = ?', id);
            for (const teamId of new Set(changes.teamIds)) run('INSERT INTO user_teams (user_id, team_id) VALUES (?, ?)', id, teamId);
          }
        })();
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
      return Promise.resolve();
    },
    setPasswordHash(id, passwordHash) {
      run('UPDATE users SET password_hash = ? WHERE id = ?', passwordHash, id);
      return Promise.resolve();
    },
    countUsers() {
      return Promise.resolve(one<{ n: number }>('SELECT COUNT(*) AS n FROM users')?.n ?? 0);
    },

    upsertDevice(device) {
      run(
        `INSERT INTO devices (id, name, user_id, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, user_id = excluded.user_id`,
        device.id, device.name, device.userId, now(),
      );
      const row = one<DeviceRow>('SELECT * FROM devices WHERE id = ?', device.id);
      if (!row) throw new Error('device vanished after upsert');
      return Promise.resolve(toDevice(row));
    },
    getDevice(id) {
      const row = one<DeviceRow>('SELECT * FROM devices WHERE id = ?', id);
      return Promise.resolve(row ? toDevice(row) : null);
    },
    listDevices() {
      return Promise.resolve(all<DeviceRow>('SELECT * FROM devices ORDER BY created_at').map(toDevice));
    },
    recordSync(id, at, appVersion, backlog) {
      run(
        'UPDATE devices SET last_sync_at = ?, app_version = COALESCE(?, app_version), unsynced_backlog = COALESCE(?, unsynced_backlog) WHERE id = ?',
        at, appVersion, backlog, id,
      );
      return Promise.resolve();
    },
    revokeDevice(id) {
      const at = now();
      db.transaction(() => {
        run('UPDATE devices SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?', at, id);
        run('UPDATE tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE device_id = ?', at, id);
      })();
      return Promise.resolve();
    },

    createToken(token) {
      run('INSERT INTO tokens (hash, user_id, device_id, expires_at, created_at) VALUES (?, ?, ?, ?, ?)', token.hash, token.userId, token.deviceId, token.expiresAt, now());
      return Promise.resolve();
    },
    findToken(hash) {
      const row = one<{ hash: string; user_id: string; device_id: string; expires_at: string; revoked_at: string | null; created_at: string }>(
        'SELECT * FROM tokens WHERE hash = ?',
        hash,
      );
      return Promise.resolve(
        row
          ? { hash: row.hash, userId: row.user_id, deviceId: row.device_id, expiresAt: row.expires_at, revoked: row.revoked_at !== null, createdAt: row.created_at }
          : null,
      );
    },
    revokeToken(hash) {
      run('UPDATE tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE hash = ?', now(), hash);
      return Promise.resolve();
    },
    revokeUserTokens(userId) {
      run('UPDATE tokens SET revoked_at = COALESCE(revoked_at, ?) WHERE user_id = ?', now(), userId);
      return Promise.resolve();
    },

    createEnrolmentCode(code) {
      run('INSERT INTO enrolment_codes (hash, name, expires_at, created_at) VALUES (?, ?, ?, ?)', code.hash, code.name, code.expiresAt, now());
      return Promise.resolve();
    },
    consumeEnrolmentCode(hash, at) {
      // One statement decides: two kiosks racing with one code cannot both see it unused.
      const row = one<{ name: string }>(
        'UPDATE enrolment_codes SET used_at = ? WHERE hash = ? AND used_at IS NULL AND expires_at > ? RETURNING name',
        at, hash, at,
      );
      return Promise.resolve(row ?? null);
    },

    listQuarantine(authorId) {
      const rows = all<{ collection: string; document_id: string; write_id: string; document: string; code: string; reason: string; author_id: string; device_id: string | null; at: string }>(
        'SELECT * FROM quarantine WHERE author_id = ? ORDER BY at DESC, id DESC',
        authorId,
      );
      return Promise.resolve(
        rows.map((r): QuarantineRecord => ({
          collection: r.collection as CollectionName,
          documentId: r.document_id,
          writeId: r.write_id,
          document: JSON.parse(r.document) as unknown,
          code: r.code,
          reason: r.reason,
          authorId: r.author_id,
          deviceId: r.device_id,
          at: r.at,
        })),
      );
    },
    listAudit(limit) {
      return Promise.resolve(all<AuditRow>('SELECT * FROM audit ORDER BY id DESC LIMIT ?', limit).map(toAudit));
    },
    listAuditForDocuments(documentIds, limit) {
      // json_each keeps the statement to one parameter however many ids a long-running client has.
      const rows = all<AuditRow>(
        'SELECT * FROM audit WHERE document_id IN (SELECT value FROM json_each(?)) ORDER BY id DESC LIMIT ?',
        JSON.stringify(documentIds), limit,
      );
      return Promise.resolve(rows.map(toAudit));
    },
    clientRecordIds(clientId) {
      return Promise.resolve(
        all<{ collection: string; id: string }>(
          `SELECT collection, id FROM documents
           WHERE client_id = ? OR case_id IN (SELECT id FROM documents WHERE collection = 'cases' AND client_id = ?)
           ORDER BY collection, id`,
          clientId, clientId,
        ),
      );
    },
    appendAdminAudit(entry) {
      run(
        'INSERT INTO admin_audit (actor_id, device_id, action, target_type, target_id, detail, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        entry.actorId, entry.deviceId, entry.action, entry.targetType, entry.targetId, JSON.stringify(entry.detail), now(),
      );
      return Promise.resolve();
    },
    listAdminAudit(limit) {
      const rows = all<{ actor_id: string; device_id: string | null; action: string; target_type: string; target_id: string; detail: string; at: string }>(
        'SELECT * FROM admin_audit ORDER BY id DESC LIMIT ?',
        limit,
      );
      return Promise.resolve(
        rows.map((r): AdminAuditRecord => ({
          actorId: r.actor_id,
          deviceId: r.device_id,
          action: r.action,
          targetType: r.target_type as AdminAuditRecord['targetType'],
          targetId: r.target_id,
          detail: JSON.parse(r.detail) as Record<string, unknown>,
          at: r.at,
        })),
      );
    },
    getSetting(key) {
      return Promise.resolve(one<{ value: string }>('SELECT value FROM settings WHERE key = ?', key)?.value ?? null);
    },
    setSetting(key, value) {
      run('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at', key, value, now());
      return Promise.resolve();
    },
  };
}
