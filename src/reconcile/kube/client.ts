// The reconciler's only way to the API server: @kubernetes/client-node's kubeconfig handling
// (files, contexts, exec/OIDC credentials, in-cluster service account), its HTTP layer and its
// Watch, used as a dynamic client: objects stay plain JSON (no typed models, which would drop
// fields they do not know), and paths come from API discovery as kubectl finds them.
import { existsSync } from 'node:fs';
import { HttpMethod, IsomorphicFetchHttpLibrary, KubeConfig, RequestContext, Watch } from '@kubernetes/client-node';
import type { KubeObject } from '../../api/resource.js';
import { ApiError } from './errors.js';

export const FIELD_MANAGER = 'kruisec';
const REQUEST_TIMEOUT_MS = 30_000;

export interface KubeTarget {
  /** --kubeconfig; otherwise KUBECONFIG, ~/.kube/config, then the in-cluster service account. */
  kubeconfig?: string;
  /** --context; otherwise the kubeconfig's current context. */
  context?: string;
}

export class KubeConfigError extends Error {}

/** Loads credentials the way kubectl finds them. */
export function loadKubeConfig(target: KubeTarget): KubeConfig {
  const kc = new KubeConfig();
  try {
    if (target.kubeconfig) {
      if (!existsSync(target.kubeconfig)) throw new KubeConfigError(`--kubeconfig ${target.kubeconfig}: no such file`);
      kc.loadFromFile(target.kubeconfig);
    } else {
      kc.loadFromDefault();
    }
  } catch (e) {
    if (e instanceof KubeConfigError) throw e;
    throw new KubeConfigError(`cannot read the kubeconfig: ${(e as Error).message}`);
  }
  if (target.context) {
    if (!kc.getContextObject(target.context)) throw new KubeConfigError(`--context ${target.context}: no such context in the kubeconfig (have: ${kc.getContexts().map((c) => c.name).join(', ') || 'none'})`);
    kc.setCurrentContext(target.context);
  }
  const cluster = kc.getCurrentCluster();
  // client-node's last resort is http://localhost:8080, which kubectl no longer tries either.
  if (!cluster || (cluster.name === 'cluster' && cluster.server === 'http://localhost:8080' && !target.kubeconfig)) {
    throw new KubeConfigError('no cluster configured: give --kubeconfig, set KUBECONFIG, or run inside a cluster');
  }
  // kubectl talks to a plain http:// server as configured; client-node refuses one unless TLS
  // verification is switched off, which means nothing without TLS. Say so for it.
  if (cluster.server.startsWith('http://') && !cluster.skipTLSVerify) {
    kc.clusters = kc.clusters.map((c) => (c.name === cluster.name ? { ...c, skipTLSVerify: true } : c));
  }
  return kc;
}

/** The namespace the current context names, as kubectl defaults it. */
export function contextNamespace(kc: KubeConfig): string {
  return kc.getContextObject(kc.getCurrentContext())?.namespace || 'default';
}

export interface ResourceInfo {
  /** /api/v1 or /apis/<group>/<version> */
  base: string;
  plural: string;
  namespaced: boolean;
}

export interface ObjectRef {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

export interface ListResult {
  items: KubeObject[];
  resourceVersion: string;
}

export interface WatchHandle {
  abort(): void;
}

type Query = Record<string, string | undefined>;

export class KubeClient {
  private readonly http = new IsomorphicFetchHttpLibrary();
  private readonly discovery = new Map<string, Promise<Map<string, ResourceInfo>>>();
  private readonly server: string;
  /** Requests sent, by verb (get, list, watch, apply, create, update, discovery). */
  readonly requests = new Map<string, number>();
  readonly defaultNamespace: string;
  readonly user: string;

  constructor(private readonly kc: KubeConfig) {
    this.server = kc.getCurrentCluster()!.server.replace(/\/+$/, '');
    this.defaultNamespace = contextNamespace(kc);
    this.user = kc.getCurrentUser()?.name ?? 'unknown';
  }

  totalRequests(): number {
    let n = 0;
    for (const v of this.requests.values()) n += v;
    return n;
  }

  private count(verb: string): void {
    this.requests.set(verb, (this.requests.get(verb) ?? 0) + 1);
  }

  /** One HTTP request; the response body parsed as JSON, or an ApiError. */
  async request(verb: string, resource: string, method: HttpMethod, path: string, opts: { query?: Query; body?: unknown; contentType?: string } = {}): Promise<any> {
    const ctx = new RequestContext(this.server + path, method);
    for (const [k, v] of Object.entries(opts.query ?? {})) if (v !== undefined) ctx.setQueryParam(k, v);
    ctx.setHeaderParam('Accept', 'application/json');
    if (opts.body !== undefined) {
      ctx.setHeaderParam('Content-Type', opts.contentType ?? 'application/json');
      ctx.setBody(JSON.stringify(opts.body));
    }
    ctx.setSignal(AbortSignal.timeout(REQUEST_TIMEOUT_MS));
    await this.kc.applySecurityAuthentication(ctx);
    this.count(verb);
    let status: number, text: string;
    const t0 = Date.now();
    try {
      const resp = await this.http.send(ctx).toPromise();
      status = resp.httpStatusCode;
      text = await resp.body.text();
    } catch (e) {
      throw new ApiError(0, verbOf(verb), resource, 'request failed', (e as Error)?.message ?? String(e));
    }
    if (process.env.KRUISEC_DEBUG) process.stderr.write(`${new Date(t0).toISOString()} ${verb} ${path} ${status} ${Date.now() - t0}ms\n`);
    let body: any;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    if (status >= 200 && status < 300) return body;
    const st = body && body.kind === 'Status' ? body : {};
    throw new ApiError(status, verbOf(verb), resource, st.reason || `HTTP ${status}`, st.message ?? (body === undefined ? text.slice(0, 200) : ''), st.details?.causes ?? []);
  }

  /** Kind -> REST path, from the API server's discovery documents (one request per group version). */
  async resourceFor(apiVersion: string, kind: string): Promise<ResourceInfo> {
    const base = apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
    let known = this.discovery.get(base);
    if (!known) {
      known = this.request('discovery', `the API discovery document ${base}`, HttpMethod.GET, base).then((list) => {
        const m = new Map<string, ResourceInfo>();
        for (const r of list?.resources ?? []) {
          if (typeof r?.name === 'string' && !r.name.includes('/')) m.set(r.kind, { base, plural: r.name, namespaced: r.namespaced === true });
        }
        return m;
      });
      this.discovery.set(base, known);
      known.catch(() => this.discovery.delete(base));
    }
    const info = (await known).get(kind);
    if (!info) throw new ApiError(404, 'find', `${kind} in ${apiVersion}`, 'NotFound', `the server does not serve ${kind} in ${apiVersion} (is its CRD installed?)`);
    return info;
  }

  async collectionPath(apiVersion: string, kind: string, namespace?: string): Promise<string> {
    const info = await this.resourceFor(apiVersion, kind);
    return info.namespaced && namespace ? `${info.base}/namespaces/${encodeURIComponent(namespace)}/${info.plural}` : `${info.base}/${info.plural}`;
  }

  async objectPath(ref: ObjectRef): Promise<string> {
    const info = await this.resourceFor(ref.apiVersion, ref.kind);
    const ns = info.namespaced ? ref.namespace || this.defaultNamespace : undefined;
    return `${await this.collectionPath(ref.apiVersion, ref.kind, ns)}/${encodeURIComponent(ref.name)}`;
  }

  async get(ref: ObjectRef): Promise<KubeObject> {
    return this.request('get', describe(ref), HttpMethod.GET, await this.objectPath(ref));
  }

  async list(apiVersion: string, kind: string, namespace?: string, query: Query = {}): Promise<ListResult> {
    const info = await this.resourceFor(apiVersion, kind);
    const path = await this.collectionPath(apiVersion, kind, namespace);
    const body = await this.request('list', `${info.plural}${info.namespaced ? (namespace ? ` in namespace ${namespace}` : ' in all namespaces') : ''}`, HttpMethod.GET, path, { query });
    const items: KubeObject[] = (body?.items ?? []).map((o: KubeObject) => ({ ...o, apiVersion: o.apiVersion ?? apiVersion, kind: o.kind ?? kind }));
    return { items, resourceVersion: body?.metadata?.resourceVersion ?? '' };
  }

  /** Server-side apply as field manager kruisec. */
  async apply(obj: KubeObject, opts: { force?: boolean; dryRun?: boolean } = {}): Promise<KubeObject> {
    const ref = refOf(obj);
    return this.request('apply', describe(ref), HttpMethod.PATCH, await this.objectPath(ref), {
      body: obj,
      contentType: 'application/apply-patch+yaml',
      query: { fieldManager: FIELD_MANAGER, force: opts.force ? 'true' : undefined, dryRun: opts.dryRun ? 'All' : undefined },
    });
  }

  async create(obj: KubeObject): Promise<KubeObject> {
    const ref = refOf(obj);
    const info = await this.resourceFor(ref.apiVersion, ref.kind);
    const path = await this.collectionPath(ref.apiVersion, ref.kind, info.namespaced ? ref.namespace || this.defaultNamespace : undefined);
    return this.request('create', describe(ref), HttpMethod.POST, path, { body: obj, query: { fieldManager: FIELD_MANAGER } });
  }

  /** PUT with the object's metadata.resourceVersion as precondition: 409 if someone wrote since. */
  async update(obj: KubeObject): Promise<KubeObject> {
    const ref = refOf(obj);
    return this.request('update', describe(ref), HttpMethod.PUT, await this.objectPath(ref), { body: obj, query: { fieldManager: FIELD_MANAGER } });
  }

  /** A watch stream (client-node's Watch). onEvent gets each event; onDone once, with the error
   *  that ended it (an ApiError for an HTTP status) or null when the server closed it. */
  async watch(path: string, query: Query, onEvent: (type: string, obj: any) => void, onDone: (err: unknown) => void): Promise<WatchHandle> {
    this.count('watch');
    const params: Record<string, string> = {};
    for (const [k, v] of Object.entries(query)) if (v !== undefined) params[k] = v;
    // A stream that breaks (reset, premature close, refused) is the network's doing: transient.
    const controller = await new Watch(this.kc).watch(path, params, onEvent, (err: any) => {
      if (!err) onDone(null);
      else onDone(new ApiError(typeof err.statusCode === 'number' ? err.statusCode : 0, 'watch', path, err.message ?? 'watch failed', ''));
    });
    return { abort: () => controller.abort() };
  }
}

/** Requests are counted by what they are for; errors name the HTTP verb kubectl would. */
function verbOf(counted: string): string {
  return counted === 'discovery' ? 'get' : counted;
}

export function refOf(obj: KubeObject): ObjectRef {
  return { apiVersion: obj.apiVersion, kind: obj.kind, namespace: obj.metadata?.namespace, name: obj.metadata?.name ?? '' };
}

/** `cloneset shop/storefront`: how errors name a resource, kubectl style. */
export function describe(ref: ObjectRef): string {
  return `${ref.kind.toLowerCase()} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
}
