// meta.k8s.io/v1 Table, what `kubectl get` asks for to print its columns: the name, the columns
// of a few built-in kinds and of the Kruise CRDs, and the age.
import type { Kind } from './kinds.js';
import type { Obj } from './store.js';

/** Columns kubectl shows for built-in kinds, computed as the API server's printers do. */
const BUILTIN: Record<string, { name: string; type: string; cell: (o: Obj) => unknown }[]> = {
  Pod: [
    { name: 'Ready', type: 'string', cell: (p) => `${(p.status?.containerStatuses ?? []).filter((c: Obj) => c.ready).length}/${(p.spec?.containers ?? []).length}` },
    { name: 'Status', type: 'string', cell: (p) => (p.metadata?.deletionTimestamp ? 'Terminating' : p.status?.phase ?? 'Pending') },
    { name: 'Restarts', type: 'string', cell: (p) => String((p.status?.containerStatuses ?? []).reduce((n: number, c: Obj) => n + (c.restartCount ?? 0), 0)) },
  ],
  Deployment: [
    { name: 'Ready', type: 'string', cell: (d) => `${d.status?.readyReplicas ?? 0}/${d.spec?.replicas ?? 1}` },
    { name: 'Up-to-date', type: 'integer', cell: (d) => d.status?.updatedReplicas ?? 0 },
    { name: 'Available', type: 'integer', cell: (d) => d.status?.availableReplicas ?? 0 },
  ],
};

export function tableOf(kind: Kind, o: Obj, now: number): Obj {
  const items: Obj[] = Array.isArray(o.items) ? o.items : [o];
  const builtin = kind.group === '' || kind.group === 'apps' ? BUILTIN[kind.kind] ?? [] : [];
  const extra = [
    ...builtin,
    ...(kind.printerColumns ?? []).filter((c) => (c.priority ?? 0) === 0 && c.jsonPath !== '.metadata.creationTimestamp')
      .map((c) => ({ name: c.name, type: c.type, cell: (i: Obj) => jsonPath(i, c.jsonPath) ?? null })),
  ];
  return {
    kind: 'Table', apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion: o.metadata?.resourceVersion ?? '', ...(o.metadata?.continue ? { continue: o.metadata.continue } : {}) },
    columnDefinitions: [
      { name: 'Name', type: 'string', format: 'name', description: 'Name must be unique within a namespace.', priority: 0 },
      ...extra.map((c) => ({ name: c.name, type: c.type, format: '', description: '', priority: 0 })),
      { name: 'Age', type: 'string', format: '', description: 'CreationTimestamp of the object.', priority: 0 },
    ],
    rows: items.map((i) => ({
      cells: [i.metadata?.name, ...extra.map((c) => c.cell(i)), age(i.metadata?.creationTimestamp, now)],
      object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: i.metadata },
    })),
  };
}

function jsonPath(o: Obj, path: string): unknown {
  let cur: unknown = o;
  for (const p of path.replace(/^\./, '').split('.')) cur = cur && typeof cur === 'object' ? (cur as Obj)[p] : undefined;
  return cur;
}

/** kubectl's short durations: 45s, 12m, 3h, 2d. */
function age(ts: string | undefined, now: number): string {
  if (!ts) return '<unknown>';
  const s = Math.max(0, Math.floor((now - Date.parse(ts)) / 1000));
  if (s < 120) return `${s}s`;
  if (s < 7200) return `${Math.floor(s / 60)}m`;
  if (s < 172800) return `${Math.floor(s / 3600)}h`;
  return `${Math.floor(s / 86400)}d`;
}
