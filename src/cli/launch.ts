// The entry bin/kruisec.js loads: decides, before anything else is loaded, whether the command
// runs in this process or in a Node started again with fewer V8 threads (relaunch.ts), then
// runs main() where it was decided. Kept apart from main.ts so that a run that is started
// again has not paid for loading the CLI first.
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { type LaunchContext, relaunchArgs, relaunchWithFallback } from './relaunch.js';
import { usableSnapshot } from './snapshot-stamp.js';

export async function launch(argv: string[]): Promise<number> {
  const ctx: LaunchContext = {
    argv, script: process.argv[1], cwd: process.cwd(), env: process.env, execArgv: process.execArgv, cores: availableParallelism(),
  };
  const args = relaunchArgs({ ...ctx, snapshot: () => usableSnapshot(packageRoot()) });
  const code = args ? await relaunchWithFallback(args, () => relaunchArgs(ctx)) : undefined;
  if (code !== undefined) return code;
  const { main } = await import('./main.js');
  return main(argv);
}

/** The package's folder: this code runs as dist/launch.js (scripts/bundle.mjs). */
function packageRoot(): string {
  return fileURLToPath(new URL('..', import.meta.url));
}
