/** What a list says when it has nothing to show: a plain title, what it means, and what to do next. */
import type { ReactNode } from 'react';

export interface EmptyStateProps {
  title: ReactNode;
  children?: ReactNode;
  /** Heading level for the title inside the page's outline (default 2). */
  level?: 2 | 3;
}

export function EmptyState({ title, children, level = 2 }: EmptyStateProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <div className="rs-empty">
      <Heading className="rs-empty__title">{title}</Heading>
      {children ? <div className="rs-empty__body">{children}</div> : null}
    </div>
  );
}
