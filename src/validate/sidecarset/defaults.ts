// The SidecarSet defaulting webhook (spec §11; Kruise apis/apps/defaults/v1beta1.go and
// v1alpha1.go, which agree): Kruise's own defaults, the core container defaults it borrows from
// Kubernetes (pkg/apis/core/v1/defaults.go), and volume defaults. The object is decoded into
// the Go structs first and re-encoded afterwards, which is why the result also loses unknown
// fields and carries canonical quantities: the webhook's JSON patch says exactly that.
import type { KubeObject } from '../../api/resource.js';
import { goNormalize } from './go-json.js';
import { SIDECARSET_SPEC_V1ALPHA1, SIDECARSET_SPEC_V1BETA1 } from './go-types.js';
import { defaultImagePullPolicy } from './image-reference.js';
import { formatQuantity, parseQuantity, roundUp } from '../../k8s/quantity.js';
import { VOLUME_SOURCES, volumeSources } from './volumes.js';
import { type Obj } from '../../util/json.js';

/** The SidecarSet as Kruise's defaulting webhook leaves it (§11), without the hash
 *  annotations (see render/sidecarset/stored-form.ts). Returns a new object. */
export function applySidecarSetDefaults<T extends KubeObject>(obj: T): T {
  const layout = obj.apiVersion === 'apps.kruise.io/v1alpha1' ? SIDECARSET_SPEC_V1ALPHA1 : SIDECARSET_SPEC_V1BETA1;
  const spec = goNormalize(obj.spec, layout) as Obj;
  applyCrdDefaults(obj.spec as Obj | undefined, spec);

  const us = spec.updateStrategy as Obj;
  us.type ||= 'RollingUpdate';
  us.maxUnavailable ??= 1;
  us.partition ??= 0;

  for (const c of spec.initContainers ?? []) defaultSidecarContainer(c, 'AfterAppContainer');
  for (const c of spec.containers ?? []) defaultSidecarContainer(c, 'BeforeAppContainer');
  if (spec.volumes) spec.volumes = spec.volumes.map(defaultVolume);
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
  defaultContainer(c);
  for (const t of c.transferEnv ?? []) defaultFieldSelector(t.sourceContainerNameFrom?.fieldRef);
}

/** SetDefaults_Container and the per-field defaults Kruise applies to sidecars. Unlike pod
 *  defaulting, startupProbe is left alone. */
function defaultContainer(c: Obj): void {
  c.imagePullPolicy ||= defaultImagePullPolicy(c.image ?? '');
  c.terminationMessagePath ||= '/dev/termination-log';
  c.terminationMessagePolicy ||= 'File';
  for (const p of c.ports ?? []) p.protocol ||= 'TCP';
  for (const e of c.env ?? []) defaultFieldSelector(e.valueFrom?.fieldRef);
  roundResourceList(c.resources.limits);
  roundResourceList(c.resources.requests);
  for (const probe of [c.livenessProbe, c.readinessProbe]) {
    if (!probe) continue;
    probe.timeoutSeconds ||= 1;
    probe.periodSeconds ||= 10;
    probe.successThreshold ||= 1;
    probe.failureThreshold ||= 3;
    defaultHttpGet(probe.httpGet);
  }
  defaultHttpGet(c.lifecycle?.postStart?.httpGet);
  defaultHttpGet(c.lifecycle?.preStop?.httpGet);
}

function defaultFieldSelector(fs: Obj | undefined | null): void {
  if (fs) fs.apiVersion ||= 'v1';
}

function defaultHttpGet(h: Obj | undefined | null): void {
  if (!h) return;
  h.path ||= '/';
  h.scheme ||= 'HTTP';
}

/** SetDefaults_ResourceList: every quantity rounded up to milli precision. */
function roundResourceList(list: Obj | undefined): void {
  for (const k of Object.keys(list ?? {})) {
    const q = parseQuantity(list![k]);
    if (q) list![k] = formatQuantity(roundUp(q, -3));
  }
}

/** SetDefaultPodVolumes. Volumes are not re-encoded (kept as written), so copy first. */
function defaultVolume(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  // Decoding into corev1.Volume keeps the name and the known sources only.
  const vol: Obj = {};
  for (const [k, val] of Object.entries(v as Obj)) {
    if (k === 'name' || VOLUME_SOURCES.includes(k)) vol[k] = structuredClone(val);
  }
  if (volumeSources(vol).length === 0) vol.emptyDir = {};
  if (vol.hostPath && typeof vol.hostPath === 'object') vol.hostPath.type ??= '';
  for (const k of ['secret', 'configMap', 'downwardAPI', 'projected']) {
    if (vol[k] && typeof vol[k] === 'object') vol[k].defaultMode ??= 420;
  }
  for (const item of vol.downwardAPI?.items ?? []) defaultFieldSelector(item?.fieldRef);
  for (const src of vol.projected?.sources ?? []) {
    for (const item of src?.downwardAPI?.items ?? []) defaultFieldSelector(item?.fieldRef);
    if (src?.serviceAccountToken) src.serviceAccountToken.expirationSeconds ??= 3600;
  }
  return vol;
}
