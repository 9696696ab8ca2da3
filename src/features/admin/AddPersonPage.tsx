/**
 * Add a person (/admin/people/new, coordinators): name, email, role, teams and a first password
 * they will use to sign in. The server checks everything; its reasons appear beside the field
 * they are about and in the error summary. Online-only.
 */
import { useState, type SyntheticEvent } from 'react';
import { Link } from 'react-router';
import { useLeaveSavedForm } from '../common/after-save';
import { Button, ButtonGroup, Checkboxes, ErrorSummary, InlineMessage, Radios, TextInput, buttonClass, useFormState, type FormError } from '../../ui/form';
import { PageHeading } from '../../ui/shell';
import { AdminCallError, adminApi } from './api';
import { ServerState } from './ServerState';
import { useAdminApi, useServerData } from './useServer';
import { ROLE_OPTIONS } from './vocabulary';
import './admin.css';

const FIELDS = ['name', 'email', 'role', 'teamIds', 'password'] as const;
const fieldId = (field: string): string => `person-${field}`;
/** Same minimum as the server (admin/ops.ts), said before the round trip. */
const MIN_PASSWORD = 10;

export default function AddPersonPage() {
  const api = useAdminApi();
  const leaveForm = useLeaveSavedForm();
  const [loaded, reload] = useServerData(adminApi.people, []);
  const form = useFormState({ name: '', email: '', role: '', teamIds: [] as string[], password: '' }, { dirtyKey: 'add-person-form' });
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { values, set, errorFor } = form;

  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (saving) return;
    const errors: FormError[] = [];
    if (values.name.trim() === '') errors.push({ field: 'name', message: 'Enter the person’s full name' });
    if (values.email.trim() === '') errors.push({ field: 'email', message: 'Enter their email address' });
    if (values.role === '') errors.push({ field: 'role', message: 'Select a role' });
    if (values.password.length < MIN_PASSWORD) errors.push({ field: 'password', message: `The first password must be at least ${MIN_PASSWORD} characters` });
    form.setErrors(errors);
    setFailure(null);
    if (errors.length > 0) return;
    setSaving(true);
    adminApi
      .addPerson(api, values)
      .then(({ user }) => {
        form.markSaved();
        void leaveForm(`/admin/people/${encodeURIComponent(user.id)}?added=1`);
      })
      .catch((e: unknown) => {
        if (e instanceof AdminCallError && e.field && (FIELDS as readonly string[]).includes(e.field)) form.setErrors([{ field: e.field, message: e.message }]);
        else setFailure(e instanceof AdminCallError ? e.message : 'The person could not be added. Try again.');
      })
      .finally(() => setSaving(false));
  };

  return (
    <>
      <PageHeading caption="People and teams">Add a person</PageHeading>
      {loaded.state !== 'ready' ? (
        <ServerState loaded={loaded} onRetry={reload} what="teams" />
      ) : (
        <form noValidate onSubmit={submit} aria-label="Add a person">
          <ErrorSummary errors={form.errors} idFor={fieldId} />
          <TextInput id={fieldId('name')} label="Full name" autoComplete="off" maxLength={200} value={values.name} onChange={(v) => set('name', v)} error={errorFor('name')} />
          <TextInput
            id={fieldId('email')}
            label="Email address"
            hint="They sign in with this."
            type="email"
            autoComplete="off"
            spellCheck={false}
            maxLength={254}
            value={values.email}
            onChange={(v) => set('email', v)}
            error={errorFor('email')}
          />
          <Radios id={fieldId('role')} legend="Role" options={ROLE_OPTIONS} value={values.role} onChange={(v) => set('role', v)} error={errorFor('role')} />
          <Checkboxes
            id={fieldId('teamIds')}
            legend="Teams"
            hint={loaded.data.teams.length === 0 ? 'There are no teams yet. Add one on the People and teams page.' : 'Select all that apply. A worker sees the cases shared with their teams.'}
            options={loaded.data.teams.map((t) => ({ value: t.id, label: t.name }))}
            values={values.teamIds}
            onChange={(v) => set('teamIds', [...v])}
            error={errorFor('teamIds')}
          />
          <TextInput
            id={fieldId('password')}
            label="First password"
            hint={`At least ${MIN_PASSWORD} characters. Three random words work well. Give it to them in person.`}
            type="text"
            autoComplete="new-password"
            spellCheck={false}
            maxLength={200}
            value={values.password}
            onChange={(v) => set('password', v)}
            error={errorFor('password')}
          />
          {failure ? <InlineMessage tone="error">{failure}</InlineMessage> : null}
          <ButtonGroup>
            <Button type="submit" busy={saving}>
              Add person
            </Button>
            <Link className={buttonClass('secondary')} to="/admin/people">
              Cancel
            </Link>
          </ButtonGroup>
        </form>
      )}
    </>
  );
}
