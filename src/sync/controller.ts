/**
 * What the app shell gets back from starting sync. The implementation lives in engine.ts.
 */
import type { Observable } from 'rxjs';
import type { SyncStatus } from './status';

export interface SyncController {
  /** Current sync state in plain words (D5); emits on every change. */
  readonly status$: Observable<SyncStatus>;
  /** Ask for a sync round now (after a local write, on `online`, on visibility). Debounced. */
  syncNow(): void;
  /** Stop replication and the live stream (sign-out, user switch). Local data is kept. */
  stop(): Promise<void>;
}
