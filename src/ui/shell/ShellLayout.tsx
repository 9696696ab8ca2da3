/**
 * The page frame of the signed-in app: skip link, header, navigation, status strip, banners, then
 * the main content (id "main-content", the skip link's target) and an optional footer slot.
 * Purely presentational: the app shell (src/app/AppLayout.tsx) feeds it data.
 */
import type { ReactNode } from 'react';
import { SkipLink } from './SkipLink';

export interface ShellLayoutProps {
  header: ReactNode;
  nav: ReactNode;
  status: ReactNode;
  /** Warnings that concern the whole app (unsynced data at risk, insecure connection, update ready). */
  banners?: ReactNode;
  children: ReactNode;
}

export function ShellLayout({ header, nav, status, banners, children }: ShellLayoutProps) {
  return (
    <div className="rs-shell">
      <SkipLink />
      {header}
      {nav}
      {status}
      {banners ? <div className="rs-shell__banners">{banners}</div> : null}
      <main id="main-content" className="rs-main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
