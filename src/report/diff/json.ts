// `kruisec diff --output json`: the DiffResult as it is, versioned. Every key is always present
// (null where a side has nothing), in a fixed order, so the output is stable to compare.
import type { DiffResult } from './types.js';

export const DIFF_JSON_VERSION = 1;

export function diffToJson(r: DiffResult): string {
  const doc = {
    version: DIFF_JSON_VERSION,
    counts: r.counts,
    workloads: r.workloads.map((w) => ({
      display: w.display,
      kind: w.kind,
      namespace: w.namespace,
      name: w.name,
      images: w.images,
      sidecarSets: w.sidecarSets,
      affects: w.affects,
      objects: w.objects.map((o) => ({
        change: o.change,
        apiVersion: o.apiVersion,
        kind: o.kind,
        namespace: o.namespace,
        name: o.name,
        display: o.display,
        images: o.images,
        fields: o.fields,
        patch: o.patch,
      })),
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
