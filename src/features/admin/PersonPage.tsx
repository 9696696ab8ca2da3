/**
 * One person (/admin/people/:personId, coordinators): change their role and teams, reset their
 * password (signs them out everywhere), switch their account off after a confirm step (signs them
 * out and wipes their data from every device on next contact, A4) or back on. Online-only.
 */
import { useState, type SyntheticEvent } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ROLE_LABELS } from '#shared/domain/roles';
import { Button, ButtonGroup, Checkboxes, ErrorSummary, InlineMessage, Radios, TextInput, useFormState } from '../../ui/form';
import { EmptyState, PageHeading, SummaryList } from '../../ui/shell';
import { useData } from '../common/data';
import { AdminCallError, adminApi, type Person, type Team } from './api';
import { ServerState } from './ServerState';
import { useConfirmStep } from './useConfirmStep';
import { useAdminApi, useServerData } from './useServer';
import { ROLE_OPTIONS } from './vocabulary';
import './admin.css';

const messageOf = (e: unknown, fallback: string): string => (e instanceof AdminCallError ? e.message : fallback);

function RoleAndTeams({ person, teams, onSaved }: { person: Person; teams: Team[]; onSaved: (message: string) => void }) {
  const api = useAdminApi();
  const form = useFormState<{ role: string; teamIds: string[] }>({ role: person.role, teamIds: person.teamIds });
  const [saving, setSaving] = useState(false);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    adminApi
      .changePerson(api, person.id, { role: form.values.role, teamIds: form.values.teamIds })
      .then(() => {
        form.setErrors([]);
        onSaved(`Saved ${person.name}’s role and teams. Their devices pick up the change at their next sync.`);
      })
      .catch((e: unknown) => {
        const field = e instanceof AdminCallError && e.field === 'teamIds' ? 'teamIds' : 'role';
        form.setErrors([{ field, message: messageOf(e, 'The change could not be saved. Try again.') }]);
      })
      .finally(() => setSaving(false));
  };
  return (
    <section className="admin-section" aria-labelledby="role-heading">
      <h2 id="role-heading">Role and teams</h2>
      <form noValidate onSubmit={submit} aria-labelledby="role-heading">
        <ErrorSummary errors={form.errors} idFor={(f) => `change-${f}`} />
        <Radios id="change-role" legend="Role" options={ROLE_OPTIONS} value={form.values.role} onChange={(v) => form.set('role', v)} error={form.errorFor('role')} />
        <Checkboxes
          id="change-teamIds"
          legend="Teams"
          hint="Select all that apply."
          options={teams.map((t) => ({ value: t.id, label: t.name }))}
          values={form.values.teamIds}
          onChange={(v) => form.set('teamIds', [...v])}
          error={form.errorFor('teamIds')}
        />
        <ButtonGroup>
          <Button type="submit" busy={saving}>
            Save role and teams
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

function ResetPassword({ person, onSaved }: { person: Person; onSaved: (message: string) => void }) {
  const api = useAdminApi();
  const form = useFormState({ password: '' });
  const [saving, setSaving] = useState(false);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (saving) return;
    if (form.values.password.length < 10) {
      form.setErrors([{ field: 'password', message: 'The new password must be at least 10 characters' }]);
      return;
    }
    setSaving(true);
    adminApi
      .resetPassword(api, person.id, form.values.password)
      .then(() => {
        form.reset({ password: '' });
        onSaved(`Reset ${person.name}’s password. They have been signed out on every device and sign in again with the new one.`);
      })
      .catch((e: unknown) => form.setErrors([{ field: 'password', message: messageOf(e, 'The password could not be reset. Try again.') }]))
      .finally(() => setSaving(false));
  };
  return (
    <section className="admin-section" aria-labelledby="password-heading">
      <h2 id="password-heading">Reset password</h2>
      <form noValidate onSubmit={submit} aria-labelledby="password-heading">
        <ErrorSummary errors={form.errors} idFor={(f) => `reset-${f}`} />
        <TextInput
          id="reset-password"
          label="New password"
          hint="At least 10 characters. Give it to them in person. They are signed out everywhere."
          type="text"
          autoComplete="new-password"
          spellCheck={false}
          maxLength={200}
          value={form.values.password}
          onChange={(v) => form.set('password', v)}
          error={form.errorFor('password')}
        />
        <ButtonGroup>
          <Button type="submit" variant="secondary" busy={saving}>
            Reset password
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}

function AccountSwitch({ person, self, onSaved }: { person: Person; self: boolean; onSaved: (message: string) => void }) {
  const api = useAdminApi();
  const { confirming, open, cancel, startRef, confirmRef } = useConfirmStep();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const change = (active: boolean) => {
    if (saving) return;
    setSaving(true);
    setError(null);
    adminApi
      .setActive(api, person.id, active)
      .then(() => {
        cancel();
        onSaved(active ? `${person.name} can sign in again.` : `Switched off ${person.name}’s account. They are signed out, and their data is wiped from each device the next time it connects.`);
      })
      .catch((e: unknown) => setError(messageOf(e, 'That did not work. Try again.')))
      .finally(() => setSaving(false));
  };
  return (
    <section className="admin-section" aria-labelledby="account-heading">
      <h2 id="account-heading">Account</h2>
      {error ? <InlineMessage tone="error">{error}</InlineMessage> : null}
      {!person.active ? (
        <>
          <p>This account is switched off: {person.name} cannot sign in.</p>
          <Button variant="secondary" busy={saving} onClick={() => change(true)}>
            Switch account back on
          </Button>
        </>
      ) : self ? (
        <p>This is your own account. Another coordinator can switch it off.</p>
      ) : confirming ? (
        <div className="admin-confirm" role="group" aria-labelledby="confirm-off">
          <p id="confirm-off">
            <strong>Switch off {person.name}’s account?</strong> They are signed out at once, and their data is wiped from their devices the next time each one connects. Unsynced work on
            those devices is lost.
          </p>
          <div className="admin-actions">
            <Button ref={confirmRef} variant="warning" busy={saving} onClick={() => change(false)}>
              Yes, switch off the account
            </Button>
            <Button variant="secondary" onClick={cancel}>
              No, keep it on
            </Button>
          </div>
        </div>
      ) : (
        <Button ref={startRef} variant="warning" onClick={open}>
          Switch off account
        </Button>
      )}
    </section>
  );
}

export default function PersonPage() {
  const { personId = '' } = useParams();
  const [search] = useSearchParams();
  const { session } = useData();
  const [loaded, reload] = useServerData(adminApi.people, []);
  const [notice, setNotice] = useState<string | null>(search.get('added') ? 'Added. They can sign in now with the email address and the first password.' : null);
  const saved = (message: string) => {
    setNotice(message);
    reload();
  };

  if (loaded.state !== 'ready') {
    return (
      <>
        <PageHeading caption="People and teams">A person</PageHeading>
        <ServerState loaded={loaded} onRetry={reload} what="this person" />
      </>
    );
  }
  const person = loaded.data.users.find((u) => u.id === personId);
  if (!person) {
    return (
      <>
        <PageHeading caption="People and teams">Person not found</PageHeading>
        <EmptyState title="There is no one with this link">
          <p>
            <Link to="/admin/people">Back to people and teams</Link>
          </p>
        </EmptyState>
      </>
    );
  }
  const teamNames = person.teamIds.map((id) => loaded.data.teams.find((t) => t.id === id)?.name ?? 'Unknown team');
  return (
    <>
      <PageHeading caption="People and teams">{person.name}</PageHeading>
      {notice ? <InlineMessage tone="success">{notice}</InlineMessage> : null}
      <SummaryList
        rows={[
          { label: 'Email', value: person.email ?? undefined },
          { label: 'Role', value: ROLE_LABELS[person.role] },
          { label: 'Teams', value: teamNames.join(', ') || 'No team' },
          { label: 'Account', value: person.active ? 'On' : 'Switched off' },
        ]}
      />
      <RoleAndTeams key={`${person.role}:${person.teamIds.join(',')}`} person={person} teams={loaded.data.teams} onSaved={saved} />
      <ResetPassword person={person} onSaved={saved} />
      <AccountSwitch person={person} self={person.id === session.user.id} onSaved={saved} />
      <p>
        <Link to="/admin/people">Back to people and teams</Link>
      </p>
    </>
  );
}
