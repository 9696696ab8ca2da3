/**
 * The idle period before auto-lock, set by a coordinator (`GET /api/settings` → `{ idleLockMinutes }`),
 * cached per user so it applies offline too. Five minutes when never fetched or the server has no
 * answer; a value outside 1 to 1440 minutes is ignored.
 */
import type { Session } from '#sync/session';

export const DEFAULT_IDLE_LOCK_MINUTES = 5;
const key = (userId: string) => `resonance.settings.${userId}`;

export function cachedIdleMinutes(userId: string): number {
  try {
    const parsed = JSON.parse(localStorage.getItem(key(userId)) ?? 'null') as { idleLockMinutes?: unknown } | null;
    return validMinutes(parsed?.idleLockMinutes) ?? DEFAULT_IDLE_LOCK_MINUTES;
  } catch {
    return DEFAULT_IDLE_LOCK_MINUTES;
  }
}

function validMinutes(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) && v >= 1 && v <= 1440 ? v : null;
}

/** Fetches the coordinator's setting (best effort) and caches it; returns the minutes now in force. */
export async function refreshIdleMinutes(session: Session, fetchImpl: typeof fetch = fetch): Promise<number> {
  try {
    const res = await fetchImpl('/api/settings', { headers: { authorization: `Bearer ${session.token}` } });
    if (res.ok) {
      const minutes = validMinutes(((await res.json()) as { idleLockMinutes?: unknown }).idleLockMinutes);
      if (minutes !== null) localStorage.setItem(key(session.user.id), JSON.stringify({ idleLockMinutes: minutes }));
    }
  } catch {
    // Offline or no such route yet: the cached value (or the default) stays in force.
  }
  return cachedIdleMinutes(session.user.id);
}

export function forgetSettings(userId: string): void {
  localStorage.removeItem(key(userId));
}
