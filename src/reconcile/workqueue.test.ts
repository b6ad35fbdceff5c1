// The work queue's guarantees, each shown on its own (client-go util/workqueue semantics).
import { describe, expect, it } from 'vitest';
import { ManualClock } from './clock.js';
import { runWorkers, WorkQueue } from './workqueue.js';

/** Resolves after every pending promise callback has run. */
const settle = () => new Promise((r) => setImmediate(r));

describe('WorkQueue', () => {
  it('hands keys out in the order they were added', async () => {
    const q = new WorkQueue<string>();
    q.add('a'); q.add('b'); q.add('c');
    expect([await q.get(), await q.get(), await q.get()]).toEqual(['a', 'b', 'c']);
  });

  it('collapses repeated adds of a waiting key into one', async () => {
    const q = new WorkQueue<string>();
    for (let i = 0; i < 100; i++) q.add('cloneset/shop/storefront');
    q.add('sidecarset/logging');
    expect(q.len()).toBe(2);
    expect(await q.get()).toBe('cloneset/shop/storefront');
    expect(await q.get()).toBe('sidecarset/logging');
    expect(q.len()).toBe(0);
  });

  it('never hands a key to a second worker while the first holds it', async () => {
    const q = new WorkQueue<string>();
    q.add('k');
    const first = await q.get();
    expect(first).toBe('k');
    q.add('k'); // an event arrives while the key is processed
    expect(q.len()).toBe(0); // not handed out again yet
    let second: string | undefined;
    void q.get().then((k) => { second = k; });
    await settle();
    expect(second).toBeUndefined();
    q.done('k'); // the first worker finishes: the key comes back once
    await settle();
    expect(second).toBe('k');
  });

  it('does not re-queue a key that was not added while processed', async () => {
    const q = new WorkQueue<string>();
    q.add('k');
    await q.get();
    q.done('k');
    expect(q.len()).toBe(0);
  });

  it('with several workers, runs each key by one worker at a time and loses no event', async () => {
    const q = new WorkQueue<string>();
    const running = new Set<string>();
    let overlap = false;
    const seen: Record<string, number> = {};
    const version: Record<string, number> = { a: 0, b: 0 };
    const handled: Record<string, number> = { a: -1, b: -1 };
    const handle = async (key: string) => {
      if (running.has(key)) overlap = true;
      running.add(key);
      seen[key] = (seen[key] ?? 0) + 1;
      const v = version[key]; // level-triggered: read the current state, not the event
      await settle();
      handled[key] = v;
      running.delete(key);
    };
    const workers = runWorkers(q, 4, handle, () => {});
    for (let i = 1; i <= 50; i++) {
      version.a = i; q.add('a');
      version.b = i; q.add('b');
      if (i % 10 === 0) await settle();
    }
    await settle(); await settle(); await settle();
    q.shutDown();
    await workers;
    expect(overlap).toBe(false);
    // Fifty events per key were collapsed into far fewer runs, and the last run saw the last state.
    expect(seen.a).toBeLessThan(50);
    expect(handled).toEqual({ a: 50, b: 50 });
  });

  it('addAfter adds when due, and the earliest of several delays wins', () => {
    const clock = new ManualClock();
    const q = new WorkQueue<string>({ clock });
    q.addAfter('pause', 5000);
    q.addAfter('pause', 1000);
    q.addAfter('pause', 9000);
    clock.advance(999);
    expect(q.len()).toBe(0);
    clock.advance(1);
    expect(q.len()).toBe(1);
    clock.advance(10_000);
    expect(q.len()).toBe(1); // the later delays were dropped, not queued again
  });

  it('addRateLimited backs off exponentially per key, with jitter, until forget', () => {
    const clock = new ManualClock();
    const q = new WorkQueue<string>({ clock, backoff: { baseMs: 100, maxMs: 1000, jitter: 0.5 }, random: () => 1 });
    expect([q.addRateLimited('x'), q.addRateLimited('x'), q.addRateLimited('x'), q.addRateLimited('x'), q.addRateLimited('x')])
      .toEqual([150, 300, 600, 1200, 1500]);
    expect(q.addRateLimited('y')).toBe(150); // per key
    q.forget('x');
    expect(q.addRateLimited('x')).toBe(150);
  });

  it('shutDown releases waiting workers', async () => {
    const q = new WorkQueue<string>();
    const got = q.get();
    q.shutDown();
    expect(await got).toBeUndefined();
    q.add('late');
    expect(q.len()).toBe(0);
  });
});
