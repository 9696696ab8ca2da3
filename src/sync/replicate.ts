/**
 * Replication of one collection with the sync server, using RxDB's replicateRxCollection with our
 * own pull and push handlers over the routes of sync.md:
 *   GET  /api/sync/v1/{collection}/{schemaVersion}/pull?limit&checkpoint
 *   POST /api/sync/v1/{collection}/{schemaVersion}/push
 * RxDB stores a checkpoint only after the documents it covers (D3). Pokes from the live stream
 * arrive through `resync$` and make RxDB pull from its checkpoint (L1).
 *
 * Scope (A3): the server may answer a pull with removals, deleted stubs of documents that left this
 * user's scope, carrying no content. RxDB stores them like any pulled state, so the document leaves
 * the local database (its content overwritten, not just hidden) and nothing is pushed back: a state
 * from the server is never pushed. A document with an unsynced local change keeps it until pushed;
 * the server holds that change back (C4, kept for a coordinator) and the next pull removes it.
 */
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import type { RxCollection, RxReplicationPullStreamItem, WithDeleted } from 'rxdb';
import { Subject } from 'rxjs';
import type { ResonanceDatabase } from '#db/database';
import { markRejected, settleOutbox } from '#db/outbox-settle';
import { schemas, type CollectionName } from '#shared/schemas/index';
import { apiJson, type ApiOptions } from './api';
import { stampOwnEchoes } from './own-echoes';

/** Pull page size: the server's cap (1,000) keeps an initial sync of 10,000 documents to ten round trips. */
export const PULL_BATCH = 1000;
/** Push batch: small enough that one slow or rejected batch never holds much back. */
export const PUSH_BATCH = 100;
/**
 * RxDB retries a failed round after this long. Offline, a browser retries as soon as `online` fires,
 * so this only paces retries against a failing server: 5 s is quick for a blip, slow enough not to
 * hammer a struggling server.
 */
export const RETRY_MS = 5_000;

type AnyDoc = { id: string; writeId: string } & Record<string, unknown>;
export type Checkpoint = Record<string, unknown>;

export interface QuarantinedItem {
  collection: string;
  documentId: string;
  writeId: string;
  code: string;
  reason: string;
}

export interface CollectionReplication {
  state: RxReplicationState<AnyDoc, Checkpoint>;
  resync$: Subject<RxReplicationPullStreamItem<AnyDoc, Checkpoint>>;
}

export function replicateCollection(db: ResonanceDatabase, name: CollectionName, api: ApiOptions, retryMs = RETRY_MS): CollectionReplication {
  const base = `/api/sync/v1/${name}/${schemas[name].version}`;
  const resync$ = new Subject<RxReplicationPullStreamItem<AnyDoc, Checkpoint>>();
  const collection = db.collections[name] as unknown as RxCollection<AnyDoc>;
  const state = replicateRxCollection<AnyDoc, Checkpoint>({
    // The server's origin is part of the identity: pointing a device at another server starts afresh.
    replicationIdentifier: `resonance-${name}-v1-${api.baseUrl || 'same-origin'}`,
    collection,
    live: true,
    retryTime: retryMs,
    // Every tab replicates; pushes are idempotent by writeId (C2), so two tabs cannot double-apply.
    waitForLeadership: false,
    autoStart: true,
    pull: {
      batchSize: PULL_BATCH,
      stream$: resync$.asObservable(),
      async handler(checkpoint, batchSize) {
        const query = new URLSearchParams({ limit: String(batchSize) });
        if (checkpoint) query.set('checkpoint', JSON.stringify(checkpoint));
        const { body } = await apiJson<{ documents: WithDeleted<AnyDoc>[]; checkpoint: Checkpoint | null }>(api, `${base}/pull?${query.toString()}`);
        const outcome = await settleOutbox(db, name, body.documents.map((d) => ({ id: d.id, writeId: d.writeId, deleted: d._deleted })));
        await stampOwnEchoes(collection, state, body.documents);
        const next = body.checkpoint ?? checkpoint;
        // Not on a full page: RxDB pulls again at once after one, and the same page would come back for
        // as long as the push is unanswered.
        const again = outcome.removedLive.length > 0 && body.documents.length < batchSize;
        return { documents: body.documents, checkpoint: again && next ? askAgainForRemovals(next, checkpoint) : next };
      },
    },
    push: {
      batchSize: PUSH_BATCH,
      async handler(rows) {
        const { body: conflicts, res } = await apiJson<WithDeleted<AnyDoc>[]>(api, `${base}/push`, {
          method: 'POST',
          body: JSON.stringify(rows),
        });
        const conflicted = new Set(conflicts.map((d) => d.id));
        const rejected = Number(res.headers.get('x-resonance-quarantined') ?? '0') > 0 ? await fetchQuarantine(api, name) : [];
        const rejectedIds = new Set(rejected.map((r) => r.documentId));
        if (rejected.length > 0) {
          await markRejected(db, rejected.map((r) => ({ ...r, collection: name })));
          // A change held back because the record left this user's scope is answered on the next pull
          // with the record's removal (A3): pull now rather than at the next poke or timer.
          if (rejected.some((r) => r.code === 'forbidden')) setTimeout(() => resync$.next('RESYNC'), 0);
        }
        const accepted = rows.map((r) => r.newDocumentState).filter((d) => !conflicted.has(d.id) && !rejectedIds.has(d.id));
        await settleOutbox(db, name, accepted.map((d) => ({ id: d.id, writeId: d.writeId })));
        return conflicts;
      },
    },
  });
  return { state, resync$ };
}

/**
 * The removal of this device's own held-back change (C4 with A3) may be skipped by RxDB: it does not
 * overwrite a document whose push is unanswered, and a pull can run alongside that push (both retry
 * when the connection comes back). The removals owed for held-back changes are paged by `q` in the
 * checkpoint (docs/protocol.md), so keeping the previous `q` makes the server send them again on the
 * next pull, which the held answer triggers once the push has settled. A removal stored meanwhile is
 * sent once more and stored as a no-op.
 */
export function askAgainForRemovals(next: Checkpoint, previous: Checkpoint | undefined | null): Checkpoint {
  const kept: Checkpoint = { ...next };
  if (previous?.q === undefined) delete kept.q;
  else kept.q = previous.q;
  return kept;
}

async function fetchQuarantine(api: ApiOptions, name: CollectionName): Promise<QuarantinedItem[]> {
  const { body } = await apiJson<QuarantinedItem[]>(api, '/api/quarantine');
  return body.filter((q) => q.collection === name);
}
