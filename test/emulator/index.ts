// The Kubernetes API emulator, for tests and for trying kruisec's reconciler without a cluster:
// a real HTTP server on 127.0.0.1 that speaks the Kubernetes REST API (discovery, CRUD, watch,
// server-side apply), with simulated Kruise controllers moving pods and status.
//
//   const emu = await startEmulator({ seed: 1, podStartMs: 50 });
//   // emu.kubeconfigPath is a kubeconfig for it; emu.url its address
//   await emu.restart();   // the API server restarts with its state; watches are cut
//   await emu.stop();
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiServer } from './api.js';
import { ManualClock, RealClock, type Clock } from './clock.js';
import { startControllers } from './controllers/index.js';
import { webhooks } from './webhooks.js';
import { KindRegistry, resourceId } from './kinds.js';
import { Random } from './random.js';
import { HttpFrontend, type RequestRecord, type ServerOptions } from './server.js';
import { Store, type Obj } from './store.js';

export interface EmulatorOptions {
  /** Seeds uids, generated names, placement and faults (default 1). */
  seed?: number | string;
  /** Fraction of API requests answered with a fault: 409, 500, 504 after a delay (the write
   *  may still have happened), or a watch cut short (default 0). */
  faults?: number;
  /** How long a pod takes from creation (or an in-place container restart) to Ready (default 100). */
  podStartMs?: number;
  /** Port on 127.0.0.1 (default: any free one). */
  port?: number;
  /** Objects to start with, from another emulator's state(). */
  state?: EmulatorState;
  /** A ManualClock makes pod start-up wait for clock.advance(); default the real clock. */
  clock?: Clock;
  /** BOOKMARK interval on watches that allow bookmarks (default 1000 ms). */
  bookmarkMs?: number;
  /** How long a faulted "timeout" request hangs before its 504 (default 200 ms). */
  faultDelayMs?: number;
  /** Require this bearer token (the kubeconfig written carries it). */
  token?: string;
  /** Refuse these verbs on these resources with 403. */
  forbid?: ServerOptions['forbid'];
  /** How many changes watches can resume from before they get 410 Gone (default 1000). */
  historyLimit?: number;
  /** Where to write the kubeconfig (default: a new temporary folder). */
  kubeconfigPath?: string;
  /** Run the simulated controllers (default true). */
  controllers?: boolean;
}

export interface EmulatorState {
  resourceVersion: number;
  objects: { rid: string; obj: Obj }[];
}

export interface Emulator {
  url: string;
  port: number;
  kubeconfigPath: string;
  api: ApiServer;
  clock: Clock;
  /** Every resource request served so far (discovery excluded), oldest first. */
  requests: RequestRecord[];
  /** The API server goes down and comes back on the same port with the same objects; every
   *  connection and watch is cut, and watches from before the restart get 410 Gone. */
  restart(): Promise<void>;
  stop(): Promise<void>;
  state(): EmulatorState;
  /** Resolves once every simulated controller has nothing left to do right now. */
  settled(): Promise<void>;
}

const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease', 'kruise-system'];

export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  const random = new Random(opts.seed ?? 1);
  const clock = opts.clock ?? new RealClock();
  const store = new Store(opts.historyLimit ?? 1000);
  if (opts.state) store.load(opts.state.objects, opts.state.resourceVersion);
  const kinds = new KindRegistry();
  const api = new ApiServer(store, kinds, clock, random);
  api.admission.push(...webhooks());
  for (const name of SYSTEM_NAMESPACES) {
    if (!store.get(resourceId('', 'namespaces'), '', name)) api.create({ kind: kinds.byPlural('', 'namespaces')!, version: 'v1' }, { metadata: { name } }, { fieldManager: 'kube-apiserver' });
  }
  const controllers = opts.controllers === false ? undefined : startControllers(api, { podStartMs: opts.podStartMs ?? 100, random: new Random(`${opts.seed ?? 1}/controllers`) });

  const serverOpts: ServerOptions = {
    faults: opts.faults ?? 0, faultDelayMs: opts.faultDelayMs ?? 200, bookmarkMs: opts.bookmarkMs ?? 1000,
    token: opts.token, forbid: opts.forbid ?? [],
  };
  const faultRandom = new Random(`${opts.seed ?? 1}/faults`);
  const requests: RequestRecord[] = [];
  let http = new HttpFrontend(api, faultRandom, serverOpts, requests);
  const port = await http.listen(opts.port ?? 0);
  const url = `http://127.0.0.1:${port}`;

  let dir: string | undefined;
  let kubeconfigPath = opts.kubeconfigPath;
  if (!kubeconfigPath) {
    dir = mkdtempSync(join(tmpdir(), 'kruisec-emulator-'));
    kubeconfigPath = join(dir, 'kubeconfig');
  }
  writeFileSync(kubeconfigPath, kubeconfig(url, opts.token ?? 'emulator'), { mode: 0o600 });

  return {
    url, port, kubeconfigPath, api, clock, requests,
    async restart() {
      await http.close();
      store.forgetHistory();
      http = new HttpFrontend(api, faultRandom, serverOpts, requests);
      await http.listen(port);
    },
    async stop() {
      controllers?.stop();
      await http.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
    state: () => ({ resourceVersion: store.resourceVersion, objects: store.dump() }),
    settled: () => controllers?.settled() ?? Promise.resolve(),
  };
}

export function kubeconfig(server: string, token: string): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- name: emulator',
    '  cluster:',
    `    server: ${server}`,
    // Plain HTTP: @kubernetes/client-node refuses it unless TLS verification is off; kubectl
    // ignores the setting for http.
    '    insecure-skip-tls-verify: true',
    'contexts:',
    '- name: emulator',
    '  context:',
    '    cluster: emulator',
    '    user: emulator',
    '    namespace: default',
    'current-context: emulator',
    'users:',
    '- name: emulator',
    '  user:',
    `    token: ${token}`,
    '',
  ].join('\n');
}

export { ManualClock, RealClock };
export type { RequestRecord };
