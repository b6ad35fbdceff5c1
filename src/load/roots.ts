// Files outside the repo stay outside: a path kruisec reads must resolve, symlinks followed,
// inside the root it was found under. A symlink that leads out (`kruisec.yaml -> /proc/self/
// environ`, `linkdir -> /etc`) is not followed; load warns, naming the link, and never shows
// what it points at. The root of an input is the working directory when the input lies in it
// (as written), otherwise the folder given, or the folder of the file given.
import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

/** The root an input (as given, relative to `cwd`) is read under. */
export function rootOf(input: string, cwd: string, isDir: boolean): string {
  const abs = resolve(cwd, input);
  if (within(abs, cwd)) return cwd;
  return isDir ? abs : dirname(abs);
}

/** Whether `abs`, all symlinks resolved, lies inside `root` (also resolved). A path that does
 *  not resolve (a dangling link) counts as outside. */
export function resolvesInside(abs: string, root: string): boolean {
  let real: string, realRoot: string;
  try {
    real = realpathSync.native(abs);
    realRoot = realpathSync.native(root);
  } catch {
    return false;
  }
  return within(real, realRoot);
}

/** kruisec.yaml (found or given with -c): read only when it resolves inside its root. Kept
 *  apart from the search for it, which is config discovery's business. */
export function configInsideRoot(file: string, cwd: string): boolean {
  return resolvesInside(resolve(cwd, file), rootOf(file, cwd, false));
}

function within(p: string, root: string): boolean {
  const rel = relative(root, p);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}
