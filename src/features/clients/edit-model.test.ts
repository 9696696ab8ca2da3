/** The edit page saves only what the person changed, and clears what they emptied. */
import { describe, expect, it } from 'vitest';
import { validateClientForm } from '#shared/domain/forms';
import type { Client } from '#shared/schemas/index';
import { changedClientFields, describeChanges, editValuesOf } from './edit-model';

const stored = {
  id: 'c1',
  name: 'Maya Patel',
  teamId: 't1',
  createdBy: 'u1',
  phone: '07700 900001',
  postcode: 'LS6 2AB',
  needs: ['housing'],
  writeId: 'w1',
  createdAt: '2025-01-01T00:00:00.000Z',
  clientUpdatedAt: '2025-01-01T00:00:00.000Z',
} as Client;

const patchFor = (edit: (v: ReturnType<typeof editValuesOf>) => void) => {
  const start = editValuesOf(stored);
  const current = { ...start, needs: [...start.needs] };
  edit(current);
  const result = validateClientForm(current, '2025-06-01');
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return changedClientFields(start, current, result.value);
};

describe('client edit patch', () => {
  it('prefills every field, empty where nothing is recorded', () => {
    expect(editValuesOf(stored)).toMatchObject({ name: 'Maya Patel', phone: '07700 900001', email: '', language: '', needs: ['housing'], teamId: 't1' });
  });

  it('holds nothing when nothing changed', () => {
    expect(patchFor(() => undefined)).toEqual({});
  });

  it('[C3] holds only the changed field, normalised', () => {
    expect(patchFor((v) => (v.language = ' Polish '))).toEqual({ language: 'Polish' });
    expect(patchFor((v) => (v.postcode = 'ls1 4ap'))).toEqual({ postcode: 'LS1 4AP' });
  });

  it('clears an optional field the person emptied', () => {
    const patch = patchFor((v) => (v.phone = ''));
    expect(patch).toEqual({ phone: undefined });
    expect('phone' in patch).toBe(true);
  });

  it('includes needs only when the choice changed', () => {
    expect(patchFor((v) => v.needs.push('food'))).toEqual({ needs: ['housing', 'food'] });
  });

  it('describes the changes in words', () => {
    expect(describeChanges({ phone: 'x' })).toBe('phone number');
    expect(describeChanges({ phone: 'x', language: 'y', postcode: 'z' })).toBe('phone number, language and postcode');
  });
});
