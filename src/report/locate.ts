// Turn each diagnostic's origin + field path into file:line:col. Done last, and only for
// the files that have diagnostics, because recovering positions costs a second parse.
import type { FieldPath, Origin } from '../api/resource.js';
import type { Diagnostic } from './diagnostic.js';

export interface Locator {
  locate(origin: Origin, path?: FieldPath): { line: number; col: number; endLine: number; endCol: number } | undefined;
}

export function locateDiagnostics(diags: readonly Diagnostic[], locator: Locator): Diagnostic[] {
  return diags.map((d) => {
    if (!d.origin || d.line !== undefined) return d.file || !d.origin ? d : { ...d, file: d.origin.file };
    const span = locator.locate(d.origin, d.path ?? []);
    return span ? { ...d, file: d.origin.file, ...span } : { ...d, file: d.origin.file };
  });
}
