/**
 * When unsynced work is at risk on this device, and how to say so (product.md "Storage durability").
 * Pure, so every threshold and sentence is unit-tested; useStorageHealth.ts feeds it the browser's
 * answers. Each risk names why, in words a worker can act on.
 */
import { countOf, formatDuration } from '../../ui/shell/format';

/**
 * Below 50 MB free the browser may refuse writes or evict storage, and photos or app updates can fill
 * it in an afternoon; a day's casework is well under 1 MB, so 50 MB is a warning in good time.
 */
export const LOW_FREE_BYTES = 50 * 1024 * 1024;
/** Or below a tenth of the quota: on a small quota 50 MB would never warn until too late. */
export const LOW_FREE_RATIO = 0.1;
/** A day without a successful sync while records wait: a lost or broken tablet would lose a day's work. */
export const STALE_SYNC_MS = 24 * 60 * 60 * 1000;

export interface StorageFacts {
  unsyncedCount: number;
  /** Oldest unsynced change (ISO), or null. */
  oldestUnsyncedSince: string | null;
  /** navigator.storage.persisted(); null when unknown or unsupported. */
  persisted: boolean | null;
  /** navigator.storage.estimate(); null when unknown. */
  usage: number | null;
  quota: number | null;
  lastSyncedAt: string | null;
  now: number;
}

export type RiskCode = 'not-persisted' | 'low-space' | 'stale-sync';

export interface StorageRisk {
  code: RiskCode;
  title: string;
  detail: string;
}

const MB = 1024 * 1024;

function records(n: number): string {
  return countOf(n, 'unsynced record');
}

export function storageRisks(f: StorageFacts): StorageRisk[] {
  const risks: StorageRisk[] = [];
  if (f.usage !== null && f.quota !== null && f.quota > 0) {
    const free = Math.max(0, f.quota - f.usage);
    if (free < LOW_FREE_BYTES || free / f.quota < LOW_FREE_RATIO) {
      risks.push({
        code: 'low-space',
        title: 'This device is nearly out of storage space',
        detail: `About ${Math.floor(free / MB)} MB is left for Resonance, so new records may not save. ${
          f.unsyncedCount > 0 ? 'Connect to the internet to sync your work, then free' : 'Free'
        } some space by deleting apps, photos or downloads you do not need.`,
      });
    }
  }
  if (f.unsyncedCount === 0) return risks;
  if (f.persisted === false) {
    risks.push({
      code: 'not-persisted',
      title: `Your ${records(f.unsyncedCount)} could be cleared by the browser`,
      detail:
        'This browser has not agreed to keep Resonance’s storage, so it may delete it if the device runs short of space. Connect to the internet to sync as soon as you can. Adding Resonance to the home screen usually fixes this.',
    });
  }
  const since = f.lastSyncedAt ?? f.oldestUnsyncedSince;
  const age = since === null ? Number.NaN : f.now - new Date(since).getTime();
  if (age > STALE_SYNC_MS) {
    risks.push({
      code: 'stale-sync',
      title: f.lastSyncedAt ? `Last successful sync was ${formatDuration(age)} ago` : 'This device has not synced your records yet',
      detail: `${f.unsyncedCount === 1 ? 'Your unsynced record is' : `Your ${records(f.unsyncedCount)} are`} only on this device. If it is lost or broken they are gone. Connect to the internet so they are backed up.`,
    });
  }
  return risks;
}
