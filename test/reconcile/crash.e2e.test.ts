// kill -9 at every step: the same command, run again, resumes where the cluster says the
// rollout is. One chain of runs: each run is SIGKILLed right after the first step it takes
// that no earlier run took (a stage started, an object applied, a workload converged, a stage
// converged, a pause begun), the next run resumes, until one run finishes. Every step of the
// plan is thus cut once. Across the chain: no partition ever went up, no stage was skipped,
// nothing was applied twice in a way that changed the result (each workload ends at the same
// generation as in an uninterrupted rollout), and the cluster ends exactly at the head.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../emulator/index.js';
import { emulatorWithBase, liveOfHead, makeRepos, reconcileArgs, recordPartitions, runKruisec, type Event, type PartitionRecord, type Repos, type Run } from './harness.js';
import { killAll } from './harness.js';

const STAGED = ['CloneSet shop/storefront', 'StatefulSet payments/ledger', 'UnitedDeployment shop/checkout', 'SidecarSet logging'];

/** The steps of the plan: a stage written and begun, each staged workload applied and then
 *  converged, the stage converged, its pause begun. (Applies of unstaged objects, Services and
 *  Namespaces, are left out to keep the chain short; they are re-applied on every resume anyway.) */
function stepId(e: Event): string | undefined {
  if (e.event === 'workload') return e.state === 'ready' ? `ready:${e.stage}:${e.workload}` : undefined;
  if (e.event === 'apply') return STAGED.includes(e.object) ? `apply:${e.stage}:${e.object}` : undefined;
  return ['stage', 'ready', 'pause'].includes(e.event) ? `${e.event}:${e.stage}:` : undefined;
}

describe('kruisec reconcile killed with SIGKILL at every step', () => {
  let repos: Repos;
  let emu: Emulator;
  let partitions: PartitionRecord;
  const runs: Run[] = [];
  const cut: string[] = [];

  beforeAll(async () => {
    repos = makeRepos();
    emu = await emulatorWithBase(repos);
    partitions = recordPartitions(emu);
    const seen = new Set<string>();
    for (let i = 0; i < 80; i++) {
      const run = await runKruisec(reconcileArgs(emu, repos), {
        killWhen: (e) => {
          const id = stepId(e);
          if (!id || seen.has(id)) return false;
          seen.add(id);
          cut.push(id);
          return true;
        },
      });
      runs.push(run);
      if (run.signal !== 'SIGKILL') break;
    }
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
    // A kill lands a little after the event that asked for it: the run may have taken the
    // next step already (say, recorded the stage as converged), and the next run then has no
    // reason to repeat that step, so it is cut at the one after. Steps of every stage were cut.
    for (const s of [0, 1, 2]) expect(cut.filter((c) => c.split(':')[1] === String(s)).length).toBeGreaterThanOrEqual(5);
    expect(cut.length).toBeGreaterThanOrEqual(20);
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
    const storefront = live.find((o) => o.kind === 'CloneSet' && o.metadata.name === 'storefront');
    expect(storefront.spec.template.spec.containers[0].image).toBe('registry.example.com/shop/storefront:2.15.0');
    expect(storefront.spec.updateStrategy.partition).toBe(2);
    expect(storefront.status.updatedReplicas).toBe(4);
  });
});
