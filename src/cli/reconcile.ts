// `kruisec reconcile | approve | status`: flags -> the reconcile phase -> printed progress and
// an exit code (0 rolled out / approved, 1 stalled, 2 usage or environment).
import { type Command, Option } from 'commander';
import type { Stage } from '../plan/index.js';
import { type Io, compilePlan } from './commands.js';
import { type CommonFlags, UsageError } from './options.js';
import { formatDiagnostics } from './diagnostics.js';

export interface ClusterFlags {
  kubeconfig?: string;
  context?: string;
  namespace?: string;
}

export interface ReconcileFlags extends CommonFlags, ClusterFlags {
  base?: string;
  baseRef?: string;
  name: string;
  timeout: string;
  workers: string;
  watch?: boolean;
  pollInterval: string;
  dryRun?: boolean;
  forceConflicts?: boolean;
  leaseDuration: string;
  output: string;
}

/** `90`, `90s`, `10m`, `1h`, `500ms` -> milliseconds. */
export function parseDuration(flag: string, v: string): number {
  const m = /^(\d+)(ms|s|m|h)?$/.exec(v.trim());
  if (!m) throw new UsageError(`${flag}: expected a duration like 30s, 10m or 1h, got ${JSON.stringify(v)}`);
  const n = Number(m[1]);
  return n * ({ ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] ?? 's'] ?? 1000);
}

function parseCount(flag: string, v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new UsageError(`${flag}: expected a whole number from 1 to 64, got ${JSON.stringify(v)}`);
  return n;
}

function parseRolloutName(v: string): string {
  // It becomes part of a ConfigMap and Lease name (a DNS subdomain).
  if (!/^[a-z0-9]([-a-z0-9]{0,40}[a-z0-9])?$/.test(v)) throw new UsageError(`--name: lower-case letters, digits and '-', at most 42 characters, got ${JSON.stringify(v)}`);
  return v;
}

function progressFormat(output: string, tty: boolean): 'json' | 'tty' | 'plain' {
  if (output === 'json') return 'json';
  if (output !== 'text') throw new UsageError(`--output must be text or json, got ${JSON.stringify(output)}`);
  return tty ? 'tty' : 'plain';
}

/** The stages: from a folder `plan --output dir=` wrote, or planned here from head and base. */
async function stagesFrom(paths: string[], flags: ReconcileFlags, io: Io): Promise<{ stages?: Stage[]; code: number }> {
  const r = await import('../reconcile/index.js');
  if (paths.length === 1 && r.isPlanDir(paths[0], io.cwd)) {
    if (flags.base || flags.baseRef) throw new UsageError(`${paths[0]} is a planned folder (plan.json): --base/--base-ref do not apply`);
    const { stages, diagnostics } = await r.readPlanDir(paths[0], io.cwd);
    if (diagnostics.length) {
      io.err(await formatDiagnostics(diagnostics, undefined, flags, io.cwd));
      return { code: 1 };
    }
    return { stages, code: 0 };
  }
  const planned = await compilePlan(paths, flags, io);
  return { stages: planned.result?.stages, code: planned.code };
}

export async function runReconcile(paths: string[], flags: ReconcileFlags, io: Io): Promise<number> {
  const format = progressFormat(flags.output, io.tty ?? false);
  const opts = {
    rollout: parseRolloutName(flags.name),
    workers: parseCount('--workers', flags.workers),
    stageTimeoutMs: parseDuration('--timeout', flags.timeout),
    pollIntervalMs: parseDuration('--poll-interval', flags.pollInterval),
    leaseDurationSeconds: Math.max(1, Math.round(parseDuration('--lease-duration', flags.leaseDuration) / 1000)),
  };
  const first = await stagesFrom(paths, flags, io);
  if (!first.stages) return first.code;
  const r = await import('../reconcile/index.js');
  const printer = r.progressPrinter(format, (s) => io.out(s));
  const abort = new AbortController();
  const onSignal = () => abort.abort();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await explained(io, async () => {
      const result = await r.reconcile({
        ...opts, stages: first.stages!, target: flags, namespace: flags.namespace,
        forceConflicts: flags.forceConflicts ?? false, dryRun: flags.dryRun ?? false, watch: flags.watch ?? false,
        replan: async () => {
          const again = await stagesFrom(paths, flags, io);
          if (!again.stages) throw new UsageError('the inputs do not plan without errors (above)');
          return again.stages;
        },
        progress: printer, signal: abort.signal,
      });
      printer.end();
      if (result.outcome === 'done') return 0;
      if (result.outcome === 'stalled') return 1;
      if (flags.watch) return 0; // stopped by a signal: a controller's normal shutdown
      io.err('kruisec: interrupted; run the same command again to resume\n');
      return 2;
    }, () => printer.end());
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

export interface ApproveFlags extends ClusterFlags {}

export async function runApprove(name: string | undefined, flags: ApproveFlags, io: Io): Promise<number> {
  return explained(io, async (r) => {
    const a = await r.approve({ target: flags, rollout: name === undefined ? undefined : parseRolloutName(name), namespace: flags.namespace });
    io.out(`approved stage ${a.stage + 1}/${a.stages} of rollout ${a.rollout} (namespace ${a.namespace})\n`);
    return 0;
  });
}

type Phase = typeof import('../reconcile/index.js');

/** Runs a cluster command; an error the reconcile phase can explain (credentials, RBAC, no
 *  such rollout, ...) becomes one line and its exit code, anything else stays a bug. */
async function explained(io: Io, run: (r: Phase) => Promise<number>, onError?: () => void): Promise<number> {
  const r = await import('../reconcile/index.js');
  try {
    return await run(r);
  } catch (e) {
    onError?.();
    const f = r.failureMessage(e);
    if (!f) throw e;
    io.err(`kruisec: ${f.message}\n`);
    return f.code;
  }
}

export interface StatusFlags extends ClusterFlags {
  output: string;
}

export async function runStatus(name: string | undefined, flags: StatusFlags, io: Io): Promise<number> {
  if (flags.output !== 'text' && flags.output !== 'json') throw new UsageError(`--output must be text or json, got ${JSON.stringify(flags.output)}`);
  return explained(io, async (r) => {
    const all = await r.status({ target: flags, rollout: name === undefined ? undefined : parseRolloutName(name), namespace: flags.namespace });
    if (flags.output === 'json') io.out(`${JSON.stringify({ rollouts: all }, null, 2)}\n`);
    else io.out(all.length === 0 ? 'no rollouts\n' : all.map(statusText).join('\n'));
    return 0;
  });
}

type RolloutStatus = Awaited<ReturnType<typeof import('../reconcile/index.js')['status']>>[number];

function statusText(s: RolloutStatus): string {
  const st = s.state;
  const lines = [
    `rollout ${s.rollout} (namespace ${s.namespace})`,
    `  plan:     ${st.plan.slice(0, 12)}, ${st.stages} stages${st.restarts ? `, restarted ${st.restarts}x (${st.restartReason ?? ''})` : ''}`,
    `  stage:    ${st.stage + 1}/${st.stages} ${st.phase}${st.phase === 'ready' && st.readyAt ? ` since ${st.readyAt}` : st.phase === 'progressing' ? ` since ${st.startedAt}` : ''}`,
    `  waiting:  ${s.waiting}`,
    `  lease:    ${s.leaseHolder ? `held by ${s.leaseHolder}` : 'free'}`,
  ];
  for (const w of s.workloads) {
    const detail = w.state === 'waiting' ? `; waiting for ${w.waitingFor}` : w.state === 'stalled' ? `: ${w.reason}\n      what to do: ${w.hint}` : '';
    lines.push(`    ${w.workload}: ${w.state}${w.progress ? `, ${w.progress}` : ''}${detail}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The three commands, with the flags kubectl users expect (--kubeconfig, --context, --namespace). */
export function registerReconcileCommands(program: Command, common: (cmd: Command) => Command, io: Io, setCode: (code: number) => void): void {
  const cluster = (cmd: Command) => cmd
    .option('--kubeconfig <file>', 'kubeconfig file (default: KUBECONFIG, ~/.kube/config, then the in-cluster service account)')
    .option('--context <name>', 'kubeconfig context (default: its current context)')
    .option('--namespace <ns>', "namespace of the rollout's state ConfigMap and Lease (default: the context's)");

  cluster(common(program.command('reconcile').description('apply a plan stage by stage to a cluster, waiting for each to converge and for its gate')))
    .argument('[paths...]', 'the head repo (planned against --base/--base-ref), or a folder written by plan --output dir=', [])
    .option('--base <dir>', 'the base repo (what the cluster runs now)')
    .option('--base-ref <ref>', 'the base repo as a git revision')
    .option('--name <name>', 'name of the rollout (its state is ConfigMap kruisec-rollout-<name>)', 'default')
    .option('--timeout <duration>', 'how long one stage may take to converge', '10m')
    .option('--workers <n>', 'objects handled at once', '4')
    .option('--watch', 'keep running: wait for the lease as a standby, and after a rollout for the inputs to change')
    .option('--poll-interval <duration>', 'with --watch, how often the inputs are planned again', '30s')
    .option('--dry-run', 'send every stage as a server-side dry run; change nothing')
    .option('--force-conflicts', 'take over fields other writers own (not only those of earlier applies)')
    .option('--lease-duration <duration>', 'how long a crashed reconciler on another host blocks the next', '15s')
    .addOption(new Option('--output <output>', 'progress: text (a live line on a terminal, timestamped lines otherwise) or json (one event per line)').default('text'))
    .action(async (paths: string[], flags) => setCode(await runReconcile(paths, flags, io)));

  cluster(program.command('approve').description('pass the manual approval gate a rollout waits at'))
    .argument('[name]', 'the rollout (default: the only one waiting)')
    .action(async (name: string | undefined, flags) => setCode(await runApprove(name, flags, io)));

  cluster(program.command('status').description('where a rollout is: stage, gate, and what each workload reports'))
    .argument('[name]', 'the rollout (default: every rollout in the namespace)')
    .addOption(new Option('--output <output>', 'text or json').default('text'))
    .action(async (name: string | undefined, flags) => setCode(await runStatus(name, flags, io)));

}
