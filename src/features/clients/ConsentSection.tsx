/**
 * Consent records on the client page: purpose, given or refused, when and by whom, newest first,
 * and "Record consent", which opens a small form in place. After saving, focus returns to the
 * button with a confirmation read out.
 */
import { useEffect, useRef, useState } from 'react';
import type { Consent } from '#shared/schemas/index';
import { Button, InlineMessage } from '../../ui/form';
import { EmptyState, formatDateTime, Tag } from '../../ui/shell';
import { ConsentForm } from './ConsentForm';
import { staffNameInSentence } from './vocabulary';

export interface ConsentSectionProps {
  clientId: string;
  consents: readonly Readonly<Consent>[];
  currentUserId: string;
}

export function ConsentSection({ clientId, consents, currentUserId }: ConsentSectionProps) {
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const focusBack = useRef(false);
  const sorted = [...consents].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));

  const close = (message: string | null) => {
    focusBack.current = true;
    setOpen(false);
    setDone(message);
  };

  // The form is gone: put focus back on the button where the person started.
  useEffect(() => {
    if (open || !focusBack.current) return;
    focusBack.current = false;
    button.current?.focus();
  }, [open]);

  return (
    <section className="rs-section" aria-labelledby="consent-heading">
      <div className="cp-section-heading">
        <h2 id="consent-heading">Consent</h2>
        {open ? null : (
          <Button
            ref={button}
            variant="secondary"
            onClick={() => {
              setDone(null);
              setOpen(true);
            }}
          >
            Record consent
          </Button>
        )}
      </div>
      {done ? <InlineMessage tone="success">{done}</InlineMessage> : null}
      {open ? <ConsentForm clientId={clientId} onSaved={(m) => close(m)} onCancel={() => close(null)} /> : null}
      {sorted.length === 0 ? (
        <EmptyState title="No consent recorded" level={3}>
          <p>Ask the client what they agree to, and record their answer.</p>
        </EmptyState>
      ) : (
        <ul className="cp-consents">
          {sorted.map((c) => (
            <li key={`${c.at}:${c.purpose}`} className="cp-consent">
              <p className="cp-consent__purpose">
                {c.purpose} <Tag tone={c.given ? 'success' : 'overdue'}>{c.given ? 'Given' : 'Refused'}</Tag>
              </p>
              <p className="cp-consent__meta rs-muted">
                {formatDateTime(c.at)}, recorded by {staffNameInSentence(c.recordedBy, currentUserId)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
