// Issue 17's examples end to end: the kinds that used to pass as "no problems" are checked,
// core kinds against client-node's models, and what is still unchecked is said so.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';

const ROOT = join(import.meta.dirname, '..');
const DIR = 'test/testdata/kinds-cli';

async function run(...argv: string[]) {
  let out = '', err = '';
  const code = await main(argv, { out: (s) => { out += typeof s === 'string' ? s : Buffer.from(s).toString('utf8'); }, err: (s) => { err += s; }, cwd: ROOT });
  return { code, out, err };
}

describe('every kind checked', () => {
  it('rejects a Deployment with replicas: "three" at file:line:col; numbers in quantities pass', async () => {
    const r = await run('validate', `${DIR}/core.yaml`);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${DIR}/core.yaml:6:3: error[schema-wrong-type]: must be an integer, found a string`);
    // ConfigMap data values are strings: kubectl refuses a number.
    expect(r.out).toMatch(/core\.yaml:39:\d+: error\[schema-wrong-type\]/);
    // cpu: 1 and averageValue: 100 are quantities, which take numbers.
    expect(r.out).not.toMatch(/core\.yaml:(14|33):/);
    expect(r.out).toContain('; 1 object of 1 kind not checked');
  });

  it('lists the unchecked kinds once with --verbose', async () => {
    const r = await run('validate', `${DIR}/core.yaml`, '--verbose');
    expect(r.out.match(/schema-unchecked/g)).toHaveLength(1);
    expect(r.out).toContain('no schema for: ServiceMonitor monitoring.coreos.com/v1 (1)');
  });

  it('rejects the BroadcastJob, WorkloadSpread and PodUnavailableBudget of the issue', async () => {
    const r = await run('validate', `${DIR}/kruise.yaml`);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${DIR}/kruise.yaml:8:7: error[broadcastjob-restart-policy]`);
    expect(r.out).toContain(`${DIR}/kruise.yaml:17:22: error[workloadspread-max-replicas]`);
    expect(r.out).toContain(`${DIR}/kruise.yaml:25:3: error[pub-budget]`);
    expect(r.out).not.toContain('not checked');
  });
});
