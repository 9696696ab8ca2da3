/**
 * Whether the router has been loading the next page for long enough to say so. Most navigations
 * load nothing, or a page's code from the service worker's cache in a few milliseconds; a "Loading…"
 * line shown for those flashes above a page that is already drawn (after a save, above the client
 * page with the new visit). It appears once loading has lasted LOADING_NOTICE_AFTER_MS.
 */
import { useEffect, useState } from 'react';
import { useNavigation } from 'react-router';

export const LOADING_NOTICE_AFTER_MS = 300;

export function useSlowNavigation(): boolean {
  const loading = useNavigation().state === 'loading';
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (!loading) return;
    const timer = setTimeout(() => setSlow(true), LOADING_NOTICE_AFTER_MS);
    return () => {
      clearTimeout(timer);
      setSlow(false);
    };
  }, [loading]);
  return loading && slow;
}
