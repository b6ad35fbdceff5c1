// A work queue with client-go's guarantees (util/workqueue): keys, not events, are queued.
// - dirty: keys waiting to be processed. Adding a key that is already dirty does nothing, so a
//   burst of events for one object collapses into one run of its handler.
// - processing: keys a worker holds. A key added while it is processed is only marked dirty and
//   goes back into the queue when the worker calls done(): one object is never handled by two
//   workers at once, and the change that arrived meanwhile is not lost.
// Handlers read the current state of the object when they run (level-triggered), so it does
// not matter how many events were collapsed. On top of that, as client-go's delaying and
// rate-limiting queues: addAfter (the earliest due time wins) and addRateLimited (per-key
// exponential backoff with jitter, reset by forget).
import { API_BACKOFF, backoffDelay, type BackoffPolicy } from './backoff.js';
import { type Clock, realClock } from './clock.js';

export interface WorkQueueOptions {
  clock?: Clock;
  backoff?: BackoffPolicy;
  random?: () => number;
}

export class WorkQueue<K = string> {
  private queue: K[] = [];
  private readonly dirty = new Set<K>();
  private readonly processing = new Set<K>();
  private waiting: ((key: K | undefined) => void)[] = [];
  private shuttingDown = false;
  private readonly delayed = new Map<K, { at: number; cancel: () => void }>();
  private readonly failures = new Map<K, number>();
  private readonly clock: Clock;
  private readonly backoff: BackoffPolicy;
  private readonly random: () => number;

  constructor(opts: WorkQueueOptions = {}) {
    this.clock = opts.clock ?? realClock;
    this.backoff = opts.backoff ?? API_BACKOFF;
    this.random = opts.random ?? Math.random;
  }

  add(key: K): void {
    if (this.shuttingDown || this.dirty.has(key)) return;
    this.dirty.add(key);
    if (this.processing.has(key)) return; // re-queued by done()
    const w = this.waiting.shift();
    if (w) w(key);
    else this.queue.push(key);
  }

  /** The next key, once one is queued; undefined once the queue shuts down. */
  get(): Promise<K | undefined> {
    const key = this.queue.shift();
    if (key !== undefined) return Promise.resolve(this.take(key));
    if (this.shuttingDown) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      this.waiting.push((k) => resolve(k === undefined ? undefined : this.take(k)));
    });
  }

  private take(key: K): K {
    this.dirty.delete(key);
    this.processing.add(key);
    return key;
  }

  /** A worker finished with key; if it was added meanwhile it is queued again. */
  done(key: K): void {
    this.processing.delete(key);
    if (!this.dirty.has(key)) return;
    const w = this.waiting.shift();
    if (w) w(key);
    else this.queue.push(key);
  }

  /** Adds key after ms; of several pending delays for one key the earliest wins. */
  addAfter(key: K, ms: number): void {
    if (this.shuttingDown) return;
    if (ms <= 0) return this.add(key);
    const at = this.clock.now() + ms;
    const pending = this.delayed.get(key);
    if (pending && pending.at <= at) return;
    pending?.cancel();
    const cancel = this.clock.after(ms, () => {
      this.delayed.delete(key);
      this.add(key);
    });
    this.delayed.set(key, { at, cancel });
  }

  /** Adds key after a backoff that grows with each failure of that key. */
  addRateLimited(key: K): number {
    const n = this.failures.get(key) ?? 0;
    this.failures.set(key, n + 1);
    const ms = backoffDelay(n, this.backoff, this.random);
    this.addAfter(key, ms);
    return ms;
  }

  /** The key succeeded: its backoff starts from the beginning next time. */
  forget(key: K): void {
    this.failures.delete(key);
  }

  retries(key: K): number {
    return this.failures.get(key) ?? 0;
  }

  len(): number {
    return this.queue.length;
  }

  isProcessing(key: K): boolean {
    return this.processing.has(key);
  }

  /** Stops handing out keys: workers waiting in get() receive undefined. */
  shutDown(): void {
    this.shuttingDown = true;
    for (const d of this.delayed.values()) d.cancel();
    this.delayed.clear();
    const waiting = this.waiting;
    this.waiting = [];
    for (const w of waiting) w(undefined);
  }

  get isShuttingDown(): boolean {
    return this.shuttingDown;
  }
}

/** Runs n workers over the queue until it shuts down; each key's handler runs to completion
 *  before the key is marked done. A handler that throws has its error passed to onError. */
export async function runWorkers<K>(queue: WorkQueue<K>, n: number, handle: (key: K) => Promise<void>, onError: (key: K, err: unknown) => void): Promise<void> {
  const worker = async () => {
    for (;;) {
      const key = await queue.get();
      if (key === undefined) return;
      try {
        await handle(key);
      } catch (err) {
        onError(key, err);
      } finally {
        queue.done(key);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, n) }, worker));
}
