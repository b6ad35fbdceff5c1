// A rule is a stable id, a severity and a message template. Call sites pass the rule and
// data, never free text, so messages stay testable and consistent.
import type { FieldPath, Origin, Resource } from '../../api/resource.js';
import { displayName, originOf } from '../../api/resource.js';
import type { Diagnostic, Severity } from '../diagnostic.js';

export interface Rule<D = Record<string, unknown>> {
  id: string;
  severity: Severity;
  /** One-line description for docs and SARIF rule metadata. */
  description: string;
  message: (data: D) => string;
  hint?: (data: D) => string;
}

export function defineRule<D = Record<string, unknown>>(rule: Rule<D>): Rule<D> {
  return rule;
}

export interface At {
  origin?: Origin;
  path?: FieldPath;
  subject?: string;
}

/** Where a diagnostic about `res` (optionally at `path`) should point. */
export function at(res: Resource | undefined, path?: FieldPath): At {
  if (!res) return { path };
  // Derived resources (e.g. UnitedDeployment subsets) point at their source document root
  // unless the caller passes a path that is valid there.
  return { origin: originOf(res), path: res.origin ? path : undefined, subject: displayName(res.obj) };
}

export function report<D>(rule: Rule<D>, data: D, where: At = {}, severity?: Severity): Diagnostic {
  const d: Diagnostic = { ruleId: rule.id, severity: severity ?? rule.severity, message: rule.message(data) };
  const hint = rule.hint?.(data);
  if (hint) d.hint = hint;
  if (where.origin) d.origin = where.origin;
  if (where.path) d.path = where.path;
  if (where.subject) d.subject = where.subject;
  return d;
}
