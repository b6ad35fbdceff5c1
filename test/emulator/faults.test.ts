// A flaky control plane on purpose: injected 409 / 500 / 504 answers and cut watches,
// repeatable for a seed; a restart that keeps the objects but cuts every connection and forgets
// the watch history; and refusals (401, 403) worded as the API server words them.
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from './index.js';

let emu: Emulator | undefined;
afterEach(async () => { await emu?.stop(); emu = undefined; });

const CM = '/api/v1/namespaces/default/configmaps';

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${emu!.url}${path}`, { method, headers: { 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

const configMap = (name: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { a: '1' } });

/** Status codes of 30 creates against a fresh emulator with these faults. */
async function codes(seed: number, faults: number): Promise<number[]> {
  emu = await startEmulator({ seed, faults, faultDelayMs: 5, controllers: false });
  const out: number[] = [];
  for (let i = 0; i < 30; i++) out.push((await call('POST', CM, configMap(`c${i}`))).status);
  await emu.stop();
  emu = undefined;
  return out;
}

describe('injected faults', () => {
  it('answer a fraction of requests with 409, 500 or 504, the same way for the same seed', async () => {
    const a = await codes(5, 0.5);
    expect(new Set(a)).toEqual(new Set([201, 409, 500, 504]));
    expect(a.filter((c) => c !== 201).length).toBeGreaterThan(5);
    expect(await codes(5, 0.5)).toEqual(a);
    expect(await codes(6, 0.5)).not.toEqual(a);
  });

  it('perform a write whose answer times out', async () => {
    emu = await startEmulator({ seed: 5, faults: 0.5, faultDelayMs: 5, controllers: false });
    const results: [string, number][] = [];
    for (let i = 0; i < 20; i++) results.push([`c${i}`, (await call('POST', CM, configMap(`c${i}`))).status]);
    const timedOut = results.filter(([, s]) => s === 504).map(([n]) => n);
    expect(timedOut.length).toBeGreaterThan(0);
    for (const name of timedOut) expect(emu.api.peek(emu.api.kinds.byPlural('', 'configmaps')!, 'default', name)).toBeDefined();
    const refused = results.filter(([, s]) => s === 409 || s === 500).map(([n]) => n);
    for (const name of refused) expect(emu.api.peek(emu.api.kinds.byPlural('', 'configmaps')!, 'default', name)).toBeUndefined();
    expect(emu.requests.filter((r) => r.fault).length).toBe(timedOut.length + refused.length);
  });

  it('cut watches short', async () => {
    emu = await startEmulator({ seed: 1, faults: 1, faultDelayMs: 20, controllers: false });
    const res = await fetch(`${emu.url}${CM}?watch=true`);
    await expect(res.text()).rejects.toThrow();
  });
});

describe('restart', () => {
  it('keeps the objects and the port, cuts watches, and sends old resourceVersions to 410', async () => {
    emu = await startEmulator({ seed: 1, controllers: false });
    const created = await call('POST', CM, configMap('kept'));
    const rv = created.body.metadata.resourceVersion;
    const watch = await fetch(`${emu.url}${CM}?watch=true&resourceVersion=${rv}`);
    const ended = watch.text().then(() => 'ended', () => 'cut');
    await call('POST', CM, configMap('after'));
    await emu.restart();
    expect(await ended).toMatch(/ended|cut/);
    expect((await call('GET', `${CM}/kept`)).body.data).toEqual({ a: '1' });
    const again = await (await fetch(`${emu.url}${CM}?watch=true&resourceVersion=${rv}`)).text();
    const event = JSON.parse(again.split('\n')[0]);
    expect(event).toMatchObject({ type: 'ERROR', object: { code: 410, reason: 'Expired' } });
    // A fresh list gives a resourceVersion to watch from again.
    const list = await call('GET', CM);
    const ctrl = new AbortController();
    const fresh = await fetch(`${emu.url}${CM}?watch=true&resourceVersion=${list.body.metadata.resourceVersion}`, { signal: ctrl.signal });
    expect(fresh.status).toBe(200);
    ctrl.abort();
  });

  it('starts another emulator from a saved state', async () => {
    emu = await startEmulator({ seed: 1, controllers: false });
    await call('POST', CM, configMap('saved'));
    const state = emu.state();
    await emu.stop();
    emu = await startEmulator({ seed: 2, controllers: false, state });
    expect((await call('GET', `${CM}/saved`)).status).toBe(200);
    const next = await call('POST', CM, configMap('later'));
    expect(Number(next.body.metadata.resourceVersion)).toBeGreaterThan(state.resourceVersion);
  });
});

describe('refusals', () => {
  it('answers 401 without the token and 403 for a forbidden verb, naming verb and resource', async () => {
    emu = await startEmulator({ seed: 1, controllers: false, token: 'secret', forbid: [{ verb: 'patch', resource: 'clonesets.apps.kruise.io' }] });
    expect((await call('GET', CM)).status).toBe(401);
    const auth = { authorization: 'Bearer secret' };
    expect((await call('GET', CM, undefined, auth)).status).toBe(200);
    const r = await call('PATCH', '/apis/apps.kruise.io/v1beta1/namespaces/default/clonesets/web', {}, { ...auth, 'content-type': 'application/merge-patch+json' });
    expect(r.status).toBe(403);
    expect(r.body.message).toBe('clonesets.apps.kruise.io "web" is forbidden: User "system:serviceaccount:default:emulator" cannot patch resource "clonesets" in API group "apps.kruise.io" in the namespace "default"');
  });
});
