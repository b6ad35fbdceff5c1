// The kruisec command as a process (issue #13 items 5, 6): a reader that stops reading ends it
// quietly, a signal leaves no temp file and no child process behind. Runs bin/kruisec.js on
// the built dist/ (`npm test` builds it first) over a generated repo big enough to be caught
// mid-run.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'kruisec.js');
let repo: string;

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'kruisec-process-'));
  spawnSync(process.execPath, [join(ROOT, 'scripts', 'gen-repo.mjs'), '--workloads', '2000', '--out', join(repo, 'repo')], { stdio: 'ignore' });
});
afterAll(() => rmSync(repo, { recursive: true, force: true }));

/** Child processes of `pid`, from /proc (Linux), or undefined where there is no /proc. */
function childrenOf(pid: number): number[] | undefined {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((t) => readFileSync(`/proc/${pid}/task/${t}/children`, 'utf8').split(' ').filter(Boolean).map(Number));
  } catch {
    return undefined;
  }
}

describe('kruisec as a process', () => {
  it('ends quietly when the reader of its output goes away (render | head -1)', async () => {
    const child = spawn(process.execPath, [BIN, 'render', 'repo'], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (b) => { err += b; });
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((ok) => child.on('close', (c) => ok(c)));
    expect(err).toBe('');
    expect(code).toBe(0);
  });

  it('runs no child process, and leaves no temp file when stopped by SIGTERM', async () => {
    const child = spawn(process.execPath, [BIN, 'render', 'repo', '-o', 'out/all.yaml'], { cwd: repo, stdio: 'ignore' });
    await new Promise((ok) => setTimeout(ok, 400));
    const kids = childrenOf(child.pid!);
    if (kids !== undefined) expect(kids).toEqual([]);
    child.kill('SIGTERM');
    const [code, signal] = await new Promise<[number | null, string | null]>((ok) => child.on('close', (c, s) => ok([c, s])));
    // Stopped mid-run (143, or by the signal itself before kruisec's handler was in place), or done (0).
    expect(code === 143 || code === 0 || signal === 'SIGTERM').toBe(true);
    const left = (() => { try { return readdirSync(join(repo, 'out')); } catch { return []; } })();
    expect(left.filter((f) => f.includes('kruisec-'))).toEqual([]);
  });
});
