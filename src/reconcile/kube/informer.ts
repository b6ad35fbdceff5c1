// A list+watch cache of one kind in one namespace (client-go's reflector and store, reduced to
// what the reconciler needs). It lists once, then watches from the list's resourceVersion with
// bookmarks, so the cache follows the cluster with one long request instead of polling.
// - the server closed the watch (its timeout): watch again from the last resourceVersion;
// - 410 Gone (the resourceVersion is too old), as a status or an ERROR event: list again;
// - anything else (5xx, refused, reset): back off with jitter, list again, watch again.
// Every change calls onChange with the object's key; handlers read the cache, not the event.
import type { KubeObject } from '../../api/resource.js';
import { backoffDelay } from '../backoff.js';
import { type Clock, realClock, sleep } from '../clock.js';
import type { KubeClient } from './client.js';
import { ApiError, isApiError, isFatal } from './errors.js';

export interface InformerSpec {
  apiVersion: string;
  kind: string;
  /** Omitted: cluster-scoped, or every namespace. */
  namespace?: string;
  fieldSelector?: string;
  labelSelector?: string;
}

export interface InformerHooks {
  onChange(obj: KubeObject): void;
  /** A retryable failure (logged, then retried); fatal ones end run() with the error. */
  onRetry?(err: unknown, delayMs: number): void;
  /** The watch's resourceVersion expired (410 Gone): the kind is listed again. */
  onExpired?(): void;
  clock?: Clock;
  random?: () => number;
}

const WATCH_TIMEOUT_SECONDS = 300;
/** A watch the server ends sooner than this is a failure to back off from, not a timeout. */
const MIN_HEALTHY_WATCH_MS = 1000;

export class Informer {
  private readonly cache = new Map<string, KubeObject>();
  private resourceVersion = '';
  private current: { abort(): void } | undefined;
  private resolveSynced!: () => void;
  /** Resolves after the first successful list. */
  readonly synced = new Promise<void>((r) => { this.resolveSynced = r; });
  private failures = 0;
  readonly stats = { lists: 0, watches: 0, relistsAfterGone: 0 };

  constructor(private readonly client: KubeClient, readonly spec: InformerSpec, private readonly hooks: InformerHooks) {}

  get(namespace: string | undefined, name: string): KubeObject | undefined {
    return this.cache.get(`${namespace ?? ''}/${name}`);
  }

  list(): KubeObject[] {
    return [...this.cache.values()];
  }

  /** Runs until the signal aborts; rejects only on an error retrying cannot fix (401/403, 404 kind). */
  async run(signal: AbortSignal): Promise<void> {
    const clock = this.hooks.clock ?? realClock;
    let needList = true;
    while (!signal.aborted) {
      try {
        if (needList) {
          await this.relist();
          needList = false;
        }
        const began = clock.now();
        const ended = await this.watchOnce(signal);
        if (ended === 'closed' && clock.now() - began >= MIN_HEALTHY_WATCH_MS) { this.failures = 0; continue; }
        if (ended === 'closed') { await sleep(clock, backoffDelay(this.failures++, undefined, this.hooks.random), signal); continue; }
        if (ended === 'gone') { this.stats.relistsAfterGone++; this.hooks.onExpired?.(); needList = true; continue; }
        throw ended;
      } catch (err) {
        if (signal.aborted) return;
        if (isApiError(err, 'gone')) { this.stats.relistsAfterGone++; this.hooks.onExpired?.(); needList = true; continue; }
        if (isFatal(err)) throw err;
        const delay = backoffDelay(this.failures++, undefined, this.hooks.random);
        this.hooks.onRetry?.(err, delay);
        needList = true;
        await sleep(clock, delay, signal);
      }
    }
  }

  private async relist(): Promise<void> {
    const { namespace, apiVersion, kind, fieldSelector, labelSelector } = this.spec;
    this.stats.lists++;
    const res = await this.client.list(apiVersion, kind, namespace, { fieldSelector, labelSelector });
    const seen = new Set<string>();
    for (const obj of res.items) {
      const key = keyOf(obj);
      seen.add(key);
      this.store(key, obj);
    }
    for (const [key, obj] of this.cache) {
      if (!seen.has(key)) {
        this.cache.delete(key);
        this.hooks.onChange(obj);
      }
    }
    this.resourceVersion = res.resourceVersion;
    this.failures = 0;
    this.resolveSynced();
  }

  private store(key: string, obj: KubeObject): void {
    const old = this.cache.get(key);
    if (old && old.metadata?.resourceVersion === obj.metadata?.resourceVersion) return;
    this.cache.set(key, obj);
    this.hooks.onChange(obj);
  }

  /** One watch request, until it ends: 'closed' by the server, 'gone', or the error. */
  private async watchOnce(signal: AbortSignal): Promise<'closed' | 'gone' | unknown> {
    const { namespace, apiVersion, kind, fieldSelector, labelSelector } = this.spec;
    const path = await this.client.collectionPath(apiVersion, kind, namespace);
    if (signal.aborted) return 'closed'; // an abort listener added now would never fire
    this.stats.watches++;
    return new Promise((resolve) => {
      let gone = false;
      let settled = false;
      const finish = (v: unknown) => {
        if (settled) return;
        settled = true;
        signal.removeEventListener('abort', onAbort);
        this.current = undefined;
        resolve(v);
      };
      const onAbort = () => { this.current?.abort(); finish('closed'); };
      signal.addEventListener('abort', onAbort, { once: true });
      this.client.watch(path, {
        resourceVersion: this.resourceVersion || undefined,
        allowWatchBookmarks: 'true',
        timeoutSeconds: String(WATCH_TIMEOUT_SECONDS),
        fieldSelector, labelSelector,
      }, (type, obj) => {
        if (type === 'ERROR') {
          // The stream is over either way; do not wait for the server to close it.
          if (obj?.code === 410) gone = true;
          this.current?.abort();
          finish(gone ? 'gone' : new ApiError(obj?.code ?? 500, 'watch', path, obj?.reason ?? 'watch error', obj?.message ?? ''));
          return;
        }
        const rv = obj?.metadata?.resourceVersion;
        if (type === 'BOOKMARK') { if (rv) this.resourceVersion = rv; return; }
        if (!obj?.metadata?.name) return;
        const full = { ...obj, apiVersion: obj.apiVersion ?? apiVersion, kind: obj.kind ?? kind } as KubeObject;
        const key = keyOf(full);
        if (type === 'DELETED') {
          if (this.cache.delete(key)) this.hooks.onChange(full);
        } else {
          this.store(key, full);
        }
        if (rv) this.resourceVersion = rv;
      }, (err) => {
        if (gone || isApiError(err, 'gone')) return finish('gone');
        finish(err ? err : 'closed');
      }).then((h) => {
        if (settled) h.abort();
        else this.current = h;
      }, (err) => finish(err));
    });
  }
}

function keyOf(obj: KubeObject): string {
  return `${obj.metadata?.namespace ?? ''}/${obj.metadata?.name ?? ''}`;
}
