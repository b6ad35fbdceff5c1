// The apply form on the bundled example repo: what Argo CD syncs (integrations/argocd) and
// `render --form apply` prints. The manifests as written, SidecarSets as stored, nothing a
// controller or the pod webhook would add; with materialize, sidecars in the templates.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KubeObject, Resource } from '../src/api/resource.js';
import { main } from '../src/cli/main.js';
import { applyDefaults, defaultSidecarSet } from '../src/default/index.js';
import { load } from '../src/load/index.js';
import { applyForm } from '../src/render/index.js';
import { validate } from '../src/validate/index.js';

const ROOT = join(import.meta.dirname, '..');

async function written(): Promise<{ resources: Resource[]; facts: Awaited<ReturnType<typeof load>>['facts'] }> {
  const loaded = await load(['fixtures/example'], { cwd: ROOT });
  const v = validate(loaded.resources, applyDefaults(loaded.resources), { cluster: loaded.facts, strict: false });
  expect(v.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { resources: loaded.resources.filter(v.admits), facts: loaded.facts };
}

type Pod = { metadata?: KubeObject['metadata']; spec: { containers: { name: string }[] } };
const templateOf = (o: KubeObject): Pod | undefined => (o.spec as { template?: Pod } | undefined)?.template;
const INJECTED = 'kruise.io/sidecarset-injected-list';
const key = (o: KubeObject) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;

describe('apply form of fixtures/example', () => {
  it('is the manifests as written: no subset workload, no injected sidecar, SidecarSets as stored', async () => {
    const { resources, facts } = await written();
    const out = applyForm(resources, { cluster: facts });
    expect(out.diagnostics).toEqual([]);
    const objs = out.resources.map((r) => r.obj);
    // One object per manifest written, none added.
    expect(objs.map(key).sort()).toEqual(resources.map((r) => key(r.obj)).sort());
    expect(objs.filter((o) => o.metadata.labels?.['apps.kruise.io/subset-name'] !== undefined && o.kind !== 'UnitedDeployment')).toEqual([]);
    expect(objs.some((o) => o.kind === 'UnitedDeployment')).toBe(true);
    const sidecarNames = new Set(objs.filter((o) => o.kind === 'SidecarSet')
      .flatMap((o) => ((o.spec as { containers?: { name: string }[] }).containers ?? []).map((c) => c.name)));
    expect(sidecarNames.size).toBeGreaterThan(0);
    for (const o of objs) {
      if (o.kind === 'SidecarSet') continue;
      const original = resources.find((r) => key(r.obj) === key(o))!.obj;
      expect(o).toBe(original); // not a copy with something added: the very object loaded
      const t = templateOf(o);
      if (!t?.spec?.containers) continue;
      expect(t.metadata?.annotations?.[INJECTED]).toBeUndefined();
      expect(t.spec.containers.filter((c) => sidecarNames.has(c.name))).toEqual([]);
    }
    const stored = objs.filter((o) => o.kind === 'SidecarSet');
    expect(stored.length).toBe(2);
    for (const s of stored) {
      const original = resources.find((r) => key(r.obj) === key(s))!.obj;
      expect(s).toEqual(defaultSidecarSet(original));
      expect(Object.keys(s.metadata.annotations ?? {})).toEqual(expect.arrayContaining(['kruise.io/sidecarset-hash', 'kruise.io/sidecarset-hash-without-image']));
    }
  });

  it('with materialize, injects into pod templates, the UnitedDeployment\'s own included, without expanding it', async () => {
    const { resources, facts } = await written();
    const out = applyForm(resources, { cluster: facts, materialize: true });
    expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const objs = out.resources.map((r) => r.obj);
    expect(objs.length).toBe(resources.length);
    const storefront = objs.find((o) => o.kind === 'CloneSet' && o.metadata.name === 'storefront')!;
    expect(templateOf(storefront)!.spec.containers.map((c) => c.name)).toContain('logtail');
    const ud = objs.find((o) => o.kind === 'UnitedDeployment')!;
    const subsetTemplate = Object.values((ud.spec as { template: Record<string, { spec: { template: Pod } }> }).template)[0].spec.template;
    expect(subsetTemplate.spec.containers.map((c) => c.name)).toContain('logtail');
    expect(subsetTemplate.metadata?.annotations?.[INJECTED]).toContain('logging');
  });
});

describe('render --form', () => {
  async function run(...argv: string[]) {
    let out = '', err = '';
    const code = await main(argv, { out: (s) => { out += typeof s === 'string' ? s : Buffer.from(s).toString('utf8'); }, err: (s) => { err += s; }, cwd: ROOT });
    return { code, out, err };
  }

  it('prints the apply form, and injects only with --materialize', async () => {
    const apply = await run('render', 'fixtures/example', '--form', 'apply');
    expect(apply.code).toBe(0);
    expect(apply.out).toContain('kind: UnitedDeployment');
    expect(apply.out).toContain('kruise.io/sidecarset-hash:');
    expect(apply.out).not.toContain(INJECTED);
    expect(apply.out).not.toContain('apps.kruise.io/subset-name: zone-a');
    const materialized = await run('render', 'fixtures/example', '--form', 'apply', '--materialize');
    expect(materialized.code).toBe(0);
    expect(materialized.out).toContain(INJECTED);
    const preview = await run('render', 'fixtures/example');
    expect(preview.out).toContain('apps.kruise.io/subset-name: zone-a');
  });

  it('rejects an unknown form and --materialize on the preview as usage errors', async () => {
    const bad = await run('render', 'fixtures/example', '--form', 'stored');
    expect([bad.code, bad.err]).toEqual([2, 'kruisec: --form must be apply or preview, got "stored"\n']);
    expect((await run('render', 'fixtures/example', '--materialize')).code).toBe(2);
  });
});

describe('apply form of a SidecarSet kustomize put in a namespace', () => {
  it('is stored without the namespace, as the API server clears it for cluster-scoped kinds', async () => {
    const sidecarSet = {
      apiVersion: 'apps.kruise.io/v1alpha1', kind: 'SidecarSet',
      metadata: { name: 'log', namespace: 'team-a' },
      spec: { selector: { matchLabels: { app: 'web' } }, containers: [{ name: 'log', image: 'log:1' }] },
    };
    const res = { obj: sidecarSet, origin: { file: 'k.yaml', doc: 0 } } as unknown as Resource;
    const { facts } = await written();
    const out = applyForm([res], { cluster: facts });
    expect(out.resources[0]!.obj.metadata.namespace).toBeUndefined();
    expect(out.resources[0]!.obj.metadata.annotations?.['kruise.io/sidecarset-hash']).toBeDefined();
  });
});
