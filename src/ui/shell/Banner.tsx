/**
 * A message across the page: warnings about unsynced data at risk, storage errors, information.
 * Props: `tone` ('info' | 'warning' | 'error' | 'success'), `title` (one short sentence, optional),
 * `children` (what to do, in plain words). Errors use role="alert"; the rest are plain regions so
 * they are not read out on every render.
 */
import type { ReactNode } from 'react';

export type BannerTone = 'info' | 'warning' | 'error' | 'success';

export interface BannerProps {
  tone: BannerTone;
  title?: ReactNode;
  children?: ReactNode;
  /** Announce when it appears (role="alert"). Default: true for errors only. */
  announce?: boolean;
  className?: string;
}

const HIDDEN_PREFIX: Record<BannerTone, string> = {
  info: 'Information: ',
  warning: 'Warning: ',
  error: 'Error: ',
  success: 'Done: ',
};

export function Banner({ tone, title, children, announce = tone === 'error', className }: BannerProps) {
  return (
    <div className={['rs-banner', `rs-banner--${tone}`, className ?? ''].filter(Boolean).join(' ')} role={announce ? 'alert' : undefined}>
      {title ? (
        <p className="rs-banner__title">
          <span className="rs-visually-hidden">{HIDDEN_PREFIX[tone]}</span>
          {title}
        </p>
      ) : null}
      {children ? <div className="rs-banner__body">{children}</div> : null}
    </div>
  );
}
