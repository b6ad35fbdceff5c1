import { describe, expect, it } from 'vitest';
import { parseSteps, stepsOfAnnotation, stepsOfRollout } from './steps.js';

const reasons = (raw: unknown[]) => parseSteps(raw, ['steps']).problems.map((p) => p.reason);

describe('Rollouts step validation', () => {
  it('accepts increasing steps of either type and mixed types', () => {
    expect(parseSteps([{ replicas: 1 }, { replicas: '10%' }, { replicas: 5, pause: { duration: 30 } }, { replicas: '100%' }], []).steps).toEqual([
      { replicas: 1, pauseSeconds: undefined }, { replicas: '10%', pauseSeconds: undefined }, { replicas: 5, pauseSeconds: 30 }, { replicas: '100%', pauseSeconds: undefined },
    ]);
  });
  it('rejects what the webhook rejects', () => {
    expect(reasons([])).toEqual(['The number of Canary.Steps cannot be empty']);
    expect(reasons([{}])).toEqual(['replicas cannot be empty']);
    expect(reasons([{ replicas: 0 }])[0]).toContain('replicas must be positive number');
    expect(reasons([{ replicas: '0%' }])[0]).toContain('replicas must be positive number');
    expect(reasons([{ replicas: '101%' }])[0]).toContain('replicas must be positive number');
    expect(reasons([{ replicas: '10.5%' }])[0]).toContain('replicas must be positive number');
    expect(reasons([{ replicas: '50%' }, { replicas: '20%' }])).toEqual(['Steps.CanaryReplicas must be a non decreasing sequence']);
    expect(reasons([{ replicas: 5 }, { replicas: 2 }])).toEqual(['Steps.CanaryReplicas must be a non decreasing sequence']);
  });
  it('an int above 100 is fine (it is a pod count)', () => {
    expect(reasons([{ replicas: 150 }])).toEqual([]);
  });
  it('reads the annotation in both shapes', () => {
    expect(stepsOfAnnotation('[{"replicas":"20%"}]').plan?.steps).toHaveLength(1);
    expect(stepsOfAnnotation('{"steps":[{"replicas":2}],"failureThreshold":"10%"}').plan?.failureThreshold).toBe('10%');
    expect(stepsOfAnnotation('nope').problems[0].reason).toContain('not valid JSON');
  });
  it('refuses blue-green Rollouts', () => {
    expect(stepsOfRollout({ apiVersion: 'rollouts.kruise.io/v1beta1', kind: 'Rollout', metadata: {}, spec: { strategy: { blueGreen: { steps: [] } } } }).unsupported).toBe('a blueGreen strategy');
  });
});

describe('Rollout strategies', () => {
  const ro = (canary: object) => ({ apiVersion: 'rollouts.kruise.io/v1beta1', kind: 'Rollout', metadata: {}, spec: { strategy: { canary } } });
  it('enableExtraWorkloadForCanary only matters for Deployments', () => {
    const r = ro({ enableExtraWorkloadForCanary: true, steps: [{ replicas: 1 }] });
    expect(stepsOfRollout(r, true).unsupported).toContain('enableExtraWorkloadForCanary');
    expect(stepsOfRollout(r, false).plan?.steps).toHaveLength(1);
  });
  it('limits percent steps with traffic to 50%', () => {
    const r = stepsOfRollout(ro({ steps: [{ replicas: '60%', traffic: '10%' }] }));
    expect(r.plan).toBeUndefined();
    expect(r.problems[0].reason).toContain('50%');
  });
});
