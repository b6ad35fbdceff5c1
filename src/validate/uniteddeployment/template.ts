// V5-V11: exactly one workload template; its labels match spec.selector; replicas/partition
// are not set inside it; and the workload/pod-template checks Kubernetes runs for that kind
// (a practical subset: label/selector match, label and annotation syntax, restartPolicy,
// activeDeadlineSeconds, StatefulSet policies, and for Deployments the container basics).
// cloneSetTemplate has no UD-level template validation upstream.
import type { FieldPath } from '../../api/resource.js';
import { TEMPLATE_KEYS } from '../../api/uniteddeployment.js';
import { labelValueError, qualifiedNameError, selectorMatches } from '../../k8s/selector.js';
import * as rules from '../../report/catalogue/uniteddeployment.js';
import type { UdContext } from './context.js';
import { fail } from './context.js';
import { dnsLabelError } from './names.js';
import { isObj, list, type Obj } from '../../util/json.js';

export function checkTemplate(ctx: UdContext, selectorUsable: boolean): void {
  const template: Obj = isObj(ctx.ud.spec?.template) ? ctx.ud.spec.template : {};
  const present = TEMPLATE_KEYS.filter((k) => template[k] != null);
  const base = ['spec', 'template'];
  if (present.length === 0) fail(ctx, rules.templateRequired, base, {});
  else if (present.length > 1) fail(ctx, rules.templateMultiple, base, { templates: [...present] });
  if (!selectorUsable) return;
  const selector = ctx.ud.spec?.selector;

  // The webhook checks one template: the first of statefulSet, advancedStatefulSet, deployment
  // (a cloneSetTemplate gets no UD-level check).
  const key = present.find((k) => k !== 'cloneSetTemplate');
  if (!key) return;
  const t: Obj = isObj(template[key]) ? template[key] : {};
  const spec: Obj = isObj(t.spec) ? t.spec : {};
  const tpath = [...base, key];

  if (!selectorMatches(selector, t.metadata?.labels ?? {})) {
    // Upstream reports the advancedStatefulSetTemplate mismatch under statefulSetTemplate.
    const reported = key === 'advancedStatefulSetTemplate' ? 'statefulSetTemplate' : key;
    fail(ctx, rules.templateLabelsMismatch, [...base, reported, 'metadata', 'labels'], {});
  }
  if (spec.replicas != null) fail(ctx, rules.templateReplicasSet, [...tpath, 'spec', 'replicas'], { template: key });
  if (key !== 'deploymentTemplate' && spec.updateStrategy?.type === 'RollingUpdate' && spec.updateStrategy?.rollingUpdate?.partition != null) {
    fail(ctx, rules.templatePartitionSet, [...tpath, 'spec', 'updateStrategy', 'rollingUpdate', 'partition'], { template: key });
  }

  const pod: Obj = isObj(spec.template) ? spec.template : {};
  const podPath = [...tpath, 'spec', 'template'];
  const bad = (p: FieldPath, reason: string) => fail(ctx, rules.podTemplateInvalid, p, { reason });
  if (key === 'statefulSetTemplate') checkStatefulSetSpec(spec, [...tpath, 'spec'], bad);
  if (!selectorMatches(selector, pod.metadata?.labels ?? {})) bad([...podPath, 'metadata', 'labels'], 'Invalid value: `selector` does not match template `labels`');
  checkMetadataSyntax(pod.metadata, [...podPath, 'metadata'], bad);
  const podSpec: Obj = isObj(pod.spec) ? pod.spec : {};
  if (key === 'statefulSetTemplate' || key === 'deploymentTemplate') {
    // Kruise pod defaults are applied before this check, so an omitted restartPolicy is Always.
    const rp = podSpec.restartPolicy ?? 'Always';
    if (rp !== 'Always') bad([...podPath, 'spec', 'restartPolicy'], `Unsupported value: ${JSON.stringify(rp)}: supported values: "Always"`);
    const owner = key === 'statefulSetTemplate' ? 'StatefulSet' : 'ReplicaSet';
    if (podSpec.activeDeadlineSeconds != null) bad([...podPath, 'spec', 'activeDeadlineSeconds'], `Forbidden: activeDeadlineSeconds in ${owner} is not Supported`);
  }
  if (key === 'deploymentTemplate') checkContainers(podSpec, [...podPath, 'spec'], bad);
}

type Bad = (p: FieldPath, reason: string) => void;

/** apps/v1 ValidateStatefulSetSpec on the template, normalised as the webhook does (replicas 1,
 *  the UD selector, empty policy/type filled in, partition removed). */
function checkStatefulSetSpec(spec: Obj, path: FieldPath, bad: Bad): void {
  const pmp = spec.podManagementPolicy || 'OrderedReady';
  if (pmp !== 'OrderedReady' && pmp !== 'Parallel') {
    bad([...path, 'podManagementPolicy'], `Invalid value: ${JSON.stringify(pmp)}: must be 'OrderedReady' or 'Parallel'`);
  }
  const type = spec.updateStrategy?.type || 'RollingUpdate';
  const ru = spec.updateStrategy?.rollingUpdate;
  if (type === 'OnDelete') {
    if (ru != null) bad([...path, 'updateStrategy', 'rollingUpdate'], 'Invalid value: only allowed for updateStrategy \'RollingUpdate\'');
  } else if (type !== 'RollingUpdate') {
    bad([...path, 'updateStrategy'], `Invalid value: ${JSON.stringify(type)}: must be 'RollingUpdate' or 'OnDelete'`);
  } else if (isObj(ru) && ru.maxUnavailable != null) {
    // The partition was removed before this check; maxUnavailable must be a positive count
    // or a percentage in 1..100.
    const mu = ru.maxUnavailable;
    const p = [...path, 'updateStrategy', 'rollingUpdate', 'maxUnavailable'];
    if (typeof mu === 'number') {
      if (!Number.isInteger(mu) || mu < 1) bad(p, `Invalid value: ${mu}: must be greater than 0`);
    } else if (typeof mu !== 'string' || !/^[0-9]+%$/.test(mu)) {
      bad(p, `Invalid value: ${JSON.stringify(mu)}: a valid percent string must be a numeric string followed by an ending '%'`);
    } else {
      const n = Number(mu.slice(0, -1));
      if (n < 1) bad(p, `Invalid value: ${JSON.stringify(mu)}: must be greater than 0`);
      if (n > 100) bad(p, `Invalid value: ${JSON.stringify(mu)}: must not be greater than 100%`);
    }
  }
  const retention = spec.persistentVolumeClaimRetentionPolicy;
  if (isObj(retention)) {
    for (const k of ['whenDeleted', 'whenScaled']) {
      const v = retention[k];
      if (v != null && v !== 'Retain' && v !== 'Delete') {
        bad([...path, 'persistentVolumeClaimRetentionPolicy', k], `Unsupported value: ${JSON.stringify(v)}: supported values: "Retain", "Delete"`);
      }
    }
  }
  if (isObj(spec.ordinals) && typeof spec.ordinals.start === 'number' && spec.ordinals.start < 0) {
    bad([...path, 'ordinals', 'start'], `Invalid value: ${spec.ordinals.start}: must be greater than or equal to 0`);
  }
  for (const k of ['minReadySeconds', 'revisionHistoryLimit']) {
    if (typeof spec[k] === 'number' && spec[k] < 0) bad([...path, k], `Invalid value: ${spec[k]}: must be greater than or equal to 0`);
  }
}

function checkMetadataSyntax(meta: unknown, path: FieldPath, bad: Bad): void {
  if (!isObj(meta)) return;
  for (const [k, v] of Object.entries(isObj(meta.labels) ? meta.labels : {})) {
    const ke = qualifiedNameError(k);
    if (ke) bad([...path, 'labels'], `Invalid value: ${JSON.stringify(k)}: ${ke}`);
    const ve = labelValueError(String(v));
    if (ve) bad([...path, 'labels'], `Invalid value: ${JSON.stringify(v)}: ${ve}`);
  }
  for (const k of Object.keys(isObj(meta.annotations) ? meta.annotations : {})) {
    const ke = qualifiedNameError(k.toLowerCase());
    if (ke) bad([...path, 'annotations'], `Invalid value: ${JSON.stringify(k)}: ${ke}`);
  }
}

/** The container basics of ValidatePodSpec (a Deployment template gets the full pod check). */
function checkContainers(podSpec: Obj, path: FieldPath, bad: Bad): void {
  const containers = list(podSpec.containers);
  if (containers.length === 0) {
    bad([...path, 'containers'], 'Required value');
    return;
  }
  const names = new Set<string>();
  for (const [field, items] of [['initContainers', list(podSpec.initContainers)], ['containers', containers]] as const) {
    items.forEach((c: Obj, i: number) => {
      const p = [...path, field, i];
      const name = typeof c?.name === 'string' ? c.name : '';
      if (name === '') bad([...p, 'name'], 'Required value');
      else {
        const e = dnsLabelError(name);
        if (e) bad([...p, 'name'], `Invalid value: ${JSON.stringify(name)}: ${e}`);
        if (names.has(name)) bad([...p, 'name'], `Duplicate value: ${JSON.stringify(name)}`);
        names.add(name);
      }
      if (typeof c?.image !== 'string' || c.image.trim() === '') bad([...p, 'image'], 'Required value');
    });
  }
}
