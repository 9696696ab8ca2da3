/**
 * Keeps the unlock grant's lease (src/app/lock/grant.ts) running while this page is open and unlocked:
 * renewed as the page opens, every GRANT_LEASE_RENEW_MS and whenever the page comes back into view.
 * The renewal as it opens matters: without it, pages each closed within GRANT_LEASE_RENEW_MS of
 * opening (reloads, links opened in new tabs, the benchmark's cold starts) never renewed the lease.
 * Once no page of the app renews it (the browser was closed, or every tab), the grant ends
 * GRANT_LEASE_MS later and the next start asks for the PIN, however long the idle period. Every role,
 * kiosks included.
 */
import { useEffect } from 'react';
import { GRANT_LEASE_RENEW_MS, renewLease } from './grant';

export function useGrantLease(userId: string): void {
  useEffect(() => {
    const renew = () => void renewLease(userId).catch(() => undefined);
    const onVisible = () => {
      if (document.visibilityState === 'visible') renew();
    };
    renew();
    const timer = setInterval(renew, GRANT_LEASE_RENEW_MS);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [userId]);
}
