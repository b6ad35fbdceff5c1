// `kruisec fn` in process: the ResourceList wire format (KRM Functions Specification v1) on
// edge cases the orchestrators seldom send, with standard input handed in through Io.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

const DATA = join(import.meta.dirname, 'testdata');
const BROKEN = readFileSync(join(DATA, 'kustomize-broken', 'cloneset.yaml'), 'utf8');

async function fn(args: string[], stdin: string | Uint8Array) {
  let out = '';
  let err = '';
  const code = await main(['fn', ...args], { out: (s) => { out += typeof s === 'string' ? s : Buffer.from(s).toString('utf8'); }, err: (s) => { err += s; }, cwd: DATA, stdin: () => stdin });
  return { code, out, err };
}

/** A ResourceList of objects, each annotated with the file kpt read it from. */
function resourceList(objs: object[], extra: object = {}): string {
  const items = objs.map((o, i) => {
    const obj = o as { metadata?: { annotations?: Record<string, string> } };
    return { ...obj, metadata: { ...obj.metadata, annotations: { ...obj.metadata?.annotations, 'internal.config.kubernetes.io/path': 'apps/web.yaml', 'internal.config.kubernetes.io/index': String(i) } } };
  });
  return yaml.dump({ apiVersion: 'config.kubernetes.io/v1', kind: 'ResourceList', items, ...extra });
}

const configMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web-config', namespace: 'shop' }, data: { mode: 'prod' } };
const broken = yaml.load(BROKEN) as object;

describe('kruisec fn validate', () => {
  it('hands a valid ResourceList back byte for byte', async () => {
    const input = resourceList([configMap]);
    expect(await fn(['validate'], input)).toEqual({ code: 0, out: input, err: '' });
  });

  it('appends a result per diagnostic, sorted, and exits 1 on errors', async () => {
    const input = resourceList([configMap, broken]);
    const r = await fn(['validate'], input);
    expect(r.code).toBe(1);
    expect(r.out.startsWith(input)).toBe(true);
    const out = yaml.load(r.out) as { items: unknown[]; results: Record<string, unknown>[] };
    expect(out.items).toEqual((yaml.load(input) as { items: unknown[] }).items);
    expect(out.results).toEqual([{
      message: '`selector` does not match template `labels` (help: give spec.template.metadata.labels every label spec.selector requires)',
      severity: 'error',
      resourceRef: { apiVersion: 'apps.kruise.io/v1alpha1', kind: 'CloneSet', name: 'web', namespace: 'shop' },
      field: { path: 'spec.template.metadata.labels' },
      file: { path: 'apps/web.yaml', index: 1 },
      tags: { 'kruisec.io/rule': 'workload-selector-mismatch' },
    }]);
    // kustomize prints a failed function's stderr, not its results.
    expect(r.err).toBe('[error] apps.kruise.io/v1alpha1/CloneSet/shop/web spec.template.metadata.labels: `selector` does not match template `labels` (help: give spec.template.metadata.labels every label spec.selector requires) (apps/web.yaml, document 2)\n');
    expect(await fn(['validate'], input)).toEqual(r);
  });

  it('reads its settings from a ConfigMap functionConfig (kpt `-- key=value`) and reports unknown keys', async () => {
    const typo = { ...configMap, kind: 'CloneSet', apiVersion: 'apps.kruise.io/v1alpha1', data: undefined, spec: { replicas: 1, selectr: {} } };
    const strict = await fn(['validate'], resourceList([typo], { functionConfig: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'fn' }, data: { strict: 'true' } } }));
    expect(strict.code).toBe(1);
    expect(strict.out).toContain('did you mean "selector"?');
    const wrong = await fn(['validate'], resourceList([configMap], { functionConfig: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'fn' }, data: { materialise: 'true' } } }));
    expect(wrong.code).toBe(1);
    expect((yaml.load(wrong.out) as { results: { message: string }[] }).results[0].message).toContain('functionConfig data: unknown key "materialise"');
  });

  it('takes JSON in and answers in YAML', async () => {
    const r = await fn(['validate'], JSON.stringify(yaml.load(resourceList([broken]))));
    expect(r.code).toBe(1);
    expect((yaml.load(r.out) as { kind: string; results: unknown[] })).toMatchObject({ kind: 'ResourceList', results: [expect.anything()] });
  });

  it('accepts an empty package', async () => {
    const input = 'apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems: []\n';
    expect(await fn(['validate'], input)).toEqual({ code: 0, out: input, err: '' });
  });

  it('reads a ResourceList over 3 MiB: one document holds the whole package', async () => {
    const many = Array.from({ length: 2600 }, (_, i) => ({ ...configMap, metadata: { name: `c${i}`, namespace: 'shop' }, data: { blob: 'x'.repeat(1200) } }));
    const input = resourceList(many);
    expect(Buffer.byteLength(input)).toBeGreaterThan(3 * 1024 * 1024);
    const r = await fn(['validate'], input);
    expect(r.code).toBe(0);
    expect(r.out === input).toBe(true);
  });

  it('reads a YAML stream (kustomize exec plugins) and its config file, printing diagnostics to stderr', async () => {
    const ok = await fn(['validate', 'kustomize-validate/kruisec.yaml'], yaml.dump(configMap));
    expect(ok).toEqual({ code: 0, out: yaml.dump(configMap), err: '' });
    const bad = await fn(['validate', 'kustomize-validate/kruisec.yaml'], `${yaml.dump(configMap)}---\n${BROKEN}`);
    expect(bad.code).toBe(1);
    expect(bad.out).toBe('');
    expect(bad.err).toContain('<stdin>:');
    expect(bad.err).toContain('error[workload-selector-mismatch]');
  });

  it('answers unreadable input with exit 1 and nothing on stdout', async () => {
    const syntax = await fn(['validate'], 'apiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems: [\n');
    expect(syntax.code).toBe(1);
    expect(syntax.out).toBe('');
    expect(syntax.err).toContain('error[yaml-syntax]');
    expect(await fn(['validate'], Buffer.from([0x61, 0x3a, 0x20, 0xff, 0x0a]))).toEqual({ code: 1, out: '', err: 'kruisec fn validate: standard input is not UTF-8 (a ResourceList or YAML stream must be)\n' });
    expect((await fn(['validate', 'no-such-config.yaml'], '')).code).toBe(2);
  });
});

describe('kruisec fn render', () => {
  it('returns the apply form; an invalid input comes back unchanged with its results', async () => {
    const sidecarSet = yaml.load(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'example', 'sidecarsets', 'logging.yaml'), 'utf8')) as object;
    const r = await fn(['render'], resourceList([sidecarSet]));
    expect(r.code).toBe(0);
    const [stored] = (yaml.load(r.out) as { items: { metadata: { annotations: Record<string, string> } }[] }).items;
    expect(stored.metadata.annotations).toMatchObject({ 'internal.config.kubernetes.io/path': 'apps/web.yaml', 'kruise.io/sidecarset-hash': expect.any(String) });
    const input = resourceList([sidecarSet, broken]);
    const bad = await fn(['render'], input);
    expect(bad.code).toBe(1);
    expect(bad.out.startsWith(input)).toBe(true);
  });
});
