/**
 * The in-browser half of the encryption suite: the same demo organisation stored and read through RxDB
 * on Dexie with no encryption, with the app's WebCrypto wrapper (src/db/encryption.ts) and with RxDB's
 * crypto-js plugin, timing only the operations. Built by Vite's `build()` API from the suite; never part
 * of the app bundle.
 */
import { createRxDatabase, type RxCollection, type RxDatabase, type RxJsonSchema, type RxStorage } from 'rxdb';
import { wrappedKeyEncryptionCryptoJsStorage } from 'rxdb/plugins/encryption-crypto-js';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { wrappedEncryptionStorage } from '#db/encryption';
import { generateDemoOrg, type DemoOrg } from '#shared/demo/index';
import { buildClientIndex } from '#shared/domain/search';
import { schemas, type Case, type Client, type Task, type Visit } from '#shared/schemas/index';
import { SENSITIVE_FIELDS } from '#shared/schemas/sensitive';
import type { EncryptionBenchApi, EncryptionRunRequest, EncryptionRunResult, EncryptionVariant } from './api';

type Collections = { clients: RxCollection<Client>; cases: RxCollection<Case>; tasks: RxCollection<Task>; visits: RxCollection<Visit> };
type Db = RxDatabase<Collections>;
type Name = 'clients' | 'cases' | 'tasks' | 'visits';
/** crypto-js derives its key from a password (RxDB requires at least 8 characters). */
const PASSWORD = 'bench-password-for-crypto-js';

let key: CryptoKey | undefined;
let runCounter = 0;
const orgs = new Map<number, DemoOrg>();

function org(clients: number): DemoOrg {
  let o = orgs.get(clients);
  if (!o) {
    o = generateDemoOrg({ clients });
    orgs.set(clients, o);
  }
  return o;
}

async function open(variant: EncryptionVariant, name: string): Promise<Db> {
  const dexie = getRxStorageDexie();
  let storage: RxStorage<unknown, unknown> = dexie;
  if (variant === 'webcrypto') {
    key ??= await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    storage = wrappedEncryptionStorage({ storage: dexie, key });
  } else if (variant === 'crypto-js') {
    storage = wrappedKeyEncryptionCryptoJsStorage({ storage: dexie });
  }
  const db = await createRxDatabase<Collections>({
    name,
    storage,
    multiInstance: true,
    ...(variant === 'crypto-js' ? { password: PASSWORD } : {}),
  });
  const schemaOf = (c: Name) =>
    (variant === 'crypto-js' ? { ...schemas[c], encrypted: [...SENSITIVE_FIELDS[c]] } : schemas[c]) as unknown as RxJsonSchema<any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- one helper for four document types
  await db.addCollections({
    clients: { schema: schemaOf('clients') },
    cases: { schema: schemaOf('cases') },
    tasks: { schema: schemaOf('tasks') },
    visits: { schema: schemaOf('visits') },
  });
  return db;
}

function check(result: { error: unknown[] }, what: string): void {
  if (result.error.length > 0) throw new Error(`${what}: ${String(result.error.length)} rejected, first ${JSON.stringify(result.error[0])}`);
}

/** Times `fn` warmup + runs times and returns the timed samples. */
async function repeat(request: EncryptionRunRequest, fn: (last: boolean) => Promise<number>): Promise<number[]> {
  const samples: number[] = [];
  const total = request.warmup + request.runs;
  for (let i = 0; i < total; i++) {
    const ms = await fn(i === total - 1);
    if (i >= request.warmup) samples.push(ms);
  }
  return samples;
}

async function run(request: EncryptionRunRequest): Promise<EncryptionRunResult> {
  const o = org(request.clients);
  const name = `bench-enc-${request.variant}-${String(++runCounter)}`;

  // 1. bulkInsert into a new database each time; the last one is kept and given the cases and tasks.
  let kept: Db | undefined;
  let scratch = 0;
  const insertClients = await repeat(request, async (last) => {
    const db = await open(request.variant, last ? name : `${name}-scratch-${String(++scratch)}`);
    const clients = o.docs.clients.map((d) => structuredClone(d));
    const start = performance.now();
    check(await db.clients.bulkInsert(clients), 'clients');
    const ms = performance.now() - start;
    if (last) kept = db;
    else await db.remove();
    return ms;
  });
  if (!kept) throw new Error('no database kept');
  check(await kept.cases.bulkInsert(o.docs.cases.map((d) => structuredClone(d))), 'cases');
  check(await kept.tasks.bulkInsert(o.docs.tasks.map((d) => structuredClone(d))), 'tasks');
  await kept.close();

  // 2 and 3. Fresh instances each time: RxDB's document and query caches are empty, as on a cold start.
  const readClients = await repeat(request, async () => {
    const db = await open(request.variant, name);
    const start = performance.now();
    const read = await db.clients.find().exec();
    const ms = performance.now() - start;
    await db.close();
    if (read.length !== request.clients) throw new Error(`read ${String(read.length)} clients, expected ${String(request.clients)}`);
    return ms;
  });
  const caseloadData = await repeat(request, async () => {
    const db = await open(request.variant, name);
    const start = performance.now();
    const all = await db.clients.find().exec();
    await db.cases.find().exec();
    await db.tasks.find({ selector: { done: false } }).exec();
    buildClientIndex(all);
    const ms = performance.now() - start;
    await db.close();
    return ms;
  });

  // 4. Visit saves into the full database.
  const db = await open(request.variant, name);
  try {
    const templates = o.docs.visits.filter((v) => v.notes.length > 0);
    let n = 0;
    const saveVisit: number[] = [];
    const saveRequest = { ...request, runs: request.runs * request.saves, warmup: request.warmup * 2 };
    saveVisit.push(
      ...(await repeat(saveRequest, async () => {
        const template = templates[n % templates.length];
        if (!template) throw new Error('demo organisation has no visits with notes');
        const visit: Visit = { ...structuredClone(template), id: `bench-visit-${String(n)}`, writeId: `w-${String(n)}` };
        n++;
        const start = performance.now();
        await db.visits.insert(visit);
        return performance.now() - start;
      })),
    );
    return { insertClients, readClients, caseloadData, saveVisit };
  } finally {
    await db.remove();
  }
}

const api: EncryptionBenchApi = { run };
window.resonanceEncryptionBench = api;
