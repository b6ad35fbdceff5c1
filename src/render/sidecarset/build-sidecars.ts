// §4: turning the chosen SidecarSets into the containers, volumes, secrets and annotations to
// inject into one pod (the webhook's buildSidecars at CREATE). Works on copies: the stored
// SidecarSets are shared by every pod and never modified.
import { deepFreeze } from '../../util/deep-freeze.js';
import { hotUpgradePair, isHotUpgrade, workingHotUpgradeMap } from './hot-upgrade.js';
import type { InjectedContainer } from './pod-inject-policy.js';
import { applyResourcesPolicy } from './resources-policy.js';
import { mergeVolumeDevices, sharedVolumeDevices } from './share-volume-device-policy.js';
import { mergeVolumeMounts, sharedMountsAndEnvs, sharesVolumeMounts } from './share-volume-policy.js';
import { mergeEnvVar, transferEnvs } from './transfer-env.js';
import type { PodView, SidecarContainer, SidecarSetObject, V1Container, V1Volume } from './types.js';
import { ENV_IS_INJECTED } from './types.js';
import { queueVolumes, volumesByName } from './volumes.js';
import type { V1LocalObjectReference } from '@kubernetes/client-node';

export interface Built {
  containers: InjectedContainer[];
  initContainers: InjectedContainer[];
  secrets: V1LocalObjectReference[];
  volumes: V1Volume[];
  /** Hot-upgrade annotations (versions and the working map). */
  annotations: Map<string, string>;
  /** Per SidecarSet that produced containers: its sorted sidecarList. */
  sidecarLists: Map<string, string[]>;
  /** Which SidecarSet each injected container came from. */
  origin: Map<InjectedContainer, string>;
}

export type BuildFailure =
  | { kind: 'resources'; sidecarSet: string; container: string; reason: 'no-target' | 'bad-regex' | 'expression'; error: string; regex: string };

// Fields of a SidecarContainer that are Kruise's and never reach the pod (§4.3).
const KRUISE_FIELDS = new Set(['podInjectPolicy', 'upgradeStrategy', 'shareVolumePolicy', 'shareVolumeDevicePolicy', 'transferEnv', 'resourcesPolicy']);

/** The embedded Kubernetes Container. Go always writes the `resources` struct, so it is there.
 *  A shallow copy: nested values are shared with the stored SidecarSet and other pods, which is
 *  safe because render output is never modified afterwards (and is dumped without YAML refs). */
function podContainer(c: SidecarContainer): V1Container {
  const out: Record<string, unknown> = {};
  for (const k in c) if (!KRUISE_FIELDS.has(k)) out[k] = (c as unknown as Record<string, unknown>)[k];
  if (out.resources === undefined || out.resources === null) out.resources = {};
  return out as unknown as V1Container;
}

/** Steps 1-7 of §4.1 for one (init) container. What it reads from the pod decides
 *  dependsOnPod below: a new step that reads the pod must be named there too. */
function buildOne(spec: SidecarContainer, pod: PodView, injectedSets: readonly SidecarSetObject[], ssName: string,
  volumes: ReadonlyMap<string, V1Volume>, queue: V1Volume[]): { ok: true; c: SidecarContainer } | { ok: false; failure: BuildFailure } {
  const c: SidecarContainer = { ...spec };
  if (spec.resourcesPolicy) {
    const r = applyResourcesPolicy(spec.resourcesPolicy, pod, injectedSets);
    if (!r.ok) {
      return { ok: false, failure: { kind: 'resources', sidecarSet: ssName, container: spec.name, reason: r.reason, error: r.error, regex: spec.resourcesPolicy.targetContainersNameRegex ?? '' } };
    }
    c.resources = r.resources;
  }
  const shared = sharedMountsAndEnvs(spec, pod.spec.containers);
  const transfer = mergeEnvVar(transferEnvs(spec, pod), shared.envs);
  queueVolumes(spec, volumes, queue);
  // Absent results leave the key out rather than delete it afterwards: delete turns the object
  // into a slow dictionary, and there is one of these per sidecar per pod.
  const mounts = mergeVolumeMounts(spec, shared.mounts);
  if (mounts !== undefined) c.volumeMounts = mounts; else if ('volumeMounts' in c) delete c.volumeMounts;
  c.env = mergeEnvVar([...(spec.env ?? []), { name: ENV_IS_INJECTED, value: 'true' }], transfer);
  const devices = mergeVolumeDevices(c, sharedVolumeDevices(spec, pod.spec.containers));
  if (devices !== undefined) c.volumeDevices = devices; else if ('volumeDevices' in c) delete c.volumeDevices;
  return { ok: true, c };
}

// A sidecar that reads nothing from the pod (no resourcesPolicy, transferEnv or shared mounts
// or devices) comes out the same for every pod. It is built once per SidecarSet version and
// frozen; pods share it, and the YAML writer writes its text once.
const POD_INDEPENDENT = new WeakMap<SidecarContainer, V1Container>();

function dependsOnPod(spec: SidecarContainer): boolean {
  return spec.resourcesPolicy !== undefined || (spec.transferEnv?.length ?? 0) > 0 ||
    sharesVolumeMounts(spec) || spec.shareVolumeDevicePolicy?.type === 'enabled';
}

/** buildOne, then the embedded Kubernetes container. */
function containerFor(spec: SidecarContainer, pod: PodView, injectedSets: readonly SidecarSetObject[], ssName: string,
  volumes: ReadonlyMap<string, V1Volume>, queue: V1Volume[]): { ok: true; container: V1Container } | { ok: false; failure: BuildFailure } {
  if (dependsOnPod(spec)) {
    const r = buildOne(spec, pod, injectedSets, ssName, volumes, queue);
    return r.ok ? { ok: true, container: podContainer(r.c) } : r;
  }
  queueVolumes(spec, volumes, queue);
  let container = POD_INDEPENDENT.get(spec);
  if (container === undefined) {
    const r = buildOne(spec, pod, injectedSets, ssName, volumes, []);
    if (!r.ok) return r;
    POD_INDEPENDENT.set(spec, (container = deepFreeze(podContainer(r.c))));
  }
  return { ok: true, container };
}

export function buildSidecars(pod: PodView, sets: readonly SidecarSetObject[]): { ok: true; built: Built } | { ok: false; failure: BuildFailure } {
  const built: Built = {
    containers: [], initContainers: [], secrets: [], volumes: [], annotations: new Map(), sidecarLists: new Map(), origin: new Map(),
  };
  const working = workingHotUpgradeMap(pod.metadata.annotations);
  for (const ss of sets) {
    const name = ss.metadata.name ?? '';
    const volumes = volumesByName(ss.spec.volumes);
    const list = new Set<string>();
    let injecting = false;
    const emit = (target: InjectedContainer[], items: InjectedContainer[]) => {
      for (const i of items) { target.push(i); built.origin.set(i, name); }
    };
    for (const spec of ss.spec.initContainers ?? []) {
      const native = spec.restartPolicy === 'Always';
      if (native) list.add(spec.name);
      const r = containerFor(spec, pod, sets, name, volumes, built.volumes);
      if (!r.ok) return r;
      injecting = true;
      const container = r.container;
      emit(built.initContainers, native && isHotUpgrade(spec)
        ? hotUpgradePair(container, spec, spec.podInjectPolicy, working, built.annotations)
        : [{ container, podInjectPolicy: spec.podInjectPolicy }]);
    }
    built.secrets.push(...(ss.spec.imagePullSecrets ?? []));
    for (const spec of ss.spec.containers ?? []) {
      list.add(spec.name);
      const r = containerFor(spec, pod, sets, name, volumes, built.volumes);
      if (!r.ok) return r;
      injecting = true;
      const container = r.container;
      emit(built.containers, isHotUpgrade(spec)
        ? hotUpgradePair(container, spec, spec.podInjectPolicy, working, built.annotations)
        : [{ container, podInjectPolicy: spec.podInjectPolicy }]);
    }
    if (injecting) built.sidecarLists.set(name, [...list].sort());
  }
  return { ok: true, built };
}
