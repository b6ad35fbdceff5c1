// kruisec's command line: flags in, one phase pipeline, printed results, an exit code.
// 0 = ok, 1 = the input is invalid, 2 = usage or environment error. Never a stack trace.
import { Command, CommanderError, Option } from 'commander';
import { runPlan, runRender, runValidate, type Io } from './commands.js';
import { UsageError } from './options.js';
import { VERSION } from './version.js';
import { installSignalCleanup, OutputError } from '../util/atomic-write.js';
import { descriptorWriter } from './stdio.js';

const FORMAT_HELP = 'diagnostics format: text, json, sarif, github, junit, markdown';

function common(cmd: Command): Command {
  return cmd
    .option('-f, --format <format>', FORMAT_HELP, 'text')
    .option('--strict', 'unknown fields (which the API server would prune) are errors, not warnings')
    .option('--fail-on <severity>', 'fail (exit 1) on error (default) or warning')
    .option('-c, --config <file>', 'cluster facts file (default: the first kruisec.yaml from the folder holding every input up to the working directory or repository root)')
    .option('--kruise-namespace <ns>', 'namespace Kruise runs in (default kruise-system)')
    .option('--kruise-version <version>', 'Kruise version the manifests target')
    .option('--feature-gates <gates>', 'Kruise feature gates, e.g. EnableSortSidecarContainerByName=true')
    .option('--namespace-labels <spec...>', 'labels of namespaces not declared in the repo: <ns>=<k>=<v>[,<k>=<v>]')
    .option('--gitignore', 'skip files ignored by .gitignore')
    .option('--color', 'colour the text format')
    .option('--verbose', 'also print info diagnostics (notes on what kruisec could not judge offline) and which kruisec.yaml was read');
}

/** The commands that compare the head repo with a base (plan, diff). */
function withBase(cmd: Command): Command {
  return cmd
    .argument('[paths...]', 'the head repo: files, folders or globs', [])
    .option('--base <dir>', 'the base repo (what the cluster runs now)')
    .option('--base-ref <ref>', 'the base repo as a git revision, e.g. origin/main');
}

/** The program; with `only`, a command's name, just that command besides the program's own
 *  flags (with the version flag, no command). Declaring a command builds an Option per flag (some 140 in all), which a run of one
 *  command paid for all of; what commander prints (help, errors, suggestions) for a run of
 *  that command reads that command alone, so it is the same either way. */
export async function buildProgram(io: Io, setCode: (code: number) => void, only?: string): Promise<Command> {
  const program = new Command('kruisec')
    .description('Validate, render and plan OpenKruise manifests before the cluster does.')
    .version(VERSION, '-v, --version')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });

  const commands: Record<string, () => void> = {
    validate: () => common(program.command('validate').description('check manifests against schemas and Kruise admission rules'))
      .argument('[paths...]', 'files, folders, globs, or - for stdin', [])
      .action(async (paths: string[], flags) => setCode(await runValidate(paths, flags, io))),

    render: () => common(program.command('render').description('print what the cluster will run: SidecarSets injected, UnitedDeployments expanded'))
      .argument('[paths...]', 'files, folders, globs, or - for stdin', [])
      .option('--explain', 'instead of manifests, print which SidecarSets were injected where and why, and how UnitedDeployments were split')
      .option('-o, --out <file>', 'write the YAML stream to a file (atomically) instead of stdout')
      .addOption(new Option('--form <form>', 'preview: what the cluster will run; apply: what to apply (as written, SidecarSets as stored, nothing the controllers or the pod webhook add)').default('preview'))
      .option('--materialize', 'with --form apply: inject sidecars into pod templates, for clusters where Kruise\'s pod webhook is off')
      .action(async (paths: string[], flags) => setCode(await runRender(paths, flags, io))),

    plan: () => withBase(common(program.command('plan').description('compile a change into staged rollout manifests')))
      .addOption(new Option('--output <output>', 'json | markdown | argocd | dir=<path>').default('json'))
      .action(async (paths: string[], flags) => setCode(await runPlan(paths, flags, io))),

    diff: () => withBase(common(program.command('diff').description('show what the cluster will run differently: base and head rendered, diffed per workload')))
      .addOption(new Option('--output <format>', 'text | markdown | json').default('text'))
      .option('--max-chars <n>', 'markdown: cap the text at n characters (default 65536, a GitHub comment; 0: no cap)')
      .option('--exit-code', 'exit 1 when anything changes, as git diff --exit-code does')
      .option('--no-color', 'never colour the text output (default: colour on a terminal)')
      .action(async (paths: string[], flags) => setCode(await (await import('./diff.js')).runDiff(paths, flags, io))),

    fn: () => {
      const fn = program.command('fn').description('run as a KRM function for kpt and kustomize: a ResourceList (or YAML stream) on stdin, the same on stdout');
      for (const [mode, what] of [['validate', 'the items unchanged, with a result per diagnostic; exit 1 on errors'], ['render', 'the items in their apply form (functionConfig materialize: true injects sidecars)']] as const) {
        fn.command(mode).description(`${what} (docs/krm-functions.md)`)
          .argument('[config]', 'functionConfig file (kustomize passes its exec plugins one); default: the ResourceList\'s functionConfig')
          .action(async (config: string | undefined) => setCode(await (await import('./fn.js')).runFn(mode, config, io)));
      }
    },
  };

  if (only !== undefined && Object.prototype.hasOwnProperty.call(commands, only)) commands[only]();
  else if (only === '-v' || only === '--version') {
    // commander prints the version as it reads the flag, before it looks for a command.
  } else {
    for (const declare of Object.values(commands)) declare();
    // The cluster commands' module (and through it the reconcile phase) is loaded only when
    // they may run or a help text lists them.
    (await import('./reconcile.js')).registerReconcileCommands(program, common, io, setCode);
  }
  return program;
}

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  let code = 0;
  // A run that names a command first (`kruisec render ...`) declares that command alone.
  try {
    const program = await buildProgram(io, (c) => { code = c; }, argv[0]);
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end here with exit code 0; usage mistakes with 1 -> 2.
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof UsageError || e instanceof OutputError || (e as Error)?.constructor?.name === 'InputError') {
      io.err(`kruisec: ${(e as Error).message}\n`);
      return 2;
    }
    io.err(`kruisec: internal error: ${(e as Error)?.message ?? String(e)}\n` +
      'This is a bug in kruisec, not in your manifests. Please report it with the input that caused it' +
      ' (set KRUISEC_DEBUG=1 to see the stack).\n');
    if (process.env.KRUISEC_DEBUG) io.err(`${(e as Error)?.stack ?? ''}\n`);
    return 2;
  }
}

/** The real process's standard output and error. A reader that stops reading
 *  (`kruisec render | head -1`) ends kruisec quietly, as it would a C program killed by
 *  SIGPIPE; a signal removes the temp files of a write under way. */
function defaultIo(): Io {
  const gone = () => process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  const guard = (stream: NodeJS.WriteStream): NodeJS.WriteStream => stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') gone();
    throw e;
  });
  installSignalCleanup();
  return {
    out: descriptorWriter(1, () => guard(process.stdout), gone),
    err: descriptorWriter(2, () => guard(process.stderr), gone),
    cwd: process.cwd(),
    // A getter: only diff and reconcile ask, and asking builds process.stdout.
    get tty() { return process.stdout.isTTY === true && !process.env.NO_COLOR; },
  };
}
