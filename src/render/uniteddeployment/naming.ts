// Subset workload names. The controller sets only `generateName` and the API server appends
// 5 random characters. Render output must be deterministic, so kruisec keeps the
// controller's generateName and adds a `name` built the way the API server builds one
// (prefix cut to 58 characters + 5 characters of the same alphabet), with the 5 characters
// derived from namespace, UnitedDeployment and subset name instead of drawn at random.
// The same UD and subset always get the same name; the live name will differ.
import { controllerRevisionHash } from '../../k8s/hash.js';

/** getSubsetPrefix: `<ud>-<subset>-`, or `<ud>-` when that is not a valid name prefix. */
export function subsetPrefix(udName: string, subsetName: string): string {
  const prefix = `${udName}-${subsetName}-`;
  return isValidPrefix(prefix) ? prefix : `${udName}-`;
}

/** The deterministic stand-in for the generated name. */
export function subsetWorkloadName(namespace: string, udName: string, subsetName: string): string {
  const prefix = subsetPrefix(udName, subsetName);
  // SafeEncodeString of an FNV hash only yields the generator's alphabet; pad/cut to 5.
  const suffix = (controllerRevisionHash(`${namespace}/${udName}/${subsetName}`) + 'bcdfg').slice(0, 5);
  return prefix.slice(0, 58) + suffix;
}

/** NameIsDNSSubdomain(prefix, true): a prefix may end in "-". */
function isValidPrefix(prefix: string): boolean {
  const name = prefix.endsWith('-') ? `${prefix.slice(0, -1)}a` : prefix;
  return name.length <= 253 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(name);
}
