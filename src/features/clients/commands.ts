/**
 * Writes of the clients feature, all through src/db/writes.ts (writeId, outbox) after the domain
 * validators (src/shared/domain/forms.ts) have shaped the value. Storage failures arrive as
 * StorageError with a plain message for the page to show beside its Save button.
 */
import type { ResonanceDatabase } from '#db/database';
import { classifyStorageError, type StorageError } from '#db/errors';
import { createDoc, updateDoc } from '#db/writes';
import type { ClientFormValue, ConsentFormValue } from '#shared/domain/forms';
import type { Client, Consent } from '#shared/schemas/index';

export type CommandResult<T> = { ok: true; value: T } | { ok: false; error: StorageError };

export interface RegisterInput {
  value: ClientFormValue;
  teamId: string;
  userId: string;
}

export async function registerClient(db: ResonanceDatabase, input: RegisterInput): Promise<CommandResult<Client>> {
  try {
    const client = await createDoc(db, 'clients', { ...input.value, teamId: input.teamId, createdBy: input.userId });
    return { ok: true, value: client };
  } catch (e) {
    return { ok: false, error: classifyStorageError(e) };
  }
}

/**
 * Adds a consent record to the client's `consents`. The list is read fresh from the database at the
 * moment of saving, so a consent that synced in while the form was open is kept, not overwritten.
 */
export async function recordConsent(
  db: ResonanceDatabase,
  clientId: string,
  value: ConsentFormValue,
  userId: string,
): Promise<CommandResult<Consent>> {
  try {
    const current = await db.clients.findOne(clientId).exec();
    if (!current) throw new Error(`No client ${clientId} on this device`);
    const consent: Consent = { purpose: value.purpose, given: value.given, at: value.at, recordedBy: userId };
    await updateDoc(db, 'clients', clientId, { consents: [...(current.consents ?? []), consent] });
    return { ok: true, value: consent };
  } catch (e) {
    return { ok: false, error: classifyStorageError(e) };
  }
}

/**
 * Saves the fields a person changed on the edit page, and only those (edit-model.ts builds the
 * patch): another device's edit of another field then merges cleanly (sync.md C3). A field set to
 * `undefined` is cleared. Nothing is written when the patch is empty.
 */
export async function updateClientDetails(db: ResonanceDatabase, clientId: string, patch: Partial<ClientFormValue> & { teamId?: string }): Promise<CommandResult<number>> {
  const fields = Object.keys(patch).length;
  if (fields === 0) return { ok: true, value: 0 };
  try {
    await updateDoc(db, 'clients', clientId, patch);
    return { ok: true, value: fields };
  } catch (e) {
    return { ok: false, error: classifyStorageError(e) };
  }
}
