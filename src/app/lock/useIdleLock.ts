/**
 * Auto-lock after the coordinator's idle period (src/app/lock/settings.ts, default 5 minutes): any
 * touch, click, key or scroll restarts the clock and (at most every 30 s) renews the unlock grant.
 * When time is up and no form is half-filled, the app locks (key dropped, database closed, PIN
 * screen). When a form holds unsaved typing, locking waits: a warning says the app will lock in one
 * minute and that the form is not saved; any activity keeps working, otherwise it locks then, and
 * the unsaved typing is lost (security wins on a tablet left unattended). Kiosks never auto-lock.
 * Timers only: tests drive them with a fake clock instead of waiting minutes.
 */
import { useEffect, useState } from 'react';
import { hasDirtyForms } from '#shared/lib/dirty-forms';
import type { AppData } from '../../features/common/data';
import { lockApp } from './actions';
import { renewGrant } from './grant';
import { cachedIdleMinutes, refreshIdleMinutes } from './settings';

/** How long the "about to lock" warning shows over a half-filled form before locking anyway. */
export const DIRTY_GRACE_MS = 60_000;
const RENEW_EVERY_MS = 30_000;
const EVENTS = ['pointerdown', 'keydown', 'touchstart', 'wheel', 'input'] as const;

export function useIdleLock(data: AppData): { warning: boolean } {
  const [warning, setWarning] = useState(false);
  useEffect(() => {
    // A kiosk holds no personal data and stands in a reception area: it never locks itself.
    if (data.session.user.role === 'kiosk') return;
    const userId = data.session.user.id;
    let idleMs = cachedIdleMinutes(userId) * 60_000;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastRenew = Date.now();
    let stopped = false;

    const lock = () => {
      stopped = true;
      void lockApp(data);
    };
    const expire = () => {
      if (!hasDirtyForms()) return lock();
      setWarning(true);
      timer = setTimeout(lock, DIRTY_GRACE_MS);
    };
    const restart = () => {
      if (stopped) return;
      if (timer) clearTimeout(timer);
      setWarning(false);
      timer = setTimeout(expire, idleMs);
      const now = Date.now();
      if (now - lastRenew >= RENEW_EVERY_MS) {
        lastRenew = now;
        void renewGrant(userId, now + idleMs).catch(() => undefined);
      }
    };
    restart();
    void refreshIdleMinutes(data.session).then((minutes) => {
      const changed = minutes * 60_000 !== idleMs;
      idleMs = minutes * 60_000;
      restart();
      // The grant was given the period known when unlocking (the 5-minute default on a tablet's first
      // sign-in). Keep it in step with this page's own lock, or a reload or new tab would ask for the
      // PIN while this page is still open and unlocked.
      if (changed && !stopped) {
        lastRenew = Date.now();
        void renewGrant(userId, lastRenew + idleMs).catch(() => undefined);
      }
    });
    for (const name of EVENTS) window.addEventListener(name, restart, { passive: true, capture: true });
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      for (const name of EVENTS) window.removeEventListener(name, restart, { capture: true });
    };
  }, [data]);
  return { warning };
}
