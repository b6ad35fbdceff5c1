// The informer's list+watch loop against a scripted API: it lists once and then only watches,
// resumes a watch the server closed from the last resourceVersion (no list), lists again after
// 410 Gone (as an HTTP status or an ERROR event), backs off and lists again after a failure, and
// stops on an error retrying cannot fix.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/resource.js';
import { ManualClock } from '../clock.js';
import type { KubeClient } from './client.js';
import { ApiError } from './errors.js';
import { Informer } from './informer.js';

type WatchScript = (query: Record<string, string | undefined>, emit: (type: string, obj: any) => void, done: (err: unknown) => void) => void;

function cs(name: string, rv: string): KubeObject {
  return { apiVersion: 'apps.kruise.io/v1alpha1', kind: 'CloneSet', metadata: { name, namespace: 'shop', resourceVersion: rv } };
}

/** A client whose list answers come from `lists` and whose watches run `watches`, in order. */
function scripted(lists: (() => { items: KubeObject[]; resourceVersion: string })[], watches: WatchScript[]) {
  const calls: string[] = [];
  const client = {
    collectionPath: async () => '/apis/apps.kruise.io/v1alpha1/namespaces/shop/clonesets',
    list: async () => {
      calls.push('list');
      const next = lists.shift();
      if (!next) throw new Error('unexpected list');
      return next();
    },
    watch: async (_path: string, query: Record<string, string | undefined>, onEvent: (t: string, o: any) => void, onDone: (e: unknown) => void) => {
      calls.push(`watch@${query.resourceVersion ?? ''}`);
      const script = watches.shift();
      if (script) setImmediate(() => script(query, onEvent, onDone));
      return { abort: () => {} };
    },
  } as unknown as KubeClient;
  return { client, calls };
}

const tick = () => new Promise((r) => setImmediate(r));
async function until(cond: () => boolean, clock?: ManualClock) {
  for (let i = 0; i < 200 && !cond(); i++) {
    await tick();
    clock?.advance(1000);
  }
  expect(cond()).toBe(true);
}

describe('Informer', () => {
  it('lists once, then follows the watch; a closed watch resumes from the last resourceVersion', async () => {
    const clock = new ManualClock(0);
    const changed: string[] = [];
    const { client, calls } = scripted(
      [() => ({ items: [cs('a', '5')], resourceVersion: '10' })],
      [
        (_q, emit, done) => { emit('MODIFIED', cs('a', '11')); emit('BOOKMARK', { metadata: { resourceVersion: '15' } }); clock.advance(5000); done(null); },
        (_q, emit) => { emit('ADDED', cs('b', '16')); },
      ],
    );
    const inf = new Informer(client, { apiVersion: 'apps.kruise.io/v1alpha1', kind: 'CloneSet', namespace: 'shop' }, { clock, onChange: (o) => changed.push(`${o.metadata.name}@${o.metadata.resourceVersion}`) });
    const stop = new AbortController();
    const running = inf.run(stop.signal);
    await until(() => changed.includes('b@16'));
    expect(calls).toEqual(['list', 'watch@10', 'watch@15']);
    expect(changed).toEqual(['a@5', 'a@11', 'b@16']);
    expect(inf.get('shop', 'a')?.metadata.resourceVersion).toBe('11');
    stop.abort();
    await running;
  });

  it('lists again from a fresh resourceVersion after 410 Gone, as an ERROR event or a status', async () => {
    const clock = new ManualClock(0);
    const changed: string[] = [];
    let expired = 0;
    const { client, calls } = scripted(
      [
        () => ({ items: [cs('a', '5'), cs('gone-later', '6')], resourceVersion: '10' }),
        () => ({ items: [cs('a', '30')], resourceVersion: '31' }),
        () => ({ items: [cs('a', '30')], resourceVersion: '40' }),
      ],
      [
        (_q, emit) => { emit('ERROR', { kind: 'Status', code: 410, reason: 'Expired' }); },
        (_q, _emit, done) => { done(new ApiError(410, 'watch', 'clonesets', 'Gone', '')); },
        () => {},
      ],
    );
    const inf = new Informer(client, { apiVersion: 'apps.kruise.io/v1alpha1', kind: 'CloneSet', namespace: 'shop' }, { clock, onChange: (o) => changed.push(o.metadata.name!), onExpired: () => { expired++; } });
    const stop = new AbortController();
    const running = inf.run(stop.signal);
    await until(() => calls.length >= 6);
    expect(calls).toEqual(['list', 'watch@10', 'list', 'watch@31', 'list', 'watch@40']);
    expect(expired).toBe(2);
    expect(inf.get('shop', 'gone-later')).toBeUndefined(); // deleted while we were not watching
    expect(changed).toContain('gone-later');
    stop.abort();
    await running;
  });

  it('backs off, lists again and resumes after a server error or a broken stream', async () => {
    const clock = new ManualClock(0);
    const retries: number[] = [];
    const { client, calls } = scripted(
      [
        () => { throw new ApiError(503, 'list', 'clonesets', 'ServiceUnavailable', ''); },
        () => ({ items: [], resourceVersion: '3' }),
        () => ({ items: [], resourceVersion: '4' }),
      ],
      [
        (_q, _emit, done) => { clock.advance(2000); done(new ApiError(0, 'watch', 'clonesets', 'Premature close', '')); },
        () => {},
      ],
    );
    const inf = new Informer(client, { apiVersion: 'apps.kruise.io/v1alpha1', kind: 'CloneSet', namespace: 'shop' }, { clock, random: () => 0, onChange: () => {}, onRetry: (_e, ms) => retries.push(ms) });
    const stop = new AbortController();
    const running = inf.run(stop.signal);
    await until(() => calls.length >= 5, clock);
    expect(calls).toEqual(['list', 'list', 'watch@3', 'list', 'watch@4']);
    expect(retries).toEqual([200, 200]);
    stop.abort();
    await running;
  });

  it('gives up on an error retrying cannot fix', async () => {
    const { client } = scripted([() => { throw new ApiError(403, 'list', 'clonesets', 'Forbidden', 'nope'); }], []);
    const inf = new Informer(client, { apiVersion: 'apps.kruise.io/v1alpha1', kind: 'CloneSet', namespace: 'shop' }, { onChange: () => {} });
    await expect(inf.run(new AbortController().signal)).rejects.toMatchObject({ status: 403 });
  });
});
