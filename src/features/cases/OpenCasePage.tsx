/**
 * Open a case (/clients/:clientId/cases/new): the type of need, a summary, whether the worker's team
 * may see it, and an optional contract. Validated with validateCaseForm, created open and assigned
 * to the signed-in user in the client's team, then back to the client page.
 */
import { useState, type SyntheticEvent } from 'react';
import { Link, useParams } from 'react-router';
import { StorageError } from '#db/errors';
import { validateCaseForm } from '#shared/domain/forms';
import { LONG_TEXT_MAX } from '#shared/schemas/common';
import { Button, ButtonGroup, ErrorSummary, InlineMessage, Radios, Select, Textarea, TextInput, buttonClass, useFormState } from '../../ui/form';
import { EmptyState, labelFromSlug, PageHeading } from '../../ui/shell';
import { useLeaveSavedForm } from '../common/after-save';
import { useData } from '../common/data';
import { openCase } from './commands';
import { CASE_TYPES } from './options';
import { useClient } from './queries';
import './cases.css';

const fieldId = (field: string): string => `case-${field}`;
const TYPE_OPTIONS = CASE_TYPES.map((t) => ({ value: t, label: labelFromSlug(t) }));

export default function OpenCasePage() {
  const { clientId = '' } = useParams();
  const leaveForm = useLeaveSavedForm();
  const { db, session } = useData();
  const client = useClient(clientId);
  const form = useFormState({ type: '', summary: '', shared: 'no', contractId: '' }, { dirtyKey: 'case-form' });
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);

  if (client === undefined) return <PageHeading>Open a case</PageHeading>;
  if (client === null) {
    return (
      <>
        <PageHeading>Open a case</PageHeading>
        <EmptyState title="This client is not on this device">
          <p>
            <Link to="/">Back to your caseload</Link>
          </p>
        </EmptyState>
      </>
    );
  }
  const clientPage = `/clients/${clientId}`;
  const team = session.user.teams.find((t) => t.id === client.teamId)?.name ?? 'your team';
  const { values, set, errorFor } = form;

  const save = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (saving) return;
    const result = validateCaseForm({ type: values.type, summary: values.summary, sharedWithTeam: values.shared === 'yes', contractId: values.contractId });
    if (!result.ok) {
      form.setErrors(result.errors);
      return;
    }
    form.setErrors([]);
    setSaving(true);
    try {
      await openCase(db, { client, userId: session.user.id, value: result.value });
      form.markSaved();
      void leaveForm(clientPage);
    } catch (e) {
      setSaveError(e instanceof StorageError ? e.message : 'Something went wrong while saving on this device. Try again.');
      setSaving(false);
    }
  };

  return (
    <>
      <PageHeading caption={client.name}>Open a case</PageHeading>
      <form className="case-form" noValidate onSubmit={(e) => void save(e)} aria-label="Open a case">
        <ErrorSummary errors={form.errors} idFor={fieldId} />
        <Select
          id={fieldId('type')}
          label="Type of case"
          hint="The main need you are working on."
          placeholder="Choose a type"
          options={TYPE_OPTIONS}
          value={values.type}
          onChange={(v) => set('type', v)}
          error={errorFor('type')}
        />
        <Textarea
          id={fieldId('summary')}
          label="Summary (optional)"
          hint="One or two sentences about the need, for whoever picks the case up."
          rows={4}
          maxLength={LONG_TEXT_MAX}
          value={values.summary}
          onChange={(v) => set('summary', v)}
          error={errorFor('summary')}
        />
        <Radios
          id={fieldId('sharedWithTeam')}
          legend={`Share this case with ${team}?`}
          hint="If you share it, everyone in the team can see and work on it. If not, only you and your coordinator can."
          layout="inline"
          options={[
            { value: 'yes', label: 'Yes' },
            { value: 'no', label: 'No' },
          ]}
          value={values.shared}
          onChange={(v) => set('shared', v)}
          error={errorFor('sharedWithTeam')}
        />
        <TextInput
          id={fieldId('contractId')}
          label="Contract reference (optional)"
          hint="If this work is funded under a contract, its reference."
          width="half"
          autoComplete="off"
          value={values.contractId}
          onChange={(v) => set('contractId', v)}
          error={errorFor('contractId')}
        />
        {saveError ? (
          <InlineMessage tone="error" id="case-save-error">
            {saveError}
          </InlineMessage>
        ) : null}
        <ButtonGroup>
          <Button type="submit" busy={saving} aria-describedby={saveError ? 'case-save-error' : undefined}>
            Open case
          </Button>
          <Link className={buttonClass('secondary')} to={clientPage}>
            Cancel
          </Link>
        </ButtonGroup>
      </form>
    </>
  );
}
