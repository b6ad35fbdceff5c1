import { describe, expect, it } from 'vitest';
import { API_KINDS } from '../../src/api/index.js';
import { checkSchemas } from '../../src/validate/schema/index.js';
import { validatorFor } from '../../src/validate/schema/validators.js';
import { loadFixture, opts } from './helpers.js';

const FILE = 'test/testdata/workloads/schema/cases.yaml';

function byDoc(strict = false) {
  const diags = checkSchemas(loadFixture(FILE), opts({ strict }));
  const out: Record<number, [string, string, string][]> = {};
  for (const d of diags) (out[d.origin!.doc] ??= []).push([d.ruleId, d.severity, (d.path ?? []).join('.')]);
  for (const k of Object.keys(out)) out[Number(k)].sort();
  return out;
}

describe('checkSchemas', () => {
  it('reports rule ids at JSON field paths, pruned fields as warnings', () => {
    const got = byDoc();
    expect(got[0]).toBeUndefined();
    expect(got[1]).toEqual([['schema-unknown-field', 'warning', 'spec.updateStrategy.partition']]);
    expect(got[2]).toEqual([
      ['schema-missing-field', 'error', 'spec'],
      ['schema-wrong-type', 'error', 'spec.replicas'],
      ['schema-wrong-type', 'error', 'spec.template.spec.containers.0.env.0.value'],
      ['schema-wrong-type', 'error', 'spec.updateStrategy.partition'],
    ]);
    expect(got[3]).toEqual([
      ['schema-missing-field', 'error', 'spec.template.spec.containers.0'],
      ['schema-unknown-field', 'warning', 'spec.template.spec.nodeselector'],
    ]);
    expect(got[4]).toEqual([['schema-unserved-version', 'error', 'apiVersion']]);
    expect(got[5]).toEqual([
      ['schema-enum', 'error', 'spec.strategy.canary.steps.0.matches.0.headers.0.type'],
      ['schema-pattern', 'error', 'spec.strategy.canary.steps.0.matches.0.headers.0.name'],
    ]);
    expect(got[6]).toEqual([['schema-unknown-field', 'warning', 'spec.whatever']]);
  });

  it('has a compiled validator for every registered kind', () => {
    expect(API_KINDS.filter((k) => typeof validatorFor(k) !== 'function').map((k) => `${k.apiVersion} ${k.kind}`)).toEqual([]);
  });

  it('makes pruned fields errors under --strict', () => {
    expect(byDoc(true)[1]).toEqual([['schema-unknown-field', 'error', 'spec.updateStrategy.partition']]);
  });

  it('keeps array indexes as numbers in paths', () => {
    const d = checkSchemas(loadFixture(FILE), opts()).find((x) => x.ruleId === 'schema-missing-field' && x.origin!.doc === 3)!;
    expect(d.path).toEqual(['spec', 'template', 'spec', 'containers', 0]);
  });
});
