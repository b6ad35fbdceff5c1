// PersistentPodState admission (kruise pkg/webhook/persistentpodstate/validating/
// persistent_create_update_handler.go). v1alpha1 objects are converted to v1beta1 first.
// Kinds other than StatefulSet are admitted only through Kruise's PPS white list, a
// ConfigMap in the cluster kruisec cannot see; a default install has none, so they are
// errors, with a hint at the white list. targetRef is immutable on update (needs the live
// object: not checked).
import type { Resource } from '../../api/resource.js';
import { at, report } from '../../report/catalogue/rule.js';
import * as rules from '../../report/catalogue/persistentpodstate.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import { objAt } from '../workloads/common.js';
import { groupOf, laterConflicts, refKey } from './target-ref.js';

export function checkPersistentPodState(res: Resource): Diagnostic[] {
  const spec = objAt(res.obj, 'spec');
  if (!spec) return [];
  const out: Diagnostic[] = [];
  const ref = objAt(spec, 'targetRef') ?? {};
  const { apiVersion, kind, name } = ref;
  if (!apiVersion || !kind || !name) out.push(report(rules.targetRef, { reason: 'apiVersion, kind and name must all be set' }, at(res, ['spec', 'targetRef'])));
  if (typeof apiVersion === 'string' && typeof kind === 'string') {
    const group = groupOf(apiVersion);
    const statefulSet = kind === 'StatefulSet' && (group === 'apps' || group === 'apps.kruise.io');
    if (!statefulSet) {
      const custom = group !== undefined && kind !== '';
      out.push(report(rules.targetRef, { reason: `${kind} ${apiVersion} is not a StatefulSet${custom ? '; Kruise admits it only if its PPS_Watch_Custom_Workload_WhiteList names the kind' : ''}` }, at(res, ['spec', 'targetRef'])));
    }
  }
  const required = objAt(spec, 'requiredPersistentTopology');
  const preferred = Array.isArray(spec.preferredPersistentTopology) ? spec.preferredPersistentTopology : [];
  if (!required && preferred.length === 0) out.push(report(rules.topology, {}, at(res, ['spec'])));
  return out;
}

/** validatePerConflict: two PersistentPodStates of one namespace with the same target. */
export function checkPersistentPodStateConflicts(states: readonly Resource[]): Diagnostic[] {
  const key = (r: Resource) => refKey(objAt(r.obj, 'spec', 'targetRef'));
  const later = laterConflicts(states, (a, b) => key(a) !== undefined && key(a) === key(b));
  return [...later].map(([r, other]) => report(rules.conflict, { other }, at(r, ['spec', 'targetRef'])));
}
