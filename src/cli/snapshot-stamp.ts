// Which Node and which code a startup snapshot (snapshot.ts) was built for. Node reads a blob
// only as the exact Node that wrote it, and a blob it cannot read crashes it rather than being
// refused. And a blob holds the code as it was when it was built. So the build writes this stamp beside the blob,
// and a relaunch starts from the blob only when the stamp still describes this Node and the
// code on disk; otherwise the run starts without it, as it would with no blob at all.
import type { createHash as CreateHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

export const SNAPSHOT_BLOB = 'dist/kruisec.blob';
export const SNAPSHOT_STAMP = 'dist/kruisec.blob.stamp';

/** The code a snapshot holds: the bundled CLI (whose chunks it names by their content hash, so
 *  this one file pins them all) and the generated validators. */
const PINNED = ['dist/kruisec.js', 'schemas/validators.cjs'];

/** The stamp of a snapshot built now, by this Node, from the files under `root`. */
export function snapshotStamp(root: string): string {
  // Loaded here, not with the module: every start of the CLI loads this file, few need a hash.
  const createHash = (createRequire(import.meta.url)('node:crypto') as { createHash: typeof CreateHash }).createHash;
  const parts = ['kruisec-snapshot 1', process.version, process.platform, process.arch, `v8-${process.versions.v8}`];
  for (const file of PINNED) parts.push(createHash('sha1').update(readFileSync(join(root, file))).digest('hex'));
  return parts.join(' ');
}

/** The blob under `root` to start Node from, or undefined when there is none or its stamp does
 *  not match. */
export function usableSnapshot(root: string): string | undefined {
  const blob = join(root, SNAPSHOT_BLOB);
  try {
    const stamp = readFileSync(join(root, SNAPSHOT_STAMP), 'utf8').trim();
    return stamp === snapshotStamp(root) && existsSync(blob) ? blob : undefined;
  } catch {
    return undefined;
  }
}
