// The emulator over HTTP, as any client sees it: discovery, CRUD with resourceVersions,
// watches, server-side apply and its conflicts, the status subresource and generation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from './index.js';

let emu: Emulator;
beforeAll(async () => { emu = await startEmulator({ seed: 7, controllers: false }); });
afterAll(async () => { await emu.stop(); });

async function call(method: string, path: string, body?: unknown, contentType = 'application/json') {
  const res = await fetch(`${emu.url}${path}`, {
    method, headers: { 'content-type': contentType, authorization: 'Bearer emulator' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

const CS = '/apis/apps.kruise.io/v1beta1/namespaces/default/clonesets';
const cloneSet = (name: string, replicas = 2) => ({
  apiVersion: 'apps.kruise.io/v1beta1', kind: 'CloneSet', metadata: { name },
  spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image: 'app:1' }] } } },
});

describe('discovery', () => {
  it('lists the groups and their resources with the preferred version first', async () => {
    const groups = (await call('GET', '/apis')).body.groups;
    const kruise = groups.find((g: { name: string }) => g.name === 'apps.kruise.io');
    expect(kruise.preferredVersion.version).toBe('v1beta1');
    expect(kruise.versions.map((v: { version: string }) => v.version)).toEqual(['v1beta1', 'v1alpha1']);
    const res = (await call('GET', '/apis/apps.kruise.io/v1alpha1')).body.resources.map((r: { name: string }) => r.name);
    expect(res).toEqual(expect.arrayContaining(['clonesets', 'clonesets/status', 'clonesets/scale', 'sidecarsets', 'uniteddeployments']));
    expect((await call('GET', '/api/v1')).body.resources.map((r: { name: string }) => r.name)).toContain('pods');
    expect((await call('GET', '/apis/coordination.k8s.io/v1')).body.resources[0].name).toBe('leases');
  });
});

describe('objects', () => {
  it('creates, reads, and refuses a stale update with 409', async () => {
    const created = await call('POST', CS, cloneSet('a'));
    expect(created.status).toBe(201);
    expect(created.body.metadata.generation).toBe(1);
    const rv = created.body.metadata.resourceVersion;
    const upd = await call('PUT', `${CS}/a`, { ...created.body, spec: { ...created.body.spec, replicas: 3 } });
    expect(upd.status).toBe(200);
    expect(upd.body.metadata.generation).toBe(2);
    const stale = await call('PUT', `${CS}/a`, { ...created.body, metadata: { ...created.body.metadata, resourceVersion: rv } });
    expect(stale.status).toBe(409);
    expect(stale.body.reason).toBe('Conflict');
    expect((await call('POST', CS, cloneSet('a'))).status).toBe(409);
    expect((await call('GET', `${CS}/nope`)).status).toBe(404);
  });

  it('keeps status out of main-resource writes and spec out of status writes; generation counts spec changes only', async () => {
    const c = (await call('POST', CS, { ...cloneSet('b'), status: { replicas: 9 } })).body;
    expect(c.status).toBeUndefined();
    const s = await call('PUT', `${CS}/b/status`, { ...c, spec: { ...c.spec, replicas: 7 }, status: { replicas: 1, observedGeneration: 1 } });
    expect(s.body.status.replicas).toBe(1);
    expect(s.body.spec.replicas).toBe(2);
    expect(s.body.metadata.generation).toBe(1);
    const l = await call('PATCH', `${CS}/b`, { metadata: { labels: { x: 'y' } } }, 'application/merge-patch+json');
    expect(l.body.metadata.generation).toBe(1);
    expect(l.body.status.replicas).toBe(1);
  });

  it('refuses a namespaced object in a namespace that does not exist', async () => {
    const r = await call('POST', '/apis/apps.kruise.io/v1beta1/namespaces/nowhere/clonesets', cloneSet('c'));
    expect(r.status).toBe(404);
    expect(r.body.message).toBe('namespaces "nowhere" not found');
  });

  it('serves a v1alpha1 CloneSet in the v1beta1 layout', async () => {
    const alpha = { ...cloneSet('conv'), apiVersion: 'apps.kruise.io/v1alpha1' } as Record<string, any>;
    alpha.spec.updateStrategy = { type: 'InPlaceIfPossible', partition: 3, maxUnavailable: 1 };
    await call('POST', '/apis/apps.kruise.io/v1alpha1/namespaces/default/clonesets', alpha);
    const beta = (await call('GET', `${CS}/conv`)).body;
    expect(beta.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { partition: 3, maxUnavailable: 1, podUpdatePolicy: 'InPlaceIfPossible' } });
  });
});

describe('server-side apply', () => {
  const apply = (body: Record<string, any>, manager: string, force = false) =>
    call('PATCH', `${CS}/${body.metadata.name}?fieldManager=${manager}&force=${force}`, body, 'application/apply-patch+yaml');

  it('creates, records the manager, and reports a conflict with another manager', async () => {
    const first = await apply(cloneSet('ssa', 2), 'kubectl');
    expect(first.status).toBe(201);
    expect(first.body.metadata.managedFields[0]).toMatchObject({ manager: 'kubectl', operation: 'Apply' });
    const other = await apply({ apiVersion: 'apps.kruise.io/v1beta1', kind: 'CloneSet', metadata: { name: 'ssa' }, spec: { replicas: 5 } }, 'kruisec');
    expect(other.status).toBe(409);
    expect(other.body.message).toBe('Apply failed with 1 conflict: conflict with "kubectl" using apps.kruise.io/v1beta1: .spec.replicas');
    expect(other.body.details.causes[0]).toMatchObject({ type: 'FieldManagerConflict', field: '.spec.replicas' });
    const forced = await apply({ apiVersion: 'apps.kruise.io/v1beta1', kind: 'CloneSet', metadata: { name: 'ssa' }, spec: { replicas: 5 } }, 'kruisec', true);
    expect(forced.status).toBe(200);
    expect(forced.body.spec.replicas).toBe(5);
    // Same value: shared ownership, no conflict.
    const shared = await apply({ apiVersion: 'apps.kruise.io/v1beta1', kind: 'CloneSet', metadata: { name: 'ssa' }, spec: { replicas: 5 } }, 'other');
    expect(shared.status).toBe(200);
  });

  it('removes what the same manager stops applying', async () => {
    const withLabel = cloneSet('ssa2') as Record<string, any>;
    withLabel.metadata.labels = { keep: 'x', drop: 'y' };
    await apply(withLabel, 'kubectl').then((r) => expect(r.status).toBe(201));
    await call('PATCH', `${CS}/ssa2?fieldManager=kubectl&force=false`, { ...withLabel, metadata: { name: 'ssa2', labels: { keep: 'x' } } }, 'application/apply-patch+yaml');
    const got = (await call('GET', `${CS}/ssa2`)).body;
    expect(got.metadata.labels).toEqual({ keep: 'x' });
  });

  it('does not write when nothing changes', async () => {
    const before = (await call('GET', `${CS}/ssa2`)).body.metadata.resourceVersion;
    const again = await call('PATCH', `${CS}/ssa2?fieldManager=kubectl`, { ...cloneSet('ssa2'), metadata: { name: 'ssa2', labels: { keep: 'x' } } }, 'application/apply-patch+yaml');
    expect(again.body.metadata.resourceVersion).toBe(before);
  });

  it('answers dry-run without storing', async () => {
    const r = await call('PATCH', `${CS}/dry?fieldManager=kubectl&dryRun=All`, cloneSet('dry'), 'application/apply-patch+yaml');
    expect(r.status).toBe(201);
    expect((await call('GET', `${CS}/dry`)).status).toBe(404);
  });
});

describe('watch', () => {
  it('streams changes after a resourceVersion and answers a too-old one with 410', async () => {
    const list = (await call('GET', CS)).body;
    const ctrl = new AbortController();
    const res = await fetch(`${emu.url}${CS}?watch=true&resourceVersion=${list.metadata.resourceVersion}`, { signal: ctrl.signal });
    const reader = res.body!.getReader();
    await call('POST', CS, cloneSet('w'));
    const { value } = await reader.read();
    const ev = JSON.parse(new TextDecoder().decode(value).split('\n')[0]);
    expect(ev.type).toBe('ADDED');
    expect(ev.object.metadata.name).toBe('w');
    ctrl.abort();

    emu.api.store.forgetHistory();
    const old = await fetch(`${emu.url}${CS}?watch=true&resourceVersion=1`);
    const err = JSON.parse((await old.text()).split('\n')[0]);
    expect(err.type).toBe('ERROR');
    expect(err.object.code).toBe(410);
  });
});

describe('server-side apply of a map that was empty', () => {
  it('keeps the fields it gains', async () => {
    const base = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'grow', annotations: {} }, data: { a: '1' } };
    const p = (body: unknown) => call('PATCH', '/api/v1/namespaces/default/configmaps/grow?fieldManager=m', body, 'application/apply-patch+yaml');
    await p(base);
    const r = await p({ ...base, metadata: { name: 'grow', annotations: { x: 'y' } } });
    expect(r.body.metadata.annotations).toEqual({ x: 'y' });
  });
});

describe('lists and watches', () => {
  const CM = '/api/v1/namespaces/default/configmaps';
  const cm = (name: string, labels: Record<string, string> = {}) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, labels }, data: {} });

  /** Reads watch events until `n` arrived (or the stream ends). */
  async function events(path: string, n: number, during?: () => Promise<void>): Promise<{ type: string; object: Record<string, any> }[]> {
    const ctrl = new AbortController();
    const res = await fetch(`${emu.url}${path}`, { signal: ctrl.signal });
    const reader = res.body!.getReader();
    const out: { type: string; object: Record<string, any> }[] = [];
    let buf = '';
    const p = during?.();
    while (out.length < n) {
      const { value, done } = await reader.read();
      if (done) break;
      buf += new TextDecoder().decode(value);
      let i;
      while ((i = buf.indexOf('\n')) >= 0) { out.push(JSON.parse(buf.slice(0, i))); buf = buf.slice(i + 1); }
    }
    await p;
    ctrl.abort();
    return out;
  }

  it('pages a list with limit and continue', async () => {
    for (const n of ['p1', 'p2', 'p3']) await call('POST', CM, cm(n, { page: 'yes' }));
    const first = (await call('GET', `${CM}?labelSelector=page%3Dyes&limit=2`)).body;
    expect(first.items.map((i: { metadata: { name: string } }) => i.metadata.name)).toEqual(['p1', 'p2']);
    expect(first.metadata.remainingItemCount).toBe(1);
    const rest = (await call('GET', `${CM}?labelSelector=page%3Dyes&limit=2&continue=${first.metadata.continue}`)).body;
    expect(rest.items.map((i: { metadata: { name: string } }) => i.metadata.name)).toEqual(['p3']);
    expect(rest.metadata.continue).toBeUndefined();
  });

  it('sends the initial state then a bookmark marking its end when asked for initial events', async () => {
    const evs = await events(`${CM}?watch=true&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true&labelSelector=page%3Dyes`, 4);
    expect(evs.map((e) => e.type)).toEqual(['ADDED', 'ADDED', 'ADDED', 'BOOKMARK']);
    expect(evs[3].object.metadata.annotations).toEqual({ 'k8s.io/initial-events-end': 'true' });
  });

  it('turns an object that leaves or enters a selector into DELETED and ADDED', async () => {
    const list = (await call('GET', `${CM}?labelSelector=color%3Dred`)).body;
    const evs = await events(`${CM}?watch=true&labelSelector=color%3Dred&resourceVersion=${list.metadata.resourceVersion}`, 3, async () => {
      await call('POST', CM, cm('paint', { color: 'red' }));
      await call('PATCH', `${CM}/paint`, { metadata: { labels: { color: 'blue' } } }, 'application/merge-patch+json');
      await call('PATCH', `${CM}/paint`, { metadata: { labels: { color: 'red' } } }, 'application/merge-patch+json');
    });
    expect(evs.map((e) => e.type)).toEqual(['ADDED', 'DELETED', 'ADDED']);
  });

  it('sends bookmarks with the current resourceVersion to watches that allow them', async () => {
    const quick = await startEmulator({ controllers: false, bookmarkMs: 20 });
    try {
      const res = await fetch(`${quick.url}${CM}?watch=true&allowWatchBookmarks=true&resourceVersion=0&timeoutSeconds=1`);
      const lines = (await res.text()).trim().split('\n').map((l) => JSON.parse(l));
      const marks = lines.filter((e) => e.type === 'BOOKMARK');
      expect(marks.length).toBeGreaterThan(2);
      expect(marks[0].object.metadata.resourceVersion).toBe(String(quick.api.store.resourceVersion));
    } finally {
      await quick.stop();
    }
  });
});

describe('server-side apply to the status subresource', () => {
  it('changes only status and records the manager for the status subresource', async () => {
    const path = `${CS}/st`;
    await call('POST', CS, cloneSet('st'));
    const r = await call('PATCH', `${path}/status?fieldManager=controller`, { apiVersion: 'apps.kruise.io/v1beta1', kind: 'CloneSet', metadata: { name: 'st' }, spec: { replicas: 9 }, status: { replicas: 4 } }, 'application/apply-patch+yaml');
    expect(r.status).toBe(200);
    expect(r.body.status).toEqual({ replicas: 4 });
    expect(r.body.spec.replicas).toBe(2);
    expect(r.body.metadata.managedFields.find((m: { manager: string }) => m.manager === 'controller')).toMatchObject({ operation: 'Apply', subresource: 'status', fieldsV1: { 'f:status': { 'f:replicas': {} } } });
  });
});

describe('SidecarSet versions', () => {
  it('serves a v1alpha1 spec.namespace as the v1beta1 namespaceSelector on the name label', async () => {
    const ss = { apiVersion: 'apps.kruise.io/v1alpha1', kind: 'SidecarSet', metadata: { name: 'ns-only' }, spec: { namespace: 'default', selector: { matchLabels: { a: 'b' } }, containers: [{ name: 'c', image: 'c:1' }] } };
    await call('POST', '/apis/apps.kruise.io/v1alpha1/sidecarsets', ss);
    const beta = (await call('GET', '/apis/apps.kruise.io/v1beta1/sidecarsets/ns-only')).body;
    expect(beta.spec.namespace).toBeUndefined();
    expect(beta.spec.namespaceSelector).toEqual({ matchLabels: { 'kubernetes.io/metadata.name': 'default' } });
    expect((await call('GET', '/api/v1/namespaces/default')).body.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'default' });
  });
});
