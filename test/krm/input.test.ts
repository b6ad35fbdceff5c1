// Input as kustomize and Helm users hand it over: a kustomization folder given as is, and
// misspelt fields, which get the nearest field the schema defines at their level.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { lookupKind } from '../../src/api/index.js';
import { parseFile } from '../../src/load/parse.js';
import { suggestField } from '../../src/validate/schema/suggest.js';

const DATA = join(import.meta.dirname, 'testdata');

async function validateJson(...paths: string[]) {
  let out = '';
  const code = await main(['validate', '--format', 'json', ...paths], { out: (s) => { out += String(s); }, err: () => {}, cwd: DATA });
  return { code, diagnostics: (JSON.parse(out) as { diagnostics: { ruleId: string; severity: string; message: string; hint?: string; file?: string; line?: number }[] }).diagnostics };
}

describe('a kustomization given as input', () => {
  it('gets one hint to pipe the build, not errors on the Kustomization object', async () => {
    const r = await validateJson('overlay');
    expect(r.code).toBe(0);
    expect(r.diagnostics).toEqual([expect.objectContaining({
      ruleId: 'kustomization-input',
      severity: 'warning',
      file: 'overlay/kustomization.yaml',
      line: 1,
      hint: 'pipe the build instead: `kubectl kustomize overlay | kruisec validate -` (or `kustomize build overlay | kruisec validate -`)',
    })]);
  });

  it('is recognised by its apiVersion under any file name', () => {
    const parsed = parseFile('base.yaml', 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\npatches: []\n');
    expect(parsed.resources).toEqual([]);
    expect(parsed.diagnostics.map((d) => d.ruleId)).toEqual(['kustomization-input']);
  });
});

describe('did you mean', () => {
  it('names the nearest defined field at the level of each unknown one', async () => {
    const r = await validateJson('typos.yaml');
    expect(r.code).toBe(0);
    expect(r.diagnostics.map((d) => [d.line, d.message.replace(/.*: CloneSet .* drops it/, '')])).toEqual([
      [20, '; did you mean "imagePullPolicy"?'],
      [21, '; did you mean "resources"?'],
      [25, '; did you mean "partition"?'],
      [26, '; did you mean "maxUnavailable"?'],
      [28, ''],
    ]);
  });

  it('is deterministic and stays quiet when nothing is close', () => {
    const cloneSet = lookupKind('apps.kruise.io/v1alpha1', 'CloneSet')!;
    expect(suggestField(cloneSet, ['spec'], 'replica')).toBe('replicas');
    expect(suggestField(cloneSet, ['spec', 'template', 'spec', 'containers', 0], 'imag')).toBe('image');
    expect(suggestField(cloneSet, ['spec'], 'xyz')).toBeUndefined();
    expect(suggestField(cloneSet, ['spec', 'nowhere'], 'replicas')).toBeUndefined();
    // A slip of case counts as one edit, not one per letter.
    expect(suggestField(cloneSet, ['spec', 'updateStrategy'], 'MaxUnavailable')).toBe('maxUnavailable');
  });
});
