import { describe, expect, it } from 'vitest';
import { hotUpgradePair, workingHotUpgradeMap } from './hot-upgrade.js';

// Upstream pkg/webhook/pod/mutating/sidecarset_hotupgrade_test.go TestInjectHotUpgradeSidecar.
describe('hotUpgradePair', () => {
  const spec = { name: 'dns-f', image: 'dns-f-image:1.0', upgradeStrategy: { upgradeType: 'HotUpgrade', hotUpgradeEmptyImage: 'busy:hotupgrade-empty' } };
  it('emits -1 (working) and -2 (empty image) with version envs and annotations', () => {
    const working = workingHotUpgradeMap({ 'kruise.io/sidecarset-working-hotupgrade-container': '{"b":"b-2"}' });
    const ann = new Map<string, string>();
    const built = { name: 'dns-f', image: 'dns-f-image:1.0', env: [{ name: 'IS_INJECTED', value: 'true' }] };
    const [c1, c2] = hotUpgradePair(built, spec, 'BeforeAppContainer', working, ann);
    expect(c1.container.name).toBe('dns-f-1');
    expect(c1.container.image).toBe('dns-f-image:1.0');
    expect(c2.container).toMatchObject({ name: 'dns-f-2', image: 'busy:hotupgrade-empty' });
    expect(c1.podInjectPolicy).toBe('BeforeAppContainer');
    expect(c2.container.env).toEqual([
      { name: 'IS_INJECTED', value: 'true' },
      { name: 'SIDECARSET_VERSION', valueFrom: { fieldRef: { fieldPath: "metadata.annotations['version.sidecarset.kruise.io/dns-f-2']" } } },
      { name: 'SIDECARSET_VERSION_ALT', valueFrom: { fieldRef: { fieldPath: "metadata.annotations['versionalt.sidecarset.kruise.io/dns-f-2']" } } },
    ]);
    expect(Object.fromEntries(ann)).toEqual({
      'version.sidecarset.kruise.io/dns-f-1': '1', 'versionalt.sidecarset.kruise.io/dns-f-1': '0',
      'version.sidecarset.kruise.io/dns-f-2': '0', 'versionalt.sidecarset.kruise.io/dns-f-2': '1',
      'kruise.io/sidecarset-working-hotupgrade-container': '{"b":"b-2","dns-f":"dns-f-1"}',
    });
    expect(built.env).toHaveLength(1);
  });
  it('an empty hotUpgradeEmptyImage leaves the second container without an image', () => {
    const [, c2] = hotUpgradePair({ name: 'x', image: 'x:1' }, { name: 'x', upgradeStrategy: { upgradeType: 'HotUpgrade' } }, undefined, new Map(), new Map());
    expect(c2.container.image).toBeUndefined();
  });
  it('an unreadable working map counts as empty', () => {
    expect(workingHotUpgradeMap({ 'kruise.io/sidecarset-working-hotupgrade-container': 'nope' }).size).toBe(0);
  });
});
