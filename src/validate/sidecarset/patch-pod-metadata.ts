// spec.patchPodMetadata (spec §12.4): every patched annotation key must be allowed by the
// whitelist in ConfigMap kruise-configuration (Kruise namespace), key
// SidecarSet_PatchPodMetadata_WhiteList; entries must be non-empty and not patch a key twice.
import { featureGate } from '../../api/cluster.js';
import { PATCH_POD_METADATA_WHITELIST_KEY } from '../../api/sidecarset.js';
import { labelSelectorErrors, selectorMatches } from '../../k8s/selector.js';
import * as rules from '../../report/catalogue/sidecarset.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import { compileGoRegexp } from '../../go/regexp.js';
import { diag, type CheckContext, type SidecarSetUnderCheck } from './context.js';
import { annotationErrors } from './metadata.js';
import type { Obj } from '../../util/json.js';

export function checkPatchPodMetadata(s: SidecarSetUnderCheck, ctx: CheckContext): Diagnostic[] {
  const patches: Obj[] = s.ss.spec.patchPodMetadata ?? [];
  const out: Diagnostic[] = [];
  const path = ['spec', 'patchPodMetadata'];
  const denied = whitelistError(s, ctx);
  if (denied) out.push(diag(rules.patchMetadataNotAllowed, s, path, { reason: denied }));
  const seen = new Set<string>();
  patches.forEach((p, i) => {
    const annotations: Record<string, unknown> = p.annotations ?? {};
    const keys = Object.keys(annotations);
    if (keys.length === 0) out.push(diag(rules.patchMetadataInvalid, s, [...path, i], { reason: 'Required value: no annotations defined for SidecarSet' }, 'spec.patchPodMetadata'));
    for (const reason of annotationErrors(annotations)) out.push(diag(rules.patchMetadataInvalid, s, [...path, i, 'annotations'], { reason }, 'patchPodMetadata.annotations'));
    if (!p.patchPolicy) out.push(diag(rules.patchMetadataInvalid, s, [...path, i], { reason: 'Required value: no patchPolicy defined for patchPodMetadata' }, 'spec.patchPodMetadata'));
    for (const key of keys) {
      if (seen.has(key)) out.push(diag(rules.patchMetadataDuplicateKey, s, [...path, i, 'annotations', key], { key }, 'spec.patchPodMetadata'));
      seen.add(key);
    }
  });
  return out;
}

/** ValidateSidecarSetPatchMetadataWhitelist: why the patches are not allowed, if they are not. */
function whitelistError(s: SidecarSetUnderCheck, ctx: CheckContext): string | undefined {
  const patches: Obj[] = s.ss.spec.patchPodMetadata ?? [];
  if (patches.length === 0) return undefined;
  const defaultsAllowed = featureGate(ctx.cluster, 'SidecarSetPatchPodMetadataDefaultsAllowed');
  const raw = (ctx.kruiseConfiguration?.data as Obj | undefined)?.[PATCH_POD_METADATA_WHITELIST_KEY];
  const where = `ConfigMap ${ctx.cluster.kruiseNamespace}/kruise-configuration key ${PATCH_POD_METADATA_WHITELIST_KEY}`;
  if (raw === undefined || raw === null || raw === '') {
    return defaultsAllowed ? undefined : `Required value: SidecarSet patch metadata whitelist not found (${where} is not in the repo)`;
  }
  let whitelist: Obj;
  try { whitelist = JSON.parse(String(raw)); } catch (e) { return `${where} is not valid JSON: ${(e as Error).message}`; }
  const exprs: RegExp[] = [];
  for (const rule of whitelist?.rules ?? []) {
    if (rule?.selector) {
      const errs = labelSelectorErrors(rule.selector);
      if (errs.length) return `${where}: invalid rule selector: ${errs[0][0]}: ${errs[0][1]}`;
      if (!selectorMatches(rule.selector, s.ss.metadata?.labels ?? {})) continue;
    }
    for (const expr of rule?.allowedAnnotationKeyExprs ?? []) {
      const c = compileGoRegexp(String(expr));
      if (!c.ok) return `${where}: ${c.error}`;
      exprs.push(c.re);
    }
  }
  if (exprs.length === 0) return defaultsAllowed ? undefined : `Required value: sidecarSet patch metadata annotation is not allowed (no whitelist rule applies to this SidecarSet's labels in ${where})`;
  for (const p of patches) {
    for (const key of Object.keys(p.annotations ?? {})) {
      if (!exprs.some((re) => re.test(key))) return `Required value: sidecarSet patch metadata annotation(${key}) is not allowed by ${where}`;
    }
  }
  return undefined;
}
