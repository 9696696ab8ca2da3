/**
 * PostgreSQL people tables: teams, users, devices, tokens, enrolment codes, and reads of the quarantine
 * and audit trail. Mirrors sqlite/accounts.ts; the contract suite holds them to the same behaviour.
 */
import type { Pool } from 'pg';
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
  active: boolean;
  created_at: Date;
  team_ids: string[];
}

interface DeviceRow {
  id: string;
  name: string;
  user_id: string;
  app_version: string | null;
  last_sync_at: Date | null;
  unsynced_backlog: number | null;
  revoked_at: Date | null;
  created_at: Date;
}

const USER_SELECT = `SELECT u.*, ARRAY(SELECT team_id FROM user_teams WHERE user_id = u.id ORDER BY team_id) AS team_ids FROM users u`;

const iso = (d: Date): string => d.toISOString();

function toUser(row: UserRow): UserRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    passwordHash: row.password_hash,
    active: row.active,
    teamIds: row.team_ids,
    createdAt: iso(row.created_at),
  };
}

function toDevice(row: DeviceRow): DeviceRecord {
  return {
    id: row.id,
    name: row.name,
    userId: row.user_id,
    appVersion: row.app_version,
    lastSyncAt: row.last_sync_at ? iso(row.last_sync_at) : null,
    unsyncedBacklog: row.unsynced_backlog,
    revoked: row.revoked_at !== null,
    createdAt: iso(row.created_at),
  };
}

interface AuditRow {
  user_id: string;
  device_id: string | null;
  collection: string;
  document_id: string;
  write_id: string;
  action: string;
  at: Date;
}

function toAudit(r: AuditRow): AuditRecord {
  return {
    userId: r.user_id,
    deviceId: r.device_id,
    collection: r.collection,
    documentId: r.document_id,
    writeId: r.write_id,
    action: r.action as AuditRecord['action'],
    at: iso(r.at),
  };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && (error as { code: unknown }).code === '23505';
}

export function createPostgresAccounts(pool: Pool): AccountStore {
  const rows = async <T extends object>(sql: string, params: unknown[] = []): Promise<T[]> => (await pool.query<T>(sql, params)).rows;
  const first = async <T extends object>(sql: string, params: unknown[] = []): Promise<T | undefined> => (await rows<T>(sql, params))[0];
  const userBy = async (where: string, value: string): Promise<UserRecord | null> => {
    const row = await first<UserRow>(`${USER_SELECT} WHERE ${where}`, [value]);
    return row ? toUser(row) : null;
  };

  return {
    async createTeam(name, id) {
      const team = { id: id ?? newId(), name };
      try {
        await pool.query('INSERT INTO teams (id, name, created_at) VALUES ($1, $2, now())', [team.id, name]);
      } catch (error) {
        if (isUniqueViolation(error)) throw new DuplicateError(`A team called "${name}" already exists.`);
        throw error;
      }
      return team;
    },
    async findTeamByName(name) {
      return (await first<{ id: string; name: string }>('SELECT id, name FROM teams WHERE name = $1', [name])) ?? null;
    },
    listTeams() {
      return rows<{ id: string; name: string }>('SELECT id, name FROM teams ORDER BY name');
    },
    async createUser(user) {
      const id = user.id ?? newId();
      const email = user.email?.trim().toLowerCase() ?? null;
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('INSERT INTO users (id, email, name, role, password_hash, active, created_at) VALUES ($1, $2, $3, $4, $5, TRUE, now())', [
          id, email, user.name, user.role, user.passwordHash,
        ]);
        await client.query('INSERT INTO user_teams (user_id, team_id) SELECT $1, unnest($2::text[])', [id, user.teamIds]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        if (isUniqueViolation(error)) throw new DuplicateError(`A user with the email ${email ?? ''} already exists.`);
        throw error;
      } finally {
        client.release();
      }
      const created = await userBy('u.id = $1', id);
      if (!created) throw new Error('user vanished after insert');
      return created;
    },
    findUserByEmail(email) {
      return userBy('u.email = $1', email.trim().toLowerCase());
    },
    findUserById(id) {
      return userBy('u.id = $1', id);
    },
    async listUsers() {
      return (await rows<UserRow>(`${USER_SELECT} ORDER BY u.name`)).map(toUser);
    },
    async setUserActive(id, active) {
      await pool.query('UPDATE users SET active = $2 WHERE id = $1', [id, active]);
    },
    async updateUser(id, changes) {
      const db = await pool.connect();
      try {
        await db.query('BEGIN');
        if (changes.role) await db.query('UPDATE users SET role = $2 WHERE id = $1', [id, changes.role]);
        if (changes.teamIds) {
          await db.query('DELETE FROM user_teams WHERE user_id = $1', [id]);
          for (const teamId of new Set(changes.teamIds)) await db.query('INSERT INTO user_teams (user_id, team_id) VALUES ($1, $2)', [id, teamId]);
        }
        await db.query('COMMIT');
      } catch (error) {
        await db.query('ROLLBACK');
        throw error;
      } finally {
        db.release();
      }
    },
    async setPasswordHash(id, passwordHash) {
      await pool.query('UPDATE users SET password_hash = $2 WHERE id = $1', [id, passwordHash]);
    },
    async countUsers() {
      return Number((await first<{ n: string }>('SELECT COUNT(*) AS n FROM users'))?.n ?? 0);
    },

    async upsertDevice(device) {
      const row = await first<DeviceRow>(
        `INSERT INTO devices (id, name, user_id, created_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, user_id = excluded.user_id RETURNING *`,
        [device.id, device.name, device.userId],
      );
      if (!row) throw new Error('device vanished after upsert');
      return toDevice(row);
    },
    async getDevice(id) {
      const row = await first<DeviceRow>('SELECT * FROM devices WHERE id = $1', [id]);
      return row ? toDevice(row) : null;
    },
    async listDevices() {
      return (await rows<DeviceRow>('SELECT * FROM devices ORDER BY created_at')).map(toDevice);
    },
    async recordSync(id, at, appVersion, backlog) {
      await pool.query(
        'UPDATE devices SET last_sync_at = $2, app_version = COALESCE($3, app_version), unsynced_backlog = COALESCE($4, unsynced_backlog) WHERE id = $1',
        [id, at, appVersion, backlog],
      );
    },
    async revokeDevice(id) {
      // One statement, two tables: the device and its tokens are revoked together or not at all.
      await pool.query(
        `WITH d AS (UPDATE devices SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1 RETURNING id)
         UPDATE tokens SET revoked_at = COALESCE(revoked_at, now()) WHERE device_id IN (SELECT id FROM d)`,
        [id],
      );
    },

    async createToken(token) {
      await pool.query('INSERT INTO tokens (hash, user_id, device_id, expires_at, created_at) VALUES ($1, $2, $3, $4, now())', [
        token.hash, token.userId, token.deviceId, token.expiresAt,
      ]);
    },
    async findToken(hash) {
      const row = await first<{ hash: string; user_id: string; device_id: string; expires_at: Date; revoked_at: Date | null; created_at: Date }>(
        'SELECT * FROM tokens WHERE hash = $1',
        [hash],
      );
      return row
        ? { hash: row.hash, userId: row.user_id, deviceId: row.device_id, expiresAt: iso(row.expires_at), revoked: row.revoked_at !== null, createdAt: iso(row.created_at) }
        : null;
    },
    async revokeToken(hash) {
      await pool.query('UPDATE tokens SET revoked_at = COALESCE(revoked_at, now()) WHERE hash = $1', [hash]);
    },
    async revokeUserTokens(userId) {
      await pool.query('UPDATE tokens SET revoked_at = COALESCE(revoked_at, now()) WHERE user_id = $1', [userId]);
    },

    async createEnrolmentCode(code) {
      await pool.query('INSERT INTO enrolment_codes (hash, name, expires_at, created_at) VALUES ($1, $2, $3, now())', [code.hash, code.name, code.expiresAt]);
    },
    async consumeEnrolmentCode(hash, at) {
      // One statement decides: two kiosks racing with one code cannot both see it unused.
      const row = await first<{ name: string }>(
        'UPDATE enrolment_codes SET used_at = $2 WHERE hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING name',
        [hash, at],
      );
      return row ?? null;
    },

    async listQuarantine(authorId) {
      const found = await rows<{ collection: string; document_id: string; write_id: string; document: unknown; code: string; reason: string; author_id: string; device_id: string | null; at: Date }>(
        'SELECT * FROM quarantine WHERE author_id = $1 ORDER BY at DESC, id DESC',
        [authorId],
      );
      return found.map((r): QuarantineRecord => ({
        collection: r.collection as CollectionName,
        documentId: r.document_id,
        writeId: r.write_id,
        document: r.document,
        code: r.code,
        reason: r.reason,
        authorId: r.author_id,
        deviceId: r.device_id,
        at: iso(r.at),
      }));
    },
    async listAudit(limit) {
      return (await rows<AuditRow>('SELECT * FROM audit ORDER BY id DESC LIMIT $1', [limit])).map(toAudit);
    },
    async listAuditForDocuments(documentIds, limit) {
      const found = await rows<AuditRow>('SELECT * FROM audit WHERE document_id = ANY($1::text[]) ORDER BY id DESC LIMIT $2', [documentIds, limit]);
      return found.map(toAudit);
    },
    async clientRecordIds(clientId) {
      return rows<{ collection: string; id: string }>(
        `SELECT collection, id FROM documents
         WHERE client_id = $1 OR case_id IN (SELECT id FROM documents WHERE collection = 'cases' AND client_id = $1)
         ORDER BY collection, id`,
        [clientId],
      );
    },
    async appendAdminAudit(entry) {
      await pool.query(
        'INSERT INTO admin_audit (actor_id, device_id, action, target_type, target_id, detail, at) VALUES ($1, $2, $3, $4, $5, $6, now())',
        [entry.actorId, entry.deviceId, entry.action, entry.targetType, entry.targetId, JSON.stringify(entry.detail)],
      );
    },
    async listAdminAudit(limit) {
      const found = await rows<{ actor_id: string; device_id: string | null; action: string; target_type: string; target_id: string; detail: Record<string, unknown>; at: Date }>(
        'SELECT * FROM admin_audit ORDER BY id DESC LIMIT $1',
        [limit],
      );
      return found.map((r): AdminAuditRecord => ({
        actorId: r.actor_id,
        deviceId: r.device_id,
        action: r.action,
        targetType: r.target_type as AdminAuditRecord['targetType'],
        targetId: r.target_id,
        detail: r.detail,
        at: iso(r.at),
      }));
    },
    async getSetting(key) {
      return (await first<{ value: string }>('SELECT value FROM settings WHERE key = $1', [key]))?.value ?? null;
    },
    async setSetting(key, value) {
      await pool.query('INSERT INTO settings (key, value, updated_at) VALUES ($1, $2, now()) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at', [key, value]);
    },
  };
}
