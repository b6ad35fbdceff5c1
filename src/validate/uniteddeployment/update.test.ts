// TestValidateUnitedDeploymentUpdate: old/new pairs from testdata/update.yaml.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/resource.js';
import { defaultUnitedDeployment } from '../../default/index.js';
import { fieldText } from '../../k8s/field-path.js';
import { checkUnitedDeploymentUpdate, semanticEqual } from './update.js';

const file = join(import.meta.dirname, 'testdata/update.yaml');
const docs = yaml.loadAll(readFileSync(file, 'utf8')) as KubeObject[];

describe('UnitedDeployment update rules', () => {
  for (let i = 0; i + 1 < docs.length; i += 2) {
    const next = docs[i + 1];
    const ann = next.metadata.annotations!;
    it(ann['kruisec.test/case'], () => {
      const diags = checkUnitedDeploymentUpdate({ obj: defaultUnitedDeployment(docs[i]), origin: { file, doc: i } }, { obj: defaultUnitedDeployment(next), origin: { file, doc: i + 1 } });
      expect(diags.map((d) => `${d.ruleId}@${fieldText(d.path ?? [])}`).sort()).toEqual(ann['kruisec.test/expect'].split(',').filter(Boolean).sort());
    });
  }

  it('treats absent, null and empty collections as equal', () => {
    expect(semanticEqual(undefined, [])).toBe(true);
    expect(semanticEqual({ a: null, b: {} }, {})).toBe(true);
    expect(semanticEqual([{ k: 1 }], [{ k: 2 }])).toBe(false);
  });
});
