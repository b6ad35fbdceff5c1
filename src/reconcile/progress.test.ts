// Progress renderings: JSON lines for machines, timestamped lines for CI logs, and a live line
// on a terminal that per-workload progress rewrites in place.
import { describe, expect, it } from 'vitest';
import { progressPrinter } from './progress.js';

const at = () => new Date('2026-01-02T03:04:05.000Z');

describe('progressPrinter', () => {
  it('json: one object per line, with a time', () => {
    let out = '';
    const p = progressPrinter('json', (s) => { out += s; }, at);
    p({ event: 'ready', stage: 0, requests: 12 });
    expect(out).toBe('{"time":"2026-01-02T03:04:05.000Z","event":"ready","stage":0,"requests":12}\n');
  });

  it('plain: timestamped lines, stages counted from 1', () => {
    let out = '';
    const p = progressPrinter('plain', (s) => { out += s; }, at);
    p({ event: 'stage', stage: 1, stages: 3, gate: { type: 'approval' } });
    p({ event: 'lease-acquired', identity: 'x' }); // not shown in text
    p({ event: 'approval', stage: 1, command: 'kruisec approve default --namespace default' });
    expect(out).toBe('2026-01-02T03:04:05.000Z stage 2/3: applying (then manual approval)\n'
      + '2026-01-02T03:04:05.000Z stage 2: waiting for approval: kruisec approve default --namespace default\n');
  });

  it('tty: waiting workloads rewrite one line; everything else ends it', () => {
    let out = '';
    const p = progressPrinter('tty', (s) => { out += s; }, at);
    p({ event: 'workload', stage: 0, workload: 'CloneSet shop/web', state: 'waiting', progress: '1/3 updated, 1 ready', waitingFor: 'updatedReplicas >= 3 (is 1)' });
    p({ event: 'workload', stage: 0, workload: 'CloneSet shop/web', state: 'waiting', progress: '2/3 updated, 2 ready', waitingFor: 'updatedReplicas >= 3 (is 2)' });
    p({ event: 'ready', stage: 0, requests: 3 });
    expect(out).toBe('\r\x1b[KCloneSet shop/web: waiting, 1/3 updated, 1 ready; waiting for updatedReplicas >= 3 (is 1)'
      + '\r\x1b[KCloneSet shop/web: waiting, 2/3 updated, 2 ready; waiting for updatedReplicas >= 3 (is 2)'
      + '\r\x1b[Kstage 1: converged\n');
    expect(out).not.toMatch(/2026/); // no clock on a terminal
  });
});
