// Leader election on a Lease, against an in-memory API with resourceVersion preconditions and a
// manual clock: one holder at a time, takeover only after a whole lease duration of silence
// (on the candidate's own clock), at once when the holder is a dead process on this host, and
// release on the way out.
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/resource.js';
import { ManualClock } from './clock.js';
import type { KubeClient } from './kube/client.js';
import { ApiError } from './kube/errors.js';
import { holderIsDead, LeaderElector, type LeaseOptions } from './lease.js';

/** One Lease object, stored with a resourceVersion; stale writes get 409 as from the API server. */
function fakeApi() {
  let lease: KubeObject | undefined;
  let rv = 0;
  const writes: string[] = [];
  const client = {
    get: async () => {
      if (!lease) throw new ApiError(404, 'get', 'lease', 'NotFound', '');
      return structuredClone(lease);
    },
    create: async (obj: KubeObject) => {
      if (lease) throw new ApiError(409, 'create', 'lease', 'AlreadyExists', '');
      lease = { ...structuredClone(obj), metadata: { ...obj.metadata, resourceVersion: String(++rv) } };
      writes.push(`create ${(obj.spec as { holderIdentity?: string }).holderIdentity}`);
      return structuredClone(lease);
    },
    update: async (obj: KubeObject) => {
      if (!lease || obj.metadata.resourceVersion !== lease.metadata.resourceVersion) throw new ApiError(409, 'update', 'lease', 'Conflict', '');
      lease = { ...structuredClone(obj), metadata: { ...obj.metadata, resourceVersion: String(++rv) } };
      writes.push(`update ${(obj.spec as { holderIdentity?: string }).holderIdentity ?? '(none)'}`);
      return structuredClone(lease);
    },
  } as unknown as KubeClient;
  return { client, writes, holder: () => (lease?.spec as { holderIdentity?: string } | undefined)?.holderIdentity };
}

const OPTS: LeaseOptions = { namespace: 'default', name: 'kruisec-rollout-default', leaseDurationSeconds: 15, renewDeadlineMs: 10_000, retryPeriodMs: 2_000, renewPeriodMs: 5_000 };

describe('LeaderElector', () => {
  it('creates the lease when there is none, and renews it while holding', async () => {
    const api = fakeApi();
    const clock = new ManualClock(1_000_000);
    const a = new LeaderElector(api.client, OPTS, 'hostA/100/aa', clock);
    expect(await a.tryAcquireOrRenew()).toBeUndefined();
    expect(api.holder()).toBe('hostA/100/aa');
    clock.advance(5000);
    expect(await a.tryAcquireOrRenew()).toBeUndefined();
    expect(api.writes).toEqual(['create hostA/100/aa', 'update hostA/100/aa']);
  });

  it('lets another candidate take over only after a full lease duration without renewals', async () => {
    const api = fakeApi();
    const clock = new ManualClock(1_000_000);
    const a = new LeaderElector(api.client, OPTS, 'hostA/100/aa', clock);
    const b = new LeaderElector(api.client, OPTS, 'hostB/200/bb', clock);
    await a.tryAcquireOrRenew();
    expect(await b.tryAcquireOrRenew()).toBe('hostA/100/aa');
    clock.advance(14_000);
    expect(await b.tryAcquireOrRenew()).toBe('hostA/100/aa');
    // a renews: b's wait starts over from when it saw the new record
    await a.tryAcquireOrRenew();
    clock.advance(14_000);
    expect(await b.tryAcquireOrRenew()).toBe('hostA/100/aa');
    clock.advance(15_000);
    expect(await b.tryAcquireOrRenew()).toBeUndefined();
    expect(api.holder()).toBe('hostB/200/bb');
    // a finds out it lost it
    expect(await a.tryAcquireOrRenew()).toBe('hostB/200/bb');
  });

  it('takes over at once from a dead process on this host, and is released on the way out', async () => {
    const api = fakeApi();
    const clock = new ManualClock(1_000_000);
    const dead = new LeaderElector(api.client, OPTS, 'thishost/4242/dd', clock);
    await dead.tryAcquireOrRenew();
    const me = new LeaderElector(api.client, OPTS, 'thishost/777/ee', clock);
    // holderIsDead is consulted with the real process table; 4242 is assumed gone here
    expect(holderIsDead('thishost/4242/dd', 'thishost/777/ee', () => false)).toBe(true);
    expect(holderIsDead('thishost/4242/dd', 'thishost/777/ee', () => true)).toBe(false);
    expect(holderIsDead('otherhost/4242/dd', 'thishost/777/ee', () => false)).toBe(false);
    expect(holderIsDead(`thishost/${process.pid}/old`, `thishost/${process.pid}/new`, () => true)).toBe(true); // a restarted container
    // Through the real process table: a pid no process has on this host.
    const api2 = fakeApi();
    const gone = new LeaderElector(api2.client, OPTS, `${hostname()}/4194303/gg`, clock);
    await gone.tryAcquireOrRenew();
    expect(await new LeaderElector(api2.client, OPTS, `${hostname()}/${process.pid}/me`, clock).tryAcquireOrRenew()).toBeUndefined();
    expect(api2.holder()).toBe(`${hostname()}/${process.pid}/me`);
    await me.release(); // not the holder: no write
    expect(api.writes).toEqual(['create thishost/4242/dd']);
    await dead.release();
    expect(api.holder()).toBeUndefined();
    expect(await me.tryAcquireOrRenew()).toBeUndefined();
    expect(api.holder()).toBe('thishost/777/ee');
  });

  it('gives up acting when it cannot renew within the renew deadline', async () => {
    const api = fakeApi();
    const clock = new ManualClock(1_000_000);
    const a = new LeaderElector(api.client, OPTS, 'hostA/100/aa', clock);
    await a.tryAcquireOrRenew();
    (api.client as unknown as { update: () => Promise<never> }).update = async () => { throw new ApiError(503, 'update', 'lease', 'ServiceUnavailable', ''); };
    (api.client as unknown as { get: () => Promise<never> }).get = async () => { throw new ApiError(503, 'get', 'lease', 'ServiceUnavailable', ''); };
    const stop = new AbortController();
    let lost = '';
    const holding = a.hold(stop.signal, (why) => { lost = why; });
    for (let i = 0; i < 5 && !lost; i++) {
      clock.advance(5000);
      await new Promise((r) => setImmediate(r));
      await new Promise((r) => setImmediate(r));
    }
    await holding;
    expect(lost).toMatch(/could not be renewed for 10s/);
  });
});
