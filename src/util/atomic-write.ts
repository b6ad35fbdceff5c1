// Writing output without destroying anything: a file or a folder appears whole or not at all,
// temp files are created exclusively (O_EXCL: a name planted in advance, a symlink included,
// makes the open fail instead of being written through) under random names, and removed when
// the process is interrupted. A folder is only ever replaced when kruisec wrote it: it holds a
// marker listing the files kruisec wrote, and nothing else.
import { closeSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync, constants, type Stats } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { nodeCrypto } from './node-crypto.js';

/** The marker file in every folder kruisec writes. */
export const OUTPUT_MARKER = '.kruisec-output';
const MARKER_HEADER = '# written by kruisec: this folder is replaced whole on the next run; the files it wrote:\n';

/** The output cannot be written where asked (a usage or environment error: exit 2). */
export class OutputError extends Error {}

// Temp paths that exist right now, removed on SIGINT/SIGTERM (installSignalCleanup).
const pending = new Set<string>();

/** A temp path (a file or folder) to remove if a signal ends the process before `release`. */
export function trackTemp(path: string): () => void {
  pending.add(path);
  return () => { pending.delete(path); };
}

/** Remove every temp file or folder still being written (a signal arrived mid-write). */
export function removePendingTemps(): void {
  for (const p of pending) rmSync(p, { recursive: true, force: true });
  pending.clear();
}

/** On SIGINT or SIGTERM: remove temps, then exit as the signal would have (128 + number),
 *  unless a command has a handler of its own (reconcile stops gracefully) which then decides. */
export function installSignalCleanup(): void {
  for (const [sig, n] of [['SIGINT', 2], ['SIGTERM', 15]] as const) {
    process.on(sig, () => {
      removePendingTemps();
      if (process.listenerCount(sig) <= 1) process.exit(128 + n);
    });
  }
}


function tempName(target: string, what: string): string {
  return join(dirname(target), `.${basename(target)}.kruisec-${what}-${nodeCrypto().randomBytes(6).toString('hex')}`);
}

/** Create `file` with `data`, exclusively: it must not exist (not even as a dangling symlink). */
function createExclusive(file: string, data: Uint8Array | string): void {
  const fd = openSync(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o644);
  try {
    const buf = typeof data === 'string' ? Buffer.from(data) : data;
    for (let off = 0; off < buf.length;) off += writeSync(fd, buf, off, buf.length - off);
  } finally {
    closeSync(fd);
  }
}

function lstatOrUndefined(p: string): Stats | undefined {
  try { return lstatSync(p); } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    if ((e as NodeJS.ErrnoException).code === 'ENOTDIR') throw new OutputError(`cannot write ${p}: a part of the path is a file, not a folder`);
    throw e;
  }
}

/** The folder an output goes in must exist (it is created if missing) and be a folder. */
function ensureParent(target: string, flag: string): void {
  try {
    mkdirSync(dirname(target), { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR' || code === 'EEXIST') throw new OutputError(`${flag} ${target}: a part of the path is a file, not a folder`);
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new OutputError(`${flag} ${target}: cannot create its folder (${code})`);
    throw e;
  }
}

function fsError(e: unknown, flag: string, target: string): never {
  const code = (e as NodeJS.ErrnoException).code;
  if (code && /^E(ACCES|PERM|ROFS|NOSPC|NOTDIR|ISDIR|EXIST|LOOP|DQUOT|XDEV|BUSY)$/.test(code)) {
    throw new OutputError(`${flag} ${target}: cannot write it (${code}); check the path and its permissions`);
  }
  throw e;
}

/** Write `file` atomically: a temp file beside it, then a rename over it. A symlink at `file`
 *  is replaced, never written through. `flag` names the option in error messages. */
export function writeFileAtomically(file: string, data: Uint8Array | string, flag = '-o'): void {
  const st = lstatOrUndefined(file);
  if (st?.isDirectory()) throw new OutputError(`${flag} ${file} is a folder: give the path of a file to write`);
  ensureParent(file, flag);
  const tmp = tempName(file, 'tmp');
  pending.add(tmp);
  try {
    createExclusive(tmp, data);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    fsError(e, flag, file);
  } finally {
    pending.delete(tmp);
  }
}

/** Replace folder `dir` by one holding exactly `files` (relative path → content), atomically.
 *  An existing `dir` is replaced only when kruisec wrote it (its marker lists every file in it);
 *  an empty folder is taken; anything else is refused with an OutputError. */
export function writeTreeAtomically(dir: string, files: Readonly<Record<string, string>>, flag = '--output dir='): void {
  const st = lstatOrUndefined(dir);
  if (st && !st.isDirectory()) throw new OutputError(`${flag}${dir} is ${st.isSymbolicLink() ? 'a symlink' : 'a file'}: give a new folder, or one kruisec wrote`);
  if (st) {
    const foreign = foreignEntry(dir);
    if (foreign !== undefined) {
      throw new OutputError(`${flag}${dir}: refusing to replace a folder kruisec did not write (it holds ${foreign}); give a new or empty folder`);
    }
  }
  ensureParent(dir, flag);
  const names = Object.keys(files).sort();
  for (const rel of names) {
    if (rel === OUTPUT_MARKER || rel.split('/').some((s) => s === '..' || s === '' || s === '.')) throw new Error(`writeTreeAtomically: bad file name ${JSON.stringify(rel)}`);
  }
  const tmp = tempName(dir, 'new');
  const old = tempName(dir, 'old');
  pending.add(tmp);
  try {
    mkdirSync(tmp, { mode: 0o755 });
    for (const rel of names) {
      const p = join(tmp, rel);
      mkdirSync(dirname(p), { recursive: true });
      createExclusive(p, files[rel]);
    }
    createExclusive(join(tmp, OUTPUT_MARKER), MARKER_HEADER + names.map((n) => `${n}\n`).join(''));
    if (st) {
      // Two renames: the old folder steps aside, the new one takes its name; then the old one,
      // which holds only what kruisec wrote, is removed. Only then is it a temp a signal may
      // remove: between the renames it is the one copy of the output there is.
      renameSync(dir, old);
      renameSync(tmp, dir);
      pending.add(old);
      rmSync(old, { recursive: true, force: true });
      pending.delete(old);
    } else {
      renameSync(tmp, dir);
    }
  } catch (e) {
    rmSync(tmp, { recursive: true, force: true });
    fsError(e, flag, dir);
  } finally {
    pending.delete(tmp);
  }
}

/** The first entry of `dir` kruisec did not write (relative path), or undefined when the folder
 *  is empty or holds only its marker and the files the marker lists. */
function foreignEntry(dir: string): string | undefined {
  const all = listFiles(dir);
  if (all.length === 0) return undefined;
  let listed: Set<string>;
  try {
    const text = readFileSync(join(dir, OUTPUT_MARKER), 'utf8');
    if (!text.startsWith(MARKER_HEADER)) return OUTPUT_MARKER;
    listed = new Set(text.slice(MARKER_HEADER.length).split('\n').filter(Boolean));
  } catch {
    return all[0];
  }
  return all.find((f) => f !== OUTPUT_MARKER && !listed.has(f));
}

/** Every file, symlink or other non-folder under `dir`, relative, sorted; folders are walked
 *  without following symlinks. */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  const visit = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) visit(p);
      else out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  visit(dir);
  return out.sort();
}
