// NodeImage admission (kruise pkg/webhook/nodeimage/validating/
// nodeimage_create_update_handler.go), after the mutating webhook's defaults (createdAt now,
// pullPolicy with timeout 600 s and 3 retries; not ttlSecondsAfterFinished). The webhook
// stops at the first problem, walking a Go map in no fixed order; kruisec walks the images
// by name, so it reports the first problem in that order.
import type { FieldPath, Resource } from '../../api/resource.js';
import { at, report } from '../../report/catalogue/rule.js';
import * as rules from '../../report/catalogue/nodeimage.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import { compareStrings } from '../../util/compare.js';
import { isObj } from '../../util/json.js';
import { objAt } from '../workloads/common.js';

const MAX_IMAGES = 256;

export function checkNodeImage(res: Resource): Diagnostic[] {
  const images = objAt(res.obj, 'spec', 'images');
  if (!images) return [];
  const problem = firstProblem(images);
  return problem ? [report(rules.images, { reason: problem[1] }, at(res, problem[0]))] : [];
}

function firstProblem(images: Record<string, unknown>): [FieldPath, string] | undefined {
  const base: FieldPath = ['spec', 'images'];
  const names = Object.keys(images).sort(compareStrings);
  if (names.length > MAX_IMAGES) return [base, `${names.length} images, more than ${MAX_IMAGES}`];
  for (const name of names) {
    if (name === '') return [[...base, name], 'an image name can not be empty'];
    const spec = images[name];
    const tags: unknown[] = isObj(spec) && Array.isArray(spec.tags) ? spec.tags : [];
    const seen = new Set<string>();
    for (let i = 0; i < tags.length; i++) {
      const t = isObj(tags[i]) ? (tags[i] as Record<string, any>) : {};
      const path: FieldPath = [...base, name, 'tags', i];
      const tag = typeof t.tag === 'string' ? t.tag : '';
      if (tag === '') return [[...path, 'tag'], `a tag of ${name} can not be empty`];
      if (seen.has(tag)) return [[...path, 'tag'], `tag ${tag} of ${name} is listed twice`];
      seen.add(tag);
      if (typeof t.version === 'number' && t.version < 0) return [[...path, 'version'], `version of ${name}:${tag} can not be less than 0`];
      const ttl = isObj(t.pullPolicy) ? t.pullPolicy.ttlSecondsAfterFinished : undefined;
      if (ttl === undefined || ttl === null) return [path, `pullPolicy.ttlSecondsAfterFinished of ${name}:${tag} must be set`];
    }
  }
  return undefined;
}
