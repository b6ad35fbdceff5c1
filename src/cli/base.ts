// The base side of `plan` and `diff`: what the cluster runs now, as a folder (`--base <dir>`)
// or a git revision (`--base-ref <ref>`, extracted into a temporary folder).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from './options.js';

export interface BaseFlags {
  base?: string;
  baseRef?: string;
}

export interface BaseTree {
  /** The folder the base paths are relative to. */
  dir: string;
  /** The paths to load there; empty when none of the head's paths exist in the revision. */
  paths: string[];
  cleanup(): void;
}

/** The base to load, or undefined when neither flag is given. With --base-ref the head's own
 *  paths are read in the revision, so a folder the change adds is simply absent there (git runs
 *  through node:child_process, loaded only then: it costs every other run a few milliseconds). */
export async function openBase(headPaths: readonly string[], flags: BaseFlags, cwd: string): Promise<BaseTree | undefined> {
  if (flags.base && flags.baseRef) throw new UsageError('give --base or --base-ref, not both');
  if (flags.base) return { dir: cwd, paths: [flags.base], cleanup: () => {} };
  if (!flags.baseRef) return undefined;
  const { checkoutRef } = await import('./base-ref.js');
  const co = checkoutRef(flags.baseRef, cwd);
  const paths = (headPaths.length ? headPaths : ['.']).filter((p) => existsSync(join(co.dir, p)));
  return { dir: co.dir, paths, cleanup: co.cleanup };
}
