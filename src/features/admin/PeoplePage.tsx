/**
 * People and teams (/admin/people, coordinators): everyone who can sign in, with their role, teams
 * and whether their account is on; links to add a person and to manage each one; a form to add a
 * team; the newest management changes. Online-only: it says so plainly when the device is offline.
 */
import { useState, type SyntheticEvent } from 'react';
import { Link } from 'react-router';
import { ROLE_LABELS } from '#shared/domain/roles';
import { Button, ButtonGroup, ErrorSummary, InlineMessage, TextInput, buttonClass, useFormState } from '../../ui/form';
import { PageHeading, Tag } from '../../ui/shell';
import { AdminActivity } from './AdminActivity';
import { AdminCallError, adminApi } from './api';
import { ServerState } from './ServerState';
import { useAdminApi, useServerData } from './useServer';
import './admin.css';

export default function PeoplePage() {
  const api = useAdminApi();
  const [loaded, reload] = useServerData(adminApi.people, []);
  const team = useFormState({ name: '' });
  const [saving, setSaving] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const [round, setRound] = useState(0);

  const addTeam = (event: SyntheticEvent) => {
    event.preventDefault();
    if (saving) return;
    if (team.values.name.trim() === '') {
      team.setErrors([{ field: 'name', message: 'Enter a name for the team' }]);
      return;
    }
    setSaving(true);
    setAdded(null);
    adminApi
      .addTeam(api, team.values.name)
      .then(({ team: created }) => {
        team.reset({ name: '' });
        setAdded(`Added the team ${created.name}.`);
        reload();
        setRound((r) => r + 1);
      })
      .catch((e: unknown) => team.setErrors([{ field: 'name', message: e instanceof AdminCallError ? e.message : 'The team could not be added. Try again.' }]))
      .finally(() => setSaving(false));
  };

  return (
    <>
      <PageHeading>People and teams</PageHeading>
      <p>Everyone who can sign in to Resonance. Kiosks are listed under Devices.</p>
      <ButtonGroup>
        <Link className={buttonClass('primary')} to="/admin/people/new">
          Add a person
        </Link>
        <Link className={buttonClass('secondary')} to="/admin/devices">
          Devices
        </Link>
      </ButtonGroup>
      {loaded.state !== 'ready' ? (
        <ServerState loaded={loaded} onRetry={reload} what="people" />
      ) : (
        <div className="admin-table-wrap">
          <table className="admin-table">
            <caption className="rs-visually-hidden">People</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Teams</th>
                <th scope="col">Account</th>
              </tr>
            </thead>
            <tbody>
              {loaded.data.users.map((u) => (
                <tr key={u.id}>
                  <th scope="row">
                    <Link to={`/admin/people/${encodeURIComponent(u.id)}`}>{u.name}</Link>
                  </th>
                  <td>{u.email}</td>
                  <td>{ROLE_LABELS[u.role]}</td>
                  <td>{u.teamIds.map((id) => loaded.data.teams.find((t) => t.id === id)?.name ?? 'Unknown team').join(', ') || 'No team'}</td>
                  <td>{u.active ? <Tag tone="success">On</Tag> : <Tag tone="overdue">Switched off</Tag>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <section className="admin-section" aria-labelledby="add-team-heading">
        <h2 id="add-team-heading">Add a team</h2>
        {loaded.state === 'ready' ? <p>Teams now: {loaded.data.teams.map((t) => t.name).join(', ') || 'none yet'}.</p> : null}
        <form noValidate onSubmit={addTeam} aria-labelledby="add-team-heading">
          <ErrorSummary errors={team.errors} idFor={(f) => `team-${f}`} />
          <TextInput id="team-name" label="Team name" width="half" maxLength={100} value={team.values.name} onChange={(v) => team.set('name', v)} error={team.errorFor('name')} />
          {added ? <InlineMessage tone="success">{added}</InlineMessage> : null}
          <ButtonGroup>
            <Button type="submit" variant="secondary" busy={saving}>
              Add team
            </Button>
          </ButtonGroup>
        </form>
      </section>
      <AdminActivity round={round} />
    </>
  );
}
