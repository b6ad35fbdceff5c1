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
