import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/resource.js';
import { defaultImagePullPolicy } from '../k8s/image-reference.js';
import { defaultSidecarSet } from './sidecarset.js';

const fixture = (name: string) => yaml.load(readFileSync(new URL(`./testdata/${name}`, import.meta.url), 'utf8')) as KubeObject;

describe('defaultSidecarSet (spec §11)', () => {
  const input = fixture('defaults-full.yaml');
  const before = JSON.stringify(input);
  const out = defaultSidecarSet(input) as any;
  const c = out.spec.containers[0];
  const i = out.spec.initContainers[0];

  it('does not touch its input', () => expect(JSON.stringify(input)).toBe(before));
  it('fills the strategies', () => {
    expect(out.spec.updateStrategy).toEqual({ type: 'RollingUpdate', partition: 0, maxUnavailable: 1 });
    expect(out.spec.revisionHistoryLimit).toBe(10);
    expect(out.spec.patchPodMetadata[0].patchPolicy).toBe('Retain');
    expect(out.spec.injectionStrategy.revision.policy).toBe('Always');
    expect(out.spec.namespace).toBe('ns1');
  });
  it('defaults sidecar containers and keeps a written policy', () => {
    expect(c.podInjectPolicy).toBe('BeforeAppContainer');
    expect(i.podInjectPolicy).toBe('BeforeAppContainer');
    expect(c.upgradeStrategy).toEqual({ upgradeType: 'ColdUpgrade' });
    expect(c.shareVolumePolicy).toEqual({ type: 'disabled' });
    expect(c.shareVolumeDevicePolicy).toBeUndefined();
  });
  it('applies the core container defaults', () => {
    expect(c.imagePullPolicy).toBe('Always');
    expect(i.imagePullPolicy).toBe('IfNotPresent');
    expect(c.terminationMessagePath).toBe('/dev/termination-log');
    expect(c.terminationMessagePolicy).toBe('File');
    expect(c.ports[0]).toEqual({ containerPort: 80, protocol: 'TCP' });
    expect(c.env[0].valueFrom.fieldRef).toEqual({ apiVersion: 'v1', fieldPath: 'metadata.name' });
    expect(c.transferEnv[0].sourceContainerNameFrom.fieldRef.apiVersion).toBe('v1');
    expect(c.resources).toEqual({ limits: { cpu: '500m', memory: '1Gi' }, requests: { cpu: '1m' } });
    expect(c.livenessProbe).toEqual({ httpGet: { path: '/', port: 8080, scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
    expect(c.readinessProbe.periodSeconds).toBe(5);
    expect(c.startupProbe).toEqual({ tcpSocket: { port: 80 } });
    expect(c.lifecycle.preStop.httpGet).toEqual({ path: '/', port: 'http', scheme: 'HTTP' });
  });
  it('drops what the Go struct does not hold', () => {
    expect(c.unknownField).toBeUndefined();
    expect('stdin' in c).toBe(false);
  });
  it('defaults volumes', () => {
    const v = Object.fromEntries(out.spec.volumes.map((x: any) => [x.name, x]));
    expect(v.plain).toEqual({ name: 'plain', emptyDir: {} });
    expect(v.host.hostPath).toEqual({ path: '/var/log', type: '' });
    expect(v.cm.configMap.defaultMode).toBe(420);
    expect(v.proj.projected.defaultMode).toBe(420);
    expect(v.proj.projected.sources[0].serviceAccountToken.expirationSeconds).toBe(3600);
    expect(v.proj.projected.sources[1].downwardAPI.items[0].fieldRef.apiVersion).toBe('v1');
  });
});

describe('imagePullPolicy default', () => {
  it.each([
    ['nginx', 'Always'], ['nginx:latest', 'Always'], ['nginx:1.0', 'IfNotPresent'],
    ['localhost:5000/a/b', 'Always'], ['a@sha256:' + '0'.repeat(64), 'IfNotPresent'],
    ['Upper/x', 'Always'], ['upper/X', 'IfNotPresent'], ['', 'IfNotPresent'], ['0'.repeat(64), 'IfNotPresent'],
  ])('%s -> %s', (image, policy) => expect(defaultImagePullPolicy(image)).toBe(policy));
});

describe('sidecarset_mutating_test.go TestMutatingSidecarSetFn and handler tests', () => {
  const [fn, withStrategy] = yaml.loadAll(readFileSync(new URL('./testdata/mutating-fn.yaml', import.meta.url), 'utf8')) as KubeObject[];
  it('defaults everything the webhook test checks, hashes exclude patches and injection strategy', () => {
    const out = defaultSidecarSet(fn) as any;
    expect(out.spec.updateStrategy).toEqual({ type: 'RollingUpdate', partition: 0, maxUnavailable: 1 });
    expect(out.spec.containers[0]).toMatchObject({
      podInjectPolicy: 'BeforeAppContainer', shareVolumePolicy: { type: 'disabled' }, upgradeStrategy: { upgradeType: 'ColdUpgrade' },
      imagePullPolicy: 'IfNotPresent', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File',
    });
    expect(out.metadata.annotations['kruise.io/sidecarset-hash']).toBe('6wbd76bd7984x24fb4f44fv9222cw9v9bcf85x766744wddd4zwx927zzz2zb684');
    expect(out.metadata.annotations['kruise.io/sidecarset-hash-without-image']).toBe('82684vwf9d4cb4wz4vffx4ddfbb47ww4z4wwxdbwb8w2zbb7zvf4524cdd49bv94');
    expect(out.spec.patchPodMetadata[0].patchPolicy).toBe('Retain');
    expect(out.spec.injectionStrategy.revision).toEqual({ customVersion: '1', policy: 'Always' });
    expect(out.metadata.resourceVersion).toBe('123');
  });
  it('keeps a written update strategy', () => {
    expect((defaultSidecarSet(withStrategy) as any).spec.updateStrategy).toEqual({ type: 'RollingUpdate', partition: 5, maxUnavailable: 2 });
  });
  it('is idempotent', () => {
    const once = defaultSidecarSet(fn);
    expect(JSON.stringify(defaultSidecarSet(once))).toBe(JSON.stringify(once));
  });
});
