/**
 * The server's life: first start seeds the demo organisation (once), and a graceful close lets an
 * in-flight push finish and says goodbye on live streams before the store closes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SIGN_INS } from '#shared/demo/index';
import { startServer } from '../../../sync-server/main';
import { openStore } from '../../../sync-server/storage/open';
import { adapters } from './support/adapters';
import { addUser, login, pullAll, startHarness, testConfig } from './support/harness';
import { create, taskDoc } from './support/docs';
import { openStream } from './support/sse';

describe.each(adapters())('lifecycle ($name)', (adapter) => {
  let cleanup: () => Promise<void>;
  let storage: Parameters<typeof testConfig>[0];

  beforeAll(async () => {
    const fresh = await adapter.fresh();
    cleanup = fresh.cleanup;
    storage = { dataDir: fresh.storage.dataDir, databaseUrl: fresh.storage.databaseUrl, ...(fresh.storage.pgSchema ? { pgSchema: fresh.storage.pgSchema } : {}) };
  });

  afterAll(async () => {
    await cleanup();
  });

  it('first start on an empty store seeds the demo organisation, and only the first', async () => {
    const first = await startServer(testConfig(storage, { seedDemo: true }));
    const users = await first.store.countUsers();
    const docs = await first.store.countDocuments();
    expect(users).toBeGreaterThan(3);
    expect(docs).toBeGreaterThan(100);
    const worker = await login(first.url, DEMO_SIGN_INS.worker.email, DEMO_SIGN_INS.worker.password);
    const cases = await pullAll(worker, 'cases', 1000);
    expect(cases.length).toBeGreaterThan(0);
    const me = (await (await worker.get('/api/me')).json()) as { user: { id: string; teams: { id: string }[] } };
    const teamIds = me.user.teams.map((t) => t.id);
    for (const c of cases) {
      expect((c.assignedTo as string[]).includes(me.user.id) || (c.sharedWithTeam === true && teamIds.includes(String(c.teamId)))).toBe(true);
    }
    await first.close();
    const second = await startServer(testConfig(storage, { seedDemo: true }));
    expect(await second.store.countUsers()).toBe(users);
    expect(await second.store.countDocuments()).toBe(docs);
    await second.close();
  });
});

describe.each(adapters())('graceful shutdown ($name)', (adapter) => {
  it('[C1][L1] close lets an in-flight push commit, ends live streams with bye, then closes the store', async () => {
    const h = await startHarness(adapter);
    try {
      await addUser(h.server, { email: 'coord@example.org', role: 'coordinator' });
      const api = await login(h.url, 'coord@example.org');
      const stream = await openStream(h.url, api.token);
      await stream.next((e) => e.event === 'hello', 2000, 0);
      // The push body is streamed in two halves with shutdown starting in between, so the request is
      // certainly in flight on the server (headers read, body arriving) when close() is called.
      const docs = Array.from({ length: 400 }, () => taskDoc({}));
      const body = new TextEncoder().encode(JSON.stringify(docs.map(create)));
      let sendRest: () => void = () => undefined;
      const rest = new Promise<void>((resolve) => {
        sendRest = resolve;
      });
      const streamed = new ReadableStream<Uint8Array>({
        async start(controller) {
          controller.enqueue(body.slice(0, 1000));
          await rest;
          controller.enqueue(body.slice(1000));
          controller.close();
        },
      });
      const pushing = fetch(`${h.url}/api/sync/v1/tasks/0/push`, {
        method: 'POST',
        headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' },
        body: streamed,
        duplex: 'half',
      } as RequestInit);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const bye = stream.next((e) => e.event === 'bye', 5000);
      const closing = h.server.close();
      expect((await bye).data).toEqual({ reason: 'shutdown' });
      await stream.ended;
      sendRest();
      const res = await pushing;
      expect(res.status).toBe(200);
      await closing;
      await expect(fetch(`${h.url}/api/health`)).rejects.toThrow();
      const store = await openStore({ dataDir: h.server.config.dataDir, databaseUrl: h.server.config.databaseUrl, pgSchema: h.server.config.pgSchema });
      expect(await store.countDocuments()).toBe(400);
      await store.close();
    } finally {
      await h.close();
    }
  });
});
