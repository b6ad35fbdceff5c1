// kpt against the emulator: `kpt live init` writes an inventory, `kpt live apply` installs its
// ResourceGroup CRD into the emulated cluster, applies the package with client-side apply,
// records the inventory and waits for every object to reconcile (kstatus).
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toolBench } from './client-tools.js';

const EXAMPLE = join(import.meta.dirname, '..', '..', 'fixtures', 'example');
const bench = toolBench({ seed: 4, podStartMs: 30 });
const kpt = (...args: string[]) => bench.run('kpt', ...args);

describe('kpt', () => {
  it('initialises an inventory and applies a package with it', async () => {
    const pkg = join(bench.work(), 'pkg');
    cpSync(join(EXAMPLE, 'apps', 'payments'), pkg, { recursive: true });
    cpSync(join(EXAMPLE, 'namespaces', 'payments.yaml'), join(pkg, 'namespace.yaml'));
    const init = await kpt('live', 'init', pkg);
    expect(init.code).toBe(0);
    const apply = await kpt('live', 'apply', pkg, '--reconcile-timeout=60s');
    expect(apply.err).not.toMatch(/error/i);
    expect(apply.out).toContain('apply result: 4 attempted, 4 successful, 0 skipped, 0 failed');
    expect(apply.out).toContain('reconcile result: 4 attempted, 4 successful');
    const status = await kpt('live', 'status', pkg);
    expect(status.out).toMatch(/statefulset\.apps\.kruise\.io\/payments\/ledger is Current/);
  });

  it('applies a change and prunes what left the package', async () => {
    const pkg = join(bench.work(), 'pkg');
    const file = join(pkg, 'ledger.yaml');
    // Drop the second Service (the client-facing one) and bump the image.
    const docs = readFileSync(file, 'utf8').split(/^---$/m).filter((d) => !/name: ledger\n  namespace: payments\n  labels:\n    app.kubernetes.io\/name: ledger\n    app.kubernetes.io\/part-of: payments\nspec:\n  selector/.test(d));
    writeFileSync(file, docs.join('---').replaceAll('4.2.0', '4.3.0'));
    const apply = await kpt('live', 'apply', pkg, '--reconcile-timeout=60s');
    expect(apply.out).toContain('service/ledger prune successful');
    expect(apply.out).toContain('statefulset.apps.kruise.io/ledger apply successful');
    const sts = bench.emu().api.get({ kind: bench.emu().api.kinds.byPlural('apps.kruise.io', 'statefulsets')!, version: 'v1beta1', namespace: 'payments', name: 'ledger' });
    expect(sts.spec.template.spec.containers[0].image).toBe('registry.example.com/payments/ledger:4.3.0');
    expect(bench.emu().api.peek(bench.emu().api.kinds.byPlural('', 'services')!, 'payments', 'ledger')).toBeUndefined();
  });
});

