/**
 * Test-side handle on a simulated device (see worker.ts). Every call is a message to the device's
 * worker thread; failures inside the device come back as rejected promises with its message.
 */
import { Worker } from 'node:worker_threads';
import type { SessionUser } from '#shared/domain/roles';
import type { CollectionName } from '#shared/schemas/index';
import type { SyncStatus } from '#sync/status';
import type { Doc, DeviceOp, DeviceReply, DeviceInit } from './protocol';

export type { Doc } from './protocol';

export class Device {
  private seq = 0;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly worker: Worker;

  constructor(readonly name: string, serverUrl: string) {
    const data: DeviceInit = { serverUrl, name };
    this.worker = new Worker(new URL('./entry.mjs', import.meta.url), { workerData: data });
    this.worker.on('message', (reply: DeviceReply) => {
      const p = this.pending.get(reply.seq);
      if (!p) return;
      this.pending.delete(reply.seq);
      if (reply.ok) p.resolve(reply.value);
      else p.reject(new Error(`[${name}] ${reply.error}`));
    });
    const fail = (e: Error) => {
      this.dead = e;
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`[${name}] worker exited with code ${code}`)));
  }

  private dead: Error | null = null;

  private call<T>(op: DeviceOp): Promise<T> {
    if (this.dead) return Promise.reject(this.dead);
    const seq = ++this.seq;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(seq, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ ...op, seq });
    });
  }

  private user: SessionUser | null = null;

  async signIn(email: string, password: string): Promise<SessionUser> {
    this.user = await this.call<SessionUser>({ op: 'signIn', email, password });
    return this.user;
  }

  /** The signed-in user's id; throws before sign-in. */
  get userId(): string {
    if (!this.user) throw new Error(`${this.name} is not signed in`);
    return this.user.id;
  }
  create(collection: CollectionName, fields: Record<string, unknown>): Promise<Doc> {
    return this.call({ op: 'create', collection, fields });
  }
  update(collection: CollectionName, id: string, patch: Record<string, unknown>): Promise<Doc> {
    return this.call({ op: 'update', collection, id, patch });
  }
  remove(collection: CollectionName, id: string): Promise<void> {
    return this.call({ op: 'remove', collection, id });
  }
  find(collection: CollectionName): Promise<Doc[]> {
    return this.call({ op: 'find', collection });
  }
  get(collection: CollectionName, id: string): Promise<Doc | null> {
    return this.call({ op: 'get', collection, id });
  }
  /** The stored row for `id` as the storage holds it, deleted rows included (null when none). */
  raw(collection: CollectionName, id: string): Promise<Doc | null> {
    return this.call({ op: 'raw', collection, id });
  }
  outbox(): Promise<Doc[]> {
    return this.call({ op: 'outbox' });
  }
  setOffline(offline: boolean): Promise<void> {
    return this.call({ op: 'setOffline', offline });
  }
  /** How many requests the device has tried to make while offline (each one failed at once). */
  offlineAttempts(): Promise<number> {
    return this.call({ op: 'offlineAttempts' });
  }
  syncNow(): Promise<void> {
    return this.call({ op: 'syncNow' });
  }
  awaitInSync(): Promise<void> {
    return this.call({ op: 'awaitInSync' });
  }
  status(): Promise<SyncStatus | null> {
    return this.call({ op: 'status' });
  }
  /** How many clients the device held when it first said "Up to date"; null if it never has. */
  firstUpToDate(): Promise<{ clients: number } | null> {
    return this.call({ op: 'firstUpToDate' });
  }
  async close(): Promise<void> {
    try {
      if (!this.dead) await this.call({ op: 'close' });
    } finally {
      await this.worker.terminate();
    }
  }
}

/** Polls `check` until it returns true or the time runs out; the failure names what was awaited. */
export async function eventually(what: string, check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Timed out after ${timeoutMs} ms waiting for: ${what}`);
}
