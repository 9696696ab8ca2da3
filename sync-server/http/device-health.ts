/**
 * Records each device's last sync, app version and unsynced backlog (coordinator's device health
 * view). Throttled per device: a write at most once a minute unless the version or backlog changed.
 * Without this every pull would be a write transaction, and on SQLite with synchronous=FULL a disk
 * flush, which made a busy pull loop several times slower (measured in the P2 concurrency test).
 */
import type { Store } from '../storage/types';

/** A minute: device health is read by people ("last sync 3 minutes ago"), not by the protocol. */
export const DEVICE_HEALTH_INTERVAL_MS = 60_000;
/** Bounds memory; each entry is a few dozen bytes. */
const MAX_DEVICES = 50_000;

interface Seen {
  at: number;
  version: string | null;
  backlog: number | null;
}

export class DeviceHealth {
  private readonly seen = new Map<string, Seen>();

  constructor(
    private readonly store: Store,
    private readonly now: () => number = Date.now,
  ) {}

  async record(deviceId: string, version: string | null, backlog: number | null): Promise<void> {
    const now = this.now();
    const last = this.seen.get(deviceId);
    const changed = !last || (version !== null && version !== last.version) || (backlog !== null && backlog !== last.backlog);
    if (!changed && now - last.at < DEVICE_HEALTH_INTERVAL_MS) return;
    this.seen.delete(deviceId);
    this.seen.set(deviceId, { at: now, version: version ?? last?.version ?? null, backlog: backlog ?? last?.backlog ?? null });
    if (this.seen.size > MAX_DEVICES) {
      const oldest = this.seen.keys().next();
      if (!oldest.done) this.seen.delete(oldest.value);
    }
    await this.store.recordSync(deviceId, new Date(now).toISOString(), version, backlog);
  }
}
