// `npm run emulator -- --kubeconfig <path> [--seed N] [--faults F] [--pod-start-ms MS] [--port P]`:
// runs the emulator in the foreground, writes a kubeconfig for it, prints "ready" once it
// listens, and stops on SIGTERM or SIGINT.
import { Command, InvalidArgumentError } from 'commander';
import { startEmulator } from './index.js';

function number(min: number, max: number) {
  return (v: string) => {
    const n = Number(v);
    if (v.trim() === '' || !Number.isFinite(n) || n < min || n > max) throw new InvalidArgumentError(`expected a number from ${min} to ${max}`);
    return n;
  };
}

const program = new Command('emulator')
  .description('Kubernetes API emulator with simulated OpenKruise controllers, for kruisec reconcile')
  .requiredOption('--kubeconfig <path>', 'where to write a kubeconfig for the emulator')
  .option('--seed <n>', 'seed of every random choice (uids, names, faults)', '1')
  .option('--faults <fraction>', 'fraction of requests answered with 409 / 500 / 504 or a dropped watch', number(0, 1), 0)
  .option('--pod-start-ms <ms>', 'how long a pod takes to become ready', number(0, 3_600_000), 100)
  .option('--port <port>', 'port on 127.0.0.1 (default: a free one)', number(0, 65535), 0)
  .option('--bookmark-ms <ms>', 'interval of watch bookmarks', number(10, 3_600_000), 1000)
  .showHelpAfterError();

async function main(): Promise<void> {
  program.exitOverride((e) => process.exit(e.exitCode === 0 ? 0 : 2));
  program.parse(process.argv);
  const o = program.opts<{ kubeconfig: string; seed: string; faults: number; podStartMs: number; port: number; bookmarkMs: number }>();
  const emu = await startEmulator({
    kubeconfigPath: o.kubeconfig, seed: /^\d+$/.test(o.seed) ? Number(o.seed) : o.seed, faults: o.faults,
    podStartMs: o.podStartMs, port: o.port, bookmarkMs: o.bookmarkMs,
  });
  process.stderr.write(`emulator: listening on ${emu.url}, kubeconfig ${emu.kubeconfigPath}\n`);
  process.stdout.write('ready\n');
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void emu.stop().then(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // SIGHUP: the API server restarts with its state (watches cut, old resourceVersions gone).
  process.on('SIGHUP', () => { void emu.restart().then(() => process.stdout.write('restarted\n')); });
}

main().catch((e: unknown) => {
  process.stderr.write(`emulator: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
});
