// The emulator's etcd: objects by resource, namespace and name, one resourceVersion counter for
// all of them, and a bounded history of changes that watches resume from. A watch that asks for
// a resourceVersion older than the history holds gets 410 Gone, as the API server's watch cache
// answers; restart() drops the history, as a restarted API server's cache starts empty.

export type Obj = Record<string, any>;

/** A JSON object (not an array, not null). */
export function isMap(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  type: EventType;
  /** resourceId(group, plural) */
  rid: string;
  obj: Obj;
  rv: number;
}

export type Listener = (e: StoreEvent) => void;

export class Store {
  private readonly objects = new Map<string, Map<string, Obj>>();
  private history: StoreEvent[] = [];
  /** Events with rv <= this are no longer in the history. */
  private compactedRv = 0;
  private lastRv = 0;
  private readonly listeners = new Set<Listener>();

  constructor(private readonly historyLimit = 1000) {}

  get resourceVersion(): number {
    return this.lastRv;
  }

  get(rid: string, namespace: string, name: string): Obj | undefined {
    const o = this.objects.get(rid)?.get(key(namespace, name));
    return o === undefined ? undefined : structuredClone(o);
  }

  /** Objects of one resource (in one namespace, or all), by namespace then name. */
  list(rid: string, namespace?: string): Obj[] {
    const m = this.objects.get(rid);
    if (!m) return [];
    const keys = [...m.keys()].sort();
    const out: Obj[] = [];
    for (const k of keys) {
      const o = m.get(k)!;
      if (namespace === undefined || (o.metadata?.namespace ?? '') === namespace) out.push(structuredClone(o));
    }
    return out;
  }

  /** Writes an object under a new resourceVersion; the caller has done every check. */
  put(rid: string, obj: Obj): Obj {
    const m = this.objects.get(rid) ?? new Map<string, Obj>();
    this.objects.set(rid, m);
    const k = key(obj.metadata?.namespace ?? '', obj.metadata.name);
    const type: EventType = m.has(k) ? 'MODIFIED' : 'ADDED';
    const stored = structuredClone(obj);
    stored.metadata.resourceVersion = String(++this.lastRv);
    m.set(k, stored);
    this.emit({ type, rid, obj: stored, rv: this.lastRv });
    return structuredClone(stored);
  }

  remove(rid: string, namespace: string, name: string): Obj | undefined {
    const m = this.objects.get(rid);
    const k = key(namespace, name);
    const o = m?.get(k);
    if (!m || !o) return undefined;
    m.delete(k);
    // The DELETED event carries the object at a new resourceVersion, as etcd's delete does.
    const gone = structuredClone(o);
    gone.metadata.resourceVersion = String(++this.lastRv);
    this.emit({ type: 'DELETED', rid, obj: gone, rv: this.lastRv });
    return structuredClone(gone);
  }

  /** Every event after `rv`, or undefined when some of them are gone from the history. */
  since(rv: number): StoreEvent[] | undefined {
    if (rv < this.compactedRv) return undefined;
    return this.history.filter((e) => e.rv > rv);
  }

  subscribe(l: Listener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  /** Starts from another store's dump (history empty). */
  load(objects: { rid: string; obj: Obj }[], resourceVersion: number): void {
    for (const { rid, obj } of objects) {
      const m = this.objects.get(rid) ?? new Map<string, Obj>();
      this.objects.set(rid, m);
      m.set(key(obj.metadata?.namespace ?? '', obj.metadata.name), structuredClone(obj));
    }
    this.lastRv = Math.max(this.lastRv, resourceVersion);
    this.compactedRv = this.lastRv;
  }

  /** A restarted API server: its watch cache starts at the current resourceVersion. */
  forgetHistory(): void {
    this.history = [];
    this.compactedRv = this.lastRv;
  }

  /** Everything, for a snapshot (restart with state) or a test's look inside. */
  dump(): { rid: string; obj: Obj }[] {
    const out: { rid: string; obj: Obj }[] = [];
    for (const [rid, m] of this.objects) for (const o of m.values()) out.push({ rid, obj: structuredClone(o) });
    return out;
  }

  private emit(e: StoreEvent): void {
    this.history.push(e);
    if (this.history.length > this.historyLimit) {
      const drop = this.history.length - this.historyLimit;
      this.compactedRv = this.history[drop - 1].rv;
      this.history = this.history.slice(drop);
    }
    for (const l of [...this.listeners]) l(e);
  }
}

function key(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}
