/**
 * The frame around the sign-in, PIN and choose-a-PIN screens: the app name, the quick exit control,
 * the insecure-connection warning when relevant, and the main landmark. No navigation: nothing else
 * is reachable before unlocking.
 */
import type { ReactNode } from 'react';
import { Banner, SkipLink } from '../ui/shell';
import { QuickExitButton } from './lock/QuickExitButton';
import { isSecureEnoughForOffline } from './pwa';

export function SignedOutFrame({ children }: { children: ReactNode }) {
  const readiness = isSecureEnoughForOffline(window.location);
  return (
    <div className="rs-shell">
      <SkipLink />
      <header className="rs-header">
        <div className="rs-header__inner">
          <span className="rs-header__name">Resonance</span>
          <QuickExitButton />
        </div>
      </header>
      {readiness.ok ? null : (
        <div className="rs-shell__banners">
          <Banner tone="warning" title="Resonance cannot work offline here">
            <p>{readiness.message}</p>
          </Banner>
        </div>
      )}
      <main id="main-content" className="rs-main rs-main--narrow" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
