/**
 * A fault-injecting HTTP proxy (node:http) between simulated devices and one or more sync-server
 * instances, for the convergence test and the soak. Requests go round-robin to the upstreams. With a
 * seeded random source it delays requests, sends a request twice at once (a duplicated retry), and
 * drops a response after the server has answered (the server committed, the device never hears). The
 * live stream is piped through untouched. Every push it forwards is logged with the answer the device
 * actually received, so a test can check what the devices were told.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Rng } from '#shared/demo/random';

export interface FaultRates {
  /** Chance a request waits 1..maxDelayMs before it is forwarded. */
  delay: number;
  maxDelayMs: number;
  /** Chance a request is sent upstream twice at once (the device hears the second answer). */
  duplicate: number;
  /** Chance the answer is thrown away after the server sent it (the connection is cut instead). */
  dropResponse: number;
}

export const NO_FAULTS: FaultRates = { delay: 0, maxDelayMs: 0, duplicate: 0, dropResponse: 0 };

/** One push as the device sent it and what the device was told (null when the answer was dropped). */
export interface PushLog {
  collection: string;
  /** Which device sent it (its Authorization header). */
  from: string;
  rows: { assumedMasterState: Record<string, unknown> | null; newDocumentState: Record<string, unknown> }[];
  status: number | null;
  delivered: Record<string, unknown>[] | null;
}

export interface FaultProxy {
  url: string;
  setUpstreams(urls: string[]): void;
  setFaults(rates: FaultRates): void;
  readonly pushes: PushLog[];
  readonly counts: { requests: number; delayed: number; duplicated: number; dropped: number; upstreamDown: number };
  close(): Promise<void>;
}

interface Upstream {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function forward(target: string, req: http.IncomingMessage, body: Buffer): Promise<Upstream> {
  return new Promise((resolve, reject) => {
    const url = new URL(req.url ?? '/', target);
    const headers = { ...req.headers, host: url.host, 'content-length': String(body.length) };
    delete headers.connection;
    const up = http.request(url, { method: req.method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    up.on('error', reject);
    up.end(body);
  });
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

const PUSH_PATH = /^\/api\/sync\/v1\/([a-z]+)\/\d+\/push/;

export async function startFaultProxy(rng: Rng, upstreams: string[]): Promise<FaultProxy> {
  let targets = [...upstreams];
  let rates: FaultRates = { ...NO_FAULTS };
  let turn = 0;
  const pushes: PushLog[] = [];
  const counts = { requests: 0, delayed: 0, duplicated: 0, dropped: 0, upstreamDown: 0 };
  const next = (): string => {
    const t = targets[turn++ % targets.length];
    if (!t) throw new Error('the fault proxy has no upstream');
    return t;
  };
  const streams = new Set<http.ClientRequest>();

  const server = http.createServer((req, res) => {
    counts.requests++;
    if ((req.url ?? '').startsWith('/api/sync/v1/stream')) {
      // The live stream: piped as it comes, no faults; it ends when the upstream goes away.
      const url = new URL(req.url ?? '/', next());
      const up = http.request(url, { method: 'GET', headers: { ...req.headers, host: url.host }, agent: false }, (upRes) => {
        res.writeHead(upRes.statusCode ?? 502, upRes.headers);
        upRes.pipe(res);
        upRes.on('error', () => res.destroy());
      });
      streams.add(up);
      up.on('close', () => streams.delete(up));
      up.on('error', () => {
        if (!res.headersSent) res.writeHead(502).end();
        else res.destroy();
      });
      req.on('close', () => up.destroy());
      up.end();
      return;
    }
    void (async () => {
      const body = await readBody(req);
      // Random draws happen in arrival order; the plan of faults is seeded, their timing is not.
      const delay = rng.chance(rates.delay) ? rng.int(1, Math.max(1, rates.maxDelayMs)) : 0;
      const duplicate = rng.chance(rates.duplicate);
      const drop = rng.chance(rates.dropResponse);
      if (delay > 0) {
        counts.delayed++;
        await new Promise((r) => setTimeout(r, delay));
      }
      let answer: Upstream;
      try {
        if (duplicate) {
          counts.duplicated++;
          const both = await Promise.allSettled([forward(next(), req, body), forward(next(), req, body)]);
          const ok = both.filter((b): b is PromiseFulfilledResult<Upstream> => b.status === 'fulfilled');
          const last = ok.at(-1);
          if (!last) throw new Error('both copies failed');
          answer = last.value;
        } else {
          answer = await forward(next(), req, body);
        }
      } catch {
        counts.upstreamDown++;
        res.writeHead(502, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'bad_gateway', message: 'The server is not reachable (fault proxy).' } }));
        return;
      }
      const push = PUSH_PATH.exec(req.url ?? '');
      if (push && req.method === 'POST') {
        let rows: PushLog['rows'];
        try {
          rows = JSON.parse(body.toString('utf8')) as PushLog['rows'];
        } catch {
          rows = [];
        }
        let delivered: Record<string, unknown>[] | null = null;
        if (!drop && answer.status === 200) {
          try {
            delivered = JSON.parse(answer.body.toString('utf8')) as Record<string, unknown>[];
          } catch {
            delivered = null;
          }
        }
        pushes.push({ collection: push[1] ?? '', from: req.headers.authorization ?? '', rows, status: drop ? null : answer.status, delivered });
      }
      if (drop) {
        counts.dropped++;
        req.socket.destroy();
        return;
      }
      const headers = { ...answer.headers };
      delete headers['transfer-encoding'];
      delete headers.connection;
      headers['content-length'] = String(answer.body.length);
      res.writeHead(answer.status, headers);
      res.end(answer.body);
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    pushes,
    counts,
    setUpstreams(urls) {
      targets = [...urls];
    },
    setFaults(r) {
      rates = { ...r };
    },
    async close() {
      for (const s of streams) s.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
