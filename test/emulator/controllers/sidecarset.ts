// The SidecarSet controller (Kruise pkg/controller/sidecarset, spec rollout-semantics.md §2):
// over the pods a SidecarSet was injected into, swap the sidecar images in place round after
// round as sidecarset-upgrade.ts picks them (partition, maxUnavailable, priority, scatter),
// mark pods whose change is not image-only as not upgradable, and count status. It never
// creates or deletes a pod.
import { selectorMatches } from '../../../src/k8s/selector.js';
import type { Kind } from '../kinds.js';
import type { Obj } from '../store.js';
import { containersConsistent, isRunningAndReady, recordEvent, setCondition, simPod, writeStatus } from './pods.js';
import { revisionName } from './pods.js';
import { MANAGERS, type Context, type Controller } from './runtime.js';
import { nextUpgradePods, type SidecarPod, type SidecarSetUpdateStrategy } from './sidecarset-upgrade.js';

export const HASH = 'kruise.io/sidecarset-hash';
export const HASH_WITHOUT_IMAGE = 'kruise.io/sidecarset-hash-without-image';
export const INJECTED_LIST = 'kruise.io/sidecarset-injected-list';
export const UPGRADABLE = 'SidecarSetUpgradable';

export function sidecarSetController(): Controller {
  return (ctx) => {
    const kind = ctx.kind('apps.kruise.io', 'sidecarsets');
    for (const ss of ctx.api.all(kind)) if (!ss.metadata.deletionTimestamp) sync(ctx, kind, ss);
  };
}

/** The containers a SidecarSet owns in a pod: its containers and native sidecars. */
function sidecarContainers(ss: Obj): Obj[] {
  return [...(ss.spec?.containers ?? []), ...((ss.spec?.initContainers ?? []) as Obj[]).filter((c) => c.restartPolicy === 'Always')];
}

function entry(pod: Obj, annotation: string, name: string): Obj | undefined {
  try { return JSON.parse(pod.metadata.annotations?.[annotation] ?? '{}')?.[name] ?? undefined; } catch { return undefined; }
}

/** Pods this SidecarSet manages: selected, in a selected namespace, injected by it, active,
 *  and carrying all of its sidecars. */
export function matchedPods(ctx: Context, ss: Obj): Obj[] {
  const name = ss.metadata.name;
  const names = sidecarContainers(ss).map((c) => c.name);
  const nsLabels = new Map(ctx.api.all(ctx.kind('', 'namespaces')).map((n) => [n.metadata.name, n.metadata.labels ?? {}]));
  return ctx.api.all(ctx.kind('', 'pods')).filter((p) => {
    if (p.metadata.deletionTimestamp || ['Succeeded', 'Failed'].includes(p.status?.phase)) return false;
    if (!(p.metadata.annotations?.[INJECTED_LIST] ?? '').split(',').includes(name)) return false;
    if (!selectorMatches(ss.spec?.selector, p.metadata.labels ?? {})) return false;
    if (ss.spec?.namespace && ss.spec.namespace !== p.metadata.namespace) return false;
    if (ss.spec?.namespaceSelector && !selectorMatches(ss.spec.namespaceSelector, nsLabels.get(p.metadata.namespace) ?? {})) return false;
    const present = new Set([...(p.spec?.containers ?? []), ...(p.spec?.initContainers ?? [])].map((c: Obj) => c.name));
    return names.every((n) => present.has(n));
  });
}

function sync(ctx: Context, kind: Kind, ss: Obj): void {
  const name = ss.metadata.name;
  const hash = ss.metadata.annotations?.[HASH] ?? '';
  const hashWithoutImage = ss.metadata.annotations?.[HASH_WITHOUT_IMAGE] ?? '';
  const sidecars = sidecarContainers(ss);
  const names = sidecars.map((c) => c.name);
  const view = (pods: Obj[]): SidecarPod[] => pods.map((p) => ({
    ...simPod(p),
    updated: entry(p, HASH, name)?.hash === hash,
    upgradable: entry(p, HASH_WITHOUT_IMAGE, name)?.hash === hashWithoutImage,
    consistent: containersConsistent(p, names),
  }));
  let pods = matchedPods(ctx, ss);
  const strategy: SidecarSetUpdateStrategy = ss.spec?.updateStrategy ?? {};
  let sims = view(pods);
  const done = sims.filter((p) => p.updated).length >= pods.length;
  if (strategy.type !== 'NotUpdate' && !strategy.paused && !done) {
    const round = nextUpgradePods(strategy, sims);
    for (const i of round.upgrade) upgrade(ctx, pods[i], ss, sidecars, hash, hashWithoutImage);
    for (const i of round.notUpgradable) {
      setCondition(ctx, pods[i], UPGRADABLE, 'False', 'UpdateImmutableField', `pod's sidecar containers of SidecarSet ${name} changed beyond their images; only a new pod gets them`);
    }
    if (round.notUpgradable.length) recordEvent(ctx, ss, 'Warning', 'NotUpgradablePods', `${round.notUpgradable.length} pods of SidecarSet ${name} cannot be upgraded in place; they keep the old sidecars until they are recreated`);
    pods = matchedPods(ctx, ss);
    sims = view(pods);
  }
  const ready = (p: SidecarPod, i: number) => isRunningAndReady(pods[i]) && p.consistent;
  writeStatus(ctx, kind, ss, {
    observedGeneration: ss.metadata.generation,
    matchedPods: pods.length,
    updatedPods: sims.filter((p) => p.updated).length,
    readyPods: sims.filter(ready).length,
    updatedReadyPods: sims.filter((p, i) => p.updated && ready(p, i)).length,
    latestRevision: revisionName(name, { containers: ss.spec?.containers, initContainers: ss.spec?.initContainers, volumes: ss.spec?.volumes }),
  }, MANAGERS.kruise, ['matchedPods', 'readyPods', 'updatedPods']);
}

/** The in-place upgrade of one pod: sidecar images only, and the pod's hash entries. */
function upgrade(ctx: Context, pod: Obj, ss: Obj, sidecars: Obj[], hash: string, hashWithoutImage: string): void {
  const next = structuredClone(pod);
  const images = new Map(sidecars.map((c) => [c.name, c.image]));
  for (const c of [...(next.spec.containers ?? []), ...(next.spec.initContainers ?? [])] as Obj[]) if (images.has(c.name)) c.image = images.get(c.name);
  const stamp = ctx.stamp();
  const bump = (annotation: string, h: string) => {
    let m: Obj = {};
    try { m = JSON.parse(next.metadata.annotations?.[annotation] ?? '{}') ?? {}; } catch { m = {}; }
    m[ss.metadata.name] = { updateTimestamp: stamp, hash: h, sidecarSetName: ss.metadata.name, sidecarList: [...images.keys()] };
    next.metadata.annotations = { ...(next.metadata.annotations ?? {}), [annotation]: JSON.stringify(m) };
  };
  bump(HASH, hash);
  bump(HASH_WITHOUT_IMAGE, hashWithoutImage);
  ctx.api.update(ctx.target(ctx.kind('', 'pods'), pod), next, { fieldManager: MANAGERS.kruise });
}
