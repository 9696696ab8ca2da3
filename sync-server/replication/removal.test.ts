/** Unit tests of removal stubs (A3): valid against every schema, and carrying nothing of the document. */
import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES } from '#shared/schemas/index';
import { validateDocument } from '#shared/lib/validate';
import { removalStub } from './removal';

describe('[A3] removal stubs', () => {
  it.each(COLLECTION_NAMES)('[A3] a %s removal passes the schema and is deleted', (collection) => {
    const stub = removalStub(collection, 'doc-1', 'w-1', '2026-01-01T00:00:00.000Z');
    const { _deleted, ...data } = stub;
    expect(_deleted).toBe(true);
    const checked = validateDocument(collection, data);
    expect(checked.ok ? true : checked.message).toBe(true);
    expect(data).toMatchObject({ id: 'doc-1', writeId: 'w-1', serverUpdatedAt: '2026-01-01T00:00:00.000Z' });
  });

  it('[A3] a removal keeps no name, note, title or assignee', () => {
    expect(removalStub('clients', 'c', 'w')).toMatchObject({ name: '-' });
    expect(removalStub('visits', 'v', 'w')).toMatchObject({ notes: '', caseId: '', clientId: '', by: '' });
    expect(removalStub('tasks', 't', 'w')).toMatchObject({ title: '-', assignedTo: '' });
    expect(removalStub('cases', 'k', 'w')).toMatchObject({ assignedTo: [], sharedWithTeam: false, teamId: '' });
  });
});
