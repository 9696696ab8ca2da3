/** The storage-risk rules and their wording (product.md "Storage durability"). */
import { describe, expect, it } from 'vitest';
import { LOW_FREE_BYTES, STALE_SYNC_MS, storageRisks, type StorageFacts } from './storage-risks';

const NOW = Date.parse('2025-06-02T12:00:00Z');
const GB = 1024 ** 3;
const base: StorageFacts = {
  unsyncedCount: 0,
  oldestUnsyncedSince: null,
  persisted: true,
  usage: 10 * 1024 * 1024,
  quota: 2 * GB,
  lastSyncedAt: new Date(NOW - 60_000).toISOString(),
  now: NOW,
};
const codes = (f: Partial<StorageFacts>) => storageRisks({ ...base, ...f }).map((r) => r.code);

describe('storageRisks', () => {
  it('says nothing when storage is persisted, roomy and recently synced', () => {
    expect(codes({ unsyncedCount: 3, oldestUnsyncedSince: new Date(NOW - 1000).toISOString() })).toEqual([]);
  });

  it('warns about unpersisted storage only while records are unsynced', () => {
    expect(codes({ persisted: false })).toEqual([]);
    const risks = storageRisks({ ...base, persisted: false, unsyncedCount: 3 });
    expect(risks.map((r) => r.code)).toEqual(['not-persisted']);
    expect(risks[0]?.title).toBe('Your 3 unsynced records could be cleared by the browser');
  });

  it('treats an unknown persistence answer as no risk to report', () => {
    expect(codes({ persisted: null, unsyncedCount: 2 })).toEqual([]);
  });

  it('warns when less than 50 MB is free, and says how much is left', () => {
    const risks = storageRisks({ ...base, usage: 2 * GB - (LOW_FREE_BYTES - 1), quota: 2 * GB });
    expect(risks.map((r) => r.code)).toEqual(['low-space']);
    expect(risks[0]?.detail).toMatch(/^About 49 MB is left/);
  });

  it('warns when less than a tenth of a small quota is free', () => {
    expect(codes({ usage: 95 * 1024 * 1024 * 10, quota: 1000 * 1024 * 1024 })).toEqual(['low-space']);
    expect(codes({ usage: 0, quota: 1000 * 1024 * 1024 })).toEqual([]);
  });

  it('warns when records wait and the last good sync is over a day old', () => {
    const lastSyncedAt = new Date(NOW - STALE_SYNC_MS - 3_600_000).toISOString();
    const risks = storageRisks({ ...base, unsyncedCount: 1, oldestUnsyncedSince: lastSyncedAt, lastSyncedAt });
    expect(risks.map((r) => r.code)).toEqual(['stale-sync']);
    expect(risks[0]?.title).toBe('Last successful sync was 1 day ago');
    expect(risks[0]?.detail).toMatch(/^Your unsynced record is only on this device\./);
  });

  it('uses the oldest unsynced change when this device never synced', () => {
    const old = new Date(NOW - 2 * STALE_SYNC_MS).toISOString();
    const risks = storageRisks({ ...base, unsyncedCount: 4, oldestUnsyncedSince: old, lastSyncedAt: null });
    expect(risks[0]?.title).toBe('This device has not synced your records yet');
  });

  it('does not nag about an old sync when nothing waits', () => {
    expect(codes({ lastSyncedAt: new Date(NOW - 10 * STALE_SYNC_MS).toISOString() })).toEqual([]);
  });
});
