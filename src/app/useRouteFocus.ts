/**
 * After each navigation, move focus to the new page's h1 so keyboard and screen-reader users start at
 * the top of the new content (not left on a link that no longer exists), and keep document.title in
 * step with that h1 ("Register a client – Resonance"), including pages whose heading arrives later.
 *
 * Focus moves just after the new page's first paint, not in React's commit: focus() needs the
 * page's style and layout, so in the commit it computed them ahead of the frame and ran the focus
 * events before anything was on screen (part of the time from Save to the visit in the timeline,
 * issue 2). A frame later nothing is left to compute but the focus ring.
 */
import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

const MAIN_ID = 'main-content';

export function useRouteFocus(): void {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    // The first page of a visit keeps the browser's own start (the skip link comes first).
    if (first.current) {
      first.current = false;
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A task queued from the frame's callback runs once that frame has painted.
    const frame = requestAnimationFrame(() => (timer = setTimeout(focusHeading, 0)));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [pathname]);
}

function focusHeading(): void {
  const main = document.getElementById(MAIN_ID);
  const h1 = main?.querySelector<HTMLElement>('h1');
  const target = h1 ?? main;
  if (!target) return;
  if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus();
}

export function useDocumentTitle(): void {
  useEffect(() => {
    const main = document.getElementById(MAIN_ID);
    if (!main) return;
    const update = () => {
      const heading = main.querySelector('h1')?.textContent?.trim();
      const title = heading ? `${heading} – Resonance` : 'Resonance';
      if (document.title !== title) document.title = title;
    };
    update();
    const observer = new MutationObserver(update);
    observer.observe(main, { subtree: true, childList: true, characterData: true });
    return () => observer.disconnect();
  }, []);
}
