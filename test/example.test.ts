// The bundled example repo is the main job's default input: what render must show on it.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../src/api/resource.js';
import { load } from '../src/load/index.js';
import { render } from '../src/render/index.js';
import { applyDefaults } from '../src/default/index.js';
import { validate } from '../src/validate/index.js';

const ROOT = join(import.meta.dirname, '..');

async function renderExample(): Promise<KubeObject[]> {
  const loaded = await load(['fixtures/example'], { cwd: ROOT });
  const v = validate(loaded.resources, applyDefaults(loaded.resources), { cluster: loaded.facts, strict: false });
  expect([...loaded.diagnostics, ...v.diagnostics].filter((d) => d.severity === 'error')).toEqual([]);
  const out = render(v.admitted, { cluster: loaded.facts });
  expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return out.resources.map((r) => r.obj);
}

type Container = { name: string; env?: { name: string; value?: string }[]; volumeMounts?: { name: string; mountPath: string }[] };
const podSpec = (o: KubeObject) => (o.spec as { template: { spec: { containers: Container[]; volumes?: { name: string }[] } } }).template.spec;

describe('render of fixtures/example', () => {
  it('injects the logging sidecar with TZ transferred and the shared log volume mounted', async () => {
    const objs = await renderExample();
    const storefront = objs.find((o) => o.kind === 'CloneSet' && o.metadata.name === 'storefront')!;
    const spec = podSpec(storefront);
    const logtail = spec.containers.find((c) => c.name === 'logtail')!;
    expect(logtail).toBeDefined();
    const app = spec.containers.find((c) => c.env?.some((e) => e.name === 'TZ') && c.name !== 'logtail' && c.name !== 'mesh-proxy')!;
    const tz = app.env!.find((e) => e.name === 'TZ')!;
    expect(logtail.env).toContainEqual(tz);
    expect(logtail.volumeMounts?.map((m) => m.name)).toContain('app-logs');
    expect(spec.volumes?.map((v) => v.name)).toContain('app-logs');
    expect(storefront.spec).toMatchObject({ template: { metadata: { annotations: { 'kruise.io/sidecarset-injected-list': expect.stringContaining('logging') } } } });
  });

  it('expands the UnitedDeployment into three subset workloads', async () => {
    const objs = await renderExample();
    const subsets = objs.filter((o) => o.metadata.labels?.['apps.kruise.io/subset-name'] !== undefined && o.kind !== 'UnitedDeployment');
    expect(subsets.map((o) => o.metadata.labels!['apps.kruise.io/subset-name']).sort()).toEqual(['zone-a', 'zone-b', 'zone-c']);
    for (const s of subsets) expect(podSpec(s).containers.map((c) => c.name)).toContain('logtail');
  });
});
