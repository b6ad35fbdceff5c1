#!/usr/bin/env node
// Bundles the compiled CLI (dist/cli/main.js, from tsc) into dist/kruisec.js, and its launcher
// (dist/cli/launch.js: run here or in a second Node, src/cli/relaunch.ts) into dist/launch.js,
// which bin/kruisec.js loads. Each phase a command imports lazily stays in a chunk of its own
// (dist/chunks/), so `--version` still loads almost nothing. Why: Node resolved, read and
// linked some 180 small ES modules on every run, which took longer than the work of a small
// render. Dependencies stay in node_modules. The rest of dist/ (tsc's output) is kept for
// tools that import single modules.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// Chunk names carry a content hash: old ones would pile up.
rmSync(join(root, 'dist', 'chunks'), { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: { kruisec: 'dist/cli/main.js', launch: 'dist/cli/launch.js' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Dependencies stay in node_modules, except @kubernetes/client-node: it is some 1,000 ES
  // modules, which Node took about a second of CPU to resolve and link on every reconcile; in
  // the reconcile chunk it loads in a fifth of that. Its CommonJS parts need a require().
  external: Object.keys(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies).filter((d) => d !== '@kubernetes/client-node'),
  banner: { js: "import { createRequire as __kruisecRequire } from 'node:module';\nconst require = __kruisecRequire(import.meta.url);" },
  logLevel: 'warning',
});
