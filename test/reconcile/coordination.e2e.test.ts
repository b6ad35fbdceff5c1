// The reconciler's coordination, gates and failures on the small repo (fixtures/rollout: one
// CloneSet, two stages): two reconcilers on one plan, --watch replicas electing a leader
// through the Lease and following the inputs, approval recorded in the cluster, status, a plan
// changed mid-rollout, stalls and timeouts, dry runs, and what a user without rights sees.
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../emulator/index.js';
import { applyBase, bumpSmall, killAll, kubectl, emulatorWithBase, makeSmallRepos, reconcileArgs, runKruisec, stored, type Event, type Run } from './harness.js';

let emu: Emulator | undefined;
afterEach(async () => {
  killAll();
  await emu?.stop();
  emu = undefined;
});

const image = (e: Emulator) => stored(e, 'apps.kruise.io', 'clonesets', 'web', 'frontend')?.spec.template.spec.containers[0].image;

/** Changes the small repo's first pause (both sides: it is part of the plan, not of the change). */
function setPause(repos: { base: string; head: string }, pause: string): void {
  for (const d of [repos.base, repos.head]) {
    const p = join(d, 'web.yaml');
    writeFileSync(p, readFileSync(p, 'utf8').replace('"pause":{"duration":1}', `"pause":${pause}`));
  }
}

/** Replaces the small repo's steps annotation (on both sides, or only the head's). */
function setSteps(repos: { base: string; head: string }, steps: string, only?: 'head'): void {
  for (const d of only ? [repos.head] : [repos.base, repos.head]) {
    const p = join(d, 'web.yaml');
    writeFileSync(p, readFileSync(p, 'utf8').replace(/kruisec\.io\/rollout-steps: '.*'/, `kruisec.io/rollout-steps: '${steps}'`));
  }
}

/** A CLI run whose events can be looked at while it runs, and which a test can signal. */
function startRun(args: string[]): { run: Promise<Run>; events: Event[]; kill(s: NodeJS.Signals): void } {
  const events: Event[] = [];
  let child: import('node:child_process').ChildProcess | undefined;
  const run = runKruisec(args, { onEvent: (e, c) => { events.push(e); child = c; } });
  return { run, events, kill: (s) => child?.kill(s) };
}

/** Resolves once `cond` holds for an event seen so far. */
function waitFor(events: () => Event[], cond: (e: Event) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const t = setInterval(() => { if (events().some(cond)) { clearInterval(t); resolve(); } }, 50);
  });
}

describe('reconcile: coordination, gates and errors', () => {
  it('lets only one of two reconcilers act on the same plan', async () => {
    const repos = makeSmallRepos();
    setPause(repos, '{"duration":6}'); // the first holds the lease long enough for the second to start
    emu = await emulatorWithBase(repos);
    const first = startRun(reconcileArgs(emu, repos));
    await waitFor(() => first.events, (e) => e.event === 'lease-acquired');
    const second = startRun(reconcileArgs(emu, repos));
    const [ra, rb] = await Promise.all([first.run, second.run]);
    expect(ra.code, ra.stderr).toBe(0);
    expect(rb.code, rb.stderr).toBe(0);
    // The first acted; the second waited for the lease and then found the rollout done.
    expect(rb.events.some((e) => e.event === 'lease-wait')).toBe(true);
    expect(ra.events.filter((e) => e.event === 'stage').map((e) => e.stage)).toEqual([0, 1]);
    expect(rb.events.filter((e) => e.event === 'stage' || e.event === 'apply')).toEqual([]);
    expect(rb.events.find((e) => e.event === 'start')).toMatchObject({ phase: 'done' });
  }, 120_000);

  it('--watch: replicas elect a leader, follow the inputs, and a standby takes over a dead leader', async () => {
    const repos = makeSmallRepos();
    emu = await emulatorWithBase(repos);
    const args = [...reconcileArgs(emu, repos), '--watch', '--poll-interval', '1s'];
    const leader = startRun(args);
    await waitFor(() => leader.events, (e) => e.event === 'lease-acquired');
    const standby = startRun(args);
    await waitFor(() => leader.events, (e) => e.event === 'done');
    await waitFor(() => standby.events, (e) => e.event === 'lease-wait');
    expect(standby.events.some((e) => e.event === 'lease-wait')).toBe(true);
    expect(standby.events.some((e) => e.event === 'stage')).toBe(false);
    expect(image(emu)).toBe('registry.example.com/web/frontend:1.1.0');

    // The inputs change: the leader plans again and rolls the new revision out.
    bumpSmall(repos, '1.2.0');
    await waitFor(() => leader.events, () => leader.events.filter((x) => x.event === 'done').length >= 2);
    expect(image(emu)).toBe('registry.example.com/web/frontend:1.2.0');

    // The leader dies; the standby takes the lease and follows the next change.
    leader.kill('SIGKILL');
    await leader.run;
    // It plans its inputs afresh on taking over: nothing to do, the cluster runs them already.
    await waitFor(() => standby.events, (e) => e.event === 'done');
    expect(standby.events.filter((e) => e.event === 'stage')).toEqual([]);
    bumpSmall(repos, '1.3.0');
    await waitFor(() => standby.events, () => standby.events.filter((x) => x.event === 'done').length >= 2);
    expect(image(emu)).toBe('registry.example.com/web/frontend:1.3.0');
    standby.kill('SIGTERM');
    const r = await standby.run;
    expect(r.code).toBe(0); // a controller's normal shutdown
  }, 180_000);

  it('waits at a manual gate until kruisec approve, which status shows', async () => {
    const repos = makeSmallRepos();
    setPause(repos, '{}');
    emu = await emulatorWithBase(repos);
    const events: Event[] = [];
    const running = runKruisec(reconcileArgs(emu, repos), { onEvent: (e) => events.push(e) });
    await waitFor(() => events, (e) => e.event === 'approval');
    expect(events.find((e) => e.event === 'approval')).toMatchObject({ stage: 0, command: 'kruisec approve default --namespace default' });

    const json = JSON.parse(await runText(['status', '--kubeconfig', emu.kubeconfigPath, '--output', 'json']));
    expect(json.rollouts).toHaveLength(1);
    expect(json.rollouts[0]).toMatchObject({ rollout: 'default', namespace: 'default', state: { stage: 0, phase: 'ready', gate: { type: 'approval' } } });
    const text = await runText(['status', '--kubeconfig', emu.kubeconfigPath]);
    expect(text).toMatch(/stage:\s+1\/2 ready/);
    expect(text).toMatch(/waiting:\s+approval: kruisec approve default --namespace default/);

    const approved = await runText(['approve', '--kubeconfig', emu.kubeconfigPath]);
    expect(approved).toBe('approved stage 1/2 of rollout default (namespace default)\n');
    const run = await running;
    expect(run.code, run.stderr).toBe(0);
    expect(run.events.some((e) => e.event === 'approved' && e.stage === 0)).toBe(true);
    expect(image(emu)).toBe('registry.example.com/web/frontend:1.1.0');
    // Nothing to approve any more.
    const again = await runText(['approve', '--kubeconfig', emu.kubeconfigPath], 2);
    expect(again).toMatch(/^kruisec: no rollout in namespace default is waiting for approval/);
  }, 120_000);

  it('restarts from the first stage when the plan changes mid-rollout, and says so', async () => {
    const repos = makeSmallRepos();
    setPause(repos, '{}');
    emu = await emulatorWithBase(repos);
    const first = await runKruisec(reconcileArgs(emu, repos), { killWhen: (e) => e.event === 'approval' });
    expect(first.signal).toBe('SIGKILL');
    bumpSmall(repos, '1.2.0'); // a new template while stage 1 of 2 waits for approval
    const events: Event[] = [];
    const second = runKruisec(reconcileArgs(emu, repos), { onEvent: (e) => events.push(e) });
    await waitFor(() => events, (e) => e.event === 'approval');
    expect(events.find((e) => e.event === 'restart')?.reason).toMatch(/^the plan changed \(\w{12} -> \w{12}\) while stage 1\/2 was ready: a new template mid-rollout starts over from the first step, as Kruise Rollouts does$/);
    expect(events.filter((e) => e.event === 'stage').map((e) => e.stage)).toEqual([0]);
    expect(image(emu)).toBe('registry.example.com/web/frontend:1.2.0');
    await runText(['approve', '--kubeconfig', emu.kubeconfigPath]);
    const run = await second;
    expect(run.code, run.stderr).toBe(0);
    const cm = emu.api.store.list('/configmaps', 'default').find((o) => o.metadata.name === 'kruisec-rollout-default');
    expect(cm?.data).toMatchObject({ phase: 'done', restarts: '1' });
  }, 120_000);

  it('goes on without holding pods back again when only the steps change mid-rollout', async () => {
    const repos = makeSmallRepos();
    setSteps(repos, '[{"replicas":1,"pause":{}},{"replicas":2,"pause":{}}]'); // 3 stages: partition 1, 0, then the head
    emu = await emulatorWithBase(repos);
    const partitions: unknown[] = [];
    const unsubscribe = emu.api.store.subscribe((e) => {
      if (e.obj.kind === 'CloneSet' && e.obj.metadata.name === 'frontend' && e.obj.spec.template.spec.containers[0].image.endsWith(':1.1.0')) {
        const p = e.obj.spec.updateStrategy.partition ?? e.obj.spec.updateStrategy.rollingUpdate?.partition ?? 0;
        if (partitions.at(-1) !== p) partitions.push(p);
      }
    });
    try {
      const kc = emu.kubeconfigPath;
      const first = await runKruisec(reconcileArgs(emu, repos), {
        onEvent: (e) => { if (e.event === 'approval' && e.stage === 0) void runText(['approve', '--kubeconfig', kc]); },
        killWhen: (e) => e.event === 'approval' && e.stage === 1,
      });
      expect(first.signal).toBe('SIGKILL');
      setSteps(repos, '[{"replicas":1,"pause":{}},{"replicas":2,"pause":{"duration":1}}]', 'head');
      const run = await runKruisec(reconcileArgs(emu, repos));
      expect(run.code, run.stderr).toBe(0);
      expect(run.events.find((e) => e.event === 'note')?.message).toMatch(/but no workload's template did: going on at stage 2\/3/);
      expect(run.events.some((e) => e.event === 'restart')).toBe(false);
      expect(run.events.filter((e) => e.event === 'stage').map((e) => e.stage)).toEqual([1, 2]);
      expect(partitions).toEqual([1, 0]); // never back to 1
    } finally {
      unsubscribe();
    }
  }, 120_000);

  it('stops with what to do when a workload was paused by hand (exit 1)', async () => {
    const repos = makeSmallRepos();
    emu = await emulatorWithBase(repos);
    const patched = await kubectl(emu.kubeconfigPath, '-n', 'web', 'patch', 'cloneset', 'frontend', '--type', 'merge', '-p', '{"spec":{"updateStrategy":{"rollingUpdate":{"paused":true}}}}' /* kubectl speaks v1beta1, the preferred version */);
    expect(patched.code, patched.err).toBe(0);
    const run = await runKruisec(reconcileArgs(emu, repos));
    expect(run.code).toBe(1);
    expect(run.events.find((e) => e.event === 'stalled')).toMatchObject({
      stage: 0, workload: 'CloneSet web/frontend', reason: expect.stringContaining('is paused'), hint: expect.stringContaining('remove paused'),
    });
  }, 60_000);

  it('stops with what to do when a CloneSet exceeds its progress deadline (exit 1)', async () => {
    const repos = makeSmallRepos();
    for (const d of [repos.base, repos.head]) {
      const p = join(d, 'web.yaml');
      writeFileSync(p, readFileSync(p, 'utf8').replace('  replicas: 2\n', '  replicas: 2\n  progressDeadlineSeconds: 1\n'));
    }
    bumpSmall(repos, 'never-ready'); // the emulator never makes such pods ready
    emu = await emulatorWithBase(repos);
    const run = await runKruisec(reconcileArgs(emu, repos));
    expect(run.code).toBe(1);
    expect(run.events.find((e) => e.event === 'stalled')).toMatchObject({
      stage: 0, workload: 'CloneSet web/frontend', reason: expect.stringContaining('exceeded its progressDeadlineSeconds'), hint: expect.stringContaining('kubectl describe pods'),
    });
  }, 60_000);

  it('stops when a stage does not converge within --timeout (exit 1)', async () => {
    const repos = makeSmallRepos();
    emu = await emulatorWithBase(repos, { podStartMs: 600_000 }); // the new pods never get ready
    const run = await runKruisec(reconcileArgs(emu, repos, '--timeout', '3s')); // the last --timeout wins
    expect(run.code).toBe(1);
    expect(run.events.find((e) => e.event === 'stalled')?.reason).toMatch(/^stage 1 did not converge within 3s: CloneSet web\/frontend waits for updatedReadyReplicas/);
  }, 60_000);

  it('--dry-run sends every stage as a server-side dry run and changes nothing', async () => {
    const repos = makeSmallRepos();
    emu = await emulatorWithBase(repos);
    const before = stored(emu, 'apps.kruise.io', 'clonesets', 'web', 'frontend')!.metadata.generation;
    const run = await runKruisec([...reconcileArgs(emu, repos), '--dry-run']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.events.filter((e) => e.event === 'apply' && e.dryRun).length).toBe(4); // 2 objects x 2 stages
    expect(stored(emu, 'apps.kruise.io', 'clonesets', 'web', 'frontend')!.metadata.generation).toBe(before); // status may move; the spec did not
    expect(image(emu)).toBe('registry.example.com/web/frontend:1.0.0');
    expect(emu.api.store.list('/configmaps', 'default').filter((o) => o.metadata.name.startsWith('kruisec-'))).toEqual([]);
    expect(emu.requests.some((r) => r.resource === 'leases')).toBe(false);
  }, 60_000);

  it('exits 2 naming the verb and resource when RBAC forbids it', async () => {
    const repos = makeSmallRepos();
    emu = await startEmulator({ forbid: [{ verb: 'patch', resource: 'clonesets.apps.kruise.io' }] });
    await applyBase(emu, repos).catch(() => {}); // kubectl's CloneSet is refused too; the namespace is there
    const run = await runKruisec(reconcileArgs(emu, repos));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^kruisec: cannot apply cloneset web\/frontend: forbidden \(403\)/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  }, 60_000);

  it('exits 2 naming the verb and resource when the credentials are refused', async () => {
    emu = await startEmulator({ token: 'the-right-one' });
    const wrong = join(makeSmallRepos().dir, 'kubeconfig');
    writeFileSync(wrong, readFileSync(emu.kubeconfigPath, 'utf8').replace('token: the-right-one', 'token: a-wrong-one'));
    const text = await runText(['status', '--kubeconfig', wrong], 2);
    expect(text).toMatch(/^kruisec: cannot get the API discovery document \/api\/v1: the credentials were not accepted \(401 Unauthorized\)/);
    expect(text.trim().split('\n')).toHaveLength(1);
  }, 60_000);

  it('exits 2 with one line when there is no cluster to talk to', async () => {
    const repos = makeSmallRepos();
    const text = await runText(['reconcile', repos.head, '--base', repos.base, '--kubeconfig', join(repos.dir, 'missing')], 2);
    expect(text).toBe(`kruisec: --kubeconfig ${join(repos.dir, 'missing')}: no such file\n`);
  });
});

/** Runs the CLI and returns what it printed (stdout, else stderr); checks the exit code. */
async function runText(args: string[], code = 0): Promise<string> {
  const { spawn } = await import('node:child_process');
  const { ROOT } = await import('./harness.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'kruisec.js'), ...args], { cwd: ROOT });
    let out = '', err = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => { out += c; });
    child.stderr.setEncoding('utf8').on('data', (c: string) => { err += c; });
    child.on('close', (c) => (c === code ? resolve(out || err) : reject(new Error(`exit ${c}: ${out}${err}`))));
  });
}
