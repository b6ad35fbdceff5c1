#!/usr/bin/env node
// kruisec benchmark: `npm run bench` (or `node scripts/bench.mjs [--json] [--runs N] [--skip-gen] [--only render,plan]`).
//
// Measures, in one run on one machine, interleaved so that a burst of load on a shared machine
// hits both sides of every ratio:
//   small repo   fixtures/example (9 files): `kruisec render` and `kruisec validate` against
//                `kubectl kustomize` of the same manifests (when kubectl is on the PATH) and
//                against `node -e 0`, and against the small floor: a Node process that only
//                reads the same files with js-yaml and dumps render's documents
//                (scripts/bench-small-floor.cjs); cold start is `kruisec --version` against
//                `node -e 0`
//   10k repo     validate, render, plan of scripts/gen-repo.mjs's 10,000 workloads, each as its
//                own process, against a floor of js-yaml in process: load of the input and
//                dump of it (the input floor), or dump of the documents render printed (the
//                output floor, render's target: render writes about 3.5x what it reads)
//   50k repo     render, against render of the 10k repo (linear growth), and its peak RSS
// Timings are the best of the rounds (wall clock); CPU time and peak RSS come from
// /usr/bin/time, or without it from a wrapper that reports its own process.resourceUsage().
//
// The bench informs, it never gates: it always exits 0, and it is never a vitest test (timings
// in tests are flaky by construction). docs/bench.md explains the rows.

import { spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { arch, cpus, platform } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import yaml from 'js-yaml';
import { benchArgocd } from './bench-argocd.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'kruisec.js');
const GEN = join(ROOT, 'scripts', 'gen-repo.mjs');
const SMALL_FLOOR = join(ROOT, 'scripts', 'bench-small-floor.cjs');
const BENCH_DIR = join(ROOT, '.bench');
const SMALL = 'fixtures/example';

const TARGETS = { smallVsKustomize: 1, smallVsNode: 1.5, coldStart: 2, renderVsOutputFloor: 1.5, validateVsFloor: 1.5, growth50k: 5.5 };

// ---------------------------------------------------------------- arguments

const args = process.argv.slice(2);
const opts = { json: false, runs: 5, smallRepeat: 3, skipGen: false, only: null, instructions: false };
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--json') opts.json = true;
  else if (a === '--runs') opts.runs = Math.max(1, Number(args[++i]) || 5);
  else if (a === '--skip-gen') opts.skipGen = true;
  else if (a === '--instructions') opts.instructions = true;
  else if (a === '--only') opts.only = String(args[++i] ?? '').split(',').filter(Boolean);
  else if (a === '--help' || a === '-h') {
    process.stdout.write('usage: node scripts/bench.mjs [--json] [--runs N] [--skip-gen] [--only small,validate,render,plan,50k] [--instructions]\n');
    process.exit(0);
  } else {
    process.stderr.write(`bench: unknown argument ${a}\n`);
    process.exit(2);
  }
}
const PARTS = ['small', 'validate', 'render', 'plan', '50k'];
const unknown = (opts.only ?? []).filter((p) => !PARTS.includes(p));
if (unknown.length) {
  process.stderr.write(`bench: --only takes ${PARTS.join(', ')}, not ${unknown.join(', ')}\n`);
  process.exit(2);
}
const wants = (part) => !opts.only || opts.only.includes(part) || (part === 'render' && opts.only.includes('50k'));

const log = (msg) => process.stderr.write(`bench: ${msg}\n`);

// ---------------------------------------------------------------- helpers

function listYaml(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      if (name.startsWith('.')) continue;
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** js-yaml in process: load of every file, then dump of each document read or, given `outDocs`
 *  (the documents a render printed), dump of those instead. */
function floorOnce(files, outDocs) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let docs = 0;
  for (const f of files) {
    for (const doc of yaml.loadAll(readFileSync(f, 'utf8'))) {
      if (doc == null) continue;
      if (!outDocs) yaml.dump(doc);
      docs++;
    }
  }
  if (outDocs) for (const doc of outDocs) yaml.dump(doc);
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { ms, cpuMs: (c.user + c.system) / 1000, docs };
}

const devNull = openSync('/dev/null', 'w');
// KRUISEC_BENCH_RUSAGE=wrapper forces the fallback (to test it where /usr/bin/time exists).
const HAVE_TIME = existsSync('/usr/bin/time') && process.env.KRUISEC_BENCH_RUSAGE !== 'wrapper';
const TIME_TAG = 'BENCH_RUSAGE';
// Without /usr/bin/time, a Node process runs the command as a child and reports the child's
// CPU time and peak RSS (resourceUsage of a finished child is not available, so the wrapper
// runs Node commands in itself instead: it imports the CLI rather than spawning it).
const WRAPPER = [
  'const [bin, ...rest] = process.argv.slice(1);',
  'process.argv = [process.argv[0], bin, ...rest];',
  "process.on('exit', () => { const u = process.resourceUsage();",
  `  require('node:fs').writeSync(2, \`\\n${TIME_TAG} \${(u.userCPUTime + u.systemCPUTime) / 1e6} \${u.maxRSS}\\n\`); });`,
  "import(require('node:url').pathToFileURL(bin).href);",
].join('\n');

/** One run of `cmd args` as its own process: wall time, and with `usage` CPU time and peak RSS.
 *  stdout goes to /dev/null unless captured. */
function run(cmd, argv, { usage = false, capture = false } = {}) {
  let file = cmd;
  let list = argv;
  if (usage && HAVE_TIME) {
    file = '/usr/bin/time';
    list = ['-f', `${TIME_TAG} %U+%S %M`, cmd, ...argv];
  } else if (usage && cmd === process.execPath && argv[0] === BIN) {
    list = ['-e', WRAPPER, ...argv];
  }
  const t0 = performance.now();
  const r = spawnSync(file, list, {
    cwd: ROOT,
    stdio: ['ignore', capture ? 'pipe' : devNull, 'pipe'],
    maxBuffer: 1024 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
  });
  const ms = performance.now() - t0;
  let stderr = r.stderr ? r.stderr.toString('utf8') : '';
  let cpuMs;
  let rssKb;
  const m = new RegExp(`${TIME_TAG} ([0-9.]+)\\+?([0-9.]*) (\\d+)\\s*$`).exec(stderr);
  if (m) {
    cpuMs = (Number(m[1]) + Number(m[2] || 0)) * 1000;
    rssKb = Number(m[3]);
    stderr = stderr.slice(0, m.index);
  }
  return { ms, cpuMs, rssKb, status: r.error ? null : r.status, signal: r.signal, stderr: r.error ? String(r.error.message) : stderr, ...(capture ? { stdout: r.stdout } : {}) };
}

const kruisec = (...argv) => [process.execPath, [BIN, ...argv]];

function firstLine(s) {
  const line = s.split('\n').find((l) => l.trim()) ?? '';
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}

/** A repo generated by gen-repo.mjs, regenerated unless --skip-gen finds it. */
function repo(workloads) {
  const dir = join(BENCH_DIR, `repo-${workloads / 1000}k`);
  if (!opts.skipGen || !existsSync(join(dir, '.gen-repo.json'))) {
    log(`generating ${relative(ROOT, dir)}`);
    const g = spawnSync(process.execPath, [GEN, '--workloads', String(workloads), '--out', dir], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    if (g.status !== 0) {
      log(`gen-repo failed: ${g.stderr}`);
      process.exit(0);
    }
  }
  const files = listYaml(dir);
  return { dir: relative(ROOT, dir), files, workloads, bytes: files.reduce((s, f) => s + statSync(f).size, 0) };
}

/** The manifests of the small repo copied beside a kustomization.yaml that lists them, for
 *  `kubectl kustomize` (which reads no file outside its folder). kruisec.yaml is kruisec's own
 *  settings, not a manifest. */
function kustomizeCopy() {
  const src = join(ROOT, SMALL);
  const dir = join(BENCH_DIR, 'kustomize-example');
  rmSync(dir, { recursive: true, force: true });
  const files = listYaml(src).map((f) => relative(src, f)).filter((f) => f !== 'kruisec.yaml');
  for (const f of files) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    cpSync(join(src, f), join(dir, f));
  }
  writeFileSync(join(dir, 'kustomization.yaml'), `resources:\n${files.map((f) => `- ${f}\n`).join('')}`);
  return dir;
}

/** The documents `kruisec render` prints for the small repo, as JSON in .bench/ for the small
 *  floor (which then pays only js-yaml's dump of them, as the 10k output floor does). */
function smallRendered() {
  const r = run(process.execPath, [BIN, 'render', SMALL], { capture: true });
  if (r.status !== 0) return undefined;
  const file = join(BENCH_DIR, 'small-rendered.json');
  mkdirSync(BENCH_DIR, { recursive: true });
  writeFileSync(file, JSON.stringify(yaml.loadAll(r.stdout.toString('utf8')).filter((d) => d != null)));
  return file;
}

// ---------------------------------------------------------------- what runs

if (!existsSync(join(ROOT, 'dist', 'kruisec.js'))) {
  log('dist/ is missing: run `npm run build` first (bin/kruisec.js loads the bundled CLI)');
  process.exit(0);
}

/** name → [command, argv, what it is measured against]; filled in below, in the order rounds run them. */
const jobs = [];
const SMALL_FILES = listYaml(join(ROOT, SMALL)).length;
if (wants('small')) {
  jobs.push({ name: 'node -e 0', cmd: [process.execPath, ['-e', '0']], repeat: opts.smallRepeat, usage: true });
  const kdir = kustomizeCopy();
  const probe = run('kubectl', ['kustomize', kdir]);
  if (probe.status === 0) jobs.push({ name: 'kubectl kustomize', cmd: ['kubectl', ['kustomize', kdir]], repeat: opts.smallRepeat, usage: true });
  else log(`kubectl kustomize is not available (${firstLine(probe.stderr) || `exit ${probe.status}`}): small-repo rows compare with node -e 0 only`);
  jobs.push({ name: 'render small', cmd: kruisec('render', SMALL), repeat: opts.smallRepeat, usage: true });
  const rendered = smallRendered();
  if (rendered) jobs.push({ name: 'floor small', cmd: [process.execPath, [SMALL_FLOOR, rendered, ...listYaml(join(ROOT, SMALL))]], repeat: opts.smallRepeat, usage: true });
  jobs.push({ name: 'validate small', cmd: kruisec('validate', SMALL), repeat: opts.smallRepeat, usage: true });
  jobs.push({ name: 'cold start', cmd: kruisec('--version'), repeat: opts.smallRepeat, usage: true });
}
const big = ['validate', 'render', 'plan', '50k'].some(wants) ? repo(10000) : undefined;
const huge = wants('50k') ? repo(50000) : undefined;
if (big) {
  if (wants('validate')) jobs.push({ name: 'validate 10k', cmd: kruisec('validate', big.dir), usage: true });
  if (wants('render')) jobs.push({ name: 'render 10k', cmd: kruisec('render', big.dir), usage: true });
  if (wants('plan')) jobs.push({ name: 'plan 10k', cmd: kruisec('plan', big.dir, '--output', 'json'), usage: true });
}
if (huge) jobs.push({ name: 'render 50k', cmd: kruisec('render', huge.dir), usage: true });

// Warm-up (not counted): page cache, and whether each command works at all. Render's 10k
// output is kept for the output floor.
let renderedDocs;
let renderedBytes;
const failed = {};
log('warm-up');
for (const job of jobs) {
  const capture = job.name === 'render 10k';
  const r = run(job.cmd[0], job.cmd[1], { capture });
  if (r.status !== 0 && !(job.name.startsWith('validate') && r.status === 1)) failed[job.name] = `exit ${r.status ?? r.signal}: ${firstLine(r.stderr)}`;
  if (capture && r.status === 0) {
    const text = r.stdout.toString('utf8');
    renderedBytes = Buffer.byteLength(text);
    renderedDocs = yaml.loadAll(text).filter((d) => d != null);
  }
}

// Rounds: every job once (the small ones `repeat` times), and the floors, in the same order.
const samples = {};
const push = (name, s) => (samples[name] ??= []).push(s);
for (let round = 1; round <= opts.runs; round++) {
  log(`round ${round}/${opts.runs}`);
  const small = jobs.filter((j) => j.repeat && !failed[j.name]);
  for (let i = 0; i < opts.smallRepeat; i++) for (const j of small) push(j.name, run(j.cmd[0], j.cmd[1], { usage: j.usage }));
  if (big && ['validate', 'render', 'plan'].some(wants)) {
    push('floor 10k', floorOnce(big.files));
    if (renderedDocs) push('output floor 10k', floorOnce(big.files, renderedDocs));
  }
  for (const j of jobs.filter((x) => !x.repeat && !failed[x.name])) push(j.name, run(j.cmd[0], j.cmd[1], { usage: j.usage }));
}

// With --instructions, the small-repo commands once more under valgrind, which counts the
// instructions they execute (their own, Node's and V8's, compiler threads included): a measure
// that load from other jobs does not move (runs differ by under 1%), for a shared machine where
// wall and CPU times jump. Slow (some 20 s a command), and only where valgrind is installed.
const instructions = {};
if (opts.instructions && wants('small')) {
  for (const j of jobs.filter((x) => x.repeat && !failed[x.name])) {
    log(`instructions: ${j.name}`);
    const r = spawnSync('valgrind', ['--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null', j.cmd[0], ...j.cmd[1]], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    const count = /I\s+refs:\s+([\d,]+)/.exec(r.stderr?.toString('utf8') ?? '');
    if (count) instructions[j.name] = Number(count[1].replace(/,/g, ''));
    else { log(`instructions: valgrind gave no count for ${j.name}${r.error ? ` (${r.error.message})` : ''}`); break; }
  }
}

// ---------------------------------------------------------------- results

const best = (name) => {
  const list = samples[name];
  if (!list?.length) return undefined;
  const min = (k) => Math.min(...list.map((x) => x[k]).filter((v) => typeof v === 'number'));
  const rss = Math.max(...list.map((x) => x.rssKb ?? 0));
  const odd = list.find((x) => x.status !== undefined && x.status !== 0);
  return {
    ms: min('ms'),
    ...(Number.isFinite(min('cpuMs')) ? { cpuMs: min('cpuMs') } : {}),
    ...(rss > 0 ? { peakRssMiB: rss / 1024 } : {}),
    runs: list.map((x) => Math.round(x.ms)),
    ...(odd ? { status: odd.status, note: firstLine(odd.stderr) } : {}),
  };
};

const result = {
  environment: { node: process.version, platform: `${platform()}/${arch()}`, cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown' },
  targets: TARGETS,
  rounds: opts.runs,
  repos: {
    small: { path: SMALL, files: SMALL_FILES },
    ...(big ? { '10k': { path: big.dir, files: big.files.length, bytes: big.bytes, renderedBytes, renderedDocs: renderedDocs?.length } } : {}),
    ...(huge ? { '50k': { path: huge.dir, files: huge.files.length, bytes: huge.bytes } } : {}),
  },
  measures: Object.fromEntries(Object.keys(samples).map((k) => [k, best(k)])),
  ...(Object.keys(instructions).length ? { instructions } : {}),
  failed,
  rows: [],
};
const m = result.measures;

const fmtMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const fmtX = (x) => `${x.toFixed(2)}x`;
const cpuOf = (a, b) => (a?.cpuMs !== undefined && b?.cpuMs !== undefined ? `${fmtMs(a.cpuMs)} = ${fmtX(a.cpuMs / b.cpuMs)}` : a?.cpuMs !== undefined ? fmtMs(a.cpuMs) : '');
function row(what, time, ratio, cpu, target, pass) {
  result.rows.push({ what, time, ratio, cpu, target, result: pass === undefined ? '' : pass ? 'PASS' : 'FAIL' });
}
/** A measured command against a baseline: the ratio of best times, with a target or without. */
function compare(what, name, base, baseLabel, target) {
  const a = m[name];
  const b = m[base];
  if (failed[name] || !a) return row(what, 'n/a', failed[name] ?? '', '', target ? `<= ${target}x ${baseLabel}` : '', target ? false : undefined);
  if (!b) return row(what, fmtMs(a.ms), '', cpuOf(a), '', undefined);
  const ratio = a.ms / b.ms;
  row(what, fmtMs(a.ms), `${fmtX(ratio)} ${baseLabel}`, cpuOf(a, b), target ? `<= ${target}x ${baseLabel}` : '(reference)', target ? ratio <= target : undefined);
  return ratio;
}

if (wants('small')) {
  row(`node -e 0`, fmtMs(m['node -e 0'].ms), '', cpuOf(m['node -e 0']), '', undefined);
  if (m['kubectl kustomize']) compare(`kubectl kustomize (${SMALL_FILES - 1} manifests of ${SMALL})`, 'kubectl kustomize', 'node -e 0', 'node');
  if (m['floor small']) compare(`small floor: js-yaml load of ${SMALL}, dump of its render`, 'floor small', 'node -e 0', 'node');
  for (const cmd of ['render', 'validate']) {
    if (m['kubectl kustomize']) compare(`${cmd} ${SMALL} vs kustomize`, `${cmd} small`, 'kubectl kustomize', 'kustomize', TARGETS.smallVsKustomize);
    compare(`${cmd} ${SMALL} vs node`, `${cmd} small`, 'node -e 0', 'node', TARGETS.smallVsNode);
    if (m['floor small']) compare(`${cmd} ${SMALL} vs small floor`, `${cmd} small`, 'floor small', 'floor');
  }
  compare('cold start (--version)', 'cold start', 'node -e 0', 'node', TARGETS.coldStart);
  const base = instructions['node -e 0'];
  for (const [name, n] of Object.entries(instructions)) {
    const label = name.replace('small', SMALL);
    if (name !== 'node -e 0' && base) row(`instructions: ${label}`, `${(n / 1e6).toFixed(0)} M`, `${fmtX(n / base)} node`, '', '(reference)', undefined);
    else row(`instructions: ${label}`, `${(n / 1e6).toFixed(0)} M`, '', '', '', undefined);
  }
}
if (big) {
  if (m['floor 10k']) row('floor 10k: js-yaml load+dump of the input', fmtMs(m['floor 10k'].ms), '', cpuOf(m['floor 10k']), '', undefined);
  if (m['output floor 10k']) row('output floor 10k: load input, dump render output', fmtMs(m['output floor 10k'].ms), '', cpuOf(m['output floor 10k']), '', undefined);
  if (wants('validate')) compare('validate 10k', 'validate 10k', 'floor 10k', 'floor', TARGETS.validateVsFloor);
  if (wants('render')) {
    compare('render 10k', 'render 10k', 'output floor 10k', 'out-floor', TARGETS.renderVsOutputFloor);
    compare('render 10k vs input floor', 'render 10k', 'floor 10k', 'floor');
  }
  if (wants('plan')) compare('plan 10k', 'plan 10k', 'floor 10k', 'floor');
}
if (huge) compare('render 50k vs render 10k (5x the input)', 'render 50k', 'render 10k', '10k', TARGETS.growth50k);
// The Argo CD plugin's refresh, measured on its own (scripts/bench-argocd.mjs).
if (wants('small')) {
  log('argocd plugin');
  const a = benchArgocd({ root: ROOT, benchDir: BENCH_DIR, runs: opts.runs, log, skipGen: opts.skipGen });
  result.rows.push(...a.rows);
  Object.assign(m, a.measures);
  Object.assign(failed, a.failed);
}
for (const name of ['render small', 'validate small', 'validate 10k', 'render 10k', 'plan 10k', 'render 50k']) {
  if (m[name]?.peakRssMiB) row(`peak RSS ${name.replace('small', SMALL)}`, `${m[name].peakRssMiB.toFixed(0)} MiB`, '', '', '(reference)', undefined);
}

// Sanity checks outside the timings: the generated repo is meant to be valid (a diagnostic is
// a generator bug or a false positive), and render must inject and expand, or its time says little.
if (big) {
  const v = spawnSync(process.execPath, [BIN, 'validate', big.dir, '--format', 'json'], { cwd: ROOT, maxBuffer: 256 * 1024 * 1024 });
  try {
    const { summary } = JSON.parse(v.stdout.toString('utf8'));
    result.checks = { validate10k: { status: v.status, errors: summary.errors, warnings: summary.warnings } };
  } catch {
    result.checks = { validate10k: { status: v.status, error: firstLine(v.stderr?.toString('utf8') ?? '') } };
  }
  if (renderedDocs) {
    const docsIn = big.files.reduce((n, f) => n + yaml.loadAll(readFileSync(f, 'utf8')).filter((d) => d != null).length, 0);
    result.checks.render10k = { documentsIn: docsIn, documentsOut: renderedDocs.length, bytesIn: big.bytes, bytesOut: renderedBytes };
  }
}

// ---------------------------------------------------------------- output

if (opts.json) {
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} else {
  const e = result.environment;
  const out = [`kruisec bench: node ${e.node}, ${e.platform}, ${e.cpus} x ${e.cpu}`];
  if (wants('small')) out.push(`  small: ${SMALL}, ${SMALL_FILES} files; best of ${opts.runs * opts.smallRepeat} runs each`);
  for (const [size, r] of Object.entries(result.repos)) {
    if (size !== 'small') out.push(`  ${size}: ${r.path}, ${r.files} files, ${(r.bytes / 1e6).toFixed(2)} MB${r.renderedBytes ? `, rendered to ${(r.renderedBytes / 1e6).toFixed(2)} MB` : ''}; best of ${opts.runs} runs`);
  }
  out.push('  runs interleaved; time = best wall clock (the targets); cpu = user+sys, and its ratio to the same baseline');
  out.push('');
  const head = ['measure', 'time', 'ratio', 'cpu', 'target', 'result'];
  const cells = result.rows.map((r) => [r.what, r.time, r.ratio, r.cpu, r.target, r.result]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => String(c[i]).length)));
  const line = (c) => c.map((x, i) => String(x).padEnd(widths[i])).join('  ').trimEnd();
  out.push(line(head), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line), '');
  for (const [name, why] of Object.entries(failed)) out.push(`failed: ${name}: ${why}`);
  const c = result.checks;
  if (c?.validate10k) out.push(`check: validate 10k exit ${c.validate10k.status}${c.validate10k.error ? `: ${c.validate10k.error}` : `, ${c.validate10k.errors} errors, ${c.validate10k.warnings} warnings`}`);
  if (c?.render10k) out.push(`check: render 10k: ${c.render10k.documentsIn} documents in, ${c.render10k.documentsOut} out`);
  process.stdout.write(`${out.join('\n')}\n`);
}
closeSync(devNull);
process.exit(0);
