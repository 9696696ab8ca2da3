/**
 * Record consent: what for (a common purpose or "Something else"), given or refused, and when
 * (blank for now). Validated by validateConsentForm; saved into the client's `consents` through
 * recordConsent. A storage failure is shown beside Save; typed input is never thrown away.
 */
import { useState, type SyntheticEvent } from 'react';
import { validateConsentForm } from '#shared/domain/forms';
import { useData } from '../common/data';
import { Button, ButtonGroup, DateInput, ErrorSummary, InlineMessage, Radios, TextInput, useFormState } from '../../ui/form';
import { recordConsent } from './commands';
import { CONSENT_PURPOSES } from './vocabulary';

const OTHER = 'other';

export interface ConsentFormProps {
  clientId: string;
  onSaved: (message: string) => void;
  onCancel: () => void;
}

export function ConsentForm({ clientId, onSaved, onCancel }: ConsentFormProps) {
  const { db, session } = useData();
  const form = useFormState({ choice: '', other: '', given: '', date: '' }, { dirtyKey: `consent-${clientId}` });
  const [saving, setSaving] = useState(false);
  const [storageError, setStorageError] = useState<string | null>(null);
  const idFor = (field: string): string =>
    field === 'purpose' ? (form.values.choice === OTHER ? 'consent-other' : 'consent-purpose') : `consent-${field}`;

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (saving) return;
    const { choice, other, given, date } = form.values;
    const purpose = choice === OTHER ? other : choice;
    const result = validateConsentForm({ purpose, given: given === 'yes' || given === 'no' ? given : '', date }, new Date());
    if (!result.ok) {
      form.setErrors(result.errors);
      return;
    }
    form.setErrors([]);
    setSaving(true);
    setStorageError(null);
    const saved = await recordConsent(db, clientId, result.value, session.user.id);
    setSaving(false);
    if (!saved.ok) {
      setStorageError(saved.error.message);
      return;
    }
    form.markSaved();
    onSaved(`Consent recorded: ${result.value.given ? 'given' : 'refused'} for “${result.value.purpose}”.`);
  };

  return (
    <form noValidate onSubmit={(e) => void submit(e)} className="rs-card cp-consent-form" aria-labelledby="consent-form-heading">
      <h3 id="consent-form-heading">Record consent</h3>
      <ErrorSummary errors={form.errors} idFor={idFor} />
      <Radios
        id="consent-purpose"
        legend="What is the client consenting to?"
        options={[...CONSENT_PURPOSES.map((p) => ({ value: p, label: p })), { value: OTHER, label: 'Something else' }]}
        value={form.values.choice}
        onChange={(v) => form.set('choice', v)}
        error={form.values.choice === OTHER ? undefined : form.errorFor('purpose')}
      />
      {form.values.choice === OTHER ? (
        <TextInput
          id="consent-other"
          label="Describe what they are consenting to"
          value={form.values.other}
          onChange={(v) => form.set('other', v)}
          error={form.errorFor('purpose')}
        />
      ) : null}
      <Radios
        id="consent-given"
        legend="Does the client give consent?"
        layout="inline"
        options={[
          { value: 'yes', label: 'Yes, they consent' },
          { value: 'no', label: 'No, they refuse' },
        ]}
        value={form.values.given}
        onChange={(v) => form.set('given', v)}
        error={form.errorFor('given')}
      />
      <DateInput
        id="consent-date"
        label="When did they give or refuse it?"
        hint="Leave blank if it was today"
        value={form.values.date}
        onChange={(v) => form.set('date', v)}
        error={form.errorFor('date')}
      />
      <ButtonGroup>
        <Button type="submit" busy={saving}>
          Save consent
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </ButtonGroup>
      {storageError ? <InlineMessage tone="error">{storageError}</InlineMessage> : null}
    </form>
  );
}
