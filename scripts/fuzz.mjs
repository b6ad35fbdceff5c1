#!/usr/bin/env node
// Type-flip fuzzing at scale (issue #13 item 3): `node scripts/fuzz.mjs [--count 100000]
// [--seed 1] [--workers 2] [--timeout 10]`. Mutations of the manifests in fixtures/, test/cases
// and the testdata folders (test/fuzz/mutate.ts: one or two values flipped to a list, map,
// number, null, string, list of null or boolean, or the file cut at a random byte), each run
// through one CLI command in turn (validate in each format, render, render --explain, plan
// against the unmutated file) in worker processes. A mutation with no answer within --timeout
// seconds is a hang: its worker is killed and a new one carries on after it. Prints the counts
// (mutations, exit codes, internal errors, hangs, wall time) and each failure; exits 1 if any.
// The suite's test/fuzz/fuzz.test.ts runs every pattern once; this runs as many as asked.
import { fork } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const WORKER = join(ROOT, 'test', 'fuzz', 'worker.ts');

const opts = { count: 100_000, seed: 1, workers: 2, timeout: 10 };
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  const key = args[i].replace(/^--/, '');
  if (!(key in opts) || args[i + 1] === undefined || !/^\d+$/.test(args[i + 1])) {
    process.stderr.write(`usage: node scripts/fuzz.mjs [--count N] [--seed N] [--workers N] [--timeout SECONDS]\n`);
    process.exit(2);
  }
  opts[key] = Number(args[++i]);
}

const started = Date.now();
const counts = { mutations: 0, exit0: 0, exit1: 0, exit2: 0, internal: 0, hangs: 0 };
const failures = [];

/** Runs mutations [from, to) in one worker, restarting after a hang. */
function runRange(from, to) {
  return new Promise((done) => {
    if (from >= to) return done();
    const child = fork(WORKER, [String(from), String(to), String(opts.seed)], { cwd: ROOT, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    let current = from;
    let timer;
    const arm = () => { clearTimeout(timer); timer = setTimeout(onHang, opts.timeout * 1000); };
    const onHang = () => {
      counts.hangs++;
      counts.mutations++;
      failures.push(`hang: mutation ${current} (seed ${opts.seed})`);
      child.removeAllListeners('exit');
      child.kill('SIGKILL');
      runRange(current + 1, to).then(done);
    };
    arm();
    child.on('message', (m) => {
      arm();
      if ('start' in m) { current = m.start; return; }
      counts.mutations++;
      counts[`exit${m.code}`] = (counts[`exit${m.code}`] ?? 0) + 1;
      if (m.internal) { counts.internal++; failures.push(`internal error: mutation ${m.done}: ${m.internal}`); }
      if (counts.mutations % 5000 === 0) process.stderr.write(`fuzz: ${counts.mutations}/${opts.count} after ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) return done();
      counts.internal++;
      failures.push(`worker exited with ${code} at mutation ${current}`);
      runRange(current + 1, to).then(done);
    });
  });
}

const per = Math.ceil(opts.count / opts.workers);
await Promise.all(Array.from({ length: opts.workers }, (_, w) => runRange(w * per, Math.min(opts.count, (w + 1) * per))));
const wall = ((Date.now() - started) / 1000).toFixed(1);
for (const f of failures.slice(0, 50)) process.stdout.write(`${f}\n`);
process.stdout.write(`fuzz: ${counts.mutations} mutations (seed ${opts.seed}): exit 0: ${counts.exit0}, exit 1: ${counts.exit1}, exit 2: ${counts.exit2}; internal errors: ${counts.internal}; hangs: ${counts.hangs}; wall time ${wall} s\n`);
process.exitCode = counts.internal || counts.hangs ? 1 : 0;
