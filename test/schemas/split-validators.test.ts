// The validators are split so that a run loads the code of the kinds in its input only: each
// kind's module holds what that kind alone uses, and code several kinds use lives once, in the
// module of exactly those kinds.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { describe, expect, it } from 'vitest';
import { newAjv } from '../../scripts/gen-schemas.js';
import { splitValidators } from '../../scripts/split-validators.js';
import { validatorPath } from '../../src/validate/schema/validators.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

const SHARED = 'https://example.invalid/shared.json';
const schemas = {
  A: { type: 'object', properties: { meta: { $ref: `${SHARED}#/definitions/Meta` }, a: { $ref: '#/definitions/OnlyA' } }, additionalProperties: false, definitions: { OnlyA: { type: 'string', pattern: '^a+$' } } },
  B: { type: 'object', properties: { meta: { $ref: `${SHARED}#/definitions/Meta` }, pod: { $ref: `${SHARED}#/definitions/Pod` } }, additionalProperties: false },
  C: { type: 'object', properties: { meta: { $ref: `${SHARED}#/definitions/Meta` }, pod: { $ref: `${SHARED}#/definitions/Pod` } }, required: ['pod'] },
};
// Ajv compiles a kind's own $ref into the shared schema once per kind; what that definition
// refers to in turn, once for all kinds.
const shared = {
  definitions: {
    Meta: { type: 'object', properties: { labels: { $ref: '#/definitions/Labels' } } },
    Labels: { type: 'object', additionalProperties: { type: 'string' } },
    Pod: { type: 'object', properties: { containers: { type: 'array', items: { $ref: '#/definitions/Container' } } } },
    Container: { type: 'object', properties: { image: { type: 'string', enum: ['x', 'y'] } } },
  },
};

function split() {
  const ajv = newAjv({ source: true });
  ajv.addSchema({ ...shared, $id: SHARED });
  for (const [name, s] of Object.entries(schemas)) ajv.addSchema({ ...s, $id: `https://example.invalid/${name}.json` });
  const source = standaloneCode(ajv, Object.fromEntries(Object.keys(schemas).map((n) => [n, `https://example.invalid/${n}.json`])));
  const files = splitValidators(source, new Map(Object.keys(schemas).map((n) => [n, `v/kinds/${n}.cjs`])), 'v/shared');
  const dir = mkdtempSync(join(tmpdir(), 'kruisec-split-'));
  for (const [p, c] of files) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), c);
  }
  const whole = { exports: {} as Record<string, (d: unknown) => boolean> };
  new Function('exports', 'module', 'require', source)(whole.exports, whole, createRequire(import.meta.url));
  return { files, dir, whole: whole.exports };
}

describe('splitValidators', () => {
  const { files, dir, whole } = split();

  it('writes a module per kind and one per set of kinds sharing code', () => {
    expect([...files.keys()].filter((p) => p.startsWith('v/kinds/')).sort()).toEqual(['v/kinds/A.cjs', 'v/kinds/B.cjs', 'v/kinds/C.cjs']);
    // Labels is used by all three, Container by B and C: two shared modules.
    expect([...files.keys()].filter((p) => p.startsWith('v/shared/'))).toHaveLength(2);
    expect(files.get('v/kinds/A.cjs')).not.toContain('"x","y"');
    expect(files.get('v/kinds/A.cjs')).toContain('^a+$');
    expect(files.get('v/kinds/B.cjs')).not.toContain('^a+$');
  });

  it('validates as the unsplit module does', () => {
    const req = createRequire(join(dir, 'x.js'));
    const docs = [{}, { meta: { labels: { a: 1 } } }, { a: 'aa' }, { a: 'b' }, { pod: { containers: [{ image: 'z' }] } }, { pod: { containers: [{ image: 'x' }] }, meta: {} }, { extra: 1 }, 'no'];
    for (const kind of Object.keys(schemas)) {
      const fn = req(`./v/kinds/${kind}.cjs`) as ((d: unknown) => boolean) & { errors?: unknown };
      const orig = whole[kind] as ((d: unknown) => boolean) & { errors?: unknown };
      for (const d of docs) {
        expect([kind, fn(d), fn.errors]).toEqual([kind, orig(d), orig.errors]);
      }
    }
  });

  it('is deterministic', () => {
    expect([...split().files]).toEqual([...files]);
  });
});

describe('schemas/validators', () => {
  it('loads, for one kind, no code that only other kinds use', () => {
    const req = createRequire(join(ROOT, 'package.json'));
    const before = new Set(Object.keys(req.cache));
    req(`./${validatorPath({ apiVersion: 'rollouts.kruise.io/v1beta1', kind: 'Rollout' })}`);
    const loaded = Object.keys(req.cache).filter((f) => !before.has(f)).map((f) => f.slice(ROOT.length + 1));
    const kinds = loaded.filter((f) => !f.startsWith('schemas/validators/shared/'));
    expect(kinds).toEqual(['schemas/validators/rollouts.kruise.io/v1beta1/Rollout.cjs']);
    // It shares object metadata with the workloads, not their pod template.
    const sharedBytes = loaded.filter((f) => f.startsWith('schemas/validators/shared/')).reduce((n, f) => n + readFileSync(join(ROOT, f)).length, 0);
    expect(sharedBytes).toBeLessThan(50_000);
  });
});
