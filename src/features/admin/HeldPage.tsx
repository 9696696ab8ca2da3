/**
 * Held-back changes (/admin/held, coordinators): the organisation's writes the server kept but did
 * not apply (sync.md C4: e.g. an offline edit to a case that has since left its author's scope),
 * newest first, with who, when, which device and record, the plain reason and the held fields.
 * Online-only: the list lives on the server (GET /api/sync/v1/held). Once a coordinator has acted on
 * a change (applied it by hand, passed it on, or decided it is not needed) they mark it as dealt
 * with, after a confirm step; it leaves this list and the server keeps it, audited.
 */
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Button, InlineMessage } from '../../ui/form';
import { PageHeading, formatDateTime } from '../../ui/shell';
import { AdminCallError, adminApi, type DeviceRow } from './api';
import { describeHeld, type HeldEntry, type HeldRecord } from './heldModel';
import { ServerState } from './ServerState';
import { useAdminApi, useServerData } from './useServer';
import { useConfirmStep } from './useConfirmStep';
import './admin.css';

type Api = Parameters<typeof adminApi.people>[0];

async function sendHeld(api: Api): Promise<HeldRecord[]> {
  const res = await api.fetch(`${api.baseUrl}/api/sync/v1/held?limit=200`, { headers: { authorization: `Bearer ${api.token}` }, cache: 'no-store' });
  if (!res.ok) throw new Error(`The server could not list held-back changes (it answered ${res.status}).`);
  return (await res.json()) as HeldRecord[];
}

const loadAll = async (api: Api) => {
  try {
    const [held, people, devices] = await Promise.all([sendHeld(api), adminApi.people(api), adminApi.devices(api)]);
    return { held, people: people.users, devices: devices.devices };
  } catch (e) {
    if (e instanceof AdminCallError) throw e;
    if (e instanceof TypeError) throw new AdminCallError('You are offline. The list of held-back changes needs a connection to the server. Try again when you are back online.', true);
    throw new AdminCallError(e instanceof Error ? e.message : 'Something went wrong. Try again in a minute.', false);
  }
};

export default function HeldPage() {
  const [loaded, reload] = useServerData(loadAll, []);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  // The change just dealt with leaves the list, so focus goes to the message saying so.
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);
  const dealtWith = (message: string) => {
    setNotice(message);
    reload();
  };
  return (
    <>
      <PageHeading>Held-back changes</PageHeading>
      <p>
        Changes the server kept but did not apply, usually because the record left the person’s work before their device synced. Newest first. When you have
        dealt with one (made the change yourself, passed it on, or decided it is not needed), mark it as dealt with. This list needs a connection.
      </p>
      <div ref={noticeRef} tabIndex={-1}>
        {notice ? <InlineMessage tone="success">{notice}</InlineMessage> : null}
      </div>
      {loaded.state !== 'ready' ? (
        <ServerState loaded={loaded} onRetry={reload} what="held-back changes" />
      ) : (
        <HeldList held={loaded.data.held} people={loaded.data.people} devices={loaded.data.devices} onDealtWith={dealtWith} />
      )}
    </>
  );
}

function DealtWithControl({ entry, onDone }: { entry: HeldEntry; onDone: (message: string) => void }) {
  const api = useAdminApi();
  const { confirming, open, cancel, startRef, confirmRef } = useConfirmStep();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!confirming) {
    return (
      <Button variant="secondary" ref={startRef} aria-label={`Mark as dealt with: ${entry.what}, by ${entry.who}`} onClick={open}>
        Mark as dealt with
      </Button>
    );
  }
  const confirm = () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    adminApi
      .heldDealtWith(api, entry.id)
      .then(() => onDone(`Marked as dealt with: ${entry.what}, by ${entry.who}. The server keeps the change.`))
      .catch((e: unknown) => setError(e instanceof AdminCallError ? e.message : 'It could not be marked as dealt with. Try again.'))
      .finally(() => setBusy(false));
  };
  return (
    <div className="admin-confirm" role="group" aria-label={`Confirm: ${entry.what} is dealt with`}>
      <p>
        <strong>Have you dealt with this change?</strong> It leaves this list. The server keeps it and records that you marked it.
      </p>
      {error ? <InlineMessage tone="error">{error}</InlineMessage> : null}
      <div className="admin-actions">
        <Button ref={confirmRef} busy={busy} onClick={confirm}>
          Yes, it is dealt with
        </Button>
        <Button variant="secondary" onClick={cancel}>
          Cancel
        </Button>
      </div>
    </div>
  );
}

function HeldList({ held, people, devices, onDealtWith }: { held: HeldRecord[]; people: { id: string; name: string }[]; devices: DeviceRow[]; onDealtWith: (message: string) => void }) {
  const names = new Map(people.map((p) => [p.id, p.name]));
  const deviceNames = new Map(devices.map((d) => [d.id, d.name]));
  const entries = describeHeld(held, names);
  if (entries.length === 0) return <p>No changes are held back.</p>;
  return (
    <ul className="admin-held-list">
      {entries.map((e) => (
        <li key={e.key}>
          <article aria-labelledby={`held-${e.key}`}>
            <h2 id={`held-${e.key}`}>{e.what}</h2>
            <p>
              {e.who}, {formatDateTime(e.at)}, on {deviceNames.get(e.device) ?? e.device}
            </p>
            <p>
              <strong>Why it was held back:</strong> {e.reason}
            </p>
            {e.fields.length > 0 ? (
              <dl>
                {e.fields.map((f) => (
                  <div key={f.label}>
                    <dt>{f.label}</dt>
                    <dd>{f.value}</dd>
                  </div>
                ))}
              </dl>
            ) : null}
            {e.collection === 'clients' ? <Link to={`/clients/${encodeURIComponent(e.documentId)}`}>Open this client</Link> : null}
            <DealtWithControl entry={e} onDone={onDealtWith} />
          </article>
        </li>
      ))}
    </ul>
  );
}
