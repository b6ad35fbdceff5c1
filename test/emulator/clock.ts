// Time as the emulator sees it. Timestamps it writes (creationTimestamp, condition times) count
// from a fixed epoch, so two runs differ only by how long things took, never by the date. The
// controllers' delays (a pod starting, a container restarting) are timers on this clock: the
// real one for a server that clients talk to, a manual one for tests that step time themselves.

export const EPOCH_MS = Date.UTC(2026, 0, 1);

export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  setTimer(ms: number, fn: () => void): unknown;
  clearTimer(t: unknown): void;
}

export class RealClock implements Clock {
  private readonly start = performance.now();

  now(): number {
    return EPOCH_MS + Math.floor(performance.now() - this.start);
  }

  setTimer(ms: number, fn: () => void): unknown {
    const t = setTimeout(fn, ms);
    t.unref?.();
    return t;
  }

  clearTimer(t: unknown): void {
    clearTimeout(t as NodeJS.Timeout);
  }
}

/** Time moves only when advance() is called; timers due by then fire in due order (ties in
 *  the order they were set). */
export class ManualClock implements Clock {
  private t = EPOCH_MS;
  private seq = 0;
  private timers = new Map<number, { due: number; fn: () => void }>();

  now(): number {
    return this.t;
  }

  setTimer(ms: number, fn: () => void): unknown {
    const id = ++this.seq;
    this.timers.set(id, { due: this.t + Math.max(0, ms), fn });
    return id;
  }

  clearTimer(t: unknown): void {
    this.timers.delete(t as number);
  }

  /** Moves time forward by `ms`, firing every timer that falls due on the way. */
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      let next: [number, { due: number; fn: () => void }] | undefined;
      for (const e of this.timers) if (e[1].due <= end && (!next || e[1].due < next[1].due)) next = e;
      if (!next) break;
      this.timers.delete(next[0]);
      this.t = Math.max(this.t, next[1].due);
      next[1].fn();
    }
    this.t = end;
  }

  pending(): number {
    return this.timers.size;
  }
}

export function rfc3339(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
