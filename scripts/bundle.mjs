#!/usr/bin/env node
// Bundles the compiled CLI (dist/cli/main.js, from tsc) and the libraries it runs with into
// dist/kruisec.js, which bin/kruisec.js loads. Why: Node resolves, reads and compiles every
// module file on its own, and a small render loaded some 250 of them (180 of ours, 80 of the
// `yaml` package alone), which took longer than the work. Each phase a command imports lazily
// stays in a chunk of its own (dist/chunks/), so `--version` loads neither the reader nor the
// phases, and render loads no plan code. The generated validators are not bundled: each kind's
// module under schemas/validators/ is loaded when that kind first shows up. The rest of dist/
// (tsc's output) is kept for the facts runner and for tools that import single modules.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// Chunk names carry a content hash: old ones would pile up.
rmSync(join(root, 'dist', 'chunks'), { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: { kruisec: 'dist/cli/main.js' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Bundled CommonJS libraries (commander, yaml) require Node's own modules; an ES module has
  // no `require` of its own to do that with.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
