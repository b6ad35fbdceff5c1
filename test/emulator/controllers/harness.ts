// A cluster for controller tests: the emulator on a manual clock, so that a test decides when
// pods start and every run takes the same steps.
import { ManualClock } from '../clock.js';
import { startEmulator, type Emulator, type EmulatorOptions } from '../index.js';
import { splitApiVersion } from '../kinds.js';
import { APPLY_PATCH } from '../patches.js';
import type { Obj } from '../store.js';

export const POD_START_MS = 10;

export interface TestCluster {
  emu: Emulator;
  clock: ManualClock;
  /** Server-side apply as the user "test" (forced, like a GitOps tool that owns its fields). */
  apply(obj: Obj): Obj;
  get(apiVersion: string, kind: string, name: string, namespace?: string): Obj;
  pods(namespace?: string): Obj[];
  /** Lets the controllers finish what they can do now. */
  settle(): Promise<void>;
  /** One pod start-up of time passes, then the controllers settle. */
  tick(): Promise<void>;
  /** Ticks until `done` holds (checked after every settle, `each` too), at most `max` ticks;
   *  returns how many it took. */
  until(done: () => boolean, opts?: { max?: number; each?: () => void }): Promise<number>;
  stop(): Promise<void>;
}

export async function testCluster(opts: EmulatorOptions = {}): Promise<TestCluster> {
  const clock = new ManualClock();
  const emu = await startEmulator({ clock, podStartMs: POD_START_MS, seed: 1, ...opts });
  const target = (apiVersion: string, kind: string, name: string, namespace?: string) => {
    const k = emu.api.kinds.forObject(apiVersion, kind);
    if (!k) throw new Error(`no kind ${kind} in ${apiVersion}`);
    return { kind: k, version: splitApiVersion(apiVersion).version, namespace: k.namespaced ? namespace ?? 'default' : undefined, name };
  };
  const settle = () => emu.settled();
  const c: TestCluster = {
    emu, clock, settle,
    apply: (obj) => emu.api.patch(target(obj.apiVersion, obj.kind, obj.metadata.name, obj.metadata.namespace), APPLY_PATCH, obj, { fieldManager: 'test', force: true }),
    get: (apiVersion, kind, name, namespace) => emu.api.get(target(apiVersion, kind, name, namespace)),
    pods: (namespace) => emu.api.all(emu.api.kinds.byPlural('', 'pods')!, namespace ?? 'default'),
    async tick() {
      await settle();
      clock.advance(POD_START_MS);
      await settle();
    },
    async until(done, o = {}) {
      await settle();
      for (let n = 0; n <= (o.max ?? 200); n++) {
        o.each?.();
        if (done()) return n;
        await c.tick();
      }
      throw new Error('the cluster did not get there');
    },
    stop: () => emu.stop(),
  };
  return c;
}

export function podTemplate(app: string, image: string, extra: Obj = {}): Obj {
  return { metadata: { labels: { app } }, spec: { containers: [{ name: 'app', image, ...extra }] } };
}
