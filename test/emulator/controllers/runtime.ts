// How the simulated controllers run: level-triggered passes over the whole store. Any change
// (a client's write, a controller's own, a timer falling due) schedules a pass; a pass runs every
// controller in a fixed order, again and again until none of them writes. Objects are visited in
// namespace/name order and every random choice draws from the seeded generator, so the same
// requests at the same times give the same cluster.
import type { ApiServer, Target } from '../api.js';
import { rfc3339 } from '../clock.js';
import type { Kind } from '../kinds.js';
import { splitApiVersion } from '../kinds.js';
import type { Random } from '../random.js';
import type { Obj } from '../store.js';

export interface Context {
  api: ApiServer;
  random: Random;
  podStartMs: number;
  now(): number;
  /** RFC 3339 of now, for status times. */
  stamp(): string;
  /** Run a pass again in `ms` (a pod due to start, say). */
  wakeIn(ms: number): void;
  kind(group: string, plural: string): Kind;
  /** A Target for an object as stored (its own version), optionally a subresource. */
  target(kind: Kind, obj: Obj, subresource?: string): Target;
}

export type Controller = (ctx: Context) => void;

/** Writers' names in managedFields, as a cluster shows them. */
export const MANAGERS = { kruise: 'kruise-manager', kube: 'kube-controller-manager', kubelet: 'kubelet', scheduler: 'default-scheduler' };

export interface Runner {
  stop(): void;
  settled(): Promise<void>;
}

/** Passes stop after this many rounds even if controllers keep writing (a bug, not a state). */
const MAX_ROUNDS = 100;

export function run(api: ApiServer, random: Random, podStartMs: number, controllers: Controller[]): Runner {
  let pending = false, inPass = false, stopped = false;
  let waiters: (() => void)[] = [];
  const timers = new Map<number, unknown>();
  const ctx: Context = {
    api, random, podStartMs,
    now: () => api.clock.now(),
    stamp: () => rfc3339(api.clock.now()),
    wakeIn(ms) {
      const due = api.clock.now() + Math.max(0, ms);
      if (timers.has(due) || stopped) return;
      timers.set(due, api.clock.setTimer(Math.max(0, ms), () => { timers.delete(due); kick(); }));
    },
    kind(group, plural) {
      const k = api.kinds.byPlural(group, plural);
      if (!k) throw new Error(`emulator: no kind ${plural}.${group}`);
      return k;
    },
    target(kind, obj, subresource) {
      return { kind, version: splitApiVersion(obj.apiVersion).version, namespace: obj.metadata.namespace, name: obj.metadata.name, subresource };
    },
  };
  const pass = () => {
    pending = false;
    if (stopped) return;
    inPass = true;
    try {
      for (let round = 0; round < MAX_ROUNDS; round++) {
        const before = api.store.resourceVersion;
        for (const c of controllers) c(ctx);
        if (api.store.resourceVersion === before) break;
      }
    } finally {
      inPass = false;
    }
    if (!pending) { const w = waiters; waiters = []; w.forEach((f) => f()); }
  };
  const kick = () => {
    if (inPass || pending || stopped) return;
    pending = true;
    setImmediate(pass);
  };
  const unsubscribe = api.store.subscribe(kick);
  kick();
  return {
    stop() {
      stopped = true;
      unsubscribe();
      for (const t of timers.values()) api.clock.clearTimer(t);
      timers.clear();
      const w = waiters; waiters = []; w.forEach((f) => f());
    },
    settled: () => (pending || inPass ? new Promise<void>((r) => waiters.push(r)) : Promise.resolve()),
  };
}
