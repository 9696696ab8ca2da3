/** A short status word beside a name ("Open", "Overdue by 2 days"); tone sets the colour, the words carry the meaning. */
import type { ReactNode } from 'react';

export type TagTone = 'open' | 'closed' | 'overdue' | 'today' | 'upcoming' | 'done' | 'info' | 'muted' | 'success';

export function Tag({ tone, children }: { tone: TagTone; children: ReactNode }) {
  return <span className={`rs-tag rs-tag--${tone}`}>{children}</span>;
}
