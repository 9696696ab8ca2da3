/**
 * The build-time validators: the committed generated module matches a fresh generation from the
 * schemas (so it cannot drift), it rejects what the schemas reject with Ajv's error objects, and a
 * schema changed without regenerating is refused instead of passing unchecked.
 */
import { readFileSync } from 'node:fs';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { fillWithDefaultSettings } from 'rxdb';
import { beforeAll, describe, expect, it } from 'vitest';
import { schemas } from '#shared/schemas/index';
import { GENERATED_JS, generateValidators } from './validators-build';
import { formats, schemaInfo } from './validators.generated';
import { generatedValidator, loadValidators, VALIDATED } from './validators';

const filled = (schema: object) => fillWithDefaultSettings(schema as never);
const stored = { _deleted: false, _rev: '1-a', _meta: { lwt: 1 }, _attachments: {} };

describe('generated validators', () => {
  beforeAll(loadValidators);

  it('writes wait for the lazily loaded validators in exactly the collections that have one', () => {
    expect([...VALIDATED].sort()).toEqual(Object.keys(schemaInfo).sort());
  });

  it('the committed module is exactly what the schemas generate (run `npx tsx src/db/validators-build.ts` if not)', () => {
    expect(readFileSync(GENERATED_JS, 'utf8')).toBe(generateValidators());
  });

  it('accept a valid stored task and reject a bad one with the field and the rule', () => {
    const validate = generatedValidator(filled(schemas.tasks));
    const task = {
      id: 't1', caseId: 'c1', clientId: 'k1', assignedTo: 'u1', title: 'Call back', due: '2026-01-02', done: false,
      writeId: 'w1', createdAt: '2026-01-01T10:00:00.000Z', clientUpdatedAt: '2026-01-01T10:00:00.000Z', ...stored,
    };
    const valid = validate(task);
    expect(valid).toEqual([]);
    const errors = validate({ ...task, title: 'x'.repeat(5000) });
    expect(errors[0]).toMatchObject({ instancePath: '/title', keyword: 'maxLength' });
    expect(validate({ ...task, surprise: 1 })).toMatchObject([{ keyword: 'additionalProperties' }]);
    expect(validate({ ...task, createdAt: 'yesterday' })).toMatchObject([{ instancePath: '/createdAt', keyword: 'format' }]);
  });

  it('refuses a collection whose schema changed since generation', () => {
    const changed = filled({ ...schemas.tasks, properties: { ...schemas.tasks.properties, extra: { type: 'string' } } });
    expect(() => generatedValidator(changed)).toThrow(/"tasks" schema changed since its validator was generated/);
  });

  it('lets RxDB-internal stores and older schema versions through unvalidated', () => {
    expect(generatedValidator(filled({ title: 'RxInternalDocument', version: 0, primaryKey: 'id', type: 'object', properties: { id: { type: 'string', maxLength: 9 } } }))({ x: 1 })).toEqual([]);
  });

  it('check dates and date-times exactly as ajv-formats does (the server)', () => {
    const samples = [
      '2026-01-02', '2024-02-29', '2023-02-29', '2026-13-01', '2026-00-10', '2026-1-2', '',
      '2026-01-02T10:00:00.000Z', '2026-01-02T10:00:00Z', '2026-01-02 10:00:00+01:00', '2026-01-02T10:00:00',
      '2026-01-02T24:00:00Z', '2026-12-31T23:59:60Z', '2026-01-02T10:00:00+25:00', '2026-01-02t10:00:00z', 'yesterday',
    ];
    const server = { date: fullFormats.date, 'date-time': fullFormats['date-time'] } as Record<string, { validate: (s: string) => boolean }>;
    for (const name of ['date', 'date-time'] as const) {
      for (const sample of samples) {
        expect([name, sample, formats[name].validate(sample)]).toEqual([name, sample, server[name]?.validate(sample)]);
      }
    }
  });
});
