// `plan --base-ref <ref>`: the base repo is a git revision, extracted into a temporary folder.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { UsageError } from './options.js';
import { trackTemp } from '../util/atomic-write.js';

export function checkoutRef(ref: string, cwd: string): { dir: string; cleanup: () => void } {
  // A revision never starts with '-': one that does would reach git as an option.
  if (ref.startsWith('-')) throw new UsageError(`--base-ref ${ref}: a git revision cannot start with "-"`);
  let top: string;
  try {
    top = execFileSync('git', ['rev-parse', '--show-toplevel'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    execFileSync('git', ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], { cwd, stdio: 'ignore' });
  } catch {
    throw new UsageError(`--base-ref ${ref}: not a git revision here (is ${cwd} inside a git repository, and is the ref fetched?)`);
  }
  const tmp = mkdtempSync(join(tmpdir(), 'kruisec-base-'));
  const release = trackTemp(tmp);
  const archive = execFileSync('git', ['archive', '--format=tar', ref, '--'], { cwd: top, maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', tmp], { input: archive });
  // Inputs are relative to cwd; keep that relation inside the extracted tree.
  const dir = join(tmp, relative(top, cwd));
  return { dir, cleanup: () => { rmSync(tmp, { recursive: true, force: true }); release(); } };
}
