// Which kruisec.yaml holds for a run, found the same way whatever form the inputs take: the
// folder that holds them all (the common ancestor of the folders given, the folders of the
// files given and the static bases of the globs given), then each folder above it up to the
// working directory, or, for inputs outside it, up to their repository's root (.git). So
// `validate 'apps/**/*.yaml'`, `validate namespaces apps` and `validate apps/shop/web.yaml`
// run at a repository's root all read its kruisec.yaml, and none looks outside the repository.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { CONFIG_FILE, GLOB_CHARS, STDIN } from './discover.js';

export interface FoundConfig {
  /** Path as given to the reader (relative to cwd when inside it, forward slashes). */
  file?: string;
  /** Where kruisec looked, for --verbose. */
  searched: string[];
}

/** The folder an input stands for: a folder itself, a file's folder, a glob's static base. */
function baseOf(input: string, cwd: string): string | undefined {
  const abs = resolve(cwd, input);
  try {
    return statSync(abs).isDirectory() ? abs : dirname(abs);
  } catch { /* not a file or folder: a glob, or missing (discover reports it) */ }
  if (!GLOB_CHARS.test(input)) return undefined;
  const parts = input.split(/[\\/]/);
  const first = parts.findIndex((p) => GLOB_CHARS.test(p));
  return resolve(cwd, parts.slice(0, first).join('/') || '.');
}

function commonAncestor(dirs: string[]): string {
  let common = dirs[0].split(sep);
  for (const d of dirs.slice(1)) {
    const parts = d.split(sep);
    let i = 0;
    while (i < common.length && i < parts.length && common[i] === parts[i]) i++;
    common = common.slice(0, i);
  }
  return common.join(sep) || sep;
}

const within = (dir: string, root: string) => dir === root || dir.startsWith(root.endsWith(sep) ? root : root + sep);

/** The folder the upward search stops at: cwd for inputs inside it, else their repository root. */
function boundary(start: string, cwd: string): string {
  if (within(start, cwd)) return cwd;
  for (let d = start; ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return d;
    if (dirname(d) === d) return start;
  }
}

export function findConfig(inputs: readonly string[], cwd: string): FoundConfig {
  const bases = inputs.filter((i) => i !== STDIN).map((i) => baseOf(i, cwd)).filter((d): d is string => d !== undefined);
  if (!bases.length) return { searched: [] };
  const start = commonAncestor(bases);
  const stop = boundary(start, cwd);
  const searched: string[] = [];
  for (let d = start; ; d = dirname(d)) {
    const candidate = join(d, CONFIG_FILE);
    searched.push(show(candidate, cwd));
    if (existsSync(candidate)) return { file: show(candidate, cwd), searched };
    if (d === stop || dirname(d) === d) return { searched };
  }
}

function show(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  return (rel.startsWith('..') || rel === '' ? abs : rel).split(sep).join('/');
}
