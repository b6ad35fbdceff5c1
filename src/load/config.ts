// kruisec.yaml: cluster facts git does not hold (Kruise version, feature gates, Kruise's
// namespace, labels of namespaces the repo does not declare, default rollout steps).
import { DEFAULT_CLUSTER_FACTS, type ClusterFacts, type RolloutStep } from '../api/cluster.js';
import { lineStarts, positionOf } from './lines.js';
import { readDocuments } from './yaml/index.js';
import type { Diagnostic } from '../report/diagnostic.js';
import { report } from '../report/catalogue/rule.js';
import { configInvalid } from '../report/catalogue/load.js';

const KEYS = ['kruiseVersion', 'kruiseNamespace', 'featureGates', 'namespaceLabels', 'defaultSteps'];

export function parseConfig(file: string, text: string): { facts: Partial<ClusterFacts>; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const bad = (reason: string, path: string[] = []) => diagnostics.push({ ...report(configInvalid, { reason }), origin: { file, doc: 0 }, path });
  // Read as manifests are read, so a value means the same in both (yes is a boolean).
  const [doc, second] = readDocuments(text);
  const error = doc?.error ?? second?.error;
  if (error) {
    diagnostics.push({ ...report(configInvalid, { reason: error.message }), file, ...positionOf(lineStarts(text), error.offset) });
    return { facts: {}, diagnostics };
  }
  if (second !== undefined && second.value !== null) { bad('must hold one YAML document'); return { facts: {}, diagnostics }; }
  const raw = doc?.value;
  if (raw === null || raw === undefined) return { facts: {}, diagnostics };
  if (typeof raw !== 'object' || Array.isArray(raw)) { bad('must be a mapping'); return { facts: {}, diagnostics }; }
  const r = raw as Record<string, unknown>;
  const facts: Partial<ClusterFacts> = {};
  for (const k of Object.keys(r)) if (!KEYS.includes(k)) bad(`unknown key ${JSON.stringify(k)} (known: ${KEYS.join(', ')})`, [k]);
  if (r.kruiseVersion !== undefined) facts.kruiseVersion = String(r.kruiseVersion);
  if (r.kruiseNamespace !== undefined) {
    if (typeof r.kruiseNamespace !== 'string') bad('kruiseNamespace must be a string', ['kruiseNamespace']);
    else facts.kruiseNamespace = r.kruiseNamespace;
  }
  if (r.featureGates !== undefined) {
    const g = r.featureGates as Record<string, unknown>;
    if (typeof g !== 'object' || g === null || Array.isArray(g) || Object.values(g).some((v) => typeof v !== 'boolean')) bad('featureGates must map gate names to true/false', ['featureGates']);
    else facts.featureGates = g as Record<string, boolean>;
  }
  if (r.namespaceLabels !== undefined) {
    const n = r.namespaceLabels as Record<string, unknown>;
    if (typeof n !== 'object' || n === null || Array.isArray(n) || Object.values(n).some((v) => typeof v !== 'object' || v === null || Array.isArray(v))) bad('namespaceLabels must map namespace names to label maps', ['namespaceLabels']);
    else facts.namespaceLabels = Object.fromEntries(Object.entries(n).map(([ns, l]) => [ns, Object.fromEntries(Object.entries(l as object).map(([k, v]) => [k, String(v)]))]));
  }
  if (r.defaultSteps !== undefined) {
    if (!Array.isArray(r.defaultSteps)) bad('defaultSteps must be a list of {replicas, pause}', ['defaultSteps']);
    else facts.defaultSteps = r.defaultSteps as RolloutStep[];
  }
  return { facts, diagnostics };
}

/** Config file values, then flags, over Kruise's defaults. */
export function mergeFacts(...layers: Partial<ClusterFacts>[]): ClusterFacts {
  const out: ClusterFacts = { ...DEFAULT_CLUSTER_FACTS, featureGates: {}, namespaceLabels: {} };
  for (const l of layers) {
    if (l.kruiseVersion !== undefined) out.kruiseVersion = l.kruiseVersion;
    if (l.kruiseNamespace !== undefined) out.kruiseNamespace = l.kruiseNamespace;
    if (l.featureGates) out.featureGates = { ...out.featureGates, ...l.featureGates };
    if (l.namespaceLabels) out.namespaceLabels = { ...out.namespaceLabels, ...l.namespaceLabels };
    if (l.defaultSteps) out.defaultSteps = l.defaultSteps;
  }
  return out;
}
