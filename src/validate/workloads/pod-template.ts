// The part of Kubernetes' ValidatePodTemplateSpec that the CloneSet and Advanced DaemonSet
// webhooks run on their template (after pod defaulting) and that manifests most often break:
// template labels, at least one container, container and volume names (RFC 1123 labels,
// unique), images, volume mounts naming a volume, port numbers and names. For CloneSet the
// webhook first adds one volume per volumeClaimTemplate, so mounts may name a claim template.
// Advanced StatefulSet runs the StatefulSet variant, which checks the template labels but
// skips the pod spec (labelsOnly).
import type { FieldPath, Resource } from '../../api/resource.js';
import { labelValueError, qualifiedNameError } from '../../k8s/selector.js';
import { at, report } from '../../report/catalogue/rule.js';
import * as rules from '../../report/catalogue/workload.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import { dns1123LabelError, portNameError } from '../sidecarset/names.js';
import { dotted, objAt } from './common.js';
import { isObj, type Obj } from '../../util/json.js';

export function checkPodTemplate(res: Resource, extraVolumes: readonly string[] = [], labelsOnly = false): Diagnostic[] {
  const out: Diagnostic[] = [];
  const base: FieldPath = ['spec', 'template'];
  const bad = (path: FieldPath, reason: string) => out.push(report(rules.podTemplateInvalid, { field: dotted(path), reason }, at(res, path)));
  const template = objAt(res.obj, 'spec', 'template');
  if (!template) return out;

  const labels = objAt(template, 'metadata', 'labels');
  // Paths are built only for a finding: this runs for every workload and subset workload.
  for (const [k, v] of Object.entries(labels ?? {})) {
    const ke = qualifiedNameError(k);
    if (ke) bad([...base, 'metadata', 'labels', k], `label key ${JSON.stringify(k)}: ${ke}`);
    if (typeof v === 'string') { const ve = labelValueError(v); if (ve) bad([...base, 'metadata', 'labels', k], `label value ${JSON.stringify(v)}: ${ve}`); }
  }

  const spec = objAt(template, 'spec');
  if (!spec || labelsOnly) return out;
  const specPath: FieldPath = [...base, 'spec'];
  const volumes = new Set<string>(extraVolumes);
  (Array.isArray(spec.volumes) ? spec.volumes : []).forEach((v, i) => {
    if (!isObj(v) || typeof v.name !== 'string') return;
    const e = dns1123LabelError(v.name);
    if (e) bad([...specPath, 'volumes', i, 'name'], e);
    else if (volumes.has(v.name)) bad([...specPath, 'volumes', i, 'name'], `duplicate volume name ${JSON.stringify(v.name)}`);
    volumes.add(v.name);
  });

  const containers = Array.isArray(spec.containers) ? spec.containers : [];
  if (containers.length === 0) bad([...specPath, 'containers'], 'at least one container is required');
  const names = new Set<string>();
  for (const group of ['initContainers', 'containers'] as const) {
    const list = Array.isArray(spec[group]) ? (spec[group] as unknown[]) : [];
    list.forEach((c, i) => {
      if (isObj(c)) checkContainer(c, (...rest) => [...specPath, group, i, ...rest], names, volumes, bad);
    });
  }
  return out;
}

/** `at` gives the path of a field of the container, only when there is something to say. */
function checkContainer(c: Obj, at: (...rest: FieldPath) => FieldPath, names: Set<string>, volumes: Set<string>, bad: (p: FieldPath, r: string) => void): void {
  const name = typeof c.name === 'string' ? c.name : '';
  if (name === '') bad(at('name'), 'name is required');
  else {
    const e = dns1123LabelError(name);
    if (e) bad(at('name'), e);
    else if (names.has(name)) bad(at('name'), `duplicate container name ${JSON.stringify(name)}`);
    names.add(name);
  }
  if (typeof c.image !== 'string' || c.image.trim() === '') bad(at('image'), 'image is required');
  (Array.isArray(c.volumeMounts) ? c.volumeMounts : []).forEach((m, j) => {
    if (!isObj(m) || typeof m.name !== 'string') return;
    if (!volumes.has(m.name)) bad(at('volumeMounts', j, 'name'), `volume ${JSON.stringify(m.name)} is not declared in spec.volumes`);
  });
  const portNames = new Set<string>();
  (Array.isArray(c.ports) ? c.ports : []).forEach((p, j) => {
    if (!isObj(p)) return;
    if (typeof p.containerPort === 'number' && (p.containerPort < 1 || p.containerPort > 65535)) bad(at('ports', j, 'containerPort'), 'must be between 1 and 65535, inclusive');
    if (typeof p.hostPort === 'number' && p.hostPort !== 0 && (p.hostPort < 1 || p.hostPort > 65535)) bad(at('ports', j, 'hostPort'), 'must be between 1 and 65535, inclusive');
    if (typeof p.name === 'string' && p.name !== '') {
      const e = portNameError(p.name);
      if (e) bad(at('ports', j, 'name'), e);
      else if (portNames.has(p.name)) bad(at('ports', j, 'name'), `duplicate port name ${JSON.stringify(p.name)}`);
      portNames.add(p.name);
    }
  });
}
