// UPDATE-only rules of the validating webhook (spec §12.5): they compare the new SidecarSet
// with the one the cluster holds. Not part of checkSidecarSets (a repo has one version of each
// object); both sides are stored forms (the default phase's output).
import type { Resource } from '../../api/resource.js';
import { SIDECARSET_BASE_ANNOTATION } from '../../api/sidecarset.js';
import * as rules from '../../report/catalogue/sidecarset.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import { canaryBase } from './canary.js';
import { diag, underCheck } from './context.js';
import type { Obj } from '../../util/json.js';

/** Diagnostics for updating `older` (what the cluster holds) to `newer` (what git holds). */
export function checkSidecarSetUpdate(older: Resource, newer: Resource): Diagnostic[] {
  const oldSs = older.obj as Obj;
  const s = underCheck(newer);
  const out: Diagnostic[] = [];
  const base = canaryBase(s.ss);
  const oldBase = oldSs.metadata?.annotations?.[SIDECARSET_BASE_ANNOTATION] ?? '';
  if (base !== undefined && oldBase !== base) {
    out.push(diag(rules.canaryBaseImmutable, s, ['metadata', 'annotations', SIDECARSET_BASE_ANNOTATION], { from: oldBase, to: base }, 'metadata'));
  }
  const oldTypes = new Map<string, string>();
  for (const c of oldSs.spec.containers ?? []) oldTypes.set(c.name, c.upgradeStrategy?.upgradeType ?? '');
  (s.ss.spec.containers ?? []).forEach((c: Obj, i: number) => {
    const from = oldTypes.get(c.name);
    const to = c.upgradeStrategy?.upgradeType ?? '';
    if (from === undefined) out.push(diag(rules.containerAddedOnUpdate, s, ['spec', 'containers', i, 'name'], { container: c.name }, 'spec.containers.name'));
    else if (from !== '' && from !== to) out.push(diag(rules.upgradeTypeImmutable, s, ['spec', 'containers', i, 'upgradeStrategy', 'upgradeType'], { container: c.name, from, to }, 'spec.containers.upgradeStrategy.upgradeType'));
  });
  return out;
}
