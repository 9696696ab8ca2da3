/**
 * The admin CLI (`npm run admin -- <command> …`), using the same configuration (environment) and
 * store as the server:
 *   team:add NAME
 *   user:add --email E --name N --role coordinator|worker|helper [--team NAME]… --password-stdin
 *   user:revoke --email E
 *   device:revoke --id DEVICE_ID
 *   kiosk:enrol --name NAME        (prints the one-time code alone on its last line)
 * Prints what it did; exits 1 with a clear message on bad input, 2 on a usage error. The work itself
 * is admin/ops.ts, shared with the coordinator's /api/admin routes; each action leaves an admin audit
 * row with the actor `cli`.
 */
import { parseArgs } from 'node:util';
import { AuthService } from '../auth/service';
import { loadConfig } from '../config';
import { openStore } from '../storage/open';
import type { Store } from '../storage/types';
import { AdminError, addTeam, addUser, enrolKiosk, revokeDevice, revokeUser, teamIdsByName } from './ops';

const USAGE = `Usage: npm run admin -- <command>
  team:add NAME
  user:add --email E --name N --role coordinator|worker|helper [--team NAME]... --password-stdin
  user:revoke --email E
  device:revoke --id DEVICE_ID
  kiosk:enrol --name NAME`;

class UsageError extends Error {}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new UsageError('--password-stdin reads the password from standard input: pipe it in, e.g. `echo "$PW" | npm run admin -- user:add …`.');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

function required(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} is required.`);
  return value;
}

async function run(store: Store, command: string, args: string[], print: (line: string) => void, tokenTtlDays: number): Promise<void> {
  const parse = (options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>) =>
    parseArgs({ args, options, allowPositionals: true, strict: true });
  switch (command) {
    case 'team:add': {
      const { positionals } = parse({});
      const name = positionals.join(' ');
      if (!name) throw new UsageError('team:add needs a team name.');
      const team = await addTeam(store, name);
      print(`Added team "${team.name}" (id ${team.id}).`);
      return;
    }
    case 'user:add': {
      const { values } = parse({ email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, team: { type: 'string', multiple: true }, 'password-stdin': { type: 'boolean' } });
      if (!values['password-stdin']) throw new UsageError('user:add needs --password-stdin (passwords are never passed as arguments, which other users of the machine can see).');
      const input = { email: required(values, 'email'), name: required(values, 'name'), role: required(values, 'role') };
      const named = await teamIdsByName(store, (values.team as string[] | undefined) ?? []);
      const { user, teams } = await addUser(store, { ...input, teamIds: named.map((t) => t.id), password: await readStdin() });
      const where = teams.length > 0 ? ` in ${teams.map((t) => `"${t.name}"`).join(', ')}` : ' in no team';
      print(`Added ${user.role} ${user.name} <${user.email ?? ''}>${where} (id ${user.id}).`);
      return;
    }
    case 'user:revoke': {
      const { values } = parse({ email: { type: 'string' } });
      const user = await revokeUser(store, required(values, 'email'));
      print(`Revoked ${user.name} <${user.email ?? ''}>: signed out on every device; their devices will wipe on next contact.`);
      return;
    }
    case 'device:revoke': {
      const { values } = parse({ id: { type: 'string' } });
      const id = required(values, 'id');
      await revokeDevice(store, id);
      print(`Revoked device ${id}: it will wipe its local data on next contact.`);
      return;
    }
    case 'kiosk:enrol': {
      const { values } = parse({ name: { type: 'string' } });
      const name = required(values, 'name');
      const auth = new AuthService(store, { tokenTtlDays, loginFailuresPerAccount: 1, loginFailuresPerAddress: 1 });
      const { code, expiresAt } = await enrolKiosk(store, name, auth);
      print(`Created a one-time enrolment code for kiosk "${name}", valid until ${expiresAt}. Enter it on the kiosk:`);
      print(code);
      return;
    }
    default:
      throw new UsageError(command ? `Unknown command "${command}".` : 'No command given.');
  }
}

async function main(): Promise<number> {
  const [command = '', ...args] = process.argv.slice(2);
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    process.stderr.write(`${loaded.message}\n`);
    return 1;
  }
  let store: Store | null = null;
  try {
    if (!['team:add', 'user:add', 'user:revoke', 'device:revoke', 'kiosk:enrol'].includes(command)) throw new UsageError(command ? `Unknown command "${command}".` : 'No command given.');
    store = await openStore({ dataDir: loaded.value.dataDir, databaseUrl: loaded.value.databaseUrl, pgSchema: loaded.value.pgSchema });
    await run(store, command, args, (line) => process.stdout.write(`${line}\n`), loaded.value.tokenTtlDays);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof AdminError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    // parseArgs reports unknown or malformed options with a readable message and an ERR_PARSE_ARGS code.
    if (error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`The command failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await store?.close();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exitCode = 1;
  },
);
