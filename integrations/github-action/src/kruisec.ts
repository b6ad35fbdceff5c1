// kruisec, run in this process with the same argv as on a command line: the Action is one more
// caller of the CLI, so the two cannot disagree. Output is collected instead of printed.
import { main } from '../../../src/cli/main.js';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function kruisec(argv: readonly string[], cwd: string): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await main([...argv], {
    out: (s) => { out += typeof s === 'string' ? s : Buffer.from(s).toString('utf8'); },
    err: (s) => { err += s; },
    cwd,
  });
  return { code, out, err };
}
