// The API server's request handling below HTTP: reads, lists and watches in any served
// version; writes with their preconditions (resourceVersion, uid), the status subresource
// split, generation, managedFields, admission (the emulator's webhooks) and dry run; deletion
// with finalizers and garbage collection of dependents. The HTTP layer (server.ts) and the
// simulated controllers (controllers/) both go through it.
import { rfc3339, type Clock } from './clock.js';
import { convert } from './convert.js';
import { ApiError, errors } from './errors.js';
import { deepEqual, type Scope } from './fieldset.js';
import { apiVersionOf, resourceId, type Kind, type KindRegistry } from './kinds.js';
import { recordUpdate, serverSideApply, type WriteContext } from './managed-fields.js';
import { APPLY_PATCH, JSON_PATCH, jsonPatch, MERGE_PATCH, mergePatch, STRATEGIC_PATCH, strategicPatch } from './patches.js';
import type { Random } from './random.js';
import { fieldMatcher, labelMatcher } from './selectors.js';
import type { Obj, Store, StoreEvent } from './store.js';

/** What a request is about: a kind in one of its versions, maybe one object, maybe a
 *  subresource of it. */
export interface Target {
  kind: Kind;
  version: string;
  namespace?: string;
  name?: string;
  subresource?: string;
}

export interface WriteOptions {
  dryRun?: boolean;
  fieldManager?: string;
  force?: boolean;
}

export interface DeleteOptions {
  dryRun?: boolean;
  propagationPolicy?: 'Orphan' | 'Background' | 'Foreground';
  preconditions?: { uid?: string; resourceVersion?: string };
}

export interface ListQuery {
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
}

export interface WatchQuery extends ListQuery {
  resourceVersion?: string;
  allowWatchBookmarks?: boolean;
  sendInitialEvents?: boolean;
}

export type WatchSink = (event: { type: string; object: Obj }) => void;

/** An admission webhook: may change an object on its way in (mutate) or refuse it (validate),
 *  and hears about every stored change (e.g. CRDs registering their kinds). */
export interface Admission {
  mutate?(kind: Kind, obj: Obj, old: Obj | undefined, api: ApiServer): Obj;
  validate?(kind: Kind, obj: Obj, old: Obj | undefined, api: ApiServer): void;
}

type Operation = 'create' | 'update' | 'patch' | 'apply';

export class ApiServer {
  readonly admission: Admission[] = [];

  constructor(
    readonly store: Store,
    readonly kinds: KindRegistry,
    readonly clock: Clock,
    readonly random: Random,
  ) {}

  // ---- reads

  get(t: Target): Obj {
    const o = this.store.get(rid(t.kind), ns(t), t.name!);
    if (!o) throw errors.notFound(t.kind, t.name!);
    return this.view(o, t);
  }

  /** The stored object as it is (any version), or undefined. */
  peek(kind: Kind, namespace: string | undefined, name: string): Obj | undefined {
    return this.store.get(rid(kind), kind.namespaced ? namespace ?? '' : '', name);
  }

  /** Stored objects of a kind (any version), optionally in one namespace. */
  all(kind: Kind, namespace?: string): Obj[] {
    return this.store.list(rid(kind), kind.namespaced ? namespace : undefined);
  }

  list(t: Target, q: ListQuery = {}): Obj {
    const labels = labelMatcher(q.labelSelector), fields = fieldMatcher(q.fieldSelector);
    let items = this.store.list(rid(t.kind), t.kind.namespaced ? t.namespace : undefined).filter((o) => labels(o) && fields(o));
    const meta: Obj = { resourceVersion: String(this.store.resourceVersion) };
    if (q.continue) {
      let after: string;
      try { after = JSON.parse(Buffer.from(q.continue, 'base64url').toString('utf8')).after; } catch { throw errors.badRequest('continue key is not valid'); }
      items = items.filter((o) => objKey(o) > after);
    }
    if (q.limit && q.limit > 0 && items.length > q.limit) {
      const rest = items.length - q.limit;
      items = items.slice(0, q.limit);
      meta.continue = Buffer.from(JSON.stringify({ after: objKey(items[items.length - 1]) })).toString('base64url');
      meta.remainingItemCount = rest;
    }
    return { kind: `${t.kind.kind}List`, apiVersion: apiVersionOf(t.kind.group, t.version), metadata: meta, items: items.map((o) => this.view(o, t)) };
  }

  /** Starts a watch; returns how to stop it. Throws 410 when `resourceVersion` is too old. */
  watch(t: Target, q: WatchQuery, sink: WatchSink): () => void {
    const labels = labelMatcher(q.labelSelector), fields = fieldMatcher(q.fieldSelector);
    const match = (o: Obj) => (!t.kind.namespaced || t.namespace === undefined || o.metadata?.namespace === t.namespace) && labels(o) && fields(o);
    const id = rid(t.kind);
    const rvParam = q.resourceVersion ?? '';
    const seen = new Set<string>();
    let backlog: StoreEvent[] = [];
    const initial = rvParam === '' || rvParam === '0' || q.sendInitialEvents === true;
    if (!initial) {
      const from = Number(rvParam);
      if (!Number.isInteger(from) || from < 0) throw errors.badRequest(`invalid resource version "${rvParam}"`);
      const events = this.store.since(from);
      if (!events) throw errors.gone(`too old resource version: ${from} (${this.store.resourceVersion})`);
      backlog = events.filter((e) => e.rid === id);
      // What the watcher already knows: objects that matched as of its resourceVersion.
      const existed = new Set<string>();
      for (const o of this.store.list(id)) if (match(o)) existed.add(objKey(o));
      for (const e of [...backlog].reverse()) existed[e.type === 'ADDED' ? 'delete' : 'add'](objKey(e.obj));
      for (const k of existed) seen.add(k);
    }
    const deliver = (e: StoreEvent) => {
      const k = objKey(e.obj);
      const was = seen.has(k), is = e.type !== 'DELETED' && match(e.obj);
      let type: string | undefined;
      if (e.type === 'DELETED') type = was ? 'DELETED' : undefined;
      else if (is) type = was ? 'MODIFIED' : 'ADDED';
      else if (was) type = 'DELETED';
      if (is) seen.add(k); else seen.delete(k);
      if (type) sink({ type, object: this.view(e.obj, t) });
    };
    if (initial) {
      for (const o of this.store.list(id)) if (match(o)) { seen.add(objKey(o)); sink({ type: 'ADDED', object: this.view(o, t) }); }
      if (q.sendInitialEvents) sink({ type: 'BOOKMARK', object: this.bookmark(t, { 'k8s.io/initial-events-end': 'true' }) });
    } else {
      for (const e of backlog) deliver(e);
    }
    return this.store.subscribe((e) => { if (e.rid === id) deliver(e); });
  }

  bookmark(t: Target, annotations?: Record<string, string>): Obj {
    return { kind: t.kind.kind, apiVersion: apiVersionOf(t.kind.group, t.version), metadata: { resourceVersion: String(this.store.resourceVersion), ...(annotations ? { annotations } : {}) } };
  }

  // ---- writes

  create(t: Target, body: Obj, opts: WriteOptions = {}): Obj {
    if (t.subresource) throw errors.methodNotAllowed();
    this.checkBody(t, body);
    const obj = structuredClone(body);
    obj.metadata ??= {};
    if (!obj.metadata.name && obj.metadata.generateName) obj.metadata.name = `${obj.metadata.generateName}${this.random.suffix()}`;
    if (!obj.metadata.name) throw errors.invalid(t.kind, '', [{ field: 'metadata.name', message: 'Required value: name or generateName is required' }]);
    return this.write(t, undefined, obj, opts, 'create');
  }

  /** PUT: the whole object (or its status). */
  update(t: Target, body: Obj, opts: WriteOptions = {}): Obj {
    this.checkBody(t, body);
    if (body.metadata?.name !== undefined && body.metadata.name !== t.name) throw errors.badRequest(`the name of the object (${body.metadata.name}) does not match the name on the URL (${t.name})`);
    const old = this.store.get(rid(t.kind), ns(t), t.name!);
    if (!old) throw errors.notFound(t.kind, t.name!);
    const oldView = this.view(old, t);
    const rv = body.metadata?.resourceVersion;
    if (rv === undefined || rv === '') {
      // Unconditional updates are allowed for these kinds, as their strategies allow them.
    } else if (rv !== old.metadata.resourceVersion) throw errors.conflict(t.kind, t.name!);
    return this.write(t, oldView, structuredClone(body), opts, 'update');
  }

  patch(t: Target, contentType: string, body: unknown, opts: WriteOptions = {}): Obj {
    const type = contentType.split(';')[0].trim();
    const old = this.store.get(rid(t.kind), ns(t), t.name!);
    if (type === APPLY_PATCH) return this.apply(t, old, body, opts);
    if (!old) throw errors.notFound(t.kind, t.name!);
    const oldView = this.view(old, t);
    let next: Obj;
    if (type === MERGE_PATCH || type === 'application/json') next = mergePatch(oldView, body) as Obj;
    else if (type === JSON_PATCH) next = jsonPatch(oldView, body) as Obj;
    else if (type === STRATEGIC_PATCH) next = strategicPatch(t.kind, oldView, body);
    else throw errors.unsupportedMediaType(type);
    if (!next || typeof next !== 'object' || Array.isArray(next)) throw errors.badRequest('the patch did not produce an object');
    const rv = (body as Obj)?.metadata?.resourceVersion;
    if (typeof rv === 'string' && rv !== '' && rv !== old.metadata.resourceVersion) throw errors.conflict(t.kind, t.name!);
    return this.write(t, oldView, next, opts, 'patch');
  }

  private apply(t: Target, old: Obj | undefined, body: unknown, opts: WriteOptions): Obj {
    if (!opts.fieldManager) throw errors.badRequest('PATCH, application/apply-patch+yaml requires fieldManager to be set');
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw errors.badRequest('the apply configuration must be an object');
    const cfg = body as Obj;
    this.checkBody(t, cfg);
    if (cfg.metadata?.name !== undefined && cfg.metadata.name !== t.name) throw errors.badRequest(`the name of the object (${cfg.metadata.name}) does not match the name on the URL (${t.name})`);
    const rv = cfg.metadata?.resourceVersion;
    if (old && typeof rv === 'string' && rv !== '' && rv !== old.metadata.resourceVersion) throw errors.conflict(t.kind, t.name!);
    if (!old && typeof rv === 'string' && rv !== '') throw errors.notFound(t.kind, t.name!);
    const oldView = old ? this.view(old, t) : undefined;
    const ctx = this.writeContext(t, opts.fieldManager);
    const applied = structuredClone(cfg);
    if (applied.metadata) for (const k of ['resourceVersion', 'uid', 'creationTimestamp', 'generation', 'managedFields']) delete applied.metadata[k];
    let next = serverSideApply(oldView, applied, ctx, opts.force === true);
    if (!oldView) {
      next.apiVersion = apiVersionOf(t.kind.group, t.version);
      next.kind = t.kind.kind;
      next.metadata.name = t.name;
      if (t.kind.namespaced) next.metadata.namespace = t.namespace;
      next = this.write(t, undefined, next, { ...opts, fieldManager: undefined }, 'apply');
      return next;
    }
    return this.write(t, oldView, next, opts, 'apply');
  }

  delete(t: Target, opts: DeleteOptions = {}): Obj {
    const old = this.store.get(rid(t.kind), ns(t), t.name!);
    if (!old) throw errors.notFound(t.kind, t.name!);
    const pre = opts.preconditions ?? {};
    if (pre.uid && pre.uid !== old.metadata.uid) throw new ApiError(409, 'Conflict', `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${old.metadata.uid}`);
    if (pre.resourceVersion && pre.resourceVersion !== old.metadata.resourceVersion) throw new ApiError(409, 'Conflict', `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${old.metadata.resourceVersion}`);
    if (opts.dryRun) return this.view(old, t);
    if ((old.metadata.finalizers ?? []).length > 0) {
      if (old.metadata.deletionTimestamp) return this.view(old, t);
      old.metadata.deletionTimestamp = rfc3339(this.clock.now());
      old.metadata.deletionGracePeriodSeconds = 0;
      return this.view(this.store.put(rid(t.kind), old), t);
    }
    return this.view(this.remove(t.kind, old, opts.propagationPolicy ?? 'Background'), t);
  }

  // ---- internals

  private remove(kind: Kind, obj: Obj, policy: string): Obj {
    const gone = this.store.remove(rid(kind), kind.namespaced ? obj.metadata.namespace : '', obj.metadata.name)!;
    const uid = obj.metadata.uid;
    // The garbage collector and the namespace controller, done at once.
    for (const k of this.kinds.all()) {
      for (const o of this.store.list(rid(k))) {
        const owned = (o.metadata.ownerReferences ?? []).some((r: Obj) => r.uid === uid);
        const inNamespace = kind.kind === 'Namespace' && kind.group === '' && k.namespaced && o.metadata.namespace === obj.metadata.name;
        if (inNamespace || (owned && policy !== 'Orphan')) {
          if (this.store.get(rid(k), o.metadata.namespace ?? '', o.metadata.name)) this.remove(k, o, policy);
        } else if (owned) {
          o.metadata.ownerReferences = o.metadata.ownerReferences.filter((r: Obj) => r.uid !== uid);
          this.store.put(rid(k), o);
        }
      }
    }
    return gone;
  }

  private writeContext(t: Target, manager: string): WriteContext {
    const scope: Scope = { custom: t.kind.custom === true, part: !t.kind.status ? 'all' : t.subresource === 'status' ? 'status' : 'main' };
    return { manager, apiVersion: apiVersionOf(t.kind.group, t.version), time: rfc3339(this.clock.now()), scope, subresource: t.subresource === 'status' ? 'status' : undefined };
  }

  private checkBody(t: Target, body: Obj): void {
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw errors.badRequest('the request body must be an object');
    const want = apiVersionOf(t.kind.group, t.version);
    if (body.apiVersion !== undefined && body.apiVersion !== want) throw errors.badRequest(`the API version in the data (${body.apiVersion}) does not match the expected API version (${want})`);
    if (body.kind !== undefined && body.kind !== t.kind.kind) throw errors.badRequest(`the kind in the data (${body.kind}) does not match the expected kind (${t.kind.kind})`);
    const bns = body.metadata?.namespace;
    if (t.kind.namespaced && bns !== undefined && bns !== '' && t.namespace !== undefined && bns !== t.namespace) throw errors.badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }

  /** The one path every write takes. `old` is in the request's version. */
  private write(t: Target, old: Obj | undefined, next: Obj, opts: WriteOptions, op: Operation): Obj {
    const kind = t.kind;
    next.apiVersion = apiVersionOf(kind.group, t.version);
    next.kind = kind.kind;
    next.metadata ??= {};
    if (kind.namespaced) next.metadata.namespace = t.namespace ?? next.metadata.namespace;
    else delete next.metadata.namespace;

    if (!old) {
      if (!kind.namespaced || !t.namespace) { if (kind.namespaced) throw errors.badRequest('a namespace is required for namespaced resources'); }
      else if (!this.store.get(resourceId('', 'namespaces'), '', t.namespace)) throw errors.namespaceNotFound(t.namespace);
      if (this.store.get(rid(kind), ns(t), next.metadata.name)) throw errors.alreadyExists(kind, next.metadata.name);
      nameCheck(kind, next.metadata.name);
      next.metadata.uid = this.random.uuid();
      next.metadata.creationTimestamp = rfc3339(this.clock.now());
      delete next.metadata.resourceVersion;
      delete next.metadata.deletionTimestamp;
      if (kind.generation) next.metadata.generation = 1; else delete next.metadata.generation;
      // A new object's status is the controllers' to write.
      if (kind.status) delete next.status;
    } else {
      // Identity and bookkeeping stay the server's.
      for (const k of ['uid', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'generation', 'resourceVersion']) {
        if (old.metadata[k] === undefined) delete next.metadata[k]; else next.metadata[k] = old.metadata[k];
      }
      next.metadata.name = old.metadata.name;
      if (kind.status) {
        if (t.subresource === 'status') {
          // Only status changes; an apply's managedFields were computed already.
          const { status } = next;
          const managedFields = op === 'apply' ? next.metadata.managedFields : old.metadata.managedFields;
          next = { ...structuredClone(old), status };
          if (status === undefined) delete next.status;
          next.metadata.managedFields = managedFields;
        } else if (old.status === undefined) delete next.status;
        else next.status = structuredClone(old.status);
      }
    }

    for (const a of this.admission) if (a.mutate) next = a.mutate(kind, next, old, this);
    for (const a of this.admission) a.validate?.(kind, next, old, this);
    // After the webhooks: their defaults are part of what is compared.
    if (old && kind.generation && !deepEqual(specOf(old), specOf(next))) next.metadata.generation = (old.metadata.generation ?? 0) + 1;

    if (op !== 'apply') {
      const manager = opts.fieldManager;
      if (manager) next.metadata.managedFields = recordUpdate(old, next, this.writeContext(t, manager));
      else if (old?.metadata.managedFields) next.metadata.managedFields = old.metadata.managedFields;
      if (next.metadata.managedFields?.length === 0) delete next.metadata.managedFields;
    }

    if (old && unchanged(old, next)) return old;
    // Removing the last finalizer of an object being deleted completes the deletion.
    if (old && next.metadata.deletionTimestamp && (next.metadata.finalizers ?? []).length === 0) {
      if (opts.dryRun) return next;
      return this.view(this.remove(kind, next, 'Background'), t);
    }
    if (opts.dryRun) return next;
    return this.view(this.store.put(rid(kind), next), t);
  }

  /** A stored object as the request's version shows it. */
  view(o: Obj, t: Target): Obj {
    return convert(o, apiVersionOf(t.kind.group, t.version));
  }
}

function rid(k: Kind): string {
  return resourceId(k.group, k.plural);
}

function ns(t: Target): string {
  return t.kind.namespaced ? t.namespace ?? '' : '';
}

function objKey(o: Obj): string {
  return `${o.metadata?.namespace ?? ''}/${o.metadata?.name}`;
}

function specOf(o: Obj): Obj {
  const { metadata: _m, status: _s, apiVersion: _a, kind: _k, ...rest } = o;
  return rest;
}

/** Equal but for managedFields timestamps: the API server skips such writes. */
function unchanged(a: Obj, b: Obj): boolean {
  const strip = (o: Obj) => {
    const c = structuredClone(o);
    c.metadata.managedFields = (c.metadata.managedFields ?? []).map((e: Obj) => ({ ...e, time: undefined }));
    delete c.metadata.resourceVersion;
    return c;
  };
  return deepEqual(strip(a), strip(b));
}

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function nameCheck(kind: Kind, name: string): void {
  if (typeof name !== 'string' || name.length > 253 || !DNS1123_SUBDOMAIN.test(name)) {
    throw errors.invalid(kind, String(name), [{ field: 'metadata.name', message: `Invalid value: "${name}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character` }]);
  }
}
