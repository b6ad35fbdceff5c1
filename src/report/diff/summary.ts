// Words every diff format shares: the counts line, image and field changes in one line each.
import { plural } from '../formats/shared.js';
import type { DiffResult, FieldChange, ImageChange, WorkloadDiff } from './types.js';

/** `2 workloads change (3 objects changed, 1 added); 20 objects unchanged`. */
export function countsText(r: DiffResult): string {
  const { added, removed, changed, unchanged } = r.counts;
  const still = `${plural(unchanged, 'object')} unchanged`;
  if (!r.workloads.length) return `no changes; ${still}`;
  const parts = [changed && `${changed} changed`, added && `${added} added`, removed && `${removed} removed`].filter(Boolean);
  const objects = added + removed + changed;
  return `${plural(r.workloads.length, 'workload')} change${r.workloads.length === 1 ? 's' : ''} ` +
    `(${plural(objects, 'object')}: ${parts.join(', ')}); ${still}`;
}

/** `app: registry/web:1.0 -> registry/web:1.1`; `(none)` for a side without the container. */
export function imageText(c: ImageChange, arrow = '→'): string {
  return `${c.container}: ${c.from ?? '(none)'} ${arrow} ${c.to ?? '(none)'}`;
}

export function fieldText(f: FieldChange, arrow = '→'): string {
  return `${f.path} ${value(f.from)} ${arrow} ${value(f.to)}`;
}

function value(v: unknown): string {
  return v === null || v === undefined ? '(none)' : typeof v === 'string' ? v : JSON.stringify(v);
}

/** What a group's objects did, e.g. `1 changed, 3 added`. */
export function objectCounts(w: WorkloadDiff): string {
  const n = { changed: 0, added: 0, removed: 0 };
  for (const o of w.objects) n[o.change]++;
  return (['changed', 'added', 'removed'] as const).filter((k) => n[k]).map((k) => `${n[k]} ${k}`).join(', ');
}
