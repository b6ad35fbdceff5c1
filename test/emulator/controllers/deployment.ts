// apps/v1 Deployments, enough for status checks to pass (kubectl rollout status, kstatus): the
// controller owns its pods directly instead of through ReplicaSets, rolls them within
// maxSurge / maxUnavailable (or Recreate), and reports the usual status and conditions.
import { scaledValueK8s } from '../../../src/k8s/intstr.js';
import type { Kind } from '../kinds.js';
import type { Obj } from '../store.js';
import { createPod, deletePod, isAvailable, isPodReady, ownedPods, revisionName, writeStatus } from './pods.js';
import { MANAGERS, type Context, type Controller } from './runtime.js';

const HASH_LABEL = 'pod-template-hash';

export function deploymentController(): Controller {
  return (ctx) => {
    const kind = ctx.kind('apps', 'deployments');
    for (const d of ctx.api.all(kind)) if (!d.metadata.deletionTimestamp) sync(ctx, kind, d);
  };
}

function sync(ctx: Context, kind: Kind, d: Obj): void {
  const spec = d.spec ?? {};
  const replicas: number = spec.replicas ?? 1;
  const hash = revisionName('', spec.template ?? {}).slice(1);
  const strategy = spec.strategy ?? {};
  const recreate = strategy.type === 'Recreate';
  const value = (v: unknown, def: string, up: boolean) => { const s = scaledValueK8s((v ?? def) as string | number, replicas, up); return s.ok ? s.value : 0; };
  let surge = recreate ? 0 : value(strategy.rollingUpdate?.maxSurge, '25%', true);
  const unavailable = recreate ? replicas : value(strategy.rollingUpdate?.maxUnavailable, '25%', false);
  if (surge === 0 && unavailable === 0) surge = 1;
  let pods = ownedPods(ctx, d);
  const fresh = () => pods.filter((p) => p.metadata.labels?.[HASH_LABEL] === hash);
  const stale = () => pods.filter((p) => p.metadata.labels?.[HASH_LABEL] !== hash);
  if (!spec.paused) {
    const make = (n: number) => { for (let i = 0; i < n; i++) createPod(ctx, d, spec.template, `${d.metadata.name}-${hash}-${ctx.random.suffix(5)}`, { [HASH_LABEL]: hash }, { manager: MANAGERS.kube }); };
    if (recreate) {
      for (const p of stale()) deletePod(ctx, p);
      pods = ownedPods(ctx, d);
      if (stale().length === 0 && fresh().length < replicas) make(replicas - fresh().length);
    } else {
      const room = replicas + surge - pods.length;
      if (fresh().length < replicas && room > 0) make(Math.min(room, replicas - fresh().length));
      pods = ownedPods(ctx, d);
      let available = pods.filter(isAvailable).length;
      const minAvailable = replicas - unavailable;
      const old = stale().sort((a, b) => Number(isAvailable(a)) - Number(isAvailable(b)));
      // Unavailable old pods go at once; available ones only while availability stays above
      // the minimum.
      for (const p of old) {
        if (isAvailable(p)) { if (available - 1 < minAvailable) break; available--; }
        deletePod(ctx, p);
      }
      pods = ownedPods(ctx, d);
      const extra = fresh().length - replicas;
      if (extra > 0) for (const p of fresh().slice(0, extra)) deletePod(ctx, p);
    }
  }
  pods = ownedPods(ctx, d);
  const available = pods.filter(isAvailable).length;
  const done = fresh().length === replicas && stale().length === 0 && available === replicas;
  const cond = (type: string, status: boolean, reason: string, message: string) => {
    const cur = (d.status?.conditions ?? []).find((c: Obj) => c.type === type);
    const s = status ? 'True' : 'False';
    const same = cur && cur.status === s && cur.reason === reason;
    return { type, status: s, lastUpdateTime: same ? cur.lastUpdateTime : ctx.stamp(), lastTransitionTime: cur?.status === s ? cur.lastTransitionTime : ctx.stamp(), reason, message };
  };
  writeStatus(ctx, kind, d, {
    observedGeneration: d.metadata.generation,
    replicas: pods.length,
    updatedReplicas: fresh().length,
    readyReplicas: pods.filter(isPodReady).length,
    availableReplicas: available,
    ...(replicas - available > 0 ? { unavailableReplicas: replicas - available } : {}),
    conditions: [
      cond('Available', available >= replicas - unavailable, available >= replicas - unavailable ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable',
        available >= replicas - unavailable ? 'Deployment has minimum availability.' : 'Deployment does not have minimum availability.'),
      cond('Progressing', true, done ? 'NewReplicaSetAvailable' : 'ReplicaSetUpdated', done ? `ReplicaSet "${d.metadata.name}-${hash}" has successfully progressed.` : `ReplicaSet "${d.metadata.name}-${hash}" is progressing.`),
    ],
  }, MANAGERS.kube, []);
}
