// Shared by the reconcile end-to-end tests: the example repo with an image change to the
// CloneSet, the Advanced StatefulSet, the UnitedDeployment and the logging SidecarSet, its base
// applied with kubectl to the emulator, the kruisec CLI (dist/, as built by npm test) run as a
// child process, and a record of every version of every workload the emulator stored, to
// check that no partition ever went up once the new template was in.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calculatePartitionReplicas } from '../../src/k8s/intstr.js';
import { startEmulator, type Emulator, type EmulatorOptions } from '../emulator/index.js';

export const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'kruisec.js');

export const BUMPS: [string, string, string][] = [
  ['apps/shop/storefront.yaml', 'storefront:2.14.1', 'storefront:2.15.0'],
  ['apps/payments/ledger.yaml', 'ledger:4.2.0', 'ledger:4.3.0'],
  ['apps/shop/checkout.yaml', 'checkout:3.2.0', 'checkout:3.3.0'],
  ['sidecarsets/logging.yaml', 'fluent-bit:3.1.9', 'fluent-bit:3.2.0'],
];

/** Three steps with one-second pauses (or an approval in the middle): three stages. */
export const STEPS_PAUSED = `defaultSteps:
  - replicas: "34%"
    pause: {duration: 1}
  - replicas: "67%"
    pause: {duration: 1}
  - replicas: "100%"
`;
export const STEPS_APPROVAL = `defaultSteps:
  - replicas: "34%"
    pause: {duration: 1}
  - replicas: "67%"
    pause: {}
  - replicas: "100%"
`;

export interface Repos {
  dir: string;
  base: string;
  head: string;
  /** The small repo (fixtures/rollout) rather than the example. */
  small?: boolean;
}

/** The small repo (fixtures/rollout): one CloneSet of two pods; head runs image 1.1.0. */
export function makeSmallRepos(): Repos {
  const dir = mkdtempSync(join(tmpdir(), 'kruisec-reconcile-'));
  const base = join(dir, 'base');
  const head = join(dir, 'head');
  cpSync(join(ROOT, 'fixtures/rollout/base'), base, { recursive: true });
  cpSync(join(ROOT, 'fixtures/rollout/head'), head, { recursive: true });
  return { dir, base, head, small: true };
}

export function bumpSmall(repos: Repos, version: string): void {
  const p = join(repos.head, 'web.yaml');
  writeFileSync(p, readFileSync(p, 'utf8').replace(/frontend:[0-9a-z.-]+/, `frontend:${version}`));
}

/** base = fixtures/example with the steps; head = base with the four image bumps. */
export function makeRepos(steps = STEPS_PAUSED): Repos {
  const dir = mkdtempSync(join(tmpdir(), 'kruisec-reconcile-'));
  const base = join(dir, 'base');
  const head = join(dir, 'head');
  for (const d of [base, head]) {
    cpSync(join(ROOT, 'fixtures/example'), d, { recursive: true });
    const facts = join(d, 'kruisec.yaml');
    const text = readFileSync(facts, 'utf8');
    writeFileSync(facts, `${text.slice(0, text.indexOf('defaultSteps:'))}${steps}`);
  }
  for (const [file, from, to] of BUMPS) {
    const p = join(head, file);
    writeFileSync(p, readFileSync(p, 'utf8').replace(from, to));
  }
  writeFileSync(join(dir, 'catalog.yaml'), 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: catalog\n');
  return { dir, base, head };
}

/** kubectl as a child process; never spawnSync: the emulator answers from this process. */
export function kubectl(kubeconfig: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn('kubectl', ['--kubeconfig', kubeconfig, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '', err = '';
    child.stdout.setEncoding('utf8').on('data', (c: string) => { out += c; });
    child.stderr.setEncoding('utf8').on('data', (c: string) => { err += c; });
    child.on('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
}

/** What the cluster runs before the change: the base, applied by kubectl (server-side). */
export async function applyBase(emu: Emulator, repos: Repos): Promise<void> {
  if (repos.small) {
    const r = await kubectl(emu.kubeconfigPath, 'apply', '--server-side', '-f', repos.base);
    if (r.code !== 0) throw new Error(`kubectl apply failed: ${r.err}`);
    return;
  }
  // The catalog namespace belongs to another team's repo; namespaces go first, as an installer would.
  const r = await kubectl(emu.kubeconfigPath, 'apply', '--server-side', '-f', join(repos.dir, 'catalog.yaml'), '-f', join(repos.base, 'namespaces'), '-f', join(repos.base, 'sidecarsets'), '-R', '-f', join(repos.base, 'apps'));
  if (r.code !== 0) throw new Error(`kubectl apply failed: ${r.err}`);
}

export async function emulatorWithBase(repos: Repos, opts: EmulatorOptions = {}): Promise<Emulator> {
  const emu = await startEmulator({ podStartMs: 20, ...opts });
  await applyBase(emu, repos);
  await emu.settled();
  return emu;
}

export type Event = Record<string, any> & { event: string };

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  events: Event[];
  stderr: string;
}

const running = new Set<ChildProcess>();

/** SIGKILLs every CLI run still going (a test that failed half-way leaves none behind). */
export function killAll(): void {
  for (const c of running) c.kill('SIGKILL');
  running.clear();
}

/** Runs the CLI; with killWhen, SIGKILLs it right after the first event that matches. */
export function runKruisec(args: string[], opts: { killWhen?: (e: Event, all: Event[]) => boolean; onEvent?: (e: Event, child: ChildProcess) => void; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    const events: Event[] = [];
    let buf = '';
    let stderr = '';
    let killed = false;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buf += chunk;
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        let e: Event;
        try {
          e = JSON.parse(line);
        } catch {
          continue;
        }
        events.push(e);
        opts.onEvent?.(e, child);
        if (!killed && opts.killWhen?.(e, events)) {
          killed = true;
          child.kill('SIGKILL');
        }
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (c: string) => { stderr += c; });
    child.on('close', (code, signal) => { running.delete(child); resolve({ code, signal, events, stderr }); });
  });
}

export function reconcileArgs(emu: Emulator, repos: Repos, ...more: string[]): string[] {
  return ['reconcile', repos.head, '--base', repos.base, '--kubeconfig', emu.kubeconfigPath, '--output', 'json', '--timeout', '120s', ...more];
}

// ---- what the emulator stored ----

type Obj = Record<string, any>;

/** Partition as a number of pods kept old (per subset for a UnitedDeployment). */
export function partitionOf(o: Obj): number | Record<string, number> | undefined {
  const us = o.spec?.updateStrategy ?? {};
  switch (o.kind) {
    case 'CloneSet': {
      const p = o.apiVersion === 'apps.kruise.io/v1beta1' ? us.rollingUpdate?.partition : us.partition;
      const c = calculatePartitionReplicas(p, o.spec?.replicas ?? 1);
      return c.ok ? c.value : undefined;
    }
    case 'StatefulSet': return us.rollingUpdate?.partition ?? 0;
    case 'UnitedDeployment': return { ...(us.manualUpdate?.partitions ?? {}) };
    case 'SidecarSet': {
      // Matched pods are the cluster's business; a percent of 100 compares the same way.
      const c = calculatePartitionReplicas(us.partition, 100);
      return c.ok ? c.value : undefined;
    }
  }
  return undefined;
}

function imageOf(o: Obj): string | undefined {
  const c = o.kind === 'SidecarSet' ? o.spec?.containers
    : o.kind === 'UnitedDeployment' ? o.spec?.template?.cloneSetTemplate?.spec?.template?.spec?.containers
      : o.spec?.template?.spec?.containers;
  return Array.isArray(c) ? c.map((x: Obj) => x.image).join(',') : undefined;
}

const WATCHED = new Set(['storefront', 'ledger', 'checkout', 'logging']);
const HEAD_IMAGES = BUMPS.map(([, , to]) => to);

export interface PartitionRecord {
  /** Every change of a watched workload's partition once it runs the head image. */
  raised: string[];
  history: Record<string, unknown[]>;
  stop(): void;
}

/** Records, from the emulator's store, each staged workload's partition over time; any
 *  increase after its template got the head image is a raise. */
export function recordPartitions(emu: Emulator): PartitionRecord {
  const last = new Map<string, number | Record<string, number> | undefined>();
  const rec: PartitionRecord = { raised: [], history: {}, stop: () => {} };
  rec.stop = emu.api.store.subscribe((e) => {
    const o = e.obj;
    if (e.type === 'DELETED' || !WATCHED.has(o.metadata?.name) || !['CloneSet', 'StatefulSet', 'UnitedDeployment', 'SidecarSet'].includes(o.kind)) return;
    if (o.metadata?.ownerReferences?.length) return; // UnitedDeployment subsets
    const img = imageOf(o) ?? '';
    if (!HEAD_IMAGES.some((h) => img.includes(h))) return;
    const key = `${o.kind}/${o.metadata.name}`;
    const p = partitionOf(o);
    const prev = last.get(key);
    if (last.has(key) && JSON.stringify(prev) !== JSON.stringify(p)) {
      const up = typeof p === 'number' && typeof prev === 'number' ? p > prev
        : typeof p === 'object' && typeof prev === 'object' ? Object.keys({ ...p, ...prev }).some((k) => (p[k] ?? 0) > (prev[k] ?? 0)) : false;
      if (up) rec.raised.push(`${key}: ${JSON.stringify(prev)} -> ${JSON.stringify(p)}`);
    }
    if (!last.has(key) || JSON.stringify(prev) !== JSON.stringify(p)) (rec.history[key] ??= []).push(p);
    last.set(key, p);
  });
  return rec;
}

/** Fields of `want` missing from or different in `got` (got may hold more: defaults, status). */
export function notIn(want: unknown, got: unknown, path = ''): string[] {
  if (want === null || typeof want !== 'object') return JSON.stringify(want) === JSON.stringify(got) ? [] : [`${path}: want ${JSON.stringify(want)}, got ${JSON.stringify(got)}`];
  if (Array.isArray(want)) {
    if (!Array.isArray(got) || got.length !== want.length) return [`${path}: want ${want.length} items, got ${Array.isArray(got) ? got.length : JSON.stringify(got)}`];
    return want.flatMap((w, i) => notIn(w, got[i], `${path}[${i}]`));
  }
  if (got === null || typeof got !== 'object') return [`${path}: missing`];
  return Object.entries(want as Obj).flatMap(([k, v]) => notIn(v, (got as Obj)[k], `${path}.${k}`));
}

/** The head's objects as the cluster holds them (kubectl get -f, in the head's versions). */
export async function liveOfHead(emu: Emulator, repos: Repos): Promise<Obj[]> {
  const r = await kubectl(emu.kubeconfigPath, 'get', '-f', join(repos.head, 'namespaces'), '-f', join(repos.head, 'sidecarsets'), '-R', '-f', join(repos.head, 'apps'), '-o', 'json');
  if (r.code !== 0) throw new Error(`kubectl get failed: ${r.err}`);
  const parsed = JSON.parse(r.out);
  return parsed.kind === 'List' ? parsed.items : [parsed];
}

/** An object as the emulator stores it, read in-process (no HTTP, so no injected faults). */
export function stored(emu: Emulator, group: string, plural: string, namespace: string, name: string): Obj | undefined {
  return emu.api.store.list(`${group}/${plural}`, namespace || undefined).find((o) => o.metadata?.name === name);
}
