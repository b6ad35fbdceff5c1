// Sidecar containers (spec §12.2): Kruise's own container rules (podInjectPolicy,
// shareVolumePolicy, transferEnv field references) and the container part of Kubernetes pod
// validation, which Kruise runs on a fake pod whose init containers, containers and volumes are
// the SidecarSet's. Judged after defaulting (imagePullPolicy etc. are already filled in).
import type { FieldPath } from '../../api/resource.js';
import { qualifiedNameError } from '../../k8s/selector.js';
import * as rules from '../../report/catalogue/sidecarset.js';
import type { Diagnostic } from '../../report/diagnostic.js';
import { diag, type SidecarSetUnderCheck } from './context.js';
import { configMapKeyError, dns1123LabelError, envVarNameError, portNameError } from './names.js';
import { parseQuantity } from '../../k8s/quantity.js';
import type { Obj } from '../../util/json.js';

type Report = (sub: (string | number)[], reason: string) => void;

export function checkContainers(s: SidecarSetUnderCheck): Diagnostic[] {
  const spec = s.ss.spec;
  const inits: Obj[] = spec.initContainers ?? [];
  const containers: Obj[] = spec.containers ?? [];
  if (inits.length === 0 && containers.length === 0) return [diag(rules.noContainers, s, ['spec'], {})];
  const out: Diagnostic[] = [];
  containers.forEach((c, i) => {
    const path = ['spec', 'containers', i];
    // Upstream reports these two at spec.container.<field> (sic, no index); kruisec names the real field.
    if (c.podInjectPolicy !== 'BeforeAppContainer' && c.podInjectPolicy !== 'AfterAppContainer') {
      out.push(diag(rules.podInjectPolicyInvalid, s, [...path, 'podInjectPolicy'], { value: String(c.podInjectPolicy ?? '') }));
    }
    const share = c.shareVolumePolicy?.type;
    if (share !== 'enabled' && share !== 'disabled') {
      out.push(diag(rules.shareVolumePolicyInvalid, s, [...path, 'shareVolumePolicy', 'type'], { value: String(share ?? '') }));
    }
    (c.transferEnv ?? []).forEach((t: Obj, j: number) => {
      const fr = t?.sourceContainerNameFrom?.fieldRef;
      if (!fr) return;
      const reason = transferFieldRefError(fr);
      if (reason) out.push(diag(rules.transferEnvFieldRefInvalid, s, [...path, 'transferEnv', j, 'sourceContainerNameFrom', 'fieldRef'], { reason }));
    });
  });
  out.push(...podContainerErrors(s, inits, containers));
  return out;
}

/** validateObjectFieldSelector with Kruise's converter: only subscripted pod labels or
 *  annotations name a source container (plain `metadata.name` is rejected). */
function transferFieldRefError(fr: Obj): string | undefined {
  if (!fr.apiVersion) return 'apiVersion: Required value';
  if (!fr.fieldPath) return 'fieldPath: Required value';
  const fieldPath = String(fr.fieldPath);
  const convert = (msg: string) => `fieldPath: Invalid value ${JSON.stringify(fieldPath)}: error converting fieldPath: ${msg}`;
  if (fr.apiVersion !== 'v1') return convert(`unsupported pod version: ${fr.apiVersion}`);
  const split = splitSubscriptedPath(fieldPath);
  if (!split) return convert(`field label not supported: ${fieldPath}`);
  const [path, key] = split;
  if (path !== 'metadata.labels' && path !== 'metadata.annotations') return convert(`field path not supported: ${path}`);
  const e = qualifiedNameError(path === 'metadata.annotations' ? key.toLowerCase() : key);
  return e ? `Invalid value ${JSON.stringify(key)}: ${e}` : undefined;
}

/** fieldpath.SplitMaybeSubscriptedPath: `path['key']` -> [path, key]. */
function splitSubscriptedPath(p: string): [string, string] | undefined {
  if (!p.endsWith("']")) return undefined;
  const s = p.slice(0, -2);
  const i = s.indexOf("['");
  if (i <= 0) return undefined;
  return [s.slice(0, i), s.slice(i + 2)];
}

/** Kubernetes ValidatePodCreate, container part, over the fake pod. */
function podContainerErrors(s: SidecarSetUnderCheck, inits: Obj[], containers: Obj[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const volumes = new Map<string, Obj>();
  for (const v of s.ss.spec.volumes ?? []) if (v?.name) volumes.set(v.name, v);
  const names = new Set<string>();
  // Kruise adds a dummy container named "test" when the SidecarSet has no containers.
  if (containers.length === 0) names.add('test');
  const check = (list: Obj[], key: 'initContainers' | 'containers') => list.forEach((c, i) => {
    const path: FieldPath = ['spec', key, i];
    const container = typeof c.name === 'string' ? c.name : '';
    const bad: Report = (sub, reason) => out.push(diag(rules.containerInvalid, s, [...path, ...sub], { reason, container }));
    containerErrors(c, key === 'initContainers', volumes, names, bad);
  });
  check(inits, 'initContainers');
  check(containers, 'containers');
  // checkHostPortConflicts: regular containers only, keyed by protocol, host IP and port.
  const hostPorts = new Set<string>();
  containers.forEach((c, i) => (c.ports ?? []).forEach((p: Obj, j: number) => {
    if (!p.hostPort) return;
    const key = `${p.protocol ?? ''}/${p.hostIP ?? ''}/${p.hostPort}`;
    if (hostPorts.has(key)) out.push(diag(rules.containerInvalid, s, ['spec', 'containers', i, 'ports', j, 'hostPort'], { reason: `Duplicate value: ${JSON.stringify(key)}`, container: String(c.name ?? '') }));
    hostPorts.add(key);
  }));
  return out;
}

const PROTOCOLS = ['TCP', 'UDP', 'SCTP'];
const PULL_POLICIES = ['Always', 'Never', 'IfNotPresent'];
const MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];
const PROPAGATIONS = ['None', 'HostToContainer', 'Bidirectional'];
const RECURSIVE_READ_ONLY = ['Disabled', 'IfPossible', 'Enabled'];
const ENV_FIELD_PATHS = ['metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName',
  'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs'];
const ENV_RESOURCES = ['limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage'];

function containerErrors(c: Obj, isInit: boolean, volumes: Map<string, Obj>, names: Set<string>, bad: Report): void {
  const name = c.name ?? '';
  if (!name) bad(['name'], 'Required value');
  else {
    const e = dns1123LabelError(name);
    if (e) bad(['name'], `Invalid value ${JSON.stringify(name)}: ${e}`);
    if (names.has(name)) bad(['name'], `Duplicate value: ${JSON.stringify(name)}`);
    names.add(name);
  }
  const image: string = c.image ?? '';
  if (!image) bad(['image'], 'Required value');
  else if (image.trim() !== image) bad(['image'], `Invalid value ${JSON.stringify(image)}: must not have leading or trailing whitespace`);

  const native = isInit && c.restartPolicy === 'Always';
  if (isInit) {
    if (c.restartPolicy !== undefined && c.restartPolicy !== 'Always') bad(['restartPolicy'], `Unsupported value: ${JSON.stringify(c.restartPolicy)}: supported values: "Always"`);
    if (!native) {
      for (const k of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']) {
        if (c[k]) bad([k], 'Forbidden: may not be set for init containers without restartPolicy=Always');
      }
    }
  } else if (c.restartPolicy !== undefined) {
    bad(['restartPolicy'], 'Forbidden: may not be set for non-init containers');
  }

  portErrors(c.ports ?? [], bad);
  envErrors(c.env ?? [], bad);
  (c.envFrom ?? []).forEach((e: Obj, i: number) => {
    const n = (e.configMapRef ? 1 : 0) + (e.secretRef ? 1 : 0);
    if (n !== 1) bad(['envFrom', i], n === 0 ? 'Invalid value: must specify one of: `configMapRef` or `secretRef`' : 'Invalid value: may not have more than one field specified at a time');
    if (e.prefix) { const pe = envVarNameError(e.prefix); if (pe) bad(['envFrom', i, 'prefix'], `Invalid value ${JSON.stringify(e.prefix)}: ${pe}`); }
    for (const k of ['configMapRef', 'secretRef']) if (e[k] && !e[k].name) bad(['envFrom', i, k, 'name'], 'Required value');
  });
  mountErrors(c, volumes, bad);
  resourceErrors(c.resources ?? {}, bad);

  if (!isInit || native) {
    probeErrors(c.livenessProbe, ['livenessProbe'], true, bad);
    probeErrors(c.readinessProbe, ['readinessProbe'], false, bad);
    probeErrors(c.startupProbe, ['startupProbe'], true, bad);
    for (const k of ['postStart', 'preStop']) {
      const h = c.lifecycle?.[k];
      if (h) handlerErrors(h, ['lifecycle', k], ['exec', 'httpGet', 'tcpSocket', 'sleep'], bad);
    }
  }
  if (!c.terminationMessagePolicy) bad(['terminationMessagePolicy'], 'Required value');
  else if (!MESSAGE_POLICIES.includes(c.terminationMessagePolicy)) bad(['terminationMessagePolicy'], `Unsupported value: ${JSON.stringify(c.terminationMessagePolicy)}: supported values: "File", "FallbackToLogsOnError"`);
  if (!c.imagePullPolicy) bad(['imagePullPolicy'], 'Required value');
  else if (!PULL_POLICIES.includes(c.imagePullPolicy)) bad(['imagePullPolicy'], `Unsupported value: ${JSON.stringify(c.imagePullPolicy)}: supported values: "Always", "IfNotPresent", "Never"`);

  const sc = c.securityContext;
  if (sc) {
    for (const k of ['runAsUser', 'runAsGroup']) if (typeof sc[k] === 'number' && sc[k] < 0) bad(['securityContext', k], `Invalid value: ${sc[k]}: must be between 0 and 2147483647, inclusive`);
    if (sc.allowPrivilegeEscalation === false && sc.privileged === true) bad(['securityContext'], 'Invalid value: cannot set `allowPrivilegeEscalation` to false and `privileged` to true');
    if (sc.allowPrivilegeEscalation === false && (sc.capabilities?.add ?? []).includes('CAP_SYS_ADMIN')) bad(['securityContext'], 'Invalid value: cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN');
  }
}

function portErrors(ports: Obj[], bad: Report): void {
  const names = new Set<string>();
  ports.forEach((p, i) => {
    if (p.name) {
      const e = portNameError(p.name);
      if (e) bad(['ports', i, 'name'], `Invalid value ${JSON.stringify(p.name)}: ${e}`);
      if (names.has(p.name)) bad(['ports', i, 'name'], `Duplicate value: ${JSON.stringify(p.name)}`);
      names.add(p.name);
    }
    if (!p.containerPort) bad(['ports', i, 'containerPort'], 'Required value');
    else if (!validPortNumber(p.containerPort)) bad(['ports', i, 'containerPort'], `Invalid value: ${p.containerPort}: must be between 1 and 65535, inclusive`);
    if (p.hostPort && !validPortNumber(p.hostPort)) bad(['ports', i, 'hostPort'], `Invalid value: ${p.hostPort}: must be between 1 and 65535, inclusive`);
    if (!p.protocol) bad(['ports', i, 'protocol'], 'Required value');
    else if (!PROTOCOLS.includes(p.protocol)) bad(['ports', i, 'protocol'], `Unsupported value: ${JSON.stringify(p.protocol)}: supported values: "SCTP", "TCP", "UDP"`);
  });
}

function validPortNumber(n: unknown): boolean {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 65535;
}

function envErrors(env: Obj[], bad: Report): void {
  env.forEach((e, i) => {
    if (!e.name) bad(['env', i, 'name'], 'Required value');
    else { const ne = envVarNameError(e.name); if (ne) bad(['env', i, 'name'], `Invalid value ${JSON.stringify(e.name)}: ${ne}`); }
    const from = e.valueFrom;
    if (!from) return;
    const sources = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef'].filter((k) => from[k]);
    if (sources.length === 0) bad(['env', i, 'valueFrom'], 'Invalid value: must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`');
    else if (sources.length > 1) bad(['env', i, 'valueFrom'], 'Invalid value: may not have more than one field specified at a time');
    if (e.value) bad(['env', i, 'valueFrom'], 'Invalid value: may not be specified when `value` is not empty');
    const fr = from.fieldRef;
    if (fr) {
      const path = String(fr.fieldPath ?? '');
      if (!path) bad(['env', i, 'valueFrom', 'fieldRef', 'fieldPath'], 'Required value');
      else if (!ENV_FIELD_PATHS.includes(path) && !/^metadata\.(labels|annotations)\['.+'\]$/.test(path)) {
        bad(['env', i, 'valueFrom', 'fieldRef', 'fieldPath'], `Unsupported value: ${JSON.stringify(path)}`);
      }
    }
    const rf = from.resourceFieldRef;
    if (rf && !ENV_RESOURCES.includes(rf.resource) && !/^(limits|requests)\.hugepages-/.test(String(rf.resource ?? ''))) {
      bad(['env', i, 'valueFrom', 'resourceFieldRef', 'resource'], rf.resource ? `Unsupported value: ${JSON.stringify(rf.resource)}` : 'Required value');
    }
    for (const k of ['configMapKeyRef', 'secretKeyRef']) {
      const ref = from[k];
      if (!ref) continue;
      if (!ref.name) bad(['env', i, 'valueFrom', k, 'name'], 'Required value');
      if (!ref.key) bad(['env', i, 'valueFrom', k, 'key'], 'Required value');
      else { const ke = configMapKeyError(ref.key); if (ke) bad(['env', i, 'valueFrom', k, 'key'], `Invalid value ${JSON.stringify(ref.key)}: ${ke}`); }
    }
  });
}

/** validateVolumeMounts + validateVolumeDevices, including their cross-checks. */
function mountErrors(c: Obj, volumes: Map<string, Obj>, bad: Report): void {
  const mounts: Obj[] = c.volumeMounts ?? [];
  const devices: Obj[] = c.volumeDevices ?? [];
  const mountPaths = new Set<string>();
  mounts.forEach((m, i) => {
    const at = (k: string) => ['volumeMounts', i, k];
    if (!m.name) bad(at('name'), 'Required value');
    else if (!volumes.has(m.name)) bad(at('name'), `Not found: ${JSON.stringify(m.name)} (no volume of that name in spec.volumes)`);
    if (!m.mountPath) bad(at('mountPath'), 'Required value');
    else if (mountPaths.has(m.mountPath)) bad(at('mountPath'), `Invalid value ${JSON.stringify(m.mountPath)}: must be unique`);
    if (m.mountPath) mountPaths.add(m.mountPath);
    if (m.subPath && m.subPathExpr) bad(at('subPathExpr'), 'Invalid value: subPathExpr and subPath are mutually exclusive');
    for (const k of ['subPath', 'subPathExpr']) {
      const e = m[k] ? descendingPathError(String(m[k])) : undefined;
      if (e) bad(at(k), `Invalid value ${JSON.stringify(m[k])}: ${e}`);
    }
    if (m.mountPropagation !== undefined && !PROPAGATIONS.includes(m.mountPropagation)) bad(at('mountPropagation'), `Unsupported value: ${JSON.stringify(m.mountPropagation)}: supported values: "Bidirectional", "HostToContainer", "None"`);
    if (m.mountPropagation === 'Bidirectional' && c.securityContext?.privileged !== true) bad(at('mountPropagation'), 'Forbidden: Bidirectional mount propagation is available only to privileged containers');
    if (m.recursiveReadOnly !== undefined) {
      if (!RECURSIVE_READ_ONLY.includes(m.recursiveReadOnly)) bad(at('recursiveReadOnly'), `Unsupported value: ${JSON.stringify(m.recursiveReadOnly)}: supported values: "Disabled", "Enabled", "IfPossible"`);
      else if (m.recursiveReadOnly !== 'Disabled' && !m.readOnly) bad(at('recursiveReadOnly'), 'Forbidden: may only be specified when readOnly is true');
    }
    if (m.name && devices.some((d) => d.name === m.name)) bad(at('name'), `Invalid value ${JSON.stringify(m.name)}: must not already exist in volumeDevices`);
    if (m.mountPath && devices.some((d) => d.devicePath === m.mountPath)) bad(at('mountPath'), `Invalid value ${JSON.stringify(m.mountPath)}: must not already exist as a path in volumeDevices`);
  });
  const devicePaths = new Set<string>();
  devices.forEach((d, i) => {
    const at = (k: string) => ['volumeDevices', i, k];
    if (!d.name) bad(at('name'), 'Required value');
    else if (!volumes.has(d.name)) bad(at('name'), `Not found: ${JSON.stringify(d.name)} (no volume of that name in spec.volumes)`);
    else if (!volumes.get(d.name)!.persistentVolumeClaim) bad(at('name'), `Invalid value ${JSON.stringify(d.name)}: can only use volume source type of PersistentVolumeClaim for block mode`);
    if (!d.devicePath) bad(at('devicePath'), 'Required value');
    else if (devicePaths.has(d.devicePath)) bad(at('devicePath'), `Invalid value ${JSON.stringify(d.devicePath)}: must be unique`);
    if (d.devicePath) devicePaths.add(d.devicePath);
    if (d.name && mounts.some((m) => m.name === d.name)) bad(at('name'), `Invalid value ${JSON.stringify(d.name)}: must not already be mounted in volumeMounts`);
    if (d.devicePath && mounts.some((m) => m.mountPath === d.devicePath)) bad(at('devicePath'), `Invalid value ${JSON.stringify(d.devicePath)}: must not already be mounted in volumeMounts`);
  });
}

/** validateLocalDescendingPath: relative, no `..` element. */
function descendingPathError(p: string): string | undefined {
  if (p.startsWith('/')) return 'must be a relative path';
  if (p.split(/[\\/]/).includes('..')) return "must not contain '..'";
  return undefined;
}

const STANDARD_RESOURCES = ['cpu', 'memory', 'ephemeral-storage'];

/** ValidateResourceRequirements for a container. */
function resourceErrors(r: Obj, bad: Report): void {
  const parsed: Record<'limits' | 'requests', Record<string, bigint>> = { limits: {}, requests: {} };
  for (const kind of ['limits', 'requests'] as const) {
    for (const [k, v] of Object.entries((r[kind] ?? {}) as Obj)) {
      const at = ['resources', kind, k];
      const standard = STANDARD_RESOURCES.includes(k) || k.startsWith('hugepages-');
      if (!standard) {
        const e = k.includes('/') ? qualifiedNameError(k) : 'must be a standard resource type or fully qualified';
        if (e) { bad(at, `Invalid value ${JSON.stringify(k)}: ${e}`); continue; }
      }
      const q = parseQuantity(v as string | number);
      if (!q) { bad(at, `Invalid value ${JSON.stringify(v)}: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`); continue; }
      if (q.nano < 0n) bad(at, `Invalid value ${JSON.stringify(v)}: must be greater than or equal to 0`);
      if (!standard && q.nano % 1_000_000_000n !== 0n) bad(at, `Invalid value ${JSON.stringify(v)}: must be an integer`);
      parsed[kind][k] = q.nano;
    }
  }
  for (const [k, req] of Object.entries(parsed.requests)) {
    const lim = parsed.limits[k];
    if (lim !== undefined && req > lim) bad(['resources', 'requests', k], `Invalid value ${JSON.stringify(r.requests[k])}: must be less than or equal to ${k} limit of ${JSON.stringify(r.limits[k])}`);
  }
}

function probeErrors(p: Obj | undefined, at: string[], successMustBeOne: boolean, bad: Report): void {
  if (!p) return;
  handlerErrors(p, at, ['exec', 'httpGet', 'tcpSocket', 'grpc'], bad);
  for (const k of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
    if (typeof p[k] === 'number' && p[k] < 0) bad([...at, k], `Invalid value: ${p[k]}: must be greater than or equal to 0`);
  }
  if (successMustBeOne && p.successThreshold !== undefined && p.successThreshold !== 1) bad([...at, 'successThreshold'], `Invalid value: ${p.successThreshold}: must be 1`);
  if (typeof p.terminationGracePeriodSeconds === 'number' && p.terminationGracePeriodSeconds <= 0) bad([...at, 'terminationGracePeriodSeconds'], `Invalid value: ${p.terminationGracePeriodSeconds}: must be greater than 0`);
  if (!successMustBeOne && p.terminationGracePeriodSeconds !== undefined) bad([...at, 'terminationGracePeriodSeconds'], 'Invalid value: must not be set for readinessProbes');
}

/** Exactly one handler, each well-formed. */
function handlerErrors(h: Obj, at: string[], kinds: string[], bad: Report): void {
  const set = kinds.filter((k) => h[k]);
  if (set.length === 0) { bad(at, 'Required value: must specify a handler type'); return; }
  if (set.length > 1) bad([...at, set[1]], 'Forbidden: may not specify more than 1 handler type');
  if (h.exec && !(h.exec.command ?? []).length) bad([...at, 'exec', 'command'], 'Required value');
  for (const k of ['httpGet', 'tcpSocket']) {
    const port = h[k]?.port;
    if (h[k] && !validPortOrName(port)) bad([...at, k, 'port'], `Invalid value: ${JSON.stringify(port)}: must be a port number between 1 and 65535 or a port name`);
  }
  if (h.httpGet?.scheme && !['HTTP', 'HTTPS'].includes(h.httpGet.scheme)) bad([...at, 'httpGet', 'scheme'], `Unsupported value: ${JSON.stringify(h.httpGet.scheme)}: supported values: "HTTP", "HTTPS"`);
  if (h.grpc && !validPortNumber(h.grpc.port)) bad([...at, 'grpc', 'port'], `Invalid value: ${JSON.stringify(h.grpc.port)}: must be between 1 and 65535, inclusive`);
  if (h.sleep && !(typeof h.sleep.seconds === 'number' && h.sleep.seconds >= 0)) bad([...at, 'sleep', 'seconds'], `Invalid value: ${JSON.stringify(h.sleep.seconds)}: must be greater than or equal to 0`);
}

function validPortOrName(port: unknown): boolean {
  if (typeof port === 'number') return validPortNumber(port);
  return typeof port === 'string' && port !== '' && portNameError(port) === undefined;
}
