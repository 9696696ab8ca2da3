/**
 * Assign or share a case (/cases/:caseId/assign, coordinators): choose who holds the case from the
 * staff directory and whether the case's team shares it. Saved on this device like any edit and
 * synced; at their next sync the case (with its history) moves onto the new holders' tablets and off
 * the old ones' (A3). Works offline from the cached directory.
 */
import { useMemo, useState, type SyntheticEvent } from 'react';
import { Link, useParams } from 'react-router';
import { StorageError } from '#db/errors';
import { ROLE_LABELS, isRole } from '#shared/domain/roles';
import { Button, ButtonGroup, Checkboxes, ErrorSummary, InlineMessage, Radios, buttonClass, useFormState } from '../../ui/form';
import { EmptyState, PageHeading, labelFromSlug } from '../../ui/shell';
import { useLeaveSavedForm } from '../common/after-save';
import { useData, useObservable } from '../common/data';
import { useDirectory } from '../common/directory';
import { assignCaseCommand } from './commands';
import { useCase, useClient } from './queries';
import './cases.css';

const fieldId = (field: string): string => `assign-${field}`;

export default function AssignCasePage() {
  const { caseId = '' } = useParams();
  const leaveForm = useLeaveSavedForm();
  const { db, directory } = useData();
  const people = useDirectory();
  const current = useObservable(() => directory.directory$, [directory]);
  const theCase = useCase(caseId);
  const client = useClient(theCase?.clientId);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const staff = useMemo(() => (current?.users ?? []).filter((u) => u.role !== 'kiosk'), [current]);

  if (theCase === undefined) return <PageHeading>Assign or share a case</PageHeading>;
  if (theCase === null) {
    return (
      <>
        <PageHeading>Assign or share a case</PageHeading>
        <EmptyState title="This case is not on this device">
          <p>
            <Link to="/">Back to the caseload</Link>
          </p>
        </EmptyState>
      </>
    );
  }
  return <AssignForm key={theCase.writeId} theCase={theCase} clientName={client?.name} staff={staff} teamName={people.teamName(theCase.teamId)} directoryLoaded={current !== undefined && current !== null}
    saving={saving} saveError={saveError}
    onSave={(input, known) => {
      if (saving) return;
      setSaving(true);
      setSaveError(null);
      return assignCaseCommand(db, theCase, input, known)
        .then((result) => {
          if (result.ok) void leaveForm(`/clients/${encodeURIComponent(theCase.clientId)}`);
          return result.ok ? null : result.message;
        })
        .catch((e: unknown) => {
          setSaveError(e instanceof StorageError ? e.message : 'Something went wrong while saving on this device. Try again.');
          return null;
        })
        .finally(() => setSaving(false));
    }}
  />;
}

interface StaffMember {
  id: string;
  name: string;
  role: string;
}

interface AssignFormProps {
  theCase: { id: string; clientId: string; type: string; assignedTo: string[]; sharedWithTeam: boolean };
  clientName: string | undefined;
  staff: readonly StaffMember[];
  teamName: string | undefined;
  directoryLoaded: boolean;
  saving: boolean;
  saveError: string | null;
  onSave: (input: { assignedTo: string[]; sharedWithTeam: boolean }, known: ReadonlySet<string>) => Promise<string | null> | undefined;
}

function AssignForm({ theCase, clientName, staff, teamName, directoryLoaded, saving, saveError, onSave }: AssignFormProps) {
  const form = useFormState({ assignedTo: theCase.assignedTo, shared: theCase.sharedWithTeam ? 'yes' : 'no' }, { dirtyKey: 'assign-case-form' });
  const known = useMemo(() => new Set(staff.map((s) => s.id)), [staff]);
  const options = [
    ...staff.map((s) => ({ value: s.id, label: s.name, hint: isRole(s.role) ? ROLE_LABELS[s.role] : undefined })),
    ...theCase.assignedTo.filter((id) => !known.has(id)).map((id) => ({ value: id, label: 'Someone no longer in the staff list', hint: 'Untick to take them off the case.' })),
  ];
  const team = teamName ?? 'the case’s team';
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    const pending = onSave({ assignedTo: form.values.assignedTo, sharedWithTeam: form.values.shared === 'yes' }, known);
    if (!pending) return;
    void pending.then((message) => {
      if (message) form.setErrors([{ field: 'assignedTo', message }]);
      else form.markSaved();
    });
  };
  return (
    <>
      <PageHeading caption={`${clientName ?? 'Client'}: ${labelFromSlug(theCase.type)} case`}>Assign or share a case</PageHeading>
      {!directoryLoaded ? <InlineMessage tone="info">The staff list has not reached this device yet. Connect once to load it.</InlineMessage> : null}
      <form className="case-form" noValidate onSubmit={submit} aria-label="Assign or share a case">
        <ErrorSummary errors={form.errors} idFor={fieldId} />
        <Checkboxes
          id={fieldId('assignedTo')}
          legend="Who holds this case?"
          hint="Their tablets receive the case and its history at their next sync. People you untick lose it from their tablets."
          options={options}
          values={form.values.assignedTo}
          onChange={(v) => form.set('assignedTo', [...v])}
          error={form.errorFor('assignedTo')}
        />
        <Radios
          id={fieldId('shared')}
          legend={`Share with everyone in ${team}?`}
          options={[
            { value: 'yes', label: `Yes, everyone in ${team} can see and work on it` },
            { value: 'no', label: 'No, only the people above' },
          ]}
          value={form.values.shared}
          onChange={(v) => form.set('shared', v)}
        />
        {saveError ? <InlineMessage tone="error">{saveError}</InlineMessage> : null}
        <ButtonGroup>
          <Button type="submit" busy={saving}>
            Save
          </Button>
          <Link className={buttonClass('secondary')} to={`/clients/${encodeURIComponent(theCase.clientId)}`}>
            Cancel
          </Link>
        </ButtonGroup>
      </form>
    </>
  );
}
