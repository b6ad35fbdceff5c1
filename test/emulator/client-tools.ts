// For tests that drive the emulator with the preinstalled command-line clients (kubectl, kpt):
// one emulator and one scratch folder per test file, and the tools run with the emulator's
// kubeconfig and nothing else (their caches and HOME in the scratch folder).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll } from 'vitest';
import { startEmulator, type Emulator, type EmulatorOptions } from './index.js';

export interface ToolResult { code: number; out: string; err: string }

export interface ToolBench {
  emu(): Emulator;
  work(): string;
  run(cmd: 'kubectl' | 'kpt', ...args: string[]): Promise<ToolResult>;
}

const exec = promisify(execFile);

export function toolBench(opts: EmulatorOptions): ToolBench {
  let emu: Emulator | undefined;
  let work = '';
  beforeAll(async () => {
    emu = await startEmulator(opts);
    work = mkdtempSync(join(tmpdir(), 'emulator-tools-'));
  });
  afterAll(async () => {
    await emu?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });
  return {
    emu: () => emu!,
    work: () => work,
    async run(cmd, ...args) {
      const env = { ...process.env, KUBECONFIG: emu!.kubeconfigPath, KUBECACHEDIR: join(work, 'cache'), HOME: work };
      try {
        const { stdout, stderr } = await exec(cmd, args, { env, cwd: work, timeout: 90_000 });
        return { code: 0, out: stdout, err: stderr };
      } catch (e) {
        const x = e as { code?: number; stdout?: string; stderr?: string };
        return { code: typeof x.code === 'number' ? x.code : 1, out: x.stdout ?? '', err: x.stderr ?? String(e) };
      }
    },
  };
}
