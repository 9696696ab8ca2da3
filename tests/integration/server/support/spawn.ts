/**
 * Runs the server's command-line entry points as real child processes (node --import tsx), the way
 * `npm run admin` and `npm start` do, with an environment the test chooses.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { ServerConfig } from '../../../../sync-server/config';

export const REPO = path.resolve(import.meta.dirname, '../../../..');

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment variables that point a process at the same store as a test server. */
export function storageEnv(storage: Partial<ServerConfig>): Record<string, string> {
  const env: Record<string, string> = { DATA_DIR: storage.dataDir ?? '' };
  if (storage.databaseUrl) env.DATABASE_URL = storage.databaseUrl;
  if (storage.pgSchema) env.DATABASE_SCHEMA = storage.pgSchema;
  return env;
}

function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'test' };
  return { ...base, ...env };
}

export function start(script: string, args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(REPO, script), ...args], { cwd: REPO, env: childEnv(env), stdio: ['pipe', 'pipe', 'pipe'] });
}

export function run(script: string, args: string[], env: Record<string, string>, stdin = ''): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = start(script, args, env);
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin?.end(stdin);
  });
}
