/**
 * A held-back change's removal pulled while its push is still unanswered (sync.md C4 with A3). A
 * visit recorded offline on a case that was reassigned meanwhile is pushed when the connection comes
 * back; the server keeps it for a coordinator and owes the device the visit's removal. When the
 * connection returns, RxDB retries the push and a pull at the same moment, so the pull can carry that
 * removal before the push's answer arrives. RxDB skips a pulled state while the document's push is
 * unanswered, and the checkpoint's `q` would move past the removal: the visit, out of its author's
 * scope, would stay on the device for good. CI's held-author browser test failed this way.
 *
 * The device runs in this process (real RxDB on fake-indexeddb, the app's sync engine) behind a fetch
 * that lets a visits pull reach the server only after the push has committed, and holds the push's
 * answer until that pull's answer has been handled, so the order is the same on every run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResonanceDatabase } from '#db/database';
import { outboxId } from '#db/outbox';
import { createDoc } from '#db/writes';
import { DEMO_SIGN_INS } from '#shared/demo/organisation';
import { NOT_ON_CASE } from '#shared/domain/held';
import { newId } from '#shared/lib/ids';
import type { EngineController } from '#sync/engine';
import { ownCaseOf } from '../../support/demo-cases';
import { eventually } from '../../support/device/index';
import type { RunningServer } from '../../../sync-server/main';
import { adapters } from '../server/support/adapters';
import { login, pullAll } from '../server/support/harness';
import { edit, update } from '../server/support/docs';
import { startInProcessDevice, type InProcessDevice } from './in-process-device';

const SAM = 'u_worker_sam';
const AISHA = 'u_worker_aisha';


describe.each(adapters())('a held-back change whose removal is pulled before the push is answered, on $name', (adapter) => {
  let device: InProcessDevice;
  let server: RunningServer;
  let db: ResonanceDatabase;
  let sync: EngineController;
  const target = ownCaseOf(SAM);
  /** The visit whose push is staged; what the fake network did. */
  let visitId: string | null = null;
  const seen = { pullsHeld: 0, removalsBeforeAnswer: 0, pushesHeld: 0, answersReleased: 0 };
  let committed: () => void = () => undefined;
  const committedP = new Promise<void>((resolve) => (committed = resolve));
  let pullHandled: () => void = () => undefined;
  const pullHandledP = new Promise<void>((resolve) => (pullHandled = resolve));
  let pullHeld: () => void = () => undefined;
  const pullHeldP = new Promise<void>((resolve) => (pullHeld = resolve));

  const visitsRoute = (url: string, route: 'push' | 'pull') => url.includes('/api/sync/v1/visits/') && url.includes(`/${route}`);
  const staged = () => visitId !== null && seen.pushesHeld === 0;

  const deviceFetch: typeof fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (staged() && seen.pullsHeld === 0 && visitsRoute(url, 'pull')) {
      // The pull that went out with the push reaches the server just after the push committed.
      seen.pullsHeld++;
      pullHeld();
      await committedP;
      const answer = await fetch(input, init);
      const page = (await answer.clone().json()) as { documents: { id: string; _deleted?: boolean }[] };
      if (page.documents.some((d) => d.id === visitId && d._deleted === true)) seen.removalsBeforeAnswer++;
      // The device handles the page (its outbox marks the change held) before the push's answer lands.
      void eventually('the pulled removal to reach the outbox', async () => (await db.outbox.findOne(outboxId('visits', visitId ?? '')).exec())?.rejectedReason === NOT_ON_CASE, 10_000)
        .then(() => new Promise((resolve) => setTimeout(resolve, 200)))
        .then(pullHandled, pullHandled);
      return answer;
    }
    if (staged() && visitsRoute(url, 'push') && typeof init?.body === 'string' && visitId !== null && init.body.includes(visitId)) {
      const answer = await fetch(input, init);
      const body = await answer.text();
      seen.pushesHeld++;
      committed();
      await pullHandledP;
      seen.answersReleased++;
      return new Response(body, { status: answer.status, headers: answer.headers });
    }
    return fetch(input, init);
  };

  /** The coordinator reassigns the case over HTTP, as their app would. */
  async function reassign(caseId: string, to: string): Promise<void> {
    const coord = await login(server.url, DEMO_SIGN_INS.coordinator.email, DEMO_SIGN_INS.coordinator.password);
    const before = (await pullAll(coord, 'cases', 1000)).find((c) => c.id === caseId);
    if (!before) throw new Error(`the coordinator cannot see case ${caseId}`);
    const res = await coord.push('cases', [update(before, edit(before, { assignedTo: [to] }))]);
    expect(await res.json()).toEqual([]);
    expect(res.headers.get('x-resonance-quarantined')).toBe('0');
  }

  beforeAll(async () => {
    device = await startInProcessDevice(adapter, 'held-removal', deviceFetch);
    ({ server, db, sync } = device);
  });
  afterAll(() => device.close());

  it('[C4][A3][D3] the visit still leaves the device, its notice stays, and the server keeps it', async () => {
    expect(await db.cases.findOne(target.caseId).exec(), 'the case starts on the device').not.toBeNull();
    await reassign(target.caseId, AISHA);
    // A visits pull is on its way (held by the network) when the visit is written and pushed, so both
    // are in flight together, as when a tablet's connection comes back.
    visitId = newId();
    sync.syncNow();
    await pullHeldP;
    const notes = `Recorded before hearing of the reassignment ${visitId}`;
    await createDoc(db, 'visits', { id: visitId, caseId: target.caseId, clientId: target.clientId, by: SAM, at: new Date().toISOString(), kind: 'phone', notes });

    await eventually('the push to be answered', () => Promise.resolve(seen.answersReleased === 1), 15_000);
    expect(seen.removalsBeforeAnswer, "a pull carried the visit's removal before the push was answered").toBe(1);

    await eventually('the visit to leave the device', async () => (await db.visits.findOne(visitId ?? '').exec()) === null, 15_000);
    const row = await db.outbox.findOne(outboxId('visits', visitId)).exec();
    expect(row?.rejectedReason, 'the author still sees the change was held back').toBe(NOT_ON_CASE);
    const raw = await db.visits.storageInstance.findDocumentsById([visitId], true);
    expect(JSON.stringify(raw), 'none of the visit stays on the device').not.toContain(notes);
    expect(await db.conflicts.find().exec(), 'a held-back change is not a conflict').toHaveLength(0);

    const coord = await login(server.url, DEMO_SIGN_INS.coordinator.email, DEMO_SIGN_INS.coordinator.password);
    const held = (await (await fetch(`${server.url}/api/sync/v1/held`, { headers: { authorization: `Bearer ${coord.token}` } })).json()) as unknown;
    expect(JSON.stringify(held), 'the server keeps the visit for a coordinator').toContain(notes);
  });
});
