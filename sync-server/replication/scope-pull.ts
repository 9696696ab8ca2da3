/**
 * Scope changes on pull (sync.md A3), for workers and helpers. Their pull checkpoint carries the
 * fingerprint of the scope (cases and clients) the device's copy reflects; the server keeps each
 * fingerprint's lists (`scope_snapshots`). When the fingerprint of the caller's scope now differs:
 *
 * - documents of cases and clients that ENTERED the scope are sent whatever their seq, so a newly
 *   assigned or shared case arrives with its client, visits, tasks and feedback (its history);
 * - documents of cases and clients that LEFT the scope are sent as removals (removal.ts): deleted
 *   stubs that replace the device's copy without touching the server's.
 * This catch-up is paged like any pull (`to` and `c` in the checkpoint) and restarts if the scope
 * moves again meanwhile; re-sending is harmless, as a device stores a state it already has as a no-op.
 *
 * Separately, a device's own change that the server held back because its user can no longer see
 * the document (C4, `forbidden`) is answered on its next pull with a removal of that document (`q`
 * in the checkpoint): by then the change is safe in the server's quarantine for a coordinator, and
 * the device must not keep the content of a record outside its user's scope.
 */
import { createHash } from 'node:crypto';
import type { CollectionName } from '#shared/schemas/index';
import type { DocData } from '#shared/lib/validate';
import { canRead, type AccessContext, type AccessUser, type Scope } from '../access/index';
import type { ScopeSnapshot, Store, StoredDoc } from '../storage/types';
import { removalStub } from './removal';
import { toWire } from './wire';

/** Quarantine rows read per pull; a device rarely has more than a handful. */
const QUARANTINE_PAGE = 1000;

export function scopeFingerprint(user: AccessUser, scope: Scope): string {
  const hash = createHash('sha256');
  hash.update(`${user.id}\n${user.role}\n`);
  hash.update([...scope.caseIds].sort().join(','));
  hash.update('\n');
  hash.update([...scope.clientIds].sort().join(','));
  return hash.digest('base64url').slice(0, 32);
}

export function snapshotOf(user: AccessUser, scope: Scope): ScopeSnapshot {
  return { fingerprint: scopeFingerprint(user, scope), userId: user.id, caseIds: [...scope.caseIds], clientIds: [...scope.clientIds] };
}

const isRecord = (v: unknown): v is DocData => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Removals owed to this device for its own held-back changes to documents it may no longer see. */
export async function quarantineRemovals(
  store: Store,
  user: AccessUser,
  deviceId: string | null,
  collection: CollectionName,
  ctx: AccessContext,
  afterId: number,
): Promise<{ documents: DocData[]; q: number }> {
  if (!deviceId) return { documents: [], q: afterId };
  const rows = await store.quarantinedFromDevice(collection, deviceId, afterId, QUARANTINE_PAGE);
  const last = rows.at(-1);
  if (!last) return { documents: [], q: afterId };
  const forbidden = rows.filter((r) => r.code === 'forbidden');
  const server = new Map((await store.getDocs(collection, forbidden.map((r) => r.documentId))).map((d) => [d.id, d]));
  const documents: DocData[] = [];
  for (const row of forbidden) {
    const current = server.get(row.documentId);
    const doc = current ? current.data : isRecord(row.document) ? row.document : {};
    if (canRead(user, collection, doc, ctx)) continue;
    documents.push(removalStub(collection, row.documentId, row.writeId, current?.serverUpdatedAt));
  }
  return { documents, q: last.rowId };
}

function leftScope(collection: CollectionName, doc: StoredDoc, removedCases: ReadonlySet<string>, removedClients: ReadonlySet<string>): boolean {
  if (collection === 'conflicts') {
    const about = doc.data.documentId;
    return typeof about === 'string' && (doc.data.collectionName === 'cases' ? removedCases : removedClients).has(about);
  }
  const caseId = collection === 'cases' ? doc.id : doc.data.caseId;
  const clientId = collection === 'clients' ? doc.id : doc.data.clientId;
  return (typeof caseId === 'string' && removedCases.has(caseId)) || (typeof clientId === 'string' && removedClients.has(clientId));
}

export interface CatchUpStep {
  documents: DocData[];
  /** False when `limit` was reached before the end: carry on from `c` next time. */
  done: boolean;
  c: number;
}

/** One page of the catch-up from scope `old` to the caller's current scope, after seq `afterSeq`. */
export async function catchUp(
  store: Store,
  user: AccessUser,
  collection: CollectionName,
  ctx: AccessContext,
  old: ScopeSnapshot,
  afterSeq: number,
  limit: number,
): Promise<CatchUpStep> {
  const oldCases = new Set(old.caseIds);
  const oldClients = new Set(old.clientIds);
  const { caseIds, clientIds } = ctx.scope;
  const removedCases = new Set(old.caseIds.filter((id) => !caseIds.has(id)));
  const removedClients = new Set(old.clientIds.filter((id) => !clientIds.has(id)));
  const addedCases = [...caseIds].filter((id) => !oldCases.has(id));
  const addedClients = [...clientIds].filter((id) => !oldClients.has(id));
  const touched = await store.docsTouching(collection, [...addedCases, ...removedCases], [...addedClients, ...removedClients]);
  const documents: DocData[] = [];
  let c = afterSeq;
  for (const doc of touched) {
    if (doc.seq <= afterSeq) continue;
    if (documents.length === limit) return { documents, done: false, c };
    if (canRead(user, collection, doc.data, ctx)) documents.push(toWire(doc));
    else if (leftScope(collection, doc, removedCases, removedClients)) documents.push(removalStub(collection, doc.id, doc.writeId, doc.serverUpdatedAt));
    c = doc.seq;
  }
  return { documents, done: true, c };
}
