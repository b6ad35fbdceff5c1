// The scheduler and the kubelet, reduced to what rollouts see: a new pod is placed on a node at
// once and its containers run podStartMs later; a container whose image changes (an in-place
// update, a sidecar upgrade) is restarted and is ready again podStartMs later. Pod Ready is
// ContainersReady plus every readiness gate's condition. Probes pass, except for images that
// name "never-ready" (a broken release, for tests of stalled rollouts).
import { createHash } from 'node:crypto';
import type { Obj } from '../store.js';
import { condition, containerStatus, writeStatus } from './pods.js';
import { MANAGERS, type Context, type Controller } from './runtime.js';

const NODES = 3;

export function kubelet(): Controller {
  /** When each (pod, container, image) started, or will have started. */
  const due = new Map<string, number>();
  return (ctx) => {
    const kind = ctx.kind('', 'pods');
    const live = new Set<string>();
    for (let pod of ctx.api.all(kind)) {
      live.add(pod.metadata.uid);
      if (pod.metadata.deletionTimestamp) continue;
      if (!pod.spec?.nodeName) {
        const node = `emulator-node-${1 + ctx.random.int(NODES)}`;
        pod = ctx.api.update(ctx.target(kind, pod), { ...pod, spec: { ...pod.spec, nodeName: node } }, { fieldManager: MANAGERS.scheduler });
      }
      writeStatus(ctx, kind, pod, podStatus(ctx, pod, due), MANAGERS.kubelet);
    }
    for (const k of due.keys()) if (!live.has(k.split('/')[0])) due.delete(k);
  };
}

function podStatus(ctx: Context, pod: Obj, due: Map<string, number>): Obj {
  const now = ctx.now();
  const statuses: Obj[] = [];
  let allReady = true, allStarted = true;
  for (const c of (pod.spec.containers ?? []) as Obj[]) {
    const prev = containerStatus(pod, c.name);
    if (prev && prev.image === c.image && prev.ready) { statuses.push(prev); continue; }
    if (prev && prev.image === c.image && neverReady(c.image)) { statuses.push(prev); allReady = false; continue; }
    const key = `${pod.metadata.uid}/${c.name}/${c.image}`;
    let at = due.get(key);
    if (at === undefined) { at = now + ctx.podStartMs; due.set(key, at); }
    if (now >= at) {
      const ready = !neverReady(c.image);
      allReady &&= ready;
      statuses.push({
        name: c.name, image: c.image, imageID: imageId(c.image), ready, started: true,
        restartCount: prev ? (prev.restartCount ?? 0) + (prev.image === c.image ? 0 : 1) : 0,
        state: { running: { startedAt: ctx.stamp() } },
        ...(prev && prev.image !== c.image ? { lastState: { terminated: { exitCode: 0, reason: 'Completed', finishedAt: ctx.stamp() } } } : {}),
      });
      continue;
    }
    ctx.wakeIn(at - now);
    allReady = false;
    if (prev) statuses.push({ ...prev, ready: false, started: false });
    else {
      allStarted = false;
      statuses.push({ name: c.name, image: c.image, imageID: '', ready: false, started: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } });
    }
  }
  const running = pod.status?.phase === 'Running' || allStarted;
  const gates = ((pod.spec.readinessGates ?? []) as Obj[]).every((g) => condition(pod, g.conditionType)?.status === 'True');
  const own: Record<string, string> = {
    PodScheduled: 'True', Initialized: 'True',
    ContainersReady: allReady ? 'True' : 'False',
    Ready: allReady && gates ? 'True' : 'False',
  };
  const conditions: Obj[] = ((pod.status?.conditions ?? []) as Obj[]).filter((c) => !(c.type in own));
  for (const [type, status] of Object.entries(own)) {
    const cur = condition(pod, type);
    conditions.push(cur && cur.status === status ? cur : { type, status, lastTransitionTime: ctx.stamp(), ...(status === 'False' ? { reason: type === 'Ready' && allReady ? 'ReadinessGatesNotReady' : 'ContainersNotReady' } : {}) });
  }
  conditions.sort((a, b) => rank(a.type) - rank(b.type) || (a.type < b.type ? -1 : 1));
  return {
    ...(pod.status ?? {}),
    phase: running ? 'Running' : 'Pending',
    conditions,
    hostIP: '10.0.0.1',
    startTime: pod.status?.startTime ?? ctx.stamp(),
    containerStatuses: statuses,
  };
}

/** Test hook: a container whose image names "never-ready" starts but never passes its
 *  readiness probe, so a rollout that ships it stalls the way a broken release does. */
function neverReady(image: string): boolean {
  return image.includes('never-ready');
}

const ORDER = ['PodScheduled', 'Initialized', 'ContainersReady', 'Ready'];
const rank = (t: string) => (ORDER.includes(t) ? ORDER.indexOf(t) : ORDER.length);

/** A digest per image, as a registry would report it. */
function imageId(image: string): string {
  const bare = image.split('@')[0];
  const tag = bare.lastIndexOf(':');
  const repo = tag > bare.lastIndexOf('/') ? bare.slice(0, tag) : bare;
  return `${repo}@sha256:${createHash('sha256').update(image).digest('hex')}`;
}
