/**
 * A new page (a link, the redirect after a save) starts at its top, in its first frame. Left to the
 * browser, a new page of this single-page app first painted at the previous page's scroll offset,
 * then jumped once its heading took focus (useRouteFocus), a frame later. Set in a layout effect, so
 * the frame that first shows the page is already in place. Back and Forward are left to the
 * browser's own scroll restoration.
 */
import { useLayoutEffect, useRef } from 'react';
import { NavigationType, useLocation, useNavigationType } from 'react-router';

export function useRouteScroll(): void {
  const { key } = useLocation();
  const arrivedBy = useNavigationType();
  const current = useRef(key);
  useLayoutEffect(() => {
    // The first page of a visit keeps the browser's own start.
    if (current.current === key) return;
    current.current = key;
    // (0, 0) needs no layout, so the new page's commit computes nothing ahead of its frame.
    if (arrivedBy !== NavigationType.Pop) window.scrollTo(0, 0);
  }, [key, arrivedBy]);
}
