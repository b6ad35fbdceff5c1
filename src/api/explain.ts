// `render --explain`: what render decided for each pod, workload and UnitedDeployment, and why.
// render builds these; the report layer prints them (report/explain.ts).
import type { Origin } from './resource.js';

/** `--explain`: for one pod, workload or UnitedDeployment, what render decided and why. */
export interface ExplainEntry {
  /** `Pod default/web-0`, `CloneSet shop/cart`, `UnitedDeployment shop/ud` */
  subject: string;
  origin?: Origin;
  /** Which part of render produced it. */
  /** pod: the rest of the pod webhook (readiness gates, launch priority) and workload advice. */
  topic: 'sidecarset' | 'uniteddeployment' | 'pod';
  lines: ExplainLine[];
}

export interface ExplainLine {
  /** What the line is about: a SidecarSet name, a subset name, "allocator". */
  item: string;
  /** Short verdict: injected | skipped | replicas=3 partition=1 | specific ... */
  outcome: string;
  /** Why, in a sentence a user understands. */
  reason: string;
}
