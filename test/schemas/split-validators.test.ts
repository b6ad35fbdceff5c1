// The validators are split so that a run loads the code its input reaches: a kind's module when
// the kind shows up, a definition's module when a resource first has the field that refers to it.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import standalone from 'ajv/dist/standalone/index.js';
import { describe, expect, it } from 'vitest';
import { compactValidators, inlineSchemaReads } from '../../scripts/compact-validators.js';
import { newAjv } from '../../scripts/gen-schemas.js';
import { splitValidators, type ValidatorUnit } from '../../scripts/split-validators.js';
import { validatorPath } from '../../src/validate/schema/validators.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const ID = 'https://example.invalid/';

// Every definition a schema of its own, as gen-schemas.ts writes them.
const defs: Record<string, object> = {
  Meta: { type: 'object', properties: { labels: { $ref: `${ID}Labels` } } },
  Labels: { type: 'object', additionalProperties: { type: 'string' } },
  Pod: { type: 'object', properties: { containers: { type: 'array', items: { $ref: `${ID}Container` } }, volume: { $ref: `${ID}Volume` } } },
  Container: { type: 'object', properties: { image: { type: 'string', enum: ['x', 'y'] } }, required: ['image'] },
  Volume: { type: 'object', properties: { size: { type: 'integer' }, medium: { type: 'string', pattern: '^(Memory)?$' } }, additionalProperties: false },
};
const kinds: Record<string, object> = {
  A: { type: 'object', properties: { meta: { $ref: `${ID}Meta` }, a: { type: 'string', pattern: '^a+$' } }, additionalProperties: false },
  B: { type: 'object', properties: { meta: { $ref: `${ID}Meta` }, pod: { $ref: `${ID}Pod` } }, additionalProperties: false },
  C: { type: 'object', properties: { meta: { $ref: `${ID}Meta` }, pod: { $ref: `${ID}Pod` } }, required: ['pod'] },
};

function split(joinBytes?: number) {
  const ajv = newAjv({ source: true });
  const units = new Map<string, ValidatorUnit>();
  for (const [name, s] of Object.entries(defs)) {
    ajv.addSchema({ ...s, $id: `${ID}${name}` });
    units.set(name, { file: `v/defs/${name}.cjs`, root: false });
  }
  for (const [name, s] of Object.entries(kinds)) {
    ajv.addSchema({ ...s, $id: `${ID}${name}` });
    units.set(name, { file: `v/kinds/${name}.cjs`, root: true });
  }
  const source = standalone.default(ajv, Object.fromEntries([...units.keys()].map((n) => [n, `${ID}${n}`])));
  const files = splitValidators(compactValidators(inlineSchemaReads(source)), units, joinBytes);
  const dir = mkdtempSync(join(tmpdir(), 'kruisec-split-'));
  for (const [p, c] of files) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), c);
  }
  const whole = { exports: {} as Record<string, (d: unknown) => boolean> };
  new Function('exports', 'module', 'require', source)(whole.exports, whole, createRequire(import.meta.url));
  return { files, dir, whole: whole.exports };
}

type Validate = ((d: unknown) => boolean) & { errors?: Record<string, unknown>[] | null };
const DOCS = [{}, { meta: { labels: { a: 1 } } }, { a: 'aa' }, { a: 'b' }, { pod: { containers: [{ image: 'z' }, {}] } }, { pod: { containers: [{ image: 'x' }] }, meta: {} },
  { pod: { volume: { size: 1.5, medium: 'Disk', extra: 1 } } }, { extra: 1 }, 'no', { pod: null }];

describe('splitValidators', () => {
  const { files, dir, whole } = split(0);

  it('writes a module per kind and one per definition some kind reaches', () => {
    expect([...files.keys()].sort()).toEqual([
      'v/defs/Container.cjs', 'v/defs/Labels.cjs', 'v/defs/Meta.cjs', 'v/defs/Pod.cjs', 'v/defs/Volume.cjs',
      'v/kinds/A.cjs', 'v/kinds/B.cjs', 'v/kinds/C.cjs',
    ]);
    expect(files.get('v/kinds/A.cjs')).toContain('^a+$');
    expect(files.get('v/defs/Pod.cjs')).not.toContain('Memory');
  });

  it('validates as the unsplit module does (less schemaPath)', () => {
    const req = createRequire(join(dir, 'x.js'));
    for (const kind of Object.keys(kinds)) {
      const fn = req(`./v/kinds/${kind}.cjs`) as Validate;
      const orig = whole[kind] as Validate;
      for (const d of DOCS) {
        const want = orig(d);
        expect([kind, fn(d), fn.errors ?? null]).toEqual([kind, want, orig.errors?.map(({ schemaPath: _, ...e }) => e) ?? null]);
      }
    }
  });

  it('loads a definition\'s module only when a resource has a field that refers to it', () => {
    const { dir } = split(0); // a copy no other test has loaded from
    const req = createRequire(join(dir, 'x.js'));
    const loaded = () => Object.keys(req.cache).filter((f) => f.startsWith(dir)).map((f) => f.slice(dir.length + 1)).sort();
    const b = req('./v/kinds/B.cjs') as Validate;
    expect(loaded()).toEqual(['v/kinds/B.cjs']);
    b({ pod: { containers: [{ image: 'x' }] } });
    expect(loaded()).toEqual(['v/defs/Container.cjs', 'v/defs/Pod.cjs', 'v/kinds/B.cjs']);
    b({ pod: { volume: { size: 'big' } } });
    expect(b.errors).toEqual([{ instancePath: '/pod/volume/size', keyword: 'type', params: { type: 'integer' }, message: 'must be integer' }]);
    expect(loaded()).toContain('v/defs/Volume.cjs');
  });

  it('joins a small definition into the module of its only caller', () => {
    const joined = split().files;
    expect([...joined.keys()].filter((f) => f.startsWith('v/defs/')).sort()).toEqual(['v/defs/Meta.cjs', 'v/defs/Pod.cjs']);
    expect(joined.get('v/defs/Pod.cjs')).toContain('Memory');
  });

  it('is deterministic', () => {
    expect([...split(0).files]).toEqual([...files]);
  });
});

describe('schemas/validators', () => {
  it('loads, for one kind, only what its resource reaches', () => {
    const req = createRequire(join(ROOT, 'package.json'));
    const before = new Set(Object.keys(req.cache));
    const rollout = req(`./${validatorPath({ apiVersion: 'rollouts.kruise.io/v1beta1', kind: 'Rollout' })}`) as Validate;
    const loaded = () => Object.keys(req.cache).filter((f) => !before.has(f)).map((f) => f.slice(ROOT.length + 1));
    expect(loaded()).toEqual(['schemas/validators/rollouts.kruise.io/v1beta1/Rollout.cjs']);
    expect(rollout({ apiVersion: 'rollouts.kruise.io/v1beta1', kind: 'Rollout', metadata: { name: 'r' }, spec: { workloadRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'd' }, strategy: { canary: { steps: [{ replicas: 1 }] } } } })).toBe(true);
    // Object metadata, shared with every kind, but no pod template: a Rollout has none.
    expect(loaded()).toContain('schemas/validators/defs/V1ObjectMeta.cjs');
    expect(loaded().filter((f) => /Pod|Container|Volume/.test(f))).toEqual([]);
  });
});
