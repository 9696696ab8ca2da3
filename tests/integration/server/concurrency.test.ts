/**
 * Never a gap (sync.md P2): many writers push at once, through two server instances on one PostgreSQL
 * database (one instance on SQLite), while a reader pulls from its checkpoint until a short page.
 * Every run, the reader must end with exactly the writers' documents, each once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../sync-server/main';
import { adapters } from './support/adapters';
import { addUser, login, startHarness, testConfig, type Client, type Harness } from './support/harness';
import { create, taskDoc } from './support/docs';

/** Small numbers, many interleavings: 4 writers x 15 batches x 3 docs = 180 documents per run. */
const WRITERS = 4;
const BATCHES = 15;
const PER_BATCH = 3;
/** A page smaller than a batch, so the reader's checkpoint often lands between concurrent commits. */
const PAGE = 7;
const RUNS = 3;

async function write(api: Client): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < BATCHES; i++) {
    const docs = Array.from({ length: PER_BATCH }, () => taskDoc({}));
    const res = await api.push('tasks', docs.map(create));
    if (res.status !== 200) throw new Error(`push answered ${res.status}`);
    ids.push(...docs.map((d) => String(d.id)));
  }
  return ids;
}

describe.each(adapters())('commit-order cursor ($name)', (adapter) => {
  let a: Harness & { storage: Parameters<typeof testConfig>[0] };
  let b: RunningServer | null = null;

  beforeAll(async () => {
    a = await startHarness(adapter, { requestsPerMinute: 1_000_000 });
    if (adapter.name === 'postgres') b = await startServer(testConfig(a.storage, { requestsPerMinute: 1_000_000 }));
    await addUser(a.server, { email: 'coord@example.org', role: 'coordinator' });
  });

  afterAll(async () => {
    await b?.close();
    await a.close();
  });

  it(`[P2] a reader pulling during ${WRITERS} concurrent writers (two instances on PG) ends with every document exactly once, ${RUNS} runs`, async () => {
    const urls = b ? [a.url, b.url] : [a.url];
    const writers = await Promise.all(Array.from({ length: WRITERS }, (_, i) => login(urls[i % urls.length] ?? a.url, 'coord@example.org')));
    const readers = await Promise.all(urls.map((url) => login(url, 'coord@example.org')));
    let checkpoint: unknown;
    const seen: string[] = [];
    const written: string[] = [];
    for (let run = 0; run < RUNS; run++) {
      let done = false;
      const writing = Promise.all(writers.map(write)).finally(() => {
        done = true;
      });
      let turn = 0;
      for (;;) {
        const finished = done;
        const reader = readers[turn++ % readers.length] ?? readers[0];
        if (!reader) throw new Error('no reader');
        const page = await reader.pull('tasks', checkpoint, PAGE);
        seen.push(...page.documents.map((d) => String(d.id)));
        checkpoint = page.checkpoint;
        if (finished && page.documents.length < PAGE) break;
      }
      written.push(...(await writing).flat());
      expect(new Set(seen).size).toBe(seen.length);
      expect([...seen].sort()).toEqual([...written].sort());
    }
  });
});
