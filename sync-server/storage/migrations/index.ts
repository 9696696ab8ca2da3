/**
 * The ordered list of schema migrations. Each has a timestamped id (applied in id order, recorded in
 * `schema_migrations`) and one script per dialect. Migrations are append-only: never edit one that
 * has shipped; add a new file. There are no down scripts: a bad migration is fixed by a new one,
 * because rolling back a store that devices have already synced from would lose their writes.
 */
import { initial } from './20250601120000_initial';
import { admin } from './20261129031000_admin';
import { accessEpoch } from './20261129033000_access_epoch';
import { heldDealtWith } from './20261203230000_held_dealt_with';

export interface Migration {
  /** `YYYYMMDDHHMMSS_name`; sorting the ids gives the order. */
  id: string;
  sqlite: string;
  postgres: string;
}

export const MIGRATIONS: readonly Migration[] = [initial, admin, accessEpoch, heldDealtWith];
