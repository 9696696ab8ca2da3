/**
 * Small layout pieces forms share.
 *
 * - ButtonGroup: lays out a form's actions in a row that wraps (primary first), with room between
 *   targets so a thumb never hits two.
 *     <ButtonGroup><Button type="submit">Save</Button><Link …>Cancel</Link></ButtonGroup>
 * - InlineMessage: a short status beside an action, e.g. a storage failure next to Save.
 *   Props: `tone` ('error' | 'success' | 'info', default 'info'), `id` (optional, to point
 *   aria-describedby at it), `children`. Error tone is role="alert" (read out at once); the others
 *   role="status".
 *     <InlineMessage tone="error">This device is out of storage space…</InlineMessage>
 */
import type { ReactNode } from 'react';
import './styles';

export function ButtonGroup({ children }: { children: ReactNode }) {
  return <div className="rf-button-group">{children}</div>;
}

export interface InlineMessageProps {
  tone?: 'error' | 'success' | 'info';
  id?: string;
  children: ReactNode;
}

export function InlineMessage({ tone = 'info', id, children }: InlineMessageProps) {
  return (
    <div id={id} className={`rf-inline-message rf-inline-message--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
