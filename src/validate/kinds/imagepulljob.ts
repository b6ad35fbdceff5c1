// ImagePullJob and ImageListPullJob admission (kruise pkg/webhook/imagepulljob/validating,
// pkg/webhook/imagelistpulljob/validating), after the mutating webhook's defaults
// (completionPolicy.type Always, pullPolicy.timeoutSeconds 600). Like the webhooks, the checks
// stop at the first problem. The AdvancedCronJob webhook runs the same node, pod and image
// checks on its imageListPullJobTemplate, with completion rules of its own.
import type { FieldPath, Resource } from '../../api/resource.js';
import { parseImageReference } from '../../k8s/image-reference.js';
import { labelSelectorErrors, type LabelSelector } from '../../k8s/selector.js';
import { at, report, type Rule } from '../../report/catalogue/rule.js';
import * as rules from '../../report/catalogue/imagepulljob.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import { isObj, type Obj } from '../../util/json.js';
import { objAt, show } from '../workloads/common.js';

export interface Problem { rule: Rule<{ reason: string }>; reason: string; path: FieldPath }

const present = (v: unknown) => v !== undefined && v !== null;

export function checkImagePullJob(res: Resource): Diagnostic[] {
  const spec = objAt(res.obj, 'spec');
  if (!spec) return [];
  const list = res.obj.kind === 'ImageListPullJob';
  const p = imagePullJobError(spec, list, ['spec']) ?? parallelismError(spec) ?? completionError(spec, list);
  return p ? [report(p.rule, { reason: p.reason }, at(res, p.path))] : [];
}

/** Node and pod selection, then the image(s): the part every image-pulling webhook shares. */
export function imagePullJobError(spec: Obj, list: boolean, base: FieldPath): Problem | undefined {
  const sel = objAt(spec, 'selector');
  if (sel) {
    const hasLabels = present(sel.matchLabels) || present(sel.matchExpressions);
    if (hasLabels && present(sel.names)) return { rule: rules.selector, reason: 'selector may not set both names and labels', path: [...base, 'selector'] };
    if (hasLabels) {
      const e = labelSelectorErrors(sel as LabelSelector)[0];
      if (e) return { rule: rules.selector, reason: `selector.${e[0]}: ${e[1]}`, path: [...base, 'selector'] };
    }
    if (Array.isArray(sel.names) && new Set(sel.names).size !== sel.names.length) return { rule: rules.selector, reason: 'duplicate name in selector.names', path: [...base, 'selector', 'names'] };
  }
  const podSel = objAt(spec, 'podSelector');
  if (podSel) {
    if (sel) return { rule: rules.selector, reason: 'selector and podSelector may not both be set', path: [...base, 'podSelector'] };
    const e = labelSelectorErrors(podSel as LabelSelector)[0];
    if (e) return { rule: rules.selector, reason: `podSelector.${e[0]}: ${e[1]}`, path: [...base, 'podSelector'] };
  }
  if (!list) {
    const image = typeof spec.image === 'string' ? spec.image : '';
    if (image === '') return { rule: rules.image, reason: 'image can not be empty', path: [...base, 'image'] };
    if (!parseImageReference(image)) return { rule: rules.image, reason: `${JSON.stringify(image)} is not a valid image reference`, path: [...base, 'image'] };
    return undefined;
  }
  const images: unknown[] = Array.isArray(spec.images) ? spec.images : [];
  if (images.length === 0) return { rule: rules.image, reason: 'images can not be empty', path: [...base, 'images'] };
  const dup = images.findIndex((x, i) => images.indexOf(x) !== i);
  if (dup >= 0) return { rule: rules.image, reason: `${show(images[dup])} is listed twice`, path: [...base, 'images', dup] };
  if (images.length > 255) return { rule: rules.image, reason: `at most 255 images, found ${images.length}`, path: [...base, 'images'] };
  const bad = images.findIndex((x) => typeof x !== 'string' || !parseImageReference(x));
  if (bad >= 0) return { rule: rules.image, reason: `${show(images[bad])} is not a valid image reference`, path: [...base, 'images', bad] };
  return undefined;
}

function parallelismError(spec: Obj): Problem | undefined {
  const v = spec.parallelism;
  const path: FieldPath = ['spec', 'parallelism'];
  if (typeof v === 'number') return v < 0 ? { rule: rules.parallelism, reason: 'must be non-negative', path } : undefined;
  if (typeof v !== 'string') return undefined;
  if (v.endsWith('%')) return { rule: rules.parallelism, reason: `${show(v)}: percentages are not supported`, path };
  if (!/^[+-]?\d+$/.test(v) || Math.abs(Number(v)) > 2147483647) return { rule: rules.parallelism, reason: `${show(v)} is not a valid integer`, path };
  return Number(v) < 0 ? { rule: rules.parallelism, reason: 'must be non-negative', path } : undefined;
}

function completionError(spec: Obj, list: boolean): Problem | undefined {
  const cp = objAt(spec, 'completionPolicy') ?? {};
  const type = typeof cp.type === 'string' && cp.type !== '' ? cp.type : 'Always';
  const base: FieldPath = ['spec', 'completionPolicy'];
  if (type === 'Always') {
    if (list) return undefined;
    const pp = objAt(spec, 'pullPolicy');
    const timeout = typeof pp?.timeoutSeconds === 'number' ? pp.timeoutSeconds : 600;
    const ads = cp.activeDeadlineSeconds;
    if (typeof ads === 'number' && timeout > ads) return { rule: rules.completionPolicy, reason: `activeDeadlineSeconds ${ads} must be greater than pullPolicy.timeoutSeconds (${timeout})`, path: [...base, 'activeDeadlineSeconds'] };
    return undefined;
  }
  if (type === 'Never') {
    const f = present(cp.activeDeadlineSeconds) ? 'activeDeadlineSeconds' : present(cp.ttlSecondsAfterFinished) ? 'ttlSecondsAfterFinished' : undefined;
    return f ? { rule: rules.completionPolicy, reason: `${f} works only with type Always`, path: [...base, f] } : undefined;
  }
  return { rule: rules.completionPolicy, reason: `unknown completionPolicy type ${JSON.stringify(type)}`, path: [...base, 'type'] };
}

