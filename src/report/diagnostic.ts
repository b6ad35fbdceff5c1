// One diagnostic model for every phase. Phases return diagnostics as data and never print
// them; positions (line:col) are filled in late by the report layer, from `origin` + `path`,
// so that only files with a diagnostic are ever re-parsed for source positions.
import type { FieldPath, Origin } from '../api/resource.js';
import { compareStrings } from '../util/compare.js';

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** Stable kebab-case id from the catalogue (src/report/catalogue). Renaming one is breaking. */
  ruleId: string;
  severity: Severity;
  message: string;
  /** What to do about it. */
  hint?: string;
  /** The resource the diagnostic is about (file + document), if any. */
  origin?: Origin;
  /** Field path inside that resource, e.g. ['spec','containers',0,'image']. */
  path?: FieldPath;
  /** Filled in by the report layer (1-based). */
  file?: string;
  line?: number;
  col?: number;
  endLine?: number;
  endCol?: number;
  /** Object the diagnostic is about, for messages: `SidecarSet logtail`. */
  subject?: string;
}

export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === 'error');
}

/** Order diagnostics deterministically: by file, then position, then rule id. */
export function sortDiagnostics(diags: Diagnostic[]): Diagnostic[] {
  return diags.sort((a, b) =>
    compareStrings(a.file ?? a.origin?.file ?? '', b.file ?? b.origin?.file ?? '') ||
    (a.origin?.doc ?? 0) - (b.origin?.doc ?? 0) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.col ?? 0) - (b.col ?? 0) ||
    compareStrings(a.ruleId, b.ruleId) ||
    compareStrings(a.message, b.message));
}

