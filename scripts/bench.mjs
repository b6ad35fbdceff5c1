#!/usr/bin/env node
// kruisec benchmark: `npm run bench` (or `node scripts/bench.mjs [--json] [--runs N] [--skip-gen] [--only render,plan]`).
//
// Generates a 1k- and a 10k-workload repo into .bench/ (scripts/gen-repo.mjs), then measures,
// in the same run and on the same machine:
//   floor        js-yaml load+dump of the same files, in process (read, loadAll, dump each doc)
//   validate     `node bin/kruisec.js validate <repo>`           separate process, stdout -> /dev/null
//   render       `node bin/kruisec.js render <repo>`             ditto
//   plan         `node bin/kruisec.js plan <repo> --output json` ditto (reported n/a until it works)
//   cold start   `node bin/kruisec.js --version` against `node -e 0`
//   peak RSS     of the 10k runs (/usr/bin/time -v, else a resourceUsage() wrapper)
// Timings are best of N wall-clock runs (3; 10 for cold start). Every number is reported as a
// ratio to its baseline from the same run, so machines of different speed agree on PASS/FAIL.
//
// Targets (DEVELOPERS.md "Fast"): render and validate of 10k <= 1.5x floor; cold start <= 2x
// node; 1k -> 10k growth <= 11x. The bench informs, it never gates: it always exits 0.
// It is never a vitest test: timings in tests are flaky by construction.

import { spawnSync } from 'node:child_process';
import { existsSync, openSync, closeSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { cpus, platform, arch } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import yaml from 'js-yaml';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'kruisec.js');
const GEN = join(ROOT, 'scripts', 'gen-repo.mjs');
const BENCH_DIR = join(ROOT, '.bench');

const TARGETS = { ratio10k: 1.5, coldStart: 2, scaling: 11 };

// ---------------------------------------------------------------- arguments

const args = process.argv.slice(2);
const opts = { json: false, runs: 3, coldRuns: 10, skipGen: false, sizes: [1000, 10000], only: null };
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--json') opts.json = true;
  else if (a === '--runs') opts.runs = Math.max(1, Number(args[++i]) || 3);
  else if (a === '--skip-gen') opts.skipGen = true;
  else if (a === '--only') opts.only = String(args[++i] ?? '').split(',').filter(Boolean);
  else if (a === '--help' || a === '-h') {
    process.stdout.write('usage: node scripts/bench.mjs [--json] [--runs N] [--skip-gen] [--only validate,render,plan]\n');
    process.exit(0);
  } else {
    process.stderr.write(`bench: unknown argument ${a}\n`);
    process.exit(2);
  }
}

const log = (msg) => process.stderr.write(`bench: ${msg}\n`);

// ---------------------------------------------------------------- helpers

function label(n) {
  return n >= 1000 ? `${n / 1000}k` : String(n);
}

function repoDir(n) {
  return join(BENCH_DIR, `repo-${label(n)}`);
}

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

/** Best (minimum) of `runs` calls of fn, which returns elapsed milliseconds. */
function best(runs, fn) {
  let min = Infinity;
  const all = [];
  for (let i = 0; i < runs; i++) {
    const ms = fn();
    all.push(ms);
    if (ms < min) min = ms;
  }
  return { ms: min, runs: all };
}

/** js-yaml load of every file and dump of each document read; or, given `outDocs`, load of
 *  every file and dump of `outDocs` (the documents a render printed). */
function floorOnce(files, outDocs) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let docs = 0;
  let bytes = 0;
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    for (const doc of yaml.loadAll(text)) {
      if (doc == null) continue;
      if (!outDocs) bytes += yaml.dump(doc).length;
      docs++;
    }
  }
  if (outDocs) for (const doc of outDocs) bytes += yaml.dump(doc).length;
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { ms, cpuMs: (c.user + c.system) / 1000, docs, bytes };
}

const devNull = openSync('/dev/null', 'w');
// KRUISEC_BENCH_RUSAGE=wrapper forces the fallback (to test it where /usr/bin/time exists).
const HAVE_TIME = existsSync('/usr/bin/time') && process.env.KRUISEC_BENCH_RUSAGE !== 'wrapper';
const TIME_TAG = 'BENCH_RUSAGE';

// Without /usr/bin/time, a wrapper process runs the CLI in itself and reports its own usage.
const WRAPPER = [
  'const [bin, ...rest] = process.argv.slice(1);',
  'process.argv = [process.argv[0], bin, ...rest];',
  "process.on('exit', () => { const u = process.resourceUsage();",
  `  require('node:fs').writeSync(2, \`\\n${TIME_TAG} \${(u.userCPUTime + u.systemCPUTime) / 1e6} \${u.maxRSS}\\n\`); });`,
  "import(require('node:url').pathToFileURL(bin).href);",
].join('\n');

/**
 * One CLI run as its own process; stdout to /dev/null, stderr kept for reporting. With
 * `usage`, also CPU time (user+sys) and peak RSS of the process, from /usr/bin/time or the
 * wrapper.
 */
function runCli(argv, usage = false, capture = false) {
  let cmd = process.execPath;
  let args = argv;
  if (usage && HAVE_TIME) {
    cmd = '/usr/bin/time';
    args = ['-f', `${TIME_TAG} %U+%S %M`, process.execPath, ...argv];
  } else if (usage) {
    args = ['-e', WRAPPER, ...argv];
  }
  const t0 = performance.now();
  const r = spawnSync(cmd, args, {
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
  // /usr/bin/time reports a killed child in words before its tag; keep the child's status.
  return { ms, cpuMs, rssKb, status: r.status, signal: r.signal, stderr, ...(capture ? { stdout: r.stdout } : {}) };
}

function firstLine(s) {
  const line = s.split('\n').find((l) => l.trim()) ?? '';
  return line.length > 160 ? `${line.slice(0, 157)}...` : line;
}

// ---------------------------------------------------------------- run

const result = {
  environment: { node: process.version, platform: `${platform()}/${arch()}`, cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown' },
  targets: TARGETS,
  repos: {},
  floor: {},
  commands: {},
  coldStart: null,
  peakRssMiB: {},
  checks: {},
  rows: [],
};

if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
  log('dist/ is missing: run `npm run build` first (bin/kruisec.js loads the compiled CLI). Only the floor is measured.');
}

const ALL_COMMANDS = [
  ['validate', (dir) => [BIN, 'validate', dir]],
  ['render', (dir) => [BIN, 'render', dir]],
  ['plan', (dir) => [BIN, 'plan', dir, '--output', 'json']],
];
const unknown = (opts.only ?? []).filter((c) => !ALL_COMMANDS.some(([n]) => n === c));
if (unknown.length) {
  process.stderr.write(`bench: --only takes validate, render and plan, not ${unknown.join(', ')}\n`);
  process.exit(2);
}
const COMMANDS = opts.only ? ALL_COMMANDS.filter(([n]) => opts.only.includes(n)) : ALL_COMMANDS;

const filesBySize = {};
for (const n of opts.sizes) {
  const dir = repoDir(n);
  const marker = join(dir, '.gen-repo.json');
  if (!opts.skipGen || !existsSync(marker)) {
    log(`generating ${label(n)} repo in ${relative(ROOT, dir)}`);
    const g = spawnSync(process.execPath, [GEN, '--workloads', String(n), '--out', dir], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    if (g.status !== 0) {
      log(`gen-repo failed: ${g.stderr}`);
      process.exit(0);
    }
  }
  const files = listYaml(dir);
  filesBySize[label(n)] = files;
  result.repos[label(n)] = { path: relative(ROOT, dir), workloads: n, files: files.length, bytes: files.reduce((s, f) => s + statSync(f).size, 0) };
}

// Warm-up round (not counted): page cache, JIT, and whether each command works at all.
const samples = {}; // key "floor 1k" / "render 10k" -> [{ms, cpuMs, rssKb, status, stderr}]
const available = {};
const renderedDocs = {};
for (const n of opts.sizes) {
  const size = label(n);
  log(`warm-up ${size}`);
  const f = floorOnce(filesBySize[size]);
  result.floor[size] = { docs: f.docs };
  for (const [name, argvFor] of COMMANDS) {
    const probe = runCli(argvFor(relative(ROOT, repoDir(n))), false, name === 'render');
    available[`${name} ${size}`] = probe.status !== 2 && probe.status !== null;
    if (name === 'render' && probe.status === 0) {
      // Render's output is bigger than its input (injected sidecars, subset workloads), so a
      // second, informational floor dumps what render printed instead of what it read.
      const text = probe.stdout.toString('utf8');
      renderedDocs[size] = yaml.loadAll(text).filter((d) => d != null);
      result.repos[size].renderedBytes = Buffer.byteLength(text);
    }
    if (!available[`${name} ${size}`]) {
      result.commands[name] ??= {};
      result.commands[name][size] = { available: false, status: probe.status, signal: probe.signal, error: firstLine(probe.stderr) };
    }
  }
}

// Measured rounds, interleaved: each round runs the floor and every command once per size, so
// a burst of load on a shared machine hits the floor and the commands alike.
for (let round = 1; round <= opts.runs; round++) {
  for (const n of opts.sizes) {
    const size = label(n);
    log(`round ${round}/${opts.runs}, ${size}`);
    (samples[`floor ${size}`] ??= []).push(floorOnce(filesBySize[size]));
    if (renderedDocs[size]) (samples[`floor-out ${size}`] ??= []).push(floorOnce(filesBySize[size], renderedDocs[size]));
    for (const [name, argvFor] of COMMANDS) {
      if (!available[`${name} ${size}`]) continue;
      (samples[`${name} ${size}`] ??= []).push(runCli(argvFor(relative(ROOT, repoDir(n))), true));
    }
  }
}

const minOf = (list, key) => Math.min(...list.map((x) => x[key]).filter((v) => typeof v === 'number'));
for (const n of opts.sizes) {
  const size = label(n);
  const fl = samples[`floor ${size}`];
  Object.assign(result.floor[size], { ms: minOf(fl, 'ms'), cpuMs: minOf(fl, 'cpuMs'), runs: fl.map((x) => x.ms) });
  const fo = samples[`floor-out ${size}`];
  if (fo) result.floorRenderOutput = { ...result.floorRenderOutput, [size]: { ms: minOf(fo, 'ms'), cpuMs: minOf(fo, 'cpuMs'), docs: renderedDocs[size].length } };
  for (const [name] of COMMANDS) {
    result.commands[name] ??= {};
    const list = samples[`${name} ${size}`];
    if (!list) continue;
    const odd = list.find((x) => x.status !== 0);
    const ms = minOf(list, 'ms');
    const cpuMs = minOf(list, 'cpuMs');
    const rss = Math.max(...list.map((x) => x.rssKb ?? 0));
    result.commands[name][size] = {
      available: true,
      ms,
      runs: list.map((x) => x.ms),
      status: odd ? odd.status : 0,
      ratioToFloor: ms / result.floor[size].ms,
      ...(Number.isFinite(cpuMs) ? { cpuMs, cpuRatioToFloor: cpuMs / result.floor[size].cpuMs } : {}),
      ...(rss > 0 ? { peakRssMiB: rss / 1024 } : {}),
      ...(odd ? { note: firstLine(odd.stderr) } : {}),
    };
    if (n === opts.sizes[opts.sizes.length - 1] && rss > 0) {
      result.peakRssMiB[name] = { mib: rss / 1024, via: HAVE_TIME ? '/usr/bin/time' : 'process.resourceUsage() wrapper' };
    }
  }
}

log('cold start');
const node0 = best(opts.coldRuns, () => runCli(['-e', '0']).ms);
const version = runCli([BIN, '--version']);
if (version.status === 0) {
  const v = best(opts.coldRuns, () => runCli([BIN, '--version']).ms);
  result.coldStart = { nodeMs: node0.ms, kruisecMs: v.ms, ratio: v.ms / node0.ms };
} else {
  result.coldStart = { nodeMs: node0.ms, available: false, error: firstLine(version.stderr) };
}

// Sanity checks on the 1k repo, outside the timings: does validate accept the generated repo,
// and does render change anything yet (SidecarSet injection, UnitedDeployment expansion)?
{
  const dir = relative(ROOT, repoDir(opts.sizes[0]));
  const v = spawnSync(process.execPath, [BIN, 'validate', dir, '--format', 'json'], { cwd: ROOT, maxBuffer: 256 * 1024 * 1024 });
  try {
    const report = JSON.parse(v.stdout.toString('utf8'));
    const byRule = {};
    for (const d of report.diagnostics ?? []) byRule[`${d.severity ?? '?'} ${d.ruleId ?? '?'}`] = (byRule[`${d.severity ?? '?'} ${d.ruleId ?? '?'}`] ?? 0) + 1;
    result.checks.validate1k = { status: v.status, summary: report.summary, byRule };
  } catch {
    result.checks.validate1k = { status: v.status, error: firstLine(v.stderr?.toString('utf8') ?? '') };
  }
  const r = spawnSync(process.execPath, [BIN, 'render', dir], { cwd: ROOT, maxBuffer: 512 * 1024 * 1024 });
  const out = r.stdout?.toString('utf8') ?? '';
  const docsOut = out.split(/^---$/m).filter((d) => d.trim()).length;
  const input = result.floor[label(opts.sizes[0])].docs;
  // Lines naming a sidecar container: the count in the input (SidecarSet definitions) is the
  // baseline; every extra one in the output was injected into a pod or pod template.
  const SIDECAR = /^[\s-]*name: (logtail|mesh-proxy|metrics-exporter|config-reloader)\s*$/gm;
  const count = (text) => (text.match(SIDECAR) ?? []).length;
  const baseline = listYaml(repoDir(opts.sizes[0])).reduce((n, f) => n + count(readFileSync(f, 'utf8')), 0);
  const injected = count(out) - baseline;
  result.checks.render1k = {
    status: r.status,
    documentsIn: input,
    documentsOut: docsOut,
    injectedSidecars: Math.max(0, injected),
    placeholder: r.status === 0 && injected <= 0 && docsOut <= input,
  };
}

// ---------------------------------------------------------------- rows

const passThrough = result.checks.render1k?.placeholder === true;

const fmtMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const fmtX = (x) => `${x.toFixed(2)}x`;
const [small, large] = opts.sizes.map(label);

const notes = [];
function row(what, measured, ratio, target, pass, note, cpu = '') {
  let mark = '';
  if (note) {
    notes.push(note);
    mark = ` [${notes.length}]`;
  }
  result.rows.push({ what, measured, ratio, cpu, target, result: (pass === undefined ? '' : pass ? 'PASS' : 'FAIL') + mark, ...(note ? { note } : {}) });
}

row(`floor ${small} (js-yaml load+dump, in process)`, fmtMs(result.floor[small].ms), '', '', undefined, undefined, fmtMs(result.floor[small].cpuMs));
row(`floor ${large}`, fmtMs(result.floor[large].ms), '', '', undefined, undefined, fmtMs(result.floor[large].cpuMs));
for (const [name] of COMMANDS) {
  for (const size of [small, large]) {
    const c = result.commands[name][size];
    const gated = size === large && (name === 'render' || name === 'validate');
    if (!c.available) {
      row(`${name} ${size}`, 'n/a', '', gated ? `<= ${TARGETS.ratio10k}x floor` : '', gated ? false : undefined,
        `${name} ${size} did not run (exit ${c.status ?? c.signal}): ${c.error}`);
      continue;
    }
    let note;
    if (c.status !== 0) note = `${name} ${size} exited ${c.status}: ${c.note}`;
    else if (name === 'render' && passThrough) note = `render ${size}: render does not inject or expand anything yet (pass-through), so this time says little`;
    row(`${name} ${size}`, fmtMs(c.ms), `${fmtX(c.ratioToFloor)} floor`, gated ? `<= ${TARGETS.ratio10k}x floor` : '',
      gated ? c.ratioToFloor <= TARGETS.ratio10k : undefined, size === large || c.status !== 0 ? note : undefined,
      c.cpuMs !== undefined ? `${fmtMs(c.cpuMs)} = ${fmtX(c.cpuRatioToFloor)}` : '');
    const fo = result.floorRenderOutput?.[size];
    if (name === 'render' && fo) {
      c.ratioToOutputFloor = c.ms / fo.ms;
      row(`  render ${size} vs output floor`, fmtMs(fo.ms), `${fmtX(c.ratioToOutputFloor)} out-floor`, '(reference)', undefined,
        size === large ? `output floor: js-yaml load of the input and dump of the ${fo.docs} documents render printed (${(result.repos[size].renderedBytes / 1e6).toFixed(2)} MB out vs ${(result.repos[size].bytes / 1e6).toFixed(2)} MB in); informational, the target is on the input floor` : undefined,
        c.cpuMs !== undefined ? `${fmtMs(fo.cpuMs)} = ${fmtX(c.cpuMs / fo.cpuMs)}` : '');
    }
  }
}
const floorScaling = result.floor[large].ms / result.floor[small].ms;
row(`scaling floor ${small}->${large}`, '', fmtX(floorScaling), '(reference)', undefined, undefined,
  fmtX(result.floor[large].cpuMs / result.floor[small].cpuMs));
result.scaling = { floor: floorScaling };
for (const [name] of COMMANDS) {
  const a = result.commands[name][small];
  const b = result.commands[name][large];
  if (a?.available && b?.available) {
    const s = b.ms / a.ms;
    result.scaling[name] = s;
    row(`scaling ${name} ${small}->${large}`, '', fmtX(s), `<= ${TARGETS.scaling}x`, s <= TARGETS.scaling, undefined,
      a.cpuMs !== undefined && b.cpuMs !== undefined ? fmtX(b.cpuMs / a.cpuMs) : '');
  } else {
    row(`scaling ${name} ${small}->${large}`, 'n/a', '', `<= ${TARGETS.scaling}x`, name === 'plan' ? undefined : false);
  }
}
if (result.coldStart.ratio !== undefined) {
  row('cold start (--version vs node -e 0)', `${fmtMs(result.coldStart.kruisecMs)} vs ${fmtMs(result.coldStart.nodeMs)}`, fmtX(result.coldStart.ratio),
    `<= ${TARGETS.coldStart}x`, result.coldStart.ratio <= TARGETS.coldStart);
} else {
  row('cold start (--version vs node -e 0)', 'n/a', '', `<= ${TARGETS.coldStart}x`, false, `--version failed: ${result.coldStart.error}`);
}
for (const [name, rss] of Object.entries(result.peakRssMiB)) {
  row(`peak RSS ${name} ${large}`, `${rss.mib.toFixed(0)} MiB`, '', '(reference)');
}
result.notes = notes;

// ---------------------------------------------------------------- output

if (opts.json) {
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
} else {
  const out = [];
  const e = result.environment;
  out.push(`kruisec bench: node ${e.node}, ${e.platform}, ${e.cpus} x ${e.cpu}`);
  for (const [size, r] of Object.entries(result.repos)) {
    out.push(`  repo ${size}: ${r.workloads} workloads, ${r.files} files, ${(r.bytes / 1e6).toFixed(2)} MB, ${result.floor[size].docs} documents (${r.path})`);
  }
  out.push(`  best of ${opts.runs} interleaved rounds (cold start: best of ${opts.coldRuns}); ratios are to the same run's baseline`);
  out.push('  time = wall clock (the targets); cpu = user+sys CPU time and its ratio, steadier when the machine is busy');
  out.push('');
  const head = ['measure', 'time', 'ratio', 'cpu', 'target', 'result'];
  const cells = result.rows.map((r) => [r.what, r.measured, r.ratio, r.cpu, r.target, r.result]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => String(c[i]).length)));
  const line = (c) => c.map((x, i) => String(x).padEnd(widths[i])).join('  ').trimEnd();
  out.push(line(head));
  out.push(line(widths.map((w) => '-'.repeat(w))));
  for (const c of cells) out.push(line(c));
  out.push('');
  notes.forEach((n, i) => out.push(`[${i + 1}] ${n}`));
  if (notes.length) out.push('');
  const v = result.checks.validate1k;
  if (v.summary) {
    const rules = Object.entries(v.byRule).map(([k, n]) => `${n} ${k}`).join(', ');
    out.push(`check: validate ${small} exit ${v.status}, ${v.summary.errors} errors, ${v.summary.warnings} warnings${rules ? ` (${rules})` : ''}`);
  } else {
    out.push(`check: validate ${small} exit ${v.status}: ${v.error}`);
  }
  const r = result.checks.render1k;
  out.push(`check: render ${small} exit ${r.status}, ${r.documentsIn} documents in, ${r.documentsOut} out, ${r.injectedSidecars} sidecars injected${r.placeholder ? ' -- render looks like a pass-through placeholder' : ''}`);
  process.stdout.write(`${out.join('\n')}\n`);
}
closeSync(devNull);
process.exit(0);
