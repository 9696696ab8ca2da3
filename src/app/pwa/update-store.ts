/**
 * What the page knows about app updates, as a tiny external store for useSyncExternalStore.
 * register.ts writes it from service worker events; UpdatePrompt reads it. No React here.
 *
 * Phases:
 * - 'none': running the newest version we know of.
 * - 'ready': a new version is installed and waiting; the user may apply it (when nothing is at risk).
 * - 'applying': the user pressed "Update now"; we asked the waiting worker to take over and reload once
 *   it does.
 * - 'updated-elsewhere': another window applied the update, so this page now runs old code under the
 *   new worker; it should be reloaded when nothing is at risk, but we still never reload by ourselves.
 */
export type UpdatePhase = 'none' | 'ready' | 'applying' | 'updated-elsewhere';

let phase: UpdatePhase = 'none';
const listeners = new Set<() => void>();

export function getUpdatePhase(): UpdatePhase {
  return phase;
}

export function setUpdatePhase(next: UpdatePhase): void {
  if (next === phase) return;
  phase = next;
  for (const listener of listeners) listener();
}

export function subscribeUpdatePhase(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
