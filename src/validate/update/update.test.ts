// Update-time admission on stored forms: pairs from testdata/pairs.yaml (base, then head), and
// the conformance cases under test/cases/update, which the CLI runs through plan.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLUSTER_FACTS } from '../../api/cluster.js';
import type { KubeObject, Resource } from '../../api/resource.js';
import { applyDefaults } from '../../default/index.js';
import { validateUpdates } from './index.js';
import { firstNonImageChange } from './inplace-only.js';

const file = join(import.meta.dirname, 'testdata', 'pairs.yaml');
const docs = (yaml.loadAll(readFileSync(file, 'utf8')) as KubeObject[]).map((obj, doc): Resource => ({ obj, origin: { file, doc } }));
const cluster = { ...DEFAULT_CLUSTER_FACTS, featureGates: { StatefulSetAutoResizePVCGate: true } };

describe('validateUpdates', () => {
  for (let i = 0; i + 1 < docs.length; i++) {
    if (docs[i].obj.metadata?.annotations?.['test.kruisec/base'] !== 'true') continue;
    const head = docs[i + 1];
    it(`${head.obj.kind} ${head.obj.metadata?.name}`, () => {
      const [b] = applyDefaults([docs[i]]), [h] = applyDefaults([head]);
      const got = validateUpdates([b], [h], cluster);
      const want = String(head.obj.metadata?.annotations?.['test.kruisec/expect'] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      expect(got.map((d) => d.ruleId).sort()).toEqual(want.sort());
      for (const d of got) expect(d.origin?.doc).toBe(head.origin!.doc);
    });
  }

  it('shows the base value of a forbidden change', () => {
    const rename = docs.findIndex((d) => d.obj.metadata?.name === 'agent');
    const [d] = validateUpdates(applyDefaults([docs[rename]]), applyDefaults([docs[rename + 1]]), cluster);
    expect(d.message).toContain('spec.selector (base: {"matchLabels":{"app":"ag"}})');
    expect(d.path).toEqual(['spec', 'selector']);
  });

  it('leaves the volume claim rules to the StatefulSetAutoResizePVCGate gate', () => {
    const i = docs.findIndex((d) => d.obj.metadata?.name === 'rename');
    expect(validateUpdates(applyDefaults([docs[i]]), applyDefaults([docs[i + 1]]), DEFAULT_CLUSTER_FACTS)).toEqual([]);
  });

  it('admits image replacements only, as the InPlaceOnly JSON patch check does', () => {
    const spec = (image: string, extra = {}) => ({ containers: [{ name: 'c', image, ...extra }] });
    expect(firstNonImageChange(spec('a:1'), spec('a:2'))).toBeUndefined();
    expect(firstNonImageChange(spec('a:1'), spec('a:1', { args: ['x'] }))).toEqual({ op: 'add', path: '/containers/0/args', base: 'absent' });
    expect(firstNonImageChange({ containers: [{ name: 'c' }] }, { containers: [{ name: 'c' }, { name: 'd' }] })?.op).toBe('add');
  });
});
