// The name rule the BroadcastJob and AdvancedCronJob webhooks add to ValidateObjectMeta:
// letters, digits and dashes, at most 63 characters.
import type { Resource } from '../../api/resource.js';
import { at, report } from '../../report/catalogue/rule.js';
import * as rules from '../../report/catalogue/broadcastjob.js';
import type { Diagnostic } from '../../report/diagnostic.js';

const NAME = /^[a-zA-Z0-9-]+$/;

export function checkJobName(res: Resource): Diagnostic[] {
  const name = res.obj.metadata?.name;
  if (typeof name !== 'string' || name === '') return [];
  const reasons: string[] = [];
  if (!NAME.test(name)) reasons.push(`${JSON.stringify(name)} may contain only letters, digits and "-"`);
  if (name.length > 63) reasons.push(`must be no more than 63 characters, found ${name.length}`);
  return reasons.map((reason) => report(rules.name, { kind: res.obj.kind, reason }, at(res, ['metadata', 'name'])));
}
