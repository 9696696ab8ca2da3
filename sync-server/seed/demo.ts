/**
 * Seeds the demo organisation (src/shared/demo) into an empty store, so a fresh `npm start` has
 * people to sign in as and a caseload to look at. Skipped when any user exists, and never run in
 * production (config refuses it: the demo accounts share a public password).
 *
 * Every demo account has the same password, so it is hashed once and that hash reused: seeding 11
 * users costs one scrypt instead of eleven (~3 s on a small machine). Acceptable for demo accounts
 * only; real accounts always get their own salt (admin CLI).
 */
import { generateDemoOrg, type DemoOrg } from '#shared/demo/generate';
import { COLLECTION_NAMES, type CollectionName } from '#shared/schemas/index';
import { splitLocalFields, validateDocument, type DocData } from '#shared/lib/validate';
import { hashPassword } from '../auth/passwords';
import type { Logger } from '../log';
import type { DocWrite, Store } from '../storage/types';

/** Documents per seeding transaction: large enough to be quick, small enough to keep each short. */
const SEED_CHUNK = 500;

function authorOf(data: DocData, fallback: string): string {
  for (const field of ['by', 'createdBy', 'losingBy']) {
    const value = data[field];
    if (typeof value === 'string' && value !== '') return value;
  }
  return fallback;
}

async function seedDocs(store: Store, collection: CollectionName, docs: readonly DocData[], coordinatorId: string, logger: Logger): Promise<number> {
  let written = 0;
  for (let i = 0; i < docs.length; i += SEED_CHUNK) {
    const writes: DocWrite[] = [];
    for (const doc of docs.slice(i, i + SEED_CHUNK)) {
      const { data: fields, deleted } = splitLocalFields(doc);
      const at = typeof fields.clientUpdatedAt === 'string' ? fields.clientUpdatedAt : new Date().toISOString();
      const by = authorOf(fields, coordinatorId);
      const data: DocData = { ...fields, serverUpdatedAt: at, serverUpdatedBy: by };
      const checked = validateDocument(collection, data);
      if (!checked.ok) {
        logger.log('warn', 'seed document skipped', { collection, id: data.id, reason: checked.message });
        continue;
      }
      writes.push({ id: String(data.id), data, deleted, writeId: String(data.writeId), serverUpdatedAt: at, serverUpdatedBy: by });
    }
    const outcome = await store.applyBatch(collection, writes.map((w) => w.id), { userId: coordinatorId, deviceId: null }, () => ({ writes, quarantine: [], result: null }));
    written += outcome.written.length;
  }
  return written;
}

export async function seedOrg(store: Store, org: DemoOrg, logger: Logger): Promise<void> {
  for (const team of org.teams) await store.createTeam(team.name, team.id);
  const hashes = new Map<string, string>();
  for (const user of org.users) {
    let hash = hashes.get(user.password);
    if (!hash) {
      hash = await hashPassword(user.password);
      hashes.set(user.password, hash);
    }
    await store.createUser({ id: user.id, email: user.email, name: user.name, role: user.role, passwordHash: hash, teamIds: user.teamIds });
  }
  const coordinatorId = org.users.find((u) => u.role === 'coordinator')?.id ?? 'seed';
  const counts: Record<string, number> = {};
  for (const collection of COLLECTION_NAMES) {
    counts[collection] = await seedDocs(store, collection, org.docs[collection], coordinatorId, logger);
  }
  logger.log('info', 'seeded demo organisation', { teams: org.teams.length, users: org.users.length, ...counts });
}

/** Seeds the demo organisation if the store has no users yet; returns whether it did. */
export async function seedDemoIfEmpty(store: Store, logger: Logger, options: { seed?: number; clients?: number } = {}): Promise<boolean> {
  if ((await store.countUsers()) > 0) return false;
  await seedOrg(store, generateDemoOrg(options), logger);
  return true;
}
