/**
 * "Start again on this tablet?": the last resort when no key here opens a person's records any more.
 * Says plainly what is lost (anything not yet sent) and what comes back (everything the server has),
 * and starts again only when asked. Used after a changed server secret without a usable PIN
 * (RecoverPinPage) and when the records will not open with the key the tablet has (src/app/Root.tsx).
 */
import { useState, type ReactNode } from 'react';
import { Button, ButtonGroup, InlineMessage } from '../../ui/form';
import { Banner, PageHeading } from '../../ui/shell';

export interface StartAgainConfirmProps {
  /** Whose records (shown above the heading). */
  name?: string;
  /** Why it has come to this, as a banner. */
  why?: ReactNode;
  /** Deletes the records and makes what is needed to carry on; a rejection is shown, and nothing else happens. */
  onStartAgain: () => Promise<void>;
  /** A way back, when there is one ("Try my PIN again"). */
  back?: { label: string; onClick: () => void };
}

export default function StartAgainConfirm({ name, why, onStartAgain, back }: StartAgainConfirmProps) {
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const begin = async () => {
    if (busy) return;
    setBusy(true);
    setFailed(false);
    try {
      await onStartAgain();
    } catch {
      setBusy(false);
      setFailed(true);
    }
  };

  return (
    <>
      <PageHeading caption={name}>Start again on this tablet?</PageHeading>
      {why}
      <p>
        Starting again gives you a new, empty copy of your records here. Everything already sent to the server downloads again when you are
        online.
      </p>
      <Banner tone="warning" title="Anything not yet sent from this tablet will be lost">
        <p>Visits, notes and other changes made on this tablet since it last synced cannot be opened without your PIN.</p>
      </Banner>
      <ButtonGroup>
        <Button variant="warning" busy={busy} onClick={() => void begin()}>
          Start again
        </Button>
        {back ? (
          <Button variant="secondary" onClick={back.onClick}>
            {back.label}
          </Button>
        ) : null}
      </ButtonGroup>
      {failed ? <InlineMessage tone="error">This tablet could not start again. Reload Resonance and try once more.</InlineMessage> : null}
    </>
  );
}
