/**
 * Migration strategies per collection, keyed by the schema version they migrate *to*. Every schema is
 * at version 0 today; when a schema's version goes up, add `{ [newVersion]: (oldDoc) => newDoc }`
 * here and a test in migrations.test.ts that opens a database written at the old version.
 */
import type { MigrationStrategies } from 'rxdb';
import type { CollectionName } from '#shared/schemas/index';

export const migrationStrategies: Record<CollectionName, MigrationStrategies> = {
  clients: {},
  cases: {},
  visits: {},
  tasks: {},
  feedback: {},
  conflicts: {},
};
