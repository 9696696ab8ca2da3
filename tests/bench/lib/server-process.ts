/**
 * The real sync server as its own operating-system process, as it runs in production (`npm run
 * serve`: node --import tsx sync-server/main.ts, configured through the environment), for the load
 * suite: its memory is its own (RSS from /proc), and its CPU is not shared with the simulated devices'
 * event loop. Several instances can share one PostgreSQL schema (they must share RESONANCE_KEY_SECRET).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { BenchStorage } from './bench-server';

/** 60 s to answer /api/health: tsx compiles the server on first start, slower on a busy machine. */
const START_TIMEOUT_MS = 60_000;
/** 15 s for a graceful stop (streams closed, pushes finished) before SIGKILL. */
const STOP_TIMEOUT_MS = 15_000;
/** One shared key for every instance of a run (auth/device-key.ts requires ≥ 32 characters). */
const KEY_SECRET = 'bench-load-key-secret-0123456789abcdef';

export interface ServerProcess {
  url: string;
  pid: number;
  /** Resident set size of the server process, in bytes (VmRSS from /proc/<pid>/status). */
  rss(): Promise<number>;
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (bound, read, released). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export async function readRss(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
  if (kb === undefined) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb) * 1024;
}

async function waitHealthy(url: string, child: ChildProcess, stderr: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server process exited with ${child.exitCode}: ${stderr()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the server process did not answer /api/health within ${START_TIMEOUT_MS / 1000} s: ${stderr()}`);
}

/** Starts one instance on `storage` (no demo seed, no request logs) and waits until it answers. */
export async function startServerProcess(root: string, storage: BenchStorage, env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  const childEnv: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: storage.config.dataDir,
    DIST_DIR: join(storage.config.dataDir, 'no-app'),
    SEED_DEMO: 'false',
    LOG_REQUESTS: 'false',
    RESONANCE_KEY_SECRET: KEY_SECRET,
    ...(storage.config.databaseUrl ? { DATABASE_URL: storage.config.databaseUrl } : {}),
    ...(storage.config.pgSchema ? { DATABASE_SCHEMA: storage.config.pgSchema } : {}),
    ...env,
  };
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'sync-server/main.ts')], { cwd: root, env: childEnv, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4_000);
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('the server process did not start');
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitHealthy(url, child, () => stderr);
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, pid, rss: () => readRss(pid), stop };
}
