// Which files to read: plain files, folders (recursively, *.yaml and *.yml), globs, and `-`
// for standard input. The list is sorted and de-duplicated so that the order in which paths
// are given never changes the result.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

export const STDIN = '-';
export const CONFIG_FILE = 'kruisec.yaml';

export class InputError extends Error {}

export interface DiscoverOptions {
  cwd: string;
  /** Honour .gitignore files when expanding globs and folders. */
  gitignore: boolean;
}

const YAML_FILE = /\.ya?ml$/i;
export const GLOB_CHARS = /[*?[\]{}!]/;

export async function discover(inputs: readonly string[], opts: DiscoverOptions): Promise<string[]> {
  const files = new Set<string>();
  for (const input of inputs) {
    if (input === STDIN) { files.add(STDIN); continue; }
    let st;
    try { st = statSync(resolve(opts.cwd, input)); } catch { st = undefined; }
    if (st?.isFile()) files.add(display(opts.cwd, resolve(opts.cwd, input)));
    else if (st?.isDirectory()) for (const f of await walkDir(resolve(opts.cwd, input), opts)) files.add(display(opts.cwd, f));
    else if (GLOB_CHARS.test(input)) for (const f of await expandGlob(input, opts)) files.add(display(opts.cwd, resolve(opts.cwd, f)));
    else throw new InputError(`no such file or directory: ${input}`);
  }
  return [...files].filter((f) => f === STDIN || !isConfigFile(f)).sort();
}

export function isConfigFile(file: string): boolean {
  return file === CONFIG_FILE || file.endsWith(`/${CONFIG_FILE}`);
}

async function walkDir(dir: string, opts: DiscoverOptions): Promise<string[]> {
  if (opts.gitignore) {
    const { globby } = await import('globby');
    const rel = relative(opts.cwd, dir).split(sep).join('/') || '.';
    return (await globby([`${rel}/**/*.{yaml,yml,YAML,YML}`], { cwd: opts.cwd, gitignore: true, dot: false })).map((f) => join(opts.cwd, f));
  }
  const out: string[] = [];
  const visit = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = join(d, e.name);
      if (e.isDirectory()) visit(p);
      else if (e.isFile() && YAML_FILE.test(e.name)) out.push(p);
    }
  };
  visit(dir);
  return out;
}

async function expandGlob(pattern: string, opts: DiscoverOptions): Promise<string[]> {
  const { globby } = await import('globby');
  return globby([pattern], { cwd: opts.cwd, gitignore: opts.gitignore, dot: false });
}

/** Paths are shown relative to the working directory, with forward slashes. */
function display(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  return (rel.startsWith('..') ? abs : rel).split(sep).join('/');
}
