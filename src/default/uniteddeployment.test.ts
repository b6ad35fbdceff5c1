// SetDefaultsUnitedDeploymentV1beta1 (apis/apps/defaults) and Kruise's SetDefaultPodSpec.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/resource.js';
import { defaultImagePullPolicy } from '../k8s/image-reference.js';
import { defaultUnitedDeployment } from './uniteddeployment.js';

const ud = (spec: Record<string, unknown>): KubeObject => ({ apiVersion: 'apps.kruise.io/v1beta1', kind: 'UnitedDeployment', metadata: { name: 'u' }, spec, status: { replicas: 3 } });

describe('defaultUnitedDeployment', () => {
  it('sets replicas, history limit, Manual strategy and clears status', () => {
    const out: any = defaultUnitedDeployment(ud({ selector: { matchLabels: { a: 'b' } } }));
    expect(out.spec.replicas).toBe(1);
    expect(out.spec.revisionHistoryLimit).toBe(10);
    expect(out.spec.updateStrategy).toEqual({ type: 'Manual', manualUpdate: {} });
    expect(out.status).toBeUndefined();
  });
  it('keeps written values', () => {
    const out: any = defaultUnitedDeployment(ud({ replicas: 0, revisionHistoryLimit: 3, updateStrategy: { manualUpdate: { partitions: { a: 1 } } } }));
    expect([out.spec.replicas, out.spec.revisionHistoryLimit]).toEqual([0, 3]);
    expect(out.spec.updateStrategy.manualUpdate.partitions).toEqual({ a: 1 });
  });
  it('fills minReplicas 0 only in elastic mode without pins', () => {
    const elastic: any = defaultUnitedDeployment(ud({ topology: { subsets: [{ name: 'a', maxReplicas: 2 }, { name: 'b' }] } }));
    expect(elastic.spec.topology.subsets.map((s: any) => s.minReplicas)).toEqual([0, 0]);
    const mixed: any = defaultUnitedDeployment(ud({ topology: { subsets: [{ name: 'a', maxReplicas: 2 }, { name: 'b', replicas: 1 }] } }));
    expect(mixed.spec.topology.subsets.map((s: any) => s.minReplicas)).toEqual([undefined, undefined]);
  });
  it('applies Kruise pod defaults to statefulSetTemplate only', () => {
    const pod = () => ({ spec: { containers: [{ name: 'c', image: 'i:1', ports: [{ containerPort: 80 }], readinessProbe: { httpGet: { port: 80 } } }], initContainers: [{ name: 'i', image: 'i:1' }], volumes: [{ name: 'v', configMap: { name: 'cm' } }, { name: 'e' }] } });
    const out: any = defaultUnitedDeployment(ud({
      template: { statefulSetTemplate: { spec: { template: pod(), volumeClaimTemplates: [{ metadata: { name: 'd' }, spec: {} }] } }, deploymentTemplate: { spec: { template: pod() } } },
    }));
    const s = out.spec.template.statefulSetTemplate.spec;
    const c = s.template.spec.containers[0];
    expect(c).toMatchObject({ imagePullPolicy: 'Always', terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' });
    expect(c.ports[0].protocol).toBe('TCP');
    expect(c.readinessProbe).toMatchObject({ timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3, httpGet: { path: '/', scheme: 'HTTP' } });
    expect(s.template.spec.initContainers[0].imagePullPolicy).toBe('IfNotPresent');
    expect(s.template.spec).toMatchObject({ dnsPolicy: 'ClusterFirst', restartPolicy: 'Always', terminationGracePeriodSeconds: 30, schedulerName: 'default-scheduler', securityContext: {} });
    expect(s.template.spec.volumes).toEqual([{ name: 'v', configMap: { name: 'cm', defaultMode: 420 } }, { name: 'e', emptyDir: {} }]);
    expect(s.volumeClaimTemplates[0]).toMatchObject({ spec: { volumeMode: 'Filesystem' }, status: { phase: 'Pending' } });
    expect(out.spec.template.deploymentTemplate.spec.template.spec.containers[0].imagePullPolicy).toBeUndefined();
  });
  it('does not modify its input', () => {
    const input = ud({ template: { statefulSetTemplate: { spec: { template: { spec: { containers: [{ name: 'c' }] } } } } } });
    const before = JSON.stringify(input);
    defaultUnitedDeployment(input);
    expect(JSON.stringify(input)).toBe(before);
  });
  it('uses the Kubernetes tag rule for init containers', () => {
    expect(defaultImagePullPolicy('nginx')).toBe('Always');
    expect(defaultImagePullPolicy('nginx:latest')).toBe('Always');
    expect(defaultImagePullPolicy('nginx:1.2')).toBe('IfNotPresent');
    expect(defaultImagePullPolicy('reg:5000/nginx')).toBe('Always');
    expect(defaultImagePullPolicy('nginx@sha256:abc')).toBe('IfNotPresent');
  });
});
