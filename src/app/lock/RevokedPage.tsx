/**
 * Shown once after a revocation wipe (A4): why this tablet's copy of someone's records was removed,
 * and what to do next. Plain words; nothing else is reachable until they tap "I understand".
 * Loaded only when needed (Root.tsx), like the sign-in pages: it is rarely shown.
 */
import { Button } from '../../ui/form/Button';
import { FullPageMessage } from '../../ui/shell';
import { dismissRevokedNotice } from './wipe';

export default function RevokedPage({ name }: { name: string | null }) {
  return (
    <FullPageMessage title="A coordinator has switched off this tablet">
      <p>
        {name ? `${name}'s` : 'The'} records have been removed from this tablet, because a coordinator revoked its access to Resonance (for example, because it
        was reported lost or is no longer used by your team).
      </p>
      <p>Records that had already synced are safe on the Resonance server. Nothing else on this tablet has been changed.</p>
      <p>If you think this is a mistake, or you need to use this tablet again, ask your coordinator. They can let you sign in on it again.</p>
      <Button
        onClick={() => {
          dismissRevokedNotice();
          window.location.replace('/');
        }}
      >
        I understand
      </Button>
    </FullPageMessage>
  );
}
