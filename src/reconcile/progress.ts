// What the reconciler tells its user while it works. One event model, three renderings:
// --output json (one JSON object per line, for machines), a live line per stage on a terminal,
// and plain timestamped lines in CI logs. Timestamps are the only wall-clock values printed.
import type { Gate } from '../plan/index.js';

export type ProgressEvent =
  | { event: 'start'; rollout: string; namespace: string; plan: string; stages: number; stage: number; phase: string }
  | { event: 'lease-wait'; holder: string }
  | { event: 'lease-acquired'; identity: string }
  | { event: 'restart'; reason: string }
  | { event: 'stage'; stage: number; stages: number; gate: Gate }
  | { event: 'apply'; stage: number; object: string; generation?: number; forced?: string[]; dryRun?: boolean }
  | { event: 'workload'; stage: number; workload: string; state: string; progress?: string; waitingFor?: string }
  | { event: 'ready'; stage: number; requests: number }
  | { event: 'pause'; stage: number; seconds: number; remainingSeconds: number }
  | { event: 'approval'; stage: number; command: string }
  | { event: 'approved'; stage: number; by?: string }
  | { event: 'done'; stages: number; requests: Record<string, number>; objects: number; requestsPerObjectPerStage: number }
  | { event: 'stalled'; stage: number; workload?: string; reason: string; hint: string }
  | { event: 'retry'; what: string; error: string; delayMs: number }
  | { event: 'note'; message: string };

export type ProgressSink = (e: ProgressEvent) => void;

export type ProgressFormat = 'json' | 'tty' | 'plain';

/** Text for one event in the plain and terminal renderings; undefined: not shown there. */
export function describeEvent(e: ProgressEvent): string | undefined {
  switch (e.event) {
    case 'start': return `rollout ${e.rollout} (namespace ${e.namespace}): plan ${e.plan.slice(0, 12)}, ${e.stages} stages; ${e.phase === 'done' ? 'already rolled out' : `at stage ${e.stage + 1}/${e.stages} (${e.phase})`}`;
    case 'lease-wait': return `waiting: another reconciler holds the lease (${e.holder})`;
    case 'lease-acquired': return undefined;
    case 'restart': return `restarting from stage 1: ${e.reason}`;
    case 'stage': return `stage ${e.stage + 1}/${e.stages}: applying (then ${gateText(e.gate)})`;
    case 'apply': return `  ${e.dryRun ? 'dry-run ' : ''}applied ${e.object}${e.forced?.length ? ` (took over fields from ${e.forced.join(', ')})` : ''}`;
    case 'workload': return `  ${e.workload}: ${e.state}${e.progress ? `, ${e.progress}` : ''}${e.waitingFor ? `; waiting for ${e.waitingFor}` : ''}`;
    case 'ready': return `stage ${e.stage + 1}: converged`;
    case 'pause': return `stage ${e.stage + 1}: pause ${e.seconds}s (${e.remainingSeconds}s left)`;
    case 'approval': return `stage ${e.stage + 1}: waiting for approval: ${e.command}`;
    case 'approved': return `stage ${e.stage + 1}: approved${e.by ? ` by ${e.by}` : ''}`;
    case 'done': return `rolled out: ${e.stages} stages, ${Object.values(e.requests).reduce((a, b) => a + b, 0)} API requests (${e.requestsPerObjectPerStage.toFixed(2)} per object per stage)`;
    case 'stalled': return `stage ${e.stage + 1}: stalled: ${e.reason}\n  what to do: ${e.hint}`;
    case 'retry': return `  retrying ${e.what} in ${(e.delayMs / 1000).toFixed(1)}s: ${e.error}`;
    case 'note': return e.message;
  }
}

export function gateText(g: Gate): string {
  switch (g.type) {
    case 'pause': return `pause ${g.seconds}s`;
    case 'approval': return 'manual approval';
    default: return 'done';
  }
}

/** A sink that writes events to `write` in the chosen format. */
export function progressPrinter(format: ProgressFormat, write: (text: string) => void, now: () => Date = () => new Date()): ProgressSink & { end(): void } {
  let live = false; // a terminal line is being rewritten in place
  const sink = (e: ProgressEvent) => {
    if (format === 'json') return write(`${JSON.stringify({ time: now().toISOString(), ...e })}\n`);
    const text = describeEvent(e);
    if (text === undefined) return;
    if (format === 'plain') return write(`${now().toISOString()} ${text}\n`);
    // Terminal: per-workload progress rewrites one line; everything else is a line of its own.
    if (e.event === 'workload' && e.state === 'waiting') {
      write(`\r\x1b[K${text.trim().slice(0, 200)}`);
      live = true;
      return;
    }
    if (live) write('\r\x1b[K');
    live = false;
    write(`${text}\n`);
  };
  return Object.assign(sink, { end: () => { if (live) write('\n'); live = false; } });
}
