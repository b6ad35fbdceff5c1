// What the API server's defaulting (k8s.io/kubernetes pkg/apis/core/v1/defaults.go) fills into
// the parts of a pod, and Kruise's SetDefaultPodSpec (apis/apps/defaults/pod.go) built from it.
// The SidecarSet webhook applies the container and volume parts to its sidecars; the
// UnitedDeployment webhook applies SetDefaultPodSpec to a statefulSetTemplate (spec §4.8).
// Everything here mutates what it is given: callers pass their own copy. Fields are added in
// the order Go sets them, which is the order they are printed in where nothing re-encodes them.
import { defaultImagePullPolicy } from '../k8s/image-reference.js';
import { VOLUME_SOURCES } from '../k8s/volume.js';
import { isObj, list, type Obj } from '../util/json.js';

/** SetDefaultPodSpec: the Kubernetes PodSpec defaults, except that regular containers without
 *  an imagePullPolicy get `Always` (Kruise wants in-place image updates to pull). */
export function defaultKruisePodSpec(spec: Obj): void {
  if (!spec.dnsPolicy) spec.dnsPolicy = 'ClusterFirst';
  if (!spec.restartPolicy) spec.restartPolicy = 'Always';
  if (spec.securityContext == null) spec.securityContext = {};
  if (spec.terminationGracePeriodSeconds == null) spec.terminationGracePeriodSeconds = 30;
  if (!spec.schedulerName) spec.schedulerName = 'default-scheduler';
  for (const v of list(spec.volumes)) defaultVolume(v);
  for (const c of list(spec.initContainers)) if (isObj(c)) defaultContainer(c, defaultImagePullPolicy(String(c.image ?? '')), ALL_PROBES);
  for (const c of list(spec.containers)) if (isObj(c)) defaultContainer(c, 'Always', ALL_PROBES);
  // Ephemeral containers: only ports, env and probes.
  for (const c of list(spec.ephemeralContainers)) if (isObj(c)) defaultContainerParts(c, ALL_PROBES);
}

export const ALL_PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;

/** SetDefaults_Container: pull policy, termination message, then the parts below. `probes`:
 *  which probes are defaulted (Kruise leaves a sidecar's startupProbe alone). */
export function defaultContainer(c: Obj, pullPolicy: string, probes: readonly string[]): void {
  if (!c.imagePullPolicy) c.imagePullPolicy = pullPolicy;
  if (!c.terminationMessagePath) c.terminationMessagePath = '/dev/termination-log';
  if (!c.terminationMessagePolicy) c.terminationMessagePolicy = 'File';
  defaultContainerParts(c, probes);
}

function defaultContainerParts(c: Obj, probes: readonly string[]): void {
  for (const p of list(c.ports)) if (isObj(p) && !p.protocol) p.protocol = 'TCP';
  for (const e of list(c.env)) defaultFieldRef(e?.valueFrom?.fieldRef);
  for (const k of probes) if (isObj(c[k])) defaultProbe(c[k]);
  if (isObj(c.lifecycle)) for (const k of ['postStart', 'preStop']) defaultHttpGet(c.lifecycle[k]?.httpGet);
}

/** SetDefaults_Probe. */
function defaultProbe(p: Obj): void {
  if (p.timeoutSeconds == null || p.timeoutSeconds === 0) p.timeoutSeconds = 1;
  if (p.periodSeconds == null || p.periodSeconds === 0) p.periodSeconds = 10;
  if (p.successThreshold == null || p.successThreshold === 0) p.successThreshold = 1;
  if (p.failureThreshold == null || p.failureThreshold === 0) p.failureThreshold = 3;
  defaultHttpGet(p.httpGet);
}

/** SetDefaults_HTTPGetAction. */
function defaultHttpGet(h: unknown): void {
  if (!isObj(h)) return;
  if (!h.path) h.path = '/';
  if (!h.scheme) h.scheme = 'HTTP';
}

/** SetDefaults_ObjectFieldSelector. */
export function defaultFieldRef(f: unknown): void {
  if (isObj(f) && !f.apiVersion) f.apiVersion = 'v1';
}

/** SetDefaults_Volume and the defaults of the sources inside it. */
export function defaultVolume(v: unknown): void {
  if (!isObj(v)) return;
  if (!VOLUME_SOURCES.some((k) => v[k] != null)) v.emptyDir = {};
  if (isObj(v.hostPath) && v.hostPath.type == null) v.hostPath.type = '';
  for (const k of ['secret', 'configMap', 'downwardAPI', 'projected']) {
    if (isObj(v[k]) && v[k].defaultMode == null) v[k].defaultMode = 420;
  }
  for (const item of list(v.downwardAPI?.items)) defaultFieldRef(item?.fieldRef);
  for (const src of list(v.projected?.sources)) {
    for (const item of list(src?.downwardAPI?.items)) defaultFieldRef(item?.fieldRef);
    if (isObj(src?.serviceAccountToken) && src.serviceAccountToken.expirationSeconds == null) src.serviceAccountToken.expirationSeconds = 3600;
  }
}
