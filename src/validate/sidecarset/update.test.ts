import { describe, expect, it } from 'vitest';
import type { KubeObject, Resource } from '../../api/resource.js';
import { defaultSidecarSet } from '../../default/index.js';
import { checkSidecarSetUpdate } from './update.js';

const ss = (containers: unknown[], annotations?: Record<string, string>): Resource => ({
  obj: defaultSidecarSet({ apiVersion: 'apps.kruise.io/v1beta1', kind: 'SidecarSet', metadata: { name: 's', annotations }, spec: { selector: { matchLabels: { a: 'b' } }, containers } } as KubeObject),
  origin: { file: 'x.yaml', doc: 0 },
});

// Upstream sidecarset_hotupgrade_test.go TestSidecarSetUpdateConflict and §12.5.
describe('checkSidecarSetUpdate', () => {
  it('upgradeType cannot change', () => {
    const d = checkSidecarSetUpdate(ss([{ name: 'test', upgradeStrategy: { upgradeType: 'ColdUpgrade' } }]), ss([{ name: 'test', upgradeStrategy: { upgradeType: 'HotUpgrade' } }]));
    expect(d.map((x) => [x.ruleId, x.path])).toEqual([['sidecarset-upgrade-type-immutable', ['spec', 'containers', 0, 'upgradeStrategy', 'upgradeType']]]);
  });
  it('containers cannot be added', () => {
    const d = checkSidecarSetUpdate(ss([{ name: 'a', image: 'i' }]), ss([{ name: 'a', image: 'j' }, { name: 'b', image: 'i' }]));
    expect(d.map((x) => x.ruleId)).toEqual(['sidecarset-container-added-on-update']);
  });
  it('the canary base cannot change', () => {
    const canary = (base: string) => ({ 'apps.kruise.io/sidecarset-canary': 'true', 'apps.kruise.io/sidecarset-base': base });
    expect(checkSidecarSetUpdate(ss([{ name: 'a' }], canary('x')), ss([{ name: 'a' }], canary('x')))).toEqual([]);
    expect(checkSidecarSetUpdate(ss([{ name: 'a' }], canary('x')), ss([{ name: 'a' }], canary('y'))).map((x) => x.ruleId)).toEqual(['sidecarset-canary-base-immutable']);
  });
});
