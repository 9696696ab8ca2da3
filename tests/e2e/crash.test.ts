/**
 * Crash safety of sync in Chromium (issue 5; sync.md D3): the tab dies in the middle of a pull and in
 * the middle of a push, many times, and nothing is half applied, lost or applied twice.
 *
 * The real server (demo organisation plus extra clients, so a pull of the clients takes several pages
 * of 1,000) and the built app, signed in as the coordinator (who sees every client). Playwright's
 * page.route on the clients' pull or push route lets the test choose the moment:
 *
 * - Pull: the server changes a batch of clients (new name, new writeId), the device is poked and pulls;
 *   on a randomly chosen page the response is either held open or handed to the app and followed, after
 *   a random few milliseconds, by the tab's death (the renderer crashed through CDP, or the tab closed).
 *   Then, before the app runs again (the inspection reads IndexedDB from a page of the same origin that
 *   runs no app code): every stored client is exactly at its previous or its new server version (its
 *   name matches its writeId: no partial document), and the stored down-checkpoint is never ahead of
 *   the stored data (every client the server changed at or before the checkpoint is stored at its
 *   current version). Then the app reopens and catches up.
 * - Push: a client is registered through the app's form while its push is held; the tab dies either
 *   before the request reaches the server or after the server committed but before the answer arrived.
 *   After reopening, the server holds each registered client exactly once.
 * Finally the device's clients equal the server's, document by document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { DEMO_SIGN_INS, generateDemoOrg } from '#shared/demo/index';
import { schemas } from '#shared/schemas/index';
import { launchBrowser, signInAs, startTestServer, type LaunchedBrowser, type TestServer } from '../support/index';
import { signedInBadge, TEST_PIN } from '../support/sign-in';

/** Clients added to the demo's 300, so a first pull of the clients is four pages of 1,000. */
const EXTRA_CLIENTS = 2_700;
/** Clients the server changes per pull round: more than one page, so a crash can fall between pages. */
const EDITS_PER_ROUND = 1_500;
/** Time spent crashing pulls and pushes; as many rounds as fit (each round is a few seconds). */
const PULL_BUDGET_MS = 45_000;
const PUSH_BUDGET_MS = 30_000;
/** At least this many rounds of each, whatever the machine's speed. */
const MIN_ROUNDS = 3;
/**
 * Waits for the app (sign-in, a page load, catch-up after a reopen) on a shared, slow machine. It is
 * also every Playwright action's timeout here: the default 30 s is too short for a page load that
 * opens the database of 3,000 clients on two loaded cores.
 */
const WAIT_MS = 90_000;

const CLIENTS = `/api/sync/v1/clients/${String(schemas.clients.version)}`;
const PULL_ROUTE = /\/api\/sync\/v1\/clients\/\d+\/pull/;
const PUSH_ROUTE = /\/api\/sync\/v1\/clients\/\d+\/push/;

type Doc = Record<string, unknown> & { id: string; writeId: string; name: string };

let server: TestServer;
let browser: LaunchedBrowser;
let token = '';
/** Every version of every client the test has seen on the server: writeId → name. */
const nameOfWrite = new Map<string, string>();

async function api(path: string, init: { method?: string; body?: string } = {}): Promise<Response> {
  const res = await fetch(`${server.url}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
  if (!res.ok) throw new Error(`${path} answered ${String(res.status)}: ${await res.text()}`);
  return res;
}

/** The server's clients changed after `checkpoint` (all of them from null), through the pull route. */
async function pullClients(checkpoint: unknown = null): Promise<Map<string, Doc>> {
  const docs = new Map<string, Doc>();
  for (;;) {
    const query = new URLSearchParams({ limit: '1000' });
    if (checkpoint !== null) query.set('checkpoint', JSON.stringify(checkpoint));
    const page = (await (await api(`${CLIENTS}/pull?${query.toString()}`)).json()) as { documents: Doc[]; checkpoint: unknown };
    if (page.documents.length === 0) return docs;
    for (const d of page.documents) {
      docs.set(d.id, d);
      nameOfWrite.set(d.writeId, d.name);
    }
    checkpoint = page.checkpoint;
  }
}

async function pushClients(rows: { assumedMasterState: Doc | null; newDocumentState: Record<string, unknown> }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 100) {
    const res = await api(`${CLIENTS}/push`, { method: 'POST', body: JSON.stringify(rows.slice(i, i + 100)) });
    const conflicts = (await res.json()) as unknown[];
    if (conflicts.length > 0 || res.headers.get('x-resonance-quarantined') !== '0') throw new Error('the test’s own push was refused');
  }
}

interface LocalState {
  clients: { id: string; writeId: string; name: string; deleted: boolean }[];
  checkpoint: unknown;
  outbox: number;
}

/** Reads the signed-in user's RxDB stores straight from IndexedDB (no app code runs on this page). */
async function readLocal(page: Page): Promise<LocalState> {
  return page.evaluate(async () => {
    const open = (name: string) =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open(name);
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error ?? new Error('open failed'));
      });
    const all = (db: IDBDatabase) =>
      new Promise<Record<string, unknown>[]>((resolve, reject) => {
        const r = db.transaction('docs').objectStore('docs').getAll();
        r.onsuccess = () => resolve(r.result as Record<string, unknown>[]);
        r.onerror = () => reject(r.error ?? new Error('read failed'));
      });
    const names = (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith('rxdb-dexie-resonance-'));
    const clientsName = names.find((n) => n.endsWith('--clients'));
    if (!clientsName) throw new Error(`no clients store among ${names.join(', ')}`);
    const clientsDb = await open(clientsName);
    const rows = await all(clientsDb);
    clientsDb.close();
    const clients = rows.map((r) => ({ id: String(r.id), writeId: String(r.writeId), name: String(r.name), deleted: r._deleted === true || r._deleted === '1' }));
    const ids = new Set(clients.map((c) => c.id));
    let checkpoint: unknown = null;
    for (const n of names.filter((x) => x.includes('--rx-replication-meta-'))) {
      const db = await open(n);
      const meta = await all(db);
      db.close();
      if (!meta.some((m) => m.isCheckpoint === '0' && ids.has(String(m.itemId)))) continue;
      checkpoint = meta.find((m) => m.id === 'down|1')?.checkpointData ?? null;
    }
    const outboxName = names.find((n) => n.endsWith('--outbox'));
    let outbox = 0;
    if (outboxName) {
      const db = await open(outboxName);
      outbox = (await all(db)).filter((r) => r._deleted !== true && r._deleted !== '1').length;
      db.close();
    }
    return { clients, checkpoint, outbox };
  });
}

/**
 * Loads `path` as a fresh start of the app and returns once the signed-in app shows. A load opens
 * without the PIN only while the unlock grant lives: the idle period (5 minutes) from the last
 * unlock, renewed by activity on a page open for 30 s or more. This test's pages live a few seconds
 * each, so on a slow run (over 5 minutes after sign-in) a load meets the PIN screen: unlock as the
 * person would (the app reloads the same address).
 */
async function load(page: Page, path = '/'): Promise<void> {
  await page.goto(`${server.url}${path}`);
  const pin = page.getByLabel('PIN', { exact: true });
  await pin.or(signedInBadge(page)).first().waitFor({ timeout: WAIT_MS });
  if (await pin.isVisible()) {
    await pin.fill(TEST_PIN);
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await signedInBadge(page).waitFor({ timeout: WAIT_MS });
  }
  expect(new URL(page.url()).pathname, 'the app opened at the address loaded').toBe(path);
}

/** A fresh tab on the app, after the last one was killed. */
async function openApp(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await load(page);
  return page;
}

/** Kills the tab: the renderer crashed through CDP, or the tab closed without unload handlers. */
async function killTab(context: BrowserContext, page: Page, how: 'crash' | 'close'): Promise<void> {
  if (how === 'close') {
    await page.close({ runBeforeUnload: false });
    return;
  }
  const cdp = await context.newCDPSession(page);
  // Page.crash never answers: the renderer is gone. Wait for Playwright to see it.
  void cdp.send('Page.crash').catch(() => undefined);
  await page.waitForEvent('crash', { timeout: 10_000 }).catch(() => undefined);
  await page.close().catch(() => undefined);
}

/** What a page shows, for a failure message: its main text (headings, alerts, errors, field values). */
async function shownText(page: Page): Promise<string> {
  return page
    .evaluate(() => {
      const fields = [...document.querySelectorAll('input, select, textarea')].map((f) => `[${f.id}=${JSON.stringify((f as HTMLInputElement).value)}]`);
      return `${document.body.innerText.slice(0, 3_000)}\nFields: ${fields.join(' ')}`;
    })
    .catch((e: unknown) => `(could not read the page: ${String(e)})`);
}

async function waitUpToDate(page: Page): Promise<void> {
  await page.getByText('Up to date', { exact: false }).first().waitFor({ timeout: WAIT_MS });
}

/** Waits until the device's clients equal the server's (ids and writeIds), then returns both. */
async function waitConverged(context: BrowserContext): Promise<{ local: LocalState; server: Map<string, Doc> }> {
  const deadline = Date.now() + WAIT_MS;
  const probe = await context.newPage();
  try {
    await probe.goto(`${server.url}/api/health`);
    for (;;) {
      const serverDocs = await pullClients();
      const local = await readLocal(probe);
      const same = local.clients.length === serverDocs.size && local.clients.every((c) => serverDocs.get(c.id)?.writeId === c.writeId);
      if (same || Date.now() > deadline) return { local, server: serverDocs };
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    await probe.close();
  }
}

const random = (() => {
  let a = 5;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
})();

describe('crash in the middle of sync (Chromium, D3)', () => {
  beforeAll(async () => {
    server = await startTestServer();
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...DEMO_SIGN_INS.coordinator, deviceId: 'crash-test-server-side', deviceName: 'crash test' }),
    });
    const body = (await login.json()) as { token: string; user: { id: string } };
    token = body.token;
    const extra = generateDemoOrg({ clients: 300 + EXTRA_CLIENTS }).docs.clients.slice(300);
    await pushClients(extra.map((c) => ({ assumedMasterState: null, newDocumentState: { ...c, createdBy: body.user.id, _deleted: false } })));
    browser = await launchBrowser();
    browser.context.setDefaultTimeout(WAIT_MS);
  }, 180_000);

  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  it('D3: a tab killed mid-pull never stores part of a document or a checkpoint ahead of its data; killed mid-push, no write is lost or applied twice', async () => {
    const { context } = browser;
    let page = await context.newPage();
    await page.goto(server.url);
    await signInAs(page, DEMO_SIGN_INS.coordinator.email, DEMO_SIGN_INS.coordinator.password);
    await waitUpToDate(page);
    let current = await pullClients();
    expect(current.size).toBe(300 + EXTRA_CLIENTS);

    // ---- Pull rounds ----
    const pullStart = Date.now();
    let pullRounds = 0;
    let crashedAfterApply = 0;
    while (pullRounds < MIN_ROUNDS || Date.now() - pullStart < PULL_BUDGET_MS) {
      const round = ++pullRounds;
      const previous = current;
      // The page of this round's pull that the crash falls on, and whether the app gets it first.
      const crashOn = 1 + Math.floor(random() * 2);
      const handOver = random() < 0.6;
      const delayMs = Math.floor(random() * 40);
      const how = random() < 0.5 ? 'crash' : 'close';
      let seen = 0;
      let fire = (): void => undefined;
      const fired = new Promise<void>((resolve) => (fire = resolve));
      await page.route(PULL_ROUTE, async (route: Route) => {
        seen++;
        if (seen !== crashOn) return route.continue().catch(() => undefined);
        const response = await route.fetch().catch(() => null);
        if (handOver && response) {
          await route.fulfill({ response }).catch(() => undefined);
          setTimeout(fire, delayMs);
        } else fire();
      });
      // The server changes a batch of clients: a new name and writeId each (as another device would).
      const sorted = [...previous.keys()].sort();
      const offset = ((round - 1) * 700) % sorted.length;
      const ids = [...sorted.slice(offset), ...sorted.slice(0, offset)].slice(0, EDITS_PER_ROUND);
      await pushClients(
        ids.map((id) => {
          const doc = previous.get(id);
          if (!doc) throw new Error('unknown client');
          const rest: Record<string, unknown> = { ...doc };
          delete rest.serverUpdatedAt;
          delete rest.serverUpdatedBy;
          return { assumedMasterState: doc, newDocumentState: { ...rest, name: `Crash round ${String(round)} ${id.slice(0, 6)}`, writeId: `w_crash_${String(round)}_${id}`, _deleted: false } };
        }),
      );
      current = await pullClients();
      await Promise.race([fired, new Promise((r) => setTimeout(r, WAIT_MS))]);
      await killTab(context, page, how);
      if (handOver) crashedAfterApply++;

      // Inspect before any app code runs again.
      const probe = await context.newPage();
      await probe.goto(`${server.url}/api/health`);
      const local = await readLocal(probe);
      await probe.close();
      for (const c of local.clients) {
        const before = previous.get(c.id)?.writeId;
        const after = current.get(c.id)?.writeId;
        expect([before, after], `client ${c.id} after round ${String(round)}`).toContain(c.writeId);
        expect(c.name, `client ${c.id}'s name belongs to its writeId`).toBe(nameOfWrite.get(c.writeId));
      }
      expect(local.checkpoint, 'the clients’ down-checkpoint is stored').not.toBeNull();
      const changedSince = await pullClients(local.checkpoint);
      const byId = new Map(local.clients.map((c) => [c.id, c]));
      for (const [id, doc] of current) {
        if (changedSince.has(id)) continue;
        expect(byId.get(id)?.writeId, `client ${id} is at or before the checkpoint, so it must be stored at its server version`).toBe(doc.writeId);
      }
      page = await openApp(context);
      await waitConverged(context);
    }

    // ---- Push rounds ----
    const pushStart = Date.now();
    const registered: string[] = [];
    let pushRounds = 0;
    while (pushRounds < MIN_ROUNDS || Date.now() - pushStart < PUSH_BUDGET_MS) {
      const round = ++pushRounds;
      const afterCommit = round % 2 === 0;
      const how = random() < 0.5 ? 'crash' : 'close';
      let fire = (): void => undefined;
      const fired = new Promise<void>((resolve) => (fire = resolve));
      await page.route(PUSH_ROUTE, async (route: Route) => {
        if (afterCommit) await route.fetch().catch(() => null);
        fire();
      });
      const logs: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') logs.push(`${m.type()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => logs.push(`page error: ${e.message}`));
      const name = `Pushcrash ${String.fromCharCode(65 + (round % 26))}${String(round)} Q${Math.floor(random() * 1e6).toString(36)}`;
      await load(page, '/clients/new');
      await page.getByRole('textbox', { name: 'Full name', exact: true }).fill(name);
      await page.getByRole('button', { name: 'Save client', exact: true }).click();
      // Saved on the device once the form has led to the new client's page.
      await page
        .waitForURL((url) => /\/clients\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith('/new'), { timeout: WAIT_MS })
        .catch(async (e: unknown) => {
          throw new Error(`round ${String(round)}: after Save client the page stayed at ${page.url()}, showing:\n${await shownText(page)}\nConsole: ${logs.join('\n') || 'nothing'}`, { cause: e });
        });
      registered.push(name);
      const pushed = await Promise.race([fired.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), WAIT_MS))]);
      if (!pushed) throw new Error(`round ${String(round)}: the app saved "${name}" but did not try to push it within ${String(WAIT_MS / 1000)} s`);
      await killTab(context, page, how);
      page = await openApp(context);
      await waitUpToDate(page);
    }

    const { local, server: serverDocs } = await waitConverged(context);
    for (const name of registered) {
      const onDevice = local.clients.filter((c) => c.name === name);
      expect(onDevice.length, `"${name}" is on the device exactly once`).toBe(1);
      const onServer = [...serverDocs.values()].filter((d) => d.name === name);
      expect(onServer.length, `"${name}" is on the server exactly once (device outbox: ${String(local.outbox)} waiting)`).toBe(1);
    }
    expect(local.outbox, 'nothing is left waiting on the device').toBe(0);
    expect(local.clients.map((c) => `${c.id}:${c.writeId}`).sort()).toEqual([...serverDocs.values()].map((d) => `${d.id}:${d.writeId}`).sort());
    expect(pullRounds).toBeGreaterThanOrEqual(MIN_ROUNDS);
    expect(crashedAfterApply, 'some crashes fell after a page was handed to the app').toBeGreaterThan(0);
    console.log(`crash test: ${String(pullRounds)} pull rounds (${String(crashedAfterApply)} after a page reached the app), ${String(pushRounds)} push rounds`);
  }, 600_000);
});
