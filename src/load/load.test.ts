import { mkdtempSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateDiagnostics } from '../report/locate.js';
import { load } from './index.js';

const ROOT = join(import.meta.dirname, '..', '..');

function repo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kruisec-load-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('load', () => {
  it('gives each fixtures/broken file the rule its name says, with a position', async () => {
    const dir = join(ROOT, 'fixtures/broken');
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.yaml') && !n.startsWith('sidecarset-'))) {
      const rule = f.replace(/\.yaml$/, '');
      const r = await load([f], { cwd: dir });
      const located = locateDiagnostics(r.diagnostics, r.sources);
      const d = located.find((x) => x.ruleId === rule);
      expect(d, `${f} should report ${rule}, got ${located.map((x) => x.ruleId).join(',')}`).toBeDefined();
      expect(d!.file).toBe(f);
      expect(d!.line).toBeGreaterThan(0);
      expect(d!.col).toBeGreaterThan(0);
    }
  });

  it('names both places of a duplicate object', async () => {
    const r = await load(['duplicate-resource'], { cwd: join(ROOT, 'fixtures/broken') });
    const d = r.diagnostics.find((x) => x.ruleId === 'duplicate-resource');
    expect(d?.origin?.file).toBe('duplicate-resource/storefront.yaml');
    expect(d?.message).toContain('duplicate-resource/storefront-old.yaml');
  });

  it('reads YAML 1.1 scalars as Kubernetes does and unwraps v1 Lists', async () => {
    const dir = repo({
      'a.yaml': '\ufeffapiVersion: v1\r\nkind: List\r\nitems:\r\n- apiVersion: v1\r\n  kind: ConfigMap\r\n  metadata: {name: a}\r\n  data: {x: "yes"}\r\n  flag: yes\r\n  mode: 0644\r\n',
    });
    const r = await load(['.'], { cwd: dir });
    expect(r.diagnostics).toEqual([]);
    expect(r.resources).toHaveLength(1);
    expect(r.resources[0].origin).toEqual({ file: 'a.yaml', doc: 0, item: 0 });
    expect(r.resources[0].obj).toMatchObject({ data: { x: 'yes' }, flag: true, mode: 420 });
  });

  it('unwraps every list kubectl unwraps: any kind with items, typed lists lending their kind', async () => {
    const dir = repo({
      'l.yaml': 'apiVersion: apps.kruise.io/v1alpha1\nkind: CloneSetList\nitems:\n- metadata: {name: c}\n  spec: {replicas: 1}\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: m}\n',
      'f.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: f}\nitems:\n- apiVersion: v1\n  kind: Secret\n  metadata: {name: s}\n',
    });
    const r = await load(['.'], { cwd: dir });
    expect(r.resources.map((x) => [x.obj.apiVersion, x.obj.kind, x.obj.metadata.name, x.origin?.item])).toEqual([
      ['v1', 'Secret', 's', 0],
      ['apps.kruise.io/v1alpha1', 'CloneSet', 'c', 0],
      ['v1', 'ConfigMap', 'm', 1],
    ]);
    expect(r.diagnostics.filter((d) => d.ruleId !== 'unknown-kind').map((d) => [d.ruleId, d.origin?.file])).toEqual([['items-make-list', 'f.yaml']]);
  });

  it('refuses lists kubectl cannot unwrap and metadata that is not an ObjectMeta', async () => {
    const dir = repo({
      'n.yaml': 'apiVersion: v1\nkind: List\nitems:\n- null\n- apiVersion: v1\n  kind: List\n  items: []\n',
      'm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: m\n  labels:\n    enabled: true\n',
    });
    const r = await load(['.'], { cwd: dir });
    const located = locateDiagnostics(r.diagnostics, r.sources);
    expect(located.map((d) => [d.ruleId, d.file, d.line])).toEqual([
      ['metadata-invalid', 'm.yaml', 6],
      ['list-invalid', 'n.yaml', 4],
      ['list-invalid', 'n.yaml', 5],
    ]);
    expect(r.resources).toEqual([]);
  });

  it('reads a U+2028 line break as kubectl does, and warns that reviewers see one line', async () => {
    const dir = repo({ 'u.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: u\n  annotations:\n    note: hi\u2028  namespace: kube-system\n' });
    const r = await load(['u.yaml'], { cwd: dir });
    expect(r.resources[0].obj.metadata).toEqual({ name: 'u', annotations: { note: 'hi' }, namespace: 'kube-system' });
    expect(r.diagnostics.map((d) => [d.ruleId, d.severity, d.line, d.col])).toEqual([['yaml-unicode-break', 'warning', 6, 13]]);
  });

  it('keeps loading the other documents of a file when one is broken', async () => {
    const dir = repo({ 'm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\nkind: [\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n' });
    const r = await load(['m.yaml'], { cwd: dir });
    expect(r.resources.map((x) => [x.obj.metadata.name, x.origin?.doc])).toEqual([['a', 0], ['b', 2]]);
    expect(r.diagnostics.map((d) => [d.ruleId, d.line])).toEqual([['yaml-syntax', 6]]);
  });

  it('points a field path at its line and column', async () => {
    const dir = repo({ 'p.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: app\n    image: nginx\n' });
    const r = await load(['p.yaml'], { cwd: dir });
    expect(r.sources.locate({ file: 'p.yaml', doc: 0 }, ['spec', 'containers', 0, 'image'])).toMatchObject({ line: 8, col: 5 });
    // a missing field points at the deepest part that exists
    expect(r.sources.locate({ file: 'p.yaml', doc: 0 }, ['spec', 'volumes', 0])).toMatchObject({ line: 5, col: 1 });
  });

  it('is independent of the order inputs are given in', async () => {
    const dir = repo({ 'a.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n', 'b.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\n' });
    const one = await load(['a.yaml', 'b.yaml'], { cwd: dir });
    const two = await load(['b.yaml', 'a.yaml'], { cwd: dir });
    expect(one.resources).toEqual(two.resources);
  });

  it('reads cluster facts from kruisec.yaml and lets flags win', async () => {
    const dir = repo({ 'kruisec.yaml': 'kruiseNamespace: kruise\nfeatureGates: {EnableSortSidecarContainerByName: true}\n', 'a.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n' });
    const r = await load(['.'], { cwd: dir, facts: { kruiseNamespace: 'other' } });
    expect(r.facts.kruiseNamespace).toBe('other');
    expect(r.facts.featureGates).toEqual({ EnableSortSidecarContainerByName: true });
    expect(r.resources).toHaveLength(1);
  });

  it('reports an empty input loudly', async () => {
    const dir = repo({ 'x.txt': 'nothing' });
    const r = await load(['.'], { cwd: dir });
    expect(r.diagnostics.map((d) => d.ruleId)).toEqual(['empty-input']);
  });
});
