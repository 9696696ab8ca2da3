/**
 * The organisation's idle lock: how many minutes (1 to 60) a device may sit untouched before it
 * locks. Devices read it from GET /api/settings at their next contact.
 */
import { useState, type SyntheticEvent } from 'react';
import { Button, ButtonGroup, ErrorSummary, InlineMessage, TextInput, useFormState } from '../../ui/form';
import { AdminCallError, adminApi } from './api';
import { useAdminApi } from './useServer';

export function IdleLockSetting({ minutes }: { minutes: number }) {
  const api = useAdminApi();
  const form = useFormState({ minutes: String(minutes) });
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (saving) return;
    setSaved(null);
    const value = Number(form.values.minutes.trim());
    if (!/^\d+$/.test(form.values.minutes.trim()) || value < 1 || value > 60) {
      form.setErrors([{ field: 'minutes', message: 'Enter a whole number of minutes from 1 to 60' }]);
      return;
    }
    setSaving(true);
    adminApi
      .saveSettings(api, value)
      .then((settings) => {
        form.setErrors([]);
        setSaved(`Saved. Devices lock after ${settings.idleLockMinutes} minutes without use, from their next connection.`);
      })
      .catch((e: unknown) => form.setErrors([{ field: 'minutes', message: e instanceof AdminCallError ? e.message : 'The setting could not be saved. Try again.' }]))
      .finally(() => setSaving(false));
  };
  return (
    <section className="admin-section" aria-labelledby="idle-heading">
      <h2 id="idle-heading">Idle lock</h2>
      <form noValidate onSubmit={submit} aria-labelledby="idle-heading">
        <ErrorSummary errors={form.errors} idFor={(f) => `idle-${f}`} />
        <TextInput
          id="idle-minutes"
          label="Lock a device after it has not been used for"
          hint="From 1 to 60 minutes. Shorter is safer for tablets used in public places."
          inputMode="numeric"
          width="tiny"
          suffix="minutes"
          value={form.values.minutes}
          onChange={(v) => form.set('minutes', v)}
          error={form.errorFor('minutes')}
        />
        {saved ? <InlineMessage tone="success">{saved}</InlineMessage> : null}
        <ButtonGroup>
          <Button type="submit" variant="secondary" busy={saving}>
            Save idle lock
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
