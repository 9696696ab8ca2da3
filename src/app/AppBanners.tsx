/**
 * Messages about the whole app, above every page: an insecure connection, sync problems a person must
 * act on (sign in again, update, device removed), records the server held back with its reason (C4),
 * risks to unsynced work, and the app update prompt (D4).
 */
import { Link } from 'react-router';
import type { SyncState } from '#sync/status';
import { Banner, countOf } from '../ui/shell';
import { isSecureEnoughForOffline, UpdatePrompt } from './pwa';
import type { OutboxSummary } from './status/outbox';
import type { StorageRisk } from './status/storage-risks';

/** A long list of refused records is not read; the first few show the kind of problem. */
const MAX_REJECTED_SHOWN = 3;

export interface AppBannersProps {
  syncState: SyncState | undefined;
  outbox: OutboxSummary;
  risks: readonly StorageRisk[];
}

export function AppBanners({ syncState, outbox, risks }: AppBannersProps) {
  const readiness = isSecureEnoughForOffline(window.location);
  const rejected = outbox.rejected;
  return (
    <>
      {readiness.ok ? null : (
        <Banner tone="warning" title="Resonance cannot work offline here">
          <p>{readiness.message}</p>
        </Banner>
      )}
      {syncState === 'needs-sign-in' ? (
        <Banner tone="error" title="Your sign-in has expired" announce={false}>
          <p>
            Sign in again to sync. Your work is safe on this device. <Link to="/sign-out">Sign out and sign in again</Link>
          </p>
        </Banner>
      ) : null}
      {syncState === 'device-revoked' ? (
        <Banner tone="error" title="This device has been removed from Resonance" announce={false}>
          <p>A coordinator has removed this device, so it can no longer sync. Speak to your coordinator before you record anything else here.</p>
        </Banner>
      ) : null}
      {syncState === 'update-required' ? (
        <Banner tone="warning" title="Resonance needs updating before it can sync">
          <p>Your work is safe on this device. Update the app when the update message appears, or reload when you have a connection.</p>
        </Banner>
      ) : null}
      {rejected.length > 0 ? (
        <Banner tone="warning" title={`${countOf(rejected.length, 'record was', 'records were')} not accepted by the server`}>
          <p>They have not been lost: the server keeps them for a coordinator to check. Tell your coordinator, or correct the ones still on this device:</p>
          <ul>
            {rejected.slice(0, MAX_REJECTED_SHOWN).map((r) => (
              <li key={`${r.collectionName}:${r.documentId}`}>{r.reason}</li>
            ))}
          </ul>
          <p>
            <Link to="/unsynced">See the {rejected.length === 1 ? 'record' : 'records'} held back and why</Link>
          </p>
        </Banner>
      ) : null}
      {risks.map((risk) => (
        <Banner key={risk.code} tone="warning" title={risk.title}>
          <p>{risk.detail}</p>
        </Banner>
      ))}
      <UpdatePrompt unsyncedCount={outbox.count} />
    </>
  );
}
