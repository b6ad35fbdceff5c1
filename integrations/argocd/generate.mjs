#!/usr/bin/env node
// `generate` of the kruisec Config Management Plugin (plugin.yaml). Runs in the application's
// source folder inside the kruisec sidecar of argocd-repo-server:
//
//   1. options from ARGOCD_APP_PARAMETERS (the UI/Application parameters), then plugin env
//      ARGOCD_ENV_KRUISEC_<NAME>, then the defaults announced in plugin.yaml;
//   2. `kruisec render <paths> --out <tmp>`: the stream is written to a private temp file,
//      diagnostics go to stderr;
//   3. only on exit 0 with a non-empty stream is the stream copied to stdout.
//
// Parameters and env come from whoever can edit the Application: they are checked here and
// passed to kruisec as separate arguments (no shell), and paths must stay inside the folder.
// Exit codes: kruisec's own (1 input invalid, 2 usage or environment), 2 for a bad parameter.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, normalize, sep } from 'node:path';

const DEFAULTS = { paths: ['.'], strict: 'false', 'fail-on': 'error', config: '', 'kruise-namespace': '', 'kruise-version': '', 'feature-gates': {}, 'namespace-labels': {} };

function fail(message, code = 2) {
  process.stderr.write(`kruisec-cmp: ${message}\n`);
  process.exit(code);
}

/** name -> value from ARGOCD_APP_PARAMETERS: [{name, string} | {name, array} | {name, map}]. */
function appParameters() {
  const raw = process.env.ARGOCD_APP_PARAMETERS;
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
    if (!(p.name in DEFAULTS)) fail(`unknown parameter ${JSON.stringify(p.name)}; known: ${Object.keys(DEFAULTS).join(', ')}`);
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
function envOption(name) {
  const v = process.env[`ARGOCD_ENV_KRUISEC_${name.toUpperCase().replace(/-/g, '_')}`];
  if (v === undefined || v === '') return undefined;
  if (Array.isArray(DEFAULTS[name])) return v.split(/[\s,]+/).filter(Boolean);
  if (typeof DEFAULTS[name] === 'object') return parseMap(name, v);
  return v;
}

function insideFolder(p, what) {
  if (typeof p !== 'string' || p === '') fail(`${what} must be a non-empty string`);
  if (isAbsolute(p) || normalize(p).split(sep).includes('..') || p.includes('\0')) {
    fail(`${what} ${JSON.stringify(p)} must be a relative path inside the application folder`);
  }
  return p;
}

function options() {
  const params = appParameters();
  const o = {};
  for (const name of Object.keys(DEFAULTS)) o[name] = params[name] ?? envOption(name) ?? DEFAULTS[name];
  if (typeof o.paths === 'string') o.paths = o.paths.split(/[\s,]+/).filter(Boolean);
  for (const name of ['feature-gates', 'namespace-labels']) {
    if (typeof o[name] === 'string') o[name] = parseMap(name, o[name]);
    if (o[name] === null || typeof o[name] !== 'object' || Array.isArray(o[name])) fail(`${name} must be a map`);
  }
  for (const name of ['strict', 'fail-on', 'config', 'kruise-namespace', 'kruise-version']) {
    if (typeof o[name] !== 'string') fail(`${name} must be a string parameter`);
  }
  if (!Array.isArray(o.paths) || o.paths.length === 0) o.paths = ['.'];
  o.paths = o.paths.map((p) => insideFolder(p, 'path'));
  if (!['true', 'false'].includes(String(o.strict))) fail('strict must be "true" or "false"');
  if (!['error', 'warning'].includes(o['fail-on'])) fail('fail-on must be "error" or "warning"');
  if (o.config) insideFolder(o.config, 'config');
  if (o['kruise-namespace'] && !/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(o['kruise-namespace'])) fail('kruise-namespace must be a namespace name');
  if (o['kruise-version'] && !/^v?\d+\.\d+(\.\d+)?$/.test(o['kruise-version'])) fail('kruise-version must look like 1.8 or 1.8.2');
  for (const [gate, on] of Object.entries(o['feature-gates'])) {
    if (!/^[A-Za-z0-9]+$/.test(gate) || !['true', 'false'].includes(String(on))) fail(`feature-gates: ${JSON.stringify(gate)} must be a gate name set to "true" or "false"`);
  }
  for (const [ns, labels] of Object.entries(o['namespace-labels'])) {
    if (!/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/.test(ns)) fail(`namespace-labels: ${JSON.stringify(ns)} is not a namespace name`);
    if (typeof labels !== 'string' || !/^[^=,\s]+=[^=,\s]*(,[^=,\s]+=[^=,\s]*)*$/.test(labels)) fail(`namespace-labels: ${ns} must be "key=value,key=value"`);
  }
  return o;
}

function kruisecCommand() {
  const bin = process.env.KRUISEC_BIN || '/opt/kruisec/bin/kruisec.js';
  if (existsSync(bin)) return [process.execPath, [bin]];
  return ['kruisec', []];
}

function main() {
  const o = options();
  const dir = mkdtempSync(join(tmpdir(), 'kruisec-cmp-'));
  const out = join(dir, 'manifests.yaml');
  try {
    const args = ['render', ...o.paths, '--format', 'text', '--fail-on', o['fail-on'], '--out', out];
    if (String(o.strict) === 'true') args.push('--strict');
    if (o.config) args.push('--config', o.config);
    if (o['kruise-namespace']) args.push('--kruise-namespace', o['kruise-namespace']);
    if (o['kruise-version']) args.push('--kruise-version', o['kruise-version']);
    const gates = Object.entries(o['feature-gates']).sort(([a], [b]) => (a < b ? -1 : 1)).map(([g, on]) => `${g}=${on}`);
    if (gates.length) args.push('--feature-gates', gates.join(','));
    const nsLabels = Object.entries(o['namespace-labels']).sort(([a], [b]) => (a < b ? -1 : 1)).map(([ns, l]) => `${ns}=${l}`);
    if (nsLabels.length) args.push('--namespace-labels', ...nsLabels);

    const [cmd, pre] = kruisecCommand();
    const r = spawnSync(cmd, [...pre, ...args], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    if (r.error) fail(`could not start kruisec: ${r.error.message}`);
    if (r.status !== 0) process.exit(r.status ?? 2);
    if (!existsSync(out) || statSync(out).size === 0) {
      fail('kruisec rendered nothing; refusing to hand Argo CD an empty manifest list (with auto-prune it would delete every resource)', 1);
    }
    process.stdout.write(readFileSync(out));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
