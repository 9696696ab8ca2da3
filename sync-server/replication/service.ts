/**
 * Replication on behalf of one caller: push a batch in one transaction, pull one scoped page.
 * HTTP-free, so the stream, the routes and the tests share it.
 */
import type { CollectionName } from '#shared/schemas/index';
import type { DocData } from '#shared/lib/validate';
import { EMPTY_SCOPE, buildScope, canRead, readsNothing, type AccessContext, type AccessUser, type Scope } from '../access/index';
import type { Store } from '../storage/types';
import { decidePush } from './push-plan';
import { removalStub } from './removal';
import { catchUp, quarantineRemovals, snapshotOf } from './scope-pull';
import { PULL_LIMIT_MAX, toWire, type Checkpoint, type PushRow } from './wire';

export interface Caller {
  user: AccessUser;
  deviceId: string | null;
}

/**
 * Rows read per query while filtering a scoped pull. The cap on a page: one query per thousand rows
 * keeps round trips few while never holding more than a page's worth of parsed documents at once.
 */
const SCAN_CHUNK = PULL_LIMIT_MAX;

export async function loadScope(store: Store, user: AccessUser): Promise<Scope> {
  if (user.role !== 'worker' && user.role !== 'helper') return EMPTY_SCOPE;
  return buildScope(user, await store.candidateCases(user.id, user.teamIds));
}

function referencedCaseIds(rows: readonly PushRow[]): string[] {
  const ids = new Set<string>();
  for (const row of rows) {
    const caseId = row.newDocumentState.caseId;
    if (typeof caseId === 'string') ids.add(caseId);
  }
  return [...ids];
}

export interface PushOutcome {
  conflicts: DocData[];
  quarantined: number;
  written: number;
}

export async function pushBatch(store: Store, caller: Caller, collection: CollectionName, rows: readonly PushRow[]): Promise<PushOutcome> {
  const [scope, existing] = await Promise.all([loadScope(store, caller.user), store.getDocs('cases', referencedCaseIds(rows))]);
  const ctx: AccessContext = { scope, existingCaseIds: new Set(existing.map((d) => d.id)) };
  const ids = rows.map((r) => String(r.newDocumentState.id));
  const decide = decidePush({ collection, rows, user: caller.user, ctx, now: new Date().toISOString() });
  const outcome = await store.applyBatch(collection, ids, { userId: caller.user.id, deviceId: caller.deviceId }, decide);
  return { conflicts: outcome.result, quarantined: outcome.quarantined, written: outcome.written.length };
}

export interface PullPage {
  documents: DocData[];
  checkpoint: Checkpoint;
}

/**
 * Documents after the checkpoint that the caller may read, in seq (commit) order, at most `limit`.
 * Rows are scanned by seq and filtered until `limit` are found or the end is reached; the checkpoint
 * is the last row scanned, so rows the caller may not read are not scanned again next time.
 *
 * For workers and helpers, scope changes come first (A3, scope-pull.ts): removals owed for their own
 * held-back changes, then the catch-up of what entered or left their scope since the checkpoint.
 */
export async function pullPage(store: Store, caller: Caller, collection: CollectionName, from: Checkpoint, limit: number): Promise<PullPage> {
  const { user } = caller;
  if (readsNothing(user)) return { documents: [], checkpoint: from };
  if (user.role === 'coordinator') {
    // A checkpoint this person was issued while they had a narrower role: everything is visible now,
    // so send it all again.
    const narrower = from.scope === undefined ? null : await store.scopeSnapshot(from.scope);
    const after = narrower?.userId === user.id ? 0 : from.seq;
    const docs = await store.pullSince(collection, after, limit);
    return { documents: docs.map(toWire), checkpoint: { seq: docs.at(-1)?.seq ?? after } };
  }
  const ctx: AccessContext = { scope: await loadScope(store, user), existingCaseIds: new Set() };
  const snapshot = snapshotOf(user, ctx.scope);
  const fp = snapshot.fingerprint;
  if (from.scope !== fp) await store.saveScopeSnapshot(snapshot);
  const owed = await quarantineRemovals(store, user, caller.deviceId, collection, ctx, from.q ?? 0);
  const documents: DocData[] = [...owed.documents];
  let after = from.seq;
  let reconcile = from.r ?? 0;
  if (from.seq > 0 && from.scope !== fp) {
    const old = from.scope === undefined ? null : await store.scopeSnapshot(from.scope);
    if (!old || old.userId !== user.id) {
      // The scope this copy reflects is unknown (a coordinator who became a worker, or a checkpoint
      // from before scopes were tracked): the device may hold anything up to its checkpoint. Go over
      // everything again, sending what is visible and a removal for the rest up to that point.
      after = 0;
      reconcile = from.seq;
    } else {
      const step = await catchUp(store, user, collection, ctx, old, from.to === fp ? (from.c ?? 0) : 0, Math.max(limit - documents.length, 1));
      documents.push(...step.documents);
      if (!step.done) return { documents, checkpoint: { seq: from.seq, scope: old.fingerprint, to: fp, c: step.c, q: owed.q } };
    }
  }
  const page = await scan(store, user, collection, ctx, after, limit - documents.length, reconcile);
  documents.push(...page.documents);
  const checkpoint: Checkpoint = { seq: page.cursor, scope: fp, q: owed.q };
  if (reconcile > page.cursor) checkpoint.r = reconcile;
  return { documents, checkpoint };
}

/** Readable documents after `from`; with `removeUpTo`, a removal for each unreadable one up to that seq. */
async function scan(
  store: Store,
  user: AccessUser,
  collection: CollectionName,
  ctx: AccessContext,
  from: number,
  limit: number,
  removeUpTo = 0,
): Promise<{ documents: DocData[]; cursor: number }> {
  const documents: DocData[] = [];
  let cursor = from;
  if (limit <= 0) return { documents, cursor };
  for (;;) {
    const chunk = await store.pullSince(collection, cursor, SCAN_CHUNK);
    for (const doc of chunk) {
      cursor = doc.seq;
      if (canRead(user, collection, doc.data, ctx)) documents.push(toWire(doc));
      else if (doc.seq <= removeUpTo) documents.push(removalStub(collection, doc.id, doc.writeId, doc.serverUpdatedAt));
      if (documents.length === limit) return { documents, cursor };
    }
    if (chunk.length < SCAN_CHUNK) return { documents, cursor };
  }
}
