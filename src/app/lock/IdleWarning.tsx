/** The warning shown a minute before auto-lock when a form on screen holds unsaved typing. */
import { Banner } from '../../ui/shell';

export function IdleWarning() {
  return (
    <Banner tone="warning" title="Resonance will lock in 1 minute">
      <p>Nobody has used this tablet for a while. You have a form that is not saved: save it now, or tap anywhere to keep working. If it locks, what you typed in that form is lost.</p>
    </Banner>
  );
}
