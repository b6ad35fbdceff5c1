// The functionConfig of `kruisec fn`: what flags are to the other commands. kpt turns
// `-- key=value` arguments into a ConfigMap (string values); a typed config (any other kind,
// as a kustomize transformer config or `kpt fn eval --fn-config` is written) holds the same
// keys at its top level with YAML types. Unknown keys are reported, so a typo never silently
// changes what the function does.
import type { ClusterFacts } from '../api/cluster.js';
import { parseFeatureGates, parseNamespaceLabels, UsageError } from './options.js';

export interface FnSettings {
  /** fn render: inject sidecars into pod templates (clusters without Kruise's pod webhook). */
  materialize: boolean;
  strict: boolean;
  failOn: 'error' | 'warning';
  /** Also report info results (notes on what kruisec cannot judge offline). */
  verbose: boolean;
  facts: Partial<ClusterFacts>;
}

const KEYS = ['materialize', 'strict', 'failOn', 'verbose', 'kruiseVersion', 'kruiseNamespace', 'featureGates', 'namespaceLabels'];
/** Fields every object has, which carry no setting. */
const OBJECT_FIELDS = new Set(['apiVersion', 'kind', 'metadata']);

export function readFnConfig(config: unknown): { settings: FnSettings; problems: string[] } {
  const settings: FnSettings = { materialize: false, strict: false, failOn: 'error', verbose: false, facts: {} };
  const problems: string[] = [];
  if (config === undefined || config === null) return { settings, problems };
  if (typeof config !== 'object' || Array.isArray(config)) return { settings, problems: ['functionConfig must be an object'] };
  const obj = config as Record<string, unknown>;
  const isConfigMap = obj.kind === 'ConfigMap' && obj.apiVersion === 'v1';
  let values: Record<string, unknown>;
  if (isConfigMap) {
    const data = obj.data ?? {};
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return { settings, problems: ['functionConfig ConfigMap: data must be a map'] };
    values = data as Record<string, unknown>;
  } else {
    values = Object.fromEntries(Object.entries(obj).filter(([k]) => !OBJECT_FIELDS.has(k)));
  }
  const where = isConfigMap ? 'functionConfig data' : 'functionConfig';
  for (const [key, value] of Object.entries(values)) {
    if (!KEYS.includes(key)) {
      problems.push(`${where}: unknown key ${JSON.stringify(key)} (known: ${KEYS.join(', ')})`);
      continue;
    }
    try {
      apply(settings, key, value);
    } catch (e) {
      problems.push(`${where}.${key}: ${(e as Error).message}`);
    }
  }
  return { settings, problems };
}

function apply(s: FnSettings, key: string, value: unknown): void {
  switch (key) {
    case 'materialize': s.materialize = bool(value); break;
    case 'strict': s.strict = bool(value); break;
    case 'verbose': s.verbose = bool(value); break;
    case 'failOn':
      if (value !== 'error' && value !== 'warning') throw new UsageError(`must be error or warning, got ${JSON.stringify(value)}`);
      s.failOn = value;
      break;
    case 'kruiseVersion': s.facts.kruiseVersion = text(value); break;
    case 'kruiseNamespace': s.facts.kruiseNamespace = text(value); break;
    case 'featureGates': s.facts.featureGates = typeof value === 'string' ? parseFeatureGates(value) : boolMap(value); break;
    case 'namespaceLabels': s.facts.namespaceLabels = typeof value === 'string'
      ? parseNamespaceLabels(value.split(/[\n;]/).map((l) => l.trim()).filter(Boolean))
      : labelMaps(value);
      break;
  }
}

/** A ConfigMap holds "true"/"false"; a typed config a YAML boolean. */
function bool(v: unknown): boolean {
  if (v === true || v === 'true') return true;
  if (v === false || v === 'false') return false;
  throw new UsageError(`must be true or false, got ${JSON.stringify(v)}`);
}

function text(v: unknown): string {
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  throw new UsageError(`must be a string, got ${JSON.stringify(v)}`);
}

function boolMap(v: unknown): Record<string, boolean> {
  if (!isMap(v)) throw new UsageError('must map gate names to true/false (or be "Name=true,Other=false")');
  return Object.fromEntries(Object.entries(v).map(([k, b]) => [k, bool(b)]));
}

function labelMaps(v: unknown): Record<string, Record<string, string>> {
  if (!isMap(v) || !Object.values(v).every(isMap)) throw new UsageError('must map namespace names to label maps (or be "ns=k=v,k2=v2" lines)');
  return Object.fromEntries(Object.entries(v).map(([ns, labels]) => [ns, Object.fromEntries(Object.entries(labels as object).map(([k, l]) => [k, text(l)]))]));
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
