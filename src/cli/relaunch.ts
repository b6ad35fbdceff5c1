// Node gives V8 a pool of four background threads (--v8-pool-size) whatever the machine, and
// fixes it when Node starts. With fewer cores than that, V8's background compiles and garbage
// collection helpers take turns with the main thread, which does all of kruisec's work: on two
// vCPUs the 10k-workload render took 1.05-1.25 s, and 0.92-1.00 s with --v8-pool-size=0 (a
// pool sized from the cores), using less CPU too. The pool cannot be changed from inside, so
// a large run on a small machine starts Node once more with that flag, and the first process
// only waits and passes on the exit status and signals.
//
// Starting again costs about 80 ms (Node's own start, the size estimate, the spawn): at 1 MB
// of manifests that is what the smaller pool saves, at 10 MB the pool saves about 150 ms and
// the run ends 70 to 100 ms sooner. Hence the floor of 4 MB. KRUISEC_NO_RELAUNCH=1, or
// any --v8-pool-size already given (on the command line or in NODE_OPTIONS), keeps the run in
// the first process; so does running under a debugger or profiler.
//
// The second Node starts from the startup snapshot (snapshot.ts) when one fits. Node loads a
// snapshot only under the V8 flags it was built with, none (scripts/snapshot.mjs), and with
// any other (--max-old-space-size in NODE_OPTIONS, say) exits with 14 before running anything:
// so a run given Node flags of its own starts without it, and a 14 nobody foresaw is answered
// by starting once more without it.
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Commands that read a repository; the others (--version, help) are over before it would pay. */
const COMMANDS = new Set(['render', 'validate', 'plan', 'diff']);
export const RELAUNCH_MIN_BYTES = 4 * 1024 * 1024;
/** Node's default pool size: from this many cores on, the main thread has one of its own. */
const DEFAULT_POOL = 4;
const YAML_FILE = /\.ya?ml$/i;
const WATCHED = /^--(inspect|debug|cpu-prof|heap-prof|prof\b)/;

export interface LaunchContext {
  /** The CLI's arguments (after the script). */
  argv: readonly string[];
  /** The running script, started again. */
  script: string;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  execArgv: readonly string[];
  cores: number;
  /** The startup snapshot to begin the second Node from, if a usable one was built
   *  (snapshot-stamp.ts); asked only once the run is to start again. */
  snapshot?: () => string | undefined;
}

/** The arguments to start Node again with, or undefined to run in this process. */
export function relaunchArgs(ctx: LaunchContext): string[] | undefined {
  if (!COMMANDS.has(ctx.argv[0] ?? '') || ctx.env.KRUISEC_NO_RELAUNCH) return undefined;
  if (ctx.cores >= DEFAULT_POOL) return undefined;
  const nodeOptions = (ctx.env.NODE_OPTIONS ?? '').split(/\s+/);
  if ([...ctx.execArgv, ...nodeOptions].some((a) => a.startsWith('--v8-pool-size'))) return undefined;
  // A debugger or profiler attached to this process should see the work, not a wait.
  if (ctx.execArgv.some((a) => WATCHED.test(a))) return undefined;
  if (inputBytes(ctx.argv.slice(1), ctx.cwd, RELAUNCH_MIN_BYTES) < RELAUNCH_MIN_BYTES) return undefined;
  const ownFlags = ctx.execArgv.length > 0 || (ctx.env.NODE_OPTIONS ?? '').trim() !== '';
  const blob = ctx.env.KRUISEC_NO_SNAPSHOT || ownFlags ? undefined : ctx.snapshot?.();
  // From a snapshot, the process starts in the CLI's main(): there is no script to name.
  return [...ctx.execArgv, '--v8-pool-size=0', ...(blob ? ['--snapshot-blob', blob] : [ctx.script]), ...ctx.argv];
}

/** Bytes of manifests under the arguments that name files or folders, counted up to `enough`.
 *  Folders are walked as discover walks them (no dot entries, no node_modules). Globs, `-` and
 *  option values that name nothing count for nothing: this is an estimate, not the input. */
export function inputBytes(args: readonly string[], cwd: string, enough: number): number {
  let total = 0;
  const visit = (dir: string): void => {
    let entries;
    try { entries = readdirSync(dir, { withFileTypes: true }); } catch { return; }
    for (const e of entries) {
      if (total >= enough) return;
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      if (e.isDirectory()) visit(join(dir, e.name));
      else if (e.isFile() && YAML_FILE.test(e.name)) total += sizeOf(join(dir, e.name));
    }
  };
  for (const arg of args) {
    if (total >= enough) break;
    if (arg.startsWith('-')) continue;
    const path = resolve(cwd, arg);
    let st;
    try { st = statSync(path); } catch { continue; }
    if (st.isFile()) total += st.size;
    else if (st.isDirectory()) visit(path);
  }
  return total;
}

function sizeOf(file: string): number {
  try { return statSync(file).size; } catch { return 0; }
}

/** Node's exit status when it cannot load the startup snapshot it was given. */
export const SNAPSHOT_LOAD_FAILED = 14;

/** relaunch(args), and when Node could not load the snapshot those args name, relaunch once
 *  more with `withoutSnapshot()`. Nothing ran in the failed attempt, so nothing was printed
 *  but Node's own line on standard error. */
export async function relaunchWithFallback(args: readonly string[], withoutSnapshot: () => readonly string[] | undefined): Promise<number | undefined> {
  const code = await relaunch(args);
  if (code !== SNAPSHOT_LOAD_FAILED || !args.includes('--snapshot-blob')) return code;
  const again = withoutSnapshot();
  return again ? relaunch(again) : undefined;
}

/** Runs `node <args>` with this process's standard streams, passing on SIGINT, SIGTERM and
 *  SIGHUP, and resolves to its exit code; a child killed by a signal kills this process the
 *  same way. Undefined when Node could not be started again (then the caller runs the command
 *  itself). */
export async function relaunch(args: readonly string[]): Promise<number | undefined> {
  const { spawn } = await import('node:child_process');
  const child = spawn(process.execPath, args, { stdio: 'inherit' });
  const forward = (signal: NodeJS.Signals) => { child.kill(signal); };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const s of signals) process.on(s, forward);
  const outcome = await new Promise<{ code: number | null; signal: NodeJS.Signals | null } | undefined>((done) => {
    // Only a child that never started (no pid) is run here instead; one that ran has had its say.
    child.once('error', () => { if (child.pid === undefined) done(undefined); });
    child.once('exit', (code, signal) => done({ code, signal }));
  });
  for (const s of signals) process.off(s, forward);
  if (!outcome) return undefined;
  if (outcome.signal) process.kill(process.pid, outcome.signal);
  return outcome.code ?? 2;
}
