/**
 * Storage durability for the shell: asks the browser to keep Resonance's storage (persist) after the
 * first real save, when there is first something to lose, and reads the quota estimate now and then.
 * Returns the current risks to unsynced work (storage-risks.ts). Browsers without the StorageManager
 * API report nothing rather than a false alarm.
 */
import { useEffect, useRef, useState } from 'react';
import { storageRisks, type StorageRisk } from './storage-risks';

/**
 * Re-read the quota estimate at most this often: the estimate is cheap but not free, and free space
 * changes over minutes, not keystrokes.
 */
const ESTIMATE_EVERY_MS = 60_000;

interface Estimate {
  usage: number;
  quota: number;
}

const storageManager = (): StorageManager | undefined => (typeof navigator !== 'undefined' ? navigator.storage : undefined);

export interface StorageHealthInput {
  unsyncedCount: number;
  oldestUnsyncedSince: string | null;
  lastSyncedAt: string | null;
  now: number;
}

export function useStorageHealth(input: StorageHealthInput): StorageRisk[] {
  const [persisted, setPersisted] = useState<boolean | null>(null);
  const [estimate, setEstimate] = useState<Estimate | null>(null);
  const askedToPersist = useRef(false);
  const lastEstimateAt = useRef(0);
  const hasUnsynced = input.unsyncedCount > 0;

  useEffect(() => {
    const sm = storageManager();
    if (!sm?.persisted) return;
    sm.persisted().then(setPersisted, () => setPersisted(null));
  }, []);

  // The first real save makes the outbox non-empty: that is when there is work to protect.
  useEffect(() => {
    const sm = storageManager();
    if (!hasUnsynced || askedToPersist.current || persisted !== false || !sm?.persist) return;
    askedToPersist.current = true;
    // No cancellation: setting state after unmount is a no-op, and StrictMode's second run must not
    // drop the answer of the one request we make.
    sm.persist().then(setPersisted, () => undefined);
  }, [hasUnsynced, persisted]);

  useEffect(() => {
    const sm = storageManager();
    if (!sm?.estimate || input.now - lastEstimateAt.current < ESTIMATE_EVERY_MS) return;
    lastEstimateAt.current = input.now;
    sm.estimate().then(
      (e) => setEstimate(e.usage !== undefined && e.quota !== undefined ? { usage: e.usage, quota: e.quota } : null),
      () => undefined,
    );
  }, [input.now, input.unsyncedCount]);

  return storageRisks({
    unsyncedCount: input.unsyncedCount,
    oldestUnsyncedSince: input.oldestUnsyncedSince,
    persisted,
    usage: estimate?.usage ?? null,
    quota: estimate?.quota ?? null,
    lastSyncedAt: input.lastSyncedAt,
    now: input.now,
  });
}
