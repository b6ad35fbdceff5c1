// The SidecarSet mutating webhook (spec §10-11; Kruise apis/apps/defaults/v1beta1.go and
// v1alpha1.go, which agree, and pkg/webhook/sidecarset/mutating): Kruise's own defaults, the
// core container and volume defaults it borrows from Kubernetes (pod.ts), then the two hash
// annotations. The object is decoded into the Go structs first and re-encoded afterwards, which
// is why the result also loses unknown fields and carries canonical quantities: the webhook's
// JSON patch says exactly that.
import type { KubeObject } from '../api/resource.js';
import { SIDECARSET_HASH_ANNOTATION, SIDECARSET_HASH_WITHOUT_IMAGE_ANNOTATION } from '../api/sidecarset.js';
import { goNormalize } from '../go/json-layout.js';
import { defaultImagePullPolicy } from '../k8s/image-reference.js';
import { formatQuantity, parseQuantity, roundUp } from '../k8s/quantity.js';
import { VOLUME_SOURCES } from '../k8s/volume.js';
import type { Obj } from '../util/json.js';
import { defaultContainer, defaultFieldRef, defaultVolume } from './pod.js';
import { sidecarSetHash, sidecarSetHashWithoutImage } from './sidecarset-hash.js';
import { SIDECARSET_SPEC_V1ALPHA1, SIDECARSET_SPEC_V1BETA1 } from './sidecarset-layout.js';

/** The SidecarSet as the API server stores it: defaulted, then hashed. Returns a new object. */
export function defaultSidecarSet<T extends KubeObject>(obj: T): T {
  const out = applySidecarSetDefaults(obj);
  // The webhook overwrites whatever the user wrote in these two annotations.
  out.metadata.annotations = {
    ...out.metadata.annotations,
    [SIDECARSET_HASH_ANNOTATION]: sidecarSetHash(out),
    [SIDECARSET_HASH_WITHOUT_IMAGE_ANNOTATION]: sidecarSetHashWithoutImage(out),
  };
  return out;
}

/** SetDefaultsSidecarSet (§11): the defaults alone, without the hash annotations. */
function applySidecarSetDefaults<T extends KubeObject>(obj: T): T {
  const layout = obj.apiVersion === 'apps.kruise.io/v1alpha1' ? SIDECARSET_SPEC_V1ALPHA1 : SIDECARSET_SPEC_V1BETA1;
  const spec = goNormalize(obj.spec, layout) as Obj;
  applyCrdDefaults(obj.spec as Obj | undefined, spec);

  const us = spec.updateStrategy as Obj;
  us.type ||= 'RollingUpdate';
  us.maxUnavailable ??= 1;
  us.partition ??= 0;

  for (const c of spec.initContainers ?? []) defaultSidecarContainer(c, 'AfterAppContainer');
  for (const c of spec.containers ?? []) defaultSidecarContainer(c, 'BeforeAppContainer');
  if (spec.volumes) spec.volumes = spec.volumes.map(decodedVolume);
  spec.revisionHistoryLimit ??= 10;
  for (const p of spec.patchPodMetadata ?? []) p.patchPolicy ||= 'Retain';
  const revision = spec.injectionStrategy?.revision;
  if (revision) revision.policy ||= 'Always';

  // Re-encode so that added fields sit in Go's field order.
  const out: Obj = { apiVersion: obj.apiVersion, kind: obj.kind, metadata: { ...obj.metadata } };
  out.spec = goNormalize(spec, layout);
  if (obj.status !== undefined) out.status = obj.status;
  return out as T;
}

/** Structural defaults of the CRD, applied by the API server before any webhook runs. Only an
 *  absent field is defaulted, so the raw input decides (an explicit "" stays empty). */
function applyCrdDefaults(raw: Obj | undefined, spec: Obj): void {
  for (const key of ['initContainers', 'containers']) {
    const rawList = raw?.[key];
    if (!Array.isArray(rawList)) continue;
    rawList.forEach((c: Obj, i: number) => {
      const policy = c?.resourcesPolicy;
      if (policy && typeof policy === 'object' && (policy.targetContainersNameRegex === undefined || policy.targetContainersNameRegex === null)) {
        const target = spec[key]?.[i]?.resourcesPolicy;
        if (target) target.targetContainersNameRegex = '.*';
      }
    });
  }
}

function defaultSidecarContainer(c: Obj, injectPolicy: string): void {
  c.podInjectPolicy ||= injectPolicy;
  c.upgradeStrategy.upgradeType ||= 'ColdUpgrade';
  c.shareVolumePolicy.type ||= 'disabled';
  // Unlike pod defaulting, a sidecar's startupProbe is left alone.
  defaultContainer(c, defaultImagePullPolicy(c.image ?? ''), ['livenessProbe', 'readinessProbe']);
  roundResourceList(c.resources.limits);
  roundResourceList(c.resources.requests);
  for (const t of c.transferEnv ?? []) defaultFieldRef(t.sourceContainerNameFrom?.fieldRef);
}

/** SetDefaults_ResourceList: every quantity rounded up to milli precision. */
function roundResourceList(list: Obj | undefined): void {
  for (const k of Object.keys(list ?? {})) {
    const q = parseQuantity(list![k]);
    if (q) list![k] = formatQuantity(roundUp(q, -3));
  }
}

/** SetDefaultPodVolumes. Volumes are not re-encoded (kept as written): decoding into
 *  corev1.Volume keeps the name and the known sources only, so copy those, then default. */
function decodedVolume(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  const vol: Obj = {};
  for (const [k, val] of Object.entries(v as Obj)) {
    if (k === 'name' || VOLUME_SOURCES.includes(k)) vol[k] = structuredClone(val);
  }
  defaultVolume(vol);
  return vol;
}
