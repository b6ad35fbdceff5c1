// kruisec reconcile against the API emulator, end to end: the example repo's base applied with
// kubectl, an image change to four kinds planned in three stages with one-second pauses, and
// the CLI converging the cluster to exactly the head manifests. Also measured here: API
// requests per object per stage (counted by the emulator) and the wall time of the rollout.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator } from '../emulator/index.js';
import { emulatorWithBase, liveOfHead, makeRepos, notIn, reconcileArgs, recordPartitions, runKruisec, type PartitionRecord, type Repos, type Run } from './harness.js';
import { killAll } from './harness.js';

type Obj = Record<string, any>;

function headObjects(repos: Repos): Obj[] {
  const files = readdirSync(repos.head, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml') && f !== 'kruisec.yaml').sort();
  return files.flatMap((f) => yaml.loadAll(readFileSync(join(repos.head, f), 'utf8')) as Obj[]).filter((o) => o && o.kind);
}

describe('kruisec reconcile on the emulator', () => {
  let repos: Repos;
  let emu: Emulator;
  let partitions: PartitionRecord;
  let run: Run;
  let requests: Emulator['requests'];
  let wallMs: number;

  beforeAll(async () => {
    repos = makeRepos();
    emu = await emulatorWithBase(repos);
    partitions = recordPartitions(emu);
    const first = emu.requests.length;
    const t0 = Date.now();
    run = await runKruisec(reconcileArgs(emu, repos));
    wallMs = Date.now() - t0;
    requests = emu.requests.slice(first);
  }, 180_000);

  afterAll(async () => {
    killAll();
    partitions?.stop();
    await emu?.stop();
  });

  it('rolls out all three stages and exits 0', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const stages = run.events.filter((e) => e.event === 'stage').map((e) => e.stage);
    expect(stages).toEqual([0, 1, 2]);
    const ready = run.events.filter((e) => e.event === 'ready').map((e) => e.stage);
    expect(ready).toEqual([0, 1, 2]);
    // Each stage converged before the next began, and each pause was waited for.
    const order = run.events.filter((e) => ['stage', 'ready', 'pause', 'done'].includes(e.event)).map((e) => `${e.event}${e.stage ?? ''}`);
    expect(order).toEqual(['stage0', 'ready0', 'pause0', 'stage1', 'ready1', 'pause1', 'stage2', 'ready2', 'done']);
  });

  it('leaves the cluster running exactly the head manifests', async () => {
    const live = await liveOfHead(emu, repos);
    const find = (o: Obj) => live.find((l) => l.kind === o.kind && l.metadata?.name === o.metadata?.name && (l.metadata?.namespace ?? '') === (o.metadata?.namespace ?? ''));
    for (const want of headObjects(repos)) {
      const got = find(want);
      expect(got, `${want.kind} ${want.metadata.name}`).toBeDefined();
      expect(notIn(want, got), `${want.kind} ${want.metadata.name}`).toEqual([]);
    }
    // What the stages added and the head does not hold is gone again.
    const logging = find({ kind: 'SidecarSet', metadata: { name: 'logging' } })!;
    expect([undefined, 0]).toContain(logging.spec.updateStrategy.partition); // 0: Kruise's default
    const checkout = find({ kind: 'UnitedDeployment', metadata: { name: 'checkout', namespace: 'shop' } })!;
    expect(checkout.spec.updateStrategy.manualUpdate.partitions).toEqual({ 'zone-c': 3 });
  });

  it('never raised a partition once the new template was in', () => {
    expect(partitions.raised).toEqual([]);
    expect(partitions.history['CloneSet/storefront']).toEqual([3, 2]);
    expect(partitions.history['StatefulSet/ledger']).toEqual([1, 0]);
  });

  it('keeps the state in the cluster', () => {
    const cm = emu.api.store.list('/configmaps', 'default').find((o) => o.metadata.name === 'kruisec-rollout-default');
    expect(cm?.data).toMatchObject({ phase: 'done', stage: '2', stages: '3' });
  });

  it('is watch-driven: at most 3 API requests per object per stage', () => {
    const reqs = requests;
    const done = run.events.find((e) => e.event === 'done')!;
    const objects = done.objects as number;
    const perObjectPerStage = reqs.length / (objects * 3);
    // Reported for docs/reconcile.md: the emulator's own count, and the CLI's.
    const byVerb: Record<string, number> = {};
    for (const r of reqs) byVerb[r.verb] = (byVerb[r.verb] ?? 0) + 1;
    console.log(`reconcile: ${reqs.length} API requests for ${objects} objects x 3 stages = ${perObjectPerStage.toFixed(2)} per object per stage; by verb ${JSON.stringify(byVerb)}; CLI counted ${JSON.stringify(done.requests)}; wall time ${(wallMs / 1000).toFixed(1)}s`);
    expect(perObjectPerStage).toBeLessThanOrEqual(3);
    expect(reqs.filter((r) => r.verb === 'list').length).toBeLessThan(20); // no polling
  });
});
