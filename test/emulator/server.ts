// HTTP: Kubernetes' REST paths onto the ApiServer, JSON in and out (YAML for apply patches),
// watches as a stream of JSON events, and the faults a flaky control plane produces.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import yaml from 'js-yaml';
import { K8S_YAML_SCHEMA } from '../support/k8s-yaml-schema.js';
import type { ApiServer, DeleteOptions, Target, WriteOptions } from './api.js';
import { aggregated, apiGroup, apiGroupList, apiResourceList, apiVersions, serverVersion } from './discovery.js';
import { ApiError, errors } from './errors.js';
import { openapiGroupVersion, openapiIndex } from './openapi.js';
import { APPLY_PATCH } from './patches.js';
import type { Random } from './random.js';
import type { Obj } from './store.js';
import { tableOf } from './table.js';

export interface ServerOptions {
  /** Fraction of resource requests answered with a fault. */
  faults: number;
  /** How long a "timed out" request is held before its 504. */
  faultDelayMs: number;
  /** Interval of BOOKMARK events on watches that allow them. */
  bookmarkMs: number;
  /** When set, requests must carry `Authorization: Bearer <token>` (401 otherwise). */
  token?: string;
  /** Requests refused with 403: verb ('get', 'list', 'watch', 'create', 'update', 'patch',
   *  'delete') and resource ('clonesets' or 'clonesets.apps.kruise.io'). */
  forbid: { verb: string; resource: string }[];
  intercept?: Intercept;
}

/** A test's hook on the API: it sees each resource request before it is performed ('before')
 *  and each answer before it is sent ('after', with the object answered). Returning 'cut'
 *  closes the connection instead: the request is not performed, or its answer is lost. A test
 *  that kills a client at that moment knows exactly what the cluster holds. */
export type Intercept = (phase: 'before' | 'after', rec: RequestRecord, answer?: Obj) => 'cut' | undefined;

export interface RequestRecord {
  method: string;
  verb: string;
  path: string;
  resource?: string;
  namespace?: string;
  name?: string;
  subresource?: string;
  /** 0 when the connection was cut (fault "cut") before an answer. */
  code: number;
  fault?: string;
}

export class HttpFrontend {
  readonly server: Server;
  private readonly sockets = new Set<Socket>();
  private readonly watches = new Set<() => void>();

  constructor(private readonly api: ApiServer, private readonly random: Random, private readonly opts: ServerOptions, readonly log: RequestRecord[] = []) {
    this.server = createServer((req, res) => { void this.handle(req, res); });
    this.server.on('connection', (s) => { this.sockets.add(s); s.on('close', () => this.sockets.delete(s)); });
  }

  listen(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => resolve((this.server.address() as AddressInfo).port));
    });
  }

  /** Stops listening and cuts every connection, watches included. */
  close(): Promise<void> {
    for (const stop of this.watches) stop();
    this.watches.clear();
    for (const s of this.sockets) s.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private address(): string {
    const a = this.server.address() as AddressInfo | null;
    return a ? `127.0.0.1:${a.port}` : '127.0.0.1';
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://emulator');
    const rec: RequestRecord = { method: req.method ?? 'GET', verb: '', path: url.pathname, code: 0 };
    try {
      const body = await readBody(req);
      if (this.opts.token !== undefined && req.headers.authorization !== `Bearer ${this.opts.token}`) throw errors.unauthorized();
      const done = this.route(req, res, url, body, rec);
      if (done) await done;
    } catch (e) {
      const err = e instanceof ApiError ? e : errors.internal(e instanceof Error ? e.message : String(e));
      if (!res.headersSent) send(res, err.code, err.status());
      else res.end();
      rec.code = err.code;
    } finally {
      if (!rec.code && rec.fault !== 'cut') rec.code = res.statusCode;
      if (rec.verb) this.log.push(rec);
    }
  }

  private route(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer, rec: RequestRecord): Promise<void> | void {
    const p = url.pathname.replace(/\/+$/, '') || '/';
    const accept = req.headers.accept ?? '';
    const kinds = this.api.kinds;
    if (/^\/(healthz|livez|readyz)(\/|$)/.test(p)) return sendText(res, 200, 'ok');
    switch (p) {
      case '/version': return send(res, 200, serverVersion());
      case '/api':
        if (acceptsAggregated(accept)) return sendAggregated(res, aggregated(kinds, true));
        return send(res, 200, apiVersions(this.address()));
      case '/apis':
        if (acceptsAggregated(accept)) return sendAggregated(res, aggregated(kinds, false));
        return send(res, 200, apiGroupList(kinds));
      case '/api/v1': return send(res, 200, apiResourceList(kinds, '', 'v1'));
      case '/openapi/v3': return send(res, 200, openapiIndex(kinds, this.api.store.resourceVersion));
    }
    if (p.startsWith('/openapi/v3/')) {
      const doc = openapiGroupVersion(kinds, p.slice('/openapi/v3/'.length));
      if (!doc) throw errors.notFoundPath(p);
      return send(res, 200, doc);
    }
    const seg = p.split('/').slice(1).map(decodeURIComponent);
    if (seg[0] === 'apis' && seg.length === 2) {
      const g = apiGroup(kinds, seg[1]);
      if (!g) throw errors.notFoundPath(p);
      return send(res, 200, g);
    }
    if (seg[0] === 'apis' && seg.length === 3) {
      const l = apiResourceList(kinds, seg[1], seg[2]);
      if (!l) throw errors.notFoundPath(p);
      return send(res, 200, l);
    }
    let group: string, version: string, rest: string[];
    if (seg[0] === 'api' && seg[1] === 'v1') { group = ''; version = 'v1'; rest = seg.slice(2); }
    else if (seg[0] === 'apis' && seg.length >= 4) { group = seg[1]; version = seg[2]; rest = seg.slice(3); }
    else throw errors.notFoundPath(p);
    let watch = url.searchParams.get('watch') === 'true' || url.searchParams.get('watch') === '1';
    if (rest[0] === 'watch') { watch = true; rest = rest.slice(1); }
    const t = this.target(group, version, rest, p);
    rec.resource = t.kind.plural;
    rec.namespace = t.namespace;
    rec.name = t.name;
    rec.subresource = t.subresource;
    const method = req.method ?? 'GET';
    rec.verb = verbOf(method, t, watch);
    this.authorize(t, rec.verb);
    if (this.opts.intercept?.('before', rec) === 'cut') return cut(res, rec);

    const fault = this.fault(rec.verb);
    if (fault) rec.fault = fault;
    if (fault === 'conflict') throw errors.conflict(t.kind, t.name ?? nameIn(body));
    if (fault === 'error') throw errors.internal();
    if (fault === 'timeout') {
      // The request may or may not have happened: writes go through, the answer is lost.
      return delay(this.opts.faultDelayMs).then(() => {
        if (rec.verb !== 'watch' && !['get', 'list'].includes(rec.verb)) {
          try { this.perform(req, res, url, body, t, rec, true); } catch { /* the client never learns */ }
        }
        throw errors.timeout();
      });
    }
    if (watch) return this.watch(req, res, url, t, fault === 'drop');
    return this.perform(req, res, url, body, t, rec, false);
  }

  private perform(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer, t: Target, rec: RequestRecord, silent: boolean): void {
    const q = url.searchParams;
    const method = req.method ?? 'GET';
    const ctype = (req.headers['content-type'] ?? 'application/json').toString();
    const writeOpts: WriteOptions = {
      dryRun: q.getAll('dryRun').includes('All'),
      fieldManager: q.get('fieldManager') ?? defaultManager(req.headers['user-agent']),
      force: q.get('force') === 'true',
    };
    const out = (code: number, o: Obj) => {
      if (silent) return;
      if (this.opts.intercept?.('after', rec, o) === 'cut') return cut(res, rec);
      rec.code = code;
      const accept = req.headers.accept ?? '';
      if (accept.includes('as=Table') && (rec.verb === 'get' || rec.verb === 'list')) return send(res, 200, tableOf(t.kind, o, this.api.clock.now()));
      send(res, code, o);
    };
    if (t.subresource === 'scale') return this.scale(method, ctype, body, t, writeOpts, out);
    switch (method) {
      case 'GET':
        if (!t.name) return out(200, this.api.list(t, listQuery(q)));
        return out(200, this.api.get(t));
      case 'POST':
        if (t.name) throw errors.methodNotAllowed();
        return out(201, this.api.create(t, parseJson(body, ctype), writeOpts));
      case 'PUT':
        if (!t.name) throw errors.methodNotAllowed();
        return out(200, this.api.update(t, parseJson(body, ctype), writeOpts));
      case 'PATCH': {
        if (!t.name) throw errors.methodNotAllowed();
        const existed = this.api.peek(t.kind, t.namespace, t.name) !== undefined;
        const patch = ctype.startsWith(APPLY_PATCH) ? parseYaml(body) : parseJson(body, 'application/json');
        const o = this.api.patch(t, ctype, patch, writeOpts);
        return out(existed ? 200 : 201, o);
      }
      case 'DELETE': {
        const opts = deleteOptions(q, body);
        if (!t.name) {
          // deletecollection
          const list = this.api.list(t, listQuery(q));
          for (const o of list.items) this.api.delete({ ...t, namespace: o.metadata.namespace, name: o.metadata.name }, opts);
          return out(200, { ...list, items: list.items });
        }
        return out(200, this.api.delete(t, opts));
      }
      default: throw errors.methodNotAllowed();
    }
  }

  private scale(method: string, ctype: string, body: Buffer, t: Target, opts: WriteOptions, out: (code: number, o: Obj) => void): void {
    const main: Target = { ...t, subresource: undefined };
    const toScale = (o: Obj): Obj => ({
      kind: 'Scale', apiVersion: 'autoscaling/v1',
      metadata: { name: o.metadata.name, namespace: o.metadata.namespace, uid: o.metadata.uid, resourceVersion: o.metadata.resourceVersion, creationTimestamp: o.metadata.creationTimestamp },
      spec: { replicas: o.spec?.replicas ?? 0 }, status: { replicas: o.status?.replicas ?? 0, selector: o.status?.labelSelector ?? '' },
    });
    const cur = this.api.get(main);
    if (method === 'GET') return out(200, toScale(cur));
    let replicas: unknown;
    if (method === 'PUT') replicas = parseJson(body, ctype).spec?.replicas;
    else if (method === 'PATCH') replicas = (parseJson(body, 'application/json') as Obj).spec?.replicas;
    else throw errors.methodNotAllowed();
    if (typeof replicas !== 'number') throw errors.badRequest('spec.replicas must be a number');
    return out(200, toScale(this.api.patch(main, 'application/merge-patch+json', { spec: { replicas } }, opts)));
  }

  private watch(req: IncomingMessage, res: ServerResponse, url: URL, t: Target, drop: boolean): Promise<void> {
    const q = url.searchParams;
    return new Promise<void>((resolve) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked', 'Cache-Control': 'no-cache, private' });
      res.flushHeaders();
      let stopWatch = () => {};
      const timers: NodeJS.Timeout[] = [];
      let ended = false;
      const finish = (destroy = false) => {
        if (ended) return;
        ended = true;
        stopWatch();
        timers.forEach(clearTimeout);
        this.watches.delete(stopper);
        if (destroy) res.destroy(); else res.end();
        resolve();
      };
      const stopper = () => finish(true);
      this.watches.add(stopper);
      const write = (e: { type: string; object: Obj }) => { if (!ended) res.write(`${JSON.stringify(e)}\n`); };
      req.on('close', () => finish());
      res.on('close', () => finish());
      try {
        stopWatch = this.api.watch(t, {
          resourceVersion: q.get('resourceVersion') ?? undefined,
          labelSelector: q.get('labelSelector') ?? undefined,
          fieldSelector: q.get('fieldSelector') ?? undefined,
          sendInitialEvents: q.get('sendInitialEvents') === 'true',
        }, write);
      } catch (e) {
        // A watch the cache cannot serve (410) starts and at once reports the error, as the
        // API server's cacher does.
        const err = e instanceof ApiError ? e : errors.internal(String(e));
        write({ type: 'ERROR', object: err.status() });
        finish();
        return;
      }
      if (q.get('allowWatchBookmarks') === 'true') {
        const tick = () => { write({ type: 'BOOKMARK', object: this.api.bookmark(t) }); timers.push(setTimeout(tick, this.opts.bookmarkMs)); };
        timers.push(setTimeout(tick, this.opts.bookmarkMs));
      }
      const timeout = Number(q.get('timeoutSeconds') ?? 0);
      if (timeout > 0) timers.push(setTimeout(() => finish(), timeout * 1000));
      if (drop) timers.push(setTimeout(() => finish(true), this.random.int(Math.max(1, this.opts.faultDelayMs * 4))));
    });
  }

  private target(group: string, version: string, rest: string[], path: string): Target {
    const kinds = this.api.kinds;
    const nsKind = (plural: string) => {
      const k = kinds.byPlural(group, plural);
      return k && k.versions.includes(version) ? k : undefined;
    };
    let namespace: string | undefined;
    let r = rest;
    if (r[0] === 'namespaces' && r.length >= 3 && nsKind(r[2])?.namespaced) { namespace = r[1]; r = r.slice(2); }
    const kind = nsKind(r[0] ?? '');
    if (!kind || r.length > 3) throw errors.notFoundPath(path);
    if (!kind.namespaced && namespace !== undefined) throw errors.notFoundPath(path);
    const sub = r[2];
    if (sub !== undefined && !((sub === 'status' && kind.status) || (sub === 'scale' && kind.scale))) throw errors.notFoundPath(path);
    return { kind, version, namespace, name: r[1], subresource: sub };
  }

  private authorize(t: Target, verb: string): void {
    for (const f of this.opts.forbid) {
      const res = t.kind.group ? `${t.kind.plural}.${t.kind.group}` : t.kind.plural;
      if ((f.verb === '*' || f.verb === verb) && (f.resource === t.kind.plural || f.resource === res || f.resource === '*')) throw errors.forbidden(t.kind, verb, t.name, t.namespace);
    }
  }

  /** Which fault, if any, this request meets: "conflict" (writes), "error", "timeout", or for
   *  a watch "drop" (the connection is cut a little later). */
  private fault(verb: string): string | undefined {
    if (this.opts.faults <= 0 || this.random.next() >= this.opts.faults) return undefined;
    if (verb === 'watch') return 'drop';
    const write = !['get', 'list'].includes(verb);
    const kinds = write ? ['conflict', 'error', 'timeout'] : ['error', 'timeout'];
    return kinds[this.random.int(kinds.length)];
  }
}

function cut(res: ServerResponse, rec: RequestRecord): void {
  rec.fault = 'cut';
  res.destroy();
}

function verbOf(method: string, t: Target, watch: boolean): string {
  if (watch) return 'watch';
  switch (method) {
    case 'GET': return t.name ? 'get' : 'list';
    case 'POST': return 'create';
    case 'PUT': return 'update';
    case 'PATCH': return 'patch';
    case 'DELETE': return t.name ? 'delete' : 'deletecollection';
    default: return method.toLowerCase();
  }
}

function listQuery(q: URLSearchParams) {
  return {
    labelSelector: q.get('labelSelector') ?? undefined,
    fieldSelector: q.get('fieldSelector') ?? undefined,
    limit: q.get('limit') ? Number(q.get('limit')) : undefined,
    continue: q.get('continue') ?? undefined,
  };
}

function deleteOptions(q: URLSearchParams, body: Buffer): DeleteOptions {
  let o: Obj = {};
  if (body.length) { try { o = JSON.parse(body.toString('utf8')); } catch { throw errors.badRequest('DeleteOptions must be JSON'); } }
  const policy = q.get('propagationPolicy') ?? o.propagationPolicy ?? (o.orphanDependents === true ? 'Orphan' : undefined);
  return { dryRun: q.getAll('dryRun').includes('All') || (o.dryRun ?? []).includes('All'), propagationPolicy: policy, preconditions: o.preconditions };
}

/** The default field manager of a write without one: the client's name from its User-Agent. */
function defaultManager(ua: string | undefined): string {
  const name = (ua ?? 'unknown').split('/')[0].trim();
  return name || 'unknown';
}

/** The name a create request's body gives, for messages. */
function nameIn(body: Buffer): string {
  try { return String(JSON.parse(body.toString('utf8'))?.metadata?.name ?? ''); } catch { return ''; }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseJson(body: Buffer, ctype: string): Obj {
  if (ctype.includes('protobuf')) throw new ApiError(415, 'UnsupportedMediaType', 'the emulator speaks JSON only');
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw errors.badRequest('the request body is not valid JSON');
  }
}

function parseYaml(body: Buffer): Obj {
  try {
    return yaml.load(body.toString('utf8'), { schema: K8S_YAML_SCHEMA }) as Obj;
  } catch (e) {
    throw errors.badRequest(`error decoding YAML: ${(e as Error).message}`);
  }
}

function send(res: ServerResponse, code: number, o: unknown): void {
  const s = JSON.stringify(o);
  res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(s) });
  res.end(s);
}

/** Aggregated discovery is answered only to clients that take its v2 form (kubectl 1.32); older
 *  ones (v2beta1 only) get the legacy documents, which every client understands. */
function acceptsAggregated(accept: string): boolean {
  return accept.split(',').some((t) => t.includes('as=APIGroupDiscoveryList') && /;\s*v=v2(\s*;|$)/.test(t));
}

function sendAggregated(res: ServerResponse, o: unknown): void {
  const s = JSON.stringify(o);
  res.writeHead(200, { 'Content-Type': 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList', 'Content-Length': Buffer.byteLength(s) });
  res.end(s);
}

function sendText(res: ServerResponse, code: number, s: string): void {
  res.writeHead(code, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(s) });
  res.end(s);
}

function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

