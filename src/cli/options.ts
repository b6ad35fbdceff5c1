// Flag values -> typed options. Pure functions, tested on their own; anything wrong here is
// a usage error (exit 2).
import type { ClusterFacts } from '../api/cluster.js';
import { FORMAT_NAMES, isFormatName, type FormatName } from '../report/formats/index.js';

export class UsageError extends Error {}

export function parseFormat(v: string): FormatName {
  if (isFormatName(v)) return v;
  throw new UsageError(`--format must be one of ${FORMAT_NAMES.join(', ')}, got ${JSON.stringify(v)}`);
}

/** `A=true,B=false` (Kruise's --feature-gates syntax). */
export function parseFeatureGates(v: string): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const part of v.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^([A-Za-z0-9]+)=(true|false)$/.exec(part);
    if (!m) throw new UsageError(`--feature-gates: expected Name=true|false, got ${JSON.stringify(part)}`);
    out[m[1]] = m[2] === 'true';
  }
  return out;
}

/** `ns=k=v,k2=v2` may be given several times: labels of namespaces the repo does not declare. */
export function parseNamespaceLabels(values: readonly string[]): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const v of values) {
    const eq = v.indexOf('=');
    if (eq <= 0) throw new UsageError(`--namespace-labels: expected <namespace>=<key>=<value>[,<key>=<value>], got ${JSON.stringify(v)}`);
    const ns = v.slice(0, eq);
    const labels: Record<string, string> = (out[ns] ??= {});
    for (const kv of v.slice(eq + 1).split(',').filter(Boolean)) {
      const i = kv.indexOf('=');
      if (i <= 0) throw new UsageError(`--namespace-labels: expected key=value, got ${JSON.stringify(kv)}`);
      labels[kv.slice(0, i)] = kv.slice(i + 1);
    }
  }
  return out;
}

export type PlanOutput = { kind: 'json' | 'markdown' } | { kind: 'argocd'; path?: string } | { kind: 'dir'; path: string };

export function parsePlanOutput(v: string): PlanOutput {
  if (v === 'json' || v === 'argocd' || v === 'markdown') return { kind: v };
  if (v.startsWith('dir=') && v.length > 4) return { kind: 'dir', path: v.slice(4) };
  if (v.startsWith('argocd=') && v.length > 7) return { kind: 'argocd', path: v.slice(7) };
  throw new UsageError(`--output must be json, markdown, argocd, argocd=<path> or dir=<path>, got ${JSON.stringify(v)}`);
}

export interface CommonFlags {
  format: string;
  strict?: boolean;
  config?: string;
  kruiseNamespace?: string;
  kruiseVersion?: string;
  featureGates?: string;
  namespaceLabels?: string[];
  gitignore?: boolean;
  color?: boolean;
  failOn?: string;
  verbose?: boolean;
}

export function factsFromFlags(f: CommonFlags): Partial<ClusterFacts> {
  const facts: Partial<ClusterFacts> = {};
  if (f.kruiseNamespace) facts.kruiseNamespace = f.kruiseNamespace;
  if (f.kruiseVersion) facts.kruiseVersion = f.kruiseVersion;
  if (f.featureGates) facts.featureGates = parseFeatureGates(f.featureGates);
  if (f.namespaceLabels?.length) facts.namespaceLabels = parseNamespaceLabels(f.namespaceLabels);
  return facts;
}

export function parseFailOn(v: string | undefined): 'error' | 'warning' {
  if (v === undefined || v === 'error') return 'error';
  if (v === 'warning') return 'warning';
  throw new UsageError(`--fail-on must be error or warning, got ${JSON.stringify(v)}`);
}
