// The spec fields an update may change, per workload kind, and the InPlaceOnly template rule.
//   CloneSet            kruise pkg/webhook/cloneset/validating/validation.go (validateCloneSetUpdate,
//                       ValidateCloneSetUpdateV1beta1; v1alpha1 also runs core ValidateCloneSetUpdate)
//   Advanced StatefulSet kruise pkg/webhook/statefulset/validating/statefulset_validation.go
//                       (ValidateStatefulSetUpdate, ValidateVolumeClaimTemplateUpdate) and the
//                       handler's InPlaceOnly check
//   Advanced DaemonSet  kruise pkg/webhook/daemonset/validating/daemonset_create_update_handler.go
//   StatefulSet         kubernetes pkg/apis/apps/validation ValidateStatefulSetUpdate
import { displayName, type FieldPath, type Resource } from '../../api/resource.js';
import { featureGate, type ClusterFacts } from '../../api/cluster.js';
import * as rules from '../../report/catalogue/plan.js';
import { at, report } from '../../report/catalogue/rule.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import { isObj, semanticEqual, type Obj } from '../../util/json.js';
import { changedFields, describeChanges } from './changes.js';
import { firstNonImageChange } from './inplace-only.js';
import { checkVolumeClaimTemplates } from './volume-claim-templates.js';

interface KindRules { label: string; allowed: readonly string[]; message: string }

const CLONESET: KindRules = {
  label: 'cloneset',
  allowed: ['replicas', 'template', 'lifecycle', 'scaleStrategy', 'updateStrategy', 'minReadySeconds', 'progressDeadlineSeconds', 'volumeClaimTemplates', 'revisionHistoryLimit'],
  message: "'replicas', 'template', 'lifecycle', 'scaleStrategy', 'updateStrategy', 'minReadySeconds', 'progressDeadlineSeconds', 'volumeClaimTemplates' and 'revisionHistoryLimit'",
};
// scaleStrategy is restored by the webhook too, though its message leaves it out.
const ADVANCED_STATEFULSET: KindRules = {
  label: 'statefulset',
  allowed: ['replicas', 'ordinals', 'template', 'reserveOrdinals', 'lifecycle', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy', 'scaleStrategy', 'volumeClaimTemplates', 'volumeClaimUpdateStrategy', 'updateStrategy'],
  message: "'replicas', 'ordinals', 'template', 'reserveOrdinals', 'lifecycle', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy', `volumeClaimTemplates`, `VolumeClaimUpdateStrategy` and 'updateStrategy'",
};
const ADVANCED_DAEMONSET: Record<string, KindRules> = {
  'apps.kruise.io/v1alpha1': {
    label: 'daemonset',
    allowed: ['burstReplicas', 'template', 'lifecycle', 'updateStrategy', 'minReadySeconds', 'revisionHistoryLimit'],
    message: "'BurstReplicas', 'template', 'lifecycle',  'updateStrategy', 'minReadySeconds', and 'revisionHistoryLimit'",
  },
  'apps.kruise.io/v1beta1': {
    label: 'daemonset',
    allowed: ['burstReplicas', 'template', 'lifecycle', 'scaleStrategy', 'updateStrategy', 'minReadySeconds', 'revisionHistoryLimit'],
    message: "'BurstReplicas', 'template', 'lifecycle', 'scaleStrategy', 'updateStrategy', 'minReadySeconds', and 'revisionHistoryLimit'",
  },
};
const STATEFULSET: KindRules = {
  label: 'statefulset',
  allowed: ['replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds'],
  message: "'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds'",
};

const KRUISE = new Set(['apps.kruise.io/v1alpha1', 'apps.kruise.io/v1beta1']);

/** Update diagnostics for one workload, or undefined when the kind has no update rules here. */
export function checkWorkloadUpdate(base: Resource, head: Resource, cluster: ClusterFacts): Diagnostic[] | undefined {
  const { apiVersion, kind } = head.obj;
  if (KRUISE.has(apiVersion)) {
    if (kind === 'CloneSet') {
      const out = forbiddenFields(base, head, CLONESET);
      // Only the v1alpha1 handler runs the core InPlaceOnly check; v1beta1 leaves it to the controller.
      if (apiVersion === 'apps.kruise.io/v1alpha1' && podUpdatePolicy(head.obj) === 'InPlaceOnly') out.push(...inPlaceOnly(base, head));
      return out;
    }
    if (kind === 'StatefulSet') {
      const out = forbiddenFields(base, head, ADVANCED_STATEFULSET);
      if (featureGate(cluster, 'StatefulSetAutoResizePVCGate')) out.push(...checkVolumeClaimTemplates(base, head));
      if (podUpdatePolicy(head.obj) === 'InPlaceOnly') out.push(...inPlaceOnly(base, head));
      return out;
    }
    if (kind === 'DaemonSet') return forbiddenFields(base, head, ADVANCED_DAEMONSET[apiVersion]);
    return undefined;
  }
  if (apiVersion === 'apps/v1' && kind === 'StatefulSet') return forbiddenFields(base, head, STATEFULSET, nativeStatefulSetDefaults);
  return undefined;
}

function forbiddenFields(base: Resource, head: Resource, k: KindRules, normalise: (spec: Obj) => Obj = (s) => s): Diagnostic[] {
  const b = normalise(specOf(base.obj)), h = normalise(specOf(head.obj));
  const changes = changedFields(b, h, k.allowed);
  if (!changes.length) return [];
  const path: FieldPath = changes[0].inHead ? ['spec', changes[0].key] : ['spec'];
  return [report(rules.updateForbiddenField, { workload: displayName(head.obj), kind: k.label, changes: describeChanges(changes), allowed: k.message }, at(head, path))];
}

function inPlaceOnly(base: Resource, head: Resource): Diagnostic[] {
  const b = specOf(base.obj).template?.spec, h = specOf(head.obj).template?.spec;
  if (semanticEqual(b, h)) return [];
  const op = firstNonImageChange(b, h);
  if (!op) return [];
  return [report(rules.updateInPlaceOnlyTemplate, { workload: displayName(head.obj), ...op }, at(head, ['spec', 'template', 'spec']))];
}

function specOf(obj: unknown): Obj {
  return isObj(obj) && isObj(obj.spec) ? obj.spec : {};
}

function podUpdatePolicy(obj: unknown): string {
  const us = specOf(obj).updateStrategy;
  if (!isObj(us)) return '';
  const ru = isObj(us.rollingUpdate) ? us.rollingUpdate : {};
  if (typeof ru.podUpdatePolicy === 'string') return ru.podUpdatePolicy;
  // v1alpha1 CloneSet: the update type is the pod update policy.
  return typeof us.type === 'string' ? us.type : '';
}

/** The API server defaults podManagementPolicy; the manifests as written may leave it out. */
function nativeStatefulSetDefaults(spec: Obj): Obj {
  return { ...spec, podManagementPolicy: spec.podManagementPolicy || 'OrderedReady' };
}
