/**
 * Sign out, confirmed on its own page: on a shared tablet a sign-out is cheap to do by accident and
 * costly to undo (signing in again needs a connection). Unsynced records are counted in plain words
 * and are never deleted: they stay in this user's database and sync at their next sign-in.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { useData } from '../features/common/data';
import { Button, buttonClass } from '../ui/form/Button';
import { Banner, PageHeading } from '../ui/shell';
import { signOutOfDevice } from './sign-out';
import { unsyncedSignOutWarning } from './sign-out-warning';
import { useOutboxSummary } from './status/outbox';
import { useOnline } from '../features/common/online';

export default function SignOutPage() {
  const data = useData();
  const outbox = useOutboxSummary(data.db);
  const online = useOnline();
  const [busy, setBusy] = useState(false);

  const onSignOut = () => {
    setBusy(true);
    void signOutOfDevice(data);
  };

  return (
    <>
      <PageHeading caption={data.session.user.name}>Sign out of Resonance</PageHeading>
      {outbox.count > 0 ? <Banner tone="warning" title={unsyncedSignOutWarning(outbox.count)} /> : null}
      {online ? null : (
        <p>
          <strong>You are offline.</strong> To sign in again on this device you will need a connection.
        </p>
      )}
      <p>Signing out does not delete anything from this device. The next person to sign in cannot see your records.</p>
      <p>To open Resonance again on this tablet you will need to sign in with your email and password. To step away for a while, use Lock instead: your PIN opens it again.</p>
      <div className="rs-button-row">
        <Button variant="warning" busy={busy} onClick={onSignOut}>
          {busy ? 'Signing out…' : 'Sign out'}
        </Button>
        <Link to="/" className={buttonClass('secondary')}>
          Stay signed in
        </Link>
      </div>
    </>
  );
}
