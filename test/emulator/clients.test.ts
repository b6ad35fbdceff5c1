// Real clients against the emulator, the outside check that it speaks Kubernetes: the
// preinstalled kubectl (server-side apply, get -o yaml, wait --for=jsonpath, delete) with nothing
// but the kubeconfig, and @kubernetes/client-node, the library kruisec's reconciler uses. kpt is
// in kpt.test.ts (its first apply waits 10 s on its own, so it runs beside these).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KubeConfig, KubernetesObjectApi, PatchStrategy, Watch, type KubernetesObject } from '@kubernetes/client-node';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { toolBench } from './client-tools.js';

const EXAMPLE = join(import.meta.dirname, '..', '..', 'fixtures', 'example');
const bench = toolBench({ seed: 3, podStartMs: 30 });
const kubectl = (...args: string[]) => bench.run('kubectl', ...args);


describe('kubectl', () => {
  it('applies the example repo server-side', async () => {
    // The catalog namespace lives in another repo; kruisec.yaml holds only its labels.
    writeFileSync(join(bench.work(), 'catalog.yaml'), 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: catalog\n  labels: {mesh.example.com/injection: enabled}\n');
    const r = await kubectl('apply', '--server-side', '-f', join(bench.work(), 'catalog.yaml'), '-f', join(EXAMPLE, 'namespaces'), '-f', join(EXAMPLE, 'sidecarsets'), '-R', '-f', join(EXAMPLE, 'apps'));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('cloneset.apps.kruise.io/storefront serverside-applied');
    expect(r.out).toContain('uniteddeployment.apps.kruise.io/checkout serverside-applied');
    expect(r.out).toContain('sidecarset.apps.kruise.io/logging serverside-applied');
  });

  it('waits for the workloads to become ready by jsonpath', async () => {
    const waits = [
      ['--for=jsonpath={.status.updatedReadyReplicas}=6', 'cloneset/storefront', '-n', 'shop'],
      ['--for=jsonpath={.status.updatedReadyReplicas}=3', 'statefulset.apps.kruise.io/ledger', '-n', 'payments'],
      ['--for=jsonpath={.status.readyReplicas}=10', 'uniteddeployment/checkout', '-n', 'shop'],
      ['--for=jsonpath={.status.readyReplicas}=3', 'deployment/search-api', '-n', 'catalog'],
    ];
    for (const w of waits) {
      const r = await kubectl('wait', ...w, '--timeout=60s');
      expect(r.err).toBe('');
      expect(r.out).toMatch(/condition met/);
    }
  });

  it('gets objects as YAML in the preferred version, with status', async () => {
    const r = await kubectl('get', 'cloneset', 'storefront', '-n', 'shop', '-o', 'yaml');
    expect(r.code).toBe(0);
    const cs = yaml.load(r.out) as Record<string, any>;
    expect(cs.apiVersion).toBe('apps.kruise.io/v1beta1');
    expect(cs.spec.updateStrategy.rollingUpdate).toMatchObject({ partition: 2, podUpdatePolicy: 'InPlaceIfPossible' });
    expect(cs.status).toMatchObject({ observedGeneration: 1, replicas: 6, expectedUpdatedReplicas: 4 });
    const pods = yaml.load((await kubectl('get', 'pods', '-n', 'shop', '-l', 'app.kubernetes.io/name=storefront', '-o', 'yaml')).out) as { items: Record<string, any>[] };
    // Kruise's pod webhook injected both SidecarSets' containers.
    expect(pods.items[0].spec.containers.map((c: { name: string }) => c.name).sort()).toEqual(['app', 'logtail', 'mesh-proxy']);
  });

  it('rolls a new image out to the partition and reports a conflict with another field manager', async () => {
    const changed = readFileSync(join(EXAMPLE, 'apps', 'shop', 'storefront.yaml'), 'utf8').replaceAll('2.14.1', '2.15.0');
    writeFileSync(join(bench.work(), 'storefront.yaml'), changed);
    expect((await kubectl('apply', '--server-side', '-f', join(bench.work(), 'storefront.yaml'))).code).toBe(0);
    const w = await kubectl('wait', '--for=jsonpath={.status.updatedReadyReplicas}=4', 'cloneset/storefront', '-n', 'shop', '--timeout=60s');
    expect(w.out).toMatch(/condition met/);
    const other = await kubectl('apply', '--server-side', '--field-manager=someone-else', '-f', join(EXAMPLE, 'apps', 'shop', 'storefront.yaml'));
    expect(other.code).not.toBe(0);
    expect(other.err).toMatch(/Apply failed with \d+ conflicts?: conflicts? with "kubectl"/);
  });

  it('deletes a workload and its pods', async () => {
    const r = await kubectl('delete', '-f', join(bench.work(), 'storefront.yaml'));
    expect(r.code).toBe(0);
    expect(r.out).toContain('cloneset.apps.kruise.io "storefront" deleted');
    const left = await kubectl('get', 'pods', '-n', 'shop', '-l', 'app.kubernetes.io/name=storefront', '-o', 'name');
    expect(left.out.trim()).toBe('');
  });
});

describe('@kubernetes/client-node', () => {
  it('applies server-side, reads, and watches', async () => {
    const kc = new KubeConfig();
    kc.loadFromFile(bench.emu().kubeconfigPath);
    const client = KubernetesObjectApi.makeApiClient(kc);
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'state', namespace: 'default' }, data: { stage: '1' } };
    const applied = await client.patch<KubernetesObject & { data?: Record<string, string> }>(cm, undefined, undefined, 'kruisec', false, PatchStrategy.ServerSideApply);
    expect(applied.data).toEqual({ stage: '1' });

    const events: string[] = [];
    const watch = new Watch(kc);
    const seen = new Promise<void>((resolve, reject) => {
      void watch.watch('/api/v1/namespaces/default/configmaps', { resourceVersion: applied.metadata!.resourceVersion, allowWatchBookmarks: true },
        (type, obj) => { events.push(`${type} ${obj.data?.stage ?? ''}`); if (type === 'MODIFIED') resolve(); }, (err) => { if (err) reject(err); });
    });
    await client.patch({ ...cm, data: { stage: '2' } }, undefined, undefined, 'kruisec', false, PatchStrategy.ServerSideApply);
    await seen;
    expect(events).toContain('MODIFIED 2');
    const read = await client.read<KubernetesObject & { data?: Record<string, string> }>({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'state', namespace: 'default' } });
    expect(read.data).toEqual({ stage: '2' });
  });
});
