/**
 * Devices (/admin/devices, coordinators): each device with its user, app version, last sync and
 * unsynced backlog; revoking one (after a confirm step) signs it out and makes it wipe its local
 * data on next contact (A4). Also the organisation's idle-lock setting. Online-only.
 */
import { useState } from 'react';
import { ROLE_LABELS } from '#shared/domain/roles';
import { Button, InlineMessage } from '../../ui/form';
import { PageHeading, Tag, formatAgo } from '../../ui/shell';
import { AdminCallError, adminApi, type DeviceRow } from './api';
import { IdleLockSetting } from './IdleLockSetting';
import { ServerState } from './ServerState';
import { useAdminApi, useServerData } from './useServer';
import { useConfirmStep } from './useConfirmStep';
import { backlogText } from './vocabulary';
import './admin.css';

const loadAll = async (api: Parameters<typeof adminApi.devices>[0]) => {
  const [devices, settings] = await Promise.all([adminApi.devices(api), adminApi.settings(api)]);
  return { devices: devices.devices, settings };
};

function RevokeCell({ device, onRevoked }: { device: DeviceRow; onRevoked: (message: string) => void }) {
  const api = useAdminApi();
  const { confirming, open, cancel, startRef, confirmRef } = useConfirmStep();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (device.revoked) return <Tag tone="muted">Revoked</Tag>;
  if (device.current) return <span>This device</span>;
  const label = `${device.name} (${device.userName})`;
  if (!confirming) {
    return (
      <Button variant="warning" ref={startRef} aria-label={`Revoke ${label}`} onClick={open}>
        Revoke
      </Button>
    );
  }
  const revoke = () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    adminApi
      .revokeDevice(api, device.id)
      .then(() => onRevoked(`Revoked ${label}. It is signed out now and wipes its local data the next time it connects.`))
      .catch((e: unknown) => setError(e instanceof AdminCallError ? e.message : 'The device could not be revoked. Try again.'))
      .finally(() => setBusy(false));
  };
  return (
    <div className="admin-confirm" role="group" aria-label={`Confirm revoking ${label}`}>
      <p>
        <strong>Revoke {label}?</strong> It wipes its local data the next time it connects; unsynced work on it is lost.
      </p>
      {error ? <InlineMessage tone="error">{error}</InlineMessage> : null}
      <div className="admin-actions">
        <Button ref={confirmRef} variant="warning" busy={busy} onClick={revoke}>
          Yes, revoke this device
        </Button>
        <Button variant="secondary" onClick={cancel}>
          Cancel
        </Button>
      </div>
    </div>
  );
}

export default function DevicesPage() {
  const [loaded, reload] = useServerData(loadAll, []);
  const [notice, setNotice] = useState<string | null>(null);
  const [now] = useState(() => Date.now());
  return (
    <>
      <PageHeading>Devices</PageHeading>
      <p>Every tablet and kiosk that has signed in, newest last. Revoke a lost or stolen one.</p>
      {notice ? <InlineMessage tone="success">{notice}</InlineMessage> : null}
      {loaded.state !== 'ready' ? (
        <ServerState loaded={loaded} onRetry={reload} what="devices" />
      ) : (
        <>
          <div className="admin-table-wrap">
            <table className="admin-table">
              <caption className="rs-visually-hidden">Devices</caption>
              <thead>
                <tr>
                  <th scope="col">Device</th>
                  <th scope="col">Used by</th>
                  <th scope="col">App version</th>
                  <th scope="col">Last sync</th>
                  <th scope="col">Unsynced</th>
                  <th scope="col">Revoke</th>
                </tr>
              </thead>
              <tbody>
                {loaded.data.devices.map((d) => (
                  <tr key={d.id}>
                    <th scope="row">{d.name}</th>
                    <td>
                      {d.userName}
                      {d.role ? ` (${ROLE_LABELS[d.role]})` : ''}
                    </td>
                    <td>{d.appVersion ?? 'Not reported'}</td>
                    <td>{d.lastSyncAt ? formatAgo(d.lastSyncAt, now) : 'Never'}</td>
                    <td>{backlogText(d.unsyncedBacklog)}</td>
                    <td>
                      <RevokeCell
                        device={d}
                        onRevoked={(message) => {
                          setNotice(message);
                          reload();
                        }}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <IdleLockSetting minutes={loaded.data.settings.idleLockMinutes} />
        </>
      )}
    </>
  );
}
