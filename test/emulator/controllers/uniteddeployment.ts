// The UnitedDeployment controller (Kruise pkg/controller/uniteddeployment, spec §5): one
// workload per subset, made as kruisec's render makes them (replicas from the allocator,
// manualUpdate.partitions copied in, the topology's node affinity, the UD revision label), kept
// equal to that rendering, removed with its subset, and status summed from the subsets'.
import type { Kind } from '../kinds.js';
import { splitApiVersion } from '../kinds.js';
import type { Obj } from '../store.js';
import { renderObjects } from '../webhooks.js';
import { deepEqual } from '../fieldset.js';
import { isControlledBy, ownerRef, writeStatus } from './pods.js';
import { selectorString } from './revisions.js';
import { MANAGERS, type Context, type Controller } from './runtime.js';

export const SUBSET_LABEL = 'apps.kruise.io/subset-name';
export const UD_REVISION_LABEL = 'apps.kruise.io/controller-revision-hash';

const SUBSET_KINDS: [string, string][] = [['apps.kruise.io', 'clonesets'], ['apps.kruise.io', 'statefulsets'], ['apps', 'statefulsets'], ['apps', 'deployments']];

export function unitedDeploymentController(): Controller {
  return (ctx) => {
    const kind = ctx.kind('apps.kruise.io', 'uniteddeployments');
    for (const ud of ctx.api.all(kind)) if (!ud.metadata.deletionTimestamp) sync(ctx, kind, ud);
  };
}

function subsetKind(ctx: Context, o: Obj): Kind {
  const { group } = splitApiVersion(o.apiVersion);
  return ctx.kind(group, o.kind === 'CloneSet' ? 'clonesets' : o.kind === 'Deployment' ? 'deployments' : 'statefulsets');
}

function sync(ctx: Context, kind: Kind, ud: Obj): void {
  const ns = ud.metadata.namespace;
  const existing = SUBSET_KINDS.flatMap(([g, p]) => ctx.api.all(ctx.kind(g, p), ns).filter((o) => isControlledBy(o, ud)));
  const rendered = renderObjects([ud]).filter((o) => o !== undefined && o.kind !== 'UnitedDeployment' && o.metadata?.labels?.[SUBSET_LABEL] !== undefined);
  const revision = rendered[0]?.metadata.labels?.[UD_REVISION_LABEL] ?? ud.status?.updatedRevision ?? '';
  const keep = new Set<Obj>();
  for (const want of rendered) {
    const sk = subsetKind(ctx, want);
    const subset = want.metadata.labels[SUBSET_LABEL];
    const cur = existing.find((o) => o.kind === want.kind && o.apiVersion === want.apiVersion && o.metadata.labels?.[SUBSET_LABEL] === subset);
    if (!cur) {
      const { generateName: _g, ...meta } = want.metadata;
      ctx.api.create({ kind: sk, version: splitApiVersion(want.apiVersion).version, namespace: ns }, { ...want, metadata: { ...meta, ownerReferences: [ownerRef(ud)] } }, { fieldManager: MANAGERS.kruise });
      continue;
    }
    keep.add(cur);
    const next = { ...cur, metadata: { ...cur.metadata, labels: want.metadata.labels, annotations: want.metadata.annotations }, spec: want.spec };
    if (!deepEqual(next.spec, cur.spec) || !deepEqual(next.metadata.labels, cur.metadata.labels) || !deepEqual(next.metadata.annotations, cur.metadata.annotations)) {
      if (next.metadata.annotations === undefined) delete next.metadata.annotations;
      ctx.api.update(ctx.target(sk, cur), next, { fieldManager: MANAGERS.kruise });
    }
  }
  for (const o of existing) if (!keep.has(o) && !rendered.some((w) => w.kind === o.kind && w.metadata.labels[SUBSET_LABEL] === o.metadata.labels?.[SUBSET_LABEL])) {
    ctx.api.delete(ctx.target(subsetKind(ctx, o), o));
  }

  // Status: sums over the subsets, counting a subset's updated pods only once it runs the UD's
  // current revision and its controller has seen that.
  const subsets = SUBSET_KINDS.flatMap(([g, p]) => ctx.api.all(ctx.kind(g, p), ns).filter((o) => isControlledBy(o, ud)));
  const order = (ud.spec?.topology?.subsets ?? []).map((s: Obj) => s.name);
  subsets.sort((a, b) => order.indexOf(a.metadata.labels?.[SUBSET_LABEL]) - order.indexOf(b.metadata.labels?.[SUBSET_LABEL]));
  let replicas = 0, ready = 0, updated = 0, updatedReady = 0;
  const subsetStatuses: Obj[] = [];
  const partitions: Record<string, number> = {};
  for (const s of subsets) {
    const st = s.status ?? {};
    const name = s.metadata.labels?.[SUBSET_LABEL];
    const current = s.metadata.labels?.[UD_REVISION_LABEL] === revision && st.observedGeneration === s.metadata.generation;
    replicas += st.replicas ?? 0;
    ready += st.readyReplicas ?? 0;
    if (current) {
      updated += st.updatedReplicas ?? 0;
      updatedReady += st.updatedReadyReplicas ?? (st.updatedReplicas === st.replicas ? st.readyReplicas ?? 0 : 0);
    }
    const partition = partitionOf(s);
    partitions[name] = partition;
    subsetStatuses.push({ name, replicas: s.spec?.replicas ?? 0, readyReplicas: st.readyReplicas ?? 0, partition, reservedPods: 0 });
  }
  const currentRevision = updatedReady >= (ud.spec?.replicas ?? replicas) ? revision : ud.status?.currentRevision ?? revision;
  const alpha = ud.apiVersion.endsWith('/v1alpha1');
  writeStatus(ctx, kind, ud, {
    observedGeneration: ud.metadata.generation,
    replicas, readyReplicas: ready, updatedReplicas: updated, updatedReadyReplicas: updatedReady,
    currentRevision,
    ...(alpha ? { updateStatus: { updatedRevision: revision, currentPartitions: partitions }, subsetReplicas: Object.fromEntries(subsetStatuses.map((s) => [s.name, s.replicas])) } : { updatedRevision: revision }),
    subsetStatuses,
    labelSelector: selectorString(ud.spec?.selector),
  }, MANAGERS.kruise, ['currentRevision', 'replicas', 'updatedReplicas']);
}

function partitionOf(s: Obj): number {
  const ru = s.kind === 'CloneSet' && s.apiVersion.endsWith('/v1alpha1') ? s.spec?.updateStrategy : s.spec?.updateStrategy?.rollingUpdate;
  const p = ru?.partition;
  return typeof p === 'number' ? p : 0;
}
