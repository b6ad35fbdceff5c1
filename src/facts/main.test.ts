import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFactCases, runCase } from './main.js';
import { subjectFor } from './subjects/index.js';

const here = new URL('.', import.meta.url).pathname;
const shared = join(here, '../../../shared/conformance/cases/rollout');

describe('facts runner', () => {
  it.skipIf(!existsSync(shared))('passes every shared rollout fact', () => {
    const cases = findFactCases(shared);
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) expect(runCase(c, c).lines).toEqual([]);
  });
  it('reads other fields of the same upstream tests (fixtures/upstream)', () => {
    const cases = findFactCases(join(here, 'fixtures/upstream'));
    expect(cases.length).toBe(7);
    for (const c of cases) expect(runCase(c, c).lines).toEqual([]);
  });
  it('fails, without crashing, on an unknown subject', () => {
    const r = runCase(join(here, 'fixtures/unknown-subject'), 'x');
    expect(r.failed).toBe(1);
    expect(r.lines[0]).toContain('unknown subject');
  });
  it('fails on an unknown given key and still runs the others', () => {
    const r = runCase(join(here, 'fixtures/unknown-key'), 'x');
    expect([r.passed, r.failed]).toEqual([2, 1]);
    expect(r.lines[0]).toContain('unknown given key "surprise"');
  });
  it('picks subjects by their earliest keyword', () => {
    expect(subjectFor('Advanced StatefulSet - which ordinal slots are visited (partition = pods kept old)')?.id).toBe('asts-update-order');
    expect(subjectFor('Kruise Rollouts - partition written to the workload for the current batch')?.id).toBe('rollouts-batch');
    expect(subjectFor('UnitedDeployment - manualUpdate.partitions copied into each subset workload')?.id).toBe('ud-partitions');
    expect(subjectFor('partition value -> number of pods kept on the old revision')?.id).toBe('partition-replicas');
  });
});
