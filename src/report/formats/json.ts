// Machine-readable diagnostics. The shape is documented in docs/output-formats.md and is
// versioned: every key is always present (null when unknown), in this order.
import type { Diagnostic } from '../diagnostic.js';
import type { FormatContext } from './types.js';
import { countBySeverity, displayPath, fileOf, ordered, toPointer, type PathBase } from './shared.js';

export const JSON_FORMAT_VERSION = 1;

export interface JsonDiagnostic {
  ruleId: string;
  severity: Diagnostic['severity'];
  message: string;
  hint: string | null;
  file: string | null;
  line: number | null;
  column: number | null;
  endLine: number | null;
  endColumn: number | null;
  /** RFC 6901 JSON pointer into the resource, e.g. `/spec/containers/0/image`. */
  fieldPath: string | null;
  /** The object it is about, e.g. `CloneSet shop/cart`. */
  subject: string | null;
}

export interface JsonReport {
  version: number;
  diagnostics: JsonDiagnostic[];
  summary: { errors: number; warnings: number; infos: number };
}

export function toJsonDiagnostic(d: Diagnostic, base: PathBase): JsonDiagnostic {
  const file = fileOf(d);
  return {
    ruleId: d.ruleId,
    severity: d.severity,
    message: d.message,
    hint: d.hint ?? null,
    file: file === undefined ? null : displayPath(file, base),
    line: d.line ?? null,
    column: d.col ?? null,
    endLine: d.endLine ?? null,
    endColumn: d.endCol ?? null,
    fieldPath: d.path ? toPointer(d.path) : null,
    subject: d.subject ?? null,
  };
}

export function formatJson(diags: readonly Diagnostic[], ctx: FormatContext): string {
  const report: JsonReport = {
    version: JSON_FORMAT_VERSION,
    diagnostics: ordered(diags, ctx).map((d) => toJsonDiagnostic(d, ctx)),
    summary: countBySeverity(diags),
  };
  return JSON.stringify(report, null, 2) + '\n';
}
