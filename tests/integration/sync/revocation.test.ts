/**
 * Revocation reaching real devices (sync.md A4, D5): RxDB devices in worker threads, live-syncing
 * with the real server whose heartbeat is ten minutes, so only the stream's `error` event can tell
 * them in time. A revoked device or switched-off user shows "Device removed" within seconds; a revoked
 * token shows "Sign in again".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeDevice, revokeUser } from '../../../sync-server/admin/ops';
import { Device, eventually } from '../../support/device/index';
import { adapters } from '../server/support/adapters';
import { PASSWORD, addUser, startHarness, type Harness } from '../server/support/harness';

describe.each(adapters())('revocation on devices ($name)', (adapter) => {
  let h: Harness;
  const devices: Device[] = [];
  let n = 0;

  beforeAll(async () => {
    h = await startHarness(adapter, { heartbeatMs: 600_000 });
    await h.server.store.createTeam('North', 'north');
  });

  afterAll(async () => {
    await Promise.all(devices.map((d) => d.close()));
    await h.close();
  });

  async function signedIn(): Promise<{ device: Device; email: string }> {
    const email = `person${++n}@example.org`;
    await addUser(h.server, { email, role: 'worker', teamIds: ['north'] });
    const device = new Device(`tablet-${n}`, h.url);
    devices.push(device);
    await device.signIn(email, PASSWORD);
    await device.awaitInSync();
    await eventually('the device up to date', async () => (await device.status())?.state === 'up-to-date');
    return { device, email };
  }

  const stateOf = async (d: Device) => (await d.status())?.state;

  it('[A4][D5] a device revoked by a coordinator says so within seconds, without waiting for a heartbeat', async () => {
    const { device } = await signedIn();
    const devicesOfUser = (await h.server.store.listDevices()).filter((d) => d.userId === device.userId);
    expect(devicesOfUser).toHaveLength(1);
    await revokeDevice(h.server.store, String(devicesOfUser[0]?.id));
    await eventually('the device shows it was removed', async () => (await stateOf(device)) === 'device-revoked', 10_000);
  });

  it('[A4][D5] a switched-off user\'s device is told to wipe (Device removed)', async () => {
    const { device, email } = await signedIn();
    await revokeUser(h.server.store, email);
    await eventually('the device shows it was removed', async () => (await stateOf(device)) === 'device-revoked', 10_000);
  });

  it('[A4][D5] a revoked token asks the person to sign in again and wipes nothing', async () => {
    const { device } = await signedIn();
    const before = (await device.find('cases')).length;
    // Revoke every token of this user (a sign-out everywhere), not the device or the user.
    await h.server.store.revokeUserTokens(device.userId);
    await eventually('the device asks to sign in again', async () => (await stateOf(device)) === 'needs-sign-in', 10_000);
    expect((await device.find('cases')).length).toBe(before);
  });
});
