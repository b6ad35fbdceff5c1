// Conflicts between SidecarSets (spec §12.6). Two SidecarSets that can select the same pod
// (namespaceSelectors and selectors "overlap" by Kruise's heuristic) must not inject
// containers of the same name, define a same-named volume differently, or both patch an
// annotation when one of them overwrites it. Kruise checks an object against the cluster when
// it is written; kruisec checks the whole repo, so a conflict is reported on both sides.
import * as rules from '../../report/catalogue/sidecarset.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import { canaryBase } from './canary.js';
import { diag, type CheckContext, type SidecarSetUnderCheck } from './context.js';
import { isSelectorOverlapping } from './selector-overlap.js';
import { canonicalJson, type Obj } from '../../util/json.js';

export function checkConflicts(s: SidecarSetUnderCheck, ctx: CheckContext): Diagnostic[] {
  const spec = s.ss.spec;
  const base = canaryBase(s.ss);
  const initIn = new Map<string, string>();
  const containerIn = new Map<string, string>();
  const volumeIn = new Map<string, { other: string; volume: Obj }>();
  const annotationIn = new Map<string, { other: string; policy: string }>();
  // The cluster lists SidecarSets by name; when several others clash, the last one is named.
  const others = [...ctx.sidecarSets].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const o of others) {
    if (o === s || o.name === s.name || o.name === base) continue;
    if (!overlaps(s.ss.spec, o.ss.spec)) continue;
    for (const c of o.ss.spec.initContainers ?? []) initIn.set(c?.name, o.name);
    for (const c of o.ss.spec.containers ?? []) containerIn.set(c?.name, o.name);
    for (const v of o.ss.spec.volumes ?? []) volumeIn.set(v?.name, { other: o.name, volume: v });
    for (const p of o.ss.spec.patchPodMetadata ?? []) {
      if (p.patchPolicy === 'Retain') continue;
      for (const k of Object.keys(p.annotations ?? {})) annotationIn.set(k, { other: o.name, policy: p.patchPolicy });
    }
  }
  const out: Diagnostic[] = [];
  (spec.initContainers ?? []).forEach((c: Obj, i: number) => {
    const other = initIn.get(c?.name);
    if (other) out.push(diag(rules.containerConflict, s, ['spec', 'initContainers', i, 'name'], { container: c.name, other }, 'spec.containers'));
  });
  (spec.containers ?? []).forEach((c: Obj, i: number) => {
    const other = containerIn.get(c?.name);
    if (other) out.push(diag(rules.containerConflict, s, ['spec', 'containers', i, 'name'], { container: c.name, other }, 'spec.containers'));
  });
  (spec.volumes ?? []).forEach((v: Obj, i: number) => {
    const theirs = volumeIn.get(v?.name);
    if (theirs && canonicalJson(theirs.volume) !== canonicalJson(v)) {
      out.push(diag(rules.volumeConflict, s, ['spec', 'volumes', i], { volume: v.name, other: theirs.other }, 'spec.volumes'));
    }
  });
  (spec.patchPodMetadata ?? []).forEach((p: Obj, i: number) => {
    if (p.patchPolicy === 'Retain') return;
    for (const k of Object.keys(p.annotations ?? {})) {
      const theirs = annotationIn.get(k);
      if (theirs && (p.patchPolicy === 'Overwrite' || theirs.policy === 'Overwrite')) {
        out.push(diag(rules.annotationConflict, s, ['spec', 'patchPodMetadata', i, 'annotations', k], { key: k, other: theirs.other }, 'spec.patchPodMetadata'));
      }
    }
  });
  return out;
}

/** Can both SidecarSets select one pod? A missing namespaceSelector overlaps everything; a
 *  SidecarSet without selector selects nothing (and is reported on its own). */
function overlaps(a: Obj, b: Obj): boolean {
  if (!a.selector || !b.selector) return false;
  if (a.namespaceSelector && b.namespaceSelector && !isSelectorOverlapping(a.namespaceSelector, b.namespaceSelector)) return false;
  return isSelectorOverlapping(a.selector, b.selector);
}
