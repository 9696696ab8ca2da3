/**
 * A whole screen for the moments before the app can run: opening the local database, a storage
 * error that stops it (what happened and what to do), or a sign-in that is needed. No navigation.
 */
import type { ReactNode } from 'react';

export interface FullPageMessageProps {
  title: ReactNode;
  children?: ReactNode;
  tone?: 'plain' | 'error';
  /** Polite live region for progress messages ("Opening your records…"). */
  busy?: boolean;
}

export function FullPageMessage({ title, children, tone = 'plain', busy = false }: FullPageMessageProps) {
  return (
    <main className={`rs-fullpage rs-fullpage--${tone}`} id="main-content" aria-busy={busy || undefined}>
      <div className="rs-fullpage__box" role={tone === 'error' ? 'alert' : busy ? 'status' : undefined}>
        <p className="rs-fullpage__app">Resonance</p>
        <h1 className="rs-fullpage__title">{title}</h1>
        {children}
      </div>
    </main>
  );
}
