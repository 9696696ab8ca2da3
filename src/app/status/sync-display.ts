/**
 * Turns the sync engine's status (src/sync/status.ts) and the browser's connection into what the
 * status strip shows: a tone and one plain sentence (D5). The browser's offline event wins over a
 * stale "Syncing…" so a worker who walks out of signal sees "Offline" at once.
 */
import { STATUS_MESSAGES, type SyncStatus } from '#sync/status';
import type { SyncTone } from '../../ui/shell';

export interface SyncDisplay {
  tone: SyncTone;
  message: string;
}

/** Problems the shell repeats as a banner with what to do, not just a line in the status strip. */
export const FATAL_STATES = ['needs-sign-in', 'update-required', 'device-revoked'] as const;

export function syncDisplay(status: SyncStatus | undefined, online: boolean): SyncDisplay {
  if (!status) return { tone: 'busy', message: 'Starting sync…' };
  const fatal = (FATAL_STATES as readonly string[]).includes(status.state);
  if (!online && !fatal) return { tone: 'offline', message: STATUS_MESSAGES.offline };
  switch (status.state) {
    case 'up-to-date':
      return { tone: 'ok', message: status.message };
    case 'syncing':
      return { tone: 'busy', message: status.message };
    case 'offline':
      return { tone: 'offline', message: status.message };
    default:
      return { tone: 'problem', message: status.message };
  }
}
