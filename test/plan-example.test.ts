// plan on the example repo with an image change to the CloneSet, the Advanced StatefulSet, the
// UnitedDeployment and the logging SidecarSet, at the example's default steps (50%, then 100%).
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';

const ROOT = join(import.meta.dirname, '..');

const BUMPS: [string, string, string][] = [
  ['apps/shop/storefront.yaml', 'storefront:2.14.1', 'storefront:2.15.0'],
  ['apps/payments/ledger.yaml', 'ledger:4.2.0', 'ledger:4.3.0'],
  ['apps/shop/checkout.yaml', 'checkout:3.2.0', 'checkout:3.3.0'],
  ['sidecarsets/logging.yaml', 'fluent-bit:3.1.9', 'fluent-bit:3.2.0'],
];

type Obj = { kind: string; metadata: { name: string }; spec?: { updateStrategy?: Record<string, any> } };

function partitions(resources: Obj[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const r of resources) {
    const us = r.spec?.updateStrategy ?? {};
    const key = `${r.kind}/${r.metadata.name}`;
    if (r.kind === 'CloneSet') out[key] = us.partition ?? us.rollingUpdate?.partition;
    if (r.kind === 'StatefulSet') out[key] = us.rollingUpdate?.partition;
    if (r.kind === 'UnitedDeployment') out[key] = us.manualUpdate?.partitions;
    if (r.kind === 'SidecarSet' && r.metadata.name === 'logging') out[key] = us.partition;
  }
  return out;
}

describe('plan of fixtures/example', () => {
  it('stages an image change at the spec numbers', async () => {
    const head = mkdtempSync(join(tmpdir(), 'kruisec-head-'));
    cpSync(join(ROOT, 'fixtures/example'), head, { recursive: true });
    for (const [file, from, to] of BUMPS) {
      const p = join(head, file);
      const text = readFileSync(p, 'utf8');
      expect(text).toContain(from);
      writeFileSync(p, text.replace(from, to));
    }
    let out = '';
    const code = await main(['plan', head, '--base', 'fixtures/example', '--output', 'json'], { out: (s) => { out += typeof s === 'string' ? s : Buffer.from(s).toString('utf8'); }, err: () => {}, cwd: ROOT });
    expect(code).toBe(0);
    const plan = JSON.parse(out) as { stages: { resources: Obj[]; gate: unknown }[] };
    expect(plan.stages).toHaveLength(2);
    // Stage 1 carries the new templates with the first partitions: 50% of 6 storefront pods
    // (written as a percent, as Kruise Rollouts writes it), ledger's 3 ordinals keep 1 old,
    // UnitedDeployment subsets 4/3/3 keep 2/1 old and zone-c keeps what git holds (3), and
    // the SidecarSet keeps half of its pods.
    expect(partitions(plan.stages[0].resources)).toEqual({
      'CloneSet/storefront': '50%',
      'StatefulSet/ledger': 1,
      'UnitedDeployment/checkout': { 'zone-a': 2, 'zone-b': 1, 'zone-c': 3 },
      'SidecarSet/logging': '50%',
    });
    expect(plan.stages[0].gate).toEqual({ type: 'pause', seconds: 300 });
    // The last stage is the repo as written.
    expect(partitions(plan.stages[1].resources)).toEqual({
      'CloneSet/storefront': 2,
      'StatefulSet/ledger': 0,
      'UnitedDeployment/checkout': { 'zone-c': 3 },
      'SidecarSet/logging': undefined,
    });
  });
});
