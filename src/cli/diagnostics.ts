// The diagnostics of a run: which are shown, how they print in the chosen format, and the exit
// code they give.
import type { LoadResult } from '../load/index.js';
import type { Diagnostic } from '../report/diagnostic.js';
import { type CommonFlags, parseFailOn, parseFormat } from './options.js';
import { VERSION } from './version.js';

/** Positions resolved, sorted, formatted. Returns the text to print (may be empty). */
export async function formatDiagnostics(diags: readonly Diagnostic[], loaded: LoadResult | undefined, flags: CommonFlags, cwd = process.cwd()): Promise<string> {
  const [{ locateDiagnostics }, { sortDiagnostics }, { createFormatter }, { uncheckedKinds }] = await Promise.all([
    import('../report/locate.js'), import('../report/diagnostic.js'), import('../report/formats/index.js'), import('../validate/index.js'),
  ]);
  const shown = shownDiagnostics(diags, flags);
  const located = loaded ? locateDiagnostics(shown, loaded.sources) : [...shown];
  const formatter = await createFormatter(parseFormat(flags.format), {
    toolVersion: VERSION,
    color: flags.color ?? false,
    cwd,
    source: (file: string) => loaded?.sources.text(file),
    summary: loaded ? { files: loaded.files.length, resources: loaded.resources.length, unchecked: uncheckedSummary(uncheckedKinds(loaded.resources)) } : undefined,
  });
  for (const d of sortDiagnostics(located)) formatter.add(d);
  return formatter.flush();
}

function uncheckedSummary(kinds: readonly { objects: number }[]): { objects: number; kinds: number } {
  return { objects: kinds.reduce((n, k) => n + k.objects, 0), kinds: kinds.length };
}

/** Info diagnostics are notes, shown with --verbose only; dropping them before positions are
 *  recovered also spares a second parse of every file they mention. */
export function shownDiagnostics(diags: readonly Diagnostic[], flags: CommonFlags): readonly Diagnostic[] {
  return flags.verbose ? diags : diags.filter((d) => d.severity !== 'info');
}

/** 1 when the diagnostics fail the run (errors, or warnings with --fail-on warning). */
export function exitCodeFor(diags: readonly Diagnostic[], flags: CommonFlags): 0 | 1 {
  const failOn = parseFailOn(flags.failOn);
  return diags.some((d) => d.severity === 'error' || (failOn === 'warning' && d.severity === 'warning')) ? 1 : 0;
}
