// `kruisec diff`: render the base and the head, and show per workload what the cluster will
// run differently. Exit 0 when it ran, changes or not (1 with --exit-code when something
// changes, as `git diff --exit-code`), 1 when the head is invalid, 2 on usage errors.
import type { Resource } from '../api/resource.js';
import type { Diagnostic } from '../report/diagnostic.js';
import type { DiffFormat, DiffResult } from '../report/diff/index.js';
import type { LoadResult } from '../load/index.js';
import { openBase, type BaseFlags } from './base.js';
import type { Io } from './commands.js';
import { type CommonFlags, UsageError } from './options.js';
import { exitCodeFor, formatDiagnostics, shownDiagnostics } from './diagnostics.js';
import { admit, loadInputs } from './inputs.js';

/** GitHub's limit on a comment body, the default cap of the Markdown output. */
export const COMMENT_LIMIT = 65_536;

export interface DiffFlags extends CommonFlags, BaseFlags {
  output?: string;
  maxChars?: string;
  exitCode?: boolean;
}

export interface DiffRun {
  /** 0, or 1 when the head is invalid (then there is no result). */
  code: 0 | 1;
  /** The head's diagnostics, formatted; shown only when `shown` is true. */
  report: string;
  shown: boolean;
  /** Errors in the base: the objects they reject count as added. */
  baseErrors: number;
  result?: DiffResult;
}

/** Loads, validates and renders both sides and diffs them; prints nothing. The GitHub Action
 *  calls this too, so that it formats one result several ways without rendering again. */
export async function computeDiff(paths: readonly string[], flags: DiffFlags, cwd: string): Promise<DiffRun> {
  if (!flags.base && !flags.baseRef) throw new UsageError('diff needs a base: --base <dir> or --base-ref <git revision>');
  if (flags.base && flags.baseRef) throw new UsageError('give --base or --base-ref, not both');
  const loaded = await loadInputs(paths, flags, cwd);
  const head = await renderSide(loaded, flags);
  const code = exitCodeFor(head.diagnostics, flags);
  const report = await formatDiagnostics(head.diagnostics, loaded, flags, cwd);
  const shown = report !== '' && shownDiagnostics(head.diagnostics, flags).length > 0;
  if (code !== 0) return { code, report, shown, baseErrors: 0 };

  const tree = (await openBase(paths, flags, cwd))!;
  try {
    // Each side is read with its own kruisec.yaml: a change to the cluster facts is a change.
    const base = tree.paths.length ? await renderSide(await loadInputs(tree.paths, flags, tree.dir), flags) : { resources: [], diagnostics: [] };
    const { diffResources } = await import('../report/diff/index.js');
    return {
      code, report, shown,
      baseErrors: base.diagnostics.filter((d) => d.severity === 'error').length,
      result: diffResources(base.resources, head.resources),
    };
  } finally {
    tree.cleanup();
  }
}

async function renderSide(loaded: LoadResult, flags: CommonFlags): Promise<{ resources: Resource[]; diagnostics: Diagnostic[] }> {
  const [admitted, { render }] = await Promise.all([admit(loaded, flags), import('../render/index.js')]);
  const rendered = render(admitted.admitted, { cluster: loaded.facts, explain: false });
  return { resources: rendered.resources, diagnostics: [...loaded.diagnostics, ...admitted.diagnostics, ...rendered.diagnostics] };
}

export async function runDiff(paths: string[], flags: DiffFlags, io: Io): Promise<number> {
  const format = parseDiffOutput(flags.output ?? 'text');
  const maxChars = parseMaxChars(flags.maxChars);
  const run = await computeDiff(paths, flags, io.cwd);
  if (run.shown) io.err(run.report);
  if (!run.result) return run.code;
  if (run.baseErrors) {
    io.err(`kruisec: warning: the base has ${run.baseErrors} error${run.baseErrors === 1 ? '' : 's'} (run kruisec validate on it); objects it rejects show as added\n`);
  }
  const { formatDiff } = await import('../report/diff/index.js');
  io.out(formatDiff(run.result, format, {
    color: flags.color ?? io.tty ?? false,
    maxChars: maxChars === 0 ? undefined : maxChars,
    more: 'Run `kruisec diff` for the whole diff.',
  }));
  return flags.exitCode && run.result.workloads.length ? 1 : 0;
}

export function parseDiffOutput(v: string): DiffFormat {
  if (v === 'text' || v === 'markdown' || v === 'json') return v;
  throw new UsageError(`--output must be text, markdown or json, got ${JSON.stringify(v)}`);
}

/** --max-chars: a whole number; 0 means no cap. Below 1,000 nothing useful fits. */
export function parseMaxChars(v: string | undefined): number {
  if (v === undefined) return COMMENT_LIMIT;
  if (!/^\d+$/.test(v) || (Number(v) !== 0 && Number(v) < 1000)) throw new UsageError(`--max-chars must be 0 (no cap) or a whole number of at least 1000, got ${JSON.stringify(v)}`);
  return Number(v);
}
