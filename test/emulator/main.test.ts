// `npm run emulator -- --kubeconfig <path>` from the shell: it writes the kubeconfig, prints
// "ready" once it listens, serves kubectl, and stops cleanly on SIGTERM; bad flags exit 2.
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const MAIN = join(import.meta.dirname, 'main.ts');
const work = mkdtempSync(join(tmpdir(), 'emulator-main-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('emulator command', () => {
  it('is what `npm run emulator` runs', () => {
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.emulator).toBe('tsx test/emulator/main.ts');
  });

  it('prints ready, serves kubectl with the kubeconfig it wrote, and stops on SIGTERM', async () => {
    const kubeconfig = join(work, 'kubeconfig');
    const child = spawn(TSX, [MAIN, '--kubeconfig', kubeconfig, '--seed', '9', '--pod-start-ms', '20'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => { out += d.toString(); if (out.includes('ready\n')) resolve(); });
      child.on('exit', () => reject(new Error(`exited before ready: ${out}`)));
    });
    const { stdout } = await promisify(execFile)('kubectl', ['--kubeconfig', kubeconfig, 'get', 'namespaces', '-o', 'name'], { env: { ...process.env, KUBECACHEDIR: join(work, 'cache') } });
    expect(stdout).toContain('namespace/kruise-system');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('exits 2 on a bad flag', async () => {
    const r = await promisify(execFile)(TSX, [MAIN, '--kubeconfig', join(work, 'k'), '--faults', '2']).then(() => 0, (e: { code: number }) => e.code);
    expect(r).toBe(2);
  });
});
