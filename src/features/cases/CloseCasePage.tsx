/**
 * Close a case (/cases/:caseId/close): why it is closing (CLOSE_REASONS) and an optional note, via
 * the domain's closeCase. When the case is already closed the page says when and why, and offers
 * 'Reopen case' (domain reopenCase). Either way the worker returns to the client page.
 *
 * The note is kept with the reason in `closedReason` (close-reason.ts).
 */
import { useState, type SyntheticEvent } from 'react';
import { Link, useParams } from 'react-router';
import { StorageError } from '#db/errors';
import { CLOSE_REASONS } from '#shared/domain/cases';
import { SHORT_TEXT_MAX } from '#shared/schemas/common';
import { Button, ButtonGroup, ErrorSummary, InlineMessage, Radios, Textarea, buttonClass, useFormState } from '../../ui/form';
import { EmptyState, PageHeading, SummaryList, formatDateTime, labelFromSlug } from '../../ui/shell';
import { useLeaveSavedForm } from '../common/after-save';
import { useData } from '../common/data';
import { closeCaseCommand, reopenCaseCommand } from './commands';
import { OTHER_REASON, composeReason } from './close-reason';
import { useCase, useClient } from './queries';
import './cases.css';

const fieldId = (field: string): string => `close-${field}`;

const storageMessage = (e: unknown): string =>
  e instanceof StorageError ? e.message : 'Something went wrong while saving on this device. Try again.';

export default function CloseCasePage() {
  const { caseId = '' } = useParams();
  const leaveForm = useLeaveSavedForm();
  const { db } = useData();
  const theCase = useCase(caseId);
  const client = useClient(theCase?.clientId);
  const form = useFormState({ reason: '', note: '' }, { dirtyKey: 'close-case-form' });
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);

  if (theCase === undefined) return <PageHeading>Close a case</PageHeading>;
  if (theCase === null) {
    return (
      <>
        <PageHeading>Close a case</PageHeading>
        <EmptyState title="This case is not on this device">
          <p>
            <Link to="/">Back to your caseload</Link>
          </p>
        </EmptyState>
      </>
    );
  }
  const clientPage = `/clients/${theCase.clientId}`;
  const caption = `${client?.name ?? 'Client'}: ${labelFromSlug(theCase.type)} case`;

  const run = async (action: () => Promise<void>) => {
    if (saving) return;
    setSaving(true);
    setSaveError(null);
    try {
      await action();
    } catch (e) {
      setSaveError(storageMessage(e));
    } finally {
      setSaving(false);
    }
  };

  if (theCase.status === 'closed') {
    const reopen = () =>
      run(async () => {
        const result = await reopenCaseCommand(db, theCase);
        if (!result.ok) setSaveError(result.message);
        else void leaveForm(clientPage);
      });
    return (
      <>
        <PageHeading caption={caption}>This case is closed</PageHeading>
        <SummaryList
          rows={[
            { label: 'Closed', value: theCase.closedAt ? formatDateTime(theCase.closedAt) : undefined },
            { label: 'Reason', value: theCase.closedReason },
          ]}
        />
        <p>Reopen the case to record more work on it.</p>
        {saveError ? <InlineMessage tone="error">{saveError}</InlineMessage> : null}
        <ButtonGroup>
          <Button busy={saving} onClick={() => void reopen()}>
            Reopen case
          </Button>
          <Link className={buttonClass('secondary')} to={clientPage}>
            Back to the client
          </Link>
        </ButtonGroup>
      </>
    );
  }

  const { values, set, errorFor } = form;
  const other = values.reason === OTHER_REASON;
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (values.reason === '') {
      form.setErrors([{ field: 'reason', message: 'Select a reason for closing the case' }]);
      return;
    }
    void run(async () => {
      const result = await closeCaseCommand(db, theCase, composeReason(values.reason, values.note));
      if (result.ok) {
        form.markSaved();
        void leaveForm(clientPage);
        return;
      }
      if (result.code === 'already-closed') setSaveError(result.message);
      else form.setErrors([{ field: 'note', message: other && result.code === 'reason-required' ? 'Describe why the case is closing' : result.message }]);
    });
  };

  return (
    <>
      <PageHeading caption={caption}>Close a case</PageHeading>
      <form className="case-form" noValidate onSubmit={submit} aria-label="Close a case">
        <ErrorSummary errors={form.errors} idFor={fieldId} />
        <Radios
          id={fieldId('reason')}
          legend="Why is the case closing?"
          options={CLOSE_REASONS.map((r) => ({ value: r, label: r }))}
          value={values.reason}
          onChange={(v) => set('reason', v)}
          error={errorFor('reason')}
        />
        <Textarea
          id={fieldId('note')}
          label={other ? 'Describe the reason' : 'Note (optional)'}
          hint={other ? `Up to ${SHORT_TEXT_MAX} characters.` : `Saved with the reason. Up to ${SHORT_TEXT_MAX} characters.`}
          rows={3}
          maxLength={SHORT_TEXT_MAX}
          threshold={0.5}
          value={values.note}
          onChange={(v) => set('note', v)}
          error={errorFor('note')}
        />
        {saveError ? (
          <InlineMessage tone="error" id="close-save-error">
            {saveError}
          </InlineMessage>
        ) : null}
        <ButtonGroup>
          <Button type="submit" variant="warning" busy={saving} aria-describedby={saveError ? 'close-save-error' : undefined}>
            Close case
          </Button>
          <Link className={buttonClass('secondary')} to={clientPage}>
            Cancel
          </Link>
        </ButtonGroup>
      </form>
    </>
  );
}
