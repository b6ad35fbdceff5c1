import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLUSTER_FACTS, type ClusterFacts } from '../../api/cluster.js';
import type { KubeObject, Resource } from '../../api/resource.js';
import { applyDefaults } from '../../default/index.js';
import { injectSidecarSets } from './index.js';

const load = (name: string): Resource[] => applyDefaults(
  (yaml.loadAll(readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8')) as KubeObject[])
    .map((obj, doc) => ({ obj, origin: { file: name, doc } }))
    .filter((r) => r.obj));
const run = (name: string, facts: Partial<ClusterFacts> = {}) =>
  injectSidecarSets(load(name), { cluster: { ...DEFAULT_CLUSTER_FACTS, ...facts } });
type Out = ReturnType<typeof run>;
const find = (out: Out, kind: string, name: string) => out.resources.find((r) => r.obj.kind === kind && r.obj.metadata.name === name)!.obj as any;
const names = (l: { name: string }[] | undefined) => (l ?? []).map((c) => c.name);
const rules = (out: Out) => out.diagnostics.map((d) => `${d.severity} ${d.ruleId} ${d.origin?.doc}`).sort();
const explain = (out: Out, subject: string) => out.explain.find((e) => e.subject === subject)!.lines.map((l) => `${l.item}: ${l.outcome}`);

describe('shareVolumePolicy with subPathExpr (TestPodVolumeMountsAppend)', () => {
  const out = run('share-volumes-subpathexpr.yaml');
  const pod = find(out, 'Pod', 'pod-staragent');
  it('shares the app mounts but not those of already-injected containers', () => {
    const [init] = pod.spec.initContainers;
    expect(init.volumeMounts.map((m: any) => m.mountPath)).toEqual(['/g/h/i', '/j/k/l', '/staragent', '/a/b', '/e/f', '/e/expansion']);
    const sidecar = pod.spec.containers[2];
    expect(sidecar.name).toBe('dns-f');
    expect(sidecar.volumeMounts.map((m: any) => m.mountPath)).toEqual(['/a/b/c', '/d/e/f', '/staragent', '/a/b', '/e/f', '/e/expansion']);
  });
  it('copies the env vars the shared subPathExpr uses, after IS_INJECTED', () => {
    expect(pod.spec.initContainers[0].env).toEqual([{ name: 'IS_INJECTED', value: 'true' }, { name: 'POD_NAME', value: 'bar' }, { name: 'OD_NAME', value: 'od_name' }]);
    expect(names(pod.spec.containers[2].env)).toEqual(['IS_INJECTED', 'POD_NAME', 'OD_NAME']);
  });
  it('adds only the SidecarSet volumes that are mounted, the pod volume winning', () => {
    expect(names(pod.spec.volumes)).toEqual(['volume-a', 'volume-b', 'volume-staragent', 'volume-expansion', 'volume-z', 'volume-3', 'volume-4', 'volume-1', 'volume-2']);
    expect(pod.spec.volumes[2]).toEqual({ name: 'volume-staragent', hostPath: { path: '/var/staragent' } });
  });
  it('records the native init container and the container in sidecarList', () => {
    const ss = find(out, 'SidecarSet', 'sidecarset-staragent');
    expect(JSON.parse(pod.metadata.annotations['kruise.io/sidecarset-hash'])).toEqual({
      'sidecarset-staragent': {
        updateTimestamp: '1970-01-01T00:00:00Z', hash: ss.metadata.annotations['kruise.io/sidecarset-hash'],
        sidecarSetName: 'sidecarset-staragent', sidecarList: ['dns-e', 'dns-f'],
      },
    });
  });
  it('does not touch the input objects', () => {
    const input = load('share-volumes-subpathexpr.yaml');
    const before = JSON.stringify(input.map((r) => r.obj));
    injectSidecarSets(input, { cluster: DEFAULT_CLUSTER_FACTS });
    expect(JSON.stringify(input.map((r) => r.obj))).toBe(before);
  });
});

describe('pod templates', () => {
  const out = run('templates.yaml');
  it('renders Deployment, CronJob, CloneSet, Advanced StatefulSet and DaemonSet templates', () => {
    expect(names(find(out, 'Deployment', 'web').spec.template.spec.containers)).toEqual(['app', 'logtail']);
    expect(names(find(out, 'CronJob', 'report').spec.jobTemplate.spec.template.spec.containers)).toEqual(['job', 'logtail']);
    expect(names(find(out, 'CloneSet', 'cart').spec.template.spec.containers)).toEqual(['app', 'logtail']);
    expect(names(find(out, 'StatefulSet', 'db').spec.template.spec.containers)).toEqual(['db', 'logtail']);
    expect(names(find(out, 'DaemonSet', 'agent').spec.template.spec.containers)).toEqual(['agent', 'logtail']);
  });
  it('leaves templates the SidecarSet does not select alone (same object)', () => {
    const input = load('templates.yaml');
    const o = injectSidecarSets(input, { cluster: DEFAULT_CLUSTER_FACTS });
    expect(o.resources.find((r) => r.obj.metadata.name === 'once')!.obj).toBe(input.find((r) => r.obj.metadata.name === 'once')!.obj);
  });
  it('writes the bookkeeping annotations on the template, without adding a namespace', () => {
    const meta = find(out, 'Deployment', 'web').spec.template.metadata;
    expect(meta.namespace).toBeUndefined();
    expect(meta.annotations['kruise.io/sidecarset-injected-list']).toBe('logging');
  });
  it('keeps SidecarSet container order unless EnableSortSidecarContainerByName is on', () => {
    const pod = (o: Out) => o.resources.find((r) => r.obj.metadata.generateName === 'ordered-')!.obj as any;
    expect(names(pod(out).spec.containers)).toEqual(['app', 'zz-first', 'aa-second']);
    const sorted = run('templates.yaml', { featureGates: { EnableSortSidecarContainerByName: true } });
    expect(names(pod(sorted).spec.containers)).toEqual(['app', 'aa-second', 'zz-first']);
  });
  it('notes the launch-priority env a generateName pod cannot show', () => {
    expect(out.diagnostics.map((d) => d.ruleId)).toEqual(['inject-launch-priority']);
  });
  it('explains every workload', () => {
    expect(explain(out, 'Deployment shop/web')).toEqual(['barrier: skipped', 'logging: injected']);
    expect(explain(out, 'Job shop/once')).toEqual(['barrier: skipped', 'logging: skipped']);
    expect(out.explain.some((e) => e.subject.startsWith('ConfigMap'))).toBe(false);
  });
});

describe('labels only pods carry (§13.4)', () => {
  const out = run('pod-only-labels.yaml');
  it('does not guess on a template and says so', () => {
    expect(names(find(out, 'Deployment', 'web').spec.template.spec.containers)).toEqual(['plain', 'app']);
    expect(explain(out, 'Deployment default/web')).toEqual(['by-app: injected', 'by-hash: undecided', 'by-instance: skipped']);
    // CloneSet pods never get pod-template-hash: that one is decidable there.
    expect(explain(out, 'CloneSet default/cs')).toEqual(['by-app: skipped', 'by-hash: skipped', 'by-instance: injected']);
    // (the pod below gets both SidecarSets in front of its app container: an order note)
    expect(rules(out)).toEqual(['info inject-order-observable 1', 'warning inject-pod-only-label 2', 'warning inject-pod-only-label 5']);
  });
  it('injects but warns when transferEnv names its source by such a label', () => {
    expect(names(find(out, 'CloneSet', 'cs').spec.template.spec.containers)).toEqual(['env-copier', 'app']);
    expect(out.diagnostics.filter((d) => d.origin?.doc === 5).map((d) => d.message)).toEqual([
      "CloneSet default/cs (pod template): cannot judge SidecarSet by-instance on the template: its transferEnv of env-copier reads label apps.kruise.io/cloneset-instance-id, which only the pods get"]);
  });
  it('judges real pods normally', () => {
    expect(names(find(out, 'Pod', 'web-abc').spec.containers)).toEqual(['plain', 'hashed', 'app']);
  });
});

describe('namespaceSelector', () => {
  it('reads Namespace objects, always with the real kubernetes.io/metadata.name', () => {
    const out = run('namespaces.yaml');
    expect(names(find(out, 'Pod', 'a').spec.containers)).toEqual(['named-sidecar', 'prod-sidecar', 'app']);
    expect(names(find(out, 'Pod', 'no-namespace').spec.containers)).toEqual(['named-sidecar', 'app']);
    expect(names(find(out, 'Pod', 'b1').spec.containers)).toEqual(['app']);
    // Unknown labels of team-b and default: one warning each on the SidecarSet, not one per pod.
    expect(out.diagnostics.filter((d) => d.ruleId === 'inject-namespace-unknown').map((d) => d.message))
      .toEqual(['SidecarSet prod-only: labels of namespace team-b are unknown, so its namespaceSelector is taken as not matching pods there',
        'SidecarSet prod-only: labels of namespace default are unknown, so its namespaceSelector is taken as not matching pods there',
        'SidecarSet prod-only: labels of namespace kube-system are unknown, so its namespaceSelector is taken as not matching pods there']);
  });
  it('uses the cluster facts for namespaces the repo does not declare', () => {
    const out = run('namespaces.yaml', { namespaceLabels: { 'team-b': { env: 'prod' } } });
    expect(names(find(out, 'Pod', 'b2').spec.containers)).toEqual(['prod-sidecar', 'app']);
  });
  it('skips namespaces Kruise\'s webhook configuration excludes, but not kube-system', () => {
    const out = run('namespaces.yaml');
    expect(names(find(out, 'Pod', 'in-kruise').spec.containers)).toEqual(['app']);
    expect(explain(out, 'Pod kruise-system/in-kruise')).toEqual(['everywhere: skipped', 'prod-only: skipped', 'by-name: skipped']);
    expect(names(find(out, 'Pod', 'in-kube-system').spec.containers)).toEqual(['y-sidecar', 'app']);
  });
  it('visits SidecarSets indexed under the namespace first', () => {
    const out = run('namespaces.yaml');
    expect(explain(out, 'Pod team-a/a')).toEqual(['by-name: injected', 'everywhere: skipped', 'prod-only: injected']);
  });
});

describe('injectionStrategy.revision', () => {
  const out = run('revisions.yaml');
  it('revisionName wins over customVersion and records the revision', () => {
    const pod = find(out, 'Pod', 'pinned-pod');
    expect(pod.spec.containers[0]).toMatchObject({ name: 'sidecar', image: 'sidecar:pinned' });
    const hash = JSON.parse(pod.metadata.annotations['kruise.io/sidecarset-hash']);
    expect(hash.pinned).toMatchObject({ hash: 'revision-hash', controllerRevision: 'pinned-abc', sidecarList: ['sidecar'] });
    // The without-image hash is recomputed from the restored spec when the revision lacks it.
    expect(JSON.parse(pod.metadata.annotations['kruise.io/sidecarset-hash-without-image']).pinned.controllerRevision).toBeUndefined();
  });
  it('Partial with a percentage partition takes the more likely side, with a warning', () => {
    const pod = find(out, 'Pod', 'partial-pod');
    const images = Object.fromEntries(pod.spec.containers.map((c: any) => [c.name, c.image]));
    expect(images).toEqual({ app: 'app:1', low: 'low:new', high: 'high:old' });
    expect(rules(out)).toEqual(['warning inject-random-revision 8', 'warning inject-random-revision 8']);
  });
});

describe('bookkeeping annotations (§9)', () => {
  const out = run('bookkeeping.yaml');
  const mesh = find(out, 'SidecarSet', 'mesh');
  const h = mesh.metadata.annotations['kruise.io/sidecarset-hash'];
  it('converts a legacy hash map and merges the injected list', () => {
    const a = find(out, 'Pod', 'with-legacy').metadata.annotations;
    expect(a['kruise.io/sidecarset-hash']).toBe(
      `{"mesh":{"updateTimestamp":"1970-01-01T00:00:00Z","hash":"${h}","sidecarSetName":"mesh","sidecarList":["envoy","native"]},` +
      '"old-set":{"updateTimestamp":null,"hash":"oldhash","sidecarSetName":"old-set","sidecarList":null}}');
    expect(a['kruise.io/sidecarset-injected-list']).toBe('mesh,old-set');
    expect(a['kruise.io/sidecarset-working-hotupgrade-container']).toBe('{"envoy":"envoy-1","native":"native-1","zeta":"zeta-2"}');
  });
  it('replaces its own entry and keeps the others as Go re-encodes them', () => {
    const a = find(out, 'Pod', 'with-current').metadata.annotations;
    expect(a['kruise.io/sidecarset-hash']).toBe(
      `{"mesh":{"updateTimestamp":"1970-01-01T00:00:00Z","hash":"${h}","sidecarSetName":"mesh","sidecarList":["envoy","native"]},` +
      '"other":{"updateTimestamp":null,"hash":"h","sidecarSetName":"other","sidecarList":null,"controllerRevision":"other-1"}}');
  });
  it('hot-upgrades native init containers in pairs; plain init containers stay single', () => {
    const pod = find(out, 'Pod', 'with-legacy');
    expect(names(pod.spec.initContainers)).toEqual(['native-1', 'native-2', 'plain-init']);
    expect(pod.spec.initContainers[1].image).toBe('empty:1');
    expect(names(pod.spec.containers)).toEqual(['envoy-1', 'envoy-2', 'app']);
    expect(pod.spec.imagePullSecrets).toEqual([{ name: 'mesh-secret' }]);
    expect(pod.metadata.annotations['versionalt.sidecarset.kruise.io/native-2']).toBe('1');
  });
  it('refuses a pod whose hash annotation cannot be read, and ignores finished pods', () => {
    expect(find(out, 'Pod', 'with-broken').spec.containers).toHaveLength(1);
    expect(find(out, 'Pod', 'finished').spec.containers).toHaveLength(1);
    expect(out.diagnostics.map((d) => [d.ruleId, d.path])).toEqual([['inject-invalid-hash-annotation', ['metadata', 'annotations', 'kruise.io/sidecarset-hash']]]);
  });
});

describe('refusals', () => {
  const out = run('refusals.yaml');
  it('a failed JSON merge refuses the pod and leaves it as written', () => {
    expect(find(out, 'Pod', 'bad-json').spec.containers).toHaveLength(1);
    expect(explain(out, 'Pod default/bad-json')).toEqual(['merger: rejected', 'paused: skipped', 'proxy-a: skipped', 'proxy-b: skipped']);
  });
  it('two SidecarSets adding the same new container name: the API server refuses the pod', () => {
    expect(names(find(out, 'Pod', 'dup').spec.containers)).toEqual(['proxy', 'proxy', 'app']);
    expect(names(find(out, 'Pod', 'dup-existing').spec.containers)).toEqual(['proxy', 'app']);
    expect(find(out, 'Pod', 'dup-existing').spec.containers[0].image).toBe('b:1');
    expect(explain(out, 'Pod default/dup')).toEqual(['merger: skipped', 'paused: skipped', 'proxy-a: injected', 'proxy-b: injected']);
  });
  it('reports each on the pod', () => {
    expect(rules(out)).toEqual(['error inject-duplicate-container 5', 'error inject-patch-metadata-merge 4', 'info inject-order-observable 1']);
  });
});
