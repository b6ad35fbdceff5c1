// Leader election on a coordination.k8s.io Lease, as client-go's leaderelection does it: only
// the holder acts; it renews the Lease well inside leaseDurationSeconds, and gives up acting
// when it could not renew for renewDeadline. Others take over once the record has not changed
// for a whole lease duration, measured on their own clock from when they first saw that record
// (never by comparing renewTime with the local clock: clocks differ between machines). Writes
// carry the resourceVersion read, so two candidates cannot both win.
//
// One addition: the holder identity is host/pid/nonce. A candidate on the same host finding a
// holder whose process no longer exists (kill -9, a crashed CLI, a restarted container, whose
// pid then is usually our own) takes over at once instead of waiting out the lease; that is what
// lets the same command resume immediately after a crash.
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { KubeObject } from '../api/resource.js';
import { type Clock, realClock, sleep } from './clock.js';
import type { KubeClient } from './kube/client.js';
import { isApiError } from './kube/errors.js';

export interface LeaseOptions {
  namespace: string;
  name: string;
  leaseDurationSeconds: number;
  /** Stop acting when the lease could not be renewed for this long (client-go RenewDeadline). */
  renewDeadlineMs: number;
  /** Wait between acquisition attempts (client-go RetryPeriod). */
  retryPeriodMs: number;
  /** Wait between renewals while holding. */
  renewPeriodMs: number;
}

export const DEFAULT_LEASE: Omit<LeaseOptions, 'namespace' | 'name'> = {
  leaseDurationSeconds: 15, renewDeadlineMs: 10_000, retryPeriodMs: 2_000, renewPeriodMs: 5_000,
};

interface Record_ {
  holderIdentity?: string;
  leaseDurationSeconds?: number;
  acquireTime?: string;
  renewTime?: string;
  leaseTransitions?: number;
}

export function newIdentity(): string {
  return `${hostname()}/${process.pid}/${randomBytes(4).toString('hex')}`;
}

/** Is the holder a process on this host that no longer runs? */
export function holderIsDead(holder: string, self: string, alive: (pid: number) => boolean = pidAlive): boolean {
  const [host, pidText] = holder.split('/');
  const [myHost] = self.split('/');
  const pid = Number(pidText);
  if (host !== myHost || !Number.isInteger(pid) || pid <= 0 || holder === self) return false;
  return pid === process.pid || !alive(pid);
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Kubernetes MicroTime: RFC 3339 with microseconds. */
function microTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

export class LeaderElector {
  private lease: KubeObject | undefined;
  private observed: { record: string; at: number } | undefined;
  private lastRenew = 0;
  private readonly clock: Clock;

  constructor(private readonly client: KubeClient, private readonly opts: LeaseOptions, readonly identity: string = newIdentity(), clock?: Clock) {
    this.clock = clock ?? realClock;
  }

  /** Tries until it holds the lease; onWaiting reports the current holder once per holder. */
  async acquire(signal: AbortSignal, onWaiting?: (holder: string) => void): Promise<boolean> {
    let reported = '';
    while (!signal.aborted) {
      const holder = await this.tryAcquireOrRenew();
      if (holder === undefined) return true;
      if (holder !== reported) { reported = holder; onWaiting?.(holder); }
      await sleep(this.clock, this.opts.retryPeriodMs, signal);
    }
    return false;
  }

  /** Keeps renewing until the signal aborts; calls onLost (once) if renewDeadline passes. */
  async hold(signal: AbortSignal, onLost: (why: string) => void): Promise<void> {
    this.lastRenew = this.clock.now();
    while (!signal.aborted) {
      if (!(await sleep(this.clock, this.opts.renewPeriodMs, signal))) return;
      let holder: string | undefined;
      try {
        holder = await this.tryAcquireOrRenew();
      } catch {
        holder = '';
      }
      if (holder === undefined) { this.lastRenew = this.clock.now(); continue; }
      if (holder !== '') return onLost(`the lease was taken by ${holder}`);
      if (this.clock.now() - this.lastRenew > this.opts.renewDeadlineMs) return onLost(`the lease could not be renewed for ${this.opts.renewDeadlineMs / 1000}s`);
    }
  }

  /** Gives the lease up so that another reconciler need not wait for it to expire. */
  async release(): Promise<void> {
    if (!this.lease) return;
    const rec = this.record(this.lease);
    if (rec.holderIdentity !== this.identity) return;
    try {
      await this.client.update(this.withRecord(this.lease, { ...rec, holderIdentity: undefined, leaseDurationSeconds: 1, renewTime: microTime(this.clock.now()) }));
    } catch {
      // It expires on its own.
    }
    this.lease = undefined;
  }

  /** undefined when we hold the lease after this call; otherwise the holder ('' for an error). */
  async tryAcquireOrRenew(): Promise<string | undefined> {
    const now = this.clock.now();
    // Fast path, as client-go: while holding, renew on the version we wrote last without a read.
    if (this.lease && this.record(this.lease).holderIdentity === this.identity) {
      try {
        this.lease = await this.client.update(this.withRecord(this.lease, { ...this.record(this.lease), renewTime: microTime(now) }));
        return undefined;
      } catch (e) {
        if (!isApiError(e, 'conflict')) throw e;
      }
    }
    let current: KubeObject;
    try {
      current = await this.client.get({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', namespace: this.opts.namespace, name: this.opts.name });
    } catch (e) {
      if (!isApiError(e, 'notFound')) throw e;
      try {
        this.lease = await this.client.create(this.withRecord({
          apiVersion: 'coordination.k8s.io/v1', kind: 'Lease',
          metadata: { name: this.opts.name, namespace: this.opts.namespace, labels: { 'app.kubernetes.io/managed-by': 'kruisec' } },
        }, { holderIdentity: this.identity, leaseDurationSeconds: this.opts.leaseDurationSeconds, acquireTime: microTime(now), renewTime: microTime(now), leaseTransitions: 0 }));
        return undefined;
      } catch (ce) {
        if (isApiError(ce, 'conflict')) return '';
        throw ce;
      }
    }
    const rec = this.record(current);
    const text = JSON.stringify(rec);
    if (this.observed?.record !== text) this.observed = { record: text, at: now };
    const holder = rec.holderIdentity ?? '';
    const mine = holder === this.identity;
    const expired = !holder || this.observed.at + (rec.leaseDurationSeconds ?? this.opts.leaseDurationSeconds) * 1000 <= now;
    if (!mine && !expired && !holderIsDead(holder, this.identity)) {
      this.lease = current;
      return holder;
    }
    const next: Record_ = mine
      ? { ...rec, renewTime: microTime(now) }
      : { holderIdentity: this.identity, leaseDurationSeconds: this.opts.leaseDurationSeconds, acquireTime: microTime(now), renewTime: microTime(now), leaseTransitions: (rec.leaseTransitions ?? 0) + 1 };
    try {
      this.lease = await this.client.update(this.withRecord(current, next));
      return undefined;
    } catch (e) {
      if (isApiError(e, 'conflict')) return holder || '';
      throw e;
    }
  }

  private record(lease: KubeObject): Record_ {
    return ((lease as { spec?: Record_ }).spec ?? {}) as Record_;
  }

  private withRecord(lease: KubeObject, rec: Record_): KubeObject {
    const spec: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(rec)) if (v !== undefined) spec[k] = v;
    return { ...lease, spec };
  }
}
