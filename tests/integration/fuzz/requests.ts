/**
 * Seeded generation of hostile requests for the route fuzz: for a route, a method (sometimes the wrong
 * one), filled-in path parameters, a query string, headers (tokens of each role, garbage, none) and a
 * body: a plausible body for the route mutated at random, random JSON, broken JSON, bad UTF-8, the
 * wrong content type, a gzip claim, or a body over the size limit.
 */
import { gzipSync } from 'node:zlib';
import type { Rng } from '#shared/demo/random';
import { COLLECTION_NAMES } from '#shared/schemas/index';
import { BODY_LIMIT_BYTES } from '../../../sync-server/http/body';
import type { Route } from './routes';

export type Role = 'coordinator' | 'worker' | 'helper' | 'kiosk';

export interface FuzzContext {
  tokens: Record<Role, string>;
  /** Ids that may be changed freely (a throwaway person), and real ids safe to read. */
  spareUserId: string;
  clientIds: string[];
  /** Real documents a worker may see, to build plausible pushes from. */
  sampleDocs: Record<string, Record<string, unknown>[]>;
}

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: Buffer | null;
  /** Which token it carries, for the report and for logout handling. */
  auth: Role | 'none' | 'garbage';
  /** One line saying what was sent, for a failure message. */
  describe: string;
}

const JUNK_STRINGS = ['', ' ', 'null', '0', '-1', '1e309', 'NaN', '__proto__', 'constructor', '../../etc/passwd', '%00', '\u0000', '\uffff', '😀'.repeat(50), 'a'.repeat(5000), '<script>alert(1)</script>', "'; DROP TABLE documents; --", '${x}'];

function randomString(rng: Rng): string {
  if (rng.chance(0.5)) return rng.pick(JUNK_STRINGS);
  const len = rng.int(0, 40);
  let s = '';
  for (let i = 0; i < len; i++) s += String.fromCharCode(rng.chance(0.9) ? rng.int(32, 126) : rng.int(0, 0xd7ff));
  return s;
}

export function randomJson(rng: Rng, depth = 0): unknown {
  const kind = rng.int(0, depth > 3 ? 4 : 6);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return rng.chance(0.5);
    case 2:
      return rng.pick([0, -1, 1, 1.5, 2 ** 53 + 1, -(2 ** 31), 1e308, 100000]);
    case 3:
    case 4:
      return randomString(rng);
    case 5:
      return Array.from({ length: rng.int(0, 4) }, () => randomJson(rng, depth + 1));
    default: {
      const o: Record<string, unknown> = {};
      for (let i = rng.int(0, 4); i > 0; i--) o[rng.chance(0.2) ? rng.pick(['__proto__', 'constructor', 'id', '_deleted', 'writeId']) : randomString(rng)] = randomJson(rng, depth + 1);
      return o;
    }
  }
}

/** Changes one to three things inside a JSON value: drop a key, replace a value, add a key. */
export function mutate(rng: Rng, value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(value ?? null)) as unknown;
  for (let n = rng.int(1, 3); n > 0; n--) {
    let target: unknown = copy;
    for (let d = 0; d < 3 && typeof target === 'object' && target !== null && rng.chance(0.6); d++) {
      const keys = Object.keys(target);
      if (keys.length === 0) break;
      const next = (target as Record<string, unknown>)[rng.pick(keys)];
      if (typeof next !== 'object' || next === null) break;
      target = next;
    }
    if (typeof target !== 'object' || target === null) continue;
    const rec = target as Record<string, unknown>;
    const keys = Object.keys(rec);
    const op = rng.int(0, 2);
    if (op === 0 && keys.length > 0) Reflect.deleteProperty(rec, rng.pick(keys));
    else if (op === 1 && keys.length > 0) rec[rng.pick(keys)] = randomJson(rng);
    else rec[randomString(rng)] = randomJson(rng);
  }
  return copy;
}

function doc(rng: Rng, ctx: FuzzContext, collection: string): Record<string, unknown> {
  // Own keys only: the fuzzed collection name may be `constructor` or `__proto__`.
  const samples = Object.hasOwn(ctx.sampleDocs, collection) ? (ctx.sampleDocs[collection] ?? []) : [];
  const at = '2026-11-29T03:00:00.000Z';
  if (samples.length > 0 && rng.chance(0.6)) return { ...rng.pick(samples), writeId: rng.hexId(), clientUpdatedAt: at };
  return { id: rng.hexId(), writeId: rng.hexId(), createdAt: at, clientUpdatedAt: at, _deleted: false, title: 'Call back', caseId: rng.hexId(), clientId: rng.pick(ctx.clientIds), name: 'Fuzz Person', teamId: 'team_street_outreach', createdBy: 'u_worker_sam' };
}

/** A body the route would accept or nearly accept, before mutation. */
function plausibleBody(rng: Rng, ctx: FuzzContext, route: Route, collection: string): unknown {
  const p = route.path;
  if (p.endsWith('/push')) {
    return Array.from({ length: rng.int(0, 4) }, () => {
      const d = doc(rng, ctx, collection);
      return { assumedMasterState: rng.chance(0.5) ? null : d, newDocumentState: { ...d, writeId: rng.hexId() } };
    });
  }
  if (p === '/auth/login') return { email: rng.pick(['sam@riverside.example', 'nobody@example.org', 'x']), password: rng.pick(['wrong', 'resonance-demo-not', '']), deviceId: rng.hexId(), deviceName: 'Fuzz' };
  if (p === '/auth/enrol') return { code: randomString(rng), deviceId: rng.hexId(), deviceName: 'Fuzz' };
  if (p === '/admin/people') return { email: `fuzz-${rng.hexId().slice(0, 8)}@example.org`, name: 'Fuzz Person', role: rng.pick(['worker', 'helper', 'kiosk', 'coordinator', 'admin']), teamIds: ['team_street_outreach'], password: rng.pick(['short', 'a long enough password for fuzz']) };
  if (p === '/admin/people/:id') return { role: rng.pick(['worker', 'helper', 'boss']), teamIds: [rng.pick(['team_street_outreach', 'no-such-team'])] };
  if (p.endsWith('/password')) return { password: rng.pick(['x', 'a long enough password for fuzz']) };
  if (p === '/admin/teams') return { name: rng.pick(['', 'Street Outreach', `Fuzz team ${rng.hexId().slice(0, 6)}`]) };
  if (p === '/admin/settings') return { idleLockMinutes: rng.pick([0, 1, 5, 60, -3, 1e9, '5', null]) };
  return {};
}

function fillPath(rng: Rng, ctx: FuzzContext, route: Route): { path: string; collection: string } {
  const collection = rng.chance(0.8) ? rng.pick(COLLECTION_NAMES) : rng.pick(['users', 'CLIENTS', '__proto__', 'constructor', '%2e%2e', 'x'.repeat(300), 'outbox']);
  const path = route.path
    .replace(':collection', encodeURIComponent(collection))
    .replace(':schemaVersion', rng.chance(0.8) ? '0' : rng.pick(['1', '-1', '99999999999999999999', 'abc', '0.5', '%00', '']))
    .replace(':id', () => {
      // Changing routes only ever name the throwaway person or ids that do not exist, so the fuzz
      // cannot switch off the accounts whose tokens it uses; reading routes may name real clients.
      if (route.method === 'GET' && rng.chance(0.5)) return rng.pick(ctx.clientIds);
      if (rng.chance(0.4)) return ctx.spareUserId;
      return encodeURIComponent(rng.chance(0.5) ? rng.hexId() : randomString(rng));
    });
  return { path, collection };
}

function query(rng: Rng, route: Route): string {
  if (rng.chance(0.3)) return '';
  const parts: string[] = [];
  if (route.path.endsWith('/pull') || route.path.endsWith('/held') || route.path.startsWith('/admin/audit') || rng.chance(0.2)) {
    parts.push(`limit=${encodeURIComponent(String(rng.pick([1, 10, 1000, 1001, 0, -1, 1e12, 'abc', '1.5', '', '1&limit=2'])))}`);
  }
  if (route.path.endsWith('/pull') && rng.chance(0.7)) {
    const cp = rng.pick<unknown>([{ seq: 0 }, { seq: -1 }, { seq: 1e20 }, { seq: 'x' }, null, [], 'garbage', { seq: 5, scope: randomString(rng) }, randomJson(rng)]);
    parts.push(rng.chance(0.9) ? `checkpoint=${encodeURIComponent(JSON.stringify(cp) ?? '')}` : 'checkpoint=%7B%ZZ');
  }
  if (rng.chance(0.3)) parts.push(`${encodeURIComponent(randomString(rng))}=${encodeURIComponent(randomString(rng))}`);
  if (rng.chance(0.05)) parts.push('%E0%A4%A'); // a broken percent-encoded UTF-8 sequence
  return parts.length > 0 ? `?${parts.join('&')}` : '';
}

function authHeader(rng: Rng, ctx: FuzzContext): { auth: FuzzRequest['auth']; value: string | null } {
  const auth = rng.weighted<FuzzRequest['auth']>([
    ['none', 10],
    ['garbage', 10],
    ['coordinator', 25],
    ['worker', 20],
    ['helper', 15],
    ['kiosk', 15],
  ]);
  if (auth === 'none') return { auth, value: null };
  if (auth === 'garbage') return { auth, value: rng.pick(['Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', `Bearer ${'x'.repeat(4000)}`, `Bearer ${rng.hexId()}`, 'bearer  \t x', `Bearer ${ctx.tokens.worker}x`]) };
  return { auth, value: `${rng.chance(0.95) ? 'Bearer' : 'bearer'} ${ctx.tokens[auth]}` };
}

const SLOW_ROUTES = /^\/auth\/(login|enrol)$|^\/admin\/people$|\/password$/;

export function fuzzRequest(rng: Rng, ctx: FuzzContext, routes: Route[]): FuzzRequest {
  let route = rng.pick(routes);
  // Routes that hash a password take about a second each on this machine: fuzz them, but less often.
  if (SLOW_ROUTES.test(route.path) && rng.chance(0.85)) route = rng.pick(routes);
  const { path: filled, collection } = fillPath(rng, ctx, route);
  // Now and then the wrong method, or a path next to a real one.
  const method = rng.chance(0.08) ? rng.pick(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) : route.method;
  const path = rng.chance(0.03) ? `/api${filled}/extra` : rng.chance(0.02) ? `/api${filled.toUpperCase()}` : `/api${filled}`;
  const headers: Record<string, string> = {};
  const { auth, value } = authHeader(rng, ctx);
  if (value !== null) headers.authorization = value;
  let body: Buffer | null = null;
  let what = 'no body';
  if (method !== 'GET' && method !== 'OPTIONS') {
    const kind = rng.weighted([
      ['mutated', 35],
      ['plausible', 15],
      ['random json', 15],
      ['broken json', 10],
      ['bad utf-8', 6],
      ['empty', 6],
      ['gzip', 5],
      ['deep', 3],
      ['huge string', 3],
      ['over limit', 2],
    ] as const);
    what = kind;
    const plausible = plausibleBody(rng, ctx, route, collection);
    const json = (v: unknown) => Buffer.from(JSON.stringify(v) ?? 'null', 'utf8');
    switch (kind) {
      case 'mutated':
        body = json(mutate(rng, plausible));
        break;
      case 'plausible':
        body = json(plausible);
        break;
      case 'random json':
        body = json(randomJson(rng));
        break;
      case 'broken json': {
        const text = JSON.stringify(plausible) ?? '{}';
        body = Buffer.from(text.slice(0, rng.int(0, Math.max(0, text.length - 1))) + rng.pick(['', '}', ',', '\u0000', '{"a":']), 'utf8');
        break;
      }
      case 'bad utf-8':
        body = Buffer.concat([Buffer.from('{"email":"'), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82]), Buffer.from('"}')]);
        break;
      case 'empty':
        body = Buffer.alloc(0);
        break;
      case 'gzip':
        headers['content-encoding'] = 'gzip';
        body = rng.chance(0.5) ? gzipSync(json(plausible)) : json(plausible);
        break;
      case 'deep':
        body = Buffer.from(rng.chance(0.5) ? `${'['.repeat(50_000)}${']'.repeat(50_000)}` : `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`);
        break;
      case 'huge string':
        body = json({ ...(typeof plausible === 'object' && plausible !== null && !Array.isArray(plausible) ? plausible : {}), name: 'x'.repeat(rng.int(10_000, 200_000)) });
        break;
      case 'over limit':
        body = Buffer.alloc(BODY_LIMIT_BYTES + rng.int(1, 1000), 0x20);
        break;
    }
    headers['content-type'] = rng.weighted([
      ['application/json', 70],
      ['text/plain', 8],
      ['application/json; charset=latin1', 5],
      ['application/x-www-form-urlencoded', 5],
      ['multipart/form-data; boundary=x', 4],
      ['', 8],
    ] as const);
    if (headers['content-type'] === '') delete headers['content-type'];
  }
  if (rng.chance(0.05)) headers.accept = randomString(rng).replace(/[^\x20-\x7e]/g, '');
  if (rng.chance(0.03)) headers['x-forwarded-for'] = rng.pick(['', 'not-an-ip', '1.2.3.4, 5.6.7.8', '::1']);
  return { method, path: path + query(rng, route), headers, body, auth, describe: `${method} ${path} as ${auth} with ${what} (${body?.length ?? 0} bytes)` };
}
