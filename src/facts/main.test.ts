import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { findFactCases, main, runCase } from './main.js';
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

describe('facts runner exit codes', () => {
  async function run(args: string[]): Promise<{ code: number; out: string }> {
    let out = '';
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => { out += String(s); return true; });
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try { return { code: await main(args), out }; } finally { spy.mockRestore(); err.mockRestore(); }
  }
  it('0 when every fact passes, with the summary line last', async () => {
    const r = await run([join(here, 'fixtures/upstream')]);
    expect(r.code).toBe(0);
    expect(r.out.trimEnd().split('\n').pop()).toBe('43 passed, 0 failed');
  });
  it('1 with a FAIL line per failing fact', async () => {
    const r = await run([join(here, 'fixtures/unknown-key'), join(here, 'fixtures/unknown-subject')]);
    expect(r.code).toBe(1);
    expect(r.out.split('\n').filter((l) => l.startsWith('FAIL'))).toHaveLength(2);
    expect(r.out.trimEnd().split('\n').pop()).toBe('2 passed, 2 failed');
  });
  it('2 on usage errors', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run([join(here, 'no-such-folder')])).code).toBe(2);
  });
});
