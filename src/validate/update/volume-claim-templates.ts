// Advanced StatefulSet volumeClaimTemplates on update with volumeClaimUpdateStrategy
// OnRollingUpdate (Kruise ValidateVolumeClaimTemplateUpdate, behind StatefulSetAutoResizePVCGate):
// the same claims, by name, and nothing but the storage size may change. Whether the storage
// class allows expansion needs the cluster; that part is not checked.
import { displayName, type Resource } from '../../api/resource.js';
import * as rules from '../../report/catalogue/plan.js';
import { at, report } from '../../report/catalogue/rule.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import { isObj, list, semanticEqual, type Obj } from '../../util/json.js';
import { shortJson } from './changes.js';

export function checkVolumeClaimTemplates(base: Resource, head: Resource): Diagnostic[] {
  const spec: Obj = isObj(head.obj.spec) ? head.obj.spec : {};
  const type = isObj(spec.volumeClaimUpdateStrategy) ? spec.volumeClaimUpdateStrategy.type : undefined;
  if (type === undefined || type === '' || type === 'OnPVCDelete') return [];
  const workload = displayName(head.obj);
  const now = list(spec.volumeClaimTemplates);
  const before = list(isObj(base.obj.spec) ? base.obj.spec.volumeClaimTemplates : undefined);
  const fail = (reason: string, path: (string | number)[]) => [report(rules.updateVolumeClaimTemplates, { workload, reason }, at(head, path))];
  if (now.length !== before.length) {
    return fail(`volumeClaimTemplate can not be added or deleted when OnRollingUpdate (base has ${before.length}, head ${now.length})`, ['spec', 'volumeClaimTemplates']);
  }
  const byName = new Map<string, Obj>(before.filter(isObj).map((t) => [nameOf(t), t]));
  for (let i = 0; i < now.length; i++) {
    const t = now[i];
    const old = byName.get(nameOf(t));
    if (!old) return fail(`volumeClaimTemplates[${nameOf(t)}].name: volumeClaimTemplate name can not be modified (base names: ${[...byName.keys()].join(', ')})`, ['spec', 'volumeClaimTemplates', i, 'metadata', 'name']);
    if (!semanticEqual(withoutStorage(old), withoutStorage(t))) {
      return fail(`volumeClaimTemplates[${nameOf(t)}]: volumeClaimTemplate can not be modified when OnRollingUpdate (base: ${shortJson(old.spec)})`, ['spec', 'volumeClaimTemplates', i]);
    }
  }
  return [];
}

function nameOf(t: unknown): string {
  return isObj(t) && isObj(t.metadata) && typeof t.metadata.name === 'string' ? t.metadata.name : '';
}

/** The claim without its storage request and limit, the only part a resize may change
 *  (a resize then changes nothing else). */
function withoutStorage(t: Obj): Obj {
  const copy = JSON.parse(JSON.stringify(t)) as Obj;
  const res = copy.spec?.resources;
  if (isObj(res)) {
    for (const side of ['requests', 'limits']) if (isObj(res[side])) delete res[side].storage;
  }
  delete copy.status;
  return copy;
}
