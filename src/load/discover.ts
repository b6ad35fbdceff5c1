// Which files to read: plain files, folders (recursively, *.yaml and *.yml), globs, and `-`
// for standard input. The list is sorted and de-duplicated so that the order in which paths
// are given never changes the result.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { resolvesInside, rootOf } from './roots.js';

export const STDIN = '-';
export const CONFIG_FILE = 'kruisec.yaml';

export class InputError extends Error {}

export interface DiscoverOptions {
  cwd: string;
  /** Honour .gitignore files when expanding globs and folders. */
  gitignore: boolean;
}

export interface Discovered {
  /** Files to read, sorted, as shown (relative to cwd where they lie in it). */
  files: string[];
  /** Symlinks not followed because they resolve outside their root: the link as shown, and the root. */
  outside: { link: string; root: string }[];
}

const YAML_FILE = /\.ya?ml$/i;
export const GLOB_CHARS = /[*?[\]{}!]/;

export async function discover(inputs: readonly string[], opts: DiscoverOptions): Promise<Discovered> {
  const files = new Set<string>();
  const outside = new Map<string, string>();
  for (const input of inputs) {
    if (input === STDIN) { files.add(STDIN); continue; }
    const abs = resolve(opts.cwd, input);
    let st;
    try { st = statSync(abs); } catch { st = undefined; }
    const root = rootOf(input, opts.cwd, st?.isDirectory() ?? false);
    // Only a path that resolves inside its root is read; a walk from there stays inside on
    // its own, except through symlinks, which walkDir checks one by one.
    const keep = (f: string) => {
      if (resolvesInside(f, root)) return true;
      outside.set(display(opts.cwd, f), display(opts.cwd, root) || '.');
      return false;
    };
    if (st?.isFile()) { if (keep(abs)) files.add(display(opts.cwd, abs)); }
    else if (st?.isDirectory()) { if (keep(abs)) for (const f of await walkDir(abs, opts, keep)) files.add(display(opts.cwd, f)); }
    else if (GLOB_CHARS.test(input)) for (const f of await expandGlob(input, opts)) { if (keep(resolve(opts.cwd, f))) files.add(display(opts.cwd, resolve(opts.cwd, f))); }
    else throw new InputError(`no such file or directory: ${input}`);
  }
  return {
    files: [...files].filter((f) => f === STDIN || !isConfigFile(f)).sort(),
    // kruisec.yaml is load's to read or not (config discovery), and to warn about.
    outside: [...outside].filter(([link]) => !isConfigFile(link)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([link, root]) => ({ link, root })),
  };
}

export function isConfigFile(file: string): boolean {
  return file === CONFIG_FILE || file.endsWith(`/${CONFIG_FILE}`);
}

async function walkDir(dir: string, opts: DiscoverOptions, keep: (abs: string) => boolean): Promise<string[]> {
  if (opts.gitignore) {
    const { globby } = await import('globby');
    const rel = relative(opts.cwd, dir).split(sep).join('/') || '.';
    return (await globby([`${rel}/**/*.{yaml,yml,YAML,YML}`], { cwd: opts.cwd, gitignore: true, dot: false, followSymbolicLinks: false }))
      .map((f) => join(opts.cwd, f)).filter(keep);
  }
  const out: string[] = [];
  const visit = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = join(d, e.name);
      if (e.isDirectory()) visit(p);
      else if (e.isFile() && YAML_FILE.test(e.name)) out.push(p);
      // A symlinked manifest is read where it resolves inside the root (kubectl -R reads
      // symlinked files too); a symlinked folder is not walked (nor by kubectl), and one that
      // leads out of the root is named in a warning.
      else if (e.isSymbolicLink() && (YAML_FILE.test(e.name) || isDirectory(p))) {
        if (keep(p) && !isDirectory(p)) out.push(p);
      }
    }
  };
  visit(dir);
  return out;
}

async function expandGlob(pattern: string, opts: DiscoverOptions): Promise<string[]> {
  const { globby } = await import('globby');
  // Not into symlinked folders: a link out of the repo would take the walk with it.
  return globby([pattern], { cwd: opts.cwd, gitignore: opts.gitignore, dot: false, followSymbolicLinks: false });
}

function isDirectory(p: string): boolean {
  try { return statSync(p).isDirectory(); } catch { return false; }
}

/** Paths are shown relative to the working directory, with forward slashes. */
function display(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  return (rel.startsWith('..') ? abs : rel).split(sep).join('/');
}
