// The UnitedDeployment ControllerRevision name, which subset workloads and their pod
// templates carry as `apps.kruise.io/controller-revision-hash` (spec §5).
// Upstream: the controller marshals the UD (a Go struct), keeps only spec.template, adds
// "$patch":"replace" and marshals again (keys sorted, compact, Go escaping); Kubernetes'
// HashControllerRevision takes 32-bit FNV-1 over those bytes plus the collision count ("0" on
// a fresh install) and SafeEncodeString maps the decimal digits; the name is `<ud>-<hash>`.
// Go only emits fields its structs declare, and emits some zero values (`creationTimestamp:
// null`, `resources: {}`, `strategy: {}`, `selector: null`); `goShape` reproduces the common
// ones, drops the common explicit zero values of `omitempty` fields and writes resource
// quantities in canonical form. The hash equals the cluster's when the template holds no
// field Go would drop (unknown fields) and no other explicit omitempty zero value.
import { goMarshal } from '../../go/json.js';
import { controllerRevisionHash } from '../../k8s/hash.js';
import { canonicalQuantities } from '../../k8s/quantity.js';
import { isObj, type Obj } from '../../util/json.js';

/** The `apps.kruise.io/controller-revision-hash` value for a (defaulted) UnitedDeployment. */
export function revisionName(udName: string, template: Obj, collisionCount = 0): string {
  const patch = { spec: { template: { ...goTemplate(template), $patch: 'replace' } } };
  return `${udName.slice(0, 223)}-${controllerRevisionHash(goMarshal(patch), collisionCount)}`;
}

// ---- Go struct emission for the template kinds ----

/** SubsetTemplate as Go marshals it (only the non-nil templates appear). */
function goTemplate(t: Obj): Obj {
  const out: Obj = {};
  if (isObj(t.statefulSetTemplate)) out.statefulSetTemplate = wrapper(t.statefulSetTemplate, statefulSetSpec);
  if (isObj(t.advancedStatefulSetTemplate)) out.advancedStatefulSetTemplate = wrapper(t.advancedStatefulSetTemplate, advancedStatefulSetSpec);
  if (isObj(t.cloneSetTemplate)) out.cloneSetTemplate = wrapper(t.cloneSetTemplate, cloneSetSpec);
  if (isObj(t.deploymentTemplate)) out.deploymentTemplate = wrapper(t.deploymentTemplate, deploymentSpec);
  return out;
}

function wrapper(t: Obj, spec: (s: Obj) => Obj): Obj {
  return { ...clean(t), metadata: objectMeta(t.metadata), spec: spec(isObj(t.spec) ? t.spec : {}) };
}

function objectMeta(m: unknown): Obj {
  const out = isObj(m) ? clean(m) : {};
  for (const k of ['labels', 'annotations']) if (isObj(out[k]) && Object.keys(out[k]).length === 0) delete out[k];
  if (!('creationTimestamp' in out)) out.creationTimestamp = null;
  return out;
}

function podTemplate(t: unknown): Obj {
  const o = isObj(t) ? clean(t) : {};
  return { ...o, metadata: objectMeta(o.metadata), spec: podSpec(o.spec) };
}

function podSpec(s: unknown): Obj {
  const o = isObj(s) ? s : {};
  const out: Obj = { ...o, containers: Array.isArray(o.containers) ? o.containers.map(container) : null };
  for (const k of ['initContainers', 'ephemeralContainers']) if (Array.isArray(o[k])) out[k] = o[k].map(container);
  dropZero(out, POD_OMITEMPTY);
  if (isObj(out.overhead)) out.overhead = canonicalQuantities(out.overhead);
  return out;
}

/** Plain bool/int/string fields declared `omitempty` that manifests often spell out. */
const POD_OMITEMPTY = ['hostNetwork', 'hostPID', 'hostIPC', 'nodeName', 'serviceAccountName', 'serviceAccount', 'hostname', 'subdomain', 'schedulerName', 'priorityClassName', 'runtimeClassName'];
const CONTAINER_OMITEMPTY = ['image', 'workingDir', 'terminationMessagePath', 'terminationMessagePolicy', 'imagePullPolicy', 'stdin', 'stdinOnce', 'tty'];
const PROBE_OMITEMPTY = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'];

function container(c: unknown): Obj {
  const o = isObj(c) ? c : {};
  const out: Obj = { ...o, name: o.name ?? '', resources: isObj(o.resources) ? { ...o.resources } : {} };
  for (const k of ['limits', 'requests']) if (isObj(out.resources[k])) out.resources[k] = canonicalQuantities(out.resources[k]);
  dropZero(out, CONTAINER_OMITEMPTY);
  if (Array.isArray(o.ports)) out.ports = o.ports.map((p) => (isObj(p) ? dropZero({ ...p }, ['name', 'hostPort', 'protocol', 'hostIP']) : p));
  if (Array.isArray(o.env)) out.env = o.env.map((e) => (isObj(e) ? dropZero({ ...e }, ['value']) : e));
  if (Array.isArray(o.volumeMounts)) out.volumeMounts = o.volumeMounts.map((m) => (isObj(m) ? dropZero({ ...m }, ['readOnly', 'subPath', 'subPathExpr']) : m));
  for (const k of ['livenessProbe', 'readinessProbe', 'startupProbe']) if (isObj(o[k])) out[k] = dropZero({ ...o[k] }, PROBE_OMITEMPTY);
  return out;
}

function dropZero(o: Obj, keys: string[]): Obj {
  for (const k of keys) if (o[k] === false || o[k] === 0 || o[k] === '') delete o[k];
  return o;
}


function pvc(p: unknown): Obj {
  const o = isObj(p) ? clean(p) : {};
  const spec = isObj(o.spec) ? o.spec : {};
  return { ...o, metadata: objectMeta(o.metadata), spec: { ...spec, resources: isObj(spec.resources) ? spec.resources : {} }, status: isObj(o.status) ? o.status : {} };
}

/** `structs`: struct-typed fields, always emitted; `scalars`: non-omitempty scalars and their
 *  zero values. */
function workloadSpec(s: Obj, structs: string[], scalars: Obj = {}): Obj {
  const o = clean(s);
  const out: Obj = dropZero({ ...o, selector: o.selector ?? null, template: podTemplate(o.template) }, ['minReadySeconds', 'paused', 'serviceName', 'podManagementPolicy']);
  for (const [k, zero] of Object.entries(scalars)) out[k] = o[k] ?? zero;
  for (const k of structs) if (!isObj(out[k])) out[k] = {};
  if (Array.isArray(o.volumeClaimTemplates)) out.volumeClaimTemplates = o.volumeClaimTemplates.map(pvc);
  return out;
}

// apps/v1 StatefulSetSpec (k8s.io/api v0.32) declares serviceName without omitempty; Kruise's
// Advanced StatefulSet declares it with.
const statefulSetSpec = (s: Obj) => workloadSpec(s, ['updateStrategy'], { serviceName: '' });
const advancedStatefulSetSpec = (s: Obj) => workloadSpec(s, ['updateStrategy', 'volumeClaimUpdateStrategy']);
const cloneSetSpec = (s: Obj) => workloadSpec(s, ['scaleStrategy', 'updateStrategy']);
const deploymentSpec = (s: Obj) => workloadSpec(s, ['strategy']);

/** YAML nulls decode to Go zero values, which omitempty fields do not emit. */
function clean(o: Obj): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === null || v === undefined) continue;
    out[k] = isObj(v) ? clean(v) : Array.isArray(v) ? v.map((x) => (isObj(x) ? clean(x) : x)) : v;
  }
  return out;
}

