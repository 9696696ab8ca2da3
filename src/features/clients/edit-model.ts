/**
 * The edit page's rules, pure so they are unit-tested: the form's starting values from a stored
 * client, and the patch to save. The patch holds ONLY the fields the person changed on the form
 * (compared with what the form was prefilled with), so an edit of another field made on another
 * device at the same time merges cleanly (sync.md C3). An optional field the person emptied is in
 * the patch as `undefined` (withClearedFields), which removes it from the record.
 */
import { CLIENT_OPTIONAL_FIELDS, withClearedFields, type ClientFormValue } from '#shared/domain/forms';
import type { Client } from '#shared/schemas/index';
import type { RegisterValues } from './RegisterClientFields';

export type ClientPatch = Partial<ClientFormValue> & { teamId?: string };

/** The form's values for a stored client: every text field as the person last saved it. */
export function editValuesOf(client: Readonly<Client>): RegisterValues {
  return {
    name: client.name,
    dateOfBirth: client.dateOfBirth ?? '',
    postcode: client.postcode ?? '',
    address: client.address ?? '',
    phone: client.phone ?? '',
    email: client.email ?? '',
    language: client.language ?? '',
    needs: [...(client.needs ?? [])],
    notes: client.notes ?? '',
    teamId: client.teamId,
  };
}

const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((item, i) => item === b[i]);

/**
 * The fields to write: those whose form input differs from the prefilled input, with the validated
 * value (or `undefined` when an optional field was emptied). An empty object means nothing changed.
 */
export function changedClientFields(start: RegisterValues, current: RegisterValues, value: ClientFormValue): ClientPatch {
  const cleared = withClearedFields(value, CLIENT_OPTIONAL_FIELDS);
  const patch: ClientPatch = {};
  for (const field of ['name', ...CLIENT_OPTIONAL_FIELDS] as const) {
    if (current[field] !== start[field]) Object.assign(patch, { [field]: cleared[field] });
  }
  if (!sameList(current.needs, start.needs)) patch.needs = value.needs;
  if (current.teamId !== start.teamId && current.teamId !== '') patch.teamId = current.teamId;
  return patch;
}

/** The changed fields in words for the confirmation: "phone number and language". */
export const FIELD_WORDS: Record<keyof ClientPatch, string> = {
  name: 'name',
  dateOfBirth: 'date of birth',
  phone: 'phone number',
  email: 'email address',
  postcode: 'postcode',
  address: 'address',
  language: 'language',
  needs: 'needs',
  notes: 'notes',
  teamId: 'team',
};

export function describeChanges(patch: ClientPatch): string {
  const words = (Object.keys(patch) as (keyof ClientPatch)[]).map((k) => FIELD_WORDS[k]);
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1] ?? ''}`;
}
