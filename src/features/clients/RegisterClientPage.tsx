/**
 * Register a client: the person's details, checked by validateClientForm (error summary at the top,
 * focused, linking to each field; a message beside each field), an offline warning when they may
 * already be on this device, and a save that goes to their new record. The form counts as unsaved
 * (dirty) from the first keystroke, so an app update waits (D4). Storage failures show beside Save.
 */
import { useState, type SyntheticEvent } from 'react';
import { Link } from 'react-router';
import { validateClientForm } from '#shared/domain/forms';
import { useLeaveSavedForm } from '../common/after-save';
import type { ClientPageState } from '../common/client-page-state';
import { useData } from '../common/data';
import { Button, ButtonGroup, buttonClass, ErrorSummary, InlineMessage, useFormState, type FormError } from '../../ui/form';
import { PageHeading } from '../../ui/shell';
import { registerClient } from './commands';
import { DuplicateWarning } from './DuplicateWarning';
import { FIELD_ORDER, fieldId, RegisterClientFields, type RegisterValues } from './RegisterClientFields';
import { useDuplicateMatches } from './useDuplicateMatches';
import './clients.css';

const EMPTY: RegisterValues = {
  name: '',
  dateOfBirth: '',
  postcode: '',
  address: '',
  phone: '',
  email: '',
  language: '',
  needs: [],
  notes: '',
  teamId: '',
};

const inPageOrder = (a: FormError, b: FormError): number => FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field);

export default function RegisterClientPage() {
  const { db, session } = useData();
  const leaveForm = useLeaveSavedForm();
  const teams = session.user.teams;
  const form = useFormState<RegisterValues>(() => ({ ...EMPTY, teamId: teams[0]?.id ?? '' }), { dirtyKey: 'register-client' });
  const [saving, setSaving] = useState(false);
  const [storageError, setStorageError] = useState<string | null>(null);
  const duplicates = useDuplicateMatches(form.values.name, form.values.dateOfBirth, form.values.postcode);

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (saving) return;
    const result = validateClientForm(form.values);
    const teamError: FormError[] = form.values.teamId === '' ? [{ field: 'teamId', message: 'Select the team this client is with' }] : [];
    const errors = [...(result.ok ? [] : result.errors), ...teamError].sort(inPageOrder);
    if (!result.ok || errors.length > 0) {
      form.setErrors(errors);
      return;
    }
    form.setErrors([]);
    setSaving(true);
    setStorageError(null);
    const saved = await registerClient(db, { value: result.value, teamId: form.values.teamId, userId: session.user.id });
    setSaving(false);
    if (!saved.ok) {
      setStorageError(saved.error.message);
      return;
    }
    form.markSaved();
    const state: ClientPageState = { registered: true };
    await leaveForm(`/clients/${encodeURIComponent(saved.value.id)}`, { state });
  };

  return (
    <>
      <PageHeading>Register a client</PageHeading>
      <form noValidate className="cr-form" onSubmit={(e) => void submit(e)}>
        <ErrorSummary errors={form.errors} idFor={fieldId} />
        <RegisterClientFields
          form={form}
          teams={teams}
          knownTeamIds={duplicates.teamIds}
          afterIdentity={<DuplicateWarning matches={duplicates.matches} existing={duplicates.existingById} />}
        />
        <ButtonGroup>
          <Button type="submit" busy={saving} aria-describedby={storageError ? 'register-storage-error' : undefined}>
            Save client
          </Button>
          <Link to="/" className={buttonClass('secondary')}>
            Cancel
          </Link>
        </ButtonGroup>
        {storageError ? (
          <InlineMessage tone="error" id="register-storage-error">
            {storageError}
          </InlineMessage>
        ) : null}
      </form>
    </>
  );
}
