#!/usr/bin/env node
// Writes dist/kruisec.blob, the startup snapshot a relaunched run starts from (src/cli/snapshot.ts
// says why), and dist/kruisec.blob.stamp, which says which Node and which code it holds
// (src/cli/snapshot-stamp.ts). Part of `npm run build`, after the bundle and the code cache.
//
// Node builds a snapshot from one CommonJS script that may require nothing but Node's own
// modules, so esbuild first bundles the entry with every dependency into one file. A snapshot is
// an optimisation: when Node cannot build one here, the build says so and goes on, and runs
// start Node again without it.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SNAPSHOT_BLOB, SNAPSHOT_STAMP, snapshotStamp } from '../dist/cli/snapshot-stamp.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const blob = join(root, SNAPSHOT_BLOB);
const stampFile = join(root, SNAPSHOT_STAMP);
rmSync(blob, { force: true });
rmSync(stampFile, { force: true });

const work = mkdtempSync(join(tmpdir(), 'kruisec-snapshot-'));
try {
  // Inside dist/, where packageRoot() looks upwards from and finds schemas/.
  const script = join(root, 'dist', 'snapshot-entry.cjs');
  await build({
    absWorkingDir: root,
    entryPoints: ['dist/cli/snapshot.js'],
    outfile: script,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
    // import.meta does not exist in CommonJS; the validators are found from this file instead.
    define: { 'import.meta.url': '__kruisec_module_url' },
    banner: { js: 'var __kruisec_module_url = require("node:url").pathToFileURL(__filename).href;' },
  });
  // Built under no V8 flags at all, NODE_OPTIONS included: a run loads it only under the same
  // (src/cli/relaunch.ts).
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const r = spawnSync(process.execPath, ['--snapshot-blob', blob, '--build-snapshot', script], { cwd: work, encoding: 'utf8', env });
  rmSync(script, { force: true });
  if (r.status !== 0) {
    rmSync(blob, { force: true });
    process.stderr.write(`snapshot: not built, runs will start without it (node exited with ${r.status ?? r.signal}):\n${r.stderr}`);
  } else {
    writeFileSync(stampFile, snapshotStamp(root) + '\n');
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
