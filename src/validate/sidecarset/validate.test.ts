import { describe, expect, it } from 'vitest';
import { check, expectations, loadFixture } from './test-helpers.js';

describe('checkSidecarSets: sidecarset_validating_test.go TestValidateSidecarSet', () => {
  const resources = loadFixture('validate-spec.yaml');
  // Upstream runs these with SidecarSetPatchPodMetadataDefaultsAllowed=true (no whitelist).
  const diags = check(resources, { featureGates: { SidecarSetPatchPodMetadataDefaultsAllowed: true } });
  it.each(expectations(resources, diags))('%s', (_name, want, got) => expect(got).toEqual(want));
  it('every diagnostic has an origin and a position path', () => {
    for (const d of diags) { expect(d.origin).toBeDefined(); expect(d.path?.length).toBeGreaterThan(0); }
  });
});

describe('checkSidecarSets: conflicts between SidecarSets (§12.6)', () => {
  const resources = loadFixture('conflicts.yaml');
  const diags = check(resources, { featureGates: { SidecarSetPatchPodMetadataDefaultsAllowed: true } });
  it.each(expectations(resources, diags))('%s', (_name, want, got) => expect(got).toEqual(want));
});

describe('checkSidecarSets: canary annotations (TestValidateSidecarSetCanaryAnnotations)', () => {
  const resources = loadFixture('canary.yaml');
  const diags = check(resources);
  it.each(expectations(resources, diags))('%s', (_name, want, got) => expect(got).toEqual(want));
});

describe('checkSidecarSets: resourcesPolicy (TestValidateResourcesPolicy, TestValidateResourceExpression)', () => {
  const resources = loadFixture('resources-policy.yaml');
  const diags = check(resources);
  it.each(expectations(resources, diags))('%s', (_name, want, got) => expect(got).toEqual(want));
});

describe('checkSidecarSets: patchPodMetadata whitelist', () => {
  for (const file of ['patch-pod-metadata.yaml', 'patch-pod-metadata-no-whitelist.yaml']) {
    const resources = loadFixture(file);
    const diags = check(resources);
    it.each(expectations(resources, diags))(`${file} %s`, (_name, want, got) => expect(got).toEqual(want));
  }
  it('the feature gate allows patches without a whitelist', () => {
    const diags = check(loadFixture('patch-pod-metadata-no-whitelist.yaml'), { featureGates: { SidecarSetPatchPodMetadataDefaultsAllowed: true } });
    expect(diags).toEqual([]);
  });
  it('reads the whitelist from the configured Kruise namespace', () => {
    const diags = check(loadFixture('patch-pod-metadata.yaml'), { kruiseNamespace: 'kruise' });
    expect(diags.filter((d) => d.ruleId === 'sidecarset-patch-metadata-not-allowed').length).toBe(6);
  });
});

describe('checkSidecarSets: metadata, selectors, strategies, containers, volumes', () => {
  const resources = loadFixture('misc.yaml');
  const diags = check(resources);
  it.each(expectations(resources, diags))('%s', (_name, want, got) => expect(got).toEqual(want));
});
