/**
 * Organisation settings a coordinator can change. Today one: `idleLockMinutes`, how long a signed-in
 * device may sit untouched before it locks (product.md, "Shared-tablet security"). Devices read it
 * from GET /api/settings; the wire shape is exactly `{ "idleLockMinutes": number }`.
 */
import type { Store } from '../storage/types';
import { AdminError, CLI_ACTOR, type AdminActor } from './ops';

export interface OrgSettings {
  idleLockMinutes: number;
}

/** Five minutes: long enough not to interrupt a conversation with a client, short enough for a café table. */
export const DEFAULT_IDLE_LOCK_MINUTES = 5;
export const MIN_IDLE_LOCK_MINUTES = 1;
/** An hour: beyond that an unattended tablet is effectively never locked. */
export const MAX_IDLE_LOCK_MINUTES = 60;

const KEY = 'idleLockMinutes';

export async function readSettings(store: Store): Promise<OrgSettings> {
  const raw = await store.getSetting(KEY);
  const value = raw === null ? NaN : Number(raw);
  const valid = Number.isInteger(value) && value >= MIN_IDLE_LOCK_MINUTES && value <= MAX_IDLE_LOCK_MINUTES;
  return { idleLockMinutes: valid ? value : DEFAULT_IDLE_LOCK_MINUTES };
}

export async function setIdleLockMinutes(store: Store, minutes: unknown, actor: AdminActor = CLI_ACTOR): Promise<OrgSettings> {
  if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < MIN_IDLE_LOCK_MINUTES || minutes > MAX_IDLE_LOCK_MINUTES) {
    throw new AdminError(`The idle lock must be a whole number of minutes from ${MIN_IDLE_LOCK_MINUTES} to ${MAX_IDLE_LOCK_MINUTES}.`, 'invalid', 'idleLockMinutes');
  }
  const before = await readSettings(store);
  await store.setSetting(KEY, String(minutes));
  await store.appendAdminAudit({ actorId: actor.userId, deviceId: actor.deviceId, action: 'settings.update', targetType: 'settings', targetId: KEY, detail: { idleLockMinutes: minutes, previous: before.idleLockMinutes } });
  return { idleLockMinutes: minutes };
}
