/**
 * After each navigation, move focus to the new page's h1 so keyboard and screen-reader users start at
 * the top of the new content (not left on a link that no longer exists), and keep document.title in
 * step with that h1 ("Register a client – Resonance"), including pages whose heading arrives later.
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
    const main = document.getElementById(MAIN_ID);
    const h1 = main?.querySelector<HTMLElement>('h1');
    const target = h1 ?? main;
    if (!target) return;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus();
  }, [pathname]);
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
