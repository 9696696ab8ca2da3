/** Unit test of the device-health throttle with a fake clock and a recording store. */
import { describe, expect, it } from 'vitest';
import type { Store } from '../storage/types';
import { DEVICE_HEALTH_INTERVAL_MS, DeviceHealth } from './device-health';

describe('device health', () => {
  it('writes at most once a minute per device unless version or backlog change', async () => {
    const writes: unknown[][] = [];
    const store = { recordSync: (...args: unknown[]) => Promise.resolve(void writes.push(args)) } as unknown as Store;
    let now = 1_000_000;
    const health = new DeviceHealth(store, () => now);
    await health.record('d1', '1.0', 0);
    await health.record('d1', '1.0', 0);
    await health.record('d1', null, null);
    expect(writes).toHaveLength(1);
    await health.record('d1', '1.0', 2);
    await health.record('d2', null, null);
    expect(writes).toHaveLength(3);
    now += DEVICE_HEALTH_INTERVAL_MS;
    await health.record('d1', '1.0', 2);
    expect(writes).toHaveLength(4);
  });
});
