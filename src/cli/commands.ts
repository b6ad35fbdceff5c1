// The commands: each calls the phases in order (load, default, validate, then render or
// plan), prints, and picks the exit code.
import { resolve } from 'node:path';
import type { Resource } from '../api/resource.js';
import type { LoadResult } from '../load/index.js';
import type { Diagnostic } from '../report/diagnostic.js';
import type { PlanResult } from '../plan/index.js';
import { type CommonFlags, parseFormat, parsePlanOutput, UsageError } from './options.js';
import { exitCodeFor, formatDiagnostics, shownDiagnostics } from './diagnostics.js';
import { admit, loadInputs } from './inputs.js';
import { type BaseTree, openBase } from './base.js';
import { writeFileAtomically, writeTreeAtomically } from '../util/atomic-write.js';

export interface Io {
  /** Standard output: text, or bytes already encoded as UTF-8 (render's YAML stream). */
  out(text: string | Uint8Array): void;
  err(text: string): void;
  cwd: string;
  /** Standard output is a terminal that takes colour (and NO_COLOR is unset); reconcile
   *  rewrites a live progress line there. */
  tty?: boolean;
  /** Standard input for `kruisec fn` (default: the process's). */
  stdin?: () => string | Uint8Array;
}

export async function runValidate(paths: string[], flags: CommonFlags, io: Io): Promise<number> {
  const loaded = await loadInputs(paths, flags, io.cwd, io.err);
  const result = await admit(loaded, flags);
  const diags = [...loaded.diagnostics, ...result.diagnostics];
  io.out(await formatDiagnostics(diags, loaded, flags, io.cwd));
  return exitCodeFor(diags, flags);
}

export interface RenderFlags extends CommonFlags {
  explain?: boolean;
  out?: string;
  /** preview (default): what the cluster will run; apply: what to hand the API server. */
  form?: string;
  materialize?: boolean;
}

function renderForm(flags: RenderFlags): 'preview' | 'apply' {
  const form = flags.form ?? 'preview';
  if (form !== 'preview' && form !== 'apply') throw new UsageError(`--form must be apply or preview, got ${JSON.stringify(form)}`);
  if (flags.materialize && form !== 'apply') throw new UsageError('--materialize goes with --form apply (the preview always injects)');
  return form;
}

export async function runRender(paths: string[], flags: RenderFlags, io: Io): Promise<number> {
  const form = renderForm(flags);
  const loaded = await loadInputs(paths, flags, io.cwd, io.err);
  const [checked, { renderEach, applyFormEach }, { YamlStreamBuffer }] = await Promise.all([
    admit(loaded, flags), import('../render/index.js'), import('../k8s/yaml-writer.js'),
  ]);
  // Each resource is written out as soon as it is rendered; kept back if anything fails.
  const stream = flags.explain ? undefined : new YamlStreamBuffer();
  const opts = { cluster: loaded.facts, explain: flags.explain ?? false };
  const emit = (r: Resource) => stream?.add(r.obj);
  // The apply form starts from the manifests as written (it stores only SidecarSets itself).
  const rendered = form === 'apply'
    ? applyFormEach(loaded.resources.filter(checked.admits), { ...opts, materialize: flags.materialize ?? false }, emit)
    : renderEach(checked.admitted, opts, emit);
  const diags: Diagnostic[] = [...loaded.diagnostics, ...checked.diagnostics, ...rendered.diagnostics];
  const code = exitCodeFor(diags, flags);
  await reportToStderr(diags, loaded, { ...flags, format: flags.explain ? 'text' : flags.format }, io);
  if (code !== 0) return code; // nothing written half-way
  if (!stream) {
    const { formatExplain } = await import('../report/explain.js');
    io.out(formatExplain(rendered.explain, flags.format === 'json' ? 'json' : 'text'));
    return 0;
  }
  if (flags.out) writeFileAtomically(resolve(io.cwd, flags.out), Buffer.concat(stream.chunks()));
  else for (const chunk of stream.chunks()) io.out(chunk);
  return 0;
}

export interface PlanFlags extends CommonFlags {
  base?: string;
  baseRef?: string;
  output: string;
}

export async function runPlan(paths: string[], flags: PlanFlags, io: Io): Promise<number> {
  const output = parsePlanOutput(flags.output);
  const planned = await compilePlan(paths, flags, io);
  if (!planned.result) return planned.code;
  const formatted = (await import('../plan/index.js')).formatPlan(planned.result, output.kind);
  // dir= and argocd=<path> write one folder per stage; plain argocd prints them as one stream.
  if ('path' in output && output.path) writeTreeAtomically(resolve(io.cwd, output.path), formatted.files ?? {}, output.kind === 'dir' ? '--output dir=' : '--output argocd=');
  else if (formatted.stdout !== undefined) io.out(formatted.stdout);
  return 0;
}

/** load -> default -> validate -> plan of head against base, diagnostics printed to stderr; the result
 *  only when nothing failed (plan and reconcile share it). */
export async function compilePlan(paths: string[], flags: Omit<PlanFlags, 'output'>, io: Io): Promise<{ result?: PlanResult; code: number }> {
  const loaded = await loadInputs(paths, flags, io.cwd, io.err);
  const head = await admit(loaded, flags);
  const diags: Diagnostic[] = [...loaded.diagnostics, ...head.diagnostics];
  let base: Resource[] | undefined;
  let tree: BaseTree | undefined;
  try {
    tree = await openBase(paths, flags, io.cwd);
    if (tree) {
      const baseLoaded = tree.paths.length ? await loadInputs(tree.paths, { ...flags, config: undefined }, tree.dir) : undefined;
      // The base is judged with the head's cluster facts.
      const baseChecked = baseLoaded ? await admit({ ...baseLoaded, facts: loaded.facts }, flags) : undefined;
      base = baseLoaded && baseChecked ? baseLoaded.resources.filter(baseChecked.admits) : [];
      // What the cluster refuses when the base it holds becomes the head: stored forms both.
      if (baseChecked) diags.push(...(await import('../validate/index.js')).validateUpdates(baseChecked.admitted, head.admitted, loaded.facts));
    }
    const { plan } = await import('../plan/index.js');
    // Stages are manifests to apply: plan works on them as written, not as stored.
    const result = plan(loaded.resources.filter(head.admits), base, { cluster: loaded.facts });
    diags.push(...result.diagnostics);
    const code = exitCodeFor(diags, flags);
    await reportToStderr(diags, loaded, flags, io);
    return code === 0 ? { result, code } : { code };
  } finally {
    tree?.cleanup();
  }
}

/** Render and plan print diagnostics to stderr, and only when there are some to show: a clean
 *  run loads none of the code that locates and formats them. */
async function reportToStderr(diags: readonly Diagnostic[], loaded: LoadResult, flags: CommonFlags, io: Io): Promise<void> {
  parseFormat(flags.format); // a wrong --format is a usage error even with nothing to print
  if (shownDiagnostics(diags, flags).length === 0) return;
  const report = await formatDiagnostics(diags, loaded, flags, io.cwd);
  if (report) io.err(report);
}
