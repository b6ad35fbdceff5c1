// kill -9 at every step: the same command, run again, resumes where the cluster says the
// rollout is. One chain of runs: each run is SIGKILLed at the first write it makes that no
// earlier run was killed at (the Lease taken, the state written as a stage begins, converges,
// ends, a staged workload applied), the next run resumes, until one run finishes. The test, not
// the timing, decides where a run stops: the emulator performs that write, then the run is
// killed and its answer and every later request of it are cut, so the cluster holds exactly the
// writes up to that step. Every step of the plan is thus cut once. Across the chain: no partition
// ever went up, no stage was skipped, nothing was applied twice in a way that changed the result
// (each workload ends at the same generation as in an uninterrupted rollout), and the cluster
// ends exactly at the head.
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator, RequestRecord } from '../emulator/index.js';
import { emulatorWithBase, liveOfHead, makeRepos, reconcileArgs, recordPartitions, runKruisec, stored, type PartitionRecord, type Repos, type Run } from './harness.js';
import { killAll } from './harness.js';

const STAGED = ['CloneSet shop/storefront', 'StatefulSet payments/ledger', 'UnitedDeployment shop/checkout', 'SidecarSet logging'];
/** The staged workloads by the requests that write them. */
const BY_PATH: Record<string, string> = {
  'clonesets shop/storefront': 'CloneSet shop/storefront', 'statefulsets payments/ledger': 'StatefulSet payments/ledger',
  'uniteddeployments shop/checkout': 'UnitedDeployment shop/checkout', 'sidecarsets /logging': 'SidecarSet logging',
};
const STATE = 'kruisec-rollout-default';

/** The steps of the example's plan, as writes: the Lease taken; per stage, its state written as
 *  it begins, each staged workload the stage changes applied (the first two stages change all
 *  four; the last only the SidecarSet's and the UnitedDeployment's partitions; a run resumed in
 *  a stage applies all four again, which adds steps), its state written as converged; the state
 *  written as done. */
const PLAN_STEPS = [
  'lease:create',
  ...[0, 1].flatMap((s) => [`state:${s}:progressing`, ...STAGED.map((w) => `apply:${s}:${w}`), `state:${s}:ready`]),
  'state:2:progressing', 'apply:2:SidecarSet logging', 'apply:2:UnitedDeployment shop/checkout', 'state:2:ready', 'state:2:done',
];

type Obj = Record<string, any>;

/** The step a successful write is, if it is one: applies of unstaged objects (Services,
 *  Namespaces) and Lease renewals are let through to keep the chain short; they are repeated
 *  on every resume anyway. */
function stepOf(emu: Emulator, rec: RequestRecord, answer: Obj | undefined): string | undefined {
  if (!['create', 'update', 'patch'].includes(rec.verb)) return undefined;
  if (rec.resource === 'leases') return rec.verb === 'create' ? 'lease:create' : undefined;
  if (rec.resource === 'configmaps' && answer?.metadata?.name === STATE) return `state:${answer.data?.stage}:${answer.data?.phase}`;
  const workload = BY_PATH[`${rec.resource} ${rec.namespace ?? ''}/${rec.name}`];
  // The stage it belongs to: the state is written as a stage begins, before its applies.
  if (workload && rec.verb === 'patch') return `apply:${stored(emu, '', 'configmaps', 'default', STATE)?.data?.stage}:${workload}`;
  return undefined;
}

describe('kruisec reconcile killed with SIGKILL at every step', () => {
  let repos: Repos;
  let emu: Emulator;
  let partitions: PartitionRecord;
  const runs: Run[] = [];
  const cut: string[] = [];

  beforeAll(async () => {
    repos = makeRepos();
    let armed = false, stopping = false;
    let child: ChildProcess | undefined;
    const seen = new Set<string>();
    emu = await emulatorWithBase(repos, {
      intercept: (phase, rec, answer) => {
        if (!armed) return undefined;
        if (stopping) return 'cut'; // the killed run's last requests: nothing more of it reaches the cluster
        const step = phase === 'after' ? stepOf(emu, rec, answer) : undefined;
        if (!step || seen.has(step)) return undefined;
        seen.add(step);
        cut.push(step);
        stopping = true;
        child?.kill('SIGKILL');
        return 'cut';
      },
    });
    partitions = recordPartitions(emu);
    armed = true;
    for (let i = 0; i < 80; i++) {
      stopping = false;
      const run = await runKruisec(reconcileArgs(emu, repos), { onSpawn: (c) => { child = c; } });
      runs.push(run);
      if (run.signal !== 'SIGKILL') break;
    }
    armed = false;
  }, 300_000);

  afterAll(async () => {
    killAll();
    partitions?.stop();
    await emu?.stop();
  });

  it('was cut at every step and the last run finished', () => {
    const last = runs[runs.length - 1];
    expect(last.stderr).toBe('');
    expect(last.code).toBe(0);
    expect(runs.slice(0, -1).every((r) => r.signal === 'SIGKILL')).toBe(true);
    expect(runs.length).toBe(cut.length + 1);
    expect(cut).toEqual(expect.arrayContaining(PLAN_STEPS));
    console.log(`crash test: ${runs.length} runs, cut after: ${cut.join(', ')}`);
  });

  it('never skipped a stage: each began only after the one before converged', () => {
    const all = runs.flatMap((r) => r.events);
    for (const s of [1, 2]) {
      const firstStart = all.findIndex((e) => e.event === 'stage' && e.stage === s);
      // Converged: said by the run that saw it, or by the state a resumed run started from.
      const converged = all.findIndex((e) => (e.event === 'ready' && e.stage === s - 1) || (e.event === 'start' && e.stage === s - 1 && e.phase === 'ready'));
      expect(converged).toBeGreaterThanOrEqual(0);
      expect(converged).toBeLessThan(firstStart);
      // and every staged workload reported ready in stage s-1 before stage s began
      for (const w of STAGED) expect(all.slice(0, firstStart).some((e) => e.event === 'workload' && e.stage === s - 1 && e.workload === w && e.state === 'ready')).toBe(true);
    }
  });

  it('never raised a partition', () => {
    expect(partitions.raised).toEqual([]);
  });

  it('ends where an uninterrupted rollout ends', async () => {
    const live = await liveOfHead(emu, repos);
    const gen = (kind: string, name: string) => live.find((o) => o.kind === kind && o.metadata.name === name)?.metadata.generation;
    // base (1), then one generation per distinct stage manifest: re-applying the same stage
    // after a crash changed nothing.
    expect({
      storefront: gen('CloneSet', 'storefront'), ledger: gen('StatefulSet', 'ledger'),
      checkout: gen('UnitedDeployment', 'checkout'), logging: gen('SidecarSet', 'logging'),
    }).toEqual({ storefront: 3, ledger: 3, checkout: 4, logging: 4 });
    const storefront = live.find((o) => o.kind === 'CloneSet' && o.metadata.name === 'storefront')!;
    expect(storefront.spec.template.spec.containers[0].image).toBe('registry.example.com/shop/storefront:2.15.0');
    expect(storefront.spec.updateStrategy.partition).toBe(2);
    expect(storefront.status.updatedReplicas).toBe(4);
  });
});
