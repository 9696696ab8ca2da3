/**
 * Every sync state a user can be in (D5), each with its plain-English message.
 */
export type SyncState = 'offline' | 'syncing' | 'up-to-date' | 'error' | 'needs-sign-in' | 'update-required' | 'device-revoked';

export interface SyncStatus {
  state: SyncState;
  /** One sentence a person can act on. */
  message: string;
  /** When a full round (push and pull of every collection) last succeeded. */
  lastSyncedAt: string | null;
}

export const STATUS_MESSAGES: Record<SyncState, string> = {
  offline: 'Offline. Your work is saved on this device and will sync when you are back online.',
  syncing: 'Syncing…',
  'up-to-date': 'Up to date.',
  error: 'Sync failed. Your work is safe on this device; Resonance will try again shortly.',
  'needs-sign-in': 'Your sign-in has expired. Sign in again to sync; your work is safe on this device.',
  'update-required': 'A newer version of Resonance is needed to sync. Update the app when you are ready.',
  'device-revoked': 'This device has been removed from Resonance by a coordinator.',
};

export function statusOf(state: SyncState, lastSyncedAt: string | null, message = STATUS_MESSAGES[state]): SyncStatus {
  return { state, message, lastSyncedAt };
}
