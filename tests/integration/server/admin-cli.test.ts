/**
 * The admin CLI, spawned as `npm run admin` runs it, against the same store as a running server:
 * what it creates is usable at once over HTTP (B2, A4), and bad input fails with a clear message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adapters } from './support/adapters';
import { client, errorOf, login, startHarness, type Harness } from './support/harness';
import { run, storageEnv } from './support/spawn';

const CLI = 'sync-server/admin/cli.ts';

describe.each(adapters())('admin CLI ($name)', (adapter) => {
  let h: Harness & { storage: Parameters<typeof storageEnv>[0] };
  let env: Record<string, string>;

  beforeAll(async () => {
    h = await startHarness(adapter);
    env = storageEnv(h.storage);
  });

  afterAll(async () => {
    await h.close();
  });

  it('team:add and user:add create people who can sign in; user:revoke switches them off', async () => {
    const team = await run(CLI, ['team:add', 'North', 'Team'], env);
    expect(team).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Added team "North Team"/) as unknown });
    const user = await run(CLI, ['user:add', '--email', 'Ann@Example.org', '--name', 'Ann Lee', '--role', 'worker', '--team', 'North Team', '--password-stdin'], env, 'a-long-enough-password\n');
    expect(user.code).toBe(0);
    expect(user.stdout).toMatch(/Added worker Ann Lee <ann@example.org> in "North Team"/);
    const api = await login(h.url, 'ann@example.org', 'a-long-enough-password');
    expect(await (await api.get('/api/me')).json()).toMatchObject({ user: { name: 'Ann Lee', role: 'worker', teams: [{ name: 'North Team' }] } });
    const revoked = await run(CLI, ['user:revoke', '--email', 'ann@example.org'], env);
    expect(revoked.code).toBe(0);
    expect(await errorOf(await api.get('/api/me'))).toMatchObject({ status: 401, code: 'user-revoked' });
  });

  it('kiosk:enrol prints a one-time code alone on its last line, and a kiosk enrols with it', async () => {
    const out = await run(CLI, ['kiosk:enrol', '--name', 'Front desk'], env);
    expect(out.code).toBe(0);
    const code = out.stdout.trim().split('\n').at(-1) ?? '';
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const res = await fetch(`${h.url}/api/auth/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code, deviceId: 'kiosk-cli' }) });
    expect(res.status).toBe(200);
    const kiosk = client(h.url, ((await res.json()) as { token: string }).token);
    expect(await (await kiosk.get('/api/me')).json()).toMatchObject({ user: { role: 'kiosk', name: 'Front desk' } });
  });

  it('bad input exits non-zero with a message a person can act on', async () => {
    const cases: [string[], string, number, RegExp][] = [
      [['user:add', '--email', 'x@example.org', '--name', 'X', '--role', 'boss', '--password-stdin'], 'a-long-enough-password', 1, /role must be one of/],
      [['user:add', '--email', 'x@example.org', '--name', 'X', '--role', 'worker', '--team', 'Nowhere', '--password-stdin'], 'a-long-enough-password', 1, /no team called "Nowhere"/],
      [['user:add', '--email', 'x@example.org', '--name', 'X', '--role', 'worker', '--password-stdin'], 'short', 1, /at least 10 characters/],
      [['user:add', '--email', 'x@example.org', '--name', 'X', '--role', 'worker'], '', 2, /--password-stdin/],
      [['user:revoke', '--email', 'nobody@example.org'], '', 1, /no user with the email/],
      [['team:add', 'North', 'Team'], '', 1, /already exists/],
      [['frobnicate'], '', 2, /Unknown command "frobnicate"/],
    ];
    const results = await Promise.all(cases.map(([args, stdin]) => run(CLI, args, env, stdin)));
    results.forEach((result, i) => {
      const [, , code, message] = cases[i] ?? [[], '', 0, /./];
      expect(result.code).toBe(code);
      expect(result.stderr).toMatch(message);
    });
  });

  it('what the CLI does lands in the append-only admin audit, with the actor "cli" and no secrets', async () => {
    const entries = await h.server.store.listAdminAudit(50);
    const actions = entries.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['team.add', 'user.add', 'user.deactivate', 'kiosk.enrol-code']));
    expect(entries.every((e) => e.actorId === 'cli' && e.deviceId === null)).toBe(true);
    expect(JSON.stringify(entries)).not.toContain('a-long-enough-password');
    // Rejected commands add nothing: only the successful ones above are recorded.
    expect(entries.filter((e) => e.action === 'user.add')).toHaveLength(1);
  });
});
