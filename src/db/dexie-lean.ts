/**
 * RxDB uses Dexie only to open IndexedDB and to run reads and writes in its transactions; RxDB keeps
 * its own change stream and query cache. Dexie's liveQuery machinery still ran on every write: the
 * Observability middleware works out the changed key ranges of every index of every written
 * document and, when the transaction completes, announces them with a DOM event on the window and a
 * BroadcastChannel message to every other tab; the Cache middleware keeps an optimistic copy of
 * each read-write transaction for liveQuery. Nothing here uses liveQuery, so both are taken out of
 * each of RxDB's Dexie databases before it opens (RxDB's `onCreate`).
 */
import type { Dexie } from 'dexie';

/** Dexie's middlewares that serve only its liveQuery (dexie.mjs: `observabilityMiddleware`, `cacheMiddleware`). */
export const LIVE_QUERY_MIDDLEWARES = ['Observability', 'Cache'] as const;

export function withoutLiveQuery(db: Dexie): void {
  for (const name of LIVE_QUERY_MIDDLEWARES) db.unuse({ stack: 'dbcore', name });
}
