/**
 * The storage contract: everything the sync server keeps, behind one interface with two adapters
 * (SQLite, PostgreSQL) that pass one contract suite (tests/integration/contract).
 *
 * Owns the record shapes the rest of the server sees. Adapters own SQL; nothing above this line
 * writes SQL. Times are ISO-8601 strings; sequence numbers are plain numbers (safe to 2^53).
 */
import type { CollectionName } from '#shared/schemas/index';
import type { Role } from '#shared/domain/roles';
import type { DocData } from '#shared/lib/validate';

export type StorageKind = 'sqlite' | 'postgres';

/** A document as the server holds it: the record, its deleted flag and the server's bookkeeping. */
export interface StoredDoc {
  collection: CollectionName;
  id: string;
  /** Commit-order position (P1/P2). Unique across all collections. */
  seq: number;
  data: DocData;
  deleted: boolean;
  writeId: string;
  serverUpdatedAt: string;
  serverUpdatedBy: string;
}

/** One accepted write, already validated, authorised and stamped by the caller. */
export interface DocWrite {
  id: string;
  data: DocData;
  deleted: boolean;
  writeId: string;
  serverUpdatedAt: string;
  serverUpdatedBy: string;
}

export interface QuarantineInput {
  documentId: string;
  writeId: string;
  /** The document exactly as pushed, kept so nothing is ever dropped (C4). */
  document: unknown;
  code: string;
  reason: string;
}

export interface QuarantineRecord extends QuarantineInput {
  collection: CollectionName;
  authorId: string;
  deviceId: string | null;
  at: string;
}

/** A held-back write still waiting for a coordinator's decision (GET /api/sync/v1/held). */
export interface HeldRecord extends QuarantineRecord {
  /** The quarantine row's id, which the coordinator's "dealt with" names. */
  id: number;
}

/** Who a batch is written on behalf of; recorded in the audit trail and the quarantine. */
export interface Actor {
  userId: string;
  deviceId: string | null;
}

export interface BatchPlan<R> {
  writes: DocWrite[];
  quarantine: QuarantineInput[];
  /** Whatever the caller wants back (for a push: the conflicting server states). */
  result: R;
}

/**
 * Decides a batch from the current server states of its documents. Called synchronously inside the
 * write transaction (after the commit-order fence on PostgreSQL), so what it reads cannot change
 * before its writes land. It must be pure: no I/O, no awaiting.
 */
export type DecideBatch<R> = (current: ReadonlyMap<string, StoredDoc>) => BatchPlan<R>;

export interface BatchOutcome<R> {
  result: R;
  /** The rows written, with their sequence numbers, in commit order. */
  written: StoredDoc[];
  quarantined: number;
}

/** A committed change, delivered to `onChange` listeners after commit (on PG: on every instance). */
export interface Change {
  collection: CollectionName;
  docs: StoredDoc[];
  /** Notices may have been missed (PG listener reconnected): poke every subscriber of `collection`. */
  lost?: boolean;
}

export interface DocumentStore {
  /** One transaction: read current states of `ids`, decide, write, quarantine, audit. */
  applyBatch<R>(collection: CollectionName, ids: readonly string[], actor: Actor, decide: DecideBatch<R>): Promise<BatchOutcome<R>>;
  /** Documents of `collection` with seq > afterSeq, ascending, at most `limit`. No scope filter. */
  pullSince(collection: CollectionName, afterSeq: number, limit: number): Promise<StoredDoc[]>;
  getDocs(collection: CollectionName, ids: readonly string[]): Promise<StoredDoc[]>;
  /** Cases that may be in a user's scope: assigned to them or in one of their teams (a superset). */
  candidateCases(userId: string, teamIds: readonly string[]): Promise<StoredDoc[]>;
  /** Subscribe to committed changes. Returns the unsubscribe function. */
  onChange(listener: (change: Change) => void): () => void;
  /**
   * Subscribe to changes of who may do what (A4): a token, device or user revoked, a role or a team
   * membership changed, by any process on the store (this instance, another instance, the admin CLI).
   * May also fire when nothing changed (after a lost connection); listeners re-check, never assume.
   */
  onAccessChange(listener: () => void): () => void;
  countDocuments(): Promise<number>;
  /** Every document of `collection` tied to one of these cases or clients (scope columns), any seq (A3). */
  docsTouching(collection: CollectionName, caseIds: readonly string[], clientIds: readonly string[]): Promise<StoredDoc[]>;
  /** Records (or refreshes) the scope a checkpoint's fingerprint stands for; prunes the user's stale ones. */
  saveScopeSnapshot(snapshot: ScopeSnapshot): Promise<void>;
  scopeSnapshot(fingerprint: string): Promise<ScopeSnapshot | null>;
  /** The organisation's held-back writes, newest first, at most `limit` (coordinators review them, C4). */
  listHeldBack(limit: number): Promise<HeldRecord[]>;
  /**
   * Marks a held-back write as dealt with by a coordinator (it stays stored; C4 never drops it).
   * Returns the row, or null when there is no such row still waiting.
   */
  markHeldDealtWith(id: number, by: string, at: string): Promise<HeldRecord | null>;
  /** Rows a device pushed into the quarantine for `collection` after quarantine row `afterId`, in id order. */
  quarantinedFromDevice(collection: CollectionName, deviceId: string, afterId: number, limit: number): Promise<DeviceQuarantineRow[]>;
}

/**
 * How long a scope snapshot is kept (pruned when its user's next one is saved). A device whose
 * checkpoint names a pruned snapshot is gone over again with removals (docs/protocol.md), which is
 * safe but costs one pass over the collection, so this only needs to outlast ordinary absences.
 */
export const SCOPE_SNAPSHOT_KEEP_MS = 180 * 24 * 60 * 60_000;

/** The cases and clients in one user's scope at one time, named by a fingerprint of both lists (A3). */
export interface ScopeSnapshot {
  fingerprint: string;
  userId: string;
  caseIds: string[];
  clientIds: string[];
}

export interface DeviceQuarantineRow {
  /** The quarantine row's own id: increasing, so a pull checkpoint can say which rows it has seen. */
  rowId: number;
  documentId: string;
  writeId: string;
  code: string;
  document: unknown;
}

export interface Team {
  id: string;
  name: string;
}

export interface UserRecord {
  id: string;
  email: string | null;
  name: string;
  role: Role;
  passwordHash: string | null;
  active: boolean;
  teamIds: string[];
  createdAt: string;
}

export interface NewUser {
  /** Generated when absent; the demo seed passes its fixed ids. */
  id?: string;
  email: string | null;
  name: string;
  role: Role;
  passwordHash: string | null;
  teamIds: string[];
}

export interface DeviceRecord {
  id: string;
  name: string;
  userId: string;
  appVersion: string | null;
  lastSyncAt: string | null;
  unsyncedBacklog: number | null;
  revoked: boolean;
  createdAt: string;
}

export interface TokenRecord {
  hash: string;
  userId: string;
  deviceId: string;
  expiresAt: string;
  revoked: boolean;
  createdAt: string;
}

export interface AuditRecord {
  userId: string;
  deviceId: string | null;
  collection: string;
  documentId: string;
  writeId: string;
  action: 'create' | 'update' | 'delete' | 'quarantine';
  at: string;
}

/** One coordinator (or admin CLI) action on an account, device, team or setting. Append-only. */
export interface AdminAuditInput {
  /** The user who acted, or `cli` for the admin command line. */
  actorId: string;
  deviceId: string | null;
  /** For example `user.add`, `user.deactivate`, `device.revoke`, `settings.update`. */
  action: string;
  targetType: 'user' | 'team' | 'device' | 'settings' | 'kiosk' | 'held';
  targetId: string;
  /** What changed, never a secret (no passwords, hashes or codes). */
  detail: Record<string, unknown>;
}

export interface AdminAuditRecord extends AdminAuditInput {
  at: string;
}

export interface AccountStore {
  /** Throws `DuplicateError` when the name is taken. The id is generated when absent. */
  createTeam(name: string, id?: string): Promise<Team>;
  findTeamByName(name: string): Promise<Team | null>;
  listTeams(): Promise<Team[]>;
  /** Throws `DuplicateError` when the email is taken. Emails are stored lower-cased. */
  createUser(user: NewUser): Promise<UserRecord>;
  findUserByEmail(email: string): Promise<UserRecord | null>;
  findUserById(id: string): Promise<UserRecord | null>;
  listUsers(): Promise<UserRecord[]>;
  setUserActive(id: string, active: boolean): Promise<void>;
  /** Changes the role and/or team membership (the given teamIds replace the old ones). */
  updateUser(id: string, changes: { role?: Role; teamIds?: readonly string[] }): Promise<void>;
  setPasswordHash(id: string, passwordHash: string): Promise<void>;
  countUsers(): Promise<number>;

  /** Creates the device or moves it to `userId` (a shared tablet changes hands). */
  upsertDevice(device: { id: string; name: string; userId: string }): Promise<DeviceRecord>;
  getDevice(id: string): Promise<DeviceRecord | null>;
  listDevices(): Promise<DeviceRecord[]>;
  recordSync(id: string, at: string, appVersion: string | null, backlog: number | null): Promise<void>;
  /** Marks the device revoked and revokes every token issued to it. */
  revokeDevice(id: string): Promise<void>;

  createToken(token: { hash: string; userId: string; deviceId: string; expiresAt: string }): Promise<void>;
  findToken(hash: string): Promise<TokenRecord | null>;
  revokeToken(hash: string): Promise<void>;
  revokeUserTokens(userId: string): Promise<void>;

  createEnrolmentCode(code: { hash: string; name: string; expiresAt: string }): Promise<void>;
  /** Marks the code used and returns its kiosk name; null when unknown, used or expired. One-time. */
  consumeEnrolmentCode(hash: string, now: string): Promise<{ name: string } | null>;

  listQuarantine(authorId: string): Promise<QuarantineRecord[]>;
  listAudit(limit: number): Promise<AuditRecord[]>;
  /** Audit rows of the given documents, newest first, at most `limit`. */
  listAuditForDocuments(documentIds: readonly string[], limit: number): Promise<AuditRecord[]>;
  /**
   * The documents a client's audit trail covers: the client, every document naming it (cases,
   * visits, tasks, feedback…) and every document of its cases. Reads the scope columns only.
   */
  clientRecordIds(clientId: string): Promise<{ collection: string; id: string }[]>;
  appendAdminAudit(entry: AdminAuditInput): Promise<void>;
  /** Newest first, at most `limit`. */
  listAdminAudit(limit: number): Promise<AdminAuditRecord[]>;
  getSetting(key: string): Promise<string | null>;
  setSetting(key: string, value: string): Promise<void>;
}

export interface Store extends DocumentStore, AccountStore {
  readonly kind: StorageKind;
  appliedMigrations(): Promise<string[]>;
  close(): Promise<void>;
}

/** A unique constraint was violated (for example an email already in use). */
export class DuplicateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DuplicateError';
  }
}
