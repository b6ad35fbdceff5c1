// The resource model every phase hands to the next. A manifest stays plain JSON data
// (`obj`); where it came from rides beside it (`origin`), never inside it, so output
// stays byte-identical to what the manifest says.

/** Any Kubernetes object as decoded from YAML/JSON. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  [field: string]: unknown;
}

/** Where a resource was read from. `doc` is the 0-based document index in the file;
 *  `item` is the index inside a `kind: List` when the resource was unwrapped from one. */
export interface Origin {
  file: string;
  doc: number;
  item?: number;
}

/** A JSON path into a resource: object keys and array indexes. */
export type FieldPath = readonly (string | number)[];

export interface Resource<T extends KubeObject = KubeObject> {
  obj: T;
  /** Absent for resources a phase created (e.g. UnitedDeployment subset workloads):
   *  those carry `derivedFrom`, the resource they were generated from. */
  origin?: Origin;
  derivedFrom?: Resource;
}

/** group/kind/namespace/name: how Kubernetes tells two objects apart. */
export function resourceKey(obj: KubeObject): string {
  const group = obj.apiVersion.includes('/') ? obj.apiVersion.split('/')[0] : '';
  return `${group}/${obj.kind}/${obj.metadata?.namespace ?? ''}/${obj.metadata?.name ?? ''}`;
}

/** `Kind namespace/name` (or `Kind name` when cluster-scoped), for messages. */
export function displayName(obj: KubeObject): string {
  const ns = obj.metadata?.namespace;
  const name = obj.metadata?.name ?? obj.metadata?.generateName ?? '<unnamed>';
  return `${obj.kind} ${ns ? `${ns}/` : ''}${name}`;
}

export function apiGroup(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
}

/** The origin a diagnostic should point at: the resource's own, or the one it was derived from. */
export function originOf(res: Resource): Origin | undefined {
  let r: Resource | undefined = res;
  while (r && !r.origin) r = r.derivedFrom;
  return r?.origin;
}
