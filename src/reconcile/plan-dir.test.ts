// A folder written by `plan --output dir=` reads back into the same stages: same manifests,
// gates and expectations, hence the same plan hash as planning head against base directly (a
// rollout started from one resumes from the other).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../cli/main.js';
import { planHash, type Stage } from '../plan/index.js';
import { isPlanDir, PlanDirError, readPlanDir } from './plan-dir.js';

const ROOT = join(import.meta.dirname, '..', '..');

async function cli(...argv: string[]): Promise<string> {
  let out = '';
  const code = await main(argv, { out: (s) => { out += typeof s === 'string' ? s : Buffer.from(s).toString('utf8'); }, err: () => {}, cwd: ROOT });
  expect(code).toBe(0);
  return out;
}

describe('plan folders', () => {
  it('read back into the stages plan made, with the same hash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kruisec-plandir-'));
    const head = join(dir, 'head');
    await cli('plan', 'fixtures/example', '--base', 'fixtures/rollout/base', '--output', `dir=${join(dir, 'stages')}`);
    const json = JSON.parse(await cli('plan', 'fixtures/example', '--base', 'fixtures/rollout/base', '--output', 'json')) as { stages: (Omit<Stage, 'resources'> & { resources: Stage['resources'][number]['obj'][] })[] };
    expect(isPlanDir(join(dir, 'stages'), ROOT)).toBe(true);
    expect(isPlanDir(head, ROOT)).toBe(false);
    const read = await readPlanDir(join(dir, 'stages'), ROOT);
    expect(read.diagnostics).toEqual([]);
    const direct: Stage[] = json.stages.map((s) => ({ ...s, resources: s.resources.map((obj) => ({ obj })) }));
    expect(read.stages.map((s) => ({ gate: s.gate, expect: s.expect, n: s.resources.length }))).toEqual(direct.map((s) => ({ gate: s.gate, expect: s.expect, n: s.resources.length })));
    expect(planHash(read.stages)).toBe(planHash(direct));
  });

  it('refuses a folder whose plan.json is not a plan', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kruisec-plandir-'));
    writeFileSync(join(dir, 'plan.json'), '{"stages": []}');
    await expect(readPlanDir(dir, ROOT)).rejects.toThrow(PlanDirError);
  });
});
