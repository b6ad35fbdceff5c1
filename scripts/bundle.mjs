#!/usr/bin/env node
// Bundles the compiled CLI (dist/cli/main.js, from tsc) and the libraries it runs with into
// CommonJS files: dist/kruisec.cjs, behind dist/kruisec.js (what bin/kruisec.js and other
// programs import: `main(argv, io)`), and its parts, dist/kruisec-<part>.cjs. Why CommonJS:
// Node resolves, reads, compiles and links every ES module on its own, asynchronously, and a
// small render spent more time in that (some 250 files unbundled, 20 chunks bundled as ES
// modules) than in its work; a CommonJS file is read and compiled in one go, and V8 compiles a
// function only when it first runs. Why parts: V8 still scans every byte of a file it compiles,
// and a run paid for reading all of kruisec (1 MB) whatever it ran. A module the CLI imports
// with `await import()` starts a part (see splitAtDynamicImports), so --version reads no phase,
// validate no renderer, render no plan, diff, fn or SARIF. globby stays outside (only glob
// patterns and --gitignore load it), and so do the generated validators: each kind's module
// under schemas/validators/ is loaded when that kind first shows up. The rest of dist/ (tsc's
// output) is kept for the facts runner and for tools that import single modules.
//
// The reconcile phase is a bundle of its own, dist/reconcile.mjs, with @kubernetes/client-node
// in it: some 1,000 ES modules that Node took about a second of CPU to resolve and link, and
// megabytes that every other command would otherwise read and compile for nothing. Only the
// cluster commands (src/cli/reconcile.ts) import it.
import { build } from 'esbuild';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dependencies = Object.keys(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies);

rmSync(join(root, 'dist', 'chunks'), { recursive: true, force: true }); // earlier builds' ES chunks
for (const f of readdirSync(join(root, 'dist'))) if (/^kruisec-.*\.cjs$/.test(f)) rmSync(join(root, 'dist', f)); // earlier builds' parts
const MAIN = 'dist/cli/main.js';
const MIN_PART_BYTES = 1024;

/** The CLI's imports of the reconcile phase load dist/reconcile.mjs, next to the CLI bundle. */
const reconcileApart = {
  name: 'reconcile-apart',
  setup(b) {
    b.onResolve({ filter: /\/reconcile\/index\.js$/ }, () => ({ path: './reconcile.mjs', external: true }));
  },
};

/** commander requires node:child_process when it loads, for subcommands that are programs of
 *  their own, which kruisec has none of; loading it (with net, streams and dgram) cost every
 *  run a few milliseconds. Commander gets it on first use instead. */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy' } : undefined);
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, () => ({
      contents: "exports.spawn = (...args) => require('node:child_process').spawn(...args);",
      loader: 'js',
    }));
  },
};

// What every CommonJS bundle below shares: the sources are ES modules; the one that asks where
// it lives (to find schemas/) gets its bundle's URL (all of them sit in dist/).
const cjsOptions = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['globby'],
  define: { 'import.meta.url': '__kruisecUrl' },
  banner: { js: "const __kruisecUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
};

// The CLI is cut into parts at its dynamic imports: each module a command imports with
// `await import()` (a phase's index, a report format, a command of its own) starts a part,
// dist/kruisec-<name>.cjs, holding it and every module only it reaches. A part is read and
// compiled only when a run imports it, so render does not parse plan, diff or fn, and validate
// does not parse render. Modules two parts share, and what the CLI needs at start, stay in
// dist/kruisec.cjs; a part reaches them through __kruisecModule, so each module exists once
// (its state, its classes for instanceof) whichever part asked first.
const graph = await build({ ...cjsOptions, entryPoints: ['dist/cli/main.js'], outfile: 'dist/kruisec.cjs', write: false, metafile: true, plugins: [reconcileApart, lazyChildProcess] });
const { owner, parts } = splitAtDynamicImports(graph.metafile, 'dist/cli/main.js');
const partFile = (entry) => `kruisec-${entry.replace(/^dist\//, '').replace(/(\/index)?\.js$/, '').replace(/\//g, '-')}.cjs`;

// The names each module of the main bundle and each part's entry export, for their importers.
const CROSS_PARTS = {};
const names = await build({
  ...cjsOptions, format: 'esm', splitting: true, banner: {}, outdir: 'dist/names', write: false, metafile: true,
  entryPoints: Object.keys(owner).filter((m) => (owner[m] === MAIN || parts.has(m)) && graph.metafile.inputs[m].format === 'esm'),
  plugins: [reconcileApart, lazyChildProcess],
});
const exportsOf = Object.fromEntries(Object.values(names.metafile.outputs).filter((o) => o.entryPoint).map((o) => [o.entryPoint, o.exports]));

/** Imports that leave a bundle: a part's entry becomes a require of its file, a module of the
 *  main bundle a call of its __kruisecModule. Records what the main bundle has to hand out. */
const shared = new Set();
function crossParts(self) {
  return {
    name: 'cross-parts',
    setup(b) {
      b.onResolve({ filter: /.*/ }, async (args) => {
        if (args.namespace !== 'file' || !args.importer || args.pluginData === CROSS_PARTS) return undefined;
        const found = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: CROSS_PARTS });
        if (found.errors.length || found.external || found.namespace !== 'file') return undefined;
        const target = relative(root, found.path).split(sep).join('/');
        if (!(target in owner) || owner[target] === self) return undefined;
        // Another part is required (a dynamic import too: Node's import() of a CommonJS file
        // would scan all of it for its export names first), a module of kruisec.cjs asked of it.
        if (!parts.has(target) && owner[target] !== MAIN) throw new Error(`${self} imports ${target}, which belongs to ${owner[target]}: import its part through its entry`);
        if (!parts.has(target)) shared.add(target);
        return { path: target, namespace: 'elsewhere' };
      });
      b.onResolve({ filter: /.*/, namespace: 'elsewhere' }, (args) => ({ path: args.path, external: true }));
      // An ES module's named exports, copied once it has run: kruisec's modules export no
      // variable that changes afterwards (and no default), and the CommonJS object would hand
      // the importer a `default` besides (a namespace import would then list it). A CommonJS
      // module (a package's) is handed on as it is.
      b.onLoad({ filter: /.*/, namespace: 'elsewhere' }, (args) => {
        const get = parts.has(args.path) ? `require(${JSON.stringify('./' + partFile(args.path))})`
          : `require('./kruisec.cjs').__kruisecModule(${JSON.stringify(args.path)})`;
        const names = exportsOf[args.path];
        if (!names) return { contents: `module.exports = ${get};`, loader: 'js' };
        return { contents: names.length ? `export const { ${names.join(', ')} } = ${get};` : get + ';', loader: 'js' };
      });
    },
  };
}

for (const entry of [...parts].sort()) {
  const part = await build({ ...cjsOptions, entryPoints: [entry], outfile: join('dist', partFile(entry)), metafile: true, plugins: [reconcileApart, lazyChildProcess, crossParts(entry)] });
  holdsOwnModulesOnly(part.metafile, entry);
  asciiOnly(join(root, 'dist', partFile(entry)));
}

// The main bundle: the CLI, and a switch handing its modules to the parts (a require() of an
// ES module that esbuild bundles is initialised on that call, not at start).
const cases = [...shared].sort().map((m) => `    case ${JSON.stringify(m)}: return require(${JSON.stringify(relative('dist', m).split(sep).join('/').replace(/^(?!\.)/, './'))});`);
await build({
  ...cjsOptions,
  stdin: {
    contents: [
      "export { main } from './cli/main.js';",
      '/** A module of this bundle, for the parts (scripts/bundle.mjs). */',
      'export function __kruisecModule(name) {',
      '  switch (name) {',
      ...cases,
      '    default: throw new Error(`kruisec.cjs holds no module ${name}: rebuild dist/ (npm run build)`);',
      '  }',
      '}',
      '',
    ].join('\n'),
    resolveDir: join(root, 'dist'),
    sourcefile: 'dist/kruisec-main.js',
    loader: 'js',
  },
  outfile: 'dist/kruisec.cjs',
  metafile: true,
  plugins: [reconcileApart, lazyChildProcess, crossParts(MAIN)],
}).then((r) => holdsOwnModulesOnly(r.metafile, MAIN));
asciiOnly(join(root, 'dist', 'kruisec.cjs'));

await build({
  absWorkingDir: root,
  entryPoints: ['dist/reconcile/index.js'],
  outfile: 'dist/reconcile.mjs',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: dependencies.filter((d) => d !== '@kubernetes/client-node'),
  // client-node's CommonJS parts call require(), which an ES module does not have.
  banner: { js: "import { createRequire as __kruisecRequire } from 'node:module';\nconst require = __kruisecRequire(import.meta.url);" },
  logLevel: 'warning',
});
asciiOnly(join(root, 'dist', 'reconcile.mjs'));

/** Escapes what esbuild leaves non-ASCII (characters in js-yaml's comments and in a regular
 *  expression literal) as \uXXXX, valid in comments, strings, templates and regexps alike. One
 *  non-ASCII character makes V8 hold the whole 800 KB source as a two-byte string: Node decodes
 *  it from UTF-8 at about twice the time, V8 scans twice the bytes, and every small run pays
 *  for it (measured: reading and compiling the bundle about 10 ms less on the development machine). */
function asciiOnly(file) {
  const text = readFileSync(file, 'utf8');
  const ascii = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (ascii !== text) writeFileSync(file, ascii);
}

writeFileSync(join(root, 'dist', 'kruisec.js'), [
  '// Generated by scripts/bundle.mjs: the CLI bundled into kruisec.cjs, for ES modules to import.',
  "import { createRequire } from 'node:module';",
  '',
  "export const { main } = createRequire(import.meta.url)('./kruisec.cjs');",
  '',
].join('\n'));

/** A module in two bundles would exist twice (its state, its classes): each bundle must hold
 *  only the modules it owns. */
function holdsOwnModulesOnly(metafile, self) {
  const strays = Object.keys(metafile.inputs).filter((m) => m in owner && owner[m] !== self);
  if (strays.length) throw new Error(`${self}'s bundle holds modules of other bundles: ${strays.join(', ')}`);
}

/** Where the CLI splits: `parts`, the entries of the parts (modules some module imports with
 *  `await import()`), and the owner of every module (MAIN for the main bundle). A module
 *  belongs to the one part that reaches it through static imports, or to the main bundle when
 *  the CLI's start or two parts reach it. A part too small to pay for a file of its own (read,
 *  compiled, a wrapper) goes back into the main bundle. */
function splitAtDynamicImports(metafile, main) {
  const inputs = metafile.inputs;
  const bytes = Object.values(metafile.outputs)[0].inputs;
  const size = (m) => bytes[m]?.bytesInOutput ?? 0;
  const statically = (m) => inputs[m].imports.filter((i) => !i.external && i.kind !== 'dynamic-import').map((i) => i.path);
  const closure = (from, stop) => {
    const seen = new Set([from]);
    for (const q = [from]; q.length;) for (const n of statically(q.pop())) if (!seen.has(n) && !stop.has(n)) { seen.add(n); q.push(n); }
    return seen;
  };
  const atStart = closure(main, new Set());
  let parts = new Set(Object.values(inputs).flatMap((v) => v.imports)
    .filter((i) => i.kind === 'dynamic-import' && !i.external && !atStart.has(i.path)).map((i) => i.path));
  for (;;) {
    const reachers = {};
    for (const e of [main, ...parts]) for (const m of closure(e, parts)) (reachers[m] ??= new Set()).add(e);
    const owner = {};
    for (const m of Object.keys(inputs)) owner[m] = parts.has(m) ? m : reachers[m]?.size === 1 ? [...reachers[m]][0] : main;
    const small = [...parts].filter((p) => Object.keys(owner).filter((m) => owner[m] === p).reduce((n, m) => n + size(m), 0) < MIN_PART_BYTES);
    if (small.length === 0) return { owner, parts };
    parts = new Set([...parts].filter((p) => !small.includes(p)));
  }
}
