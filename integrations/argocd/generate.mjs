#!/usr/bin/env node
// `generate` of the kruisec Config Management Plugin (plugin.yaml). Runs in the application's
// source folder inside the kruisec sidecar of argocd-repo-server:
//
//   1. options from ARGOCD_APP_PARAMETERS (the UI/Application parameters), then plugin env
//      ARGOCD_ENV_KRUISEC_<NAME>, then the defaults announced in plugin.yaml;
//   2. when the folder is a plan (written by `kruisec plan --output dir=`), the stage to sync:
//      parameter `stage`, else the stage reconcile recorded in the cluster;
//   3. `kruisec render --form apply`: the manifests as written and validated, SidecarSets as
//      the API server stores them, nothing that Kruise's controllers or pod webhook add
//      (`materialize: true` injects sidecars into templates, for clusters without the webhook).
//      kruisec runs in this process (dist/kruisec.js `main(argv, io)`): a refresh pays for one
//      Node start, not two. Its diagnostics go to stderr, which Argo CD shows when generation
//      fails; the YAML stream is held back and printed only on exit 0 and when not empty.
//
// Parameters and env come from whoever can edit the Application: each is checked here, and
// paths are kept inside the application folder after glob and brace expansion, with symlinks
// resolved. They reach kruisec as separate arguments, paths after `--` (never as options).
// Exit codes: kruisec's own (1 input invalid, 2 usage or environment), 2 for a bad parameter.

import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const DEFAULTS = {
  paths: ['.'], strict: 'false', 'fail-on': 'error', config: '', 'kruise-namespace': '', 'kruise-version': '',
  'feature-gates': {}, 'namespace-labels': {}, materialize: 'false', stage: '', rollout: 'default', 'rollout-namespace': '',
};
// The characters kruisec's discovery treats as a glob (src/load/discover.ts).
const GLOB_CHARS = /[*?[\]{}!]/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
// How long the cluster may take to tell which stage a rollout is at; the repo-server's own
// deadline is 60 s by default.
const STATE_TIMEOUT_MS = 10_000;

class ParameterError extends Error {
  constructor(message, code = 2) {
    super(message);
    this.code = code;
  }
}

function fail(message, code = 2) {
  throw new ParameterError(message, code);
}

/** name -> value from ARGOCD_APP_PARAMETERS: [{name, string} | {name, array} | {name, map}]. */
function appParameters(env) {
  const raw = env.ARGOCD_APP_PARAMETERS;
  if (!raw) return {};
  let list;
  try {
    list = JSON.parse(raw);
  } catch {
    fail('ARGOCD_APP_PARAMETERS is not valid JSON');
  }
  if (!Array.isArray(list)) fail('ARGOCD_APP_PARAMETERS must be a JSON array');
  const out = {};
  for (const p of list) {
    if (!p || typeof p.name !== 'string') continue;
    if (!Object.hasOwn(DEFAULTS, p.name)) fail(`unknown parameter ${JSON.stringify(p.name)}; known: ${Object.keys(DEFAULTS).join(', ')}`);
    out[p.name] = p.array ?? p.map ?? p.string ?? '';
  }
  return out;
}

/** A map written as text: `KEY=VALUE;KEY=VALUE` (feature gates may also use commas). */
function parseMap(name, v) {
  const m = {};
  const sep = name === 'feature-gates' ? /[;,]/ : /;/;
  for (const part of v.split(sep).map((x) => x.trim()).filter(Boolean)) {
    const i = part.indexOf('=');
    if (i <= 0) fail(`${name}: expected KEY=VALUE;KEY=VALUE, got ${JSON.stringify(part)}`);
    m[part.slice(0, i)] = part.slice(i + 1);
  }
  return m;
}

/** Plugin env (spec.source.plugin.env), which Argo CD prefixes with ARGOCD_ENV_. */
function envOption(env, name) {
  const v = env[`ARGOCD_ENV_KRUISEC_${name.toUpperCase().replace(/-/g, '_')}`];
  if (v === undefined || v === '') return undefined;
  if (Array.isArray(DEFAULTS[name])) return v.split(/[\s,]+/).filter(Boolean);
  if (typeof DEFAULTS[name] === 'object') return parseMap(name, v);
  return v;
}

/** A relative path without NUL, absolute form or `..` segment; containment proper is checked
 *  on real paths after expansion (contained()). */
function relativePath(p, what) {
  if (typeof p !== 'string' || p === '') fail(`${what} must be a non-empty string`);
  if (isAbsolute(p) || p.includes('\0') || p.split(/[\\/]/).includes('..')) {
    fail(`${what} ${JSON.stringify(p)} must be a relative path inside the application folder`);
  }
  return p;
}

function options(env) {
  const params = appParameters(env);
  const o = {};
  // An empty string is a cleared field in the UI: the env or the default holds.
  for (const name of Object.keys(DEFAULTS)) o[name] = (params[name] === '' ? undefined : params[name]) ?? envOption(env, name) ?? DEFAULTS[name];
  if (typeof o.paths === 'string') o.paths = o.paths.split(/[\s,]+/).filter(Boolean);
  for (const name of ['feature-gates', 'namespace-labels']) {
    if (typeof o[name] === 'string') o[name] = parseMap(name, o[name]);
    if (o[name] === null || typeof o[name] !== 'object' || Array.isArray(o[name])) fail(`${name} must be a map`);
  }
  for (const name of ['strict', 'fail-on', 'config', 'kruise-namespace', 'kruise-version', 'materialize', 'stage', 'rollout', 'rollout-namespace']) {
    if (typeof o[name] !== 'string') fail(`${name} must be a string parameter`);
  }
  if (!Array.isArray(o.paths) || o.paths.length === 0) o.paths = ['.'];
  o.paths = o.paths.map((p) => relativePath(p, 'path'));
  for (const name of ['strict', 'materialize']) if (!['true', 'false'].includes(o[name])) fail(`${name} must be "true" or "false"`);
  if (!['error', 'warning'].includes(o['fail-on'])) fail('fail-on must be "error" or "warning"');
  if (o.config) relativePath(o.config, 'config');
  if (o['kruise-namespace'] && !DNS_LABEL.test(o['kruise-namespace'])) fail('kruise-namespace must be a namespace name');
  if (o['kruise-version'] && !/^v?\d+\.\d+(\.\d+)?$/.test(o['kruise-version'])) fail('kruise-version must look like 1.8 or 1.8.2');
  if (o.stage && !/^\d{1,3}$/.test(o.stage)) fail(`stage must be a stage number (0 for stage-00), got ${JSON.stringify(o.stage)}`);
  if (!/^[a-z0-9]([-a-z0-9]{0,40}[a-z0-9])?$/.test(o.rollout)) fail('rollout must be a rollout name (lower-case letters, digits and -)');
  if (o['rollout-namespace'] && !DNS_LABEL.test(o['rollout-namespace'])) fail('rollout-namespace must be a namespace name');
  for (const [gate, on] of Object.entries(o['feature-gates'])) {
    if (!/^[A-Za-z0-9]+$/.test(gate) || !['true', 'false'].includes(String(on))) fail(`feature-gates: ${JSON.stringify(gate)} must be a gate name set to "true" or "false"`);
  }
  for (const [ns, labels] of Object.entries(o['namespace-labels'])) {
    if (!DNS_LABEL.test(ns)) fail(`namespace-labels: ${JSON.stringify(ns)} is not a namespace name`);
    if (typeof labels !== 'string' || !/^[^=,\s]+=[^=,\s]*(,[^=,\s]+=[^=,\s]*)*$/.test(labels)) fail(`namespace-labels: ${ns} must be "key=value,key=value"`);
  }
  return o;
}

/** Where kruisec is installed: KRUISEC_HOME, else two folders above KRUISEC_BIN (bin/kruisec.js,
 *  or a link to it such as /usr/local/bin/kruisec). */
function kruisecHome(env) {
  if (env.KRUISEC_HOME) return resolve(env.KRUISEC_HOME);
  const bin = env.KRUISEC_BIN || '/opt/kruisec/bin/kruisec.js';
  let real = bin;
  try { real = realpathSync(bin); } catch { /* reported below as not installed */ }
  return resolve(dirname(real), '..');
}

const inside = (root, p) => p === root || p.startsWith(root + sep);

/** Every file or folder `p` names, after glob and brace expansion exactly as kruisec expands it
 *  (globby, same options), resolved through symlinks, must be inside the application folder. */
async function checkContained(p, cwd, root, home) {
  const abs = resolve(cwd, p);
  let st;
  try { st = statSync(abs); } catch { st = undefined; }
  let targets;
  if (st) targets = [abs];
  else if (GLOB_CHARS.test(p)) {
    const { globby } = await import(pathToFileURL(join(home, 'node_modules', 'globby', 'index.js')).href);
    targets = (await globby([p], { cwd, dot: false })).map((f) => resolve(cwd, f));
  } else return; // kruisec says "no such file or directory"
  for (const t of targets) {
    let real;
    try { real = realpathSync(t); } catch { continue; } // a dangling link: nothing is read through it
    if (!inside(root, real)) fail(`path ${JSON.stringify(p)} reaches ${JSON.stringify(relative(cwd, t) || '.')} outside the application folder`);
  }
}

/** A folder written by `kruisec plan --output dir=`: its plan.json and stage folders. */
function planAt(dir) {
  const file = join(dir, 'plan.json');
  if (!existsSync(file) || !existsSync(join(dir, 'stage-00'))) return undefined;
  let stages;
  try {
    stages = JSON.parse(readFileSync(file, 'utf8')).stages;
  } catch (e) {
    fail(`plan.json: not a plan written by kruisec plan --output dir= (${e.message})`, 1);
  }
  if (!Array.isArray(stages) || stages.length === 0) fail('plan.json: no stages', 1);
  return { count: stages.length };
}

const stageFolder = (dir, n) => join(dir, `stage-${String(n).padStart(2, '0')}`);

/** Runs kruisec's CLI in this process; stdout is collected, stderr passed on. */
async function runKruisec(main, argv, cwd, stderr) {
  const out = [];
  const io = {
    out: (s) => { out.push(typeof s === 'string' ? Buffer.from(s) : s); },
    err: (s) => stderr(s),
    cwd,
    tty: false,
  };
  const code = await main(argv, io);
  return { code, out: Buffer.concat(out) };
}

/** The stage reconcile recorded in the cluster (`kruisec status`), or why it could not be read. */
async function recordedStage(main, o, cwd) {
  const argv = ['status', o.rollout, '--output', 'json'];
  if (o['rollout-namespace']) argv.push('--namespace', o['rollout-namespace']);
  let why = '';
  let timer;
  const timeout = new Promise((res) => { timer = setTimeout(() => res({ code: -1, out: Buffer.alloc(0) }), STATE_TIMEOUT_MS); });
  const r = await Promise.race([runKruisec(main, argv, cwd, (s) => { why += s; }), timeout]);
  clearTimeout(timer);
  if (r.code === -1) return { why: `no answer from the cluster within ${STATE_TIMEOUT_MS / 1000} s` };
  if (r.code !== 0) return { why: why.trim().replace(/^kruisec: /, '') || `kruisec status exited ${r.code}`, noRollout: /no rollout /.test(why) };
  try {
    const [s] = JSON.parse(r.out.toString('utf8')).rollouts;
    return { stage: s.state.stage, stages: s.state.stages, phase: s.state.phase };
  } catch (e) {
    return { why: `kruisec status printed no rollout (${e.message})` };
  }
}

/** The paths to render: the given ones, or one stage of the plan the folder holds. */
async function inputs(main, o, cwd, note) {
  const planDir = o.paths.length === 1 ? resolve(cwd, o.paths[0]) : undefined;
  const plan = planDir && statSync(planDir, { throwIfNoEntry: false })?.isDirectory() ? planAt(planDir) : undefined;
  if (!plan) {
    if (o.stage) fail(`stage ${o.stage} is set, but ${JSON.stringify(o.paths.join(' '))} is not a plan folder (plan.json and stage-00/, written by kruisec plan --output dir=)`);
    return o.paths;
  }
  const last = plan.count - 1;
  let stage;
  if (o.stage) {
    stage = Number(o.stage);
    if (stage > last) fail(`stage ${stage}: the plan has stages 0 to ${last}`);
    note(`plan with ${plan.count} stages: syncing stage ${stage} (parameter stage)`);
  } else {
    const rec = await recordedStage(main, o, cwd);
    if (rec.stage !== undefined && rec.stages !== plan.count) {
      fail(`rollout ${o.rollout} in the cluster has ${rec.stages} stages, this plan ${plan.count}: it is another plan; set parameter stage to choose`);
    }
    if (rec.stage !== undefined) {
      stage = rec.stage;
      note(`plan with ${plan.count} stages: syncing stage ${stage}, where rollout ${o.rollout} is in the cluster (${rec.phase})`);
    } else if (rec.noRollout) {
      stage = 0;
      note(`plan with ${plan.count} stages: syncing stage 0, since the cluster has no rollout ${o.rollout} yet (${rec.why})`);
    } else {
      // Any guess could undo a rollout (an earlier stage raises partitions again) or skip its
      // gates (a later one), so nothing is synced.
      fail(`this folder is a plan with ${plan.count} stages, and which one to sync is unknown: parameter stage is not set and ` +
        `the stage of rollout ${o.rollout} could not be read from the cluster (${rec.why}). ` +
        'Set parameter stage (0 for stage-00), or let the sidecar read ConfigMap kruisec-rollout-<rollout>.');
    }
  }
  return [relative(cwd, stageFolder(planDir, stage)) || '.'];
}

/** What Argo CD runs: exit code, stdout bytes, stderr text. Exported for tests. */
export async function generate({ env = process.env, cwd = process.cwd(), stderr = (s) => process.stderr.write(s) } = {}) {
  const note = (s) => stderr(`kruisec-cmp: ${s}\n`);
  try {
    const o = options(env);
    const home = kruisecHome(env);
    const entry = join(home, 'dist', 'kruisec.js');
    if (!existsSync(entry)) fail(`kruisec is not installed at ${home} (set KRUISEC_HOME or KRUISEC_BIN)`);
    const root = realpathSync(cwd);
    for (const p of o.paths) await checkContained(p, cwd, root, home);
    if (o.config) await checkContained(o.config, cwd, root, home);
    const { main } = await import(pathToFileURL(entry).href);
    const paths = await inputs(main, o, cwd, note);

    // The application's own kruisec.yaml (Argo CD found the plugin by it) holds for every path.
    const config = o.config || (existsSync(join(cwd, 'kruisec.yaml')) ? 'kruisec.yaml' : '');
    if (config && !o.config) await checkContained(config, cwd, root, home);
    const args = ['render', '--form', 'apply', '--format', 'text', `--fail-on=${o['fail-on']}`];
    if (o.materialize === 'true') {
      args.push('--materialize');
      note('materialize: sidecars are injected into pod templates (for clusters where Kruise\'s pod webhook is off)');
    }
    if (o.strict === 'true') args.push('--strict');
    if (config) args.push(`--config=${config}`);
    if (o['kruise-namespace']) args.push(`--kruise-namespace=${o['kruise-namespace']}`);
    if (o['kruise-version']) args.push(`--kruise-version=${o['kruise-version']}`);
    const gates = Object.entries(o['feature-gates']).sort(([a], [b]) => (a < b ? -1 : 1)).map(([g, on]) => `${g}=${on}`);
    if (gates.length) args.push(`--feature-gates=${gates.join(',')}`);
    const nsLabels = Object.entries(o['namespace-labels']).sort(([a], [b]) => (a < b ? -1 : 1)).map(([ns, l]) => `--namespace-labels=${ns}=${l}`);
    args.push(...nsLabels, '--', ...paths);

    const r = await runKruisec(main, args, cwd, stderr);
    if (r.code !== 0) return { code: r.code, stdout: Buffer.alloc(0) };
    if (r.out.length === 0) {
      fail('kruisec rendered nothing; refusing to hand Argo CD an empty manifest list (with auto-prune it would delete every resource)', 1);
    }
    return { code: 0, stdout: r.out };
  } catch (e) {
    // kruisec answers its own errors; what is left is a parameter or the installation.
    note(e instanceof ParameterError ? e.message : `could not run kruisec: ${e?.message ?? e}`);
    return { code: e instanceof ParameterError ? e.code : 2, stdout: Buffer.alloc(0) };
  }
}

/** Run as a program (Node gives a symlinked main module its real path), not imported by a test. */
function isMain() {
  try {
    return import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
  } catch {
    return false;
  }
}

if (isMain()) {
  const r = await generate();
  if (r.stdout.length) process.stdout.write(r.stdout);
  // Exit at once: a cluster lookup that timed out may still hold a socket open.
  process.stdout.write('', () => process.exit(r.code));
}
