/**
 * Change a client's details (/clients/:clientId/edit): the register page's fields and validation
 * (RegisterClientFields, validateClientForm), prefilled from the record. Save writes only the
 * fields the person changed (edit-model.ts), so a colleague's offline edit of another field merges
 * cleanly (sync.md C3); emptied optional fields are cleared. Error summary and inline errors as on
 * registration; the form counts as unsaved while changed (D4); storage failures show beside Save.
 */
import { useState, type SyntheticEvent } from 'react';
import { Link, useParams } from 'react-router';
import { validateClientForm } from '#shared/domain/forms';
import type { TeamRef } from '#shared/domain/roles';
import type { Client } from '#shared/schemas/index';
import { useLeaveSavedForm } from '../common/after-save';
import type { ClientPageState } from '../common/client-page-state';
import { useData } from '../common/data';
import { Button, ButtonGroup, buttonClass, ErrorSummary, InlineMessage, useFormState, type FormError } from '../../ui/form';
import { PageHeading } from '../../ui/shell';
import { updateClientDetails } from './commands';
import { changedClientFields, describeChanges, editValuesOf } from './edit-model';
import { FIELD_ORDER, fieldId, RegisterClientFields } from './RegisterClientFields';
import { useClient } from './queries';
import './clients.css';

const inPageOrder = (a: FormError, b: FormError): number => FIELD_ORDER.indexOf(a.field) - FIELD_ORDER.indexOf(b.field);

export default function EditClientPage() {
  const { clientId = '' } = useParams();
  const client = useClient(clientId);
  if (client === undefined) {
    return (
      <>
        <PageHeading>Change details</PageHeading>
        <p role="status">Loading the client…</p>
      </>
    );
  }
  if (client === null) {
    return (
      <>
        <PageHeading>Client not found on this device</PageHeading>
        <p>This client is not on this device, so their details cannot be changed here.</p>
        <p>
          <Link to="/">Go to your caseload</Link>
        </p>
      </>
    );
  }
  // Prefilled once, from the record as it was when the page opened; later syncs do not overwrite typing.
  return <EditClientForm key={client.id} client={client} />;
}

function EditClientForm({ client }: { client: Readonly<Client> }) {
  const { db, session } = useData();
  const leaveForm = useLeaveSavedForm();
  const [start] = useState(() => editValuesOf(client));
  const form = useFormState(start, { dirtyKey: `edit-client-${client.id}` });
  const [saving, setSaving] = useState(false);
  const [storageError, setStorageError] = useState<string | null>(null);
  const back = `/clients/${encodeURIComponent(client.id)}`;
  // The team question appears only for someone who may move the client between their own teams.
  const userTeams = session.user.teams;
  const teams: readonly TeamRef[] = userTeams.some((t) => t.id === client.teamId) ? userTeams : [{ id: client.teamId, name: client.teamId }];

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    if (saving) return;
    const result = validateClientForm(form.values);
    if (!result.ok) {
      form.setErrors([...result.errors].sort(inPageOrder));
      return;
    }
    form.setErrors([]);
    const patch = changedClientFields(start, form.values, result.value);
    setSaving(true);
    setStorageError(null);
    const saved = await updateClientDetails(db, client.id, patch);
    setSaving(false);
    if (!saved.ok) {
      setStorageError(saved.error.message);
      return;
    }
    form.markSaved();
    const state: ClientPageState = { updated: saved.value === 0 ? 'nothing' : describeChanges(patch) };
    await leaveForm(back, { state });
  };

  return (
    <>
      <PageHeading caption={client.name}>Change details</PageHeading>
      <form noValidate className="cr-form" onSubmit={(e) => void submit(e)}>
        <ErrorSummary errors={form.errors} idFor={fieldId} />
        <RegisterClientFields form={form} teams={teams} knownTeamIds={[]} afterIdentity={null} />
        <ButtonGroup>
          <Button type="submit" busy={saving} aria-describedby={storageError ? 'edit-storage-error' : undefined}>
            Save changes
          </Button>
          <Link to={back} className={buttonClass('secondary')}>
            Cancel
          </Link>
        </ButtonGroup>
        {storageError ? (
          <InlineMessage tone="error" id="edit-storage-error">
            {storageError}
          </InlineMessage>
        ) : null}
      </form>
    </>
  );
}
