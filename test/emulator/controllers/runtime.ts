// How the simulated controllers run: level-triggered, from a dirty set, as controller-runtime
// runs a controller from its work queue. Every change in the store (a client's write, a
// controller's own) marks the objects it concerns dirty: the changed object for its own
// controller, and for the others what their watches say it concerns (a pod: the workload that
// owns it; a subset workload: its UnitedDeployment). A timer falling due marks the object that
// set it. The runtime then syncs dirty objects one at a time, giving the event loop a turn
// after each, so that the API answers while controllers work.
//
// The order is that of rounds over the whole store, skipping what is clean: a round visits
// the controllers in their fixed order and each one's objects in namespace/name order; an
// object dirtied ahead of the round's cursor is synced in this round, one behind it in the
// next. Every random choice draws from the seeded generator, so the same requests at the same
// times give the same cluster, and the same one as syncing every object every round would.
import type { ApiServer, Target } from '../api.js';
import { rfc3339 } from '../clock.js';
import type { Kind } from '../kinds.js';
import { splitApiVersion } from '../kinds.js';
import type { Random } from '../random.js';
import type { Obj, StoreEvent } from '../store.js';

export interface Context {
  api: ApiServer;
  random: Random;
  podStartMs: number;
  now(): number;
  /** RFC 3339 of now, for status times. */
  stamp(): string;
  /** Sync the object being synced again in `ms` (a pod due to start, say). */
  wakeIn(ms: number): void;
  kind(group: string, plural: string): Kind;
  /** A Target for an object as stored (its own version), optionally a subresource. */
  target(kind: Kind, obj: Obj, subresource?: string): Target;
}

export interface Controller {
  /** The resource whose objects it syncs, as resourceId(group, plural). */
  resource: string;
  /** Other resources it reads: for an object of one of them (as it was before a change, and
   *  as it is after), the keys ("namespace/name") of its own objects that read it. */
  watches?: Record<string, (ctx: Context, obj: Obj) => string[]>;
  /** Brings what one object asks for about; it is stored, frozen. */
  sync(ctx: Context, obj: Obj): void;
  /** Its object with this key is gone (forget what was kept about it). */
  gone?(key: string): void;
}

/** Writers' names in managedFields, as a cluster shows them. */
export const MANAGERS = { kruise: 'kruise-manager', kube: 'kube-controller-manager', kubelet: 'kubelet', scheduler: 'default-scheduler' };

export interface Runner {
  stop(): void;
  settled(): Promise<void>;
}

/** Rounds in a row without a change from outside the controllers after which they stop
 *  (controllers that keep writing are a bug, not a state). */
const MAX_ROUNDS = 100;

export function key(obj: Obj): string {
  return `${obj.metadata?.namespace ?? ''}/${obj.metadata?.name}`;
}

export function run(api: ApiServer, random: Random, podStartMs: number, controllers: Controller[]): Runner {
  // An item is a controller's index (two digits, so that items sort by controller first) and
  // an object's key.
  const dirty = new Set<string>();
  let cursor = '';
  let rounds = 0;
  let syncing: string | undefined;
  let scheduled = false, stopped = false;
  let waiters: (() => void)[] = [];
  const timers = new Map<string, unknown>();
  const item = (i: number, k: string) => `${String(i).padStart(2, '0')}${k}`;
  const ctx: Context = {
    api, random, podStartMs,
    now: () => api.clock.now(),
    stamp: () => rfc3339(api.clock.now()),
    wakeIn(ms) {
      const it = syncing;
      if (it === undefined || stopped) return;
      const id = `${api.clock.now() + Math.max(0, ms)} ${it}`;
      if (timers.has(id)) return;
      timers.set(id, api.clock.setTimer(Math.max(0, ms), () => { timers.delete(id); rounds = 0; mark(it); }));
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

  const mark = (it: string) => {
    if (stopped) return;
    dirty.add(it);
    if (!scheduled) { scheduled = true; setImmediate(step); }
  };
  const changed = (e: StoreEvent) => {
    if (syncing === undefined) rounds = 0;
    controllers.forEach((c, i) => {
      if (e.rid === c.resource) mark(item(i, key(e.obj)));
      const w = c.watches?.[e.rid];
      if (!w) return;
      for (const o of e.old ? [e.old, e.obj] : [e.obj]) for (const k of w(ctx, o)) mark(item(i, k));
    });
  };

  /** The next dirty item after the cursor, or the first of a new round. */
  const next = (): string | undefined => {
    let best: string | undefined;
    for (const it of dirty) if (it > cursor && (best === undefined || it < best)) best = it;
    if (best !== undefined || dirty.size === 0) return best;
    if (++rounds > MAX_ROUNDS) { dirty.clear(); return undefined; }
    cursor = '';
    return next();
  };

  const step = () => {
    scheduled = false;
    if (stopped) return;
    const it = next();
    if (it === undefined) {
      cursor = '';
      const w = waiters; waiters = []; w.forEach((f) => f());
      return;
    }
    dirty.delete(it);
    cursor = it;
    const c = controllers[Number(it.slice(0, 2))];
    const k = it.slice(2), slash = k.indexOf('/');
    const [group, plural] = splitResource(c.resource);
    const obj = api.peek(ctx.kind(group, plural), k.slice(0, slash), k.slice(slash + 1));
    syncing = it;
    try {
      if (obj) c.sync(ctx, obj); else c.gone?.(k);
    } finally {
      syncing = undefined;
    }
    // Another turn, after whatever the event loop has waiting (the API's requests).
    scheduled = true;
    setImmediate(step);
  };

  const unsubscribe = api.store.subscribe(changed);
  controllers.forEach((c, i) => {
    const [group, plural] = splitResource(c.resource);
    for (const o of api.all(ctx.kind(group, plural))) mark(item(i, key(o)));
  });
  return {
    stop() {
      stopped = true;
      unsubscribe();
      for (const t of timers.values()) api.clock.clearTimer(t);
      timers.clear();
      dirty.clear();
      const w = waiters; waiters = []; w.forEach((f) => f());
    },
    settled: () => (dirty.size > 0 || syncing !== undefined ? new Promise<void>((r) => waiters.push(r)) : Promise.resolve()),
  };
}

function splitResource(rid: string): [string, string] {
  const i = rid.lastIndexOf('/');
  return [rid.slice(0, i), rid.slice(i + 1)];
}

/** A watch for a controller's dependents: the key of the `kind` in `group` that controls an
 *  object (its controller owner reference), if any. */
export function controllerOf(kind: string, group: string): (ctx: Context, obj: Obj) => string[] {
  return (_ctx, obj) => ((obj.metadata?.ownerReferences ?? []) as Obj[])
    .filter((r) => r.controller === true && r.kind === kind && splitApiVersion(r.apiVersion ?? '').group === group)
    .map((r) => `${obj.metadata.namespace ?? ''}/${r.name}`);
}
