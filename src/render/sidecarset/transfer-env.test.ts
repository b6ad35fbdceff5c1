import { describe, expect, it } from 'vitest';
import { containerNameFromFieldPath, mergeEnvVar, transferEnvs } from './transfer-env.js';
import type { PodView, SidecarContainer } from './types.js';

const pod = (labels: Record<string, string> = {}, annotations: Record<string, string> = {}): PodView => ({
  metadata: { name: 'test-pod-1', labels, annotations },
  spec: {
    containers: [
      { name: 'main', image: 'main:v1', env: [{ name: 'test-env', value: 'test-value' }, { name: 'b', value: '2' }, { name: 'a', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }] },
      { name: 'other', image: 'o', env: [{ name: 'test-env', value: 'other-value' }] },
    ],
    initContainers: [{ name: 'init', image: 'i', env: [{ name: 'init-env', value: 'x' }] }],
  },
});
const sidecar = (transferEnv: SidecarContainer['transferEnv']): SidecarContainer => ({ name: 'cold-sidecar', image: 'cold-image:v1', transferEnv });

// Upstream pkg/control/sidecarcontrol/util_test.go TestGetSidecarTransferEnvs / TestExtractContainerNameFromFieldPath.
describe('transferEnvs', () => {
  it('from a named container', () => {
    expect(transferEnvs(sidecar([{ envName: 'test-env', sourceContainerName: 'main' }]), pod())).toEqual([{ name: 'test-env', value: 'test-value' }]);
  });
  it('from the container a pod label names', () => {
    expect(transferEnvs(sidecar([{ envName: 'test-env', sourceContainerNameFrom: { fieldRef: { apiVersion: 'v1', fieldPath: "metadata.labels['app']" } } }]), pod({ app: 'other' })))
      .toEqual([{ name: 'test-env', value: 'other-value' }]);
  });
  it('from the container a pod annotation names', () => {
    expect(transferEnvs(sidecar([{ envName: 'test-env', sourceContainerNameFrom: { fieldRef: { fieldPath: "metadata.annotations['app']" } } }]), pod({}, { app: 'main' })))
      .toEqual([{ name: 'test-env', value: 'test-value' }]);
  });
  it('envName and envNames together, de-duplicated and sorted; valueFrom copied as is; missing names skipped', () => {
    expect(transferEnvs(sidecar([{ sourceContainerName: 'main', envName: 'b', envNames: ['test-env', 'a', 'b', 'missing'] }]), pod()))
      .toEqual([{ name: 'a', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }, { name: 'b', value: '2' }, { name: 'test-env', value: 'test-value' }]);
  });
  it('init containers are never a source; an unsupported fieldPath skips the entry', () => {
    expect(transferEnvs(sidecar([{ sourceContainerName: 'init', envName: 'init-env' }]), pod())).toEqual([]);
    expect(transferEnvs(sidecar([{ envName: 'test-env', sourceContainerName: 'main', sourceContainerNameFrom: { fieldRef: { fieldPath: 'metadata.name' } } }]), pod())).toEqual([]);
  });
  it('keeps duplicates across entries (the env merge drops them)', () => {
    expect(transferEnvs(sidecar([{ sourceContainerName: 'main', envName: 'test-env' }, { sourceContainerName: 'other', envName: 'test-env' }]), pod())).toHaveLength(2);
  });
});

describe('containerNameFromFieldPath', () => {
  it('reads labels and annotations, empty when absent', () => {
    expect(containerNameFromFieldPath("metadata.labels['test-label']", pod({ 'test-label': 'test-pod-label' }))).toEqual({ ok: true, name: 'test-pod-label' });
    expect(containerNameFromFieldPath("metadata.labels['test-label']", pod())).toEqual({ ok: true, name: '' });
    expect(containerNameFromFieldPath("metadata.annotations['test-anno']", pod({}, { 'test-anno': 'x' }))).toEqual({ ok: true, name: 'x' });
  });
  it('rejects other paths and invalid keys', () => {
    expect(containerNameFromFieldPath('metadata.name', pod()).ok).toBe(false);
    expect(containerNameFromFieldPath("spec.x['a']", pod()).ok).toBe(false);
    expect(containerNameFromFieldPath("metadata.labels['-bad-']", pod()).ok).toBe(false);
  });
});

describe('mergeEnvVar', () => {
  it('keeps the original list (even its duplicates) and adds new names once', () => {
    expect(mergeEnvVar([{ name: 'a', value: '1' }, { name: 'a', value: '2' }], [{ name: 'a', value: '3' }, { name: 'b', value: '4' }, { name: 'b', value: '5' }]))
      .toEqual([{ name: 'a', value: '1' }, { name: 'a', value: '2' }, { name: 'b', value: '4' }]);
  });
});
