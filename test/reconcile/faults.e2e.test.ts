// The reconciler on an unreliable API server: one request in ten answered with a fault (409,
// 500, or a 504 after the write was done, and watches cut short), and the server restarted
// mid-rollout, which cuts every watch and forgets the watch history (a watch from before gets
// 410 Gone and must list again). It still converges to the head, and no partition goes up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../emulator/index.js';
import { emulatorWithBase, makeRepos, reconcileArgs, recordPartitions, runKruisec, stored, type Event, type PartitionRecord, type Repos, type Run } from './harness.js';
import { killAll } from './harness.js';

describe('kruisec reconcile with --faults 0.1 and an API server restart', () => {
  let repos: Repos;
  let emu: Emulator;
  let partitions: PartitionRecord;
  let run: Run;
  let faulted = 0;

  beforeAll(async () => {
    repos = makeRepos();
    // The base goes in without faults (kubectl does not retry); then the same cluster, faulty.
    const clean = await emulatorWithBase(repos);
    const state = clean.state();
    await clean.stop();
    emu = await startEmulator({ podStartMs: 20, faults: 0.1, seed: 7, state });
    partitions = recordPartitions(emu);
    let restarted = false;
    run = await runKruisec(reconcileArgs(emu, repos), {
      onEvent: (e: Event) => {
        if (!restarted && e.event === 'stage' && e.stage === 1) {
          restarted = true;
          void emu.restart();
        }
      },
    });
    faulted = emu.requests.filter((r) => r.fault).length;
  }, 240_000);

  afterAll(async () => {
    killAll();
    partitions?.stop();
    await emu?.stop();
  });

  it('converges to the head anyway', async () => {
    expect(run.code, run.stderr).toBe(0);
    expect(faulted).toBeGreaterThanOrEqual(3);
    expect(run.events.some((e) => e.event === 'retry')).toBe(true);
    const storefront = stored(emu, 'apps.kruise.io', 'clonesets', 'shop', 'storefront')!;
    expect(storefront.spec.template.spec.containers[0].image).toBe('registry.example.com/shop/storefront:2.15.0');
    expect(storefront.status.updatedReplicas).toBe(4);
    const ledger = stored(emu, 'apps.kruise.io', 'statefulsets', 'payments', 'ledger')!;
    expect(ledger.spec.template.spec.containers[0].image).toBe('registry.example.com/payments/ledger:4.3.0');
    expect(ledger.status.updatedReplicas).toBe(3);
    const ud = stored(emu, 'apps.kruise.io', 'uniteddeployments', 'shop', 'checkout')!;
    expect(ud.spec.updateStrategy.manualUpdate.partitions).toEqual({ 'zone-c': 3 });
    const logging = stored(emu, 'apps.kruise.io', 'sidecarsets', '', 'logging')!;
    expect(logging.status.updatedPods).toBe(logging.status.matchedPods);
  });

  it('re-established its watches after the restart', () => {
    // Depending on when it reconnected: a watch from its old resourceVersion expired (410 Gone)
    // and it listed again, or the connection was refused and it backed off and listed again
    // (both are unit-tested in src/reconcile/kube/informer.test.ts).
    const after = run.events.slice(run.events.findIndex((e) => e.event === 'stage' && e.stage === 1));
    expect(after.some((e) => (e.event === 'note' && /410 Gone/.test(e.message)) || (e.event === 'retry' && /^watch /.test(e.what)))).toBe(true);
  });

  it('never raised a partition', () => {
    expect(partitions.raised).toEqual([]);
  });
});
