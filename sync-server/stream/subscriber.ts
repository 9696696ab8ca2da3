/**
 * One device's live stream (L1): decides which committed changes concern the caller and turns them
 * into pokes `{"collection": …}`, sends heartbeats, and re-checks the token so a revoked token or
 * device ends the stream (A4). It never sends documents: the device pulls, so the stream can never
 * move a checkpoint past data the device has not stored.
 *
 * A change pokes a caller only if at least one changed document is one they may read (A1), with their
 * scope reloaded after any case changes (a newly shared case widens it). A change to a case that was
 * or is in scope pokes every collection, since a scope change moves documents of all of them (A3).
 *
 * Revocation (A4): besides every heartbeat, the stream re-checks its token whenever the store reports
 * an access change (a token, device or user revoked, a role or team changed, by any instance or the
 * admin CLI), so a revoked device's stream ends within about a second, with an `error` event carrying
 * the same code as HTTP would (`device-revoked` and `user-revoked` with `details.wipe`). A re-check
 * that succeeds refreshes the caller's role and teams, so a changed role or team narrows pokes at once.
 */
import { COLLECTION_NAMES, type CollectionName } from '#shared/schemas/index';
import { canRead, readsNothing, type AccessContext } from '../access/index';
import type { AccessUser } from '../access/index';
import type { AuthService, Session } from '../auth/service';
import { ApiError } from '../http/errors';
import { loadScope } from '../replication/service';
import type { Change, Store } from '../storage/types';

export interface SubscriberOptions {
  store: Store;
  auth: AuthService;
  session: Session;
  token: string;
  heartbeatMs: number;
  send(text: string): void;
  end(): void;
}

const EMPTY_CONTEXT: AccessContext = { scope: { caseIds: new Set(), clientIds: new Set() }, existingCaseIds: new Set() };

export function sseEvent(data: unknown, event?: string): string {
  return `${event ? `event: ${event}\n` : ''}data: ${JSON.stringify(data)}\n\n`;
}

function toAccessUser(session: Session): AccessUser {
  return { id: session.user.id, role: session.user.role, teamIds: [...session.user.teamIds] };
}

export class Subscriber {
  private ctx: AccessContext | null = null;
  private queue: Promise<void> = Promise.resolve();
  private readonly timer: NodeJS.Timeout;
  private readonly unsubscribeChanges: () => void;
  private readonly unsubscribeAccess: () => void;
  private closed = false;
  private user: AccessUser;

  constructor(private readonly options: SubscriberOptions) {
    this.user = toAccessUser(options.session);
    this.unsubscribeChanges = options.store.onChange((change) => {
      this.enqueue(() => this.handle(change));
    });
    this.unsubscribeAccess = options.store.onAccessChange(() => {
      this.recheck();
    });
    this.timer = setInterval(() => {
      this.heartbeat();
    }, options.heartbeatMs);
    options.send(sseEvent({ protocol: 'v1', heartbeatMs: options.heartbeatMs }, 'hello'));
    // The scope at connect: a later case change is compared with it to see what moved (A3).
    if (this.user.role === 'worker' || this.user.role === 'helper') this.enqueue(async () => {
      await this.context();
    });
  }

  private enqueue(task: () => Promise<void>): void {
    this.queue = this.queue.then(task).catch(() => {
      // A failed scope load must not stop later pokes; the device re-pulls on its safety timer anyway.
    });
  }

  /** The caller's scope as of the last case change this stream handled (loaded at connect). */
  private async context(): Promise<AccessContext> {
    this.ctx ??= { scope: await loadScope(this.options.store, this.user), existingCaseIds: new Set() };
    return this.ctx;
  }

  private async handle(change: Change): Promise<void> {
    if (this.closed) return;
    const { user } = this;
    if (change.lost) return this.poke(change.collection);
    if (readsNothing(user)) return;
    if (user.role === 'coordinator') {
      if (change.docs.some((doc) => canRead(user, change.collection, doc.data, EMPTY_CONTEXT))) this.poke(change.collection);
      return;
    }
    const before = await this.context();
    if (change.collection === 'cases') {
      // A case that enters or leaves the scope moves its client, visits, tasks and feedback too (A3):
      // poke every collection so the device pulls its catch-up or removals now, not at its next timer.
      // A case edited while staying in scope pokes only `cases`.
      this.ctx = null;
      const after = await this.context();
      const moved = change.docs.some((doc) => before.scope.caseIds.has(doc.id) !== after.scope.caseIds.has(doc.id));
      if (moved) for (const collection of ['cases' as const, ...COLLECTION_NAMES.filter((c) => c !== 'cases')]) this.poke(collection);
      else if (change.docs.some((doc) => after.scope.caseIds.has(doc.id))) this.poke('cases');
      return;
    }
    if (change.docs.some((doc) => canRead(user, change.collection, doc.data, before))) this.poke(change.collection);
  }

  private poke(collection: CollectionName): void {
    if (!this.closed) this.options.send(sseEvent({ collection }));
  }

  private heartbeat(): void {
    if (this.closed) return;
    this.options.send(': heartbeat\n\n');
    this.recheck();
  }

  /** Re-validates the token; on failure tells the device why (same envelope as HTTP) and ends. */
  recheck(): void {
    this.enqueue(async () => {
      try {
        const session = await this.options.auth.authenticate(this.options.token);
        const next = toAccessUser(session);
        if (next.role !== this.user.role || next.teamIds.join() !== this.user.teamIds.join()) {
          // A new role or team changes what the device may hold (A3): it pulls its catch-up now.
          this.user = next;
          this.ctx = null;
          for (const collection of COLLECTION_NAMES) this.poke(collection);
        }
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        this.close(sseEvent({ error: { code: error.code, message: error.message, details: error.details } }, 'error'));
      }
    });
  }

  /** Ends the stream, optionally with a last event; idempotent. */
  close(lastEvent?: string): void {
    if (this.closed) return;
    if (lastEvent) this.options.send(lastEvent);
    this.closed = true;
    clearInterval(this.timer);
    this.unsubscribeChanges();
    this.unsubscribeAccess();
    this.options.end();
  }

  /** The device went away: release everything without writing. */
  detach(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    this.unsubscribeChanges();
    this.unsubscribeAccess();
  }
}
