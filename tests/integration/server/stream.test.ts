/**
 * The live stream (sync.md L1, L2, A1): hello on connect, a poke per collection with changes in the
 * caller's scope and none for changes outside it, heartbeats, and fan-out across instances on PG.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../sync-server/main';
import { adapters } from './support/adapters';
import { addUser, login, startHarness, testConfig, type Client, type Harness } from './support/harness';
import { caseDoc, create, taskDoc, type Doc } from './support/docs';
import { isPoke, openStream, type OpenStream } from './support/sse';

describe.each(adapters())('live stream ($name)', (adapter) => {
  let h: Harness;
  let coord: Client;
  let sam: Client;
  let samId: string;
  let samsCase: Doc;
  let otherCase: Doc;
  let stream: OpenStream;

  beforeAll(async () => {
    h = await startHarness(adapter, { heartbeatMs: 250 });
    await h.server.store.createTeam('North', 'north');
    await addUser(h.server, { email: 'coord@example.org', role: 'coordinator', teamIds: ['north'] });
    samId = (await addUser(h.server, { email: 'sam@example.org', role: 'worker', teamIds: ['north'] })).id;
    [coord, sam] = await Promise.all([login(h.url, 'coord@example.org'), login(h.url, 'sam@example.org')]);
    samsCase = caseDoc({ teamId: 'north', assignedTo: [samId] });
    otherCase = caseDoc({ teamId: 'north', assignedTo: ['someone-else'] });
    await coord.push('cases', [create(samsCase), create(otherCase)]);
    stream = await openStream(h.url, sam.token);
  });

  afterAll(async () => {
    stream.close();
    await h.close();
  });

  it('[L1] answers text/event-stream and says hello on connect', async () => {
    expect(stream.status).toBe(200);
    const hello = await stream.next((e) => e.event === 'hello', 2000, 0);
    expect(hello.data).toMatchObject({ protocol: 'v1', heartbeatMs: 250 });
  });

  it('[L1] a change in scope pokes the collection by name', async () => {
    const poked = stream.next(isPoke('tasks'));
    await coord.push('tasks', [create(taskDoc({ caseId: samsCase.id, assignedTo: samId }))]);
    expect((await poked).data).toEqual({ collection: 'tasks' });
  });

  it('[A1] a change outside the caller\'s scope does not poke them', async () => {
    const from = stream.events.length;
    await coord.push('tasks', [create(taskDoc({ caseId: otherCase.id }))]);
    // Then a change they can see, on another collection: its poke must be the first one after `from`.
    const poked = stream.next((e) => e.event === 'message', 3000, from);
    await coord.push('cases', [create(caseDoc({ teamId: 'north', assignedTo: [samId] }))]);
    expect((await poked).data).toEqual({ collection: 'cases' });
  });

  it('[L1] sends a heartbeat comment on its interval', async () => {
    const beat = await stream.next((e) => e.comment === 'heartbeat', 2000);
    expect(beat.event).toBe('comment');
  });
});

const pg = adapters().filter((a) => a.name === 'postgres');

describe.each(pg)('live stream across instances ($name)', (adapter) => {
  let a: Harness & { storage: Parameters<typeof testConfig>[0] };
  let b: RunningServer;

  beforeAll(async () => {
    a = await startHarness(adapter);
    b = await startServer(testConfig(a.storage));
    await addUser(a.server, { email: 'coord@example.org', role: 'coordinator' });
  });

  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('[L2] a write through one instance pokes the subscribers of another', async () => {
    const viaA = await login(a.url, 'coord@example.org');
    const viaB = await login(b.url, 'coord@example.org');
    const stream = await openStream(b.url, viaB.token);
    await stream.next((e) => e.event === 'hello', 2000, 0);
    const poked = stream.next(isPoke('tasks'), 5000);
    await viaA.push('tasks', [create(taskDoc({}))]);
    expect((await poked).data).toEqual({ collection: 'tasks' });
    stream.close();
  });
});
