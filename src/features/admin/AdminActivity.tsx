/**
 * The newest management actions (from /api/admin/audit, the append-only admin_audit table): who
 * added, changed, switched off or revoked what, and when. Shown on People and teams.
 */
import { formatDateTime } from '../../ui/shell';
import { adminApi } from './api';
import { ServerState } from './ServerState';
import { useServerData } from './useServer';
import { describeAdminAction } from './vocabulary';

/** Enough to see today's changes at a glance; the server keeps them all. */
const SHOWN = 20;

export function AdminActivity({ round }: { round: number }) {
  const [loaded, reload] = useServerData(adminApi.adminActions, [round]);
  return (
    <section className="admin-section" aria-labelledby="activity-heading">
      <h2 id="activity-heading">Recent management changes</h2>
      {loaded.state !== 'ready' ? (
        <ServerState loaded={loaded} onRetry={reload} what="recent changes" />
      ) : loaded.data.entries.length === 0 ? (
        <p>No changes yet.</p>
      ) : (
        <div className="admin-table-wrap">
          <table className="admin-table">
            <caption className="rs-visually-hidden">Recent management changes</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
              </tr>
            </thead>
            <tbody>
              {loaded.data.entries.slice(0, SHOWN).map((e, i) => (
                <tr key={`${e.at}:${e.action}:${e.targetId}:${i}`}>
                  <td>{formatDateTime(e.at)}</td>
                  <td>{e.actorName}</td>
                  <td>{describeAdminAction(e.action, e.targetId, e.detail)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
