#!/usr/bin/env node
// Bundles the Action (src/main.ts, with kruisec's compiler and @actions/core, @actions/github)
// into one ES module, dist/index.js, which is committed: a `uses:` step runs it as it is, with
// no `npm ci` in the Action's checkout (actions/typescript-action's convention; ecosystem.md
// §2.2). The only files it reads besides itself are the validators under schemas/validators/,
// which the repository holds. The build is reproducible: same lockfile, same bytes (no timestamps, no absolute
// paths), and test/github-action/dist.test.ts fails when the committed bundle is stale.
//
//   node integrations/github-action/build.mjs            write dist/index.js
//   node integrations/github-action/build.mjs <file>     write the bundle to <file> instead
import { build } from 'esbuild';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const outfile = process.argv[2] ? resolve(process.argv[2]) : join(here, 'dist', 'index.js');

await build({
  absWorkingDir: root,
  entryPoints: ['integrations/github-action/src/main.ts'],
  outfile,
  bundle: true,
  format: 'esm',
  platform: 'node',
  // Runs on the runner's Node 24; Node 20 (this repository's floor) for the tests.
  target: 'node20',
  // Some bundled CommonJS packages call require() for Node's own modules.
  banner: { js: "import { createRequire as __kruisecRequire } from 'node:module';\nconst require = __kruisecRequire(import.meta.url);" },
  // The Action never reconciles: the reconcile phase and its cluster client stay out of the
  // bundle (src/cli/reconcile.ts imports them only when those commands run).
  external: ['../reconcile/index.js', '@kubernetes/client-node'],
  legalComments: 'eof',
  charset: 'utf8',
  logLevel: 'warning',
});
