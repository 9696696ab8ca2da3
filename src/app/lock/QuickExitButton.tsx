/**
 * The quick exit control for screens outside the signed-in header (sign-in, PIN): one tap leaves to a
 * neutral page and locks the app (src/app/lock/actions.ts). The header has the same control.
 */
import { quickExit } from './actions';

export function QuickExitButton() {
  return (
    <button type="button" className="rs-quick-exit" onClick={quickExit}>
      Quick exit
    </button>
  );
}
