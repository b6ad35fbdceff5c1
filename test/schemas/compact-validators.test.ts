// The compacted validators report what Ajv's report, less schemaPath, and are smaller.
import { createRequire } from 'node:module';
import standalone from 'ajv/dist/standalone/index.js';
import { describe, expect, it } from 'vitest';
import { ADD_ERROR, compactErrors } from '../../scripts/compact-validators.js';
import { newAjv } from '../../scripts/gen-schemas.js';

const SCHEMA = {
  type: 'object',
  properties: {
    name: { type: 'string', pattern: '^[a-z]+$' },
    replicas: { type: 'integer', minimum: 0 },
    policy: { type: 'string', enum: ['Always', 'Never'] },
    port: { 'x-kubernetes-int-or-string': true, type: ['integer', 'string'] },
    labels: { type: 'object', additionalProperties: { type: 'string' } },
    items: { type: 'array', items: { type: 'object', properties: { key: { type: 'string' } }, required: ['key'], additionalProperties: false } },
  },
  required: ['name'],
  additionalProperties: false,
};

type Validate = ((d: unknown) => boolean) & { errors?: Record<string, unknown>[] | null };

function load(source: string): Validate {
  const module = { exports: {} as Record<string, Validate> };
  new Function('exports', 'module', 'require', source)(module.exports, module, createRequire(import.meta.url));
  return module.exports.v;
}

describe('compactErrors', () => {
  const ajv = newAjv({ source: true });
  ajv.addSchema({ ...SCHEMA, $id: 'https://example.invalid/s.json' });
  const source = standalone.default(ajv, { v: 'https://example.invalid/s.json' });
  const compacted = compactErrors(source);

  it('replaces every inline error push with the helper', () => {
    expect(compacted).not.toContain('schemaPath');
    expect(compacted).not.toMatch(/const err\d+ = /);
    expect(compacted).toContain(`function ${ADD_ERROR}(`);
    expect(compacted.length).toBeLessThan(source.length * 0.8);
  });

  it('reports the same errors, less schemaPath', () => {
    const [orig, small] = [load(source), load(compacted)];
    const docs = [
      {}, 'no', { name: 'ok' }, { name: 'Bad', replicas: -1, policy: 'Sometimes', port: 1.5, extra: true },
      { name: 'a', labels: { x: 1, 'a/b~c': 2 } }, { name: 'a', labels: 'x' }, { name: 'a', items: [{}, { key: 1, other: 2 }, 'x'] },
      { name: null, replicas: '3', items: {} },
    ];
    for (const d of docs) {
      const want = orig(d);
      const wantErrors = orig.errors?.map(({ schemaPath: _, ...rest }) => rest) ?? null;
      expect([small(d), small.errors ?? null]).toEqual([want, wantErrors]);
    }
  });

  it('leaves code without error pushes alone', () => {
    expect(compactErrors('"use strict";function f(){return 1;}')).toBe('"use strict";function f(){return 1;}');
  });
});
