// Kruise's pod-template defaulting (apis/apps/defaults/pod.go SetDefaultPodSpec): the Kubernetes
// PodSpec/Container/Probe/Volume defaults, except that regular containers without an
// imagePullPolicy get `Always` (Kruise wants in-place image updates to pull). The
// UnitedDeployment webhook applies it to statefulSetTemplate only (spec §4.8).
// Mutates the pod spec it is given: callers pass their own copy.
import { isObj, list, type Obj } from '../../util/json.js';

const VOLUME_SOURCES = [
  'hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi',
  'glusterfs', 'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc',
  'azureFile', 'configMap', 'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected',
  'portworxVolume', 'scaleIO', 'storageos', 'csi', 'ephemeral', 'image',
];

export function applyKruisePodDefaults(spec: Obj): void {
  if (!spec.dnsPolicy) spec.dnsPolicy = 'ClusterFirst';
  if (!spec.restartPolicy) spec.restartPolicy = 'Always';
  if (spec.securityContext == null) spec.securityContext = {};
  if (spec.terminationGracePeriodSeconds == null) spec.terminationGracePeriodSeconds = 30;
  if (!spec.schedulerName) spec.schedulerName = 'default-scheduler';
  for (const v of list(spec.volumes)) volumeDefaults(v);
  for (const c of list(spec.initContainers)) containerDefaults(c, false);
  for (const c of list(spec.containers)) containerDefaults(c, true);
  for (const c of list(spec.ephemeralContainers)) containerDefaults(c, undefined);
}

/** `kruiseAlways`: regular containers (true), init containers (false, Kubernetes' tag rule),
 *  ephemeral containers (undefined: only ports, env and probes are defaulted). */
function containerDefaults(c: Obj, kruiseAlways: boolean | undefined): void {
  if (!isObj(c)) return;
  if (kruiseAlways !== undefined) {
    if (!c.imagePullPolicy) c.imagePullPolicy = kruiseAlways ? 'Always' : pullPolicyForImage(String(c.image ?? ''));
    if (!c.terminationMessagePath) c.terminationMessagePath = '/dev/termination-log';
    if (!c.terminationMessagePolicy) c.terminationMessagePolicy = 'File';
  }
  for (const p of list(c.ports)) if (isObj(p) && !p.protocol) p.protocol = 'TCP';
  for (const e of list(c.env)) if (isObj(e?.valueFrom?.fieldRef)) fieldRefDefaults(e.valueFrom.fieldRef);
  for (const k of ['livenessProbe', 'readinessProbe', 'startupProbe']) if (isObj(c[k])) probeDefaults(c[k]);
  if (isObj(c.lifecycle)) {
    for (const k of ['postStart', 'preStop']) if (isObj(c.lifecycle[k]?.httpGet)) httpGetDefaults(c.lifecycle[k].httpGet);
  }
}

/** Kubernetes SetDefaults_Container: Always for ":latest" or an untagged image, else IfNotPresent. */
export function pullPolicyForImage(image: string): string {
  if (image.includes('@')) return 'IfNotPresent';
  const lastSlash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  const tag = colon > lastSlash ? image.slice(colon + 1) : 'latest';
  return tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function probeDefaults(p: Obj): void {
  if (p.timeoutSeconds == null || p.timeoutSeconds === 0) p.timeoutSeconds = 1;
  if (p.periodSeconds == null || p.periodSeconds === 0) p.periodSeconds = 10;
  if (p.successThreshold == null || p.successThreshold === 0) p.successThreshold = 1;
  if (p.failureThreshold == null || p.failureThreshold === 0) p.failureThreshold = 3;
  if (isObj(p.httpGet)) httpGetDefaults(p.httpGet);
}

function httpGetDefaults(h: Obj): void {
  if (!h.path) h.path = '/';
  if (!h.scheme) h.scheme = 'HTTP';
}

function fieldRefDefaults(f: Obj): void {
  if (!f.apiVersion) f.apiVersion = 'v1';
}

function volumeDefaults(v: Obj): void {
  if (!isObj(v)) return;
  if (!VOLUME_SOURCES.some((k) => v[k] != null)) v.emptyDir = {};
  if (isObj(v.hostPath) && v.hostPath.type == null) v.hostPath.type = '';
  for (const k of ['secret', 'configMap', 'downwardAPI', 'projected']) {
    if (isObj(v[k]) && v[k].defaultMode == null) v[k].defaultMode = 420;
  }
  for (const item of list(v.downwardAPI?.items)) if (isObj(item?.fieldRef)) fieldRefDefaults(item.fieldRef);
  for (const src of list(v.projected?.sources)) {
    for (const item of list(src?.downwardAPI?.items)) if (isObj(item?.fieldRef)) fieldRefDefaults(item.fieldRef);
    if (isObj(src?.serviceAccountToken) && src.serviceAccountToken.expirationSeconds == null) src.serviceAccountToken.expirationSeconds = 3600;
  }
}

