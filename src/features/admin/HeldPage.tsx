/**
 * Held-back changes (/admin/held, coordinators): the organisation's writes the server kept but did
 * not apply (sync.md C4: e.g. an offline edit to a case that has since left its author's scope),
 * newest first, with who, when, which device and record, the plain reason and the held fields.
 * Online-only: the list lives on the server (GET /api/sync/v1/held).
 */
import { Link } from 'react-router';
import { PageHeading, formatDateTime } from '../../ui/shell';
import { AdminCallError, adminApi, type DeviceRow } from './api';
import { describeHeld, type HeldRecord } from './heldModel';
import { ServerState } from './ServerState';
import { useServerData } from './useServer';
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
  return (
    <>
      <PageHeading>Held-back changes</PageHeading>
      <p>Changes the server kept but did not apply, usually because the record left the person’s work before their device synced. Newest first. This list needs a connection.</p>
      {loaded.state !== 'ready' ? (
        <ServerState loaded={loaded} onRetry={reload} what="held-back changes" />
      ) : (
        <HeldList held={loaded.data.held} people={loaded.data.people} devices={loaded.data.devices} />
      )}
    </>
  );
}

function HeldList({ held, people, devices }: { held: HeldRecord[]; people: { id: string; name: string }[]; devices: DeviceRow[] }) {
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
          </article>
        </li>
      ))}
    </ul>
  );
}
