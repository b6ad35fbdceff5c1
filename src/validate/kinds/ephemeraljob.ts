// EphemeralJob admission (kruise pkg/webhook/ephemeraljob/validating/validation.go, Kruise's
// copy of Kubernetes' validateEphemeralContainers): unique DNS-label names, and only the
// fields an ephemeral container may have.
import type { FieldPath, Resource } from '../../api/resource.js';
import { at, report } from '../../report/catalogue/rule.js';
import * as rules from '../../report/catalogue/ephemeraljob.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import { isObj } from '../../util/json.js';
import { dns1123LabelError } from '../sidecarset/names.js';
import { dotted, objAt } from '../workloads/common.js';

/** Container fields allowEphemeralContainerFields does not allow (set: refused). */
const FORBIDDEN = ['ports', 'resources', 'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle', 'resizePolicy', 'restartPolicy'];

export function checkEphemeralJob(res: Resource): Diagnostic[] {
  const list = objAt(res.obj, 'spec', 'template')?.ephemeralContainers;
  if (!Array.isArray(list)) return [];
  const out: Diagnostic[] = [];
  const bad = (path: FieldPath, reason: string) => out.push(report(rules.container, { field: dotted(path), reason }, at(res, path)));
  const names = new Set<string>();
  list.forEach((c, i) => {
    if (!isObj(c)) return;
    const base: FieldPath = ['spec', 'template', 'ephemeralContainers', i];
    const name = typeof c.name === 'string' ? c.name : '';
    const e = name === '' ? 'name is required' : dns1123LabelError(name);
    if (e) bad([...base, 'name'], e);
    else if (names.has(name)) bad([...base, 'name'], `duplicate container name ${JSON.stringify(name)}`);
    names.add(name);
    for (const f of FORBIDDEN) {
      const v = c[f];
      if (v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0) && !(isObj(v) && Object.keys(v).length === 0)) bad([...base, f], 'cannot be set for an ephemeral container');
    }
    (Array.isArray(c.volumeMounts) ? c.volumeMounts : []).forEach((m, j) => {
      if (!isObj(m)) return;
      for (const f of ['subPath', 'subPathExpr']) if (typeof m[f] === 'string' && m[f] !== '') bad([...base, 'volumeMounts', j, f], 'cannot be set for an ephemeral container');
    });
  });
  return out;
}
