// The compacted validators report what Ajv's report, less schemaPath, and are smaller.
import { createRequire } from 'node:module';
import standalone from 'ajv/dist/standalone/index.js';
import { describe, expect, it } from 'vitest';
import { ADD_ERROR, compactValidators, inlineSchemaReads, minifyModule } from '../../scripts/compact-validators.js';
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
    // More than eight properties: Ajv looks unknown ones up in the schema literal.
    a1: { type: 'boolean' }, a2: { type: ['string', 'null'] }, a3: { type: 'number' }, a4: { type: 'string', maxLength: 3 },
    ref: { $ref: '#/definitions/Ref' },
    refs: { type: 'array', items: { $ref: '#/definitions/Ref' } },
  },
  definitions: {
    Ref: { type: 'object', properties: { mode: { type: 'string', enum: ['A', 'B'] }, n: { type: 'integer' } }, required: ['mode'] },
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

describe('compactValidators', () => {
  const ajv = newAjv({ source: true });
  ajv.addSchema({ ...SCHEMA, $id: 'https://example.invalid/s.json' });
  const source = standalone.default(ajv, { v: 'https://example.invalid/s.json' });
  const compacted = compactValidators(inlineSchemaReads(source));

  it('replaces every inline error push with the helper', () => {
    expect(compacted).not.toContain('schemaPath');
    expect(compacted).not.toMatch(/const err\d+ = /);
    expect(compacted).toContain(`function ${ADD_ERROR}(`);
    expect(compacted).not.toMatch(/const schema\d+ = /);
    expect(compacted).not.toMatch(/parentData|rootData/);
    expect(compacted).toContain('.has(key0)');
    expect(compacted.length).toBeLessThan(source.length * 0.8);
  });

  it('reports the same errors, less schemaPath', () => {
    const [orig, small] = [load(source), load(compacted)];
    const docs = [
      {}, 'no', { name: 'ok' }, { name: 'Bad', replicas: -1, policy: 'Sometimes', port: 1.5, extra: true },
      { name: 'a', labels: { x: 1, 'a/b~c': 2 } }, { name: 'a', labels: 'x' }, { name: 'a', items: [{}, { key: 1, other: 2 }, 'x'] },
      { name: null, replicas: '3', items: {} },
      { name: 'a', a1: 1, a2: null, a3: Infinity, a4: 'long', ref: { mode: 'C', n: 1.5 }, refs: [{}, { mode: 'A', n: 2 }, 3], b: 1 },
      { name: 'a', a2: 2, port: 'x', replicas: 2 ** 53, ref: [] },
    ];
    for (const d of docs) {
      const want = orig(d);
      const wantErrors = orig.errors?.map(({ schemaPath: _, ...rest }) => rest) ?? null;
      expect([small(d), small.errors ?? null]).toEqual([want, wantErrors]);
    }
  });

  it('minifies a module, keeping its first line and what it reports', () => {
    const min = minifyModule(`// generated\n${compacted}`);
    expect(min.startsWith('// generated\n')).toBe(true);
    expect(min.length).toBeLessThan(compacted.length * 0.8);
    const [small, smaller] = [load(compacted), load(min)];
    for (const d of [{}, { name: 'Bad', replicas: 1.5, ref: { n: 'x' }, zz: 1 }]) {
      expect([smaller(d), smaller.errors]).toEqual([small(d), small.errors]);
    }
  });

  it('leaves code without error pushes alone', () => {
    expect(compactValidators('"use strict";function f(){return 1;}')).toBe('"use strict";function f(){return 1;}');
  });
});
