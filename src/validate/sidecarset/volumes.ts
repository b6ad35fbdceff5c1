// spec.volumes (spec §12.2): the volume part of Kubernetes pod validation, run by Kruise on a
// fake pod holding the SidecarSet's volumes. Judged after defaulting, so a source-less volume
// is already an emptyDir (spec §12.3).
import * as rules from '../../report/catalogue/sidecarset.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import { diag, type SidecarSetUnderCheck } from './context.js';
import { dns1123LabelError } from './names.js';
import { volumeSources } from '../../k8s/volume.js';
import type { Obj } from '../../util/json.js';

const HOST_PATH_TYPES = ['', 'DirectoryOrCreate', 'Directory', 'FileOrCreate', 'File', 'Socket', 'CharDevice', 'BlockDevice'];

export function checkVolumes(s: SidecarSetUnderCheck): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  (s.ss.spec.volumes ?? []).forEach((v: Obj, i: number) => {
    const path = ['spec', 'volumes', i];
    const bad = (sub: (string | number)[], reason: string) => out.push(diag(rules.volumeInvalid, s, [...path, ...sub], { reason }));
    if (v === null || typeof v !== 'object') { bad([], 'Invalid value: must be an object'); return; }
    const name = v.name ?? '';
    if (!name) bad(['name'], 'Required value');
    else {
      const e = dns1123LabelError(String(name));
      if (e) bad(['name'], `Invalid value ${JSON.stringify(name)}: ${e}`);
      if (seen.has(name)) bad(['name'], `Duplicate value: ${JSON.stringify(name)}`);
      seen.add(name);
    }
    const sources = volumeSources(v);
    if (sources.length === 0) bad([], 'Required value: must specify a volume type');
    if (sources.length > 1) bad([sources[1]], 'Forbidden: may not specify more than 1 volume type');
    if (v.hostPath) {
      if (!v.hostPath.path) bad(['hostPath', 'path'], 'Required value');
      if (!HOST_PATH_TYPES.includes(v.hostPath.type ?? '')) bad(['hostPath', 'type'], `Unsupported value: ${JSON.stringify(v.hostPath.type)}`);
    }
    if (v.persistentVolumeClaim && !v.persistentVolumeClaim.claimName) bad(['persistentVolumeClaim', 'claimName'], 'Required value');
    if (v.secret && !v.secret.secretName) bad(['secret', 'secretName'], 'Required value');
    if (v.configMap && !v.configMap.name) bad(['configMap', 'name'], 'Required value');
    for (const k of ['secret', 'configMap', 'downwardAPI', 'projected']) {
      const mode = v[k]?.defaultMode;
      if (typeof mode === 'number' && (mode < 0 || mode > 0o777)) bad([k, 'defaultMode'], `Invalid value: ${mode}: must be a number between 0 and 0777 (octal), both inclusive`);
    }
    for (const [j, src] of (v.projected?.sources ?? []).entries()) {
      const t = src?.serviceAccountToken;
      if (!t) continue;
      if (!t.path) bad(['projected', 'sources', j, 'serviceAccountToken', 'path'], 'Required value');
      const exp = t.expirationSeconds;
      if (typeof exp === 'number' && exp < 600) bad(['projected', 'sources', j, 'serviceAccountToken', 'expirationSeconds'], 'Invalid value: may not specify a duration less than 10 minutes');
      if (typeof exp === 'number' && exp > 2 ** 32) bad(['projected', 'sources', j, 'serviceAccountToken', 'expirationSeconds'], 'Invalid value: may not specify a duration larger than 2^32 seconds');
    }
  });
  return out;
}
