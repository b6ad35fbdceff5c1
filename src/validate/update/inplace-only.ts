// InPlaceOnly on update (Kruise: CloneSet core ValidateCloneSetUpdate for v1alpha1, and
// validateTemplateInPlaceOnly of the Advanced StatefulSet webhook): a JSON patch from the base
// template.spec to the head's may only `replace /containers/N/image`. This finds the first
// operation of that patch that is anything else. Go marshals empty optional fields away, so
// values compare by semantic form.
import { isObj, semanticEqual, semanticForm } from '../../util/json.js';
import { shortJson } from './changes.js';

export interface ForbiddenOp { op: 'add' | 'remove' | 'replace'; path: string; base: string }

const IMAGE = /^\/containers\/[0-9]+\/image$/;

export function firstNonImageChange(base: unknown, head: unknown): ForbiddenOp | undefined {
  return walk(semanticForm(base), semanticForm(head), '');
}

function walk(b: unknown, h: unknown, path: string): ForbiddenOp | undefined {
  if (semanticEqual(b, h)) return undefined;
  if (b === undefined) return { op: 'add', path, base: 'absent' };
  if (h === undefined) return { op: 'remove', path, base: shortJson(b) };
  if (isObj(b) && isObj(h)) {
    for (const k of [...new Set([...Object.keys(b), ...Object.keys(h)])].sort()) {
      const r = walk(b[k], h[k], `${path}/${escape(k)}`);
      if (r) return r;
    }
    return undefined;
  }
  if (Array.isArray(b) && Array.isArray(h)) {
    for (let i = 0; i < Math.min(b.length, h.length); i++) {
      const r = walk(b[i], h[i], `${path}/${i}`);
      if (r) return r;
    }
    if (h.length === b.length) return undefined;
    return h.length > b.length ? { op: 'add', path: `${path}/${b.length}`, base: 'absent' } : { op: 'remove', path: `${path}/${h.length}`, base: shortJson(b[h.length]) };
  }
  return IMAGE.test(path) ? undefined : { op: 'replace', path, base: shortJson(b) };
}

function escape(k: string): string {
  return k.replace(/~/g, '~0').replace(/\//g, '~1');
}
