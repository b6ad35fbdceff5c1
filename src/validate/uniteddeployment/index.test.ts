// The validating webhook's cases (pkg/webhook/uniteddeployment/validating/
// uniteddeployment_validation_test.go: TestValidateUnitedDeployment success and error cases,
// Test (capacity), the fixed-field-path and update-strategy tests), run through the admission
// chain (defaults first, as on Kruise master). Each document of testdata/admission.yaml names
// its expected `ruleId@field.path` list in an annotation.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { KubeObject, Resource } from '../../api/resource.js';
import { defaultUnitedDeployment } from '../../default/index.js';
import { fieldText } from '../../k8s/field-path.js';
import { checkUnitedDeployment } from './check.js';
import { checkUnitedDeployments } from './index.js';

const file = join(import.meta.dirname, 'testdata/admission.yaml');
const docs = yaml.loadAll(readFileSync(file, 'utf8')) as KubeObject[];

describe('UnitedDeployment admission', () => {
  docs.forEach((obj, doc) => {
    const name = obj.metadata.annotations!['kruisec.test/case'];
    const want = obj.metadata.annotations!['kruisec.test/expect'].split(',').filter(Boolean).sort();
    it(name, () => {
      const res: Resource = { obj: defaultUnitedDeployment(obj), origin: { file, doc } };
      const diags = checkUnitedDeployment(res, (obj.spec as { replicas?: unknown } | undefined)?.replicas != null);
      const got = diags.map((d) => `${d.ruleId}@${fieldText(d.path ?? [])}`).sort();
      expect(got).toEqual(want);
      for (const d of diags) expect(d.origin).toEqual({ file, doc });
    });
  });

  it('ignores other kinds', () => {
    const other = [{ obj: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' } } }];
    expect(checkUnitedDeployments(other, other)).toEqual([]);
  });

  it('says when the default replicas of 1 is the cause', () => {
    const obj = docs.find((d) => d.metadata.annotations!['kruisec.test/case'].startsWith('replicas omitted'))!;
    const [d] = checkUnitedDeployment({ obj: defaultUnitedDeployment(obj), origin: { file, doc: 0 } }, false);
    expect(d.hint).toContain('spec.replicas');
    expect(d.message).toContain('defaults it to 1');
  });
});
