/**
 * What an online-only screen shows while its data is loading or could not be loaded: a plain
 * "you are offline" explanation (these screens keep nothing on the device) or the server's reason,
 * with a Try again button.
 */
import { Button, InlineMessage } from '../../ui/form';
import type { Loaded } from './useServer';

export function ServerState({ loaded, onRetry, what }: { loaded: Exclude<Loaded<unknown>, { state: 'ready' }>; onRetry: () => void; what: string }) {
  if (loaded.state === 'loading') return <p role="status">Loading {what} from the server…</p>;
  return (
    <div className="admin-state">
      <InlineMessage tone={loaded.offline ? 'info' : 'error'}>
        {loaded.offline ? <strong>This page needs a connection. </strong> : null}
        {loaded.message}
      </InlineMessage>
      <Button variant="secondary" onClick={onRetry}>
        Try again
      </Button>
    </div>
  );
}
