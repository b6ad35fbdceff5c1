// The Argo CD plugin path for `npm run bench` (scripts/bench.mjs calls benchArgocd): what one
// application refresh costs, run as Argo CD runs it (`node generate.mjs` in the application
// folder, ARGOCD_APP_* in the environment), on fixtures/example and on a generated 200-file
// application, against `node -e 0` and against the CLI's own `render --form apply` of the same
// folder (so the ratio is what the plugin adds). Interleaved, best of `runs`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const APP_WORKLOADS = 1900; // gen-repo writes about ten workloads a file: some 200 files

export function benchArgocd({ root, benchDir, runs, log, skipGen }) {
  const generate = join(root, 'integrations', 'argocd', 'generate.mjs');
  const bin = join(root, 'bin', 'kruisec.js');
  const app = join(benchDir, 'argocd-app-200');
  if (!skipGen || !existsSync(join(app, '.gen-repo.json'))) {
    log(`generating ${app}`);
    spawnSync(process.execPath, [join(root, 'scripts', 'gen-repo.mjs'), '--workloads', String(APP_WORKLOADS), '--out', app], { stdio: 'ignore' });
  }
  const env = {
    PATH: process.env.PATH ?? '', NO_COLOR: '1', KRUISEC_BIN: bin,
    ARGOCD_APP_NAME: 'bench', ARGOCD_APP_NAMESPACE: 'argocd', ARGOCD_APP_REVISION: '0000000', ARGOCD_APP_SOURCE_PATH: '.',
  };
  const folders = { 'fixtures/example': join(root, 'fixtures', 'example'), '200-file app': app };
  const jobs = [['node -e 0', root, ['-e', '0']]];
  for (const [name, dir] of Object.entries(folders)) {
    jobs.push([`generate ${name}`, dir, [generate]], [`render --form apply ${name}`, dir, [bin, 'render', '--form', 'apply', '.']]);
  }
  const best = {};
  const failed = {};
  for (let round = 0; round < runs; round++) {
    for (const [name, cwd, argv] of jobs) {
      if (failed[name]) continue;
      const t0 = performance.now();
      const r = spawnSync(process.execPath, argv, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'] });
      const ms = performance.now() - t0;
      if (r.status !== 0) failed[name] = `exit ${r.status}: ${String(r.stderr).split('\n')[0]}`;
      else best[name] = Math.min(best[name] ?? Infinity, ms);
    }
  }
  const fmt = (ms) => `${ms.toFixed(0)} ms`;
  const rows = [];
  for (const name of Object.keys(folders)) {
    const g = best[`generate ${name}`];
    const cli = best[`render --form apply ${name}`];
    if (g === undefined) {
      rows.push({ what: `argocd generate ${name}`, time: 'n/a', ratio: failed[`generate ${name}`] ?? '', cpu: '', target: '', result: '' });
      continue;
    }
    rows.push({ what: `argocd generate ${name} vs node`, time: fmt(g), ratio: `${(g / best['node -e 0']).toFixed(2)}x node`, cpu: '', target: '(reference)', result: '' });
    if (cli !== undefined) rows.push({ what: `argocd generate ${name} vs its CLI render`, time: fmt(g), ratio: `${(g / cli).toFixed(2)}x cli`, cpu: '', target: '(reference)', result: '' });
  }
  return { rows, measures: Object.fromEntries(Object.entries(best).map(([k, v]) => [`argocd: ${k}`, { ms: v }])), failed };
}
