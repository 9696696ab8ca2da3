/**
 * HTTPS: with TLS_CERT/TLS_KEY (here `tlsCert`/`tlsKey`) the server speaks TLS. A throwaway
 * self-signed certificate is made with openssl for the test.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapters } from './support/adapters';
import { startHarness, type Harness } from './support/harness';

const [sqlite] = adapters();

function getJson(url: string): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    https
      .get(url, { rejectUnauthorized: false }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as unknown }));
      })
      .on('error', reject);
  });
}

describe('https', () => {
  let h: Harness;
  let dir: string;

  beforeAll(async () => {
    if (!sqlite) throw new Error('no adapter');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'resonance-tls-'));
    const key = path.join(dir, 'key.pem');
    const cert = path.join(dir, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=localhost'], { stdio: 'ignore' });
    h = await startHarness(sqlite, { tlsCert: cert, tlsKey: key });
  });

  afterAll(async () => {
    await h.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves the API over HTTPS when a certificate and key are configured', async () => {
    expect(h.url).toMatch(/^https:\/\//);
    const res = await getJson(`${h.url}/api/health`);
    expect(res).toMatchObject({ status: 200, body: { ok: true } });
  });
});
