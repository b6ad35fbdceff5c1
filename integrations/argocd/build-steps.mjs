#!/usr/bin/env node
// Runs the steps of integrations/argocd/Dockerfile without Docker, so CI can hold the image
// build to what the Dockerfile says (test/argocd-image.test.ts):
//
//   node integrations/argocd/build-steps.mjs [--out DIR] [--reuse-node-modules DIR]
//
// Each stage gets a folder of its own under DIR, standing for the image's root: COPY copies
// from the build context (the repository) or from an earlier stage's folder, WORKDIR and
// absolute paths are taken inside that folder, RUN runs with the Node on the PATH (not the base
// image's; the script says which) in the stage's working folder. A RUN in shell form must use
// relative paths; in exec form an argument starting with "/" is mapped into the stage folder.
// The base image itself is not fetched: only what the Dockerfile adds is checked.
//
// --reuse-node-modules DIR: instead of running `npm ci` (about a minute, most of it unpacking
// the same packages again), hard-link the node_modules that `npm ci` made in DIR from the very
// same package-lock.json (checked byte for byte). Every other step runs as written.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const CONTEXT = resolve(HERE, '..', '..');
const DOCKERFILE = join(HERE, 'Dockerfile');

class StepError extends Error {}

/** Dockerfile instructions: continuation lines joined, comments and blank lines dropped. */
export function instructions(text) {
  const out = [];
  let cur = '';
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (!cur && (/^\s*#/.test(line) || !line.trim())) continue;
    if (line.endsWith('\\')) { cur += `${line.slice(0, -1)} `; continue; }
    cur += line;
    const m = /^\s*([A-Za-z]+)\s+(.*)$/.exec(cur);
    if (!m) throw new StepError(`cannot read Dockerfile line: ${cur}`);
    out.push({ op: m[1].toUpperCase(), args: m[2].trim() });
    cur = '';
  }
  return out;
}

const substitute = (s, vars) => s.replace(/\$\{(\w+)\}|\$(\w+)/g, (all, a, b) => vars[a ?? b] ?? all);

export function runSteps({ out = mkdtempSync(join(tmpdir(), 'kruisec-image-')), reuseNodeModules, log = (s) => process.stdout.write(`${s}\n`) } = {}) {
  const steps = instructions(readFileSync(DOCKERFILE, 'utf8'));
  const globalArgs = {};
  const stages = [];
  let stage;
  const inStage = (p) => join(stage.root, p);
  const absolute = (p) => (p.startsWith('/') ? p : join(stage.workdir, p));
  for (const { op, args } of steps) {
    log(`${op} ${args}`);
    if (op === 'ARG') {
      const [name, value = ''] = args.split('=');
      (stage ? stage.vars : globalArgs)[name] = stage ? stage.vars[name] ?? substitute(value, stage.vars) : value;
      continue;
    }
    if (op === 'FROM') {
      const [image, as, name] = substitute(args, globalArgs).split(/\s+/);
      const index = stages.length;
      stage = { name: as?.toUpperCase() === 'AS' ? name : String(index), image, root: join(out, `stage-${index}`), workdir: '/', env: {}, vars: { ...globalArgs } };
      stages.push(stage);
      // The folders every base image has, which later steps write into.
      for (const d of ['usr/local/bin', 'tmp']) mkdirSync(inStage(d), { recursive: true });
      log(`  (base image ${image} is not fetched; RUN uses node ${process.version} from the PATH)`);
      continue;
    }
    if (!stage) throw new StepError(`${op} before FROM`);
    const a = substitute(args, { ...stage.vars, ...stage.env });
    if (op === 'WORKDIR') {
      stage.workdir = absolute(a);
      mkdirSync(inStage(stage.workdir), { recursive: true });
    } else if (op === 'COPY') {
      const words = a.split(/\s+/);
      const from = words[0].startsWith('--from=') ? words.shift().slice(7) : undefined;
      const dest = absolute(words.pop());
      const source = from === undefined ? CONTEXT : stages.find((s) => s.name === from)?.root;
      if (!source) throw new StepError(`COPY --from=${from}: no such stage`);
      for (const src of words) {
        const path = join(source, src);
        if (!existsSync(path)) throw new StepError(`COPY ${src}: not in the build context`);
        // A folder's contents go into dest; a file goes into dest/ or becomes dest.
        const target = statSync(path).isDirectory() || !(words.length > 1 || a.endsWith('/')) ? dest : join(dest, src.split('/').pop());
        mkdirSync(dirname(inStage(target)), { recursive: true });
        cpSync(path, inStage(target), { recursive: true, verbatimSymlinks: true });
      }
    } else if (op === 'RUN') {
      run(stage, a, reuseNodeModules, log);
    } else if (op === 'ENV') {
      for (const m of a.matchAll(/(\w+)=("[^"]*"|\S+)/g)) stage.env[m[1]] = m[2].replace(/^"|"$/g, '');
    } else if (op === 'USER') {
      stage.user = a; // not enforced here: the image runs as that uid
    } else {
      throw new StepError(`${op}: not handled by build-steps.mjs; add it here or keep the Dockerfile to COPY, RUN, WORKDIR, ENV, ARG, USER`);
    }
  }
  return { out, stages: stages.map(({ name, image, root, env, user }) => ({ name, image, root, env, user })) };
}

function run(stage, command, reuseNodeModules, log) {
  const cwd = join(stage.root, stage.workdir);
  let file, argv;
  if (command.startsWith('[')) {
    [file, ...argv] = JSON.parse(command).map((w) => (w.startsWith('/') ? join(stage.root, w) : w));
  } else {
    if (/(^|[\s=])\/(?!dev\/null)/.test(command)) throw new StepError(`RUN ${command}: a shell-form RUN must use relative paths (see the header of build-steps.mjs)`);
    if (reuseNodeModules && /^npm ci\b/.test(command)) return reuse(reuseNodeModules, cwd, log);
    [file, argv] = ['/bin/sh', ['-c', command]];
  }
  const r = spawnSync(file, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...stage.env, npm_config_update_notifier: 'false' } });
  if (r.status !== 0) throw new StepError(`RUN ${command}: exit ${r.status ?? r.signal}\n${r.stdout}${r.stderr}`);
}

function reuse(from, cwd, log) {
  const lock = (dir) => readFileSync(join(dir, 'package-lock.json'));
  if (!lock(from).equals(lock(cwd))) throw new StepError(`--reuse-node-modules ${from}: its package-lock.json differs from the one copied into the image`);
  if (!existsSync(join(from, 'node_modules', '.package-lock.json'))) throw new StepError(`--reuse-node-modules ${from}: no node_modules installed by npm ci`);
  log(`  (node_modules hard-linked from ${from}, installed by npm ci from the same package-lock.json)`);
  let r = spawnSync('cp', ['-al', join(from, 'node_modules'), join(cwd, 'node_modules')]);
  if (r.status !== 0) { // another file system: copy instead
    rmSync(join(cwd, 'node_modules'), { recursive: true, force: true });
    r = spawnSync('cp', ['-a', join(from, 'node_modules'), join(cwd, 'node_modules')]);
  }
  if (r.status !== 0) throw new StepError(`cp node_modules: ${r.stderr}`);
  // npm rewrites this file in place when it prunes: a copy of its own, not a link to `from`'s.
  const meta = join(cwd, 'node_modules', '.package-lock.json');
  rmSync(meta);
  cpSync(join(from, 'node_modules', '.package-lock.json'), meta);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
  try {
    const r = runSteps({ out: opt('--out') ? resolve(opt('--out')) : undefined, reuseNodeModules: opt('--reuse-node-modules') && resolve(opt('--reuse-node-modules')) });
    process.stdout.write(`image folders: ${r.stages.map((s) => s.root).join(', ')}\n`);
  } catch (e) {
    if (!(e instanceof StepError)) throw e;
    process.stderr.write(`build-steps: ${e.message}\n`);
    process.exit(1);
  }
}
