/**
 * Messages between a test and a simulated device running in its own worker thread. Each device
 * needs its own JavaScript context: RxDB's free build allows at most 13 open collections per
 * context and one device opens 7, so two devices cannot share a thread.
 */
import type { CollectionName } from '#shared/schemas/index';

export type Doc = Record<string, unknown> & { id: string };

export type DeviceOp =
  | { op: 'signIn'; email: string; password: string }
  | { op: 'create'; collection: CollectionName; fields: Record<string, unknown> }
  | { op: 'update'; collection: CollectionName; id: string; patch: Record<string, unknown> }
  | { op: 'remove'; collection: CollectionName; id: string }
  | { op: 'find'; collection: CollectionName }
  | { op: 'get'; collection: CollectionName; id: string }
  | { op: 'raw'; collection: CollectionName; id: string }
  | { op: 'outbox' }
  | { op: 'setOffline'; offline: boolean }
  | { op: 'offlineAttempts' }
  | { op: 'syncNow' }
  | { op: 'awaitInSync' }
  | { op: 'status' }
  | { op: 'firstUpToDate' }
  | { op: 'close' };

export type DeviceRequest = DeviceOp & { seq: number };
export type DeviceReply = { seq: number; ok: true; value: unknown } | { seq: number; ok: false; error: string };

export interface DeviceInit {
  serverUrl: string;
  name: string;
}
