// One worker of scripts/fuzz.mjs: runs mutations [from, to) of a random run through the CLI,
// one command each in turn, and reports each to the parent before and after, so that the
// parent can tell a hang (no answer in time) and name the mutation that hung.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMANDS, randomMutation, runCli, seeds } from './mutate.js';

const [from, to, seed] = process.argv.slice(2).map(Number);
const all = seeds();
const dir = mkdtempSync(join(tmpdir(), 'kruisec-fuzz-'));
const send = (m: unknown) => new Promise<void>((ok) => process.send!(m, () => ok()));
try {
  for (let i = from; i < to; i++) {
    const m = randomMutation(all, i, seed);
    await send({ start: i });
    const o = await runCli(dir, m, [COMMANDS[i % COMMANDS.length]]);
    await send({ done: i, code: o.code, internal: o.internal ? `${m.what}: ${o.internal}` : undefined });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.disconnect();
