/**
 * `npm start` as a process: configuration errors stop it with a clear message; it logs JSON lines,
 * serves, and shuts down cleanly on SIGTERM.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, start } from './support/spawn';

const MAIN = 'sync-server/main.ts';

describe('server process', () => {
  it('refuses to start with a bad configuration, naming every problem', async () => {
    const out = await run(MAIN, [], { PORT: 'eighty', TOKEN_TTL_DAYS: '0', DATABASE_URL: 'mysql://x', TLS_CERT: '/nope.pem' });
    expect(out.code).toBe(1);
    for (const name of ['PORT', 'TOKEN_TTL_DAYS', 'DATABASE_URL', 'TLS_CERT and TLS_KEY']) expect(out.stderr).toContain(name);
  });

  it('serves, logs one JSON line per request without tokens, and stops cleanly on SIGTERM', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'resonance-proc-'));
    const child = start(MAIN, [], { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SEED_DEMO: 'false', LOG_REQUESTS: 'true' });
    let stdout = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no listening line: ${stdout}`)), 20_000);
      child.stdout?.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /"msg":"listening","url":"([^"]+)"/.exec(stdout);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
    await fetch(`${url}/api/me`, { headers: { authorization: 'Bearer secret-token-value' } });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.filter((l) => l.msg === 'request').map((l) => [l.method, l.path, l.status])).toEqual([
      ['GET', '/api/health', 200],
      ['GET', '/api/me', 401],
    ]);
    expect(stdout).not.toContain('secret-token-value');
    expect(lines.at(-1)?.msg).toBe('stopped');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
