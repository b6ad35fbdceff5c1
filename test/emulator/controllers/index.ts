// The simulated controllers of the emulated cluster.
import type { ApiServer } from '../api.js';
import type { Random } from '../random.js';

export interface ControllerOptions {
  podStartMs: number;
  random: Random;
}

export interface Controllers {
  stop(): void;
  settled(): Promise<void>;
}

export function startControllers(_api: ApiServer, _opts: ControllerOptions): Controllers {
  return { stop() {}, settled: () => Promise.resolve() };
}
