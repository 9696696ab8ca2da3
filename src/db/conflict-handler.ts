/**
 * The RxDB conflict handler for every synced collection (sync.md C3).
 *
 * - `isEqual` compares state identity, not whole documents: the same `writeId`, deletion flag and
 *   server stamp mean the same state. That is exact (C2) and cheap (RxDB calls it very often). The
 *   server stamp is part of it so that a pulled, freshly stamped copy of our own write replaces the
 *   unstamped local copy.
 * - `resolve` runs the pure three-way merge from src/shared/domain/merge.ts against the state the
 *   device assumed. Fields both sides changed take the server's value; each losing local value is
 *   handed to `onLost`, which stores it as a conflict record that syncs to a coordinator.
 * - Append-only collections never conflict: the server's state stands.
 * - When the server's state stands as it is (nothing of the local change survived), `onSettled` is told
 *   the local state that was replaced, so its outbox row goes: nothing of it is left to push, and the
 *   unsynced count must not show it for ever. A merged state is a new write and settles when pushed.
 */
import type { RxConflictHandler, WithDeleted } from 'rxdb';
import { mergeFields, sameValue, type Doc, type LostField } from '#shared/domain/merge';
import { META_FIELDS } from '#shared/schemas/common';
import { touch } from '#shared/domain/write';
import { APPEND_ONLY, type CollectionName } from '#shared/schemas/index';

export interface LostValues {
  collection: CollectionName;
  documentId: string;
  server: Doc;
  local: Doc;
  lost: LostField[];
}

export type OnLost = (values: LostValues) => Promise<void>;

/** The local state `writeId` of document `documentId` was replaced by the server's state. */
export type OnSettled = (documentId: string, writeId: string) => Promise<void>;

interface Identity {
  writeId?: unknown;
  serverUpdatedAt?: unknown;
  _deleted?: unknown;
}

export function sameState(a: Identity, b: Identity): boolean {
  return a.writeId === b.writeId && !!a._deleted === !!b._deleted && a.serverUpdatedAt === b.serverUpdatedAt;
}

const META = new Set<string>(META_FIELDS);

function sameUserFields(a: Doc, b: Doc): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (META.has(key) || (key.startsWith('_') && key !== '_deleted')) continue;
    if (!sameValue(a[key], b[key])) return false;
  }
  return true;
}

export function makeConflictHandler<T>(collection: CollectionName, onLost: OnLost, onSettled?: OnSettled): RxConflictHandler<T> {
  return {
    isEqual: (a, b) => sameState(a, b),
    async resolve(input) {
      const server = input.realMasterState as unknown as Doc;
      const local = input.newDocumentState as unknown as Doc;
      const serverStands = async () => {
        if (onSettled && typeof local.writeId === 'string') await onSettled(String(server.id), local.writeId);
        return input.realMasterState;
      };
      if (APPEND_ONLY.has(collection)) return serverStands();
      const base = (input.assumedMasterState ?? null) as unknown as Doc | null;
      const { merged, lost } = mergeFields(base, server, local);
      if (lost.length > 0) {
        await onLost({ collection, documentId: String(server.id), server, local, lost });
      }
      // Nothing of the local change survived (or it equalled the server's): take the server state as is.
      if (sameUserFields(merged, server)) return serverStands();
      // The merged state is a new local write: a fresh writeId makes it a distinct state to push.
      return { ...merged, ...touch(), serverUpdatedAt: server.serverUpdatedAt, serverUpdatedBy: server.serverUpdatedBy } as unknown as WithDeleted<T>;
    },
  };
}
