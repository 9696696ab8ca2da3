/**
 * The "new version ready" banner (sync.md D4, D5). Polite: it announces itself through a live region
 * and never takes focus. It holds the update while a form is half-filled or records are unsynced,
 * and says why in plain words; the page reloads only after the user presses the button.
 *
 * The app shell renders `<UpdatePrompt unsyncedCount={n} />` once in the layout and calls
 * registerServiceWorker() from main.tsx; forms report their state through src/shared/lib/dirty-forms.
 */
import { useId, useSyncExternalStore } from 'react';
import { hasDirtyForms, onDirtyFormsChange } from '#shared/lib/dirty-forms';
import { applyUpdate } from './register';
import { getUpdatePhase, subscribeUpdatePhase } from './update-store';
import { updateHoldReasons } from './update-hold';
import './update-prompt.css';

export interface UpdatePromptProps {
  /** Local writes the sync server has not acknowledged yet; the update waits until this is 0. */
  unsyncedCount: number;
}

export function UpdatePrompt({ unsyncedCount }: UpdatePromptProps) {
  const phase = useSyncExternalStore(subscribeUpdatePhase, getUpdatePhase);
  const dirty = useSyncExternalStore(onDirtyFormsChange, hasDirtyForms);
  const reasonsId = useId();
  const reasons = updateHoldReasons({ hasDirtyForms: dirty, unsyncedCount });
  const held = reasons.length > 0;
  const applying = phase === 'applying';

  const onUpdate = (): void => {
    // Read the form state again at the moment of the click, not the last render.
    if (applying || updateHoldReasons({ hasDirtyForms: hasDirtyForms(), unsyncedCount }).length > 0) return;
    applyUpdate();
  };

  // The live region is always in the page, empty when there is nothing to say: screen readers only
  // announce changes inside a region that already existed.
  return (
    <div className="update-prompt" role="status" aria-live="polite" data-phase={phase}>
      {phase !== 'none' && (
        <div className="update-prompt__body">
          <p className="update-prompt__title">
            {phase === 'updated-elsewhere'
              ? 'Resonance was updated in another window. Reload this one to use the new version.'
              : 'A new version of Resonance is ready.'}
          </p>
          {held ? (
            <ul className="update-prompt__reasons" id={reasonsId}>
              {reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          ) : (
            <p className="update-prompt__hint">
              Updating takes a few seconds. Everything you have saved stays on this device.
            </p>
          )}
          {/* aria-disabled rather than disabled: the button stays focusable, so someone using a screen
              reader finds it and hears why it is waiting. */}
          <button
            type="button"
            className="update-prompt__button"
            aria-disabled={held || applying}
            aria-describedby={held ? reasonsId : undefined}
            onClick={onUpdate}
          >
            {applying ? 'Updating…' : phase === 'updated-elsewhere' ? 'Reload now' : 'Update now'}
          </button>
        </div>
      )}
    </div>
  );
}
