/**
 * A client's audit trail (/clients/:clientId/audit, coordinators): every write the server accepted
 * (or held back) for the client and the records of their cases: what, who, when and from which
 * device, newest first. Read from the server's append-only audit; online-only.
 */
import { Link, useParams } from 'react-router';
import { map } from 'rxjs';
import { PageHeading, formatDateTime } from '../../ui/shell';
import { useData, useObservable } from '../common/data';
import { adminApi } from './api';
import { ServerState } from './ServerState';
import { useServerData } from './useServer';
import { describeWrite } from './vocabulary';
import './admin.css';

export default function ClientAuditPage() {
  const { clientId = '' } = useParams();
  const { db } = useData();
  const name = useObservable(() => db.clients.findOne(clientId).$.pipe(map((doc) => doc?.name ?? null)), [db, clientId]);
  const [loaded, reload] = useServerData((api) => adminApi.clientAudit(api, clientId), [clientId]);
  const back = `/clients/${encodeURIComponent(clientId)}`;
  return (
    <>
      <PageHeading caption={name ?? 'Client'}>Audit trail</PageHeading>
      <p>Who changed this client’s records, when and from which device, newest first. It covers the client’s details and everything on their cases.</p>
      {loaded.state !== 'ready' ? (
        <ServerState loaded={loaded} onRetry={reload} what="the audit trail" />
      ) : loaded.data.entries.length === 0 ? (
        <p>No changes are recorded yet.</p>
      ) : (
        <>
          {loaded.data.truncated ? <p>Showing the newest {loaded.data.entries.length} changes.</p> : null}
          <div className="admin-table-wrap">
            <table className="admin-table">
              <caption className="rs-visually-hidden">Audit trail</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">What</th>
                  <th scope="col">Who</th>
                  <th scope="col">Device</th>
                </tr>
              </thead>
              <tbody>
                {loaded.data.entries.map((e) => (
                  <tr key={`${e.documentId}:${e.writeId}:${e.action}:${e.at}`}>
                    <td>{formatDateTime(e.at)}</td>
                    <td>{describeWrite(e.collection, e.action)}</td>
                    <td>{e.userName}</td>
                    <td>{e.deviceName ?? 'Not recorded'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <p>
        <Link to={back}>Back to the client</Link>
      </p>
    </>
  );
}
